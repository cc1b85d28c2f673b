/**
 * Every IPC handler of the app, built from plain dependencies. This module imports nothing from
 * electron, so the e2e loopback bridge and the tests call exactly the handlers the app registers.
 * `electron/main.ts` wires the real dependencies (app paths, shell.openExternal) and registers them
 * with a sender check (`registerHandlers`).
 */
import type { HandlerMap, Settings } from '../contract';
import { createAppHandlers } from './app';
import { createSettingsHandlers } from './settings';
import { createShellHandlers } from './shell';

export interface HandlerDeps {
  /** The user-data folder: app.getPath('userData') in the app, a temp folder in tests. */
  userDataDir: string;
  appName: string;
  appVersion: string;
  /** The OS locale, e.g. app.getLocale() → 'zh-CN', 'en-US'. */
  systemLocale: string;
  platform: NodeJS.Platform;
  /** Opens an already allow-checked URL in the user's browser. */
  openExternal: (url: string) => Promise<void>;
  /** Called after settings change (main rebuilds the menu and tells other windows). */
  onSettingsChanged?: (settings: Settings) => void;
}

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createSettingsHandlers(deps),
    ...createShellHandlers(deps),
  };
}
