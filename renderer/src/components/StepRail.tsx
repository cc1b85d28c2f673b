import { useTranslation } from 'react-i18next';
import { routeHref, type Route } from '../navigation/routes';
import { CASE_STEPS, type StepId } from '../screens/Case/steps';

/** The case's steps; any step can be opened at any time (DESIGN.md §3). */
export function StepRail({ current, navigate }: { current: StepId; navigate: (next: Route) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="step-rail" aria-labelledby="step-rail-heading">
      <h2 id="step-rail-heading" className="step-rail__heading">
        {t('steps.railLabel')}
      </h2>
      <ol className="step-rail__list">
        {CASE_STEPS.map((step, index) => {
          const target: Route = { screen: 'case', step };
          return (
            <li key={step}>
              <a
                href={routeHref(target)}
                className="step-rail__link"
                aria-current={step === current ? 'step' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(target);
                }}
              >
                <span className="step-rail__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="step-rail__label">{t(`steps.${step}.label`)}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
