import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BADGE_PATH,
  aiDisclosureText,
  checkGoLiveNumbers,
  footerFor,
  footerSnippets,
  provinceShowsSubjectNumber,
  publicSecurityGuidance,
  type FooterLine,
} from '../../../../core/after/go-live';
import { AFTER_APPROVAL_RULES } from '../../../../core/after/rules';
import { DISPLAY_NUMBER_CHOICES, type AfterApproval, type Service } from '../../../../core/model/case';
import type { ValidationIssue } from '../../../../core/validate/types';
import { ExternalLink } from '../../components/ExternalLink';
import { DateField, InlineCheck, ListEditor, TextField } from '../../components/fields';
import { enumKey } from '../../i18n/enumKey';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { useCaseSession } from '../Case/caseSession';
import { SourceList } from './SourceList';
import { AfterSection } from './AfterSection';

function Issues({ issues }: { issues: readonly ValidationIssue[] }) {
  const lang = useUiLanguage();
  if (issues.length === 0) return null;
  return (
    <ul className="field__issues">
      {issues.map((issue) => (
        <li
          key={issue.code}
          className={`field-issue${issue.severity === 'error' ? ' field-issue--error' : ''}`}
          role="alert"
        >
          <span className="field-issue__message">{issue.message[lang]}</span>
          <span className="field-issue__fix">{issue.fix[lang]}</span>
        </li>
      ))}
    </ul>
  );
}

/** A line of the live preview, built from elements (never from the snippet's HTML). */
function Preview({ line }: { line: FooterLine }) {
  const parts: ReactNode[] = [];
  if (line.licenceNumber) parts.push(<span key="licence">{line.licenceNumber}</span>);
  if (line.icpNumber)
    parts.push(
      <ExternalLink key="icp" href={AFTER_APPROVAL_RULES.display.miitUrl}>
        {line.icpNumber}
      </ExternalLink>,
    );
  if (line.publicSecurity)
    parts.push(
      <ExternalLink key="ps" href={line.publicSecurity.url}>
        {line.publicSecurity.text}
      </ExternalLink>,
    );
  for (const permit of line.permits)
    parts.push(
      <span key={permit.number}>{permit.name ? `${permit.name}：${permit.number}` : permit.number}</span>,
    );
  return (
    <div className="after-preview" lang="zh-CN">
      <p>
        {parts.flatMap((part, i) =>
          i === 0
            ? [part]
            : [
                <span key={`sep-${i}`} aria-hidden="true">
                  {' '}
                  |{' '}
                </span>,
                part,
              ],
        )}
      </p>
      {line.aiModels.map((model, i) => (
        <p key={i} className="after-preview__ai">
          {aiDisclosureText(model, line.aiNumberLabel)}
        </p>
      ))}
    </div>
  );
}

function CopyBlock({ id, label, text }: { id: string; label: string; text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="after-snippet">
      <div className="after-snippet__head">
        <span id={`${id}-label`} className="field__label">
          {label}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => void copy()}
          data-testid={`copy-${id}`}
        >
          {t('afterApproval.goLive.copy')}
        </button>
        <span role="status" className="hint">
          {copied === 'copied'
            ? t('afterApproval.goLive.copied')
            : copied === 'failed'
              ? t('afterApproval.goLive.copyFailed')
              : ''}
        </span>
      </div>
      {/* Code and text to paste into the user's own pages, as they are: not UI text to translate. */}
      <pre
        translate="no"
        className="after-snippet__code"
        aria-labelledby={`${id}-label`}
        tabIndex={0}
        data-testid={`snippet-${id}`}
      >
        {text}
      </pre>
    </div>
  );
}

/** Which number a surface shows, its live preview and the snippets to copy. */
function FooterSnippets({
  line,
  serviceId,
  kind,
  miniProgramNote,
}: {
  line: FooterLine;
  serviceId: string;
  kind: Service['kind'];
  miniProgramNote: string;
}) {
  const { t } = useTranslation();
  const snippets = footerSnippets(line);
  return (
    <>
      <p>{t(`afterApproval.goLive.source.${line.numberSource}`)}</p>
      <Preview line={line} />
      {kind === 'website' && (
        <CopyBlock id={`html-${serviceId}`} label={t('afterApproval.goLive.html')} text={snippets.html} />
      )}
      {kind === 'mini_program' && (
        <>
          <CopyBlock id={`wxml-${serviceId}`} label={t('afterApproval.goLive.wxml')} text={snippets.wxml} />
          <p className="hint">{miniProgramNote}</p>
        </>
      )}
      <CopyBlock id={`text-${serviceId}`} label={t('afterApproval.goLive.text')} text={snippets.text} />
      {kind === 'website' && line.publicSecurity && (
        <p className="hint">{t('afterApproval.goLive.badgeHint', { path: BADGE_PATH })}</p>
      )}
    </>
  );
}

/**
 * The go-live kit: the numbers (validated as typed), which number each surface shows, footer snippets for
 * HTML, WXML and an App's About screen with copy buttons and a live preview, and the public-security
 * filing guidance with its due date.
 */
export function GoLiveKit({ today }: { today: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData, update, decision } = useCaseSession();
  const a = caseData.afterApproval;
  const findings = checkGoLiveNumbers(caseData, today);
  const issuesAt = (path: string) => findings.filter((f) => f.path === path).flatMap((f) => f.issues);
  const set = (patch: Partial<AfterApproval>) =>
    update((c) => ({ ...c, afterApproval: { ...c.afterApproval, ...patch } }));
  const setServiceNumber = (serviceId: string, number: string) =>
    update((c) => {
      const others = c.afterApproval.serviceNumbers.filter((n) => n.serviceId !== serviceId);
      return {
        ...c,
        afterApproval: { ...c.afterApproval, serviceNumbers: [...others, { serviceId, number }] },
      };
    });
  const guidance = publicSecurityGuidance(caseData, today);
  const display = AFTER_APPROVAL_RULES.display;

  const textField = (
    id: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    placeholder: string,
    issues: readonly ValidationIssue[] = [],
  ) => (
    <TextField
      key={id}
      id={id}
      testId={id}
      label={label}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      invalid={issues.some((i) => i.severity === 'error')}
      after={<Issues issues={issues} />}
    />
  );
  const dateField = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <DateField id={id} testId={id} label={label} value={value} onChange={onChange} />
  );

  const hasNumber = a.filingNumber.trim() !== '' || a.licenceNumber.trim() !== '';
  const usesAi =
    caseData.answers.generativeAi === 'own_model' || caseData.answers.generativeAi === 'uses_filed_model';
  const setModel = (index: number, patch: Partial<AfterApproval['aiModels'][number]>) =>
    set({ aiModels: a.aiModels.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  const aiRule = decision.conclusions.find((c) => c.code === 'GENAI_MODEL_DISPLAY');
  const duties = decision.conclusions.filter((c) => c.postLaunch);
  return (
    <AfterSection
      id="after-golive"
      heading={t('afterApproval.goLive.heading')}
      intro={t('afterApproval.goLive.intro')}
    >
      <div className="field-grid after-grid">
        {textField(
          'golive-filing-number',
          t('afterApproval.goLive.filingNumber'),
          a.filingNumber,
          (v) => set({ filingNumber: v }),
          '沪ICP备2026012345号',
          issuesAt('afterApproval.filingNumber'),
        )}
        {caseData.services.map((service) =>
          textField(
            `golive-service-${service.id}`,
            t('afterApproval.goLive.serviceNumber', {
              name: service.name || t(`afterApproval.goLive.kinds.${enumKey(service.kind)}`),
              kind: t(`afterApproval.goLive.kinds.${enumKey(service.kind)}`),
            }),
            a.serviceNumbers.find((n) => n.serviceId === service.id)?.number ?? '',
            (v) => setServiceNumber(service.id, v),
            service.kind === 'app'
              ? '沪ICP备2026012345号-2A'
              : service.kind === 'mini_program'
                ? '沪ICP备2026012345号-1X'
                : '沪ICP备2026012345号-1',
            issuesAt(`afterApproval.serviceNumbers.${service.id}`),
          ),
        )}
        {textField(
          'golive-licence-number',
          t('afterApproval.goLive.licenceNumber'),
          a.licenceNumber,
          (v) => set({ licenceNumber: v }),
          '沪B2-20260001',
          issuesAt('afterApproval.licenceNumber'),
        )}
        {dateField(
          'golive-licence-valid-to',
          t('afterApproval.goLive.licenceValidTo'),
          a.licenceValidTo,
          (v) => set({ licenceValidTo: v }),
        )}
        {textField(
          'golive-ps-number',
          t('afterApproval.goLive.publicSecurityNumber'),
          a.publicSecurityNumber,
          (v) => set({ publicSecurityNumber: v }),
          '沪公网安备 31011502000001号',
          issuesAt('afterApproval.publicSecurityNumber'),
        )}
      </div>

      <fieldset className="after-choice">
        <legend>{t('afterApproval.goLive.displayChoice')}</legend>
        {DISPLAY_NUMBER_CHOICES.map((choice) => (
          <InlineCheck
            key={choice}
            type="radio"
            name="display-number"
            value={choice}
            checked={a.displayNumber === choice}
            onChange={() => set({ displayNumber: choice })}
          >
            {t(`afterApproval.goLive.display.${enumKey(choice)}`, {
              rule: provinceShowsSubjectNumber(caseData)
                ? t('afterApproval.goLive.display.ruleSubject')
                : t('afterApproval.goLive.display.ruleService'),
            })}
          </InlineCheck>
        ))}
        <p className="hint">{display.numberChoiceNote[lang]}</p>
      </fieldset>

      {(usesAi || a.aiModels.length > 0) && (
        <section className="after-ai" aria-labelledby="golive-ai-heading" data-testid="golive-ai">
          <h3 id="golive-ai-heading" className="card__subheading">
            {t('afterApproval.goLive.ai.heading')}
          </h3>
          <p>{aiRule?.explanation[lang] ?? t('afterApproval.goLive.ai.intro')}</p>
          <ListEditor
            items={a.aiModels}
            className="after-ai__list"
            itemClassName="field-grid after-grid"
            addLabel={t('afterApproval.goLive.ai.add')}
            removeLabel={(i) => t('afterApproval.goLive.ai.remove', { number: i + 1 })}
            emptyText={t('afterApproval.goLive.ai.empty')}
            onAdd={() => set({ aiModels: [...a.aiModels, { name: '', number: '' }] })}
            onRemove={(index) => set({ aiModels: a.aiModels.filter((_, i) => i !== index) })}
            renderItem={(model, index, remove) => (
              <>
                {textField(
                  `golive-ai-name-${index}`,
                  t('afterApproval.goLive.ai.name'),
                  model.name,
                  (v) => setModel(index, { name: v }),
                  '通义千问',
                )}
                {textField(
                  `golive-ai-number-${index}`,
                  t(
                    caseData.answers.generativeAi === 'uses_filed_model'
                      ? 'afterApproval.goLive.ai.onlineNumber'
                      : 'afterApproval.goLive.ai.filingNumber',
                  ),
                  model.number,
                  (v) => setModel(index, { number: v }),
                  'Beijing-ExampleModel-20260101',
                )}
                {remove}
              </>
            )}
          />
          {aiRule && <SourceList sources={aiRule.sources} />}
        </section>
      )}

      {!hasNumber ? (
        <p className="callout" role="note">
          {t('afterApproval.goLive.noNumberYet')}
        </p>
      ) : (
        caseData.services.map((service) => {
          const line = footerFor(caseData, service, today);
          const name = service.name || t(`afterApproval.goLive.kinds.${enumKey(service.kind)}`);
          return (
            <section
              key={service.id}
              className="after-footer"
              aria-labelledby={`footer-${service.id}`}
              data-testid={`footer-${service.kind}`}
            >
              <h3 id={`footer-${service.id}`} className="card__subheading">
                {t('afterApproval.goLive.footerFor', { name })}
              </h3>
              {line.icpNumber === '' && line.licenceNumber === '' ? (
                // A number is typed but not a valid one yet (its field says why): no footer of empty boxes.
                <p className="hint" data-testid="footer-no-valid-number">
                  {t('afterApproval.goLive.noValidNumber')}
                </p>
              ) : (
                <FooterSnippets
                  line={line}
                  serviceId={service.id}
                  kind={service.kind}
                  miniProgramNote={display.miniProgramNote[lang]}
                />
              )}
            </section>
          );
        })
      )}
      <SourceList sources={display.sources} />

      <h3 className="card__subheading">{t('afterApproval.goLive.psHeading')}</h3>
      <p>{t('afterApproval.goLive.psIntro')}</p>
      <div className="field-grid after-grid">
        {dateField('golive-went-live', t('afterApproval.goLive.wentLiveOn'), a.wentLiveOn, (v) =>
          set({ wentLiveOn: v }),
        )}
        {dateField('golive-ps-filed', t('afterApproval.goLive.psFiledOn'), a.publicSecurityFiledOn, (v) =>
          set({ publicSecurityFiledOn: v }),
        )}
      </div>
      {guidance.done ? (
        <p className="after-timer" role="status">
          {t('afterApproval.goLive.psDone')}
        </p>
      ) : guidance.dueOn !== undefined && guidance.daysLeft !== undefined ? (
        <p
          className={`after-timer${guidance.daysLeft < 0 ? ' after-timer--overdue' : ''}`}
          role="status"
          data-testid="ps-timer"
        >
          {guidance.daysLeft < 0
            ? t('afterApproval.goLive.psOverdue', { date: guidance.dueOn, count: -guidance.daysLeft })
            : t('afterApproval.goLive.psDue', { date: guidance.dueOn, count: guidance.daysLeft })}
        </p>
      ) : (
        <p className="hint">{t('afterApproval.goLive.psNeedsDate')}</p>
      )}
      <table className="after-table">
        <caption>{t('afterApproval.goLive.psAsks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('afterApproval.goLive.psAsk')}</th>
            <th scope="col">{t('afterApproval.goLive.psFromCase')}</th>
          </tr>
        </thead>
        <tbody>
          {guidance.asks.map((ask) => (
            <tr key={ask.id}>
              <td>{ask.title[lang]}</td>
              <td>{ask.fromCase || <span className="hint">{t('afterApproval.goLive.psNotInCase')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{AFTER_APPROVAL_RULES.publicSecurity.reviewTimeNote[lang]}</p>
      <p className="hint">{AFTER_APPROVAL_RULES.publicSecurity.appsNote[lang]}</p>
      <p className="hint">{display.publicSecurityUrlNote[lang]}</p>
      <SourceList sources={AFTER_APPROVAL_RULES.publicSecurity.sources} />

      <h3 className="card__subheading" id="golive-duties-heading">
        {t('afterApproval.goLive.duties.heading')}
      </h3>
      {duties.length === 0 ? (
        <p className="hint">{t('afterApproval.goLive.duties.none')}</p>
      ) : (
        <ul className="after-duties" aria-labelledby="golive-duties-heading" data-testid="golive-duties">
          {duties.map((duty) => (
            <li key={duty.ruleId} data-duty={duty.code}>
              <p className="after-duties__title">{duty.title[lang]}</p>
              <p className="hint">{duty.explanation[lang]}</p>
              <ul>
                {(duty.obligations ?? []).map((o) => (
                  <li key={o.id}>
                    <strong>{o.title[lang]}</strong> — {o.detail[lang]}
                  </li>
                ))}
              </ul>
              <SourceList sources={duty.sources} />
            </li>
          ))}
        </ul>
      )}
    </AfterSection>
  );
}
