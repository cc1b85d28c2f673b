/**
 * TEST ONLY — the shipped app in Chromium: the real dist/electron/main.cjs runs in this Node process under the
 * stand-in Electron (test/support/electron), and each window it opens is a Chromium page (playwright-core).
 *
 * - **Pages.** app:// is Electron's privileged scheme, which Chromium does not know: the page is given the
 *   origin `http://bundle.localhost:<port>` instead (a secure context: `*.localhost` is loopback by
 *   definition), and every request of the browser context is routed here first. Each goes through main's own
 *   `webRequest` guard (a cancelled request fails in the page: nothing reaches the network), then is answered
 *   by main's own app:// protocol handler (same files, same headers). The answer travels over a loopback socket
 *   (`route.continue` to a server in this process that only calls that handler): fulfilling the route
 *   directly would send every byte base64-encoded through the DevTools protocol, several times slower for the
 *   two 10 MB fonts every page load needs.
 * - **Preload.** The real dist/electron/preload.cjs is injected into each page's top frame before any page
 *   script, with a `require('electron')` that gives it `contextBridge` and an `ipcRenderer` whose `invoke`
 *   goes through a Playwright binding to the handler main registered with `ipcMain.handle`, with an event whose
 *   `sender` is the calling page's webContents and `senderFrame` the calling frame (app:// URL, parent).
 * - **Events.** main's `webContents.send` is delivered to the page's ipcRenderer listeners.
 * - **Guards.** A main-frame navigation emits `will-navigate` / `will-frame-navigate` on the window's
 *   webContents, and a popup asks main's window-open handler, so main's guards act as in Electron.
 *
 * Limits: Chromium's version, not Electron's; the preload shares the page's world (no context isolation); no
 * asar, sandbox, native dialogs or keychain (the stand-in's dialogs, shell and safeStorage stand in).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import path from 'node:path';
import type {
  SenderFrame,
  StandInElectron,
  StandInWindow,
  WindowDriver,
} from '../../support/electron/stand-in';
import { REPO_ROOT } from '../../support/paths';

/** The app's origin as main names it (electron/security.ts APP_ORIGIN). */
export const APP_ORIGIN = 'app://bundle';

/** Maps URLs between main's app:// origin and the page's origin. */
export class OriginMap {
  constructor(readonly pageOrigin: string) {}
  /** app://bundle/… → the page's URL. */
  toPage(appUrl: string): string {
    return appUrl === APP_ORIGIN || appUrl.startsWith(`${APP_ORIGIN}/`)
      ? this.pageOrigin + appUrl.slice(APP_ORIGIN.length)
      : appUrl;
  }
  /** The page's URL → app://bundle/… (what main sees); any other URL is left as it is. */
  toApp(pageUrl: string): string {
    return pageUrl === this.pageOrigin || pageUrl.startsWith(`${this.pageOrigin}/`)
      ? APP_ORIGIN + pageUrl.slice(this.pageOrigin.length)
      : pageUrl;
  }
}

const ROUTED_HEADER = 'x-icp-e2e-routed';

const INVOKE_BINDING = '__icpIpcInvoke';
const DELIVER_FUNCTION = '__icpIpcDeliver';

let preloadScript: { key: string; text: string } | undefined;

/**
 * The page's init script: the real preload.cjs in the CommonJS wrapper Electron gives a sandboxed preload,
 * with the stand-in `electron` (the page's half of the IPC) as the only module it can require.
 */
function preloadInitScript(): string {
  const file = path.join(REPO_ROOT, 'dist', 'electron', 'preload.cjs');
  const key = `${statSync(file).mtimeMs}`;
  if (preloadScript?.key !== key) {
    const preload = readFileSync(file, 'utf8');
    const text = `(() => {
  // Electron runs the preload in the top frame only (nodeIntegrationInSubFrames is off).
  if (window.top !== window) return;
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window[${JSON.stringify(INVOKE_BINDING)}](channel, args),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
    },
  };
  // main's webContents.send(channel, payload), called by the test process: the preload's listeners hear it.
  Object.defineProperty(window, ${JSON.stringify(DELIVER_FUNCTION)}, {
    value: (channel, payload) => {
      const set = listeners.get(channel) ?? new Set();
      for (const listener of set) listener({ sender: ipcRenderer, senderId: 0 }, payload);
      return set.size;
    },
  });
  const require = (id) => {
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('module not found: ' + id + ' (a sandboxed preload)');
  };
  const module = { exports: {} };
  const sandboxProcess = { platform: 'linux', type: 'renderer', sandboxed: true, contextIsolated: true, env: {} };
  (function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {
${preload}
  })(require, sandboxProcess, undefined, window, (fn, ...args) => setTimeout(fn, 0, ...args), clearTimeout, module.exports, module);
})();`;
    preloadScript = { key, text };
  }
  return preloadScript.text;
}

/** Electron's webRequest resource types, from Chromium's. */
function resourceTypeOf(request: Request): string {
  const type = request.resourceType();
  if (type === 'document') return request.frame().parentFrame() === null ? 'mainFrame' : 'subFrame';
  if (type === 'fetch' || type === 'xhr') return 'xhr';
  return ['stylesheet', 'script', 'image', 'font', 'media', 'websocket'].includes(type) ? type : 'other';
}

function senderFrameOf(frame: Frame, origins: OriginMap): SenderFrame {
  const parent = frame.parentFrame();
  return { url: origins.toApp(frame.url()), parent: parent === null ? null : senderFrameOf(parent, origins) };
}

/** The Chromium side of a running app: the stand-in's windows driven as pages of one browser context. */
export class ChromiumWindows implements WindowDriver {
  readonly #pages = new Map<StandInWindow, Page>();
  /** Each window's page, from the moment main constructs the window (the page may still be opening). */
  readonly #pending = new Map<StandInWindow, Promise<Page>>();
  readonly #windows = new Map<Page, StandInWindow>();
  /** Per window, the last `send` in flight: resolves to how many page listeners received it. */
  readonly #deliveries = new Map<StandInWindow, Promise<number>>();
  /** Pages made ready for a window before main asked (the first is opened before main starts). */
  readonly #spare: Promise<Page>[] = [];
  #main: StandInElectron | undefined;
  #server: Server | undefined;
  /** Proves a request to the loopback server came through the route (and so through main's guard). */
  readonly #token = randomUUID();
  #origins = new OriginMap('http://bundle.localhost');
  /** Every call the pages made to main, in order: channel and request. */
  readonly invoked: { channel: string; request: unknown }[] = [];
  readonly #invokeWaiters = new Set<(call: { channel: string; request: unknown }) => void>();

  constructor(readonly context: BrowserContext) {}

  /** The page's origin (app://bundle in the app). */
  get origin(): string {
    return this.#origins.pageOrigin;
  }

  /** Routes the context through `main` and installs the preload; call before main opens a window. */
  async attach(main: StandInElectron): Promise<void> {
    this.#main = main;
    const server = createServer((request, response) => void this.#respond(request, response));
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#origins = new OriginMap(`http://bundle.localhost:${(server.address() as AddressInfo).port}`);
    await this.context.exposeBinding(INVOKE_BINDING, ({ page, frame }, channel: string, args: unknown[]) => {
      const call = { channel, request: args[0] };
      this.invoked.push(call);
      for (const waiter of this.#invokeWaiters) waiter(call);
      return main.invoke(channel, args, {
        // A page main never opened has a webContents main does not trust.
        sender: this.#windows.get(page)?.webContents ?? { id: -1 },
        frame: senderFrameOf(frame, this.#origins),
      });
    });
    await this.context.addInitScript({ content: preloadInitScript() });
    await this.context.route('**/*', (route) => this.#answer(route));
    this.context.on('page', (page) => {
      const opener = page.opener();
      void opener?.then((from) => {
        const window = from === null ? undefined : this.#windows.get(from);
        if (window === undefined) return;
        // A window.open / target=_blank from the app: main's window-open handler decides, as in Electron.
        const decision = window.webContents.windowOpenHandler?.({
          url: this.#origins.toApp(page.url()),
          frameName: '',
          features: '',
          disposition: 'new-window',
          referrer: { url: '', policy: 'default' },
          postBody: undefined,
        } as never);
        if (decision?.action !== 'allow') void page.close();
      });
    });
    this.#spare.push(this.context.newPage());
  }

  /** Resolves with the request of the next call to `channel` that `matches` (after this call), or times out. */
  nextInvoke(channel: string, matches: (request: unknown) => boolean, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#invokeWaiters.delete(waiter);
        reject(new Error(`no call to ${channel} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (call: { channel: string; request: unknown }) => {
        if (call.channel !== channel || !matches(call.request)) return;
        clearTimeout(timer);
        this.#invokeWaiters.delete(waiter);
        resolve(call.request);
      };
      this.#invokeWaiters.add(waiter);
    });
  }

  /** The page of a window main opened. */
  pageOf(window: StandInWindow): Page {
    const page = this.#pages.get(window);
    if (page === undefined) throw new Error('this window has no page yet');
    return page;
  }

  /** Settles once the last event main sent to `window` reached its page: how many listeners heard it. */
  lastDelivery(window: StandInWindow): Promise<number> {
    return this.#deliveries.get(window) ?? Promise.resolve(0);
  }

  created(window: StandInWindow): void {
    const page = this.#spare.shift() ?? this.context.newPage();
    void page.then((opened) => {
      this.#pages.set(window, opened);
      this.#windows.set(opened, window);
    });
    this.#pending.set(window, page);
  }

  async loadURL(window: StandInWindow, url: string): Promise<void> {
    const page = await this.#pending.get(window);
    if (page === undefined) throw new Error('loadURL on a window the driver did not create');
    // Electron's loadURL settles when the page has loaded (rejecting when the load fails); here it settles once
    // main's page has been answered and committed, so a test can take over the window at once (every test opens
    // the screen it needs) instead of waiting for an app start it is about to replace.
    const response = await page.goto(this.#origins.toPage(url), { waitUntil: 'commit' });
    if (response !== null && !response.ok())
      throw new Error(`ERR_FAILED (${response.status()}) loading '${url}'`);
  }

  send(window: StandInWindow, channel: string, payload: unknown): void {
    const previous = this.#deliveries.get(window) ?? Promise.resolve(0);
    const delivery = previous.then(async () => {
      const page = await this.#pending.get(window);
      if (page === undefined || page.isClosed()) return 0;
      // A page between documents has no listeners yet: the event is lost, as it is in Electron.
      return page
        .evaluate(
          ([fn, c, p]) =>
            (window as unknown as Record<string, (c: string, p: unknown) => number>)[fn]?.(c, p) ?? 0,
          [DELIVER_FUNCTION, channel, payload] as const,
        )
        .catch(() => 0);
    });
    this.#deliveries.set(window, delivery);
  }

  async close(window: StandInWindow): Promise<void> {
    const page = await this.#pending.get(window);
    if (page !== undefined && !page.isClosed()) await page.close();
  }

  /** Stops the loopback server (after the context is closed). */
  async detach(): Promise<void> {
    const server = this.#server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #answer(route: Route): Promise<void> {
    const main = this.#main;
    const request = route.request();
    const url = this.#origins.toApp(request.url());
    const frame = request.frame();
    if (main === undefined) return route.abort('blockedbyclient');
    if (request.isNavigationRequest()) {
      const window = this.#windows.get(frame.page());
      if (window !== undefined && this.#navigationPrevented(window, url, frame.parentFrame() === null))
        return route.abort('aborted');
    }
    // main's session guard (what Electron's webRequest.onBeforeRequest does); only app:// is answered.
    if (!(await main.allowsRequest(url, resourceTypeOf(request))) || !url.startsWith(`${APP_ORIGIN}/`))
      return route.abort('blockedbyclient');
    // The page may have moved on meanwhile (a test navigating): the request is gone, nothing to answer.
    await route
      .continue({ headers: { ...request.headers(), [ROUTED_HEADER]: this.#token } })
      .catch(() => undefined);
  }

  /** The loopback server: answers a routed request with main's app:// protocol handler, nothing else. */
  async #respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const main = this.#main;
    if (main === undefined || request.headers[ROUTED_HEADER] !== this.#token) {
      response.writeHead(403).end();
      return;
    }
    try {
      const answer = await main.serve(`${APP_ORIGIN}${request.url ?? '/'}`, {
        method: request.method ?? 'GET',
      });
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  }

  /** Emits Electron's navigation events on the window's webContents; true when a listener prevented it. */
  #navigationPrevented(window: StandInWindow, url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    const event = { url, isMainFrame, isSameDocument: false, preventDefault: () => (prevented = true) };
    if (isMainFrame) window.webContents.emit('will-navigate', event, url);
    window.webContents.emit('will-frame-navigate', event);
    return prevented;
  }
}
