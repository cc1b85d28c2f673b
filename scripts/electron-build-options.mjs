// esbuild's options for the main and preload bundles (scripts/build-electron.mjs), shared with the test that
// checks a bundle-only failure cannot come back (test/build/electron-bundles.test.ts).
//
// `import.meta` is an error outright: in CommonJS output esbuild leaves it empty, so
// `fileURLToPath(import.meta.url)` throws while main.cjs loads and the app never opens (issue 20). Paths a
// bundle needs are passed in (bootstrap's resourcesDirFor), never derived from a module's own location.
export const ELECTRON_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
  // A third less to ship (5.3 → 3.5 MB for main.cjs) while names stay: stack traces in logs still say which
  // function failed. Identifiers and syntax are left alone.
  minifyWhitespace: true,
  // Chinese text (templates, UI text) as UTF-8, not \uXXXX escapes: a third of the bytes, and readable.
  charset: 'utf8',
  // `import('sharp')` becomes a lazy `require('sharp')`: Electron's CommonJS loader is the one that reads
  // app.asar and app.asar.unpacked for certain.
  supported: { 'dynamic-import': false },
  metafile: true,
};
