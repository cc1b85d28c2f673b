import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { packetPathway } from '../../../../core/rules/licence-categories';
import { ScreenHeading } from '../../components/ScreenHeading';
import { enumKey } from '../../i18n/enumKey';
import { useCaseSession } from './caseSession';
import { StepPager } from './StepPager';
import type { StepScreenProps } from './stepProps';
import { CASE_STEPS, type StepId } from './steps';
import { WordSpace } from '../../i18n/WordSpace';

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
}: StepScreenProps & { className?: string; children: ReactNode }) {
  return (
    <article className={`step${className ? ` ${className}` : ''}`}>
      <StepHeading step={step} packetLine />
      {children}
      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}

/**
 * The top of a step: "Step n of 8", its title (the screen heading), the packet line where the step works
 * on the packet, and the step's summary.
 */
export function StepHeading({ step, packetLine = false }: { step: StepId; packetLine?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="step__eyebrow">
        {t('steps.stepOf', { number: CASE_STEPS.indexOf(step) + 1, total: CASE_STEPS.length })}
      </p>
      <ScreenHeading>{t(`steps.${step}.title`)}</ScreenHeading>
      {packetLine && <PacketLine />}
      <p className="step__summary">{t(`steps.${step}.summary`)}</p>
    </>
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
  // A disputed rule can make the conservative result "not eligible" while the packet follows the
  // alternative reading (the same packetPathway the export gate uses): say which packet that is, and that
  // it is disputed.
  const packet = packetPathway(decision);
  const alternative = packet !== undefined && packet !== decision.pathway;
  const pathway = packet ?? decision.pathway;
  return (
    <p className="step__packet" data-pathway={pathway} data-alternative={alternative || undefined}>
      <span className="step__packet-label">{t('workspaceGuide.packet.label')}</span>
      <WordSpace />
      {t(`workspaceGuide.packet.${enumKey(pathway)}`, { services })}
      {alternative && t('workspaceGuide.packet.alternative')}
    </p>
  );
}
