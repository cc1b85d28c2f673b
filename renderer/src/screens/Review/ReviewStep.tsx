import { useTranslation } from 'react-i18next';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepFrame } from '../Case/StepFrame';
import { DocumentPreviews } from './DocumentPreviews';
import { IssueList } from './IssueList';
import '../workspace-steps.css';
import { Card } from '../../components/fields/Card';

export { useAcknowledge } from './IssueList';

/**
 * The Review step: the pre-flight ("would a reviewer reject this?") grouped by step, each finding opening
 * its field, warnings acknowledged here; then a live preview of every generated document.
 */
export function ReviewStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { issues } = useCaseSession();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning');
  const openWarnings = warnings.filter((i) => !i.acknowledged).length;

  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate} className="review-step">
      <Card id="review-preflight-heading" heading={t('reviewStep.preflightHeading')}>
        <p
          className={`preflight-summary preflight-summary--${errors > 0 ? 'errors' : openWarnings > 0 ? 'warnings' : 'clean'}`}
          role="status"
          data-testid="preflight-summary"
          data-errors={errors}
          data-open-warnings={openWarnings}
        >
          {errors === 0 && openWarnings === 0
            ? t('reviewStep.clean', { count: warnings.length })
            : t('reviewStep.summary', { errors, warnings: openWarnings })}
        </p>
        {issues.length > 0 && (
          <IssueList issues={issues} navigate={navigate} headingLevel={3} idPrefix="review" />
        )}
      </Card>

      <DocumentPreviews caseId={caseId} />
    </StepFrame>
  );
}
