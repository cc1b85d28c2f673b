import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHANGE_KIND_ORDER,
  anchorOf,
  changeMaterials,
  changeProblemText,
  changeRules,
  checkChange,
  describeValues,
  filingChanges,
  licenceDeadline,
  markChange,
  recordChange,
  type ChangeDraft,
  type ChangeProblem,
  type ChangeProgress,
} from '../../../../core/after/changes';
import { changeRule } from '../../../../core/after/lifecycle-rules';
import {
  PERSON_ID_TYPES,
  PersonSchema,
  ShareholderSchema,
  type Case,
  type ChangeEvent,
  type ChangeKind,
  type PersonIdType,
} from '../../../../core/model/case';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { enumKey } from '../../i18n/enumKey';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';
import { AfterSection } from './AfterSection';
import { ConfidenceBadge, NumberField } from './LifecycleFields';
import { ChinaDateNote } from '../../components/ChinaDateNote';
import { SourceList } from './SourceList';
import { localDay } from '../../i18n/useFormat';
import { WordSpace } from '../../i18n/WordSpace';

interface ShareholderRow {
  name: string;
  country: string;
  sharePct: number | null;
  contributionCny: number | null;
}

interface Draft {
  kind: ChangeKind | '';
  date: string;
  personName: string;
  personNameLatin: string;
  personIdType: PersonIdType;
  personIdNumber: string;
  personMobile: string;
  personTitle: string;
  principalFollows: boolean;
  name: string;
  nameLatin: string;
  capital: number | null;
  shareholders: ShareholderRow[];
  serviceId: string;
  domain: string;
  note: string;
}

function emptyDraft(c: Case): Draft {
  return {
    kind: '',
    date: '',
    personName: '',
    personNameLatin: '',
    personIdType: 'resident_id',
    personIdNumber: '',
    personMobile: '',
    personTitle: '',
    principalFollows: true,
    name: '',
    nameLatin: '',
    capital: null,
    shareholders: c.subject.shareholders.map((s) => ({
      name: s.name,
      country: s.country,
      sharePct: s.sharePct,
      contributionCny: s.contributionCny,
    })),
    serviceId: c.services.find((s) => s.kind === 'website')?.id ?? '',
    domain: '',
    note: '',
  };
}

/** The form's draft as the core's change: only what the kind uses. */
function toChange(draft: Draft, kind: ChangeKind): ChangeDraft {
  const { anchor } = anchorOf(kind);
  const person = PersonSchema.parse({
    name: draft.personName.trim(),
    nameLatin: draft.personNameLatin.trim(),
    idType: draft.personIdType,
    idNumber: draft.personIdNumber.trim(),
    mobile: draft.personMobile.trim(),
    title: draft.personTitle.trim(),
  });
  return {
    kind,
    [anchor]: draft.date.trim(),
    note: draft.note,
    person,
    principalFollows: draft.principalFollows,
    name: draft.name,
    nameLatin: draft.nameLatin,
    registeredCapitalCny: draft.capital,
    shareholders: draft.shareholders.map((s) =>
      ShareholderSchema.parse({
        name: s.name.trim(),
        country: s.country.trim().toUpperCase().slice(0, 2),
        kind: /有限公司|公司|Ltd|GmbH|Inc|LLC|合伙/i.test(s.name) ? 'company' : 'individual',
        sharePct: s.sharePct,
        contributionCny: s.contributionCny,
      }),
    ),
    serviceId: draft.serviceId,
    domain: draft.domain,
  };
}

/**
 * Changes of a licence holder: record an event (it updates the case at once — the new legal representative
 * is the legal representative everywhere from then on, the old one stays in the change's history), then see
 * its licence deadline, the filing change of every filed service and the packet, build the packet through
 * main, and mark each step done.
 */
export function Changes({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData, update } = useCaseSession();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(caseData));
  const [problems, setProblems] = useState<ChangeProblem[]>([]);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const kind = draft.kind === '' ? undefined : draft.kind;
  const anchor = kind ? anchorOf(kind).anchor : 'registeredOn';
  const problemFor = (field: ChangeProblem['field']) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => changeProblemText(p)[lang])
      .join(' ');
  const notes = (field: ChangeProblem['field']) => {
    const text = problemFor(field);
    return text ? (
      <span className="field-issue field-issue--error" role="alert">
        {text}
      </span>
    ) : undefined;
  };

  const record = () => {
    if (!kind) return;
    const change = toChange(draft, kind);
    const found = checkChange(caseData, change, today);
    setProblems(found);
    if (found.length) return;
    update((c) => recordChange(c, change, crypto.randomUUID(), new Date()), { ownUndoStep: true });
    setDraft(emptyDraft(caseData));
  };

  const events = [...caseData.lifecycle.changes].reverse();
  const websites = caseData.services.filter((s) => s.kind === 'website');

  return (
    <AfterSection
      id="after-changes"
      heading={t('lifecycle.changes.heading')}
      intro={t('lifecycle.changes.intro')}
    >
      <fieldset className="after-form" data-testid="change-form">
        <legend>{t('lifecycle.changes.record.heading')}</legend>
        <SelectField
          id="change-kind"
          testId="change-kind"
          label={t('lifecycle.changes.record.kind')}
          value={draft.kind}
          onChange={(value) => {
            set({ kind: value as ChangeKind | '' });
            setProblems([]);
          }}
          options={[
            { value: '', label: t('lifecycle.changes.record.chooseKind') },
            ...CHANGE_KIND_ORDER.map((k) => ({ value: k, label: changeRule(k).title[lang] })),
          ]}
        />
        {kind && (
          <>
            <p className="hint">{changeRule(kind).rule[lang]}</p>
            <DateField
              id="change-date"
              testId="change-date"
              label={t(`lifecycle.changes.record.${anchor}`)}
              value={draft.date}
              onChange={(date) => set({ date })}
              problem={problemFor('date') || undefined}
            />
            {(kind === 'legal_representative' || kind === 'filing_subject') && (
              <div className="field-grid after-grid">
                <TextField
                  id="change-person-name"
                  testId="change-person-name"
                  label={t('lifecycle.changes.record.personName')}
                  value={draft.personName}
                  onChange={(personName) => set({ personName })}
                  invalid={problemFor('person') !== ''}
                  after={notes('person')}
                />
                <TextField
                  id="change-person-name-latin"
                  testId="change-person-name-latin"
                  label={t('lifecycle.changes.record.personNameLatin')}
                  value={draft.personNameLatin}
                  onChange={(personNameLatin) => set({ personNameLatin })}
                />
                <SelectField
                  id="change-person-id-type"
                  testId="change-person-id-type"
                  label={t('lifecycle.changes.record.personIdType')}
                  value={draft.personIdType}
                  onChange={(value) => set({ personIdType: value as PersonIdType })}
                  options={PERSON_ID_TYPES.map((type) => ({
                    value: type,
                    label: t(`fieldOptions.idType.${enumKey(type)}`),
                  }))}
                />
                <TextField
                  id="change-person-id"
                  testId="change-person-id"
                  label={t('lifecycle.changes.record.personIdNumber')}
                  value={draft.personIdNumber}
                  onChange={(personIdNumber) => set({ personIdNumber })}
                />
                <TextField
                  id="change-person-mobile"
                  testId="change-person-mobile"
                  label={t('lifecycle.changes.record.personMobile')}
                  value={draft.personMobile}
                  onChange={(personMobile) => set({ personMobile })}
                />
                <TextField
                  id="change-person-title"
                  testId="change-person-title"
                  label={t('lifecycle.changes.record.personTitle')}
                  value={draft.personTitle}
                  onChange={(personTitle) => set({ personTitle })}
                />
              </div>
            )}
            {kind === 'legal_representative' && (
              <CheckboxField
                id="change-principal-follows"
                label={t('lifecycle.changes.record.principalFollows')}
                checked={draft.principalFollows}
                onChange={(principalFollows) => set({ principalFollows })}
              />
            )}
            {kind === 'name' && (
              <div className="field-grid after-grid">
                <TextField
                  id="change-name"
                  testId="change-name"
                  label={t('lifecycle.changes.record.name')}
                  value={draft.name}
                  onChange={(name) => set({ name })}
                  invalid={problemFor('name') !== ''}
                  after={notes('name')}
                />
                <TextField
                  id="change-name-latin"
                  label={t('lifecycle.changes.record.nameLatin')}
                  value={draft.nameLatin}
                  onChange={(nameLatin) => set({ nameLatin })}
                />
              </div>
            )}
            {kind === 'registered_capital' && (
              <>
                <NumberField
                  id="change-capital"
                  testId="change-capital"
                  label={t('lifecycle.changes.record.capital')}
                  value={draft.capital}
                  onChange={(capital) => set({ capital })}
                />
                {notes('capital')}
              </>
            )}
            {(kind === 'shareholders' || kind === 'registered_capital') && (
              <div className="after-reason-editor">
                <p className="field__label">{t('lifecycle.changes.record.shareholdersHeading')}</p>
                {draft.shareholders.map((row, index) => {
                  const setRow = (patch: Partial<ShareholderRow>) =>
                    set({
                      shareholders: draft.shareholders.map((r, i) => (i === index ? { ...r, ...patch } : r)),
                    });
                  return (
                    <div key={index} className="after-reason-row">
                      <TextField
                        id={`change-shareholder-${index}-name`}
                        label={t('lifecycle.changes.record.shareholderName')}
                        value={row.name}
                        onChange={(name) => setRow({ name })}
                      />
                      <TextField
                        id={`change-shareholder-${index}-country`}
                        label={t('lifecycle.changes.record.shareholderCountry')}
                        value={row.country}
                        onChange={(country) => setRow({ country })}
                      />
                      <NumberField
                        id={`change-shareholder-${index}-share`}
                        label={t('lifecycle.changes.record.shareholderShare')}
                        value={row.sharePct}
                        onChange={(sharePct) => setRow({ sharePct })}
                      />
                      <NumberField
                        id={`change-shareholder-${index}-contribution`}
                        label={t('lifecycle.changes.record.shareholderContribution')}
                        value={row.contributionCny}
                        onChange={(contributionCny) => setRow({ contributionCny })}
                      />
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() =>
                          set({ shareholders: draft.shareholders.filter((_, i) => i !== index) })
                        }
                      >
                        {t('lifecycle.changes.record.removeShareholder')}
                      </button>
                    </div>
                  );
                })}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    set({
                      shareholders: [
                        ...draft.shareholders,
                        { name: '', country: '', sharePct: null, contributionCny: null },
                      ],
                    })
                  }
                >
                  {t('lifecycle.changes.record.addShareholder')}
                </button>
                {notes('shareholders')}
              </div>
            )}
            {kind === 'licence_domain' && (
              <div className="field-grid after-grid">
                <SelectField
                  id="change-website"
                  label={t('lifecycle.changes.record.website')}
                  value={draft.serviceId}
                  onChange={(serviceId) => set({ serviceId })}
                  options={websites.map((s) => ({ value: s.id, label: s.name || s.domains[0] || s.id }))}
                  after={notes('service')}
                />
                <TextField
                  id="change-domain"
                  testId="change-domain"
                  label={t('lifecycle.changes.record.domain')}
                  value={draft.domain}
                  onChange={(domain) => set({ domain })}
                  invalid={problemFor('domain') !== ''}
                  after={notes('domain')}
                />
              </div>
            )}
            <TextAreaField
              id="change-note"
              label={t('lifecycle.changes.record.note')}
              value={draft.note}
              onChange={(note) => set({ note })}
            />
            <button
              type="button"
              className="button button--primary"
              onClick={record}
              data-testid="change-record"
            >
              {t('lifecycle.changes.record.submit')}
            </button>
          </>
        )}
      </fieldset>

      <h3 className="card__subheading">{t('lifecycle.changes.list.heading')}</h3>
      {events.length === 0 ? (
        <p className="hint">{t('lifecycle.changes.list.none')}</p>
      ) : (
        <ol className="after-history lifecycle-changes" data-testid="change-list">
          {events.map((event) => (
            <ChangeItem key={event.id} caseId={caseId} event={event} today={today} />
          ))}
        </ol>
      )}
    </AfterSection>
  );
}

function ChangeItem({ caseId, event, today }: { caseId: string; event: ChangeEvent; today: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const api = useApi();
  const call = useApiCall();
  const { caseData, update, flush } = useCaseSession();
  const [built, setBuilt] = useState<{ folder: string; count: number } | null>(null);
  const rule = changeRules().find((r) => r.kind === event.kind)!;
  const values = describeValues(caseData, event);
  const licence = licenceDeadline(caseData, event, today);
  const filings = filingChanges(caseData, event, today);
  const materials = changeMaterials(caseData, event);
  const mark = (progress: ChangeProgress) => update((c) => markChange(c, event.id, progress));

  const build = async () => {
    setBuilt(null);
    if (!(await flush())) return;
    const result = await call(api.changeBuild({ caseId, changeId: event.id, today }));
    if (result?.built) setBuilt({ folder: result.folderPath, count: result.fileCount });
  };

  return (
    <li data-testid={`change-${event.id}`} data-kind={event.kind}>
      <p>
        <strong>{rule.title[lang]}</strong>
        <WordSpace />
        <span className="hint">
          {t('lifecycle.changes.event.recordedOn', { date: localDay(event.recordedAt) })}
        </span>
      </p>
      <p>
        <span lang={lang}>
          {t('lifecycle.changes.event.beforeValue', { value: values.before[lang] || '—' })}
        </span>{' '}
        → {t('lifecycle.changes.event.afterLabel')}
        <WordSpace />
        <strong data-testid="change-after">{values.after[lang] || '—'}</strong>
      </p>

      {licence ? (
        <div
          className={`after-timer${licence.overdue ? ' after-timer--overdue' : ''}`}
          role="status"
          data-testid="change-deadline"
          data-date={licence.date}
        >
          <p className="after-timer__title">
            {licence.date
              ? t('lifecycle.changes.event.licenceBy', { date: licence.date })
              : t('lifecycle.changes.event.licenceUndated')}{' '}
            <ConfidenceBadge confidence={licence.confidence} />
          </p>
          {licence.daysLeft !== null && !licence.done && (
            <p className="after-timer__left">
              {licence.daysLeft >= 0
                ? t('lifecycle.changes.event.daysLeft', { count: licence.daysLeft })
                : t('lifecycle.changes.event.overdue', { count: -licence.daysLeft })}
            </p>
          )}
          <p>{licence.rule[lang]}</p>
          <p className="hint">{t('lifecycle.changes.event.calendarDays')}</p>
          {licence.approvalBeforeImplementing && <p>{t('lifecycle.changes.event.approvalFirst')}</p>}
          <SourceList sources={licence.sources} />
          <div className="field-grid after-grid">
            <DateField
              id={`change-${event.id}-licence-filed`}
              label={t('lifecycle.changes.event.markLicenceFiled')}
              value={event.licenceChangeFiledOn}
              onChange={(on) => mark({ step: 'licenceFiled', on })}
            />
            {licence.approvalBeforeImplementing && (
              <DateField
                id={`change-${event.id}-approved`}
                label={t('lifecycle.changes.event.approved')}
                value={event.approvedOn}
                onChange={(on) => mark({ step: 'approved', on })}
              />
            )}
          </div>
        </div>
      ) : (
        rule.licenceItem && <p className="hint">{t('lifecycle.changes.event.noLicence')}</p>
      )}

      <h4>{t('lifecycle.changes.event.filingHeading')}</h4>
      {filings.length === 0 ? (
        <p className="hint">{t('lifecycle.changes.event.filingNone')}</p>
      ) : (
        <ul className="after-flags" data-testid="change-filings">
          {filings.map((f) => (
            <li key={f.serviceId}>
              <strong>{f.serviceName}</strong> {f.number} ·{' '}
              {t('lifecycle.changes.event.filingVia', { via: f.via[lang] })}
              <ul>
                {f.fields.map((field) => (
                  <li key={field.label.en}>
                    {t('lifecycle.changes.event.filingField', {
                      field:
                        lang === 'en' ? `${field.label['zh-CN']} (${field.label.en})` : field.label['zh-CN'],
                      before: field.before[lang] || '—',
                      after: field.after[lang] || '—',
                    })}
                  </li>
                ))}
              </ul>
              {f.deadline.date && <p>{t('lifecycle.changes.event.filingBy', { date: f.deadline.date })}</p>}
              {f.overdue && (
                <p className="field-issue field-issue--error">{t('lifecycle.changes.event.filingOverdue')}</p>
              )}
              {f.note && <p className="hint">{f.note[lang]}</p>}
              <DateField
                id={`change-${event.id}-filing-${f.serviceId}`}
                label={t('lifecycle.changes.event.filingFiled')}
                value={f.filedOn}
                onChange={(on) => mark({ step: 'filingChanged', serviceId: f.serviceId, on })}
              />
            </li>
          ))}
        </ul>
      )}

      <h4>{t('lifecycle.changes.event.materials')}</h4>
      <ul className="after-flags" data-testid="change-materials">
        {materials.map((m) => (
          <li key={m.id}>
            <span className="hint">
              {m.template ? t('lifecycle.changes.event.written') : t('lifecycle.changes.event.toPrepare')}
            </span>
            <WordSpace />
            <span lang="zh-CN">{m.label['zh-CN']}</span>
            {lang === 'en' && <span className="hint"> — {m.label.en}</span>}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void build()}
        data-testid="change-build"
      >
        {t('lifecycle.changes.event.build')}
      </button>
      <ChinaDateNote testId="change-china-date" />
      {built && (
        <p className="after-saved" role="status" data-testid="change-built">
          {t('lifecycle.changes.event.built', { folder: built.folder, count: built.count })}
        </p>
      )}
    </li>
  );
}
