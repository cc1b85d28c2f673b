/**
 * Issue 22 points 5, 6, 8, 10 and 11 on the command line: every failure is one translated line naming the
 * file or value, with exit 2 (never a stack, never exit 1); outputs follow one overwrite rule and are written
 * through a temp file and a rename; an unknown key in a case file is refused, not dropped; what is read is
 * bounded and must be a regular file; an empty `--passphrase` does not hide the environment's.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { sampleCase } from '../../core/model/sample-case';
import { exportCaseArchive } from '../../host/store/icpcase';
import { RESOURCES_DIR } from '../support/paths';

let dir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runWith(undefined, ...argv);
}

async function runWith(env: Record<string, string> | undefined, ...argv: string[]) {
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

/** A refusal: exit 2, nothing on stdout, exactly one line on stderr, no stack. */
function oneLine(r: { code: number; out: string; err: string }): string {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
  return r.err.trimEnd();
}

const c = sampleCase(new Date('2026-11-25T02:00:00Z'));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-cli-refusals-'));
  await writeFile(path.join(dir, 'case.json'), JSON.stringify(c));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--today names a real day (issue 22 point 5)', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-00-10', '0001-01-01'])('refuses %s in one line', async (day) => {
    const line = oneLine(await run('check', 'case.json', '--today', day, '--lang', 'en'));
    expect(line).toBe(
      `icp-packet check: --today must be a calendar date as YYYY-MM-DD (1900–2199), not "${day}".`,
    );
  });

  it('accepts 29 February of a leap year', async () => {
    expect((await run('check', 'case.json', '--today', '2028-02-29', '--json')).code).not.toBe(2);
  });
});

describe('an unknown key in a case file is refused, not dropped (issue 22 point 8)', () => {
  it.each(['check', 'build'])('%s names the misspelt key and builds nothing', async (command) => {
    const { legalRepresentative, ...rest } = c;
    await writeFile(
      path.join(dir, 'misspelt.json'),
      JSON.stringify({ ...rest, legalRepresentativ: legalRepresentative }),
    );
    const args = command === 'build' ? ['--out', 'never-built'] : [];
    const line = oneLine(await run(command, 'misspelt.json', ...args, '--lang', 'en'));
    expect(line).toMatch(
      /misspelt\.json: it has fields ICP Packet Studio does not know \(legalRepresentativ\)/,
    );
    expect(await readdir(dir)).not.toContain('never-built');
  });
});

describe('what is read is a regular file of bounded size (issue 22 point 10)', () => {
  it('refuses /dev/zero and a folder without reading them', async () => {
    expect(oneLine(await run('check', '/dev/zero', '--lang', 'en'))).toBe(
      'icp-packet check: /dev/zero is not a file but a device: nothing was read.',
    );
    await mkdir(path.join(dir, 'a-folder'), { recursive: true });
    expect(oneLine(await run('decide', 'a-folder', '--lang', 'zh-CN'))).toMatch(/不是普通文件，而是文件夹/);
  });

  // A named pipe takes the same path as /dev/zero above (anything but a regular file is refused before it is
  // opened); making one needs mkfifo, a system tool the unit tests may not start (test/build/bare-machine).

  it('refuses a case file over the limit before reading it', async () => {
    await writeFile(path.join(dir, 'huge.json'), Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    expect(oneLine(await run('check', 'huge.json', '--lang', 'en'))).toMatch(
      /huge\.json has 16,777,217 bytes, more than a case file can have \(16,777,216\): nothing was read\.$/,
    );
  });
});

describe('outputs: one overwrite rule, written whole or not at all (issue 22 points 5, 6)', () => {
  it.each([
    ['render', ['case.json', 'filing-commitment', '--out', 'out/doc.pdf'], 'out/doc.pdf'],
    ['reminders', ['case.json', '--out', 'out/r.ics', '--today', '2026-12-03'], 'out/r.ics'],
  ])(
    '%s keeps an existing output without --force and replaces it whole with it',
    async (command, args, out) => {
      await mkdir(path.join(dir, 'out'), { recursive: true });
      await writeFile(path.join(dir, out), 'the old file');
      const line = oneLine(await run(command, ...args, '--lang', 'en'));
      expect(line).toBe(
        `icp-packet ${command}: ${path.join(dir, out)} already exists. Pass --force to overwrite it.`,
      );
      expect(await readFile(path.join(dir, out), 'utf8')).toBe('the old file');
      expect((await run(command, ...args, '--force')).code).toBe(0);
      expect((await readFile(path.join(dir, out))).subarray(0, 5).toString()).toMatch(/^(%PDF-|BEGIN)/);
      expect((await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('a write that fails is one line naming the file and the problem in words', async () => {
    await writeFile(path.join(dir, 'a-file'), 'not a folder');
    const line = oneLine(await run('reminders', 'case.json', '--out', 'a-file/r.ics', '--lang', 'en'));
    expect(line).toMatch(
      /^icp-packet reminders: cannot write .*a-file\/r\.ics: .+\. Nothing was changed there\.$/,
    );
    expect(line).not.toMatch(/ENOTDIR|EEXIST/);
  });

  it.each(['build', 'sample'])(
    '%s --out naming a file is refused before anything is written',
    async (command) => {
      await writeFile(path.join(dir, 'plain-file'), 'keep me');
      const args = command === 'build' ? ['case.json', '--out', 'plain-file'] : ['--out', 'plain-file'];
      expect(oneLine(await run(command, ...args, '--lang', 'en'))).toBe(
        `icp-packet ${command}: ${path.join(dir, 'plain-file')} is a file, not a folder: give --out a folder.`,
      );
      expect(await readFile(path.join(dir, 'plain-file'), 'utf8')).toBe('keep me');
    },
  );
});

describe('--passphrase "" (issue 22 point 11)', () => {
  it('does not hide a correct ICP_PACKET_PASSPHRASE', async () => {
    const bytes = await exportCaseArchive(c, new Map(), {
      passphrase: 'correct horse',
      now: new Date('2026-11-25T02:00:00Z'),
      passphraseCostLog2: 10,
    });
    await writeFile(path.join(dir, 'locked.icpcase'), bytes);
    const r = await runWith(
      { ICP_PACKET_PASSPHRASE: 'correct horse' },
      'decide',
      'locked.icpcase',
      '--passphrase',
      '',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).not.toBe(2);
  });
});

describe('terminal escapes in someone else’s case (issue 22 point 7)', () => {
  it('check writes them out instead of sending them to the terminal, and --json still means the same', async () => {
    const name = 'Evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202egnp.exe';
    await writeFile(path.join(dir, 'escapes.json'), JSON.stringify({ ...c, name }));
    const text = await run('check', 'escapes.json', '--today', '2026-12-03', '--lang', 'en');
    const json = await run('check', 'escapes.json', '--today', '2026-12-03', '--json');
    for (const r of [text, json])
      // eslint-disable-next-line no-control-regex
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text.out).toContain('\\u001b]52;c;');
    expect(() => JSON.parse(json.out) as unknown).not.toThrow();
    // …and the pre-flight refuses such a name at input.
    expect(json.out).toContain('unsafeCharacters');
  });
});

describe('a scan that is not what the case file says it is (issue 22 point 2)', () => {
  it('build refuses a PNG the case lists as a JPEG, and writes no packet', async () => {
    expect((await run('sample', '--out', 'typed', '--lang', 'en')).code).toBe(0);
    const caseFile = path.join(dir, 'typed', 'case.json');
    const doc = JSON.parse(await readFile(caseFile, 'utf8')) as { attachments: { id: string }[] };
    const [first] = doc.attachments;
    const { png } = await import('../host/store/helpers');
    const bytes = png(1200, 900);
    const { sha256Hex } = await import('../../host/store/attachments');
    const id = sha256Hex(bytes);
    await writeFile(path.join(dir, 'typed', 'attachments', `${id}.jpg`), bytes);
    const text = (await readFile(caseFile, 'utf8')).replaceAll(first?.id ?? '', id);
    await writeFile(caseFile, text);
    const r = await run(
      'build',
      'typed/case.json',
      '--out',
      'typed-out',
      '--accept-warnings',
      '--lang',
      'en',
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/cannot be read to the end as a JPEG, PNG or PDF/);
    expect(await readdir(dir)).not.toContain('typed-out');
    // The sample draws its scans and signing marks, then build checks them: seconds on a loaded machine.
  }, 60_000);
});
