import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers';
import {
  CHANNEL_REQUESTS,
  EVENT_CHANNELS,
  buildRendererApi,
  methodName,
  subscriberName,
} from '../../electron/renderer-api';
import type { Invoke, Subscribe } from '../../electron/contract';

function built() {
  const invoke = vi.fn(async () => ({ ok: true as const, value: 'from main' }));
  const unsubscribe = vi.fn();
  const subscribe = vi.fn(() => unsubscribe);
  const api = buildRendererApi(invoke as unknown as Invoke, subscribe as unknown as Subscribe);
  return {
    api: api as unknown as Record<string, (...args: unknown[]) => unknown>,
    invoke,
    subscribe,
    unsubscribe,
  };
}

describe('renderer API from the contract', () => {
  it('lists exactly the channels main registers a handler for', () => {
    const handlers = createHandlers({
      userDataDir: path.join(tmpdir(), 'icp-renderer-api-unused'),
      openExternal: async () => undefined,
    } as unknown as HandlerDeps);
    expect(Object.keys(CHANNEL_REQUESTS).sort()).toEqual(Object.keys(handlers).sort());
  });

  it('names functions by the contract rule', () => {
    expect(methodName('case:restoreBackup')).toBe('caseRestoreBackup');
    expect(subscriberName('menu:command')).toBe('onMenuCommand');
    expect(Object.keys(built().api).sort()).toEqual(
      [
        ...Object.keys(CHANNEL_REQUESTS).map((c) => methodName(c as keyof typeof CHANNEL_REQUESTS)),
        ...Object.keys(EVENT_CHANNELS).map((e) => subscriberName(e as keyof typeof EVENT_CHANNELS)),
      ].sort(),
    );
  });

  it('a channel without a request sends no payload, whatever the page passes', async () => {
    const { api, invoke } = built();
    expect(await api.appInfo?.({ sneaky: true })).toEqual({ ok: true, value: 'from main' });
    expect(invoke.mock.calls).toEqual([['app:info']]);
  });

  it('a channel with a request sends exactly that request to its own channel', async () => {
    const { api, invoke } = built();
    const request = { id: 'c1', name: 'Renamed' };
    await api.caseRename?.(request, 'extra');
    expect(invoke.mock.calls).toEqual([['case:rename', request]]);
  });

  it('a subscriber listens to its own event and returns the unsubscribe function', () => {
    const { api, subscribe, unsubscribe } = built();
    const listener = () => {};
    expect(api.onPacketProgress?.(listener)).toBe(unsubscribe);
    expect(subscribe.mock.calls).toEqual([['packet:progress', listener]]);
  });
});
