/**
 * Every hardening decision of the app in one place (Electron's security checklist).
 *
 * The decisions are pure functions over URLs, tested in plain Node; the `harden*` functions only wire them
 * to the Electron objects they are given. This module imports Electron's types only, never its runtime.
 */
import type { App, BrowserWindowConstructorOptions, CustomScheme, Session, WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';

/** The privileged scheme the renderer is served from; the app never loads http(s) or file:// pages. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme real origins (so `'self'` in the CSP and relative URLs work), `secure` makes it a
 * secure context. No CSP bypass, no service workers, no CORS: nothing outside the bundle may read from it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: false,
  },
};

/**
 * Sent with every response of the app scheme. No remote origin appears anywhere: the app makes no network
 * calls. `style-src` has no 'unsafe-inline' because React sets inline styles through the CSSOM, which CSP allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for URLs of the bundled renderer (`app://bundle/…`) and nothing else. */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '';
}

/** The window may only move between pages of the bundle; anything else would replace the app. */
export function shouldAllowNavigation(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/**
 * Requests the renderer session may make: the bundle, in-memory data, and (only while developing) DevTools'
 * own pages. Everything else — http(s), ws(s), file://, ftp — is cancelled, so nothing reaches the network.
 */
export function shouldAllowRequest(raw: string, options: { devTools: boolean }): boolean {
  const url = parseUrl(raw);
  if (url === null) return false;
  if (isAppUrl(raw)) return true;
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return options.devTools && (url.protocol === 'devtools:' || url.protocol === 'chrome-extension:');
}

/**
 * What to do with a link that asked for a new window or tried to replace the page: the page never changes,
 * and only URLs that pass the external-link allow-check go to the user's browser.
 */
export function externalLinkDecision(raw: string): 'openInBrowser' | 'ignore' {
  return isAllowedExternalUrl(raw) ? 'openInBrowser' : 'ignore';
}

/** Size and look of a window; everything security-related is fixed by {@link createSecureWindow}. */
export type WindowLook = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * Creates a window with the only webPreferences this app uses. They are written inline in the
 * `new BrowserWindow(...)` call on purpose: that is where Electronegativity looks for them.
 */
export function createSecureWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  options: { look: WindowLook; preloadPath: string; isPackaged: boolean },
): W {
  return new BrowserWindow({
    ...options.look,
    webPreferences: {
      // Reviewed (the check asks for a manual review of every preload): electron/preload.ts exposes only the
      // contract's named functions, never ipcRenderer or Node APIs; test/electron/preload.test.ts asserts it.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: !options.isPackaged,
    },
  });
}

type OpenExternal = (url: string) => void;

function openIfAllowed(url: string, openExternal: OpenExternal): void {
  if (externalLinkDecision(url) === 'openInBrowser') openExternal(url);
}

/**
 * Locks down one webContents: no new windows, no navigation away from the bundle, no redirects out of it,
 * no <webview>. Links to allowed sites open in the browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (shouldAllowNavigation(event.url)) return;
    event.preventDefault();
    openIfAllowed(event.url, openExternal);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Applies {@link hardenWebContents} to every webContents the app ever creates, including DevTools'. */
export function hardenApp(app: App, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}

/** The renderer gets no permission (camera, notifications, geolocation, HID, serial…) and no network. */
export function hardenSession(session: Session, options: { devTools: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !shouldAllowRequest(details.url, options) });
  });
}
