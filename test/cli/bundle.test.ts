/**
 * The CLI users run is the bundle (scripts/build-cli.mjs → dist/cli, started by bin/icp-packet.cjs), not the
 * TypeScript the other CLI tests call in-process. Here it is built into a temporary copy of the package
 * layout (bin/, dist/cli/, resources/ and node_modules/ beside each other, as in a clone) and run as a user
 * runs it: a smoke set of commands, and a record of every module each run evaluates (V8's coverage of the
 * run: esbuild wraps each bundled module that is evaluated lazily in a function named by the module's path)
 * — `check` must not run pdf-lib, fontkit or sharp, and `--version` nothing but the entry and the command
 * table. And the code cache: written by a first run, accepted by V8 for the file it was made from, and a
 * damaged or stale one never stops a run.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { Module } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_SOURCES } from '../../core/documents/templates';
import { restore } from '../../core/model/restore';
import { exportCaseArchive } from '../../host/store/icpcase';
import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS, main } from '../../cli/main';
import { RESOURCES_DIR } from '../support/paths';

const root = path.resolve(__dirname, '../..');
let layout: string;
let cliDir: string;
let metafile: { outputs: Record<string, { inputs: Record<string, unknown> }> };

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** The files the run compiled (file paths; Node's own modules left out). */
  scripts: string[];
  /** The bundled modules the run evaluated (paths as in esbuild's metafile). */
  modules: string[];
}

interface Coverage {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
}

/** Runs bin/icp-packet.cjs of the temporary layout, recording (V8 coverage) what it runs. */
async function cli(
  args: string[],
  options: { cwd?: string; codeCache?: string; script?: string } = {},
): Promise<Run> {
  const coverage = await mkdtemp(path.join(layout, 'coverage-'));
  const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [options.script ?? path.join(layout, 'bin', 'icp-packet.cjs'), ...args],
        {
          cwd: options.cwd ?? layout,
          env: {
            ...process.env,
            NODE_V8_COVERAGE: coverage,
            ICP_PACKET_CODE_CACHE: options.codeCache ?? path.join(layout, 'code-cache'),
            LC_ALL: 'en_US.UTF-8',
          },
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            out: stdout,
            err: stderr,
          }),
      );
    },
  );
  const scripts = new Set<string>();
  const modules = new Set<string>();
  for (const name of await readdir(coverage)) {
    const { result } = JSON.parse(await readFile(path.join(coverage, name), 'utf8')) as Coverage;
    for (const script of result) {
      if (script.url.startsWith('node:') || script.url === '') continue;
      const file = script.url.startsWith('file:') ? fileURLToPath(script.url) : script.url;
      scripts.add(file);
      const output = path.dirname(file) === cliDir ? metafile.outputs[path.basename(file)] : undefined;
      if (!output) continue;
      // Every module of the file runs, except those wrapped for lazy evaluation whose wrapper never ran.
      const notRun = new Set(
        script.functions
          .filter((f) => f.functionName in output.inputs && (f.ranges[0]?.count ?? 0) === 0)
          .map((f) => f.functionName),
      );
      for (const input of Object.keys(output.inputs)) if (!notRun.has(input)) modules.add(input);
    }
  }
  await rm(coverage, { recursive: true, force: true });
  return { code, out, err, scripts: [...scripts], modules: [...modules].sort() };
}

/** The bundle's own files a run compiled, relative to dist/cli. */
function bundleFiles(run: Run): string[] {
  return run.scripts
    .filter((file) => file.startsWith(cliDir + path.sep))
    .map((file) => path.relative(cliDir, file));
}

/** The packages (node_modules) and source folders of the modules a run evaluated. */
function sourcesOf(run: Run): string[] {
  const sources = new Set<string>();
  for (const input of run.modules) {
    if (/^[\w-]+:/.test(input)) continue; // made by a build plugin (scripts/build-cli.mjs, bundle-plugins.mjs)
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
    sources.add(pkg ?? input.split('/').slice(0, -1).join('/'));
  }
  return [...sources].sort();
}

beforeAll(async () => {
  layout = await mkdtemp(path.join(tmpdir(), 'icp-cli-bundle-'));
  cliDir = path.join(layout, 'dist', 'cli');
  const metafilePath = path.join(layout, 'meta.json');
  await promisify(execFile)(
    process.execPath,
    ['scripts/build-cli.mjs', '--outdir', cliDir, '--metafile', metafilePath],
    { cwd: root },
  );
  // Keyed by file name: the build's keys are relative to the project.
  const built = JSON.parse(await readFile(metafilePath, 'utf8')) as typeof metafile;
  metafile = { outputs: {} };
  for (const [key, output] of Object.entries(built.outputs)) metafile.outputs[path.basename(key)] = output;
  await mkdir(path.join(layout, 'bin'));
  await copyFile(path.join(root, 'bin', 'icp-packet.cjs'), path.join(layout, 'bin', 'icp-packet.cjs'));
  // Junctions: directory links that Windows allows without extra rights.
  await symlink(path.join(root, 'node_modules'), path.join(layout, 'node_modules'), 'junction');
  await symlink(path.join(root, 'resources'), path.join(layout, 'resources'), 'junction');
}, 180_000);

afterAll(async () => {
  await rm(layout, { recursive: true, force: true });
});

describe('the built icp-packet', () => {
  it('--version prints the package version, running only the entry and the command table', async () => {
    const run = await cli(['--version']);
    expect(run).toMatchObject({ code: 0, out: `${packageJson.version}\n`, err: '' });
    expect(bundleFiles(run)).toEqual(['icp-packet.cjs']);
    // core/validate: only terminal.ts, which has no imports (the unknown-command line is neutralised with it).
    expect(sourcesOf(run)).toEqual(['', 'cli', 'core/validate']);
    expect(run.modules.filter((input) => input.startsWith('core/'))).toEqual(['core/validate/terminal.ts']);
  }, 30_000);

  it('--help lists every command of the table, as the TypeScript does', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    let inProcess = '';
    await main(['--help'], {
      stdout: (s) => (inProcess += s),
      stderr: () => undefined,
      cwd: root,
      resourcesDir: RESOURCES_DIR,
    });
    expect(run.out).toBe(inProcess);
    for (const command of COMMANDS) expect(run.out).toContain(`  icp-packet ${command.usage}\n`);
  }, 30_000);

  it('sample writes the sample with its scans (fonts from resources/, sharp from node_modules), and check reads it without running pdf-lib, fontkit or sharp', async () => {
    const sample = await cli(['sample', '--out', 'sample']);
    expect(sample.err).toBe('');
    expect(sample.code).toBe(0);
    expect(bundleFiles(sample).sort()).toEqual([path.join('lib', 'pdf-lib.cjs'), 'sample.cjs']);
    expect(
      sample.scripts.some((file) => file.includes(`${path.sep}node_modules${path.sep}sharp${path.sep}`)),
    ).toBe(true);
    const caseJson = JSON.parse(await readFile(path.join(layout, 'sample', 'case.json'), 'utf8')) as {
      attachments: { id: string }[];
    };
    expect(caseJson.attachments.length).toBeGreaterThan(0);

    const check = await cli(['check', 'sample/case.json']);
    expect(check.err).toBe('');
    expect(check.code).toBe(0);
    let inProcess = '';
    const inProcessCode = await main(['check', 'sample/case.json'], {
      stdout: (s) => (inProcess += s),
      stderr: () => undefined,
      cwd: layout,
      resourcesDir: RESOURCES_DIR,
    });
    expect([check.code, check.out]).toEqual([inProcessCode, inProcess]);
    // One file: each command's file holds all it runs, so no module of it can be loaded twice.
    expect(bundleFiles(check)).toEqual(['check.cjs']);

    const sources = sourcesOf(check);
    expect(sources).toEqual(expect.arrayContaining(['zod', 'templates/rules', 'core/rules']));
    for (const heavy of [
      'pdf-lib',
      '@pdf-lib/standard-fonts',
      'fontkit',
      'sharp',
      'host/packet',
      'linebreak',
      'fflate',
    ])
      expect(sources, heavy).not.toContain(heavy);
    expect(
      check.scripts.filter((file) => /node_modules[\\/](sharp|@img|pdf-lib|fontkit)[\\/]/.test(file)),
    ).toEqual([]);
    const checkInputs = Object.keys(metafile.outputs['check.cjs']?.inputs ?? {});
    // Nor is pdf-lib in its file (0.7 MB read on every run): it comes from lib/pdf-lib.cjs, for a PDF scan.
    expect(checkInputs.filter((input) => /node_modules\/(@pdf-lib|pdf-lib|pako)\//.test(input))).toEqual([]);
    // The document templates come parsed by the build (core/documents/templates.ts), not as their source files.
    const templateFiles = Object.keys(TEMPLATE_SOURCES).map((file) => `templates/documents/${file}`);
    expect(checkInputs.filter((input) => templateFiles.includes(input))).toEqual([]);
    // Pure ASCII (scripts/build-cli.mjs escapes the rest): one other character makes Node decode the whole
    // file the slow way and V8 hold it as two-byte text.
    for (const file of (await readdir(cliDir, { recursive: true })).filter((name) => name.endsWith('.cjs'))) {
      const text = await readFile(path.join(cliDir, file), 'utf8');
      // eslint-disable-next-line no-control-regex -- "only ASCII"
      expect(/^[\u0000-\u007f]*$/u.test(text), file).toBe(true);
    }

    // The same case as an .icpcase: check then also runs the archive reader; the same report.
    expect(check.modules).not.toContain('host/store/icpcase.ts');
    const restored = restore(caseJson);
    if (!restored.ok) throw new Error(restored.details);
    const scans = new Map<string, Buffer>();
    for (const { id } of restored.case.attachments)
      scans.set(id, await readFile(path.join(layout, 'sample', 'attachments', `${id}.jpg`)));
    await writeFile(
      path.join(layout, 'sample.icpcase'),
      await exportCaseArchive(restored.case, scans, { now: new Date() }),
    );
    const archived = await cli(['check', 'sample.icpcase']);
    expect([archived.code, archived.err, archived.out]).toEqual([check.code, '', check.out]);
    expect(archived.modules).toContain('host/store/icpcase.ts');
    expect(bundleFiles(archived)).toEqual(['check.cjs']);
  }, 60_000);

  it('linked into another folder (as `npm link` does) and run from a third, it builds a packet whose signed scans it reads', async () => {
    // npm link: a global bin/icp-packet that is a link to the package's bin/icp-packet.cjs; the user's
    // working folder is anywhere. The QR reader's .wasm must not be looked for beside the link or there.
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'icp-cli-linked-'));
    try {
      await mkdir(path.join(elsewhere, 'bin'));
      const linked = path.join(elsewhere, 'bin', 'icp-packet');
      await symlink(path.join(layout, 'bin', 'icp-packet.cjs'), linked);
      const work = path.join(elsewhere, 'work');
      await mkdir(work);
      const sample = await cli(['sample', '--out', 's'], { cwd: work, script: linked });
      expect([sample.code, sample.err]).toEqual([0, '']);
      const caseJson = JSON.parse(await readFile(path.join(work, 's', 'case.json'), 'utf8')) as {
        attachments: { signedCopy?: unknown }[];
      };
      expect(caseJson.attachments.filter((a) => a.signedCopy).length).toBeGreaterThan(0);
      const build = await cli(['build', 's/case.json', '--out', 'p', '--accept-warnings'], {
        cwd: work,
        script: linked,
      });
      expect(build.err).toBe('');
      expect(build.code).toBe(0);
      expect(build.out).toMatch(/Packet written: /);
      expect(build.modules).toContain('host/qr/index.ts');
      const [folder = ''] = await readdir(path.join(work, 'p'));
      expect((await readdir(path.join(work, 'p', folder))).length).toBeGreaterThan(10);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses bad input with exit code 2 and one line naming the file', async () => {
    const missing = await cli(['check', 'no-such-case.json']);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/^icp-packet check: .*no-such-case\.json/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);

    const unknown = await cli(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toContain('unknown command "frobnicate"');
    expect(bundleFiles(unknown)).toEqual(['icp-packet.cjs']);
  }, 30_000);
});

describe("the built icp-packet's code cache", () => {
  /** Whether V8 accepts `cache` as compiled code of the command's file, as bin/icp-packet.cjs compiles it. */
  async function accepted(command: string, cache: Buffer): Promise<boolean> {
    const filename = path.join(cliDir, `${command}.cjs`);
    const source = await readFile(filename, 'latin1');
    return !new vm.Script(Module.wrap(source), { filename, cachedData: cache }).cachedDataRejected;
  }

  it('a first run writes it, V8 accepts it for that file, and later runs give the same output', async () => {
    const folder = await mkdtemp(path.join(layout, 'cache-'));
    const first = await cli(['rules'], { codeCache: folder });
    expect(first).toMatchObject({ code: 0, err: '' });
    const written = await readdir(folder);
    const manifest = JSON.parse(await readFile(path.join(cliDir, 'bundles.json'), 'utf8')) as Record<
      string,
      { sha256: string }
    >;
    expect(written).toEqual([
      `rules-${manifest.rules?.sha256.slice(0, 16)}-${process.version}-${process.arch}.bin`,
    ]);
    const cache = await readFile(path.join(folder, written[0] ?? ''));
    expect(await accepted('rules', cache)).toBe(true);
    // Made for another file, the same bytes are refused: the test can tell a good cache from a bad one.
    expect(await accepted('check', cache)).toBe(false);

    const second = await cli(['rules'], { codeCache: folder });
    expect(second).toMatchObject({ code: 0, err: '', out: first.out });
    // Read, not written again.
    expect((await readFile(path.join(folder, written[0] ?? ''))).equals(cache)).toBe(true);
  }, 60_000);

  it("a damaged cache is replaced, an older build's is removed, and `off` writes none", async () => {
    const folder = await mkdtemp(path.join(layout, 'cache-'));
    const reference = await cli(['rules'], { codeCache: folder });
    const [name = ''] = await readdir(folder);
    await writeFile(path.join(folder, name), Buffer.from('not compiled code'));
    const stale = `rules-0123456789abcdef-v20.0.0-${process.arch}.bin`;
    await writeFile(path.join(folder, stale), Buffer.from('an older build'));

    const run = await cli(['rules'], { codeCache: folder });
    expect(run).toMatchObject({ code: 0, err: '', out: reference.out });
    expect(await readdir(folder)).toEqual([name]);
    expect(await accepted('rules', await readFile(path.join(folder, name)))).toBe(true);

    // Taken as a folder name, `off` would be a folder of that name in the working folder (the layout).
    expect(await cli(['rules'], { codeCache: 'off' })).toMatchObject({ code: 0, out: reference.out });
    await expect(readdir(path.join(layout, 'off'))).rejects.toThrow();
  }, 60_000);
});
