import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListEntry } from '../../../../core/model/library';
import { PassphraseField } from '../../components/fields/Field';
import { routeHref } from '../../navigation/routes';
import { enumKey } from '../../i18n/enumKey';
import { useFormat } from '../../i18n/useFormat';
import { Button } from '../../components/fields/Button';

export interface CaseListActions {
  open: (id: string) => void;
  duplicate: (id: string, name: string) => void;
  exportCase: (id: string, passphrase?: string) => void;
  remove: (id: string, name: string) => void;
  restoreBackup: (id: string, backup: number) => void;
}

/**
 * The case list of Home, filtered by the search text (name, case-insensitive). `exportRequest` (File →
 * Export case) opens that case's export form with its passphrase field focused, then is handed back.
 */
export function CaseList({
  cases,
  query,
  busy,
  actions,
  exportRequest = null,
  onExportShown,
}: {
  cases: readonly CaseListEntry[];
  query: string;
  busy: boolean;
  actions: CaseListActions;
  exportRequest?: { id: number; caseId: string } | null;
  onExportShown?: ((id: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [exporting, setExporting] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [shownRequest, setShownRequest] = useState<{ id: number; caseId: string } | null>(null);
  // A new request opens its form while rendering (React's way to reset state from a prop).
  if (exportRequest && exportRequest !== shownRequest) {
    setShownRequest(exportRequest);
    setPassphrase('');
    setExporting(exportRequest.caseId);
  }
  useEffect(() => {
    if (!shownRequest) return;
    const field = document.getElementById(`case-${shownRequest.caseId}-name-passphrase`);
    field?.scrollIntoView?.({ block: 'center' });
    field?.focus();
    onExportShown?.(shownRequest.id);
  }, [shownRequest, onExportShown]);
  const needle = query.trim().toLocaleLowerCase();
  const shown = cases.filter(
    (entry) => needle === '' || (entry.readable && entry.name.toLocaleLowerCase().includes(needle)),
  );

  if (shown.length === 0) return <p className="hint">{t('home.noMatch')}</p>;

  return (
    <ul className="case-list">
      {shown.map((entry) => {
        if (!entry.readable) {
          return (
            <li key={entry.id} className="case-row case-row--damaged" data-case-id={entry.id}>
              <p className="case-row__name">{t('home.unreadable')}</p>
              <p className="hint">{t(`errors.${entry.code}`)}</p>
              {entry.recoverableFromBackup !== undefined && (
                <Button
                  small
                  disabled={busy}
                  onClick={() => actions.restoreBackup(entry.id, entry.recoverableFromBackup ?? 1)}
                >
                  {t('home.restoreBackup', { number: entry.recoverableFromBackup })}
                </Button>
              )}
            </li>
          );
        }
        const name = entry.name.trim() === '' ? t('home.untitled') : entry.name;
        const pathway = [
          ...entry.pathway.surfaces.map((surface) => t(`pathway.surfaces.${enumKey(surface)}`)),
          ...(entry.pathway.subject ? [t(`pathway.subjects.${enumKey(entry.pathway.subject)}`)] : []),
        ].join(' · ');
        const nameId = `case-${entry.id}-name`;
        const exportOpen = entry.exportBlockers > 0 || entry.openWarnings > 0;
        return (
          <li key={entry.id} className="case-row" data-case-id={entry.id} aria-labelledby={nameId}>
            <div className="case-row__main">
              <a
                id={nameId}
                translate="no"
                className="case-row__name"
                href={routeHref({ screen: 'case', caseId: entry.id, step: 'pathway' })}
                onClick={(event) => {
                  event.preventDefault();
                  actions.open(entry.id);
                }}
              >
                {name}
              </a>
              <p className="case-row__pathway">{pathway === '' ? t('home.pathwayNotAnswered') : pathway}</p>
            </div>
            <dl className="case-row__facts">
              <div>
                <dt>{t('home.progress')}</dt>
                <dd>
                  <progress max={100} value={entry.progress} aria-labelledby={`${nameId}-progress`} />{' '}
                  <span id={`${nameId}-progress`}>
                    {t('workspaceGuide.home.entered', { percent: entry.progress })}
                  </span>{' '}
                  <span
                    className={`case-row__blockers case-row__blockers--${exportOpen ? 'open' : 'done'}`}
                    data-blockers={entry.exportBlockers}
                    data-open-warnings={entry.openWarnings}
                  >
                    {entry.exportBlockers > 0
                      ? t('workspaceGuide.home.blocking', { count: entry.exportBlockers })
                      : entry.openWarnings > 0
                        ? t('workspaceGuide.home.toAcknowledge', { count: entry.openWarnings })
                        : t('workspaceGuide.home.ready')}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('home.status')}</dt>
                <dd>{t(`home.statuses.${enumKey(entry.status)}`)}</dd>
              </div>
              <div>
                <dt>{t('home.lastEdited')}</dt>
                <dd>
                  <time dateTime={entry.updatedAt}>{format.dateTime(entry.updatedAt)}</time>
                </dd>
              </div>
            </dl>
            <div className="case-row__actions" role="group" aria-labelledby={nameId}>
              <Button small variant="primary" onClick={() => actions.open(entry.id)}>
                {t('home.open')}
              </Button>
              <Button small disabled={busy} onClick={() => actions.duplicate(entry.id, name)}>
                {t('home.duplicate')}
              </Button>
              <Button
                small
                disabled={busy}
                aria-expanded={exporting === entry.id}
                onClick={() => {
                  setPassphrase('');
                  setExporting(exporting === entry.id ? null : entry.id);
                }}
              >
                {t('home.export')}
              </Button>
              <Button small variant="danger" disabled={busy} onClick={() => actions.remove(entry.id, name)}>
                {t('home.delete')}
              </Button>
            </div>
            {exporting === entry.id && (
              <form
                className="case-row__export"
                onSubmit={(event) => {
                  event.preventDefault();
                  setExporting(null);
                  actions.exportCase(entry.id, passphrase === '' ? undefined : passphrase);
                }}
              >
                <PassphraseField
                  id={`${nameId}-passphrase`}
                  label={t('home.exportPassphrase')}
                  hint={t('home.exportPassphraseHelp')}
                  autoComplete="new-password"
                  value={passphrase}
                  onChange={setPassphrase}
                />
                <Button type="submit" small variant="primary">
                  {t('home.exportNow')}
                </Button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
