import { useTranslation } from 'react-i18next';
import {
  FormerNameSchema,
  OwnerSchema,
  ShareholderSchema,
  type Shareholder,
} from '../../../../core/model/case';
import { packetPathway } from '../../../../core/rules/licence-categories';
import { catalogueChildren, FieldGroup, RowList } from '../../components/fields/FieldGroup';
import { FormSection, ListSection } from '../../components/fields/FormSection';
import { useCaseSession } from '../Case/caseSession';
import type { StepScreenProps } from '../Case/stepProps';
import { StepFrame } from '../Case/StepFrame';
import { LicenceCategories } from './LicenceCategories';

/** The subject's fields in three sections: the certificate, where the subject is, and the company. */
const SUBJECT_SECTIONS = [
  {
    id: 'certificate',
    keys: [
      'name',
      'nameLatin',
      'certificateType',
      'certificateNumber',
      'establishedOn',
      'certificateValidTo',
      'certificateLongTerm',
    ],
  },
  {
    id: 'address',
    keys: ['certificateAddress', 'province', 'city', 'district', 'mailingAddress', 'postalCode', 'phone'],
  },
  {
    id: 'company',
    keys: ['investor', 'registeredCapitalCny', 'employeeCount', 'businessScope', 'filingNumber', 'remarks'],
  },
  { id: 'privacy', keys: ['privacyContactName', 'privacyContactEmail'] },
] as const;

const LICENCE_PATHS = ['answers.licenceCategory', ...catalogueChildren('licence').map((def) => def.path)];

/** The applicant (subject): certificate, address, shareholders, former names; licence business data when needed. */
export function ApplicantStep({ caseId, step, navigate }: StepScreenProps) {
  const { t } = useTranslation();
  const { decision } = useCaseSession();
  return (
    <StepFrame caseId={caseId} step={step} navigate={navigate}>
      {SUBJECT_SECTIONS.map((section) => (
        <FormSection
          key={section.id}
          id={`applicant-${section.id}`}
          title={t(`workspaceGuide.applicant.${section.id}`)}
          paths={section.keys.map((key) => `subject.${key}`)}
        >
          <FieldGroup prefix="subject" only={section.keys} />
        </FormSection>
      ))}

      <ListSection
        id="applicant-shareholders"
        title={t('forms.applicant.shareholders')}
        path="subject.shareholders"
        newRow={() => ShareholderSchema.parse({})}
        rowTitle={(index) => t('forms.applicant.shareholder', { number: index + 1 })}
        addLabel={t('forms.applicant.addShareholder')}
        removeLabel={(index) => t('forms.applicant.removeShareholder', { number: index + 1 })}
        nested={(index, row) =>
          (row as Shareholder).kind === 'company' && (
            <div className="row-list__nested">
              <h3 className="card__subheading">{t('forms.applicant.owners')}</h3>
              <p className="hint">{t('forms.applicant.ownersHelp')}</p>
              <RowList
                path={`subject.shareholders.${index}.owners`}
                newRow={() => OwnerSchema.parse({})}
                rowTitle={(owner) => t('forms.applicant.owner', { number: owner + 1 })}
                addLabel={t('forms.applicant.addOwner')}
                removeLabel={(owner) => t('forms.applicant.removeOwner', { number: owner + 1 })}
              />
            </div>
          )
        }
      />
      <ListSection
        id="applicant-former-names"
        title={t('forms.applicant.formerNames')}
        hint={t('forms.applicant.formerNamesHelp')}
        path="subject.formerNames"
        newRow={() => FormerNameSchema.parse({})}
        rowTitle={(index) => t('forms.applicant.formerName', { number: index + 1 })}
        addLabel={t('forms.applicant.addFormerName')}
        removeLabel={(index) => t('forms.applicant.removeFormerName', { number: index + 1 })}
      />

      {packetPathway(decision) === 'commercial_licence' && (
        <FormSection
          id="applicant-licence"
          title={t('forms.applicant.licence')}
          hint={t('forms.applicant.licenceHelp')}
          paths={LICENCE_PATHS}
        >
          <LicenceCategories />
          <FieldGroup prefix="licence" />
        </FormSection>
      )}
    </StepFrame>
  );
}
