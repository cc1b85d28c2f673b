import { tmpdir } from 'node:os';
import path from 'node:path';
import { contextBridge, ipcRenderer } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RendererApi } from '../../electron/contract';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers';

/** The contract's naming rule: `area:verb` → `areaVerb`. */
const methodOf = (channel: string) => channel.replace(/:(\w)/, (_m, c: string) => c.toUpperCase());
/** …and events: `area:event` → `onAreaEvent`. */
const subscriberOf = (channel: string) => {
  const method = methodOf(channel);
  return `on${method.charAt(0).toUpperCase()}${method.slice(1)}`;
};
const isSubscriber = (key: string) => /^on[A-Z]/.test(key);

let api: RendererApi;
let exposeCalls: unknown[][];

beforeAll(async () => {
  vi.mocked(ipcRenderer.invoke).mockResolvedValue({ ok: true, value: 'from main' });
  await import('../../electron/preload');
  exposeCalls = vi.mocked(contextBridge.exposeInMainWorld).mock.calls;
  api = exposeCalls[0]?.[1] as RendererApi;
});

describe('preload', () => {
  it('exposes exactly one object, as window.api', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]?.[0]).toBe('api');
  });

  it('has exactly one request function per registered channel, plus event subscribers, nothing else', () => {
    // The handler map is complete by type (HandlerMap), so its keys are every channel of the contract.
    const handlers = createHandlers({
      userDataDir: path.join(tmpdir(), 'icp-preload-unused'),
      openExternal: async () => undefined,
    } as unknown as HandlerDeps);
    const requestMethods = Object.keys(api).filter((key) => !isSubscriber(key));
    expect(requestMethods.sort()).toEqual(Object.keys(handlers).map(methodOf).sort());
    expect(Object.keys(api)).toEqual(expect.arrayContaining(['onMenuCommand', 'onSettingsChanged']));
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api).join(' ')).not.toMatch(/invoke|send|ipc|process|env|require/i);
  });

  it('every subscriber listens to the event it is named after', () => {
    const on = vi.mocked(ipcRenderer.on);
    for (const [method, subscribe] of Object.entries(api)) {
      if (!isSubscriber(method)) continue;
      on.mockClear();
      const unsubscribe = (subscribe as (listener: () => void) => () => void)(() => {});
      expect(on).toHaveBeenCalledTimes(1);
      expect(subscriberOf(String(on.mock.calls[0]?.[0])), method).toBe(method);
      unsubscribe();
    }
  });

  it('every request method invokes the channel it is named after, passing the request through', async () => {
    const probe = { probe: true };
    for (const [method, fn] of Object.entries(api)) {
      if (method.startsWith('on')) continue;
      const invoke = vi.mocked(ipcRenderer.invoke);
      invoke.mockClear();
      await (fn as (request: unknown) => Promise<unknown>)(probe);
      expect(invoke).toHaveBeenCalledTimes(1);
      const [channel, ...rest] = invoke.mock.calls[0] as unknown[];
      expect(methodOf(String(channel)), method).toBe(method);
      expect(rest.length === 0 || (rest.length === 1 && rest[0] === probe), method).toBe(true);
    }
  });

  it.each([
    ['appInfo', 'app:info', []],
    ['settingsGet', 'settings:get', []],
    ['settingsSet', 'settings:set', [{ language: 'zh-CN' }]],
    ['shellOpenExternal', 'shell:openExternal', [{ url: 'https://beian.miit.gov.cn/' }]],
  ] as const)('%s invokes %s with the request and returns main’s result', async (method, channel, args) => {
    vi.mocked(ipcRenderer.invoke).mockClear();
    const call = api[method] as (...a: unknown[]) => Promise<unknown>;
    expect(await call(...args)).toEqual({ ok: true, value: 'from main' });
    expect(vi.mocked(ipcRenderer.invoke).mock.calls).toEqual([[channel, ...args]]);
  });

  it.each([
    ['onMenuCommand', 'menu:command', { command: 'newCase' }],
    ['onSettingsChanged', 'settings:changed', { language: 'en' }],
  ] as const)(
    '%s subscribes to %s, forwards only the payload, and unsubscribes',
    (method, channel, payload) => {
      const on = vi.mocked(ipcRenderer.on);
      const removeListener = vi.mocked(ipcRenderer.removeListener);
      on.mockClear();
      removeListener.mockClear();
      const listener = vi.fn();

      const unsubscribe = (api[method] as (l: (p: unknown) => void) => () => void)(listener);
      expect(on).toHaveBeenCalledTimes(1);
      const [subscribedChannel, forward] = on.mock.calls[0] as unknown as [string, (...a: unknown[]) => void];
      expect(subscribedChannel).toBe(channel);

      const electronEvent = { sender: ipcRenderer, senderId: 0 };
      forward(electronEvent, payload);
      expect(listener.mock.calls).toEqual([[payload]]);

      unsubscribe();
      expect(removeListener).toHaveBeenCalledWith(channel, forward);
    },
  );
});
