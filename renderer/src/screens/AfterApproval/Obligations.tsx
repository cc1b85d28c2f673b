import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildReminders, reminderState } from '../../../../core/after/obligations';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { DateField, TextField } from '../../components/fields';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useFormat } from '../../i18n/useFormat';
import { useCaseSession } from '../Case/caseSession';
import { SourceList } from './SourceList';
import { AfterSection } from './AfterSection';

/**
 * The obligations timeline (document and permit expiry, public-security filing, annual report, licence
 * renewal, change filings) and its export as one .ics file; planned changes of registered information are
 * entered here.
 */
export function Obligations({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useUiLanguage();
  const api = useApi();
  const call = useApiCall();
  const { caseData, update, flush } = useCaseSession();
  const reminders = buildReminders(caseData, today);
  const [saved, setSaved] = useState<{ fileName: string; count: number } | null>(null);
  const changes = caseData.afterApproval.plannedChanges;

  const exportIcs = async () => {
    setSaved(null);
    // Main builds the file from the stored case: save what is typed first.
    if (!(await flush())) return;
    const result = await call(api.remindersExport({ caseId, language: lang, today }));
    if (result?.saved) setSaved({ fileName: result.fileName, count: result.count });
  };

  const setChanges = (next: typeof changes, ownUndoStep = false) =>
    update((c) => ({ ...c, afterApproval: { ...c.afterApproval, plannedChanges: next } }), { ownUndoStep });
  const setChange = (index: number, patch: Partial<(typeof changes)[number]>) =>
    setChanges(changes.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <AfterSection
      id="after-obligations"
      heading={t('afterApproval.obligations.heading')}
      intro={t('afterApproval.obligations.intro')}
    >
      {reminders.length === 0 ? (
        <p className="hint">{t('afterApproval.obligations.none')}</p>
      ) : (
        <ol className="after-timeline" data-testid="obligations-timeline">
          {reminders.map((r) => {
            const state = reminderState(r, today);
            return (
              <li
                key={r.uid}
                className={`after-timeline__item after-timeline__item--${state}`}
                data-kind={r.kind}
              >
                <span className="after-timeline__date">
                  {fmt.date(r.start)}
                  {r.end !== r.start ? ` – ${fmt.date(r.end)}` : ''}
                </span>
                <span className={`status-badge after-state--${state}`}>
                  {t(`afterApproval.obligations.state.${state}`)}
                </span>
                <strong className="after-timeline__title">{r.title[lang]}</strong>
                <span className="hint">{r.detail[lang]}</span>
                <SourceList sources={r.sources} />
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="button button--primary"
        onClick={() => void exportIcs()}
        data-testid="export-reminders"
      >
        {t('afterApproval.obligations.export')}
      </button>
      <p className="hint">{t('afterApproval.obligations.exportHint')}</p>
      {saved && (
        <p className="after-saved" role="status" data-testid="reminders-saved">
          {t('afterApproval.obligations.saved', { count: saved.count, file: saved.fileName })}
        </p>
      )}

      <h3 className="card__subheading">{t('afterApproval.obligations.changesHeading')}</h3>
      <p className="hint">{t('afterApproval.obligations.changesIntro')}</p>
      {changes.map((change, index) => (
        <div key={change.id} className="after-reason-row">
          <TextField
            id={`planned-change-${change.id}-description`}
            label={t('afterApproval.obligations.changeDescription')}
            value={change.description}
            onChange={(description) => setChange(index, { description })}
          />
          <DateField
            id={`planned-change-${change.id}-on`}
            label={t('afterApproval.obligations.changeOn')}
            value={change.on}
            onChange={(on) => setChange(index, { on })}
          />
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              setChanges(
                changes.filter((_, i) => i !== index),
                true,
              )
            }
          >
            {t('afterApproval.obligations.removeChange')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => setChanges([...changes, { id: crypto.randomUUID(), description: '', on: '' }], true)}
      >
        {t('afterApproval.obligations.addChange')}
      </button>
    </AfterSection>
  );
}
