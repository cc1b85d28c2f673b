import type { ComponentType } from 'react';
import { StepRail } from '../../components/StepRail';
import type { Route } from '../../navigation/routes';
import { StepOverview, type StepScreenProps } from './StepOverview';
import type { StepId } from './steps';

/** The screen of each step. A step gets its own screen (screens/<Step>/) as it is built. */
const STEP_SCREENS: Readonly<Record<StepId, ComponentType<StepScreenProps>>> = {
  pathway: StepOverview,
  applicant: StepOverview,
  people: StepOverview,
  services: StepOverview,
  documents: StepOverview,
  review: StepOverview,
  export: StepOverview,
  afterApproval: StepOverview,
};

export function CaseWorkspace({ step, navigate }: { step: StepId; navigate: (next: Route) => void }) {
  const Screen = STEP_SCREENS[step];
  return (
    <div className="workspace">
      <StepRail current={step} navigate={navigate} />
      <div className="workspace__content">
        <Screen key={step} step={step} navigate={navigate} />
      </div>
    </div>
  );
}
