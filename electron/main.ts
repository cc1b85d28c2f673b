// The main-process entry (bundled to dist/electron/main.cjs): the only module that loads Electron itself.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { bootstrap, resourcesDirFor } from './bootstrap';

const running = bootstrap(
  {
    app,
    BrowserWindow,
    dialog,
    ipcMain,
    Menu,
    protocol,
    safeStorage,
    session,
    shell,
    // Electron throws when `screen` is even read before 'ready': read on first use (the window, after it).
    get screen() {
      return screen;
    },
  },
  {
    rendererDir: path.join(__dirname, '..', 'renderer'),
    preloadPath: path.join(__dirname, 'preload.cjs'),
    resourcesDir: resourcesDirFor(app, process.resourcesPath),
    platform: process.platform,
    argv: process.argv,
    cwd: process.cwd(),
    processEvents: process,
  },
);

// A failed start-up must not leave a windowless process behind.
running.ready.catch((error: unknown) => {
  console.error('ICP Packet Studio could not start:', error);
  app.exit(1);
});
