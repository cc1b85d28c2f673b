import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  logCrashes,
  logProcessErrors,
  openLog,
  scrubLogText,
  startupLine,
  type ScrubContext,
} from '../../electron/log';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-log-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const windows: ScrubContext = {
  home: 'C:\\Users\\Wang Fang',
  appFolders: ['C:\\Users\\Wang Fang\\AppData\\Local\\Programs\\icp-packet-studio\\resources\\app.asar'],
};
const mac: ScrubContext = {
  home: '/Users/wangfang',
  appFolders: ['/Applications/ICP Packet Studio.app/Contents/Resources/app.asar'],
};

describe('scrubLogText: nothing of a case or a person reaches the log', () => {
  it('hides paths outside the app, keeping the app’s own (with ~ for the home folder) for stack traces', () => {
    expect(
      scrubLogText(
        "ENOENT: no such file or directory, open 'C:\\Users\\Wang Fang\\Documents\\Northwind 北风\\acme.icpcase'",
        windows,
      ),
    ).toBe("ENOENT: no such file or directory, open '~/<path>'");
    expect(scrubLogText('could not read D:\\Clients\\Acme\\scan.jpg', windows)).toBe('could not read <path>');
    // A path runs to the quote, bracket or line end that closes it: a space inside does not end it.
    expect(scrubLogText('open /Volumes/USB/Acme Ltd/case.icpcase failed', mac)).toBe('open <path>');
    expect(scrubLogText("mkdir '/Volumes/USB/Acme Ltd' (EACCES)", mac)).toBe("mkdir '<path>' (EACCES)");
    expect(scrubLogText('at file:///Users/wangfang/Desktop/x.icpcase', mac)).toBe('at ~/<path>');
    expect(
      scrubLogText(
        '    at importCase (C:\\Users\\Wang Fang\\AppData\\Local\\Programs\\icp-packet-studio\\resources\\app.asar\\dist\\electron\\main.cjs:212648:13)',
        windows,
      ),
    ).toBe(
      '    at importCase (~\\AppData\\Local\\Programs\\icp-packet-studio\\resources\\app.asar\\dist\\electron\\main.cjs:212648:13)',
    );
    expect(
      scrubLogText(
        '    at run (/Applications/ICP Packet Studio.app/Contents/Resources/app.asar/dist/electron/main.cjs:10:5)',
        mac,
      ),
    ).toBe(
      '    at run (/Applications/ICP Packet Studio.app/Contents/Resources/app.asar/dist/electron/main.cjs:10:5)',
    );
    expect(scrubLogText('    at node:internal/fs/promises:639:12', mac)).toBe(
      '    at node:internal/fs/promises:639:12',
    );
  });

  it('hides identifiers, phone numbers, e-mail addresses, Chinese text and quoted values', () => {
    const scrubbed = scrubLogText(
      'case "Acme Shanghai" of 上海北风贸易有限公司: USCC 91310000MA1FL8XQ3B, ID 11010519491231002X, ' +
        'passport E12345678, phone +86 138 0013 8000, mail wang.fang@acme.cn, ICP 沪ICP备2024012345号',
      mac,
    );
    expect(scrubbed).toBe(
      'case "…" of <text>: USCC <number>, ID <number>, passport <number>, phone <number>, mail <email>, ICP <text>ICP<text><number><text>',
    );
    for (const secret of ['Acme', '91310000', '1101051949', '12345678', '0013', 'wang.fang', '2024012345'])
      expect(scrubbed).not.toContain(secret);
  });

  it('keeps what support needs: versions, error codes, line and column numbers', () => {
    const line =
      'Electron 45.5.0, Chromium 140.0.7339.41, Node 22.20.0 · win32 10.0.22631 x64 · locale zh-CN';
    expect(scrubLogText(line, windows)).toBe(line);
    expect(scrubLogText('TypeError: x is not a function (main.cjs:212648:13) EACCES', windows)).toBe(
      'TypeError: x is not a function (main.cjs:212648:13) EACCES',
    );
  });
});

describe('the log file', () => {
  it('writes start-up and errors with their stack, every line scrubbed', async () => {
    const log = openLog({
      dir: path.join(dir, 'logs'),
      scrub: mac,
      now: () => new Date('2026-12-07T08:00:00Z'),
    });
    log.info(
      startupLine({
        appName: 'ICP Packet Studio',
        appVersion: '0.1.0',
        versions: { electron: '45.5.0', chrome: '140.0.7339.41', node: '22.20.0' },
        os: { platform: 'darwin', release: '24.1.0', arch: 'arm64' },
        locale: 'zh-CN',
        packaged: true,
      }),
    );
    const error = new Error('cannot open /Users/wangfang/Documents/北风.icpcase');
    error.stack = `${error.message}\n    at open (/Applications/ICP Packet Studio.app/Contents/Resources/app.asar/dist/electron/main.cjs:5:1)`;
    log.error('case:import failed', error);
    const text = await readFile(log.file, 'utf8');
    expect(text).toBe(
      '2026-12-07T08:00:00.000Z INFO ICP Packet Studio 0.1.0 started · Electron 45.5.0, Chromium 140.0.7339.41, Node 22.20.0 · darwin 24.1.0 arm64 · locale zh-CN\n' +
        '2026-12-07T08:00:00.000Z ERROR case:import failed\n' +
        '    cannot open ~/<path>\n' +
        '        at open (/Applications/ICP Packet Studio.app/Contents/Resources/app.asar/dist/electron/main.cjs:5:1)\n',
    );
    expect(path.basename(log.file)).toBe('main.log');
  });

  it('rotates at the size limit and keeps three files', async () => {
    const logs = path.join(dir, 'logs');
    const log = openLog({ dir: logs, scrub: mac, maxBytes: 1000, files: 3 });
    for (let i = 0; i < 100; i++) log.info(`entry ${'x'.repeat(80)} ${i}`);
    expect((await readdir(logs)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of ['main.log', 'main.1.log', 'main.2.log'])
      expect((await stat(path.join(logs, name))).size, name).toBeLessThanOrEqual(1000);
    // The newest entries are in main.log, the ones before them in main.1.log.
    expect(await readFile(path.join(logs, 'main.log'), 'utf8')).toContain(' 99\n');
    const older = await readFile(path.join(logs, 'main.1.log'), 'utf8');
    const newestOlder = Number(/ (\d+)\n$/.exec(older)?.[1]);
    const oldestCurrent = Number(/ (\d+)\n/.exec(await readFile(path.join(logs, 'main.log'), 'utf8'))?.[1]);
    expect(oldestCurrent).toBe(newestOlder + 1);
  });

  it('goes on from an existing log’s size after a restart', async () => {
    const logs = path.join(dir, 'logs');
    openLog({ dir: logs, scrub: mac, maxBytes: 1000 }).info('x'.repeat(900));
    openLog({ dir: logs, scrub: mac, maxBytes: 1000 }).info('y'.repeat(200));
    expect((await readdir(logs)).sort()).toEqual(['main.1.log', 'main.log']);
  });

  it('a folder it cannot write never throws', async () => {
    const blocked = path.join(dir, 'blocked');
    await writeFile(blocked, 'a file where the folder should be');
    const log = openLog({ dir: blocked, scrub: mac });
    expect(() => log.error('boom', new Error('x'))).not.toThrow();
  });

  it('records uncaught exceptions (watching only) and unhandled rejections', async () => {
    const log = openLog({ dir: path.join(dir, 'logs'), scrub: mac });
    const processEvents = new EventEmitter();
    logProcessErrors(processEvents as unknown as NodeJS.Process, log);
    processEvents.emit('uncaughtExceptionMonitor', new RangeError('bad range'));
    processEvents.emit('unhandledRejection', new Error('lost promise'));
    expect(processEvents.listenerCount('uncaughtException')).toBe(0);
    const text = await readFile(log.file, 'utf8');
    expect(text).toMatch(/ERROR uncaught exception\n {4}RangeError: bad range/);
    expect(text).toMatch(/ERROR unhandled promise rejection\n {4}Error: lost promise/);
  });

  it('records a crashed or killed window page and helper process, with reason and exit code', async () => {
    const log = openLog({ dir: path.join(dir, 'logs'), scrub: mac });
    const app = new EventEmitter();
    logCrashes(app, log);
    app.emit('render-process-gone', {}, { id: 42 }, { reason: 'oom', exitCode: -536870904 });
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 139 });
    app.emit('child-process-gone', {}, { type: 'Utility', reason: 'clean-exit', exitCode: 0 });
    // Only Electron's own words are written as they are.
    app.emit('child-process-gone', {}, { type: '/Users/wangfang/x', reason: 'crashed "x"', exitCode: 1.5 });
    const text = await readFile(log.file, 'utf8');
    expect(text).toMatch(/ERROR the window’s page stopped: oom, exit code -536870904\n/);
    expect(text).toMatch(/ERROR a GPU process stopped: crashed, exit code 139\n/);
    // A helper that ends normally is not an error.
    expect(text).not.toContain('Utility');
    expect(text).toMatch(/ERROR a helper process stopped: unknown, exit code \?\n/);
    expect(text).not.toContain('wangfang');
  });
});
