// Bundles the main process and the preload with esbuild (CommonJS: a sandboxed preload cannot be ESM).
// `--outdir <dir>` builds elsewhere than dist/electron (the build test uses it).
//
// A clean build prints nothing, and any warning fails it; `import.meta` is an error outright (the options,
// and why: scripts/electron-build-options.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ELECTRON_BUILD_OPTIONS } from './electron-build-options.mjs';

// The bundles are minified, so a stack trace's line and column are mapped back with the source map written
// beside each one (dist/electron/main.cjs.map …): it never ships (electron-builder.yml leaves out **/*.map);
// `node --enable-source-maps` or any source-map tool reads it. Keep the maps of each release build.
const common = { ...ELECTRON_BUILD_OPTIONS, sourcemap: 'linked' };

const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 && process.argv[outdirArg + 1] ? process.argv[outdirArg + 1] : 'dist/electron';

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
    // The runtime loads its WebAssembly glue (ort-wasm-simd-threaded.mjs, an ES module in <resources>/ocr)
    // with import(): kept as import() here, where require() cannot load it. sharp is required statically.
    supported: { 'dynamic-import': true },
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
// Modules a plugin made (namespace:path, scripts/bundle-plugins.mjs) are no package's files.
const inputs = [
  ...new Set(
    bundles.flatMap((result) =>
      Object.keys(result.metafile.inputs).filter((input) => !/^[\w-]+:/.test(input)),
    ),
  ),
].sort();
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
