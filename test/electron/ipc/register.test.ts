import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Channel, HandlerMap } from '../../../electron/contract';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { isTrustedSender, registerHandlers, senderInfoOf } from '../../../electron/ipc/register';

const OUR_WINDOW = 7;

describe('isTrustedSender', () => {
  const ours = { frameUrl: 'app://bundle/index.html', isMainFrame: true, webContentsId: OUR_WINDOW };

  it('accepts our window’s main frame on the app origin', () => {
    expect(isTrustedSender(ours, OUR_WINDOW)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: 'app://bundle/index.html#/settings' }, OUR_WINDOW)).toBe(
      true,
    );
  });

  it.each([
    ['a subframe', { ...ours, isMainFrame: false }],
    ['another webContents', { ...ours, webContentsId: 8 }],
    ['a page from the web', { ...ours, frameUrl: 'https://evil.com/' }],
    ['a local file', { ...ours, frameUrl: 'file:///tmp/x.html' }],
    ['another app:// host', { ...ours, frameUrl: 'app://evil/index.html' }],
    ['a loopback dev server', { ...ours, frameUrl: 'http://127.0.0.1:5173/' }],
    ['about:blank', { ...ours, frameUrl: 'about:blank' }],
    ['a destroyed frame', { ...ours, frameUrl: null }],
  ])('refuses %s', (_why, sender) => {
    expect(isTrustedSender(sender, OUR_WINDOW)).toBe(false);
  });

  it('refuses everyone while no window is open', () => {
    expect(isTrustedSender(ours, null)).toBe(false);
  });
});

describe('senderInfoOf', () => {
  it('reads url, frame depth and webContents id from an invoke event', () => {
    const top = { url: 'app://bundle/index.html', parent: null };
    expect(senderInfoOf({ sender: { id: 3 }, senderFrame: top } as never)).toEqual({
      frameUrl: 'app://bundle/index.html',
      isMainFrame: true,
      webContentsId: 3,
    });
    const child = { url: 'app://bundle/frame.html', parent: top };
    expect(senderInfoOf({ sender: { id: 3 }, senderFrame: child } as never).isMainFrame).toBe(false);
    expect(senderInfoOf({ sender: { id: 3 }, senderFrame: null } as never)).toEqual({
      frameUrl: null,
      isMainFrame: false,
      webContentsId: 3,
    });
  });
});

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      listeners.set(channel, listener);
    },
  };
  return { ipcMain: ipcMain as unknown as IpcMain, listeners };
}

/** Every channel of the contract, read off the real handler map (complete by type). */
function everyChannel(): Channel[] {
  const deps = {
    userDataDir: path.join(tmpdir(), 'icp-register-unused'),
    openExternal: async () => undefined,
  };
  return Object.keys(createHandlers(deps as unknown as HandlerDeps)) as Channel[];
}

/** A handler per channel that answers with its own channel name, so a test can tell which one ran. */
function stubHandlers(): HandlerMap {
  const stubs = everyChannel().map((channel) => [channel, vi.fn(async () => ({ ok: true, value: channel }))]);
  return Object.fromEntries(stubs) as unknown as HandlerMap;
}

const event = {} as IpcMainInvokeEvent;

describe('registerHandlers', () => {
  it('registers every channel of the contract', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerHandlers(ipcMain, stubHandlers(), () => true);
    expect([...listeners.keys()].sort()).toEqual(everyChannel().sort());
    expect([...listeners.keys()]).toEqual(
      expect.arrayContaining(['app:info', 'settings:get', 'settings:set', 'shell:openExternal']),
    );
  });

  it('passes trusted calls to the handler with their payload', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const handlers = stubHandlers();
    registerHandlers(ipcMain, handlers, () => true);
    const result = await listeners.get('settings:set')?.(event, { language: 'zh-CN' });
    expect(result).toEqual({ ok: true, value: 'settings:set' });
    expect(handlers['settings:set']).toHaveBeenCalledWith({ language: 'zh-CN' });
  });

  it('answers untrusted senders with untrustedSender and never runs the handler', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const handlers = stubHandlers();
    const isTrusted = vi.fn(() => false);
    registerHandlers(ipcMain, handlers, isTrusted);
    for (const [channel, listener] of listeners) {
      expect(await listener(event, { url: 'https://beian.miit.gov.cn/' })).toEqual({
        ok: false,
        code: 'untrustedSender',
      });
      expect(handlers[channel as keyof HandlerMap]).not.toHaveBeenCalled();
    }
    expect(isTrusted).toHaveBeenCalledWith(event);
  });

  it('turns a handler that throws anyway into an internal error', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const handlers = stubHandlers();
    handlers['app:info'] = async () => {
      throw new Error('boom');
    };
    registerHandlers(ipcMain, handlers, () => true);
    expect(await listeners.get('app:info')?.(event)).toEqual({ ok: false, code: 'internal' });
  });

  it('throws when a channel is registered twice, before registering anything of the second map', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerHandlers(ipcMain, stubHandlers(), () => true);
    const first = listeners.get('app:info');
    expect(() => registerHandlers(ipcMain, stubHandlers(), () => true)).toThrow(/registered twice: app:info/);
    expect(listeners.get('app:info')).toBe(first);
  });

  it('keeps registrations of different ipcMain objects apart', () => {
    expect(() => {
      registerHandlers(fakeIpcMain().ipcMain, stubHandlers(), () => true);
      registerHandlers(fakeIpcMain().ipcMain, stubHandlers(), () => true);
    }).not.toThrow();
  });
});
