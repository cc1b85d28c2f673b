/**
 * TEST ONLY — runs the built preload (dist/electron/preload.cjs) the way Electron runs a sandboxed preload: in
 * a context of its own, wrapped as `(require, process, Buffer, global, setImmediate, clearImmediate, exports,
 * module)`, where `require` answers only `electron` and the few modules Electron polyfills for sandboxed
 * preloads (events, timers, url). Anything else it requires throws, as it would in the app.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';
import { strict, type MissRecorder } from './strict';

/** What a sandboxed preload may require besides `electron` (Electron's sandbox polyfills). */
export const SANDBOX_MODULES = ['events', 'timers', 'url'] as const;

export interface PreloadRun extends MissRecorder {
  /** What the preload passed to contextBridge.exposeInMainWorld, in order. */
  exposed: { key: string; api: unknown }[];
  /** Every ipcRenderer.invoke: channel and arguments. */
  invoked: { channel: string; args: unknown[] }[];
  /** Listeners the preload has on ipcRenderer now, by channel. */
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  /** Modules the preload asked for, allowed or not. */
  required: string[];
  /** Plays main's webContents.send: calls the preload's listeners with (event, payload). */
  emit(channel: string, payload: unknown): number;
}

/** Runs `file` in a sandbox-like context; `answer` is what main replies to each invoke. */
export function runPreloadSandboxed(
  file: string,
  answer: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: null }),
): PreloadRun {
  const run: PreloadRun = {
    misses: [],
    exposed: [],
    invoked: [],
    listeners: new Map(),
    required: [],
    emit(channel, payload) {
      const set = run.listeners.get(channel) ?? new Set();
      for (const listener of set) listener(strict('IpcRendererEvent', { senderId: 0 }, run), payload);
      return set.size;
    },
  };
  const ipcRenderer = strict(
    'ipcRenderer',
    {
      invoke: async (channel: string, ...args: unknown[]) => {
        run.invoked.push({ channel, args });
        return answer(channel, args);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const set = run.listeners.get(channel) ?? new Set();
        set.add(listener);
        run.listeners.set(channel, set);
        return ipcRenderer;
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        run.listeners.get(channel)?.delete(listener);
        return ipcRenderer;
      },
    },
    run,
  );
  const contextBridge = strict(
    'contextBridge',
    { exposeInMainWorld: (key: string, api: unknown) => void run.exposed.push({ key, api }) },
    run,
  );
  const electron = strict('electron', { contextBridge, ipcRenderer }, run);
  const allowed: Record<string, unknown> = { electron, events: EventEmitter, timers, url };
  const sandboxRequire = (id: string) => {
    run.required.push(id);
    if (!Object.hasOwn(allowed, id)) throw new Error(`module not found: ${id} (a sandboxed preload)`);
    return allowed[id];
  };
  // Electron's sandboxed `process` is a small subset of Node's.
  const sandboxProcess = strict(
    'process',
    {
      platform: process.platform,
      arch: process.arch,
      versions: { ...process.versions, electron: '45.5.0', chrome: '142.0.0.0' },
      type: 'renderer',
      sandboxed: true,
      contextIsolated: true,
      env: {},
      argv: [],
      execPath: '',
      pid: 1,
    },
    run,
  );
  const context = vm.createContext({ console });
  const wrapper = vm.runInContext(
    `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {${readFileSync(file, 'utf8')}\n})`,
    context,
    { filename: file },
  ) as (...args: unknown[]) => void;
  const module = { exports: {} as unknown };
  wrapper(
    sandboxRequire,
    sandboxProcess,
    Buffer,
    vm.runInContext('globalThis', context),
    setImmediate,
    clearImmediate,
    module.exports,
    module,
  );
  return run;
}
