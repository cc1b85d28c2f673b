import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  categoryName,
  defaultReportYear,
  dryRunAnnualReport,
  licenceFirstYear,
  withAnnualReport,
  type ReportCheck,
  type ReportField,
  enterpriseNatureSuggestion,
} from '../../../../core/after/annual-report';
import { isLicenceHolder } from '../../../../core/after/changes';
import type { AnnualFigures } from '../../../../core/model/case';
import { fieldDef } from '../../../../core/model/fields';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { focusWhenShown } from '../../navigation/focusTarget';
import type { Route } from '../../navigation/routes';
import { useCaseSession } from '../Case/caseSession';
import type { StepId } from '../Case/steps';
import { issueTargets } from '../Review/IssueList';
import { AfterSection } from './AfterSection';
import { ConfidenceBadge, CopyValue, NumberField } from './LifecycleFields';
import { SourceList } from './SourceList';
import { WordSpace } from '../../i18n/WordSpace';

/** The DOM id of a figure's input (`services.0.users` → `annual-figure-services-0-users`). */
const figureId = (figure: string) => `annual-figure-${figure.replaceAll('.', '-')}`;

/**
 * The annual report dry run: the year's figures, every form's fields with the Chinese label, the English
 * meaning and the value to type (copy button), the checks linked to the figure or case field they concern,
 * the deadlines, the commitment text pasted from the system, and the sheet saved as PDF through main.
 */
export function AnnualReport({
  caseId,
  today,
  navigate,
}: {
  caseId: string;
  today: string;
  navigate: (next: Route) => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const api = useApi();
  const call = useApiCall();
  const { caseData, update, flush } = useCaseSession();
  const [year, setYear] = useState(() => defaultReportYear(caseData, today));
  const [saved, setSaved] = useState<string | null>(null);

  if (!isLicenceHolder(caseData)) {
    return (
      <AfterSection
        id="after-annual"
        heading={t('lifecycle.annualReport.heading')}
        intro={t('lifecycle.annualReport.intro')}
      >
        <p className="hint" data-testid="annual-not-licensed">
          {t('lifecycle.annualReport.notLicensed')}
        </p>
      </AfterSection>
    );
  }

  const run = dryRunAnnualReport(caseData, year, { today });
  const f = run.figures;
  // The suggestion is typed into the Chinese system as it is; in English its meaning stands beside it.
  const nature = enterpriseNatureSuggestion(caseData);
  const naturePlaceholder = nature && (lang === 'en' ? `${nature['zh-CN']} (${nature.en})` : nature['zh-CN']);
  const firstYear = licenceFirstYear(caseData) ?? Number(today.slice(0, 4)) - 1;
  const years = new Set<number>([year, ...caseData.lifecycle.annualReports.map((r) => r.year)]);
  for (let y = firstYear; y <= Number(today.slice(0, 4)); y++) years.add(y);

  const setReport = (recipe: Parameters<typeof withAnnualReport>[2], ownUndoStep = false) =>
    update((c) => withAnnualReport(c, year, recipe), { ownUndoStep });
  const setFigures = (patch: Partial<AnnualFigures>) =>
    setReport((r) => ({ ...r, figures: { ...f, ...patch } }));
  const setService = (index: number, patch: Partial<AnnualFigures['services'][number]>) =>
    setFigures({ services: f.services.map((s, i) => (i === index ? { ...s, ...patch } : s)) });

  const goTo = (check: ReportCheck) => {
    if (check.figure) {
      const element = document.getElementById(figureId(check.figure));
      element?.scrollIntoView({ block: 'center' });
      element?.focus();
      return;
    }
    const def = check.casePath ? fieldDef(check.casePath) : undefined;
    if (!def || !check.casePath) return;
    navigate({ screen: 'case', caseId, step: def.step as StepId });
    focusWhenShown(issueTargets(check.casePath));
  };

  const saveSheet = async () => {
    setSaved(null);
    if (!(await flush())) return;
    const result = await call(api.annualReportSaveSheet({ caseId, year, today }));
    if (result?.saved) setSaved(result.fileName);
  };

  const windowDate = run.window === 'correction' ? run.deadlines[2]?.to : run.deadlines[1]?.to;
  const deadlineName = (id: string) =>
    t(`lifecycle.annualReport.deadlines.${id as 'opens' | 'due' | 'correction' | 'publication'}`);

  const text = (key: 'staffChanges' | 'networkBuildout' | 'securityRules' | 'securityMeasures', rows = 3) => (
    <TextAreaField
      id={figureId(key)}
      testId={figureId(key)}
      rows={rows}
      label={t(`lifecycle.annualReport.figures.${key}`)}
      value={f[key]}
      onChange={(value) => setFigures({ [key]: value })}
    />
  );
  const number = (
    key:
      | 'employees'
      | 'revenueCny'
      | 'costCny'
      | 'telecomRevenueCny'
      | 'complaints'
      | 'complaintResponseRatePct'
      | 'users',
    label: string,
    integer: boolean,
  ) => (
    <NumberField
      id={figureId(key)}
      testId={figureId(key)}
      label={label}
      integer={integer}
      value={f[key]}
      onChange={(value) => setFigures({ [key]: value })}
    />
  );

  return (
    <AfterSection
      id="after-annual"
      heading={t('lifecycle.annualReport.heading')}
      intro={t('lifecycle.annualReport.intro')}
    >
      <div className="field-grid after-grid">
        <SelectField
          id="annual-year"
          testId="annual-year"
          label={t('lifecycle.annualReport.year')}
          value={String(year)}
          onChange={(value) => setYear(Number(value))}
          options={[...years].sort().map((y) => ({ value: String(y), label: String(y) }))}
        />
      </div>
      <p
        className={`after-timer${run.window === 'closed' ? ' after-timer--overdue' : ''}`}
        role="status"
        data-testid="annual-window"
      >
        {t(`lifecycle.annualReport.window.${run.window}`, { date: windowDate ?? '' })}
      </p>

      <table className="after-table" data-testid="annual-deadlines">
        <caption>{t('lifecycle.annualReport.deadlines.heading')}</caption>
        <tbody>
          {run.deadlines.map((d) => (
            <tr key={d.id}>
              <th scope="row">{deadlineName(d.id)}</th>
              <td>
                {d.id === 'opens' && !d.known
                  ? t('lifecycle.annualReport.deadlines.opensUnknown', { date: d.from })
                  : d.from === d.to || d.id === 'due'
                    ? d.to
                    : `${d.from} – ${d.to}`}
              </td>
              <td>
                <ConfidenceBadge confidence={d.confidence} />
                <SourceList sources={d.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="after-form" data-testid="annual-figures">
        <legend>{t('lifecycle.annualReport.figures.heading')}</legend>
        <p className="hint">{t('lifecycle.annualReport.figures.intro')}</p>
        <div className="field-grid after-grid">
          <TextField
            id={figureId('enterpriseNature')}
            label={t('lifecycle.annualReport.figures.enterpriseNature')}
            hint={t('lifecycle.annualReport.figures.enterpriseNatureHint')}
            value={
              caseData.lifecycle.annualReports.find((r) => r.year === year)?.figures.enterpriseNature ?? ''
            }
            placeholder={naturePlaceholder}
            onChange={(value) => setFigures({ enterpriseNature: value })}
          />
          <SelectField
            id={figureId('listed')}
            label={t('lifecycle.annualReport.figures.listed')}
            value={f.listed === null ? '' : f.listed ? 'yes' : 'no'}
            onChange={(value) => setFigures({ listed: value === '' ? null : value === 'yes' })}
            options={[
              { value: '', label: t('lifecycle.annualReport.figures.listedUnknown') },
              { value: 'no', label: t('lifecycle.annualReport.figures.listedNo') },
              { value: 'yes', label: t('lifecycle.annualReport.figures.listedYes') },
            ]}
          />
          <TextField
            id={figureId('branches')}
            label={t('lifecycle.annualReport.figures.branches')}
            hint={t('lifecycle.annualReport.figures.branchesHint')}
            value={f.branches}
            onChange={(value) => setFigures({ branches: value })}
          />
          {number('employees', t('lifecycle.annualReport.figures.employees'), true)}
        </div>
        {text('staffChanges', 2)}
        {text('networkBuildout', 2)}
        <div className="field-grid after-grid">
          {number('revenueCny', t('lifecycle.annualReport.figures.revenue'), false)}
          {number('costCny', t('lifecycle.annualReport.figures.cost'), false)}
          {number('telecomRevenueCny', t('lifecycle.annualReport.figures.telecomRevenue'), false)}
          {number('complaints', t('lifecycle.annualReport.figures.complaints'), true)}
          {number('complaintResponseRatePct', t('lifecycle.annualReport.figures.responseRate'), false)}
          {number('users', t('lifecycle.annualReport.figures.users'), true)}
        </div>
        <CheckboxField
          id={figureId('discloseFinancials')}
          label={t('lifecycle.annualReport.figures.disclose')}
          checked={f.discloseFinancials}
          onChange={(checked) => setFigures({ discloseFinancials: checked })}
        />
        {text('securityRules')}
        {text('securityMeasures')}
        {f.services.map((row, index) => (
          <fieldset key={row.category} className="after-form">
            <legend>
              {t('lifecycle.annualReport.figures.service', { category: categoryName(row.category)[lang] })}
            </legend>
            <CheckboxField
              id={figureId(`services.${index}.open`)}
              label={t('lifecycle.annualReport.figures.serviceOpen')}
              checked={row.open}
              onChange={(open) => setService(index, { open })}
            />
            <div className="field-grid after-grid">
              <NumberField
                id={figureId(`services.${index}.users`)}
                testId={figureId(`services.${index}.users`)}
                label={t('lifecycle.annualReport.figures.serviceUsers')}
                integer
                value={row.users}
                onChange={(users) => setService(index, { users })}
              />
              <NumberField
                id={figureId(`services.${index}.revenueCny`)}
                testId={figureId(`services.${index}.revenueCny`)}
                label={t('lifecycle.annualReport.figures.serviceRevenue')}
                value={row.revenueCny}
                onChange={(revenueCny) => setService(index, { revenueCny })}
              />
            </div>
          </fieldset>
        ))}
      </fieldset>

      <h3 className="card__subheading">{t('lifecycle.annualReport.checks.heading')}</h3>
      <p data-testid="annual-summary">
        {t('lifecycle.annualReport.checks.summary', { count: run.errors })} ·{' '}
        {t('lifecycle.annualReport.checks.warnings', { count: run.warnings })}
      </p>
      {run.checks.length === 0 ? (
        <p className="hint">{t('lifecycle.annualReport.checks.none')}</p>
      ) : (
        <ul className="after-findings" data-testid="annual-checks">
          {run.checks.map((check, index) => (
            <li
              key={`${check.code}-${index}`}
              className={`after-finding${check.severity === 'error' ? ' after-finding--ban' : ''}`}
              data-code={check.code}
            >
              <strong>
                {t('lifecycle.annualReport.checks.label', {
                  severity: t(`lifecycle.annualReport.checks.${check.severity}`),
                  stage: t(`lifecycle.annualReport.checks.stages.${check.stage}`),
                })}
              </strong>
              <WordSpace />
              {check.message[lang]}
              <WordSpace />
              <span className="hint">{check.fix[lang]}</span>{' '}
              {(check.figure || (check.casePath && fieldDef(check.casePath))) && (
                <button type="button" className="button button--small" onClick={() => goTo(check)}>
                  {check.figure
                    ? t('lifecycle.annualReport.checks.goToFigure')
                    : t('lifecycle.annualReport.checks.goToField')}
                </button>
              )}
              <ConfidenceBadge confidence={check.confidence} />
              <SourceList sources={check.sources} />
            </li>
          ))}
        </ul>
      )}

      <h3 className="card__subheading">{t('lifecycle.annualReport.forms.heading')}</h3>
      <p className="hint">{t('lifecycle.annualReport.forms.legend')}</p>
      {run.forms.map((form) => (
        <table
          key={`${form.id}-${form.category ?? ''}`}
          className="after-table lifecycle-form"
          data-form={form.id}
        >
          <caption>
            <span lang="zh-CN">{form.title['zh-CN']}</span>
            {lang === 'en' && <span className="hint"> — {form.title.en}</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('lifecycle.annualReport.forms.label')}</th>
              <th scope="col">{t('lifecycle.annualReport.forms.meaning')}</th>
              <th scope="col">{t('lifecycle.annualReport.forms.value')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('lifecycle.annualReport.forms.copy')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {form.fields.map((field) => (
              <FieldRow
                key={field.key}
                field={field}
                failing={run.checks.some((c) => c.field === field.key && c.severity === 'error')}
              />
            ))}
          </tbody>
        </table>
      ))}
      {f.services
        .filter((s) => !s.open)
        .map((s) => (
          <p key={s.category} className="hint">
            {categoryName(s.category)[lang]}: {t('lifecycle.annualReport.forms.notOpened')}
          </p>
        ))}

      <h3 className="card__subheading">{t('lifecycle.annualReport.commitment.heading')}</h3>
      <p className="hint">{t('lifecycle.annualReport.commitment.intro')}</p>
      <TextAreaField
        id="annual-commitment"
        testId="annual-commitment"
        rows={4}
        label={t('lifecycle.annualReport.commitment.label')}
        hint={t('lifecycle.annualReport.commitment.hint')}
        value={run.commitmentText}
        onChange={(commitmentText) => setReport((r) => ({ ...r, commitmentText }))}
      />
      <DateField
        id="annual-submitted"
        testId="annual-submitted"
        label={t('lifecycle.annualReport.submittedOn')}
        value={run.submittedOn}
        onChange={(submittedOn) => setReport((r) => ({ ...r, submittedOn }))}
      />
      <p className="hint">{t('lifecycle.annualReport.submittedHint')}</p>

      <button
        type="button"
        className="button button--primary"
        onClick={() => void saveSheet()}
        data-testid="annual-save-sheet"
      >
        {t('lifecycle.annualReport.sheet.save')}
      </button>
      <p className="hint">{t('lifecycle.annualReport.sheet.hint')}</p>
      {saved && (
        <p className="after-saved" role="status" data-testid="annual-sheet-saved">
          {t('lifecycle.annualReport.sheet.saved', { file: saved })}
        </p>
      )}
    </AfterSection>
  );
}

/**
 * Notes the Chinese screen shows too: the unit of an amount or a rate, what the publish tick means, how to
 * pick the type of enterprise. The others only say in English what the Chinese value already says.
 */
const notedInChinese = (field: ReportField) =>
  field.format === 'amount' ||
  field.format === 'percent' ||
  field.id === 'disclose' ||
  field.id === 'enterpriseNature';

function FieldRow({ field, failing }: { field: ReportField; failing: boolean }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <tr data-field={field.key} className={failing ? 'lifecycle-form__row--error' : undefined}>
      {/* The system's Chinese label; the marks beside it are UI text, in the UI's language. */}
      <th scope="row">
        <span lang="zh-CN">{field.label['zh-CN']}</span>
        {field.labelFrom === 'ours' && (
          <>
            <WordSpace />
            <span className="lifecycle-mark">{t('lifecycle.annualReport.forms.descriptiveShort')}</span>
          </>
        )}
        {field.published && (
          <>
            <WordSpace />
            <span className="hint lifecycle-published">{t('lifecycle.annualReport.forms.published')}</span>
          </>
        )}
      </th>
      <td lang="en">{field.label.en}</td>
      <td>
        {field.value ? (
          <span lang="zh-CN" className="lifecycle-value" data-testid={`value-${field.key}`}>
            {field.value}
          </span>
        ) : (
          <span className="field-issue field-issue--error">{t('lifecycle.annualReport.forms.missing')}</span>
        )}
        {field.valueNote && (lang === 'en' || notedInChinese(field)) && (
          <span className="hint lifecycle-note">{field.valueNote[lang]}</span>
        )}
        {field.suggested && (
          <span className="hint lifecycle-note">{t('lifecycle.annualReport.forms.suggested')}</span>
        )}
      </td>
      <td>
        <CopyValue
          value={field.value}
          label={t('lifecycle.annualReport.forms.copyLabel', { field: field.label[lang] })}
          testId={`copy-${field.key}`}
        />
      </td>
    </tr>
  );
}
