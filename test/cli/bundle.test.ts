/**
 * The CLI users run is the bundle (scripts/build-cli.mjs → dist/cli, started by bin/icp-packet.mjs), not the
 * TypeScript the other CLI tests call in-process. Here it is built into a temporary copy of the package
 * layout (bin/, dist/cli/, resources/ and node_modules/ beside each other, as in a clone) and run as a user
 * runs it: a smoke set of commands, and a record of every module each run loads — `check` must not load
 * pdf-lib, fontkit or sharp, and `--version` nothing but the entry and the command table.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_SOURCES } from '../../core/documents/templates';
import { restore } from '../../core/model/restore';
import { exportCaseArchive } from '../../host/store/icpcase';
import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS, main } from '../../cli/main';
import { RESOURCES_DIR } from '../support/paths';

const root = path.resolve(__dirname, '../..');
let layout: string;
let metafile: { outputs: Record<string, { inputs: Record<string, unknown> }> };

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** Every module URL the run resolved (ES modules: the bundle's chunks, Node built-ins, sharp). */
  loaded: string[];
}

/** Runs bin/icp-packet.mjs of the temporary layout, recording what it loads. */
async function cli(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  const log = path.join(layout, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(log, '');
  const register = `import { register } from 'node:module'; register(${JSON.stringify(
    pathToFileURL(path.join(layout, 'record-loads.mjs')).href,
  )});`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        `data:text/javascript,${encodeURIComponent(register)}`,
        path.join(layout, 'bin', 'icp-packet.mjs'),
        ...args,
      ],
      { cwd: options.cwd ?? layout, env: { ...process.env, ICP_LOAD_LOG: log, LC_ALL: 'en_US.UTF-8' } },
      (error, out, err) => {
        void readFile(log, 'utf8').then((text) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
            out,
            err,
            loaded: text.split('\n').filter(Boolean),
          }),
        );
      },
    );
  });
}

/** The bundle's own files a run loaded, relative to dist/cli. */
function bundleFiles(run: Run): string[] {
  const base = pathToFileURL(path.join(layout, 'dist', 'cli')).href + '/';
  return [...new Set(run.loaded.filter((url) => url.startsWith(base)).map((url) => url.slice(base.length)))];
}

/** The source files bundled into the given output files. */
function inputsOf(files: string[]): string[] {
  const inputs = new Set<string>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const relative = path.relative(path.join(layout, 'dist', 'cli'), path.resolve(root, output));
    if (files.includes(relative.split(path.sep).join('/')))
      for (const input of Object.keys(meta.inputs)) inputs.add(input);
  }
  return [...inputs].sort();
}

/**
 * Source modules bundled into more than one of the given output files: loaded together, such a module would run
 * twice in one process, with two copies of its state (its classes, caches, schemas).
 */
function loadedTwice(files: string[]): string[] {
  const seen = new Map<string, number>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const relative = path.relative(path.join(layout, 'dist', 'cli'), path.resolve(root, output));
    if (!files.includes(relative.split(path.sep).join('/'))) continue;
    for (const input of Object.keys(meta.inputs)) seen.set(input, (seen.get(input) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([input]) => input);
}

/** The packages (node_modules) and source folders bundled into the given output files. */
function sourcesOf(files: string[]): string[] {
  const sources = new Set<string>();
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const relative = path.relative(path.join(layout, 'dist', 'cli'), path.resolve(root, output));
    if (!files.includes(relative.split(path.sep).join('/'))) continue;
    for (const input of Object.keys(inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      sources.add(pkg ?? input.split('/').slice(0, -1).join('/'));
    }
  }
  return [...sources].sort();
}

beforeAll(async () => {
  layout = await mkdtemp(path.join(tmpdir(), 'icp-cli-bundle-'));
  const metafilePath = path.join(layout, 'meta.json');
  await promisify(execFile)(
    process.execPath,
    ['scripts/build-cli.mjs', '--outdir', path.join(layout, 'dist', 'cli'), '--metafile', metafilePath],
    { cwd: root },
  );
  metafile = JSON.parse(await readFile(metafilePath, 'utf8'));
  await mkdir(path.join(layout, 'bin'));
  await copyFile(path.join(root, 'bin', 'icp-packet.mjs'), path.join(layout, 'bin', 'icp-packet.mjs'));
  // Junctions: directory links that Windows allows without extra rights.
  await symlink(path.join(root, 'node_modules'), path.join(layout, 'node_modules'), 'junction');
  await symlink(path.join(root, 'resources'), path.join(layout, 'resources'), 'junction');
  await writeFile(
    path.join(layout, 'record-loads.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.ICP_LOAD_LOG, result.url + '\\n');
  return result;
}
`,
  );
}, 180_000);

afterAll(async () => {
  await rm(layout, { recursive: true, force: true });
});

describe('the built icp-packet', () => {
  it('--version prints the package version, loading only the entry and the command table', async () => {
    const run = await cli(['--version']);
    expect(run).toMatchObject({ code: 0, out: `${packageJson.version}\n`, err: '' });
    // core/validate: only terminal.ts, which has no imports (the unknown-command line is neutralised with it).
    expect(sourcesOf(bundleFiles(run))).toEqual(['', 'cli', 'core/validate']);
    expect(inputsOf(bundleFiles(run)).filter((input) => input.startsWith('core/'))).toEqual([
      'core/validate/terminal.ts',
    ]);
  });

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
  });

  it('sample writes the sample with its scans (fonts from resources/, sharp from node_modules), and check reads it without loading pdf-lib, fontkit or sharp', async () => {
    const sample = await cli(['sample', '--out', 'sample']);
    expect(sample.err).toBe('');
    expect(sample.code).toBe(0);
    expect(sample.loaded.some((url) => url.includes('/node_modules/sharp/'))).toBe(true);
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

    const sources = sourcesOf(bundleFiles(check));
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
    // zod's parts `check` never runs: the fast-path compiler (the CLI parses jitless) and the JSON Schema reader.
    // They come in whole when a module takes zod as `import { z }` (esbuild keeps every export of a namespace
    // that is imported by name) or when the CLI imports zod/v4/core's whole namespace.
    const zodFiles = inputsOf(bundleFiles(check)).filter((input) => input.startsWith('node_modules/zod/'));
    expect(zodFiles).toContain('node_modules/zod/v4/core/schemas.js');
    for (const unused of ['v4/core/compile.js', 'v4/classic/from-json-schema.js'])
      expect(zodFiles, unused).not.toContain(`node_modules/zod/${unused}`);
    // The document templates come parsed by the build (core/documents/templates.ts), not as their source files.
    const templateFiles = Object.keys(TEMPLATE_SOURCES).map((file) => `templates/documents/${file}`);
    expect(inputsOf(bundleFiles(check)).filter((input) => templateFiles.includes(input))).toEqual([]);
    expect(check.loaded.filter((url) => /node_modules\/(sharp|@img|pdf-lib|fontkit)\//.test(url))).toEqual(
      [],
    );
    // The build joins each command's chunks into its file (Node's loader costs per file), keeping apart only
    // what the entry or a lazily loaded module shares with it: no module is loaded twice.
    expect(loadedTwice(bundleFiles(check))).toEqual([]);
    expect(bundleFiles(check).length).toBeLessThan(20);
    // Pure ASCII (scripts/build-cli.mjs escapes the rest): one other character makes Node decode the whole
    // file the slow way and V8 hold it as two-byte text.
    for (const file of bundleFiles(check)) {
      const text = await readFile(path.join(layout, 'dist', 'cli', file), 'utf8');
      // eslint-disable-next-line no-control-regex -- "only ASCII"
      expect(/^[\u0000-\u007f]*$/u.test(text), file).toBe(true);
    }

    // The same case as an .icpcase: check then also loads the archive reader, and with it modules it shares
    // with check (the case schema, the refusals); still each once, and the same report.
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
    expect(bundleFiles(archived).some((file) => file.startsWith('chunks/icpcase-'))).toBe(true);
    expect(loadedTwice(bundleFiles(archived))).toEqual([]);
  }, 60_000);

  it('refuses bad input with exit code 2 and one line naming the file', async () => {
    const missing = await cli(['check', 'no-such-case.json']);
    expect(missing.code).toBe(2);
    expect(missing.out).toBe('');
    expect(missing.err).toMatch(/^icp-packet check: .*no-such-case\.json/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);

    const unknown = await cli(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, out: '' });
    expect(unknown.err).toContain('unknown command "frobnicate"');
  });
});
