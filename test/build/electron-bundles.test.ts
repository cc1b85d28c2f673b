// Builds main and preload the way `npm run build` does: silently, and each bundle loading at run time only what
// it may (a sandboxed preload nothing but 'electron'; main only Electron, Node built-ins and sharp). A module
// that reads `import.meta` fails the build instead of shipping a main.cjs that throws while it loads.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let outdir: string;
let output: { stdout: string; stderr: string };

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'icp-bundles-'));
  output = await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], {
    cwd: root,
  });
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

async function requiredModules(file: string): Promise<string[]> {
  const code = await readFile(path.join(outdir, file), 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('electron bundles', () => {
  it('build without a word: no warning to get used to', () => {
    expect(output).toEqual({ stdout: '', stderr: '' });
  });

  it('refuse a module that reads import.meta (empty in CommonJS: main.cjs would throw while it loads)', async () => {
    const { ELECTRON_BUILD_OPTIONS } = (await import(
      pathToFileURL(path.join(root, 'scripts', 'electron-build-options.mjs')).href
    )) as {
      ELECTRON_BUILD_OPTIONS: BuildOptions;
    };
    const entry = path.join(outdir, 'reads-import-meta.ts');
    await writeFile(
      entry,
      "import { fileURLToPath } from 'node:url';\nexport const here = fileURLToPath(import.meta.url);\n",
    );
    await expect(
      build({ ...ELECTRON_BUILD_OPTIONS, entryPoints: [entry], write: false, logLevel: 'silent' }),
    ).rejects.toThrow(/import\.meta/);
  });

  it('the preload requires only electron', async () => {
    expect(await requiredModules('preload.cjs')).toEqual(['electron']);
  });

  it('main requires only electron, Node built-ins and sharp', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const external = (await requiredModules('main.cjs')).filter((m) => !builtins.has(m));
    expect(external.filter((m) => m !== 'electron' && m !== 'sharp')).toEqual([]);
    expect(external).toContain('electron');
  });

  it('carry the metrics of Helvetica, the one standard PDF font the app uses, and of no other', async () => {
    // The start of each font's compressed metrics, as pdf-lib's package holds them.
    const metrics = async (font: string) =>
      JSON.parse(
        await readFile(
          path.join(root, 'node_modules/@pdf-lib/standard-fonts/lib', `${font}.compressed.json`),
          'utf8',
        ),
      ) as string;
    const helvetica = (await metrics('Helvetica')).slice(0, 60);
    const others = await Promise.all(['Times-Roman', 'Courier', 'Helvetica-Bold'].map(metrics));
    for (const bundle of ['main.cjs', 'scan-worker.cjs']) {
      const code = await readFile(path.join(outdir, bundle), 'utf8');
      if (bundle === 'main.cjs') expect(code).toContain(helvetica);
      for (const other of others) expect(code.includes(other.slice(0, 60)), bundle).toBe(false);
    }
  });
});
