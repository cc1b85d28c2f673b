import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  checkNewEvent,
  currentTimer,
  nextEvents,
  NUMBER_EVENTS,
  openReasons,
  packetVersions,
  REASON_EVENTS,
  recordEvent,
  setReasonResolved,
  sortedJournal,
  trackOf,
  type EventProblem,
  type Timer,
  type Track,
} from '../../../../core/after/journal';
import type { CaseStatus, ReturnReason } from '../../../../core/model/case';
import { FIELD_CATALOGUE, fieldDef } from '../../../../core/model/fields';
import { DateField, InlineCheck, SelectField, TextAreaField, TextField } from '../../components/fields';
import { enumKey } from '../../i18n/enumKey';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { focusWhenShown } from '../../navigation/focusTarget';
import type { Route } from '../../navigation/routes';
import { useCaseSession } from '../Case/caseSession';
import type { StepId } from '../Case/steps';
import { issueTargets } from '../Review/IssueList';
import { SourceList } from './SourceList';
import { AfterSection } from './AfterSection';
import { chinaDate } from '../../../../core/packet/safe-names';
import { localDay, useFormat } from '../../i18n/useFormat';
import { WordSpace } from '../../i18n/WordSpace';

interface Draft {
  status: CaseStatus | '';
  on: string;
  number: string;
  note: string;
  packet: string;
  reasons: ReturnReason[];
}

const emptyDraft = (today: string): Draft => ({
  status: '',
  on: today,
  number: '',
  note: '',
  packet: '',
  reasons: [{ path: '', text: '', resolved: false }],
});

/** Field paths a reviewer's reason can be attached to: the catalogue's, with each service's own fields. */
function useReasonFields(): { path: string; label: string }[] {
  const { caseData } = useCaseSession();
  const lang = useUiLanguage();
  const { t } = useTranslation();
  return useMemo(() => {
    const out: { path: string; label: string }[] = [];
    for (const def of FIELD_CATALOGUE.fields) {
      const step = t(`steps.${def.step}.label`);
      if (!def.path.includes('*')) out.push({ path: def.path, label: `${step} · ${def.label[lang]}` });
      else if (def.path.startsWith('services.*.') && def.path.indexOf('*', 10) === -1) {
        caseData.services.forEach((service, index) => {
          if (def.serviceKinds && !def.serviceKinds.includes(service.kind)) return;
          const path = def.path.replace('*', String(index));
          if (out.some((o) => o.path === path)) return;
          out.push({ path, label: `${step} · ${service.name || index + 1} · ${def.label[lang]}` });
        });
      }
    }
    return out;
  }, [caseData.services, lang, t]);
}

function TimerCard({ timer, track }: { timer: Timer; track: Track }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const unit = timer.wait.deadline.unit;
  const left =
    unit === 'workingDays' && timer.workingDaysLeft !== undefined
      ? timer.overdue
        ? t('afterApproval.journal.overdueWorking', { count: -timer.workingDaysLeft })
        : t('afterApproval.journal.leftWorking', { count: timer.workingDaysLeft })
      : timer.overdue
        ? t('afterApproval.journal.overdueCalendar', { count: -timer.calendarDaysLeft })
        : t('afterApproval.journal.leftCalendar', { count: timer.calendarDaysLeft });
  return (
    <div
      className={`after-timer${timer.overdue ? ' after-timer--overdue' : ''}`}
      data-testid={`timer-${track}`}
      role="status"
    >
      <p className="after-timer__title">
        {timer.wait.title[lang]}{' '}
        <span className={`badge badge--${timer.wait.confidence}`}>
          {t(`afterApproval.confidence.${timer.wait.confidence}`)}
        </span>
      </p>
      <p className="after-timer__left">{left}</p>
      <p>
        {t(`afterApproval.journal.deadline.${unit}`, {
          count: timer.wait.deadline.count,
          date: timer.deadline,
          since: timer.since.on,
        })}
      </p>
      <p className="hint">{timer.wait.detail[lang]}</p>
      {timer.coverage.map((c) =>
        c.status === 'official' ? null : (
          <p key={c.year} className="after-timer__estimate" data-testid="calendar-estimate">
            {t(`afterApproval.journal.calendar.${c.status}`, { year: String(c.year) })}
          </p>
        ),
      )}
      <SourceList sources={timer.wait.sources} />
    </div>
  );
}

function problemText(problem: EventProblem, t: TFunction, lang: 'en' | 'zh-CN'): string {
  switch (problem.code) {
    case 'numberInvalid':
      return problem.issues.map((i) => `${i.message[lang]} ${i.fix[lang]}`).join(' ');
    case 'dateBeforePrevious':
      return t('afterApproval.journal.problems.dateBeforePrevious', { previous: problem.previous ?? '' });
    default:
      return t(`afterApproval.journal.problems.${problem.code}`);
  }
}

/**
 * The status journal: the current wait with its timer, a form for the next event (reasons attached to
 * fields for a return or rejection, a validated number for an approval), and the history with every packet
 * version sent. Nothing is recorded while the form has a problem; what was typed stays.
 */
export function StatusJournal({
  caseId,
  navigate,
  today,
}: {
  caseId: string;
  navigate: (next: Route) => void;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useUiLanguage();
  const { caseData, update, decision } = useCaseSession();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(today));
  const [problems, setProblems] = useState<EventProblem[]>([]);
  const fields = useReasonFields();
  const primary = trackOf(caseData, decision.pathway);
  const tracks: Track[] = primary === 'licence' ? ['licence', 'filing'] : ['filing'];
  const versions = packetVersions(caseData);
  const open = openReasons(caseData.journal);
  const history = sortedJournal(caseData.journal).reverse();

  const choices = tracks.flatMap((track) =>
    nextEvents(caseData.journal, track).map((status) => ({ status, track })),
  );
  const chosen = choices.find((c) => c.status === draft.status);
  const needsNumber = draft.status !== '' && NUMBER_EVENTS.includes(draft.status);
  const needsReasons = draft.status !== '' && REASON_EVENTS.includes(draft.status);
  const sends = draft.status === 'submitted' || draft.status === 'licence_accepted';

  const record = () => {
    if (!chosen || draft.status === '') {
      setProblems([{ field: 'status', code: 'notAllowed' }]);
      return;
    }
    const latestPacket = versions.at(-1)?.record.manifestSha256 ?? '';
    const event = {
      status: draft.status,
      on: draft.on.trim(),
      note: draft.note,
      number: draft.number,
      reasons: draft.reasons,
      packetManifestSha256: sends ? draft.packet || latestPacket : '',
    };
    const found = checkNewEvent(caseData.journal, chosen.track, event, today);
    setProblems(found);
    if (found.length) return;
    update((c) => recordEvent(c, event, crypto.randomUUID(), new Date()), { ownUndoStep: true });
    setDraft(emptyDraft(today));
  };

  const openField = (path: string) => {
    const def = fieldDef(path);
    if (!def) return;
    navigate({ screen: 'case', caseId, step: def.step as StepId });
    focusWhenShown(issueTargets(path));
  };

  const problemFor = (field: EventProblem['field']) => problems.filter((p) => p.field === field);
  const setReason = (index: number, patch: Partial<ReturnReason>) =>
    setDraft({ ...draft, reasons: draft.reasons.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const problemNotes = (field: EventProblem['field']) =>
    problemFor(field).map((p) => (
      <span key={p.code} className="field-issue field-issue--error" role="alert">
        {problemText(p, t, lang)}
      </span>
    ));
  const fieldLabel = (path: string) =>
    fields.find((f) => f.path === path)?.label ?? t('afterApproval.journal.generalReason');

  return (
    <AfterSection
      id="after-journal"
      heading={t('afterApproval.journal.heading')}
      intro={t('afterApproval.journal.intro')}
    >
      {tracks.map((track) => {
        const timer = currentTimer(caseData.journal, track, today);
        return timer ? <TimerCard key={track} timer={timer} track={track} /> : null;
      })}

      {open.length > 0 && (
        <div className="callout callout--error" data-testid="open-reasons">
          <p className="callout__heading">{t('afterApproval.journal.openReasons', { count: open.length })}</p>
          <ul className="after-reasons">
            {open.map(({ entry, reason, index }) => (
              <li key={`${entry.id}-${index}`}>
                {t('afterApproval.journal.reasonLine', { field: fieldLabel(reason.path), text: reason.text })}{' '}
                {reason.path && fieldDef(reason.path) && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => openField(reason.path)}
                  >
                    {t('afterApproval.journal.openField')}
                  </button>
                )}
                <InlineCheck
                  checked={reason.resolved}
                  onChange={(checked) =>
                    update((c) => setReasonResolved(c, entry.id, index, checked), { ownUndoStep: true })
                  }
                >
                  {t('afterApproval.journal.resolved')}
                </InlineCheck>
              </li>
            ))}
          </ul>
          <p>{t('afterApproval.journal.reexportHint')}</p>
          <button
            type="button"
            className="button"
            onClick={() => navigate({ screen: 'case', caseId, step: 'export' })}
          >
            {t('afterApproval.journal.goExport')}
          </button>
        </div>
      )}

      {choices.length > 0 && (
        <fieldset className="after-form" data-testid="journal-form">
          <legend>{t('afterApproval.journal.recordHeading')}</legend>
          <SelectField
            id="journal-event"
            testId="journal-event"
            label={t('afterApproval.journal.event')}
            value={draft.status}
            onChange={(status) => {
              setDraft({ ...draft, status: status as CaseStatus | '' });
              setProblems([]);
            }}
            options={[
              { value: '', label: t('afterApproval.journal.chooseEvent') },
              ...choices.map((c) => ({ value: c.status, label: t(`home.statuses.${enumKey(c.status)}`) })),
            ]}
            after={problemNotes('status')}
          />
          <DateField
            id="journal-date"
            testId="journal-date"
            label={t('afterApproval.journal.on')}
            value={draft.on}
            onChange={(on) => setDraft({ ...draft, on })}
            problem={
              problemFor('on')
                .map((p) => problemText(p, t, lang))
                .join(' ') || undefined
            }
          />
          {sends && versions.length > 0 && (
            <SelectField
              id="journal-packet"
              label={t('afterApproval.journal.packetSent')}
              value={draft.packet || (versions.at(-1)?.record.manifestSha256 ?? '')}
              onChange={(packet) => setDraft({ ...draft, packet })}
              options={versions.map((v) => ({
                value: v.record.manifestSha256,
                label: t('afterApproval.journal.packetVersion', {
                  version: v.version,
                  date: chinaDate(new Date(v.record.at)),
                  folder: v.record.folderName,
                }),
              }))}
            />
          )}
          {needsNumber && (
            <TextField
              id="journal-number"
              testId="journal-number"
              label={t(
                draft.status === 'licence_granted'
                  ? 'afterApproval.journal.licenceNumber'
                  : 'afterApproval.journal.filingNumber',
              )}
              placeholder={draft.status === 'licence_granted' ? '沪B2-20260001' : '沪ICP备2026012345号'}
              value={draft.number}
              onChange={(number) => setDraft({ ...draft, number })}
              invalid={problemFor('number').length > 0}
              after={problemNotes('number')}
            />
          )}
          {needsReasons && (
            <div className="after-reason-editor" data-testid="reason-editor">
              <p className="field__label">{t('afterApproval.journal.reasons')}</p>
              {draft.reasons.map((reason, index) => (
                <div key={index} className="after-reason-row">
                  <SelectField
                    id={`reason-field-${index}`}
                    testId={`reason-field-${index}`}
                    label={t('afterApproval.journal.reasonField')}
                    value={reason.path}
                    onChange={(path) => setReason(index, { path })}
                    options={[
                      { value: '', label: t('afterApproval.journal.generalReason') },
                      ...fields.map((f) => ({ value: f.path, label: f.label })),
                    ]}
                  />
                  <TextAreaField
                    id={`reason-text-${index}`}
                    testId={`reason-text-${index}`}
                    label={t('afterApproval.journal.reasonText')}
                    value={reason.text}
                    onChange={(text) => setReason(index, { text })}
                  />
                  {draft.reasons.length > 1 && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        setDraft({ ...draft, reasons: draft.reasons.filter((_, i) => i !== index) })
                      }
                    >
                      {t('afterApproval.journal.removeReason')}
                    </button>
                  )}
                </div>
              ))}
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  setDraft({ ...draft, reasons: [...draft.reasons, { path: '', text: '', resolved: false }] })
                }
              >
                {t('afterApproval.journal.addReason')}
              </button>
              {problemFor('reasons').map((p) => (
                <p key={p.code} className="field-issue field-issue--error" role="alert">
                  {problemText(p, t, lang)}
                </p>
              ))}
            </div>
          )}
          <TextAreaField
            id="journal-note"
            label={t('afterApproval.journal.note')}
            value={draft.note}
            onChange={(note) => setDraft({ ...draft, note })}
          />
          <button
            type="button"
            className="button button--primary"
            onClick={record}
            data-testid="journal-record"
          >
            {t('afterApproval.journal.record')}
          </button>
        </fieldset>
      )}

      <h3 className="card__subheading">{t('afterApproval.journal.history')}</h3>
      <ol className="after-history" data-testid="journal-history">
        {history.map((entry) => (
          <li key={entry.id || entry.at} data-status={entry.status}>
            {/* The date is a column of the history: its gap is layout (CSS), the same in both languages. */}
            <span className="after-history__date">{fmt.date(entry.on || localDay(entry.at))}</span>
            <strong>{t(`home.statuses.${enumKey(entry.status)}`)}</strong>
            {entry.number && <span className="after-history__number"> {entry.number}</span>}
            {entry.note && <span className="hint"> — {entry.note}</span>}
            {entry.packetManifestSha256 && (
              <span className="hint">
                <WordSpace />
                {t('afterApproval.journal.sentVersion', {
                  version: (
                    versions.find((v) => v.record.manifestSha256 === entry.packetManifestSha256)?.version ??
                    '?'
                  ).toString(),
                })}
              </span>
            )}
            {entry.reasons.length > 0 && (
              <ul>
                {entry.reasons.map((r, i) => (
                  <li key={i}>
                    {t('afterApproval.journal.reasonLine', { field: fieldLabel(r.path), text: r.text })}
                    {r.resolved && <span className="hint"> ({t('afterApproval.journal.resolved')})</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h3 className="card__subheading">{t('afterApproval.journal.packets')}</h3>
      {versions.length === 0 ? (
        <p className="hint">{t('afterApproval.journal.noPackets')}</p>
      ) : (
        <ul className="after-packets" data-testid="packet-versions">
          {versions.map((v) => (
            <li key={`${v.version}-${v.record.at}`}>
              {t('afterApproval.journal.packetVersion', {
                version: v.version,
                date: chinaDate(new Date(v.record.at)),
                folder: v.record.folderName,
              })}
              {' — '}
              {v.sentOn.length
                ? t('afterApproval.journal.sentOn', { dates: v.sentOn.join(', ') })
                : t('afterApproval.journal.notSent')}
            </li>
          ))}
        </ul>
      )}
    </AfterSection>
  );
}
