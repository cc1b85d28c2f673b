// Bundles the main process and the preload with esbuild (CommonJS: a sandboxed preload cannot be ESM).
// `--outdir <dir>` builds elsewhere than dist/electron (the build test uses it).
//
// A clean build prints nothing, and any warning fails it. `import.meta` is an error outright: in CommonJS
// output esbuild leaves it empty, so `fileURLToPath(import.meta.url)` throws while main.cjs loads and the
// app never opens (issue 20). Paths a bundle needs are passed in (bootstrap's resourcesDirFor), never
// derived from a module's own location.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 && process.argv[outdirArg + 1] ? process.argv[outdirArg + 1] : 'dist/electron';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
  // Chinese text (templates, UI text) as UTF-8, not \uXXXX escapes: a third of the bytes, and readable.
  charset: 'utf8',
  // `import('sharp')` becomes a lazy `require('sharp')`: Electron's CommonJS loader is the one that reads
  // app.asar and app.asar.unpacked for certain.
  supported: { 'dynamic-import': false },
  metafile: true,
};

// sharp loads a native binary per platform, which cannot be bundled: it stays in node_modules, where
// electron-builder packs it (and unpacks the .node files from the asar). It is imported where a scan is first
// normalised (host/packet/sharp.ts), never while main starts.
const bundles = [
  await build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    external: ['electron', 'sharp'],
  }),
  // A sandboxed preload can require only 'electron' (and a few polyfilled modules): everything else is inlined.
  await build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    external: ['electron'],
  }),
];

// What went into the bundles, for scripts/third-party-notices.mjs (outside dist/electron: it does not ship).
const inputs = [...new Set(bundles.flatMap((result) => Object.keys(result.metafile.inputs)))].sort();
mkdirSync(path.join(outdir, '..', 'licenses'), { recursive: true });
writeFileSync(
  path.join(outdir, '..', 'licenses', 'electron-inputs.json'),
  `${JSON.stringify(inputs, null, 2)}\n`,
);

const warnings = bundles.reduce((count, result) => count + result.warnings.length, 0);
if (warnings > 0) {
  console.error(`build-electron: ${warnings} warning(s) above; warnings fail the build — fix the cause.`);
  process.exitCode = 1;
}
