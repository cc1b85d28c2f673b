// The main-process entry (bundled to dist/electron/main.cjs): the only module that loads Electron itself.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { bootstrap } from './bootstrap';

const running = bootstrap(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell },
  {
    rendererDir: path.join(__dirname, '..', 'renderer'),
    preloadPath: path.join(__dirname, 'preload.cjs'),
    // Copied beside main.cjs by scripts/build-electron.mjs (inside app.asar when packaged).
    qrWasmPath: path.join(__dirname, 'zxing_full.wasm'),
    platform: process.platform,
  },
);

// A failed start-up must not leave a windowless process behind.
running.ready.catch((error: unknown) => {
  console.error('ICP Packet Studio could not start:', error);
  app.exit(1);
});
