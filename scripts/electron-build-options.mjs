// esbuild's options for the main and preload bundles (scripts/build-electron.mjs), shared with the test that
// checks a bundle-only failure cannot come back (test/build/electron-bundles.test.ts).
//
// `import.meta` is an error outright: in CommonJS output esbuild leaves it empty, so
// `fileURLToPath(import.meta.url)` throws while main.cjs loads and the app never opens (issue 20). Paths a
// bundle needs are passed in (bootstrap's resourcesDirFor), never derived from a module's own location.
import { helveticaMetricsOnly, noWoff2Decoder, zodEnglishOnly } from './bundle-plugins.mjs';

export const ELECTRON_BUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // scripts/build-electron.mjs writes a source map beside each bundle (it never ships).
  sourcemap: false,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
  // Fully minified (main.cjs 4.3 → 2.9 MB, the scan worker 0.95 → 0.71 MB), with keepNames: functions and
  // classes keep their names, so a stack trace in the log still says which function failed (README, "Building
  // installers").
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  keepNames: true,
  legalComments: 'none',
  // Chinese text (templates, UI text) as UTF-8, not \uXXXX escapes: a third of the bytes, and readable.
  charset: 'utf8',
  // `import('sharp')` becomes a lazy `require('sharp')`: Electron's CommonJS loader is the one that reads
  // app.asar and app.asar.unpacked for certain.
  supported: { 'dynamic-import': false },
  metafile: true,
  // Code and data the app never uses: zod's messages in 45 languages, fontkit's WOFF2 decoder, the metrics of
  // 13 of pdf-lib's 14 standard fonts (scripts/bundle-plugins.mjs).
  plugins: [zodEnglishOnly, noWoff2Decoder, helveticaMetricsOnly],
};
