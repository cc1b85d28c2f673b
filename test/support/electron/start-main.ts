/**
 * TEST ONLY — starts the built main bundle under the stand-in Electron: a fresh evaluation of main.cjs, then
 * Electron's `ready`, then the wait until main has created its window and loaded the renderer. Unhandled
 * rejections raised meanwhile are collected for the test to assert.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createStandInElectron, type StandInElectron, type StandInOptions } from './stand-in';
import { loadMainBundle, type LoadOptions } from './load-main';
import { REPO_ROOT } from '../paths';

export { REPO_ROOT };

/** package.json `main`: the file Electron runs, dist/electron/main.cjs. */
export function mainBundlePath(appPath = REPO_ROOT): string {
  const pkg = JSON.parse(readFileSync(path.join(appPath, 'package.json'), 'utf8')) as { main: string };
  return path.join(appPath, pkg.main);
}

export interface StartedMain {
  electron: StandInElectron;
  /** What evaluating main.cjs threw (undefined: it loaded). */
  loadError: unknown;
  /** Modules main.cjs required, in order (live). */
  required: readonly string[];
  /** Unhandled rejections while main ran (until `stop`). */
  rejections: unknown[];
  /** Stops collecting rejections and closes the windows. */
  stop(): Promise<void>;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/**
 * Evaluates main.cjs with a new stand-in, fires `ready` and waits (up to `timeoutMs`) for main's first window
 * to have loaded its page. A bundle that throws or never opens a window returns all the same: the test asserts.
 */
export async function startMainBundle(
  options: StandInOptions &
    LoadOptions & {
      timeoutMs?: number;
      /** Runs with the new stand-in before main.cjs is evaluated (a window driver attaching to it). */
      prepare?: (electron: StandInElectron) => Promise<void>;
    },
): Promise<StartedMain> {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  const electron = createStandInElectron(options);
  await options.prepare?.(electron);
  let loadError: unknown;
  let required: readonly string[] = [];
  try {
    required = loadMainBundle(mainBundlePath(options.appPath), electron.module, options).required;
  } catch (error) {
    loadError = error;
  }
  electron.fireReady();
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (loadError === undefined) {
    await until(() => electron.record.windows.length > 0 || electron.record.exits.length > 0, timeoutMs);
    await electron.record.windows[0]?.firstLoad;
  }
  return {
    electron,
    loadError,
    required,
    rejections,
    stop: async () => {
      for (const window of electron.record.windows) await window.close();
      // Let rejections of the last moment surface before we stop listening.
      await new Promise((resolve) => setTimeout(resolve, 0));
      process.off('unhandledRejection', onRejection);
    },
  };
}
