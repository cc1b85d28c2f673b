import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { printedName } from '../../../../core/documents/names';
import { StaffMemberSchema, type Case, type Person } from '../../../../core/model/case';
import { linkKeeping, linkingDropsDetails } from '../../../../core/model/principal';
import { DialogForm } from '../../components/fields/Button';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { CheckboxField, RadioGroupField } from '../../components/fields/Field';
import { FieldGroup } from '../../components/fields/FieldGroup';
import { FormSection, ListSection, Section } from '../../components/fields/FormSection';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
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

  const [choosing, setChoosing] = useState(false);

  // Unlinking keeps the details as they are, so the legal representative starts as a copy to edit. Linking
  // two people whose details differ would drop one set: the user chooses which to keep.
  const setLinked = (on: boolean) => {
    if (on && linkingDropsDetails(caseData)) {
      setChoosing(true);
      return;
    }
    update((current) => ({ ...current, principal: { ...current.principal, isLegalRepresentative: on } }));
  };

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
        {choosing && (
          <KeepDetailsDialog
            caseData={caseData}
            onChoose={(keep) => {
              setChoosing(false);
              update((current) => linkKeeping(current, keep));
            }}
            onCancel={() => setChoosing(false)}
          />
        )}
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

/**
 * Asked when "the person in charge is also the legal representative" is ticked while the two records hold
 * different details: one set is kept for the one person, and the user says which — nothing is dropped unseen.
 */
function KeepDetailsDialog({
  caseData,
  onChoose,
  onCancel,
}: {
  caseData: Case;
  onChoose: (keep: 'principal' | 'legalRepresentative') => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [keep, setKeep] = useState<'principal' | 'legalRepresentative'>('principal');
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  const describe = (person: Person) =>
    [printedName(person, lang === 'zh-CN' ? 'zh' : 'en'), person.idNumber]
      .filter((part) => part.trim() !== '')
      .join(' · ') || t('workspaceGuide.people.keep.noName');
  return (
    <DialogForm
      id="people-keep-heading"
      title={t('workspaceGuide.people.keep.title')}
      submitLabel={t('workspaceGuide.people.keep.confirm')}
      cancelLabel={t('workspaceGuide.people.keep.cancel')}
      onSubmit={() => onChoose(keep)}
      onCancel={onCancel}
    >
      <p className="hint">{t('workspaceGuide.people.keep.intro')}</p>
      <div ref={first}>
        <RadioGroupField
          name="people-keep"
          legend={t('workspaceGuide.people.keep.legend')}
          value={keep}
          onChange={setKeep}
          options={[
            {
              value: 'principal',
              label: t('workspaceGuide.people.keep.principal', { person: describe(caseData.principal) }),
            },
            {
              value: 'legalRepresentative',
              label: t('workspaceGuide.people.keep.legalRepresentative', {
                person: describe(caseData.legalRepresentative),
              }),
            },
          ]}
        />
      </div>
    </DialogForm>
  );
}
