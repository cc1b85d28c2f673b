import { mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig, createLogger, type Logger, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * A clean build prints no warning, and a warning fails it: each is reported as an error and the build exits
 * non-zero, so a new one is dealt with when it appears instead of scrolling past in every build log.
 */
function warningsFailTheBuild(): Logger {
  const logger = createLogger();
  const fail: Logger['warn'] = (message, options) => {
    process.exitCode = 1;
    logger.error(`${message}\n(vite.config.ts: warnings fail the build — fix the cause)`, options);
  };
  return { ...logger, warn: fail, warnOnce: fail };
}

/**
 * Records which files of node_modules went into the renderer bundle (modules, and assets such as pdf.js's
 * worker) in dist/licenses/renderer-inputs.json, outside dist/renderer: scripts/third-party-notices.mjs
 * writes the licence notices of exactly the packages that ship.
 */
function recordBundledFiles(): Plugin {
  return {
    name: 'icp:record-bundled-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const output of Object.values(bundle)) {
        const sources = output.type === 'chunk' ? output.moduleIds : output.originalFileNames;
        for (const source of sources)
          if (source.includes('node_modules')) files.add(source.replace(/\?.*$/, ''));
      }
      mkdirSync('dist/licenses', { recursive: true });
      writeFileSync('dist/licenses/renderer-inputs.json', `${JSON.stringify([...files].sort(), null, 2)}\n`);
    },
  };
}

// The renderer: built to dist/renderer and served to the window by main on app:// (and to the e2e's Chromium
// by the same handler).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), recordBundledFiles()],
  customLogger: warningsFailTheBuild(),
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome140',
    // The bundle is read from the local disk (app.asar), never downloaded, so chunk size costs no network time;
    // the limit stays to catch an accident (a font or an image inlined into a chunk), not normal growth.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // How long plugins took depends on how busy the machine is, not on the code: not a warning.
      checks: { bundlerTimings: false },
    },
  },
  server: { host: '127.0.0.1' },
});
