import { useTranslation } from 'react-i18next';
import type { Route } from '../../navigation/routes';
import { StepFrame } from './StepFrame';
import type { StepId } from './steps';

export interface StepScreenProps {
  caseId: string;
  step: StepId;
  navigate: (next: Route) => void;
}

/**
 * A step whose screen is not built yet: it says plainly what the step will hold and that nothing is
 * stored here, and leads on to the neighbouring steps.
 */
export function StepOverview({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const points = Object.entries(t(`steps.${step}.points`, { returnObjects: true }));

  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate}>
      <section className="card" aria-labelledby="step-will-hold">
        <h2 id="step-will-hold" className="card__heading">
          {t('steps.willHold')}
        </h2>
        <ul className="step__points">
          {points.map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </section>

      <div className="callout" role="note">
        <p className="callout__heading">{t('steps.notBuiltHeading')}</p>
        <p>{t('steps.notBuilt')}</p>
      </div>
    </StepFrame>
  );
}
