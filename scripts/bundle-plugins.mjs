// esbuild plugins shared by the bundles that ship: the main process and scan worker
// (scripts/build-electron.mjs) and the CLI (scripts/build-cli.mjs). Each leaves out code the app never runs.
import path from 'node:path';

/**
 * zod's `locales` namespace holds the error messages of some 45 languages (about a third of zod's code). No
 * bundle switches zod's locale — the messages users see are the app's own, in both languages — so only
 * English, zod's default, is bundled.
 */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: path.join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * fontkit imports a Brotli decoder (with its 450 KB dictionary) for one purpose: reading WOFF2 fonts. The
 * documents' fonts are TrueType files (resources/fonts), so that decoder never runs; in its place a function
 * that says so if a WOFF2 font were ever given to fontkit.
 */
export const noWoff2Decoder = {
  name: 'no-woff2-decoder',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({
      path: 'brotli-decompress',
      namespace: 'no-woff2',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents:
        "export default function decompress() { throw new Error('WOFF2 fonts cannot be read: the documents use TrueType fonts'); }",
      loader: 'js',
    }));
  },
};

/**
 * pdf-lib bundles the metrics of all 14 standard PDF fonts (@pdf-lib/standard-fonts, ~130 KB). The app uses
 * one: Helvetica, for the page numbers stamped on the merged PDF (core/packet/merge.ts); the documents embed
 * their own fonts. The others' metrics are left out; asking for one of them fails saying so. Each bundle
 * that ships pdf-lib (main, the scan worker) is ~115 KB smaller: the installer payload has a 50 MB limit.
 */
export const helveticaMetricsOnly = {
  name: 'helvetica-metrics-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+\.compressed\.json$/ }, (args) => {
      if (!/[\\/]@pdf-lib[\\/]standard-fonts[\\/]/.test(args.resolveDir)) return undefined;
      const font = path.basename(args.path, '.compressed.json');
      if (font === 'Helvetica' || font === 'all-encodings') return undefined;
      return { path: font, namespace: 'unbundled-standard-font' };
    });
    build.onLoad({ filter: /.*/, namespace: 'unbundled-standard-font' }, (args) => {
      const message = `The metrics of the PDF font ${args.path} are not bundled: the app uses Helvetica only`;
      return {
        // pdf-lib reads the data as a base64 string: its length is the first thing it asks for.
        contents: `module.exports = { get length() { throw new Error(${JSON.stringify(message)}); } };`,
        loader: 'js',
      };
    });
  },
};
