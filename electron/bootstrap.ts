/**
 * Starts the app: one instance, the hardened app:// scheme, every IPC handler behind the sender check, the
 * native menu in the chosen language, then the window. Electron's modules are passed in (main.ts does the
 * import), so the whole start-up sequence runs under test with fakes.
 */
import path from 'node:path';
import type {
  App,
  BrowserWindow,
  Dialog,
  IpcMain,
  Menu,
  OpenDialogOptions,
  Protocol,
  SafeStorage,
  SaveDialogOptions,
  Session,
  Shell,
} from 'electron';
import { resolveLanguage } from '../core/i18n/language';
import { createAppProtocolHandler } from './app-protocol';
import type { IpcEvents, Settings } from './contract';
import { isAllowedExternalUrl } from './external-links';
import { createHandlers, type HandlerDeps } from './ipc/handlers';
import { isTrustedSender, registerHandlers, senderInfoOf } from './ipc/register';
import { HandlerError } from './ipc/result';
import { readSettings } from './ipc/settings';
import { buildMenuTemplate, menuLabelsFor } from './menu';
import { packetDialogs } from './packet/dialogs';
import { SafeStorageKeyProvider, keychainStatus } from './keychain';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createSecureWindow,
  hardenApp,
  hardenSession,
} from './security';

export interface ElectronRuntime {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  Menu: typeof Menu;
  protocol: Protocol;
  session: { defaultSession: Session };
  shell: Shell;
  dialog: Dialog;
  safeStorage: SafeStorage;
}

export interface BootstrapOptions {
  /** The built renderer (dist/renderer), served on app://. */
  rendererDir: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** zxing-wasm's .wasm, copied beside main.cjs by the build (host/qr reads it from there). */
  qrWasmPath?: string;
  platform: NodeJS.Platform;
}

export interface RunningApp {
  /** Resolves once the window has been created (or at once when another instance already runs). */
  ready: Promise<void>;
  mainWindow: () => BrowserWindow | null;
}

/**
 * The native Save/Open dialogs of `case:export` / `case:import`, attached to the main window when there is one.
 * Paths only ever come from these dialogs, never from the renderer.
 */
export function caseFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  app: Pick<App, 'getName' | 'getPath'>,
  parent: () => BrowserWindow | null,
): Pick<HandlerDeps, 'showSaveDialog' | 'showOpenDialog'> {
  // The filter is named after the app: a proper name that needs no translation.
  const filters = [{ name: app.getName(), extensions: ['icpcase'] }];
  return {
    showSaveDialog: async ({ defaultFileName }) => {
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), path.basename(defaultFileName)),
        filters,
      };
      const window = parent();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    showOpenDialog: async () => {
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const window = parent();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}

/** The native Save dialog of `signing:print` (filter .pdf), attached to the main window. */
export function signingSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  parent: () => BrowserWindow | null,
): NonNullable<HandlerDeps['showSigningSaveDialog']> {
  return async ({ defaultFileName }) => {
    const options: SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), path.basename(defaultFileName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
    const window = parent();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };
}

/** The native Save dialog of `reminders:export` (filter .ics), attached to the main window. */
export function calendarSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  parent: () => BrowserWindow | null,
): NonNullable<HandlerDeps['showCalendarSaveDialog']> {
  return async ({ defaultFileName }) => {
    const options: SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), path.basename(defaultFileName)),
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    };
    const window = parent();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };
}

export function bootstrap(electron: ElectronRuntime, options: BootstrapOptions): RunningApp {
  const { app, ipcMain, protocol, shell } = electron;
  let mainWindow: BrowserWindow | null = null;
  let trustedContentsId: number | null = null;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve(), mainWindow: () => null };
  }

  // Sandbox every renderer, whatever a window's options say; must happen before 'ready'.
  app.enableSandbox();
  // Privileges can only be granted before 'ready'.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  // The only place the app hands a URL to the OS; the IPC handler, the menu and the link hooks all end here,
  // so the allow-check below guards every path even if a caller forgot its own check.
  const openInBrowser = async (url: string): Promise<void> => {
    if (!isAllowedExternalUrl(url)) throw new HandlerError('urlNotAllowed');
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: allow-checked on the line above
  };
  const openExternal = (url: string): void => {
    openInBrowser(url).catch(() => undefined);
  };
  hardenApp(app, openExternal);

  // The language of native dialogs follows the menu's.
  let dialogLanguage = resolveLanguage('system', app.getLocale());
  const applyMenu = (settings: Settings): void => {
    const language = resolveLanguage(settings.language, app.getLocale());
    dialogLanguage = language;
    const labels = menuLabelsFor(language, app.getName());
    const template = buildMenuTemplate(labels, options.platform, app.isPackaged, {
      send: (command) => sendToRenderer('menu:command', { command }),
      openExternal,
    });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };

  function sendToRenderer<E extends keyof IpcEvents>(channel: E, payload: IpcEvents[E]): void {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  }

  const createWindow = (): void => {
    const window = createSecureWindow(electron.BrowserWindow, {
      look: {
        width: 1280,
        height: 820,
        minWidth: 960,
        minHeight: 640,
        show: false,
        title: app.getName(),
        backgroundColor: '#ffffff',
      },
      preloadPath: options.preloadPath,
      isPackaged: app.isPackaged,
    });
    mainWindow = window;
    trustedContentsId = window.webContents.id;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) {
        mainWindow = null;
        trustedContentsId = null;
      }
    });
    void window.loadURL(APP_ENTRY_URL);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  const ready = app.whenReady().then(async () => {
    hardenSession(electron.session.defaultSession, { devTools: !app.isPackaged });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererDir));

    const userDataDir = app.getPath('userData');
    const handlers = createHandlers({
      userDataDir,
      appName: app.getName(),
      appVersion: app.getVersion(),
      systemLocale: app.getLocale(),
      platform: options.platform,
      openExternal: openInBrowser,
      // The OS keychain guards the case store's key unless the user chose a passphrase (Settings → Encryption),
      // or the keychain is not a real one (Linux `basic_text`): then the app asks for a passphrase.
      keychain: {
        provider: new SafeStorageKeyProvider(electron.safeStorage, options.platform),
        status: () => keychainStatus(electron.safeStorage, options.platform),
      },
      ...caseFileDialogs(electron.dialog, app, () => mainWindow),
      showCalendarSaveDialog: calendarSaveDialog(electron.dialog, app, () => mainWindow),
      showSigningSaveDialog: signingSaveDialog(electron.dialog, app, () => mainWindow),
      ...(options.qrWasmPath ? { qrWasmPath: options.qrWasmPath } : {}),
      ...packetDialogs(
        electron.dialog,
        shell,
        () => mainWindow,
        () => dialogLanguage,
        app.getPath('documents'),
      ),
      onPacketProgress: (progress) => sendToRenderer('packet:progress', progress),
      // Normalising an imported case's scans after the reply; a failure only means the export does it.
      runInBackground: (work) => {
        work.catch(() => undefined);
      },
      // Packaged, the fonts sit in resources/ next to app.asar (electron-builder extraResources).
      ...(app.isPackaged ? { resourcesDir: process.resourcesPath } : {}),
      onSettingsChanged: (settings) => {
        applyMenu(settings);
        sendToRenderer('settings:changed', settings);
      },
    });
    registerHandlers(ipcMain, handlers, (event) => isTrustedSender(senderInfoOf(event), trustedContentsId));

    applyMenu(await readSettings(path.join(userDataDir, 'settings.json')));
    createWindow();
    app.on('activate', () => {
      if (!mainWindow) createWindow();
    });
  });

  return { ready, mainWindow: () => mainWindow };
}
