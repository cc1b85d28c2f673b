import { contextBridge, ipcRenderer } from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RendererApi } from '../../electron/contract';

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

  it('has exactly one function per contract channel and event, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'appInfo',
      'onMenuCommand',
      'onSettingsChanged',
      'settingsGet',
      'settingsSet',
      'shellOpenExternal',
    ]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    const exposed = JSON.stringify(Object.keys(api));
    expect(exposed).not.toMatch(/invoke|send|ipc|process|env|require/i);
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
