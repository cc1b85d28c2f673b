import { useTranslation } from 'react-i18next';
import { revealElement } from '../../navigation/focusTarget';
import { todayIso } from '../../../../core/validate/common';
import { PiInventory } from '../../components/PiInventory';
import type { StepScreenProps } from '../Case/stepProps';
import { StepHeading } from '../Case/StepFrame';
import { StepPager } from '../Case/StepPager';
import { AdChecker } from './AdChecker';
import { AnnualReport } from './AnnualReport';
import { Changes } from './Changes';
import { Renewal } from './Renewal';
import { AfterSection } from './AfterSection';
import { GoLiveKit } from './GoLiveKit';
import { Obligations } from './Obligations';
import { StatusJournal } from './StatusJournal';
import '../workspace-steps.css';
import './after-approval.css';

const SECTIONS = [
  ['after-journal', 'afterApproval.journal.heading'],
  ['after-golive', 'afterApproval.goLive.heading'],
  ['after-obligations', 'afterApproval.obligations.heading'],
  ['after-annual', 'lifecycle.sections.annualReport'],
  ['after-renewal', 'lifecycle.sections.renewal'],
  ['after-changes', 'lifecycle.sections.changes'],
  ['after-adcheck', 'afterApproval.adCheck.heading'],
  ['after-inventory', 'afterApproval.inventory.heading'],
] as const;

/**
 * The After approval step (DESIGN.md §2.6): the status journal with live timers, the go-live kit once a
 * number exists, the obligations timeline with its .ics export, a licence holder's annual report dry run,
 * renewal and changes, the Advertising Law checker and the PIPL personal-information inventory. Everything edits the case through the session (autosave, undo).
 */
export function AfterApprovalStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const today = todayIso();
  return (
    <article className="step after-step">
      <StepHeading step={step} />
      {/* Routes live in the URL fragment, so the section links scroll instead of changing the hash. */}
      <nav className="after-step__sections" aria-label={t('afterApproval.sectionsLabel')}>
        {SECTIONS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            className="button button--small"
            onClick={() => {
              const target = document.getElementById(id);
              if (target) revealElement(target, 'start');
            }}
          >
            {t(key)}
          </button>
        ))}
      </nav>
      <StatusJournal caseId={caseId} navigate={navigate} today={today} />
      <GoLiveKit today={today} />
      <Obligations caseId={caseId} today={today} />
      <AnnualReport caseId={caseId} today={today} navigate={navigate} />
      <Renewal caseId={caseId} today={today} />
      <Changes caseId={caseId} today={today} />
      <AdChecker />
      <AfterSection
        id="after-inventory"
        heading={t('afterApproval.inventory.heading')}
        intro={t('afterApproval.inventory.intro')}
      >
        <PiInventory />
        <p className="hint">{t('afterApproval.inventory.packetHint')}</p>
      </AfterSection>
      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}
