import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type {
  AppInfo,
  ErrorCode,
  IpcEvents,
  Language,
  LanguagePreference,
  RendererApi,
  Settings,
  EncryptionStatus,
  RulesStatus,
} from '../../../electron/contract';
import { App } from '../../../renderer/src/App';
import { BUNDLED_RULE_PACK_INFO } from '../../../core/rules/pack';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { effectiveLanguage } from '../../../renderer/src/i18n/languages';

type Listener<T> = (payload: T) => void;

/**
 * A stand-in for the preload's `window.api`: settings live in memory, every call is a spy, and tests can
 * send the events main would send.
 */
export function createFakeApi(systemLanguage: Language = 'en') {
  let settings: Settings = { language: 'system' };
  const menuListeners = new Set<Listener<IpcEvents['menu:command']>>();
  const settingsListeners = new Set<Listener<IpcEvents['settings:changed']>>();
  const progressListeners = new Set<Listener<IpcEvents['packet:progress']>>();
  const openListeners = new Set<Listener<IpcEvents['case:openRequested']>>();
  const appInfo: AppInfo = { name: 'ICP Packet Studio', version: '9.8.7', systemLanguage, platform: 'linux' };

  const api = {
    appInfo: vi.fn<RendererApi['appInfo']>(async () => ({ ok: true, value: appInfo })),
    settingsGet: vi.fn<RendererApi['settingsGet']>(async () => ({ ok: true, value: settings })),
    settingsSet: vi.fn<RendererApi['settingsSet']>(async (patch) => {
      settings = { ...settings, ...patch };
      return { ok: true, value: settings };
    }),
    shellOpenExternal: vi.fn<RendererApi['shellOpenExternal']>(async () => ({
      ok: true,
      value: { opened: true },
    })),
    // Case store: an empty store; tests that need cases replace these mocks.
    casesList: vi.fn<RendererApi['casesList']>(async () => ({ ok: true, value: [] })),
    trashList: vi.fn<RendererApi['trashList']>(async () => ({ ok: true, value: [] })),
    caseCreate: vi.fn<RendererApi['caseCreate']>(async () => ({ ok: false, code: 'notFound' })),
    caseCreateSample: vi.fn<RendererApi['caseCreateSample']>(async () => ({
      ok: false,
      code: 'notFound',
    })),
    caseOpen: vi.fn<RendererApi['caseOpen']>(async () => ({ ok: false, code: 'notFound' })),
    caseSave: vi.fn<RendererApi['caseSave']>(async () => ({ ok: false, code: 'notFound' })),
    caseDuplicate: vi.fn<RendererApi['caseDuplicate']>(async () => ({ ok: false, code: 'notFound' })),
    caseRename: vi.fn<RendererApi['caseRename']>(async () => ({ ok: false, code: 'notFound' })),
    caseDelete: vi.fn<RendererApi['caseDelete']>(async () => ({ ok: false, code: 'notFound' })),
    trashRestore: vi.fn<RendererApi['trashRestore']>(async () => ({ ok: false, code: 'notFound' })),
    caseUndo: vi.fn<RendererApi['caseUndo']>(async () => ({ ok: false, code: 'notFound' })),
    caseHistory: vi.fn<RendererApi['caseHistory']>(async () => ({ ok: false, code: 'notFound' })),
    caseRestoreBackup: vi.fn<RendererApi['caseRestoreBackup']>(async () => ({ ok: false, code: 'notFound' })),
    attachmentAdd: vi.fn<RendererApi['attachmentAdd']>(async () => ({ ok: false, code: 'notFound' })),
    attachmentRead: vi.fn<RendererApi['attachmentRead']>(async () => ({ ok: false, code: 'notFound' })),
    attachmentRemove: vi.fn<RendererApi['attachmentRemove']>(async () => ({ ok: false, code: 'notFound' })),
    caseExport: vi.fn<RendererApi['caseExport']>(async () => ({ ok: false, code: 'notFound' })),
    caseImport: vi.fn<RendererApi['caseImport']>(async () => ({ ok: false, code: 'notFound' })),
    caseImportFile: vi.fn<RendererApi['caseImportFile']>(async () => ({ ok: false, code: 'notFound' })),
    // Nothing opened by the OS before the page listened; tests of opening files replace it.
    caseTakeOpenRequests: vi.fn<RendererApi['caseTakeOpenRequests']>(async () => ({ ok: true, value: [] })),
    menuSetContext: vi.fn<RendererApi['menuSetContext']>(async (context) => ({ ok: true, value: context })),
    packetBuild: vi.fn<RendererApi['packetBuild']>(async () => ({ ok: true, value: { built: false } })),
    packetCancel: vi.fn<RendererApi['packetCancel']>(async () => ({ ok: true, value: { cancelled: false } })),
    packetReveal: vi.fn<RendererApi['packetReveal']>(async () => ({ ok: true, value: { shown: false } })),
    documentRender: vi.fn<RendererApi['documentRender']>(async () => ({ ok: false, code: 'notFound' })),
    signingPrint: vi.fn<RendererApi['signingPrint']>(async () => ({ ok: true, value: { saved: false } })),
    // Encryption: an unlocked store guarded by the OS keychain; tests of the unlock screen replace these.
    encryptionStatus: vi.fn<RendererApi['encryptionStatus']>(async () => ({
      ok: true,
      value: { protection: 'keychain', unlocked: true, keychain: { available: true }, attemptsLeft: 5 },
    })),
    encryptionUnlock: vi.fn<RendererApi['encryptionUnlock']>(async () => ({ ok: false, code: 'notFound' })),
    encryptionUsePassphrase: vi.fn<RendererApi['encryptionUsePassphrase']>(async () => ({
      ok: false,
      code: 'notFound',
    })),
    encryptionUseKeychain: vi.fn<RendererApi['encryptionUseKeychain']>(async () => ({
      ok: false,
      code: 'notFound',
    })),
    remindersExport: vi.fn<RendererApi['remindersExport']>(async () => ({
      ok: true,
      value: { saved: false },
    })),
    // Rules: the bundled pack in use; tests of Settings → Rules replace these.
    rulesStatus: vi.fn<RendererApi['rulesStatus']>(async () => ({
      ok: true,
      value: { active: BUNDLED_RULE_PACK_INFO, bundled: BUNDLED_RULE_PACK_INFO },
    })),
    rulesImport: vi.fn<RendererApi['rulesImport']>(async () => ({ ok: true, value: { imported: false } })),
    rulesUseBundled: vi.fn<RendererApi['rulesUseBundled']>(async () => ({
      ok: true,
      value: { active: BUNDLED_RULE_PACK_INFO, bundled: BUNDLED_RULE_PACK_INFO },
    })),
    annualReportSaveSheet: vi.fn<RendererApi['annualReportSaveSheet']>(async () => ({
      ok: true,
      value: { saved: false },
    })),
    renewalBuild: vi.fn<RendererApi['renewalBuild']>(async () => ({ ok: true, value: { built: false } })),
    changeBuild: vi.fn<RendererApi['changeBuild']>(async () => ({ ok: true, value: { built: false } })),
    scanRead: vi.fn<RendererApi['scanRead']>(async () => ({ ok: false, code: 'ocrUnavailable' })),
    scanCancel: vi.fn<RendererApi['scanCancel']>(async () => ({ ok: true, value: { cancelled: false } })),
    attachmentRotate: vi.fn<RendererApi['attachmentRotate']>(async () => ({ ok: false, code: 'notFound' })),
    onMenuCommand: (listener: Listener<IpcEvents['menu:command']>) => {
      menuListeners.add(listener);
      return () => void menuListeners.delete(listener);
    },
    onSettingsChanged: (listener: Listener<IpcEvents['settings:changed']>) => {
      settingsListeners.add(listener);
      return () => void settingsListeners.delete(listener);
    },
    onPacketProgress: (listener: Listener<IpcEvents['packet:progress']>) => {
      progressListeners.add(listener);
      return () => void progressListeners.delete(listener);
    },
    onCaseOpenRequested: (listener: Listener<IpcEvents['case:openRequested']>) => {
      openListeners.add(listener);
      return () => void openListeners.delete(listener);
    },
  } satisfies RendererApi;

  return {
    api,
    appInfo,
    sendMenuCommand: (command: IpcEvents['menu:command']['command']) => {
      for (const listener of menuListeners) listener({ command });
    },
    sendSettingsChanged: (next: Settings) => {
      for (const listener of settingsListeners) listener(next);
    },
    sendPacketProgress: (progress: IpcEvents['packet:progress']) => {
      for (const listener of progressListeners) listener(progress);
    },
    /** What main sends when the OS opens an `.icpcase` with the app (or Open Recent picks one). */
    sendOpenRequest: (request: IpcEvents['case:openRequested']) => {
      for (const listener of openListeners) listener(request);
    },
    listenerCount: () => menuListeners.size + settingsListeners.size + openListeners.size,
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

export function renderApp(
  options: {
    fake?: FakeApi;
    preference?: LanguagePreference;
    startupErrors?: ErrorCode[];
    /** encryption:status at start (main.tsx passes it); absent: nothing is gated. */
    encryption?: EncryptionStatus;
    /** rules:status at start (main.tsx passes it); absent: the bundled rules. */
    rules?: RulesStatus;
  } = {},
) {
  const fake = options.fake ?? createFakeApi();
  const preference = options.preference ?? 'system';
  const i18n = createI18n(effectiveLanguage(preference, fake.appInfo.systemLanguage));
  const view = render(
    <App
      api={fake.api}
      i18n={i18n}
      appInfo={fake.appInfo}
      initialPreference={preference}
      startupErrors={options.startupErrors}
      {...(options.encryption ? { initialEncryption: options.encryption } : {})}
      {...(options.rules ? { initialRules: options.rules } : {})}
    />,
  );
  return { ...view, fake, i18n };
}
