import { useTranslation } from 'react-i18next';
import type { Route } from '../../navigation/routes';
import { CASE_STEPS, type StepId } from './steps';

/** Previous / next step buttons at the foot of a step. */
export function StepPager({
  caseId,
  step,
  navigate,
}: {
  caseId: string;
  step: StepId;
  navigate: (next: Route) => void;
}) {
  const { t } = useTranslation();
  const index = CASE_STEPS.indexOf(step);
  const previous = CASE_STEPS[index - 1];
  const next = CASE_STEPS[index + 1];
  return (
    <nav className="step__pager" aria-label={t('steps.pagerLabel')}>
      {previous !== undefined && (
        <button
          type="button"
          className="button"
          onClick={() => navigate({ screen: 'case', caseId, step: previous })}
        >
          {t('steps.previous', { step: t(`steps.${previous}.label`) })}
        </button>
      )}
      {next !== undefined && (
        <button
          type="button"
          className="button button--primary step__next"
          onClick={() => navigate({ screen: 'case', caseId, step: next })}
        >
          {t('steps.next', { step: t(`steps.${next}.label`) })}
        </button>
      )}
    </nav>
  );
}
