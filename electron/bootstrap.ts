/**
 * Starts the app: one instance, the hardened app:// scheme, every IPC handler behind the sender check, the
 * native menu in the chosen language, then the window where the user left it. `.icpcase` files the OS hands
 * over (open-file, the command line, a second launch) and Open Recent go into the renderer's import flow;
 * start-up and errors go to the local log. Electron's modules are passed in (main.ts does the import), so
 * the whole start-up sequence runs under test with fakes.
 */
import os from 'node:os';
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
  Screen,
  Session,
  Shell,
} from 'electron';
import { resolveLanguage } from '../core/i18n/language';
import { createAppProtocolHandler, NOTICES_FILE } from './app-protocol';
import type { IpcEvents, Settings } from './contract';
import { isAllowedExternalUrl } from './external-links';
import { offerCaseFile } from './ipc/cases';
import { createHandlers, type HandlerDeps } from './ipc/handlers';
import { workerScanPort } from '../host/ocr/scan-worker-client';
import { isTrustedSender, registerHandlers, senderInfoOf } from './ipc/register';
import { HandlerError } from './ipc/result';
import { readSettings } from './ipc/settings';
import { RULE_PACK_EXTENSION } from '../host/rules/pack-file';
import { logCrashes, logProcessErrors, openLog, startupLine } from './log';
import { buildMenuTemplate, menuLabelsFor, type MenuState } from './menu';
import { CaseFileOpener } from './open-files';
import { RecentFiles } from './recent-files';
import {
  placeWindow,
  readWindowState,
  trackWindowState,
  writeWindowState,
  MIN_WINDOW_SIZE,
} from './window-state';
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
  /** Only after `ready`: where the window may open. */
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'getDisplayMatching'>;
}

export interface BootstrapOptions {
  /** The built renderer (dist/renderer), served on app://. */
  rendererDir: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** What ships beside the app: fonts/ (documents and UI). See {@link resourcesDirFor}. */
  resourcesDir: string;
  platform: NodeJS.Platform;
  /** The command line and folder of this start: Windows and Linux pass double-clicked files as arguments. */
  argv: readonly string[];
  cwd: string;
  /** The process whose uncaught exceptions and unhandled rejections go to the log (main.ts: `process`). */
  processEvents?: Pick<NodeJS.Process, 'on'>;
}

/**
 * The folder of what ships beside the app (fonts/): electron-builder's extraResources, `process.resourcesPath`,
 * once packaged; `<app folder>/resources` unpackaged (`npm start`). Never derived from the bundle's own
 * location: the bundle sits in dist/electron (or app.asar), not beside resources/.
 */
export function resourcesDirFor(app: Pick<App, 'isPackaged' | 'getAppPath'>, resourcesPath: string): string {
  return app.isPackaged ? resourcesPath : path.join(app.getAppPath(), 'resources');
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
  return fileSaveDialog(dialog, app, parent, { name: 'PDF', extensions: ['pdf'] });
}

/** The native Save dialog of `reminders:export` (filter .ics), attached to the main window. */
export function calendarSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  parent: () => BrowserWindow | null,
): NonNullable<HandlerDeps['showCalendarSaveDialog']> {
  return fileSaveDialog(dialog, app, parent, { name: 'iCalendar', extensions: ['ics'] });
}

/** The native Save dialog of `annualReport:saveSheet` (filter .pdf), attached to the main window. */
export function sheetSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  parent: () => BrowserWindow | null,
): NonNullable<HandlerDeps['showSheetSaveDialog']> {
  return fileSaveDialog(dialog, app, parent, { name: 'PDF', extensions: ['pdf'] });
}

/** A Save dialog in the user's Documents folder with one file type, attached to the main window. */
function fileSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  parent: () => BrowserWindow | null,
  filter: { name: string; extensions: string[] },
): (options: { defaultFileName: string }) => Promise<string | undefined> {
  return async ({ defaultFileName }) => {
    const options: SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), path.basename(defaultFileName)),
      filters: [filter],
    };
    const window = parent();
    const result = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  };
}

/** The native Open dialog of `rules:import` (filter .icprules), attached to the main window. */
export function rulePackOpenDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  app: Pick<App, 'getName'>,
  parent: () => BrowserWindow | null,
): NonNullable<HandlerDeps['showRulePackOpenDialog']> {
  return async () => {
    const options: OpenDialogOptions = {
      properties: ['openFile'],
      // Named after the app, like the case filter: a proper name that needs no translation.
      filters: [{ name: app.getName(), extensions: [RULE_PACK_EXTENSION] }],
    };
    const window = parent();
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
}

export function bootstrap(electron: ElectronRuntime, options: BootstrapOptions): RunningApp {
  const { app, ipcMain, protocol, shell } = electron;
  let mainWindow: BrowserWindow | null = null;
  let trustedContentsId: number | null = null;

  if (!app.requestSingleInstanceLock()) {
    // The first instance gets this start's command line (`second-instance`) and opens its files.
    app.quit();
    return { ready: Promise.resolve(), mainWindow: () => null };
  }

  const userDataDir = app.getPath('userData');
  const log = openLog({
    dir: path.join(userDataDir, 'logs'),
    scrub: {
      home: app.getPath('home'),
      appFolders: [app.getAppPath(), path.dirname(options.preloadPath), options.rendererDir],
    },
  });
  if (options.processEvents) logProcessErrors(options.processEvents, log);
  logCrashes(app, log);

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

  // `.icpcase` files from the OS: macOS sends open-file, also before 'ready' when a double-click starts the
  // app; Windows and Linux pass them on the command line. They wait until the renderer asks for them.
  const opener = new CaseFileOpener(log);
  let started = false;
  const openFromSystem = (work: Promise<unknown>): void => {
    work.catch((error: unknown) => log.error('opening a file from the system failed', error));
    // On macOS the app outlives its window: a double-click brings one back.
    if (started && !mainWindow) createWindow();
  };
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromSystem(opener.open(file, options.cwd));
  });
  openFromSystem(opener.openArguments(options.argv, options.cwd, app.isPackaged));

  const recent = new RecentFiles(path.join(userDataDir, 'recent-files.json'), options.platform);
  // The system's own recent list: the Dock's and File menu's on macOS, the taskbar jump list on Windows.
  const systemRecent = options.platform === 'darwin' || options.platform === 'win32';
  let menuState: MenuState = { caseOpen: false, recentFiles: [] };
  let settings: Settings = { language: 'system' };

  // The language of native dialogs follows the menu's.
  let dialogLanguage = resolveLanguage('system', app.getLocale());
  const applyMenu = (): void => {
    const language = resolveLanguage(settings.language, app.getLocale());
    dialogLanguage = language;
    const labels = menuLabelsFor(language, app.getName());
    const template = buildMenuTemplate(
      labels,
      options.platform,
      app.isPackaged,
      {
        send: (command) => sendToRenderer('menu:command', { command }),
        openExternal,
        openRecent: (file) => {
          openFromSystem(
            opener.open(file, options.cwd).then(async (check) => {
              if (!check.ok) await showRecent(recent.remove(file));
            }),
          );
        },
        clearRecent: () => {
          if (systemRecent) app.clearRecentDocuments();
          void showRecent(recent.clear().then(() => []));
        },
        showLog: () => shell.showItemInFolder(log.file),
      },
      menuState,
    );
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  };
  const showRecent = async (files: Promise<string[]>): Promise<void> => {
    try {
      menuState = { ...menuState, recentFiles: await files };
    } catch (error) {
      log.error('the recent files list could not be updated', error);
    }
    applyMenu();
  };

  function sendToRenderer<E extends keyof IpcEvents>(channel: E, payload: IpcEvents[E]): boolean {
    if (!mainWindow || mainWindow.isDestroyed()) return false;
    mainWindow.webContents.send(channel, payload);
    return true;
  }

  const windowStateFile = path.join(userDataDir, 'window-state.json');
  const createWindow = (): void => {
    const { screen } = electron;
    const placement = placeWindow(
      readWindowState(windowStateFile),
      screen.getAllDisplays(),
      screen.getPrimaryDisplay(),
    );
    const window = createSecureWindow(electron.BrowserWindow, {
      look: {
        ...placement.bounds,
        minWidth: MIN_WINDOW_SIZE.width,
        minHeight: MIN_WINDOW_SIZE.height,
        show: false,
        title: app.getName(),
        backgroundColor: '#ffffff',
      },
      preloadPath: options.preloadPath,
      isPackaged: app.isPackaged,
    });
    mainWindow = window;
    trustedContentsId = window.webContents.id;
    if (placement.maximized) window.maximize();
    trackWindowState(
      window,
      (bounds) => screen.getDisplayMatching(bounds),
      (state) => writeWindowState(windowStateFile, state),
    );
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) {
        mainWindow = null;
        trustedContentsId = null;
        opener.rendererGone();
      }
    });
    void window.loadURL(APP_ENTRY_URL);
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    openFromSystem(opener.openArguments(argv, workingDirectory, app.isPackaged));
  });
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  const ready = app.whenReady().then(async () => {
    log.info(
      startupLine({
        appName: app.getName(),
        appVersion: app.getVersion(),
        versions: process.versions,
        os: { platform: options.platform, release: os.release(), arch: os.arch() },
        locale: app.getLocale(),
        packaged: app.isPackaged,
      }),
    );
    hardenSession(electron.session.defaultSession, { devTools: !app.isPackaged });
    // The UI's typeface is the documents' own (resources/fonts): served from there, it ships once. The
    // licence notices the installer carries are the ones Settings → About shows.
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(options.rendererDir, {
        folders: { fonts: path.join(options.resourcesDir, 'fonts') },
        files: { [NOTICES_FILE]: path.join(options.resourcesDir, NOTICES_FILE) },
      }),
    );

    const deps: HandlerDeps = {
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
      showRulePackOpenDialog: rulePackOpenDialog(electron.dialog, app, () => mainWindow),
      showSheetSaveDialog: sheetSaveDialog(electron.dialog, app, () => mainWindow),
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
      resourcesDir: options.resourcesDir,
      // Scans are read in a worker thread (the main bundle's sibling scan-worker.cjs) with the models in
      // <resources>/ocr; it starts on the first scan read.
      scanPort: workerScanPort(
        path.join(path.dirname(options.preloadPath), 'scan-worker.cjs'),
        options.resourcesDir,
      ),
      onSettingsChanged: (next) => {
        settings = next;
        applyMenu();
        sendToRenderer('settings:changed', next);
      },
      onCaseFileUsed: (file) => {
        if (systemRecent) app.addRecentDocument(file);
        void showRecent(recent.add(file));
      },
      takeOpenRequests: () => opener.take(),
      onMenuContext: ({ caseOpen }) => {
        if (menuState.caseOpen === caseOpen) return;
        menuState = { ...menuState, caseOpen };
        applyMenu();
      },
    };
    const handlers = createHandlers(deps);
    opener.connect({
      offer: (file) => offerCaseFile(deps, file),
      send: (request) => sendToRenderer('case:openRequested', request),
    });
    registerHandlers(
      ipcMain,
      handlers,
      (event) => isTrustedSender(senderInfoOf(event), trustedContentsId),
      (channel, error) => log.error(`${channel} failed`, error),
    );

    settings = await readSettings(path.join(userDataDir, 'settings.json'));
    menuState = { ...menuState, recentFiles: await recent.list().catch(() => []) };
    applyMenu();
    createWindow();
    started = true;
    app.on('activate', () => {
      if (!mainWindow) createWindow();
    });
  });

  return { ready, mainWindow: () => mainWindow };
}
