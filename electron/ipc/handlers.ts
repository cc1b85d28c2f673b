/**
 * Every IPC handler of the app, built from plain dependencies. This module imports nothing from
 * electron, so the e2e loopback bridge and the tests call exactly the handlers the app registers.
 * `electron/main.ts` wires the real dependencies (app paths, shell.openExternal) and registers them
 * with a sender check (`registerHandlers`).
 */
import type { HandlerMap, Settings } from '../contract';
import type { KeyProvider } from '../store/keys';
import { createAfterHandlers, type AfterDeps } from './after';
import { createAppHandlers } from './app';
import { createCaseHandlers } from './cases';
import { createDocumentHandlers } from './documents';
import { createSampleHandlers } from './sample';
import { createPacketHandlers, type PacketDeps } from './packet';
import { createSettingsHandlers } from './settings';
import { createShellHandlers } from './shell';

export interface HandlerDeps extends PacketDeps, AfterDeps {
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
  /**
   * Guards the case store's data key. In the app: `new SafeStorageKeyProvider(safeStorage)` (OS keychain),
   * or a `PassphraseKeyProvider` when the user chose a passphrase — both from electron/store/keys.
   */
  keyProvider: KeyProvider;
  /** Native Save dialog for `case:export`: resolves to the chosen path, or undefined when cancelled. */
  showSaveDialog: (options: { defaultFileName: string }) => Promise<string | undefined>;
  /** Native Open dialog for `case:import` (filter `.icpcase`): resolves to the path, or undefined when cancelled. */
  showOpenDialog: () => Promise<string | undefined>;
}

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...createAppHandlers(deps),
    ...createSettingsHandlers(deps),
    ...createShellHandlers(deps),
    ...createCaseHandlers(deps),
    ...createSampleHandlers(deps),
    ...createPacketHandlers(deps),
    ...createDocumentHandlers(deps),
    ...createAfterHandlers(deps),
  };
}
