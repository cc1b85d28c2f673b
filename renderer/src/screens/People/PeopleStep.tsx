import { useTranslation } from 'react-i18next';
import { PersonSchema, StaffMemberSchema } from '../../../../core/model/case';
import { FieldGroup, RowList } from '../../components/fields/FieldGroup';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/StepOverview';
import { StepPager } from '../Case/StepPager';
import { CASE_STEPS } from '../Case/steps';

/** The person fields a principal shares with the legal representative (everything a Person holds). */
const PERSON_KEYS = Object.keys(PersonSchema.shape) as (keyof typeof PersonSchema.shape)[];

/**
 * The legal representative, the subject's person in charge (负责人) and, for a licence, the key staff. A
 * principal who is the legal representative is filled from the legal representative's data in one step.
 */
export function PeopleStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { caseData, update, decision } = useCaseSession();
  const same = caseData.principal.isLegalRepresentative;

  const setSame = (on: boolean) =>
    update((current) => {
      const copied = on
        ? Object.fromEntries(PERSON_KEYS.map((key) => [key, current.legalRepresentative[key]]))
        : {};
      return { ...current, principal: { ...current.principal, ...copied, isLegalRepresentative: on } };
    });

  return (
    <article className="step">
      <p className="step__eyebrow">
        {t('steps.stepOf', { number: CASE_STEPS.indexOf(step) + 1, total: CASE_STEPS.length })}
      </p>
      <ScreenHeading>{t('steps.people.title')}</ScreenHeading>
      <p className="step__summary">{t('steps.people.summary')}</p>

      <section className="card" aria-labelledby="people-legal-rep">
        <h2 id="people-legal-rep" className="card__heading">
          {t('forms.people.legalRepresentative')}
        </h2>
        <FieldGroup prefix="legalRepresentative" />
      </section>

      <section className="card" aria-labelledby="people-principal">
        <h2 id="people-principal" className="card__heading">
          {t('forms.people.principal')}
        </h2>
        <div className="field field--boolean">
          <div className="field__check">
            <input
              id="principal-same-as-legal-rep"
              type="checkbox"
              className="checkbox"
              checked={same}
              aria-describedby="principal-same-help"
              onChange={(event) => setSame(event.target.checked)}
            />
            <label htmlFor="principal-same-as-legal-rep" className="field__label">
              {t('forms.people.sameAsLegalRep')}
            </label>
          </div>
          <p id="principal-same-help" className="hint">
            {same ? t('forms.people.sameHelp') : t('forms.people.differentHelp')}
          </p>
        </div>
        {same && (
          <button type="button" className="button button--small" onClick={() => setSame(true)}>
            {t('forms.people.copyAgain')}
          </button>
        )}
        <FieldGroup prefix="principal" exclude={['isLegalRepresentative']} />
      </section>

      {decision.pathway === 'commercial_licence' && (
        <section className="card" aria-labelledby="people-staff">
          <h2 id="people-staff" className="card__heading">
            {t('forms.people.staff')}
          </h2>
          <p className="hint">{t('forms.people.staffHelp')}</p>
          <RowList
            path="licence.staff"
            newRow={() => StaffMemberSchema.parse({})}
            rowTitle={(index) => t('forms.people.staffMember', { number: index + 1 })}
            addLabel={t('forms.people.addStaff')}
            removeLabel={(index) => t('forms.people.removeStaff', { number: index + 1 })}
          />
        </section>
      )}

      <StepPager caseId={caseId} step={step} navigate={navigate} />
    </article>
  );
}
