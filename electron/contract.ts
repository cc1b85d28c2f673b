/**
 * The one IPC contract between the renderer and the main process. Types only: nothing here runs.
 *
 * - Main registers one handler per channel (`electron/ipc/*`); a channel without a handler fails to compile.
 * - The preload builds `window.api` from it (electron/renderer-api.ts: a channel table checked against it).
 * - The renderer's types derive from it; nothing is hand-written twice.
 *
 * Channel names are `area:verb`; the renderer method is `areaVerb` (`settings:get` → `settingsGet`).
 * Every response crosses as a {@link Result}: a handler never throws across the bridge.
 */
import type { AttachmentMeta, Case, ExportRecord } from '../core/model/case';
import type { CaseListEntry, HistoryEntry, OpenedCase, TrashEntry } from '../core/model/library';
import type { RulePackContent, RulePackInfo, RulePackRefusal } from '../core/rules/pack';
import type { ReadField, ScanCheck, ScanKind } from '../core/ocr/types';

/** A scan read by `scan:read`: each value with a JPEG crop of where it was read, and the checks. */
export interface ScanReadResult {
  kind: ScanKind;
  fields: (ReadField & { crop?: Uint8Array })[];
  checks: ScanCheck[];
  /** Degrees the scan had to be turned clockwise to read it (0 when it is upright). */
  rotation: 0 | 90 | 180 | 270;
}

/** Error codes a handler may return; the renderer shows `t('errors.' + code)`. */
export type ErrorCode =
  | 'invalidPayload'
  | 'untrustedSender'
  | 'urlNotAllowed'
  | 'notFound'
  | 'ioFailed'
  | 'diskFull'
  | 'internal'
  // Case store (host/store/errors.ts); `details` carry e.g. recoverableFromBackup, found, limitBytes, importToken.
  | 'caseDamaged'
  | 'caseNewerVersion'
  | 'caseInvalid'
  | 'wrongPassphrase'
  | 'passphraseRequired'
  | 'keyUnavailable'
  | 'keyringDamaged'
  | 'attachmentType'
  | 'attachmentTooLarge'
  | 'attachmentUnreadable'
  | 'attachmentTooManyPixels'
  | 'attachmentDamaged'
  | 'importUnsafeEntry'
  | 'importTooLarge'
  | 'importTooManyEntries'
  | 'importUnknownVersion'
  | 'importInvalid'
  // Packet export (core/packet/errors.ts); `details` carry count, name, path, width/height, minLongEdge…
  | 'preflightErrors'
  | 'unacknowledgedWarnings'
  | 'notEligible'
  // Renewal packet, annual report sheet: the case holds no licence (an ICP filing) or, for the renewal, no
  // expiry date; `details.what` (renewal, annualReport), `details.missing` (licence, expiry).
  | 'noLicence'
  | 'attachmentMissing'
  | 'attachmentTooSmall'
  | 'unsafePath'
  | 'exportCancelled'
  // Document preview (electron/ipc/documents.ts); `details.characters` lists what the font cannot print.
  | 'documentUnprintable'
  // Sign and return (electron/ipc/signing.ts): a file attached to a signed document's line that is not its
  // signed scan. `details.reason` is a ScanRefusal reason (core/documents/signed-scan.ts), with `found`
  // (a template id or version), `page`, `changed` (field paths, one per line) and `printedAt` where known.
  | 'signedScanRefused'
  // Encryption settings (electron/ipc/encryption.ts): `details.min` is the shortest passphrase accepted;
  // `unlockLimit` = too many wrong passphrases in this run (nothing is deleted; restart the app to try again).
  | 'passphraseTooShort'
  | 'unlockLimit'
  // Images (sharp, loaded on first use: host/packet/sharp.ts) cannot be processed on this computer;
  // `details.reason` is the library's own message. Only image work fails; the app and the cases are fine.
  | 'imageLibraryUnavailable'
  // Shown by the renderer itself (see OpenRequest): a file dropped on the window, opened by the OS or picked in
  // Open Recent that is not an `.icpcase`; one that is gone; one that cannot be read.
  | 'notCaseFile'
  | 'caseFileMissing'
  | 'caseFileUnreadable'
  // Rule packs (electron/ipc/rules.ts): `details` carry the installed pack's `version`, `asOf`, `reviewBy`
  // and, for `rulePackNotNewer`, the file's `fileVersion`, `fileAsOf`.
  | 'rulePackNotRulePack'
  | 'rulePackUnsigned'
  | 'rulePackUnknownKey'
  | 'rulePackTampered'
  | 'rulePackUnreadable'
  | 'rulePackNotNewer'
  // Scan reading (electron/ipc/scan.ts): not a JPEG/PNG image; not a document the reader knows; stopped by
  // the user; the recognition models are missing from this installation.
  | 'scanUnreadable'
  | 'scanUnknownDocument'
  | 'scanCancelled'
  | 'ocrUnavailable';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; details?: Record<string, string | number | boolean> };

export type LanguagePreference = 'system' | 'en' | 'zh-CN';
export type Language = 'en' | 'zh-CN';

export interface Settings {
  /** What the user chose in Settings; `system` follows the OS locale. */
  language: LanguagePreference;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Language resolved from the preference and the OS locale. */
  systemLanguage: Language;
  platform: 'win32' | 'darwin' | 'linux' | 'other';
}

/**
 * What guards the case store's key (Settings → Encryption). `unset`: a first start where the OS keychain is
 * not a real one — the user must choose a passphrase before any case can be stored.
 */
export interface EncryptionStatus {
  protection: 'keychain' | 'passphrase' | 'unset';
  /** The key is open for this run: cases can be read and written. */
  unlocked: boolean;
  /** Whether the OS keychain can be used; `basicText` = Linux without a secret service (not a keychain). */
  keychain: { available: boolean; reason?: 'unavailable' | 'basicText' };
  /** Wrong passphrases still allowed in this run before unlocking is refused (`unlockLimit`). */
  attemptsLeft: number;
  /** Why a keychain-guarded store does not open: the keychain is gone, or refuses (another account). */
  problem?: 'keychainUnavailable' | 'keychainRefused' | 'keyringDamaged';
}

/** The rule pack in use and where it came from (Settings → Rules; the renderer installs the same rules). */
export interface RulesStatus {
  active: RulePackInfo;
  /** The pack this version of the app shipped with. */
  bundled: RulePackInfo;
  /** An imported pack file that no longer verifies (changed on disk): it is not used. */
  importedProblem?: RulePackRefusal;
  /** The rule files of the imported pack while it is the one in use, for the renderer to install. */
  content?: RulePackContent;
}

/** Upload profile of the packet's scans (templates/rules/upload-profiles.json). */
export type PacketProfile = 'wechat' | 'aliyun' | 'tencent';

/** Request and response types of every renderer → main channel. `void` requests take no argument. */
export interface IpcContract {
  'app:info': { request: void; response: AppInfo };
  'settings:get': { request: void; response: Settings };
  'settings:set': { request: Partial<Settings>; response: Settings };
  /** Opens a URL in the user's browser, if the allow-check accepts it. */
  'shell:openExternal': { request: { url: string }; response: { opened: boolean } };

  // Case store (electron/ipc/cases.ts). Cases are named by UUID, attachments by SHA-256; no path ever crosses.
  /** Every case, newest edit first; unreadable ones too, with the backup that can recover them. */
  'cases:list': { request: void; response: CaseListEntry[] };
  'case:create': { request: { name: string }; response: Case };
  /** Adds the bundled sample case (样本 / SAMPLE) with its sample scans attached, as a new case. */
  'case:createSample': { request: void; response: Case };
  /**
   * A damaged or newer-version file fails with `caseDamaged` / `caseNewerVersion`; `details.recoverableFromBackup`
   * then names the newest backup that restores (offer `case:restoreBackup`).
   */
  'case:open': { request: { id: string }; response: OpenedCase };
  /** Saves the whole edited case (autosave); returns it as stored, with the new `updatedAt`. */
  'case:save': { request: { case: Case }; response: Case };
  'case:duplicate': { request: { id: string; name?: string }; response: Case };
  'case:rename': { request: { id: string; name: string }; response: Case };
  /** Moves the case to the trash (recoverable). */
  'case:delete': { request: { id: string }; response: { id: string } };
  'trash:list': { request: void; response: TrashEntry[] };
  'trash:restore': { request: { id: string }; response: CaseListEntry };
  /** Reverts the latest edit not yet undone; `undone: false` when there is nothing left. */
  'case:undo': { request: { id: string }; response: { case: Case; undone: boolean } };
  /** The change log (time, path, old, new), oldest first: the audit view. */
  'case:history': { request: { id: string }; response: HistoryEntry[] };
  /** Replaces the current version with backup 1 (newest) … 5. */
  'case:restoreBackup': { request: { id: string; backup: number }; response: Case };
  /**
   * A dropped file's bytes; the type is sniffed from them, the name is kept for display only. On the line of
   * a document signed by hand, the file must be its signed scan (marks read back and checked, else
   * `signedScanRefused`); out-of-date copies on that line are detached in the same write.
   */
  'attachment:add': {
    request: { caseId: string; checklistItemId: string; fileName: string; bytes: Uint8Array };
    response: { attachment: AttachmentMeta; case: Case };
  };
  'attachment:read': {
    request: { caseId: string; attachmentId: string };
    response: { bytes: Uint8Array; mediaType: AttachmentMeta['mediaType']; originalName: string };
  };
  'attachment:remove': {
    request: { caseId: string; attachmentId: string; checklistItemId: string };
    response: Case;
  };
  /**
   * Main asks where to save (native dialog) and writes one `.icpcase`. Without a passphrase the file is a
   * plain zip: warn the user it holds identity documents.
   */
  'case:export': {
    request: { id: string; passphrase?: string };
    response: { saved: false } | { saved: true; fileName: string; encrypted: boolean };
  };
  /**
   * Main asks which file to import (native dialog). An encrypted file fails with `passphraseRequired` (or
   * `wrongPassphrase`) and `details.importToken`: call again with `{ importToken, passphrase }`.
   */
  'case:import': {
    request: { passphrase?: string; importToken?: string };
    response: { imported: false } | { imported: true; case: Case };
  };
  /**
   * An `.icpcase` dropped on the window: its bytes (the renderer never sends a path). Answers like
   * `case:import`; an encrypted file fails with `passphraseRequired` and `details.importToken`, and the bytes
   * wait in main for `case:import { importToken, passphrase }`.
   */
  'case:importFile': {
    request: { fileName: string; bytes: Uint8Array };
    response: { imported: false } | { imported: true; case: Case };
  };
  /**
   * `.icpcase` files the OS opened with the app (double-click, the command line, a second launch) or the user
   * picked in File → Open Recent before the renderer was listening, in order, each taken once. Later ones
   * arrive as `case:openRequested`.
   */
  'case:takeOpenRequests': { request: void; response: OpenRequest[] };
  /** What the native menu should offer: Export case and Close case need an open case. */
  'menu:setContext': { request: { caseOpen: boolean }; response: { caseOpen: boolean } };
  /**
   * Builds the case's submission packet (folder + zip). Main opens the folder picker itself and asks before
   * replacing an existing packet; the renderer sends only the case id. Progress arrives as `packet:progress`;
   * `packet:cancel` stops it (the call then fails with `exportCancelled`). Refused while the pre-flight has
   * errors or unacknowledged warnings (`preflightErrors` / `unacknowledgedWarnings`, `details.count`).
   * The renderer records `record` in the case's `exports` with `case:save`.
   */
  'packet:build': {
    request: { caseId: string; profile: PacketProfile; acceptWarnings?: boolean };
    response:
      | { built: false }
      | {
          built: true;
          folderName: string;
          /** Where the packet folder now is, for the user to read (the renderer never sends a path back). */
          folderPath: string;
          fileCount: number;
          zip: boolean;
          record: ExportRecord;
        };
  };
  /**
   * One generated document of the stored case as PDF bytes (the Review step's preview): `submission` as
   * filed, or `review` with the English meaning beside every line. Rendered in main with the bundled font.
   */
  'document:render': {
    request: { caseId: string; templateId: string; variant: 'submission' | 'review' };
    response: { bytes: Uint8Array };
  };
  'packet:cancel': { request: { caseId: string }; response: { cancelled: boolean } };
  /**
   * The copy of a document to print, sign and return (electron/ipc/signing.ts): a one-page note on who signs
   * and seals where (English; Chinese first when `language` is Chinese), then the document, every page
   * marked with its verification code. Main asks where with its own Save dialog and records the printed
   * version in the case (returned). A file attached to the document's checklist line is then checked by
   * `attachment:add` against those marks.
   */
  'signing:print': {
    request: { caseId: string; templateId: string; language: Language };
    response:
      { saved: false } | { saved: true; fileName: string; filePath: string; version: string; case: Case };
  };

  // Scans (electron/ipc/scan.ts). Recognition runs in a worker thread with the bundled models, offline.
  /**
   * Reads a stored scan (business licence, ID card side, passport) as the checklist item it is attached to
   * says. Nothing is written: the renderer shows the values for the user to confirm. `scan:cancel` stops it
   * (the call then fails with `scanCancelled`).
   */
  'scan:read': {
    request: { caseId: string; attachmentId: string; checklistItemId: string };
    response: ScanReadResult;
  };
  'scan:cancel': { request: { caseId: string }; response: { cancelled: boolean } };
  /**
   * Turns a stored image clockwise by `turn` degrees: the turned copy replaces it on the checklist item
   * (its validity dates kept); the original stays in the store for undo.
   */
  'attachment:rotate': {
    request: { caseId: string; attachmentId: string; checklistItemId: string; turn: 90 | 180 | 270 };
    response: Case;
  };

  // Encryption (electron/ipc/encryption.ts): only the keyring is ever rewritten, never a case file.
  'encryption:status': { request: void; response: EncryptionStatus };
  /** Opens a passphrase-guarded store; fails with `wrongPassphrase` (`details.attemptsLeft`) or `unlockLimit`. */
  'encryption:unlock': { request: { passphrase: string }; response: EncryptionStatus };
  /**
   * Guards the key with `passphrase`: sets it (first start or from the keychain) or changes it
   * (`currentPassphrase` required when a passphrase guards it now). Too short: `passphraseTooShort`.
   */
  'encryption:usePassphrase': {
    request: { passphrase: string; currentPassphrase?: string };
    response: EncryptionStatus;
  };
  /** Guards the key with the OS keychain again (`currentPassphrase` required when a passphrase guards it). */
  'encryption:useKeychain': { request: { currentPassphrase?: string }; response: EncryptionStatus };
  /** Shows the case's last built packet in Explorer / Finder. */
  'packet:reveal': { request: { caseId: string }; response: { shown: boolean } };
  /**
   * Writes the case's obligations and reminders as one .ics file (electron/ipc/after.ts). Main asks where
   * with its own Save dialog; UIDs are stable, so a re-export updates a calendar's events.
   */
  'reminders:export': {
    request: { caseId: string; language: Language; today?: string };
    response: { saved: false } | { saved: true; fileName: string; count: number };
  };

  // Rule packs (electron/ipc/rules.ts). Paths never cross: main opens the file dialog itself.
  /** The pack in use; when it is an imported one, its rule files too (the renderer installs them at start). */
  'rules:status': { request: void; response: RulesStatus };
  /**
   * Main asks for a `.icprules` file, verifies its Ed25519 signature against the keys shipped in the app and its
   * content against the schemas, and installs it when it is newer than the pack in use. Refusals:
   * `rulePackUnsigned`, `rulePackUnknownKey`, `rulePackTampered`, `rulePackUnreadable`, `rulePackNotNewer`,
   * `rulePackNotRulePack`.
   */
  'rules:import': { request: void; response: { imported: false } | { imported: true; status: RulesStatus } };
  /** Goes back to the bundled pack (removes the imported file). */
  'rules:useBundled': { request: void; response: RulesStatus };
  // A licence holder's later years (electron/ipc/lifecycle.ts). The renderer saves the case first; main
  // reads the stored case and opens the dialogs itself.
  /**
   * One year's annual report dry run as the bilingual "what to type where" PDF; main asks where to save.
   * `errors` and `warnings` are the dry run's counts, as the sheet prints them.
   */
  'annualReport:saveSheet': {
    request: { caseId: string; year: number; today?: string };
    response: { saved: false } | { saved: true; fileName: string; errors: number; warnings: number };
  };
  /** The renewal packet; main asks for the folder and before replacing a packet of the same name. */
  'renewal:build': {
    request: { caseId: string; today?: string; signOn?: string };
    response: LifecyclePacketResult;
  };
  /** The change packet of a recorded change (`lifecycle.changes[].id`); `notFound` for an unknown id. */
  'change:build': {
    request: { caseId: string; changeId: string; today?: string; signOn?: string };
    response: LifecyclePacketResult;
  };
}

/** What building a renewal or change packet gives back (the renderer never sends the path back). */
export type LifecyclePacketResult =
  { built: false } | { built: true; folderName: string; folderPath: string; fileCount: number };

/** Main → renderer events (sent with webContents.send, received through `api.on…`). */
export interface IpcEvents {
  /** A native menu item the renderer must act on. */
  'menu:command': { command: MenuCommand };
  /** The effective language changed (from the menu or Settings in another window). */
  'settings:changed': Settings;
  /** Progress of a `packet:build`: `done` of `total` steps; `step` names the document or phase. */
  'packet:progress': { caseId: string; done: number; total: number; step: string };
  /** The OS or Open Recent asks to import an `.icpcase` (see `case:takeOpenRequests`). */
  'case:openRequested': OpenRequest;
}

/**
 * An `.icpcase` main was asked to open: import it with `case:import { importToken }` (same checks and
 * passphrase prompt as a file picked in the Open dialog), or tell the user why it cannot be (`refused`:
 * the error code to show).
 */
export type OpenRequest =
  | { importToken: string }
  | { refused: 'notCaseFile' | 'caseFileMissing' | 'caseFileUnreadable' | 'importTooLarge' };

export type MenuCommand =
  | 'newCase'
  | 'openSettings'
  | 'goHome'
  | 'showAbout'
  /** File → Open / Import case…: the Open dialog of `case:import`. */
  | 'importCase'
  /** File → Export case…: the export of the open case (its optional passphrase first). */
  | 'exportCase'
  /** File → Close case: back to Home (the case is saved as always). */
  | 'closeCase';

export type Channel = keyof IpcContract;
export type EventChannel = keyof IpcEvents;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

type CamelChannel<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;
type EventMethod<E extends string> = E extends `${infer A}:${infer B}`
  ? `on${Capitalize<A>}${Capitalize<B>}`
  : E;

/** The renderer's `window.api`: one named function per channel, one subscriber per event. */
export type RendererApi = {
  [C in Channel as CamelChannel<C>]: RequestOf<C> extends void
    ? () => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  /** Subscribes; returns the unsubscribe function. */
  [E in EventChannel as EventMethod<E>]: (listener: (payload: IpcEvents[E]) => void) => () => void;
};

/**
 * Sends a channel's request (none for a `void` one) and resolves to main's {@link Result}; the preload's is
 * ipcRenderer.invoke (electron/renderer-api.ts builds window.api on it).
 */
export type Invoke = <C extends Channel>(
  channel: C,
  ...request: [] | [RequestOf<C>]
) => Promise<Result<ResponseOf<C>>>;

/** Subscribes a listener to an event's payloads; returns the unsubscribe function. */
export type Subscribe = <E extends EventChannel>(
  channel: E,
  listener: (payload: IpcEvents[E]) => void,
) => () => void;

/** What main registers: every channel, payload `unknown` until the handler's zod schema parses it. */
export type HandlerMap = { [C in Channel]: (payload: unknown) => Promise<Result<ResponseOf<C>>> };
