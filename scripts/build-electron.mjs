// Bundles the main process and the preload with esbuild (CommonJS: a sandboxed preload cannot be ESM).
// `--outdir <dir>` builds elsewhere than dist/electron (the build test uses it).
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
};

// sharp loads a native binary per platform, which cannot be bundled: it stays in node_modules, where
// electron-builder packs it (and unpacks the .node files from the asar).
await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: path.join(outdir, 'main.cjs'),
  external: ['electron', 'sharp'],
});
// A sandboxed preload can require only 'electron' (and a few polyfilled modules): everything else is inlined.
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  external: ['electron'],
});

// zxing-wasm's WebAssembly binary (QR codes, host/qr): beside main.cjs, where main.ts tells host/qr to read
// it, so the app never fetches it (zxing-wasm's default is a CDN) and it is packed into app.asar with main.
await mkdir(outdir, { recursive: true });
await copyFile(
  createRequire(import.meta.url).resolve('zxing-wasm/full/zxing_full.wasm'),
  path.join(outdir, 'zxing_full.wasm'),
);
