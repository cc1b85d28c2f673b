import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListEntry } from '../../../../core/model/library';
import type { RendererApi } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { useApiCall, useNotices } from '../../api/notices';
import { Button, DialogForm } from '../../components/fields/Button';
import { PassphraseField, TextField } from '../../components/fields/Field';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Route } from '../../navigation/routes';
import { CaseList } from './CaseList';
import { Card } from '../../components/fields/Card';
import type { HomeRequest, ImportSource } from './caseFiles';
import { RuleAgeNotice } from '../../components/RuleAgeNotice';
import { useRules } from '../../rules/RulesContext';

type Toast =
  | { kind: 'deleted'; id: string; name: string }
  | { kind: 'exported'; fileName: string; encrypted: boolean }
  | { kind: 'imported'; name: string }
  | { kind: 'restored'; name: string };

/**
 * Home: the user's cases with search and the case actions (new, open, duplicate, import, export, delete with
 * undo), or — before the first case — what the app does and where to start. `request` is a case file to
 * import or a case to export from outside Home (the File menu, the OS, a drop on the window: App queues
 * them); it runs through the same flow as Home's own buttons and is handed back with `onRequestTaken`.
 */
export function HomeScreen({
  navigate,
  newCaseDialog = false,
  request,
  onRequestTaken,
}: {
  navigate: (next: Route) => void;
  newCaseDialog?: boolean;
  request?: HomeRequest | undefined;
  onRequestTaken?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const { reportError } = useNotices();
  const [cases, setCases] = useState<CaseListEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(newCaseDialog);
  const [toast, setToast] = useState<Toast | null>(null);
  const [importToken, setImportToken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preparingSample, setPreparingSample] = useState(false);
  const { status: rules } = useRules();

  const refresh = useCallback(async () => {
    const list = await call(api.casesList());
    setCases(list ?? []);
  }, [api, call]);

  useEffect(() => {
    let current = true;
    void call(api.casesList()).then((list) => {
      if (current) setCases(list ?? []);
    });
    return () => {
      current = false;
    };
  }, [api, call]);

  const openCase = (id: string, step: 'pathway' | 'applicant' = 'pathway') =>
    navigate({ screen: 'case', caseId: id, step });

  /** Runs one action at a time, so a double click never creates two cases. */
  const run = useCallback(
    async (work: () => Promise<void>) => {
      if (busy) return;
      setBusy(true);
      try {
        await work();
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );

  const startPathway = () =>
    run(async () => {
      const created = await call(api.caseCreate({ name: t('home.defaultCaseName') }));
      if (created) openCase(created.id);
    });

  // Drawing the sample's scans takes a few seconds: the user is told, and the buttons wait.
  const openSample = () =>
    run(async () => {
      setPreparingSample(true);
      const created = await call(api.caseCreateSample());
      setPreparingSample(false);
      if (created) openCase(created.id);
    });

  const createNamed = (name: string) =>
    run(async () => {
      const created = await call(api.caseCreate({ name }));
      if (created) openCase(created.id);
    });

  /** Imports from `source`, or, with `passphrase`, the protected file waiting behind `importToken`. */
  const importCase = useCallback(
    (source: ImportSource | { kind: 'passphrase'; passphrase: string }) =>
      run(async () => {
        let result: Awaited<ReturnType<RendererApi['caseImport']>>;
        try {
          switch (source.kind) {
            case 'dialog':
              result = await api.caseImport({});
              break;
            case 'token':
              result = await api.caseImport({ importToken: source.token });
              break;
            case 'file':
              result = await api.caseImportFile({ fileName: source.fileName, bytes: source.bytes });
              break;
            case 'passphrase':
              result = await api.caseImport(
                importToken !== null ? { importToken, passphrase: source.passphrase } : {},
              );
              break;
          }
        } catch {
          reportError('internal');
          return;
        }
        if (!result.ok) {
          const token = result.details?.importToken;
          if (
            (result.code === 'passphraseRequired' || result.code === 'wrongPassphrase') &&
            typeof token === 'string'
          ) {
            setImportToken(token);
            if (result.code === 'wrongPassphrase') reportError('wrongPassphrase');
            return;
          }
          reportError(result.code, result.details);
          return;
        }
        setImportToken(null);
        if (result.value.imported) {
          setToast({ kind: 'imported', name: result.value.case.name });
          await refresh();
        }
      }),
    [run, api, importToken, reportError, refresh],
  );

  // An import from outside Home runs once the list is shown and nothing else is running. An export request
  // goes to the case list, which opens that case's export form.
  useEffect(() => {
    if (request?.kind !== 'import' || cases === null || busy) return;
    onRequestTaken?.(request.id);
    // Run as a task of its own, like a click: the import's state changes are its own render, not this effect's.
    void Promise.resolve(request.source).then(importCase);
  }, [request, cases, busy, onRequestTaken, importCase]);

  const actions = {
    open: (id: string) => openCase(id),
    duplicate: (id: string, name: string) =>
      run(async () => {
        if (await call(api.caseDuplicate({ id, name: t('home.copyName', { name }) }))) await refresh();
      }),
    exportCase: (id: string, passphrase?: string) =>
      run(async () => {
        const result = await call(api.caseExport(passphrase ? { id, passphrase } : { id }));
        if (result?.saved)
          setToast({ kind: 'exported', fileName: result.fileName, encrypted: result.encrypted });
      }),
    remove: (id: string, name: string) =>
      run(async () => {
        if (await call(api.caseDelete({ id }))) {
          // The list is current before the toast announces the deletion (and offers Undo).
          await refresh();
          setToast({ kind: 'deleted', id, name });
        }
      }),
    restoreBackup: (id: string, backup: number) =>
      run(async () => {
        const restored = await call(api.caseRestoreBackup({ id, backup }));
        if (restored) {
          setToast({ kind: 'restored', name: restored.name });
          await refresh();
        }
      }),
  };

  const undoDelete = (id: string) =>
    run(async () => {
      if (await call(api.trashRestore({ id }))) {
        setToast(null);
        await refresh();
      }
    });

  /** The case actions, as the toolbar over the list and, quieter, under the empty state's start. */
  const caseActions = (variant: 'primary' | 'quiet') => (
    <>
      <Button variant={variant} onClick={() => setCreating(true)} disabled={busy}>
        {t('home.newCase')}
      </Button>
      <Button
        variant={variant === 'quiet' ? 'quiet' : 'default'}
        onClick={() => void importCase({ kind: 'dialog' })}
        disabled={busy}
      >
        {t('home.importCase')}
      </Button>
    </>
  );
  const sampleButton = (
    <Button onClick={() => void openSample()} disabled={busy} data-action="open-sample">
      {t('home.openSample')}
    </Button>
  );

  // Until the list arrives nothing is shown, so Home never flashes the empty state over existing cases.
  if (cases === null) return <div className="home" aria-busy="true" />;
  const empty = cases.length === 0;

  return (
    <div className="home">
      {empty ? (
        <section className="empty-state">
          <svg className="empty-state__art" viewBox="0 0 96 96" aria-hidden="true" focusable="false">
            <rect x="20" y="12" width="52" height="68" rx="6" className="empty-state__sheet" />
            <rect
              x="28"
              y="20"
              width="52"
              height="68"
              rx="6"
              className="empty-state__sheet empty-state__sheet--front"
            />
            <path d="M38 38h32M38 48h32M38 58h20" className="empty-state__lines" />
            <circle cx="70" cy="70" r="12" className="empty-state__seal" />
          </svg>
          <ScreenHeading>{t('home.emptyHeading')}</ScreenHeading>
          <p className="empty-state__intro">{t('home.intro')}</p>
          <div className="button-row">
            <Button
              variant="primary"
              data-action="start-pathway"
              onClick={() => void startPathway()}
              disabled={busy}
            >
              {t('home.startPathway')}
            </Button>
            {sampleButton}
          </div>
          <p className="hint">{t('home.sampleHint')}</p>
          <div className="button-row">{caseActions('quiet')}</div>
        </section>
      ) : (
        <>
          <ScreenHeading>{t('home.title')}</ScreenHeading>
          <div className="button-row home__actions">
            {caseActions('primary')}
            {sampleButton}
          </div>
        </>
      )}

      <RuleAgeNotice info={rules.active} settingsLink />

      <p className="hint home__progress" role="status">
        {preparingSample ? t('home.preparingSample') : ''}
      </p>

      {creating && (
        <NewCaseForm
          onCancel={() => setCreating(false)}
          onCreate={(name) => {
            setCreating(false);
            void createNamed(name);
          }}
        />
      )}

      {importToken !== null && (
        <PassphraseForm
          onCancel={() => setImportToken(null)}
          onSubmit={(passphrase) => void importCase({ kind: 'passphrase', passphrase })}
        />
      )}

      {toast !== null && (
        <div className="toast" role="status" data-toast={toast.kind}>
          <p className="toast__message">
            {toast.kind === 'deleted' && t('home.deleted', { name: toast.name })}
            {toast.kind === 'exported' &&
              t(toast.encrypted ? 'home.exportedEncrypted' : 'home.exportedPlain', { file: toast.fileName })}
            {toast.kind === 'imported' && t('home.imported', { name: toast.name })}
            {toast.kind === 'restored' && t('home.restored', { name: toast.name })}
          </p>
          {toast.kind === 'deleted' && (
            <Button small onClick={() => void undoDelete(toast.id)}>
              {t('home.undoDelete')}
            </Button>
          )}
          <Button small variant="quiet" onClick={() => setToast(null)}>
            {t('notices.dismiss')}
          </Button>
        </div>
      )}

      {cases.length > 0 && (
        <Card id="home-cases-heading" heading={t('home.casesHeading', { count: cases.length })}>
          <TextField
            id="home-search"
            type="search"
            className="home__search"
            label={t('home.search')}
            value={query}
            onChange={setQuery}
          />
          <CaseList
            cases={cases}
            query={query}
            busy={busy}
            actions={actions}
            exportRequest={request?.kind === 'export' ? request : null}
            onExportShown={onRequestTaken}
          />
        </Card>
      )}
    </div>
  );
}

function NewCaseForm({ onCreate, onCancel }: { onCreate: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <DialogForm
      id="new-case-heading"
      title={t('home.newCaseHeading')}
      submitLabel={t('home.create')}
      cancelLabel={t('home.cancel')}
      onSubmit={() => {
        if (name.trim() !== '') onCreate(name.trim());
      }}
      onCancel={onCancel}
    >
      <TextField
        id="new-case-name"
        inputRef={input}
        label={t('home.caseName')}
        hint={t('home.caseNameHelp')}
        maxLength={200}
        required
        value={name}
        onChange={setName}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
    </DialogForm>
  );
}

function PassphraseForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  return (
    <DialogForm
      id="import-passphrase-heading"
      title={t('home.importPassphraseHeading')}
      submitLabel={t('home.importCase')}
      cancelLabel={t('home.cancel')}
      onSubmit={() => {
        if (passphrase !== '') onSubmit(passphrase);
      }}
      onCancel={onCancel}
    >
      <PassphraseField
        id="import-passphrase"
        label={t('home.passphrase')}
        autoComplete="off"
        value={passphrase}
        onChange={setPassphrase}
      />
    </DialogForm>
  );
}
