import { useCallback, useEffect, useRef, useState } from 'react';
import type { i18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type {
  AppInfo,
  EncryptionStatus,
  ErrorCode,
  LanguagePreference,
  OpenRequest,
  RendererApi,
  RulesStatus,
} from '../../electron/contract';
import { ApiProvider, useApi } from './api/ApiContext';
import { NoticesProvider, useApiCall, useNotices } from './api/notices';
import { AppHeader } from './components/AppHeader';
import { NoticeList } from './components/NoticeList';
import { effectiveLanguage } from './i18n/languages';
import { installLinkGuard, installNavigationGuard } from './navigation/linkGuard';
import { HOME, routeForMenuCommand, routeHref } from './navigation/routes';
import { useHashRoute } from './navigation/useHashRoute';
import { CaseWorkspace } from './screens/Case/CaseWorkspace';
import {
  MAX_CASE_FILE_BYTES,
  installCaseFileDrop,
  type HomeRequest,
  type ImportSource,
} from './screens/Home/caseFiles';
import { HomeScreen } from './screens/Home/HomeScreen';
import { SettingsScreen } from './screens/Settings/SettingsScreen';
import { EncryptionGate } from './screens/Unlock/EncryptionGate';
import { RulesProvider, useRules } from './rules/RulesContext';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface AppProps {
  api: RendererApi;
  i18n: i18n;
  appInfo: AppInfo;
  /** The saved language preference (settings:get at start). */
  initialPreference: LanguagePreference;
  /** Failures while starting, shown once the UI is up. */
  startupErrors?: readonly ErrorCode[];
  /** encryption:status at start: a locked store shows the unlock screen first. */
  initialEncryption?: EncryptionStatus;
  /** rules:status at start (main.tsx has installed an imported pack already); absent: the bundled pack. */
  initialRules?: RulesStatus;
}

export function App({
  api,
  i18n,
  appInfo,
  initialPreference,
  startupErrors,
  initialEncryption,
  initialRules,
}: AppProps) {
  return (
    <ApiProvider api={api}>
      <I18nextProvider i18n={i18n}>
        <NoticesProvider initialErrors={startupErrors}>
          <RulesProvider initial={initialRules}>
            <Shell
              appInfo={appInfo}
              initialPreference={initialPreference}
              initialEncryption={initialEncryption}
            />
          </RulesProvider>
        </NoticesProvider>
      </I18nextProvider>
    </ApiProvider>
  );
}

/** Keeps <html lang> and the window title in step with the UI language (screen readers, fonts, hyphenation). */
function useDocumentLanguage(instance: i18n): void {
  useEffect(() => {
    const apply = (language: string) => {
      document.documentElement.lang = language;
      document.title = instance.t('app.name');
    };
    apply(instance.language);
    instance.on('languageChanged', apply);
    return () => instance.off('languageChanged', apply);
  }, [instance]);
}

function Shell({
  appInfo,
  initialPreference,
  initialEncryption,
}: {
  appInfo: AppInfo;
  initialPreference: LanguagePreference;
  initialEncryption: EncryptionStatus | undefined;
}) {
  const { t, i18n: instance } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const { reportError } = useNotices();
  const [route, navigate] = useHashRoute();
  const [homeRequests, setHomeRequests] = useState<readonly HomeRequest[]>([]);
  const nextRequestId = useRef(0);
  const [preference, setPreference] = useState(initialPreference);
  const [encryption, setEncryption] = useState(initialEncryption);
  const { status: rules } = useRules();
  const main = useRef<HTMLElement>(null);

  useDocumentLanguage(instance);

  const applyPreference = useCallback(
    (next: LanguagePreference) => {
      setPreference(next);
      void instance.changeLanguage(effectiveLanguage(next, appInfo.systemLanguage));
    },
    [instance, appInfo.systemLanguage],
  );

  // The switch is live; the choice is then saved. If saving fails the user is told, and the UI keeps the choice.
  const chooseLanguage = useCallback(
    (next: LanguagePreference) => {
      applyPreference(next);
      void call(api.settingsSet({ language: next }));
    },
    [api, call, applyPreference],
  );

  useEffect(
    () => api.onSettingsChanged((settings) => applyPreference(settings.language)),
    [api, applyPreference],
  );
  // Case files from the menu, the OS, Open Recent or a drop are handled on Home, one after another.
  const requestOnHome = useCallback(
    (request: DistributiveOmit<HomeRequest, 'id'>) => {
      const queued: HomeRequest = { ...request, id: nextRequestId.current++ };
      setHomeRequests((current) => [...current, queued]);
      navigate(HOME);
    },
    [navigate],
  );
  const importOnHome = useCallback(
    (source: ImportSource) => requestOnHome({ kind: 'import', source }),
    [requestOnHome],
  );
  const takeHomeRequest = useCallback(
    (id: number) => setHomeRequests((current) => current.filter((request) => request.id !== id)),
    [],
  );

  const caseId = route.screen === 'case' ? route.caseId : null;
  useEffect(
    () =>
      api.onMenuCommand(({ command }) => {
        if (command === 'importCase') return importOnHome({ kind: 'dialog' });
        if (command === 'exportCase') {
          if (caseId !== null) requestOnHome({ kind: 'export', caseId });
          return;
        }
        const target = routeForMenuCommand(command);
        if (target) navigate(target);
      }),
    [api, navigate, importOnHome, requestOnHome, caseId],
  );
  // The menu offers Export case and Close case only while a case is open.
  useEffect(() => {
    void api.menuSetContext({ caseOpen: caseId !== null }).catch(() => undefined);
  }, [api, caseId]);

  // Files the OS opened with the app (or Open Recent picked) before this page listened, then as they come.
  useEffect(() => {
    const receive = (request: OpenRequest) => {
      if ('importToken' in request) importOnHome({ kind: 'token', token: request.importToken });
      else reportError(request.refused);
    };
    const unsubscribe = api.onCaseOpenRequested(receive);
    // Taken once: even when StrictMode runs this effect twice, each request arrives one time.
    void call(api.caseTakeOpenRequests()).then((requests) => requests?.forEach(receive));
    return unsubscribe;
  }, [api, call, importOnHome, reportError]);

  // An .icpcase dropped anywhere but on a checklist item's own drop zone is imported: its bytes, not a path.
  useEffect(
    () =>
      installCaseFileDrop(window, {
        onCaseFile: (file) => {
          if (file.size > MAX_CASE_FILE_BYTES) return reportError('importTooLarge');
          void file.arrayBuffer().then(
            (buffer) => importOnHome({ kind: 'file', fileName: file.name, bytes: new Uint8Array(buffer) }),
            () => reportError('caseFileUnreadable'),
          );
        },
        onOtherFile: () => reportError('notCaseFile'),
      }),
    [importOnHome, reportError],
  );
  // Nothing may replace the app page: links and scripted navigations to other URLs go to main instead,
  // which opens them in the browser only if they pass the allow-check (and says so if they do not).
  useEffect(() => {
    const openOutside = (url: string) => void call(api.shellOpenExternal({ url }));
    const removeLinkGuard = installLinkGuard(document, openOutside);
    const removeNavigationGuard = installNavigationGuard(window, openOutside);
    return () => {
      removeLinkGuard();
      removeNavigationGuard();
    };
  }, [api, call]);

  let screen;
  switch (route.screen) {
    case 'home':
      screen = (
        <HomeScreen
          navigate={navigate}
          newCaseDialog={route.dialog === 'newCase'}
          request={homeRequests[0]}
          onRequestTaken={takeHomeRequest}
        />
      );
      break;
    case 'settings':
      screen = (
        <SettingsScreen
          appInfo={appInfo}
          preference={preference}
          onLanguageChange={chooseLanguage}
          section={route.section}
        />
      );
      break;
    case 'case':
      screen = <CaseWorkspace caseId={route.caseId} step={route.step} navigate={navigate} />;
      break;
  }

  return (
    <div className="app">
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader route={route} navigate={navigate} onLanguageChange={chooseLanguage} />
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className={`app__main app__main--${route.screen}`}
        data-route={routeHref(route)}
      >
        <NoticeList />
        <div
          // A newly installed rule pack opens every screen afresh, so nothing shows a result of the old rules.
          key={`${route.screen === 'case' ? `case/${route.caseId}` : routeHref(route)}@${rules.active.origin}${rules.active.version}`}
          className="app__screen"
        >
          <EncryptionGate status={encryption} onStatus={setEncryption}>
            {screen}
          </EncryptionGate>
        </div>
      </main>
    </div>
  );
}
