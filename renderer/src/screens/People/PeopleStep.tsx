import { useTranslation } from 'react-i18next';
import { StaffMemberSchema } from '../../../../core/model/case';
import { CheckboxField } from '../../components/fields/Field';
import { FieldGroup } from '../../components/fields/FieldGroup';
import { FormSection, ListSection, Section } from '../../components/fields/FormSection';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/StepOverview';
import { StepFrame } from '../Case/StepFrame';

/** A person's identity-document fields and contact fields: the two sections of each person's form. */
export const PERSON_SECTIONS = {
  identity: [
    'name',
    'nameLatin',
    'nationality',
    'idType',
    'idNumber',
    'idValidFrom',
    'idValidTo',
    'idLongTerm',
  ],
  contact: ['mobile', 'emergencyPhone', 'landline', 'email', 'title'],
} as const;

const pathsOf = (prefix: string, keys: readonly string[]) => keys.map((key) => `${prefix}.${key}`);

/** One person's form in two sections (identity document, contact), each with its heading and completeness. */
function PersonSections({ prefix, name }: { prefix: 'principal' | 'legalRepresentative'; name: string }) {
  const { t } = useTranslation();
  return (
    <>
      {(['identity', 'contact'] as const).map((section) => (
        <FormSection
          key={section}
          id={`people-${prefix}-${section}`}
          title={t(`workspaceGuide.people.${section}`, { person: name })}
          paths={pathsOf(prefix, PERSON_SECTIONS[section])}
        >
          <FieldGroup prefix={prefix} only={PERSON_SECTIONS[section]} shortMeaning />
        </FormSection>
      ))}
    </>
  );
}

/**
 * The subject's person in charge (负责人), the legal representative and, for a licence, the key staff. Most
 * often the person in charge is the legal representative: then there is one person with one set of fields,
 * and the case keeps the legal representative's record as an exact copy (core/model/principal.ts).
 */
export function PeopleStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { caseData, update, decision } = useCaseSession();
  const linked = caseData.principal.isLegalRepresentative;

  // Unlinking keeps the details as they are, so the legal representative starts as a copy to edit.
  const setLinked = (on: boolean) =>
    update((current) => ({ ...current, principal: { ...current.principal, isLegalRepresentative: on } }));

  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate}>
      <Section id="people-who" title={t('workspaceGuide.people.whoHeading')}>
        <CheckboxField
          id="principal-same-as-legal-rep"
          label={t('workspaceGuide.people.linked')}
          hint={linked ? t('workspaceGuide.people.linkedHelp') : t('workspaceGuide.people.separateHelp')}
          checked={linked}
          onChange={setLinked}
        />
      </Section>

      <PersonSections
        prefix="principal"
        name={linked ? t('workspaceGuide.people.bothName') : t('workspaceGuide.people.principalName')}
      />
      {!linked && (
        <PersonSections prefix="legalRepresentative" name={t('workspaceGuide.people.legalRepName')} />
      )}

      {decision.pathway === 'commercial_licence' && (
        <ListSection
          id="people-staff"
          title={t('forms.people.staff')}
          hint={t('forms.people.staffHelp')}
          path="licence.staff"
          newRow={() => StaffMemberSchema.parse({})}
          rowTitle={(index) => t('forms.people.staffMember', { number: index + 1 })}
          addLabel={t('forms.people.addStaff')}
          removeLabel={(index) => t('forms.people.removeStaff', { number: index + 1 })}
        />
      )}
    </StepFrame>
  );
}
