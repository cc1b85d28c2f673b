import { useTranslation } from 'react-i18next';
import { FormerNameSchema, ShareholderSchema } from '../../../../core/model/case';
import { FieldGroup, RowList } from '../../components/fields/FieldGroup';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/StepOverview';
import { StepPager } from '../Case/StepPager';
import { CASE_STEPS } from '../Case/steps';

/** The applicant (subject): certificate, address, shareholders, former names; licence business data when needed. */
export function ApplicantStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { decision } = useCaseSession();
  return (
    <article className="step">
      <p className="step__eyebrow">
        {t('steps.stepOf', { number: CASE_STEPS.indexOf(step) + 1, total: CASE_STEPS.length })}
      </p>
      <ScreenHeading>{t('steps.applicant.title')}</ScreenHeading>
      <p className="step__summary">{t('steps.applicant.summary')}</p>

      <section className="card" aria-labelledby="applicant-subject">
        <h2 id="applicant-subject" className="card__heading">
          {t('forms.applicant.subject')}
        </h2>
        <FieldGroup prefix="subject" />
      </section>

      <section className="card" aria-labelledby="applicant-shareholders">
        <h2 id="applicant-shareholders" className="card__heading">
          {t('forms.applicant.shareholders')}
        </h2>
        <RowList
          path="subject.shareholders"
          newRow={() => ShareholderSchema.parse({})}
          rowTitle={(index) => t('forms.applicant.shareholder', { number: index + 1 })}
          addLabel={t('forms.applicant.addShareholder')}
          removeLabel={(index) => t('forms.applicant.removeShareholder', { number: index + 1 })}
        />
      </section>

      <section className="card" aria-labelledby="applicant-former-names">
        <h2 id="applicant-former-names" className="card__heading">
          {t('forms.applicant.formerNames')}
        </h2>
        <p className="hint">{t('forms.applicant.formerNamesHelp')}</p>
        <RowList
          path="subject.formerNames"
          newRow={() => FormerNameSchema.parse({})}
          rowTitle={(index) => t('forms.applicant.formerName', { number: index + 1 })}
          addLabel={t('forms.applicant.addFormerName')}
          removeLabel={(index) => t('forms.applicant.removeFormerName', { number: index + 1 })}
        />
      </section>

      {decision.pathway === 'commercial_licence' && (
        <section className="card" aria-labelledby="applicant-licence">
          <h2 id="applicant-licence" className="card__heading">
            {t('forms.applicant.licence')}
          </h2>
          <p className="hint">{t('forms.applicant.licenceHelp')}</p>
          <FieldGroup prefix="licence" exclude={['categories', 'coverage']} />
        </section>
      )}

      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}
