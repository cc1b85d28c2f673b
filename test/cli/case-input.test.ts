/**
 * Every command that takes a case reads an .icpcase written by the app's own exporter (host/store/icpcase.ts)
 * exactly as it reads the case.json it came from — the same JSON, the same files — and refuses a damaged,
 * altered, foreign or newer archive with exit 2 and one wording, whichever command was run.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { cliLanguage } from '../../cli/messages';
import type { Case } from '../../core/model/case';
import { restore } from '../../core/model/restore';
import { exportCaseArchive } from '../../host/store/icpcase';
import { sha256Hex } from '../../host/store/attachments';
import { readZipSafely, writeZip } from '../../host/store/zip';
import { extractText } from '../core/documents/pdf-reader';
import { RESOURCES_DIR } from '../support/paths';

let dir: string;
let sampleCase: Case;
let scans: Map<string, Buffer>;
let archive: Uint8Array;
const TODAY = '2026-12-03';

async function runWith(
  env: Record<string, string> | undefined,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    stdout: (s: string) => (out += s),
    stderr: (s: string) => (err += s),
    cwd: dir,
    resourcesDir: RESOURCES_DIR,
  };
  const code = await main(argv, env ? { ...io, env } : io);
  return { code, out, err };
}

const run = (...argv: string[]) => runWith(undefined, ...argv);

const write = (name: string, bytes: Uint8Array | string) => writeFile(path.join(dir, name), bytes);

/** The archive's entries, changed by `edit`, zipped again (the exporter's own zip writer). */
function rezip(edit: (files: Map<string, Uint8Array>) => void, from = archive): Uint8Array {
  const files = readZipSafely(from, { maxEntries: 100, maxEntryBytes: 1 << 26, maxTotalBytes: 1 << 28 });
  edit(files);
  return writeZip([...files].map(([name, data]) => ({ name, data })));
}

/** ISO times (the export's `generatedAt`, the calendar's DTSTAMP) differ between two runs; nothing else may. */
const normalised = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:<time>');

/**
 * What a file says: a PDF's pages and every piece of text with its place and size (its bytes carry the time
 * and a random font-subset tag); the manifest without the PDFs' hashes; text files as they are (times aside);
 * anything else (the scans) byte for byte.
 */
async function contentOf(file: string): Promise<unknown> {
  const bytes = await readFile(file);
  if (file.endsWith('.pdf')) return extractText(new Uint8Array(bytes));
  if (!/\.(json|html|ics)$/.test(file)) return bytes;
  if (path.basename(file) !== 'manifest.json') return normalised(bytes);
  const manifest = JSON.parse(normalised(bytes)) as { files: { path: string }[] };
  const files = manifest.files.map((f) => (f.path.endsWith('.pdf') ? { path: f.path } : f));
  return { ...manifest, files };
}

async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-case-input-'));
  expect((await run('sample', '--out', 'sample', '--lang', 'en')).code).toBe(0);
  const restored = restore(JSON.parse(await readFile(path.join(dir, 'sample', 'case.json'), 'utf8')));
  if (!restored.ok) throw new Error(restored.details);
  sampleCase = restored.case;
  scans = new Map();
  for (const meta of sampleCase.attachments)
    scans.set(meta.id, await readFile(path.join(dir, 'sample', 'attachments', `${meta.id}.jpg`)));
  archive = await exportCaseArchive(sampleCase, scans, { now: new Date() });
  await write('sample.icpcase', archive);
  // Told apart by content: the same archive under another name.
  await write('exported-case.bin', archive);
  await write(
    'locked.icpcase',
    await exportCaseArchive(sampleCase, scans, {
      now: new Date(),
      passphrase: '口令 correct horse',
      passphraseCostLog2: 10,
    }),
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an .icpcase reads as the case.json it was exported from', () => {
  it.each([
    ['check', '--json', '--today', TODAY],
    ['check', '--today', TODAY, '--lang', 'zh-CN'],
    ['decide', '--json'],
    ['decide', '--lang', 'zh-CN'],
  ])('%s %s: the same output and exit code', async (command, ...options) => {
    const fromJson = await run(command, 'sample/case.json', ...options);
    expect(fromJson.err).toBe('');
    for (const file of ['sample.icpcase', 'exported-case.bin']) {
      const fromArchive = await run(command, file, ...options);
      expect(fromArchive, file).toEqual(fromJson);
    }
  });

  it('check on an encrypted .icpcase: refused without the passphrase or with a wrong one, the same with it', async () => {
    const plain = await run('check', 'sample/case.json', '--json', '--today', TODAY);
    const none = await run('check', 'locked.icpcase', '--json', '--today', TODAY, '--lang', 'en');
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toMatch(
      /locked\.icpcase is protected with a passphrase: pass --passphrase <passphrase>/,
    );
    const wrong = await run('check', 'locked.icpcase', '--json', '--passphrase', 'guess', '--lang', 'zh-CN');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(
      /^icp-packet check：无法打开 .*locked\.icpcase：密码不正确，未读取任何内容。\n$/,
    );
    const right = await run(
      'check',
      'locked.icpcase',
      '--json',
      '--today',
      TODAY,
      '--passphrase',
      '口令 correct horse',
    );
    expect(right).toEqual(plain);
  });

  it('an encrypted .icpcase opens with ICP_PACKET_PASSPHRASE; --passphrase wins over it', async () => {
    const plain = await run('check', 'sample/case.json', '--json', '--today', TODAY);
    const env = { ICP_PACKET_PASSPHRASE: '口令 correct horse' };
    const fromEnv = await runWith(env, 'check', 'locked.icpcase', '--json', '--today', TODAY);
    expect(fromEnv).toEqual(plain);
    const optionWins = await runWith(
      env,
      'check',
      'locked.icpcase',
      '--json',
      '--passphrase',
      'guess',
      '--lang',
      'en',
    );
    expect(optionWins.code).toBe(2);
    expect(optionWins.err).toMatch(/locked\.icpcase: the passphrase is not correct/);
    const wrongEnv = await runWith(
      { ICP_PACKET_PASSPHRASE: 'guess' },
      'check',
      'locked.icpcase',
      '--lang',
      'en',
    );
    expect(wrongEnv.code).toBe(2);
    expect(wrongEnv.err).toMatch(/the passphrase is not correct/);
  });

  it('an encrypted .icpcase with an altered entry: the checksum refusal names the entry', async () => {
    const altered = rezip(
      (files) => {
        const sealed = new Uint8Array(files.get('case.json.enc') ?? []);
        sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
        files.set('case.json.enc', sealed);
      },
      await readFile(path.join(dir, 'locked.icpcase')),
    );
    await write('altered.icpcase', altered);
    const r = await run('check', 'altered.icpcase', '--passphrase', '口令 correct horse', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/: "case\.json\.enc" in the \.icpcase does not match its checksum/);
  });

  it('reminders: the same reminders and the same calendar', async () => {
    const reminders = async (file: string, out: string) => {
      const r = await run('reminders', file, '--out', out, '--today', TODAY, '--json');
      expect(r.code, r.err).toBe(0);
      const data = JSON.parse(r.out) as { file: string; reminders: unknown[] };
      expect(data.file).toBe(path.join(dir, out));
      return { reminders: data.reminders, ics: await contentOf(data.file) };
    };
    const fromJson = await reminders('sample/case.json', 'json.ics');
    expect(fromJson.reminders.length).toBeGreaterThan(0);
    expect(await reminders('sample.icpcase', 'icpcase.ics')).toEqual(fromJson);
  });

  it('render: the same PDF, page for page and line for line', async () => {
    const render = async (file: string, out: string) => {
      const r = await run('render', file, 'filing-commitment', '--out', out);
      expect(r.code, r.err).toBe(0);
      return contentOf(path.join(dir, out));
    };
    const fromJson = await render('sample/case.json', 'json.pdf');
    expect(JSON.stringify(fromJson)).toContain('互联网信息服务备案承诺书');
    expect(await render('sample.icpcase', 'icpcase.pdf')).toEqual(fromJson);
  }, 60_000);

  it('build: the same packet folder, file for file, the scans taken from inside the archive', async () => {
    const build = async (file: string, out: string, ...extra: string[]) => {
      const r = await run('build', file, '--out', out, '--accept-warnings', '--lang', 'en', ...extra);
      expect(r.code, r.err).toBe(0);
      const [folder = ''] = await readdir(path.join(dir, out));
      return path.join(dir, out, folder);
    };
    const fromJson = await build('sample/case.json', 'packet-json');
    const fromArchive = await build('locked.icpcase', 'packet-icpcase', '--passphrase', '口令 correct horse');
    expect(path.basename(fromArchive)).toBe(path.basename(fromJson));
    const files = await filesBelow(fromJson);
    expect(files).toContain('附件 Attachments/营业执照.jpg');
    expect(await filesBelow(fromArchive)).toEqual(files);
    for (const file of files) {
      expect(await contentOf(path.join(fromArchive, file)), file).toEqual(
        await contentOf(path.join(fromJson, file)),
      );
    }
  }, 180_000);

  it('adcheck reads ad copy, not a case: an .icpcase is refused as not text', async () => {
    const r = await run('adcheck', 'sample.icpcase', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sample\.icpcase is not UTF-8 text/);
  });
});

describe('archives that are not a readable case: exit 2, one wording for every command', () => {
  /** Each command that takes a case, with what else it needs to get as far as reading it. */
  const COMMANDS = [
    ['check'],
    ['decide'],
    ['reminders', '--out', 'r.ics'],
    ['render', '%', 'filing-commitment', '--out', 'r.pdf'],
    ['build', '--out', 'never-built'],
  ];
  const runEach = async (file: string, lang: string) => {
    const results = [];
    for (const [command = '', ...rest] of COMMANDS) {
      const args = rest.includes('%') ? rest.map((a) => (a === '%' ? file : a)) : [file, ...rest];
      results.push({ command, ...(await run(command, ...args, '--lang', lang)) });
    }
    return results;
  };

  it.each([
    [
      'damaged.icpcase',
      () => archive.subarray(0, Math.floor(archive.length / 2)),
      /: the \.icpcase archive is damaged \(notAZip\)\. Ask the sender to export it again\.$/,
    ],
    [
      'flipped.icpcase',
      () => {
        // A byte of a stored scan changed: the zip's CRC-32 no longer matches.
        const copy = new Uint8Array(archive);
        const at = Buffer.from(copy).indexOf('attachments/') + 'attachments/<sha256>.jpg'.length + 1000;
        copy[at] = (copy[at] ?? 0) ^ 0xff;
        return copy;
      },
      /: a file in the \.icpcase does not match its checksum — the archive is damaged or was altered\./,
    ],
    [
      'swapped.icpcase',
      () =>
        rezip((files) => {
          // A scan replaced by other bytes, zipped consistently: only its SHA-256 gives it away.
          const [name] = [...files.keys()].filter((n) => n.startsWith('attachments/'));
          files.set(name ?? '', new Uint8Array(scans.values().next().value ?? []).reverse());
        }),
      /: "attachments\/[0-9a-f]{64}" in the \.icpcase does not match its checksum/,
    ],
    [
      'photos.zip',
      () => writeZip([{ name: 'holiday/IMG_0001.txt', data: Buffer.from('not a case') }]),
      /: it is a zip, but not an \.icpcase exported by ICP Packet Studio \(no manifest\.json\)\.$/,
    ],
    [
      'future.icpcase',
      () =>
        rezip((files) => {
          const manifest = JSON.parse(Buffer.from(files.get('manifest.json') ?? []).toString()) as object;
          files.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, version: 2 })));
        }),
      /: it is an \.icpcase of format version 2, made by a newer version of ICP Packet Studio \(this icp-packet reads version 1\)\. Update icp-packet to read it\.$/,
    ],
    [
      'newer-case.icpcase',
      () =>
        rezip((files) => {
          // A newer app writes a consistent archive: case.json and its SHA-256 in the manifest.
          const c = JSON.parse(Buffer.from(files.get('case.json') ?? []).toString()) as object;
          const caseJson = Buffer.from(JSON.stringify({ ...c, schemaVersion: 99 }));
          files.set('case.json', caseJson);
          const manifest = JSON.parse(Buffer.from(files.get('manifest.json') ?? []).toString()) as object;
          files.set(
            'manifest.json',
            Buffer.from(JSON.stringify({ ...manifest, caseSha256: sha256Hex(caseJson) })),
          );
        }),
      /: it was written by a newer version of ICP Packet Studio \(schemaVersion 99 > \d+\)\. Update icp-packet to read it; the file was not changed\.$/,
    ],
    [
      'escape.icpcase',
      () => writeZip([{ name: '../outside.txt', data: Buffer.from('written outside the folder') }]),
      /: the archive holds an entry a case export never has \(\w+: \.\.\/outside\.txt\), so nothing was read from it\.$/,
    ],
    [
      'not-a-zip.icpcase',
      () => Buffer.from('this was never a zip'),
      /: the \.icpcase archive is damaged \(notAZip\)\./,
    ],
  ])('%s', async (name, bytes, expected) => {
    await write(name, bytes());
    const results = await runEach(name, 'en');
    const reasons = results.map((r) => {
      expect(r.code, `${r.command}: ${r.err}`).toBe(2);
      expect(r.out, r.command).toBe('');
      const prefix = `icp-packet ${r.command}: cannot use ${path.join(dir, name)}`;
      expect(r.err.startsWith(prefix), r.err).toBe(true);
      return r.err.slice(prefix.length).trimEnd();
    });
    expect(reasons[0]).toMatch(expected);
    expect(new Set(reasons).size, reasons.join('\n')).toBe(1);
    expect(await readdir(dir)).not.toContain('never-built');
  });

  it('says the same in Chinese with --lang zh-CN', async () => {
    await write('half.icpcase', archive.subarray(0, 1000));
    const results = await runEach('half.icpcase', 'zh-CN');
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `icp-packet ${r.command}：无法使用 ${path.join(dir, 'half.icpcase')}：该 .icpcase 文件已损坏（notAZip），请让发送方重新导出。\n`,
      );
    }
  });

  it('a missing file and a case.json that is not a case read the same in every command', async () => {
    await write('hello.json', '{ "hello": "world" }');
    for (const [file, expected] of [
      ['nowhere.icpcase', `file not found: ${path.join(dir, 'nowhere.icpcase')}`],
      [
        'hello.json',
        `cannot use ${path.join(dir, 'hello.json')}: it is not an ICP Packet Studio case (missing schemaVersion or id).`,
      ],
    ] as const) {
      for (const r of await runEach(file, 'en')) {
        if (r.command === 'decide' && file === 'hello.json') continue; // answers, for decide
        expect(r.err, r.command).toBe(`icp-packet ${r.command}: ${expected}\n`);
      }
    }
  });
});

describe('the language of the messages', () => {
  it('is --lang, else the system locale (POSIX zh_CN.UTF-8 too), else English', () => {
    expect(cliLanguage('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, {})).toBe('en');
  });

  it('usage errors follow --lang too', async () => {
    const r = await run('check', 'a.json', 'b.json', '--lang', 'zh-CN');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'icp-packet check：参数不对：需要一个案件文件（case.json 或 .icpcase）。\n' +
        '用法：icp-packet check <case.json|case.icpcase> [--json] [--today YYYY-MM-DD] [--passphrase <p>] [--lang en|zh-CN]\n',
    );
    const unknown = await run('reminders', 'x.json', '--colour', '--lang', 'zh-CN');
    expect(unknown.err).toMatch(/^icp-packet reminders：没有 --colour 这个选项。\n用法：/);
  });
});
