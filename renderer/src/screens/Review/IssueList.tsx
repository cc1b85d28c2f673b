import { useTranslation } from 'react-i18next';
import type { PreflightIssue } from '../../../../core/rules/preflight';
import { fieldDomId } from '../../components/fields/CatalogueField';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { focusWhenShown } from '../../navigation/focusTarget';
import type { Route } from '../../navigation/routes';
import { checklistItemDomId } from '../Documents/ChecklistItemCard';
import { CASE_STEPS, type StepId } from '../Case/steps';
import { useCaseSession } from '../Case/caseSession';
import { WordSpace } from '../../i18n/WordSpace';

/**
 * The elements an issue can open, best first: the field itself, else its nearest listed parent
 * (`services.0.domains.1` → `services.0.domains` → `services.0`), or the checklist item of a document.
 */
export function issueTargets(path: string): string[] {
  if (path.startsWith('attachments:')) return [checklistItemDomId(path.slice('attachments:'.length))];
  const parts = path.split('.');
  return parts.map((_, index) => fieldDomId(parts.slice(0, parts.length - index).join('.')));
}

/**
 * Pre-flight findings grouped by the step that fixes them, each with its message and fix in the UI language,
 * a button that opens the field, and — for warnings — an "acknowledged" check stored in the case.
 */
/** Stores or clears a warning's acknowledgement (case.acknowledged holds the keys). */
export function useAcknowledge(): (key: string, acknowledged: boolean) => void {
  const { update } = useCaseSession();
  return (key, acknowledged) =>
    update((current) => ({
      ...current,
      acknowledged: acknowledged
        ? [...new Set([...current.acknowledged, key])]
        : current.acknowledged.filter((k) => k !== key),
    }));
}

export function IssueList({
  caseId: givenCaseId,
  issues,
  navigate,
  onAcknowledge: givenAcknowledge,
  headingLevel = 2,
  idPrefix,
}: {
  /** The open case's, when not given. */
  caseId?: string;
  issues: readonly PreflightIssue[];
  navigate: (next: Route) => void;
  /** Stores the acknowledgement in the open case, when not given. */
  onAcknowledge?: (key: string, acknowledged: boolean) => void;
  headingLevel?: 2 | 3;
  /** Keeps element ids unique when two lists share a page. */
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { caseData } = useCaseSession();
  const acknowledge = useAcknowledge();
  const caseId = givenCaseId ?? caseData.id;
  const onAcknowledge = givenAcknowledge ?? acknowledge;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const steps = CASE_STEPS.filter((step) => issues.some((issue) => issue.step === step));

  const open = (step: string, path: string) => {
    navigate({ screen: 'case', caseId, step: step as StepId });
    focusWhenShown(issueTargets(path));
  };

  return (
    <div className="issue-groups">
      {steps.map((step) => {
        const inStep = issues
          .filter((issue) => issue.step === step)
          .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
        const headingId = `${idPrefix}-${step}`;
        return (
          <section key={step} className="issue-group" aria-labelledby={headingId} data-step={step}>
            <Heading id={headingId} className="issue-group__heading">
              {t(`steps.${step}.label`)}
              <span className="issue-group__count">
                {t('reviewStep.groupCount', {
                  errors: inStep.filter((i) => i.severity === 'error').length,
                  warnings: inStep.filter((i) => i.severity === 'warning').length,
                })}
              </span>
            </Heading>
            <ul className="issue-list">
              {inStep.map((issue) => {
                const ackId = `${idPrefix}-ack-${issue.key}`;
                return (
                  <li
                    key={issue.key}
                    className={`issue issue--${issue.severity}${issue.acknowledged ? ' issue--acknowledged' : ''}`}
                    data-issue-key={issue.key}
                    data-code={issue.code}
                  >
                    <p className="issue__head">
                      <span className={`severity-badge severity-badge--${issue.severity}`}>
                        {t(`reviewStep.severity.${issue.severity === 'error' ? 'error' : 'warning'}`)}
                      </span>
                      <span className="issue__message">{issue.message[lang]}</span>
                    </p>
                    {issue.confidence === 'unclear' && (
                      <p className="issue__unclear" data-testid="issue-unclear">
                        {t('reviewStep.unclear')}
                      </p>
                    )}
                    <p className="issue__fix">
                      <span className="issue__fix-label">{t('reviewStep.fix')}</span>
                      <WordSpace />
                      {issue.fix[lang]}
                    </p>
                    <div className="issue__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => open(issue.step, issue.path)}
                        data-testid="open-issue"
                      >
                        {issue.path.startsWith('attachments:')
                          ? t('reviewStep.openDocument')
                          : t('reviewStep.openField', { step: t(`steps.${step}.label`) })}
                      </button>
                      {/* The other places a contradiction names, each opened in its own step. */}
                      {(issue.related ?? []).map((other) => (
                        <button
                          key={other.path}
                          type="button"
                          className="button button--small button--quiet"
                          onClick={() => open(other.step, other.path)}
                          data-testid="open-related"
                          data-path={other.path}
                        >
                          {t('reviewStep.openRelated', {
                            field: other.label[lang],
                            step: t(`steps.${other.step as StepId}.label`),
                          })}
                        </button>
                      ))}
                      {issue.severity === 'warning' && (
                        <span className="issue__ack">
                          <input
                            id={ackId}
                            type="checkbox"
                            checked={issue.acknowledged}
                            onChange={(event) => onAcknowledge(issue.key, event.target.checked)}
                          />
                          <label htmlFor={ackId}>{t('reviewStep.acknowledge')}</label>
                        </span>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
