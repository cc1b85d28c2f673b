import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createSecureWindow,
  externalLinkDecision,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  shouldAllowNavigation,
  shouldAllowRequest,
  type WindowLook,
} from '../../electron/security';

describe('isAppUrl / shouldAllowNavigation', () => {
  it.each([
    APP_ENTRY_URL,
    'app://bundle/',
    'app://bundle/assets/index-abc.js',
    'app://bundle/index.html#/settings',
  ])('accepts the bundle page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(shouldAllowNavigation(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://bundle.evil.com/index.html',
    'app://user@bundle/index.html',
    'https://bundle/index.html',
    'http://127.0.0.1:5173/',
    'https://beian.miit.gov.cn/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(shouldAllowNavigation(url)).toBe(false);
  });
});

describe('shouldAllowRequest', () => {
  it('lets the bundle and in-memory resources through', () => {
    for (const url of ['app://bundle/index.html', 'data:image/png;base64,AAAA', 'blob:app://bundle/1234']) {
      expect(shouldAllowRequest(url, { devTools: false })).toBe(true);
    }
  });

  it.each([
    'https://beian.miit.gov.cn/',
    'http://127.0.0.1/',
    'ws://localhost:1234/',
    'wss://example.com/socket',
    'file:///C:/Users/me/secret.txt',
    'ftp://example.com/',
    'app://other/index.html',
    'garbage',
  ])('cancels %s', (url) => {
    expect(shouldAllowRequest(url, { devTools: true })).toBe(false);
  });

  it('allows DevTools pages only while developing', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(shouldAllowRequest(url, { devTools: true })).toBe(true);
    expect(shouldAllowRequest(url, { devTools: false })).toBe(false);
  });
});

describe('externalLinkDecision', () => {
  it('sends only allow-checked links to the browser', () => {
    expect(externalLinkDecision('https://beian.miit.gov.cn/')).toBe('openInBrowser');
    expect(externalLinkDecision('https://evil.com/')).toBe('ignore');
    expect(externalLinkDecision('file:///etc/passwd')).toBe('ignore');
  });
});

describe('createSecureWindow', () => {
  class RecordingWindow {
    constructor(readonly options: BrowserWindowConstructorOptions) {}
  }
  const create = (isPackaged: boolean) =>
    createSecureWindow(RecordingWindow, {
      look: { width: 800, height: 600, show: false },
      preloadPath: '/app/preload.cjs',
      isPackaged,
    }).options;

  it('turns every isolation feature on and every risky one off', () => {
    const options = create(true);
    expect(options).toMatchObject({ width: 800, height: 600, show: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('offers DevTools only to an unpackaged (development) app', () => {
    expect(create(false).webPreferences?.devTools).toBe(true);
  });

  it('a caller cannot smuggle webPreferences in through the look', () => {
    const look = { width: 1, webPreferences: { nodeIntegration: true } } as WindowLook;
    const window = createSecureWindow(RecordingWindow, { look, preloadPath: 'p', isPackaged: true });
    expect(window.options.webPreferences?.nodeIntegration).toBe(false);
  });
});

describe('the app scheme and its CSP', () => {
  it('is a standard, secure scheme that cannot bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      allowServiceWorkers: false,
      corsEnabled: false,
    });
  });

  it('has the required directives and no remote origin, inline script or eval', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(Object.fromEntries(directives)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'font-src': "'self'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|unsafe-inline|unsafe-eval|unsafe-hashes/);
  });
});

describe('the renderer page', () => {
  const directives = (policy: string) =>
    Object.fromEntries(
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name = '', ...values] = d.split(/\s+/);
          return [name, values.join(' ')];
        }),
    );

  it('declares the same CSP as the header main sends (frame-ancestors only works as a header)', () => {
    const html = readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBeDefined();
    const { 'frame-ancestors': _onlyInHeader, ...header } = directives(CONTENT_SECURITY_POLICY);
    expect(directives(meta ?? '')).toEqual(header);
  });
});

/** A webContents stand-in: a real EventEmitter plus the window-open handler slot. */
function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  });
  const fire = (name: string, url?: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    openWindow: (url: string) => openHandler?.({ url }),
    prevented: fire,
  };
}

describe('hardenWebContents', () => {
  it('denies every new window and opens only allowed links in the browser', () => {
    const openExternal = vi.fn();
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, openExternal);

    expect(wc.openWindow('https://beian.miit.gov.cn/')).toEqual({ action: 'deny' });
    expect(wc.openWindow('https://evil.com/')).toEqual({ action: 'deny' });
    expect(wc.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://beian.miit.gov.cn/']]);
  });

  it('keeps the window on the bundle: navigation and redirects elsewhere are prevented', () => {
    const openExternal = vi.fn();
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, openExternal);

    expect(wc.prevented('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(wc.prevented('will-navigate', 'https://evil.com/')).toBe(true);
    expect(wc.prevented('will-navigate', 'https://beian.miit.gov.cn/')).toBe(true);
    expect(wc.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.prevented('will-frame-navigate', 'https://evil.com/')).toBe(true);
    expect(wc.prevented('will-frame-navigate', 'app://bundle/index.html')).toBe(false);
    expect(wc.prevented('will-redirect', 'https://evil.com/')).toBe(true);
    expect(wc.prevented('will-redirect', 'app://bundle/index.html')).toBe(false);
    // A link to an allowed site still opens, in the browser, without replacing the app.
    expect(openExternal.mock.calls).toEqual([['https://beian.miit.gov.cn/']]);
  });

  it('refuses every <webview>', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents, vi.fn());
    expect(wc.prevented('will-attach-webview')).toBe(true);
  });
});

describe('hardenApp', () => {
  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    hardenApp(app as unknown as App, vi.fn());
    const wc = fakeWebContents();
    app.emit('web-contents-created', {}, wc.contents);
    expect(wc.openWindow('https://evil.com/')).toEqual({ action: 'deny' });
    expect(wc.prevented('will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      webRequest: { onBeforeRequest: (h: never) => (handlers.beforeRequest = h) },
    };
    return { session: session as unknown as Session, handlers };
  }

  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { devTools: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...a: unknown[]) => boolean)({}, permission, 'app://bundle', {})).toBe(
        false,
      );
    }
    expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that would leave the bundle', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, { devTools: false });
    const decide = (url: string) => {
      const callback = vi.fn();
      (handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('app://bundle/assets/app.js')).toEqual({ cancel: false });
    expect(decide('https://fonts.googleapis.com/css')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:8080/')).toEqual({ cancel: true });
    expect(decide('file:///etc/hosts')).toEqual({ cancel: true });
  });
});
