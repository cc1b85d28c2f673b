/**
 * The preload as it ships (dist/electron/preload.cjs, built by `npm run build`) runs where Electron runs it:
 * sandboxed, requiring nothing but `electron` and Electron's few polyfilled modules (test/support/electron/
 * preload-sandbox.ts). There it exposes one `window.api` with a function for every channel of the contract and
 * a subscriber for every event, each bound to its own channel. test/electron/preload.test.ts checks the
 * TypeScript; this checks the artefact.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Channel, EventChannel } from '../../electron/contract';
import { CHANNEL_REQUESTS, EVENT_CHANNELS, methodName, subscriberName } from '../../electron/renderer-api';
import { runPreloadSandboxed, SANDBOX_MODULES, type PreloadRun } from '../support/electron/preload-sandbox';
import { REPO_ROOT } from '../support/paths';

const PRELOAD = path.join(REPO_ROOT, 'dist', 'electron', 'preload.cjs');
const channels = Object.keys(CHANNEL_REQUESTS) as Channel[];
const events = Object.keys(EVENT_CHANNELS) as EventChannel[];

let run: PreloadRun;
let loadError: unknown;
let api: Record<string, (...args: unknown[]) => unknown>;

beforeAll(() => {
  if (!existsSync(PRELOAD)) throw new Error('dist/electron/preload.cjs is missing: run `npm run build`');
  try {
    run = runPreloadSandboxed(PRELOAD, (channel) => ({ ok: true, value: `reply to ${channel}` }));
  } catch (error) {
    loadError = error;
  }
  api = run?.exposed[0]?.api as typeof api;
});

describe('dist/electron/preload.cjs in a sandbox', () => {
  it('loads requiring only electron and the sandbox’s polyfilled modules, using nothing it lacks', () => {
    expect(loadError).toBeUndefined();
    const allowed = new Set<string>(['electron', ...SANDBOX_MODULES]);
    expect(run.required.filter((name) => !allowed.has(name))).toEqual([]);
    expect(run.required).toContain('electron');
    expect(run.misses).toEqual([]);
  });

  it('exposes exactly one object, window.api: a function per contract channel and a subscriber per event', () => {
    expect(run.exposed.map((e) => e.key)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(
      [...channels.map(methodName), ...events.map(subscriberName)].sort(),
    );
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });

  it('every function invokes its own channel, with the request or with nothing, and returns main’s reply', async () => {
    const probe = { probe: true };
    for (const channel of channels) {
      run.invoked.length = 0;
      const reply = await api[methodName(channel)]!(probe, 'extra');
      expect(reply, channel).toEqual({ ok: true, value: `reply to ${channel}` });
      const args = CHANNEL_REQUESTS[channel] === 'none' ? [] : [probe];
      expect(run.invoked, channel).toEqual([{ channel, args }]);
    }
  });

  it('every subscriber listens to its own event, hands the page only the payload, and unsubscribes', () => {
    for (const event of events) {
      const received: unknown[][] = [];
      const unsubscribe = api[subscriberName(event)]!((...args: unknown[]) =>
        received.push(args),
      ) as () => void;
      expect(run.emit(event, { payload: event }), event).toBe(1);
      expect(received, event).toEqual([[{ payload: event }]]);
      unsubscribe();
      expect(run.emit(event, { payload: event }), event).toBe(0);
    }
    expect(run.misses).toEqual([]);
  });
});
