import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Channel, HandlerMap } from '../../../electron/contract';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { isTrustedSender, registerHandlers, senderInfoOf } from '../../../electron/ipc/register';
import { HandlerError, handle } from '../../../electron/ipc/result';

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

  it('hands the error behind every internal answer to the log, with its stack, and only that', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const handlers = stubHandlers();
    const bug = new TypeError('x is undefined');
    // A body that fails unexpectedly (wrapped by handle(), as every handler is), one that throws past it,
    // and failures that are answers, not bugs.
    handlers['case:open'] = handle(z.unknown(), () => {
      throw bug;
    }) as HandlerMap['case:open'];
    handlers['app:info'] = async () => {
      throw new Error('boom');
    };
    handlers['case:rename'] = handle(z.unknown(), () => {
      throw new HandlerError('notFound');
    }) as HandlerMap['case:rename'];
    handlers['case:save'] = handle(z.unknown(), () => {
      throw Object.assign(new Error('disk'), { code: 'ENOSPC' });
    }) as HandlerMap['case:save'];
    const onInternalError = vi.fn();
    registerHandlers(ipcMain, handlers, () => true, onInternalError);

    expect(await listeners.get('case:open')?.(event, {})).toEqual({ ok: false, code: 'internal' });
    expect(await listeners.get('app:info')?.(event)).toEqual({ ok: false, code: 'internal' });
    expect(await listeners.get('case:rename')?.(event, {})).toEqual({ ok: false, code: 'notFound' });
    expect(await listeners.get('case:save')?.(event, {})).toEqual({ ok: false, code: 'diskFull' });
    expect(onInternalError.mock.calls).toEqual([
      ['case:open', bug],
      ['app:info', expect.objectContaining({ message: 'boom' })],
    ]);
    expect((onInternalError.mock.calls[0]?.[1] as Error).stack).toContain('register.test.ts');
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
