import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenRequest } from '../../electron/contract';
import { CaseFileOpener, checkCaseFile, fileArguments } from '../../electron/open-files';
import { ICPCASE_LIMITS } from '../../host/store/icpcase';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-open-files-'));
  await writeFile(path.join(dir, 'acme.icpcase'), 'PK\x05\x06');
  await writeFile(path.join(dir, 'Globex.ICPCASE'), 'PK\x05\x06');
  await writeFile(path.join(dir, 'notes.txt'), 'hello');
  await mkdir(path.join(dir, 'folder.icpcase'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkCaseFile: nothing from the command line is trusted', () => {
  it('accepts an existing regular .icpcase file (any case of the extension), relative to the folder given', async () => {
    expect(await checkCaseFile('acme.icpcase', dir)).toEqual({
      ok: true,
      file: path.join(dir, 'acme.icpcase'),
    });
    expect(await checkCaseFile(path.join(dir, 'Globex.ICPCASE'), '/')).toMatchObject({ ok: true });
  });

  it('refuses anything else, saying why', async () => {
    expect(await checkCaseFile('notes.txt', dir)).toEqual({ ok: false, refused: 'notCaseFile' });
    expect(await checkCaseFile('folder.icpcase', dir)).toEqual({ ok: false, refused: 'notCaseFile' });
    expect(await checkCaseFile('gone.icpcase', dir)).toEqual({ ok: false, refused: 'caseFileMissing' });
    expect(await checkCaseFile('acme.icpcase\0.txt', dir)).toEqual({ ok: false, refused: 'notCaseFile' });
    expect(await checkCaseFile('--inspect=9229', dir)).toEqual({ ok: false, refused: 'notCaseFile' });
    const huge = async () => ({ isFile: () => true, size: ICPCASE_LIMITS.maxTotalBytes + 1 });
    expect(await checkCaseFile('acme.icpcase', dir, huge)).toEqual({ ok: false, refused: 'importTooLarge' });
    const denied = async () => {
      throw Object.assign(new Error('denied'), { code: 'EACCES' });
    };
    expect(await checkCaseFile('acme.icpcase', dir, denied)).toEqual({
      ok: false,
      refused: 'caseFileUnreadable',
    });
  });
});

describe('fileArguments', () => {
  it('skips the executable (and, unpackaged, the app folder) and every switch Chromium adds', () => {
    const argv = [
      'C:\\Program Files\\ICP Packet Studio\\ICP Packet Studio.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      'D:\\Clients\\acme.icpcase',
    ];
    expect(fileArguments(argv, true)).toEqual(['D:\\Clients\\acme.icpcase']);
    expect(fileArguments(['electron', '.', 'acme.icpcase', '-x'], false)).toEqual(['acme.icpcase']);
  });
});

describe('CaseFileOpener', () => {
  function opener() {
    const lines: string[] = [];
    const sent: OpenRequest[] = [];
    let tokens = 0;
    const offered: string[] = [];
    const instance = new CaseFileOpener({ info: (line) => lines.push(line) });
    const connect = (listening = true) =>
      instance.connect({
        offer: (file) => {
          offered.push(file);
          return `token-${++tokens}`;
        },
        send: (request) => {
          if (!listening) return false;
          sent.push(request);
          return true;
        },
      });
    return { instance, lines, sent, offered, connect };
  }

  it('queues what arrives before the app is ready (macOS open-file), and hands it over in order', async () => {
    const o = opener();
    await o.instance.open(path.join(dir, 'acme.icpcase'), '/');
    await o.instance.open(path.join(dir, 'gone.icpcase'), '/');
    await o.instance.open('Globex.ICPCASE', dir);
    o.connect();
    expect(await o.instance.take()).toEqual([
      { importToken: 'token-1' },
      { refused: 'caseFileMissing' },
      { importToken: 'token-2' },
    ]);
    expect(o.offered).toEqual([path.join(dir, 'acme.icpcase'), path.join(dir, 'Globex.ICPCASE')]);
    expect(await o.instance.take()).toEqual([]);
  });

  it('sends what arrives once the renderer has asked; queues again while it is gone', async () => {
    const o = opener();
    o.connect();
    expect(await o.instance.take()).toEqual([]);
    await o.instance.open('acme.icpcase', dir);
    expect(o.sent).toEqual([{ importToken: 'token-1' }]);
    o.instance.rendererGone();
    await o.instance.open('acme.icpcase', dir);
    expect(o.sent).toHaveLength(1);
    expect(await o.instance.take()).toEqual([{ importToken: 'token-2' }]);
  });

  it('a take waits for the checks already running, so nothing overtakes it', async () => {
    const o = opener();
    o.connect();
    const opening = o.instance.open('acme.icpcase', dir);
    const taken = o.instance.take();
    await opening;
    expect(await taken).toEqual([{ importToken: 'token-1' }]);
    expect(o.sent).toEqual([]);
  });

  it('command-line arguments that are not case files are ignored with a log line that does not name them', async () => {
    const o = opener();
    o.connect();
    await o.instance.take();
    await o.instance.openArguments(
      ['app.exe', '--squirrel-firstrun', path.join(dir, 'notes.txt'), path.join(dir, 'acme.icpcase')],
      dir,
      true,
    );
    expect(o.sent).toEqual([{ importToken: 'token-1' }]);
    expect(o.lines).toEqual(['ignored a file the system asked to open: notCaseFile']);
    // A file the user picked (Open Recent) that is not a case file is shown, not ignored.
    await o.instance.open(path.join(dir, 'notes.txt'), dir);
    expect(o.sent.at(-1)).toEqual({ refused: 'notCaseFile' });
  });
});
