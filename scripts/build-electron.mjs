// Bundles the main process and the preload with esbuild (CommonJS: a sandboxed preload cannot be ESM).
// `--outdir <dir>` builds elsewhere than dist/electron (the build test uses it).
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
// The scan worker: recognition (onnxruntime-web, the field readers) runs off the main thread. The models
// and the WebAssembly runtime are read from <resources>/ocr at run time, not bundled.
await build({
  ...common,
  entryPoints: ['host/ocr/scan-worker.ts'],
  outfile: path.join(outdir, 'scan-worker.cjs'),
  external: ['sharp'],
  // onnxruntime-web's ESM build for Node reads import.meta.url, which is empty in CommonJS: use its
  // CommonJS build. (Where the runtime's wasm is comes from env.wasm.wasmPaths, set from the resources folder.)
  alias: { 'onnxruntime-web': './node_modules/onnxruntime-web/dist/ort.node.min.js' },
  logOverride: { 'empty-import-meta': 'error' },
});
// A sandboxed preload can require only 'electron' (and a few polyfilled modules): everything else is inlined.
await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  external: ['electron'],
});
