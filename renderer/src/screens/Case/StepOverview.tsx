import { useTranslation } from 'react-i18next';
import { Section } from '../../components/fields/FormSection';
import { StepFrame } from './StepFrame';
import type { StepScreenProps } from './stepProps';

export type { StepScreenProps } from './stepProps';

/**
 * A step whose screen is not built yet: it says plainly what the step will hold and that nothing is
 * stored here, and leads on to the neighbouring steps.
 */
export function StepOverview({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const points = Object.entries(t(`steps.${step}.points`, { returnObjects: true }));

  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate}>
      <Section id="step-will-hold" title={t('steps.willHold')}>
        <ul className="step__points">
          {points.map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </Section>

      <div className="callout" role="note">
        <p className="callout__heading">{t('steps.notBuiltHeading')}</p>
        <p>{t('steps.notBuilt')}</p>
      </div>
    </StepFrame>
  );
}
