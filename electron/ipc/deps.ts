/**
 * What the IPC handlers are built from: plain dependencies that main wires to Electron (app paths, dialogs,
 * the keychain) and the tests and the e2e bridge wire to temp folders and fakes. Types only, in their own
 * module so handlers.ts and the handler files do not import each other.
 */
import type { IpcEvents, OpenRequest, Settings } from '../contract';
import type { KeyProvider } from '../../host/store/keys';
import type { TrustedRulePackKey } from '../../host/rules/pack-file';
import type { ScanPort } from '../../host/ocr/scan-port';

/** Whether the OS keychain can guard the data key, and if not, why (electron/keychain.ts). */
export type KeychainAvailability =
  { available: true } | { available: false; reason: 'unavailable' | 'basicText' };

/** The OS keychain as the handlers see it: main builds it from safeStorage, tests from a fake. */
export interface KeychainDeps {
  provider: KeyProvider;
  status: () => Promise<KeychainAvailability>;
}

/** What the packet handlers need beyond the common deps; all optional so headless uses can omit them. */
export interface PacketDeps {
  /** Native folder picker: the folder the packet goes into, or undefined when cancelled. */
  showPacketFolderDialog?: () => Promise<string | undefined>;
  /** Native confirmation before replacing an existing packet at `existingPath`. */
  confirmReplacePacket?: (existingPath: string) => Promise<boolean>;
  /** Reveals a file or folder in Explorer / Finder (shell.showItemInFolder). */
  showItemInFolder?: (target: string) => void;
  /** Sends `packet:progress` to the renderer. */
  onPacketProgress?: (progress: IpcEvents['packet:progress']) => void;
}

/** What the sign-and-return handlers need beyond the common deps. */
export interface SigningDeps {
  /** Native Save dialog for a PDF to print (filter .pdf): the chosen path, or undefined when cancelled. */
  showSigningSaveDialog?: (options: { defaultFileName: string }) => Promise<string | undefined>;
}

/** What the after-approval handlers need beyond the common deps. */
export interface AfterDeps {
  /** Native Save dialog for a calendar file (filter .ics): the chosen path, or undefined when cancelled. */
  showCalendarSaveDialog?: (options: { defaultFileName: string }) => Promise<string | undefined>;
  /** Native Save dialog for a PDF worksheet (the annual report's sheet): the chosen path, or undefined. */
  showSheetSaveDialog?: (options: { defaultFileName: string }) => Promise<string | undefined>;
}

/** What the scan handlers need: a reader running off the main thread (the app's worker, a test's own). */
export interface ScanDeps {
  /** Absent: this installation cannot read scans (the handlers answer `ocrUnavailable`). */
  scanPort?: ScanPort;
}

/** The desktop shell around the handlers (electron/ipc/desktop.ts); absent in headless uses and the e2e bridge. */
export interface DesktopDeps {
  /** A case file was imported from, or exported to, this path (a dialog's, or one main checked): Open Recent. */
  onCaseFileUsed?: (file: string) => void;
  /** The `.icpcase` files the OS asked to open before the renderer listened (electron/open-files.ts). */
  takeOpenRequests?: () => Promise<OpenRequest[]>;
  /** The renderer says whether a case is open: the menu enables Export case and Close case. */
  onMenuContext?: (context: { caseOpen: boolean }) => void;
}

/** What the rule-pack handlers need beyond the common deps. */
export interface RulesDeps {
  /** Native Open dialog for a rule pack (filter .icprules): the chosen path, or undefined when cancelled. */
  showRulePackOpenDialog?: () => Promise<string | undefined>;
  /** The keys trusted to sign rule packs; default: the keys shipped in the app (host/rules/trusted-keys.ts). */
  trustedRulePackKeys?: readonly TrustedRulePackKey[];
}

export interface HandlerDeps extends PacketDeps, AfterDeps, SigningDeps, DesktopDeps, RulesDeps, ScanDeps {
  /** The user-data folder: app.getPath('userData') in the app, a temp folder in tests. */
  userDataDir: string;
  /**
   * What ships beside the app (fonts/ for the documents): process.resourcesPath packaged, `<app>/resources`
   * unpackaged (bootstrap's `resourcesDirFor`), the repository's resources/ in tests.
   */
  resourcesDir: string;
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
   * A fixed guard of the case store's data key (tests, the e2e bridge's default). The app passes `keychain`
   * instead, and the key session (electron/ipc/encryption.ts) picks the keychain or asks for the passphrase,
   * as the keyring says and Settings → Encryption changes.
   */
  keyProvider?: KeyProvider;
  /** The OS keychain (electron/keychain.ts); absent: only passphrases can guard the key. */
  keychain?: KeychainDeps;
  /** scrypt cost of new passphrase keyrings (log2 N); tests lower it. The default is keys.ts's. */
  passphraseCostLog2?: number;
  /**
   * Takes work that continues after a reply (normalising the scans of an imported case). The app passes a
   * function that only logs failures; tests pass one they can await. Absent: no background work.
   */
  runInBackground?: (work: Promise<unknown>) => void;
  /** Native Save dialog for `case:export`: resolves to the chosen path, or undefined when cancelled. */
  showSaveDialog: (options: { defaultFileName: string }) => Promise<string | undefined>;
  /** Native Open dialog for `case:import` (filter `.icpcase`): resolves to the path, or undefined when cancelled. */
  showOpenDialog: () => Promise<string | undefined>;
}
