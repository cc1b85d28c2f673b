import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Route } from '../../navigation/routes';
import { StepPager } from './StepPager';
import { CASE_STEPS, type StepId } from './steps';

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
  const index = CASE_STEPS.indexOf(step);
  const points = Object.entries(t(`steps.${step}.points`, { returnObjects: true }));

  return (
    <article className="step">
      <p className="step__eyebrow">{t('steps.stepOf', { number: index + 1, total: CASE_STEPS.length })}</p>
      <ScreenHeading>{t(`steps.${step}.title`)}</ScreenHeading>
      <p className="step__summary">{t(`steps.${step}.summary`)}</p>

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

      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}
