import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Route } from '../../navigation/routes';
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
  const previous = CASE_STEPS[index - 1];
  const next = CASE_STEPS[index + 1];
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
    </article>
  );
}
