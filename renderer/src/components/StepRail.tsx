import { useTranslation } from 'react-i18next';
import { STEPS as CHECKED_STEPS, type Step } from '../../../core/rules/data';
import { routeHref, type Route } from '../navigation/routes';
import { useCaseSession } from '../screens/Case/caseSession';
import { stepStarted } from '../screens/Case/stepStarted';
import { CASE_STEPS, type StepId } from '../screens/Case/steps';

const isCheckedStep = (step: StepId): step is Step => (CHECKED_STEPS as readonly string[]).includes(step);

/**
 * The case's steps; any step can be opened at any time (DESIGN.md §3). Each step the pre-flight covers shows
 * its completeness: done, or how many findings (required fields missing, invalid values) are left.
 */
export function StepRail({
  caseId,
  current,
  navigate,
}: {
  caseId: string;
  current: StepId;
  navigate: (next: Route) => void;
}) {
  const { t } = useTranslation();
  const { caseData, issues, visited } = useCaseSession();
  return (
    <nav className="step-rail" aria-labelledby="step-rail-heading">
      <h2 id="step-rail-heading" className="step-rail__heading">
        {t('steps.railLabel')}
      </h2>
      <ol className="step-rail__list">
        {CASE_STEPS.map((step, index) => {
          const target: Route = { screen: 'case', caseId, step };
          const open = isCheckedStep(step)
            ? issues.filter((issue) => issue.step === step && issue.severity === 'error').length
            : undefined;
          // A step the user has neither opened nor begun is "not started", not a list of empty fields to fix.
          const notStarted = open !== undefined && !visited.has(step) && !stepStarted(caseData, step);
          const state =
            open === undefined ? undefined : notStarted ? 'notStarted' : open === 0 ? 'done' : 'open';
          return (
            <li key={step}>
              <a
                href={routeHref(target)}
                className="step-rail__link"
                aria-current={step === current ? 'step' : undefined}
                data-step-state={state}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(target);
                }}
              >
                <span className="step-rail__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="step-rail__label">{t(`steps.${step}.label`)}</span>
                {state !== undefined && (
                  <span className={`step-rail__state step-rail__state--${state}`}>
                    {state === 'done'
                      ? t('workspace.stepDone')
                      : state === 'notStarted'
                        ? t('workspaceGuide.rail.notStarted')
                        : t('workspace.stepOpen', { count: open })}
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
