import { useEffect, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../core/model/case';
import { useApi } from '../../api/ApiContext';
import { useApiCall } from '../../api/notices';
import { Button } from '../../components/fields/Button';
import { ScreenHeading } from '../../components/ScreenHeading';
import { StepRail } from '../../components/StepRail';
import { AfterApprovalStep } from '../AfterApproval/AfterApprovalStep';
import { ApplicantStep } from '../Applicant/ApplicantStep';
import { DocumentsStep } from '../Documents/DocumentsStep';
import { ExportStep } from '../Export/ExportStep';
import { PathwayStep } from '../Pathway/PathwayStep';
import { PeopleStep } from '../People/PeopleStep';
import { ReviewStep } from '../Review/ReviewStep';
import { ServicesStep } from '../Services/ServicesStep';
import { CaseBar } from './CaseBar';
import { CaseSessionProvider, useCaseSession } from './caseSession';
import type { StepScreenProps } from './stepProps';
import type { StepId } from './steps';

/** The screen of each step. A step gets its own screen (screens/<Step>/) as it is built. */
const STEP_SCREENS: Readonly<Record<StepId, ComponentType<StepScreenProps>>> = {
  pathway: PathwayStep,
  applicant: ApplicantStep,
  people: PeopleStep,
  services: ServicesStep,
  documents: DocumentsStep,
  review: ReviewStep,
  export: ExportStep,
  afterApproval: AfterApprovalStep,
};

/** Records that the user has been on a step (the rail then shows its findings). */
function VisitStep({ step }: { step: StepId }) {
  const { visit } = useCaseSession();
  useEffect(() => visit(step), [visit, step]);
  return null;
}

type Loaded = { state: 'loading' } | { state: 'ready'; case: Case } | { state: 'failed' };

export function CaseWorkspace({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const call = useApiCall();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    // App keys this screen by case id, so another case mounts afresh (and starts as loading).
    let current = true;
    void call(api.caseOpen({ id: caseId })).then((opened) => {
      if (current) setLoaded(opened ? { state: 'ready', case: opened.case } : { state: 'failed' });
    });
    return () => {
      current = false;
    };
  }, [api, call, caseId]);

  // While loading there is no h1 yet: the step's own heading arrives with the case and takes focus.
  if (loaded.state === 'loading') {
    return (
      <p className="workspace workspace--empty" role="status">
        {t('workspace.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div className="workspace workspace--empty">
        <ScreenHeading>{t('workspace.openFailed')}</ScreenHeading>
        <Button onClick={() => navigate({ screen: 'home' })}>{t('workspace.backHome')}</Button>
      </div>
    );
  }

  const Screen = STEP_SCREENS[step];
  return (
    <CaseSessionProvider key={caseId} initial={loaded.case}>
      <div className="workspace">
        <VisitStep step={step} />
        <StepRail caseId={caseId} current={step} navigate={navigate} />
        <div className="workspace__content">
          <CaseBar />
          <Screen key={step} caseId={caseId} step={step} navigate={navigate} />
        </div>
      </div>
    </CaseSessionProvider>
  );
}
