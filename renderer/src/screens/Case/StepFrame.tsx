import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { enumKey } from '../../i18n/enumKey';
import type { Route } from '../../navigation/routes';
import { useCaseSession } from './caseSession';
import { StepPager } from './StepPager';
import { CASE_STEPS, type StepId } from './steps';

/**
 * What every step screen shares: "Step n of 8", the packet the case is preparing, the step's title and
 * summary, its content, and the previous / next buttons.
 */
export function StepFrame({
  caseId,
  step,
  navigate,
  className,
  children,
}: {
  caseId: string;
  step: StepId;
  navigate: (next: Route) => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <article className={`step${className ? ` ${className}` : ''}`}>
      <p className="step__eyebrow">
        {t('steps.stepOf', { number: CASE_STEPS.indexOf(step) + 1, total: CASE_STEPS.length })}
      </p>
      <ScreenHeading>{t(`steps.${step}.title`)}</ScreenHeading>
      <PacketLine />
      <p className="step__summary">{t(`steps.${step}.summary`)}</p>
      {children}
      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}

/** Which packet the case is preparing, from the pathway result and the services the user launches. */
export function PacketLine() {
  const { t } = useTranslation();
  const { caseData, decision } = useCaseSession();
  const surfaces = caseData.answers.surfaces.map((surface) =>
    t(`workspaceGuide.packet.surfaces.${enumKey(surface)}`),
  );
  const services = new Intl.ListFormat(t('workspaceGuide.packet.listLocale'), { type: 'conjunction' }).format(
    surfaces,
  );
  return (
    <p className="step__packet" data-pathway={decision.pathway}>
      <span className="step__packet-label">{t('workspaceGuide.packet.label')}</span>{' '}
      {t(`workspaceGuide.packet.${enumKey(decision.pathway)}`, { services })}
    </p>
  );
}
