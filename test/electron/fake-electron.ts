/**
 * Fakes of the Electron modules bootstrap() uses, for the tests of the start-up sequence and of the desktop
 * conventions (window state, Open Recent, files from the OS). `markReady()` plays app 'ready'.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';
import type { ElectronRuntime } from '../../electron/bootstrap';
import type { DisplayInfo, Rect } from '../../electron/window-state';

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  webContents = { id: 42, send: vi.fn() };
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  minimized = true;
  maximized = false;
  /** The normal bounds: where the window was created, then wherever a test "moves" it. */
  normalBounds: Rect;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  getNormalBounds = () => this.normalBounds;
  isDestroyed = () => false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 0, height = 0 } = options as Partial<Rect>;
    this.normalBounds = { x, y, width, height };
    FakeWindow.created.push(this);
  }
  /** Plays the user moving or resizing the window, then closing it. */
  moveTo(bounds: Rect): void {
    this.minimized = false;
    this.normalBounds = bounds;
    this.emit('move');
  }
}

/** A 1920×1080 primary display with a 40 px taskbar at the bottom. */
export const PRIMARY_DISPLAY: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};

export type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** Fakes of the Electron modules bootstrap() uses; `markReady()` plays app 'ready'. */
export function fakeElectron(
  base: string,
  options: {
    gotLock?: boolean;
    locale?: string;
    backend?: string;
    isPackaged?: boolean;
    displays?: DisplayInfo[];
  } = {},
) {
  FakeWindow.created = [];
  let markReady = () => {};
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
  const displays = options.displays ?? [PRIMARY_DISPLAY];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? true,
    requestSingleInstanceLock: vi.fn(() => options.gotLock ?? true),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    whenReady: () => readyPromise,
    getPath: vi.fn(() => path.join(base, 'userData')),
    getName: () => 'ICP Packet Studio',
    getVersion: () => '0.1.0',
    getLocale: () => options.locale ?? 'en-US',
    getAppPath: () => path.join(base, 'app'),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  });
  const ipcListeners = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const menus: MenuItemConstructorOptions[][] = [];
  const runtime = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => ipcListeners.set(channel, listener) },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        menus.push(template);
        return { template };
      },
      setApplicationMenu: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0] ?? PRIMARY_DISPLAY,
      // The display the window overlaps most, as Electron's does.
      getDisplayMatching: (rect: Rect) =>
        [...displays].sort((a, b) => overlapArea(b.workArea, rect) - overlapArea(a.workArea, rect))[0] ??
        PRIMARY_DISPLAY,
    },
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    // Only the asynchronous API: what Electron 46 leaves (the synchronous calls are gone there).
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(`os|${text}`),
      decryptStringAsync: async (data: Buffer) => ({
        shouldReEncrypt: false,
        result: data.toString().replace(/^os\|/, ''),
      }),
      getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    },
  };
  return {
    runtime: runtime as unknown as ElectronRuntime,
    fake: runtime,
    markReady,
    ipcListeners,
    protocolHandlers,
    menus,
    topMenuLabels: () => (menus.at(-1) ?? []).map((m) => m.label),
    /** The File menu as it is now (the last one set). */
    fileMenu: () => {
      const top = menus.at(-1) ?? [];
      const file = top.find((m) => m.role !== 'appMenu');
      return Array.isArray(file?.submenu) ? file.submenu : [];
    },
  };
}
