import type { Route } from '../../navigation/routes';
import type { StepId } from './steps';

/** What a step's screen (and its frame, pager and the workspace around it) is given. */
export interface StepScreenProps {
  caseId: string;
  step: StepId;
  navigate: (next: Route) => void;
}
