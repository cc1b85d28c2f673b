import { useTranslation } from 'react-i18next';
import { Button } from '../../components/fields/Button';
import type { StepScreenProps } from './stepProps';
import { CASE_STEPS } from './steps';

/** Previous / next step buttons at the foot of a step. */
export function StepPager({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const index = CASE_STEPS.indexOf(step);
  const previous = CASE_STEPS[index - 1];
  const next = CASE_STEPS[index + 1];
  return (
    <nav className="step__pager" aria-label={t('steps.pagerLabel')}>
      {previous !== undefined && (
        <Button onClick={() => navigate({ screen: 'case', caseId, step: previous })}>
          {t('steps.previous', { step: t(`steps.${previous}.label`) })}
        </Button>
      )}
      {next !== undefined && (
        <Button
          variant="primary"
          className="step__next"
          onClick={() => navigate({ screen: 'case', caseId, step: next })}
        >
          {t('steps.next', { step: t(`steps.${next}.label`) })}
        </Button>
      )}
    </nav>
  );
}
