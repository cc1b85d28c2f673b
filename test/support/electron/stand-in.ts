/**
 * TEST ONLY — a stand-in for the `electron` module, for running the built main bundle (dist/electron/main.cjs)
 * in plain Node: Electron's binary cannot run on the test machines. Every object is strict (strict.ts): the
 * bundle may use only what is modelled here, and what it reaches for beyond that is recorded and fails.
 *
 * What Electron enforces about timing is enforced here too: `enableSandbox` and
 * `protocol.registerSchemesAsPrivileged` only before `ready`; `protocol.handle`, `session.defaultSession` and
 * windows only after it; one handler per IPC channel. Windows are driven by a {@link WindowDriver}: the default
 * one records what main asked for (the bundle smoke test); the e2e suite's is a Chromium page.
 *
 * Dialogs, the shell and safeStorage are the test's: dialogs answer from {@link DialogAnswers}, links and
 * "show in folder" are recorded instead of opened, and the OS keychain is a reversible fake whose availability
 * the test chooses. None of this exists in the shipped bundles, which have no test hooks.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  HandlerDetails,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { strict, type MissRecorder } from './strict';

/** What the fake OS keychain reports: a real one, none, or Linux's `basic_text` (no secret service). */
export type KeychainMode = 'available' | 'unavailable' | 'basicText';

/** The test's answers to main's native dialogs; an absent answer, or `undefined`, is the user cancelling. */
export interface DialogAnswers {
  /** Open dialog (files or a folder): the chosen paths. */
  open?: (options: OpenDialogOptions) => string[] | undefined | Promise<string[] | undefined>;
  /** Save dialog: the chosen path. */
  save?: (options: SaveDialogOptions) => string | undefined | Promise<string | undefined>;
  /** Message box: the index of the button pressed (default: the cancel button). */
  messageBox?: (options: MessageBoxOptions) => number | Promise<number>;
}

export interface StandInOptions {
  /** app.getAppPath(): the folder holding package.json (the repository, unpackaged). */
  appPath: string;
  /** app.getPath('userData'). */
  userDataDir: string;
  /** app.getPath('documents'); default: `<userDataDir>/Documents`. */
  documentsDir?: string;
  /** app.getLocale(); default en-US. */
  locale?: string;
  /** app.isPackaged; default false (`npm start`). */
  isPackaged?: boolean;
  keychain?: KeychainMode;
  dialogs?: DialogAnswers;
  windows?: WindowDriver;
}

/** How the stand-in's windows behave; the default only records. */
export interface WindowDriver {
  /** Called from the BrowserWindow constructor, after the window exists and before it is returned. */
  created?(window: StandInWindow): void;
  /** Loads `url` in the window (app://… as main asks for it). */
  loadURL?(window: StandInWindow, url: string): Promise<void>;
  /** main's webContents.send: deliver an event to the window's page. */
  send?(window: StandInWindow, channel: string, payload: unknown): void;
  /** The window is closing (its page should go). */
  close?(window: StandInWindow): Promise<void> | void;
}

/** A frame as an invoke event names it (`event.senderFrame`). */
export interface SenderFrame {
  url: string;
  parent: SenderFrame | null;
}

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type BeforeRequestListener = (
  details: { url: string; method: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;

/** Everything main did to the stand-in, for the test to assert. */
export interface StandInRecord extends MissRecorder {
  exits: number[];
  quits: number;
  sandboxEnabled: boolean;
  singleInstanceLockRequested: boolean;
  privilegedSchemes: CustomScheme[];
  protocols: Map<string, ProtocolHandler>;
  handlers: Map<string, InvokeListener>;
  /** Application menus set, newest last, as the templates they were built from. */
  applicationMenus: MenuItemConstructorOptions[][];
  windows: StandInWindow[];
  openedExternally: string[];
  shownInFolder: string[];
  /** Files given to app.addRecentDocument (cleared by clearRecentDocuments). */
  recentDocuments: string[];
  dialogs: { kind: 'open' | 'save' | 'messageBox'; options: unknown }[];
  beforeRequest: BeforeRequestListener | null;
  permissionHandlersSet: string[];
}

let nextWebContentsId = 1;

/** The stand-in's webContents: events main listens to, `send`, and the window-open handler. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: HandlerDetails) => { action: 'allow' | 'deny' }) | null = null;
  destroyed = false;
  constructor(
    private readonly owner: StandInWindow,
    private readonly driver: WindowDriver,
  ) {
    super();
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.owner.sent.push({ channel, payload });
    this.driver.send?.(this.owner, channel, payload);
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** The stand-in's BrowserWindow (constructed through the strict class the module exports). */
export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  /** URLs main loaded, in order. */
  readonly loaded: string[] = [];
  /** Events main sent to the page. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  shown = false;
  destroyed = false;
  /** Settles when the first loadURL has (the page is up or failed). */
  firstLoad: Promise<void> | null = null;
  /** This window itself, not the strict proxy main holds: what drivers and records key on. */
  readonly target: StandInWindow;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly driver: WindowDriver,
    recorder: MissRecorder,
  ) {
    super();
    this.target = this;
    this.webContents = strict('webContents', new StandInWebContents(this, driver), recorder);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    const loading = (this.driver.loadURL?.(this.target, url) ?? Promise.resolve()).then(() => {
      // Electron: shown once the page has painted its first frame.
      this.emit('ready-to-show');
    });
    this.firstLoad ??= loading.catch(() => undefined);
    return loading;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  /** Where the window sits: the constructor's x/y/width/height (Electron centres a window given none). */
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    const { x = 0, y = 0, width = 800, height = 600 } = this.options;
    return { x, y, width, height };
  }
  maximized = false;
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Closes the window as the user would: 'close', then 'closed'. */
  async close(): Promise<void> {
    if (this.destroyed) return;
    this.emit('close', { preventDefault: () => undefined });
    await this.driver.close?.(this.target);
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

function packageFacts(appPath: string): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(appPath, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  // Electron's app.getName(): productName, else name.
  return { name: pkg.productName ?? pkg.name, version: pkg.version };
}

/** The fake OS keychain: reversible wrapping (never real secrecy), with the availability the test chose. */
function fakeSafeStorage(mode: KeychainMode) {
  const prefix = 'stand-in-keychain|';
  return {
    isAsyncEncryptionAvailable: async () => mode !== 'unavailable',
    encryptStringAsync: async (text: string) => {
      if (mode === 'unavailable') throw new Error('Encryption is not available.');
      return Buffer.from(prefix + text);
    },
    decryptStringAsync: async (blob: Buffer) => {
      const text = blob.toString();
      if (mode === 'unavailable' || !text.startsWith(prefix)) throw new Error('Error while decrypting.');
      return { shouldReEncrypt: false, result: text.slice(prefix.length) };
    },
    getSelectedStorageBackend: () => (mode === 'basicText' ? 'basic_text' : 'gnome_libsecret'),
  };
}

/** A menu item's `click` as Electron calls it. */
type Click = (menuItem: unknown, window: unknown, event: unknown) => void;

function validateMenuTemplate(template: MenuItemConstructorOptions[], where = 'menu'): void {
  for (const [index, item] of template.entries()) {
    const at = `${where}[${index}]`;
    if (item.type !== 'separator' && !item.role && !item.label) throw new Error(`${at} has no label or role`);
    if (item.click !== undefined && typeof item.click !== 'function') throw new Error(`${at}.click`);
    if (Array.isArray(item.submenu)) validateMenuTemplate(item.submenu, `${at}.submenu`);
  }
}

/** The items of a menu template, depth first. */
export function menuItems(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}

export interface StandInElectron {
  /** What `require('electron')` returns to the bundle. */
  module: Record<string, unknown>;
  record: StandInRecord;
  /** Plays Electron's start-up: 'will-finish-launching', then 'ready' (and whenReady resolves). */
  fireReady(): void;
  /**
   * Calls main's handler for `channel` as a page would: `sender` is the webContents it belongs to (a window's,
   * or `{ id }` of one main never created), `frame` the calling frame.
   */
  invoke(
    channel: string,
    args: unknown[],
    from: { sender: { id: number }; frame: SenderFrame },
  ): Promise<unknown>;
  /** Answers `url` through the handler main registered for its scheme (as Chromium asks it). */
  serve(url: string, init?: RequestInit): Promise<Response>;
  /** Runs main's webRequest guard: false when it cancels the request. */
  allowsRequest(url: string, resourceType?: string): Promise<boolean>;
  /** Clicks the current application menu's item with this `id`; false when there is none. */
  clickMenuItem(id: string): boolean;
  /** The current application menu (the last set). */
  applicationMenu(): MenuItemConstructorOptions[] | undefined;
}

export function createStandInElectron(options: StandInOptions): StandInElectron {
  const driver = options.windows ?? {};
  const record: StandInRecord = {
    misses: [],
    exits: [],
    quits: 0,
    sandboxEnabled: false,
    singleInstanceLockRequested: false,
    privilegedSchemes: [],
    protocols: new Map(),
    handlers: new Map(),
    applicationMenus: [],
    windows: [],
    openedExternally: [],
    shownInFolder: [],
    recentDocuments: [],
    dialogs: [],
    beforeRequest: null,
    permissionHandlersSet: [],
  };
  const facts = packageFacts(options.appPath);
  let ready = false;
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  const mustBeReady = (what: string) => {
    if (!ready) throw new Error(`${what} can only be used after the app is ready`);
  };
  const mustNotBeReady = (what: string) => {
    if (ready) throw new Error(`${what} must be called before the app is ready`);
  };
  const s = <T extends object>(label: string, target: T) => strict(label, target, record);

  const paths: Record<string, string> = {
    userData: options.userDataDir,
    documents: options.documentsDir ?? path.join(options.userDataDir, 'Documents'),
    temp: path.join(options.userDataDir, 'Temp'),
    home: path.join(options.userDataDir, 'Home'),
  };

  const app = s(
    'app',
    Object.assign(new EventEmitter(), {
      isPackaged: options.isPackaged ?? false,
      getName: () => facts.name,
      getVersion: () => facts.version,
      getLocale: () => options.locale ?? 'en-US',
      getAppPath: () => options.appPath,
      getPath: (name: string) => {
        const found = paths[name];
        if (found === undefined)
          throw new Error(`Failed to get '${name}' path (not modelled by the stand-in)`);
        return found;
      },
      isReady: () => ready,
      whenReady: () => whenReady,
      requestSingleInstanceLock: () => {
        record.singleInstanceLockRequested = true;
        return true;
      },
      enableSandbox: () => {
        mustNotBeReady('app.enableSandbox');
        record.sandboxEnabled = true;
      },
      quit: () => {
        record.quits++;
      },
      exit: (code = 0) => {
        record.exits.push(code);
      },
      // The OS's recent-documents list (macOS, Windows): recorded, nothing else.
      addRecentDocument: (file: string) => {
        record.recentDocuments.push(file);
      },
      clearRecentDocuments: () => {
        record.recentDocuments.length = 0;
      },
    }),
  );

  const BrowserWindow = s(
    'BrowserWindow',
    class {
      constructor(windowOptions: BrowserWindowConstructorOptions = {}) {
        mustBeReady('BrowserWindow');
        const window = new StandInWindow(windowOptions, driver, record);
        const proxied = s('BrowserWindow#instance', window);
        record.windows.push(window);
        // Electron emits this from inside the constructor, before the window is returned.
        app.emit('web-contents-created', { preventDefault: () => undefined }, window.webContents);
        driver.created?.(window);
        return proxied;
      }
    },
  );

  const ipcMain = s('ipcMain', {
    handle: (channel: string, listener: InvokeListener) => {
      if (record.handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      record.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => {
      record.handlers.delete(channel);
    },
  });

  const protocol = s('protocol', {
    registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
      mustNotBeReady('protocol.registerSchemesAsPrivileged');
      record.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: ProtocolHandler) => {
      mustBeReady('protocol.handle');
      if (record.protocols.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
      record.protocols.set(scheme, handler);
    },
  });

  const defaultSession = s('session.defaultSession', {
    setPermissionRequestHandler: () => void record.permissionHandlersSet.push('request'),
    setPermissionCheckHandler: () => void record.permissionHandlersSet.push('check'),
    setDevicePermissionHandler: () => void record.permissionHandlersSet.push('device'),
    webRequest: s('session.defaultSession.webRequest', {
      onBeforeRequest: (listener: BeforeRequestListener) => {
        record.beforeRequest = listener;
      },
    }),
  });
  const session = s('session', {
    get defaultSession() {
      mustBeReady('session.defaultSession');
      return defaultSession;
    },
  });

  const Menu = s('Menu', {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
      validateMenuTemplate(template);
      return s('Menu#instance', { items: template });
    },
    setApplicationMenu: (menu: { items: MenuItemConstructorOptions[] } | null) => {
      record.applicationMenus.push(menu?.items ?? []);
    },
  });

  const answers = options.dialogs ?? {};
  // Electron's dialogs take an optional parent window first.
  const dialogOptions = <O>(args: unknown[]): O => (args.length > 1 ? args[1] : args[0]) as O;
  const dialog = s('dialog', {
    showOpenDialog: async (...args: unknown[]) => {
      const opts = dialogOptions<OpenDialogOptions>(args);
      record.dialogs.push({ kind: 'open', options: opts });
      const filePaths = (await answers.open?.(opts)) ?? undefined;
      return { canceled: filePaths === undefined, filePaths: filePaths ?? [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      const opts = dialogOptions<SaveDialogOptions>(args);
      record.dialogs.push({ kind: 'save', options: opts });
      const filePath = (await answers.save?.(opts)) ?? undefined;
      return { canceled: filePath === undefined, filePath: filePath ?? '' };
    },
    showMessageBox: async (...args: unknown[]) => {
      const opts = dialogOptions<MessageBoxOptions>(args);
      record.dialogs.push({ kind: 'messageBox', options: opts });
      const response = (await answers.messageBox?.(opts)) ?? opts.cancelId ?? 0;
      return { response, checkboxChecked: false };
    },
  });

  const shell = s('shell', {
    openExternal: async (url: string) => {
      record.openedExternally.push(url);
    },
    showItemInFolder: (target: string) => {
      record.shownInFolder.push(target);
    },
  });

  const safeStorage = s('safeStorage', fakeSafeStorage(options.keychain ?? 'available'));

  // One 1920×1080 display (work area above a 40-px taskbar). Electron refuses `screen` before 'ready'.
  const display = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    scaleFactor: 1,
  };
  const screen = s('screen', {
    getAllDisplays: () => {
      mustBeReady('screen.getAllDisplays');
      return [display];
    },
    getPrimaryDisplay: () => {
      mustBeReady('screen.getPrimaryDisplay');
      return display;
    },
    getDisplayMatching: () => {
      mustBeReady('screen.getDisplayMatching');
      return display;
    },
  });

  const electronModule = s('electron', {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session,
    Menu,
    dialog,
    shell,
    safeStorage,
    screen,
  });

  const strictFrame = (frame: SenderFrame): SenderFrame =>
    s('WebFrameMain', { url: frame.url, parent: frame.parent === null ? null : strictFrame(frame.parent) });

  return {
    module: electronModule,
    record,
    fireReady() {
      if (ready) return;
      app.emit('will-finish-launching');
      ready = true;
      app.emit('ready', { preventDefault: () => undefined }, {});
      markReady();
    },
    async invoke(channel, args, from) {
      const listener = record.handlers.get(channel);
      if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
      const event = s('IpcMainInvokeEvent', {
        sender: from.sender,
        senderFrame: strictFrame(from.frame),
        processId: 1,
        frameId: 1,
      });
      return listener(event, ...args);
    },
    async serve(url, init) {
      const scheme = new URL(url).protocol.replace(/:$/, '');
      const handler = record.protocols.get(scheme);
      if (handler === undefined) throw new Error(`No protocol handler for ${scheme}:`);
      return handler(new Request(url, init));
    },
    allowsRequest(url, resourceType = 'other') {
      const listener = record.beforeRequest;
      // Without a guard Chromium lets every request through.
      if (listener === null) return Promise.resolve(true);
      return new Promise((resolve) =>
        listener({ url, method: 'GET', resourceType }, (response) => resolve(response.cancel !== true)),
      );
    },
    clickMenuItem(id) {
      const menu = record.applicationMenus.at(-1);
      const item = menu === undefined ? undefined : menuItems(menu).find((candidate) => candidate.id === id);
      if (item?.click === undefined) return false;
      const window = record.windows.find((w) => !w.destroyed);
      (item.click as Click)(item, window, { triggeredByAccelerator: false });
      return true;
    },
    applicationMenu: () => record.applicationMenus.at(-1),
  };
}
