/**
 * The facts the checklist and pre-flight conditions read, derived once from a case and its decision. Rule
 * data names these facts (`principalIsLegalRep`, `needsFiling` …); this is the only place that knows how they
 * follow from the case model.
 */
import type { Case, PersonIdType, Sector, Surface } from '../model/case';
import { PERSON_ID_TYPES, SECTORS, filesInMainland } from '../model/case';
import type { Decision } from './decide';
import type { CASE_FACT_NAMES } from './data';

/**
 * Certificates that make the subject a natural person (personal filing): an individual files with their own
 * identity document, so these are exactly the person ID types (SUBJECT_CERTIFICATE_TYPES includes them).
 */
const PERSONAL_CERTIFICATES = new Set<string>(PERSON_ID_TYPES);

export interface CaseFacts {
  surfaces: Surface[];
  sectors: Sector[];
  /** Filing province, six-digit GB/T 2260 ('' when not given): the answer, else the subject's region. */
  province: string;
  subjectKind: string | null;
  individualSubject: boolean;
  principalIsLegalRep: boolean;
  principalIdType: PersonIdType;
  legalRepIdType: PersonIdType;
  /** The legal representative is not a mainland Chinese citizen. */
  legalRepForeign: boolean;
  servicePrincipalNotLegalRep: boolean;
  /** An ICP filing was made under a former name (the rename letter moves it to the current name). */
  filedUnderFormerName: boolean;
  /**
   * A licence is applied for by a subject that already holds an ICP filing (主体备案号) and no licence yet: the
   * application does not file it again, so the filing's own documents and items stay out (a holder's filing
   * changes take them again). The document templates test the same three things by path (appliesWhen).
   */
  filedSubjectApplyingForLicence: boolean;
  websiteCount: number;
  /** An individual whose resident-ID address code lies outside the filing province. */
  individualOutOfProvince: boolean;
  needsFiling: boolean;
  /** The licence is the pathway, or the alternative under a dispute (licence materials are then listed). */
  needsLicence: boolean;
  /** A licence conclusion that is not disputed (confidence other than 'unclear'). */
  licenceFirm: boolean;
  pathway: Decision['pathway'];
  /** The generative-AI answer (null while unanswered). */
  generativeAi: Case['answers']['generativeAi'];
}

// CaseFacts has exactly the facts rule data may name (CASE_FACT_NAMES, which a rule pack is checked against).
type Missing = Exclude<keyof CaseFacts, (typeof CASE_FACT_NAMES)[number]>;
type Unknown = Exclude<(typeof CASE_FACT_NAMES)[number], keyof CaseFacts>;
const factNamesMatch: [Missing, Unknown] extends [never, never] ? true : never = true;
void factNamesMatch;

export function caseFacts(caseData: Case, decision: Decision): CaseFacts {
  const { answers, subject, principal, legalRepresentative, services } = caseData;
  const surfaces = [...new Set<Surface>([...answers.surfaces, ...services.map((s) => s.kind)])];
  const declared = services.flatMap((s) => s.preApprovals.map((p) => p.sector));
  const sectors = SECTORS.filter((s) => answers.sectors.includes(s) || declared.includes(s));
  const province = answers.province || subject.province;
  const individualSubject =
    PERSONAL_CERTIFICATES.has(subject.certificateType) ||
    answers.subject === 'cn_individual' ||
    answers.subject === 'foreign_individual';
  const idAddressProvince = /^\d{2}/.test(principal.idNumber) ? principal.idNumber.slice(0, 2) : '';
  const licenceConclusions = decision.conclusions.filter((c) => c.effect === 'licence');
  return {
    surfaces,
    sectors,
    province,
    subjectKind: answers.subject,
    individualSubject,
    principalIsLegalRep: principal.isLegalRepresentative,
    principalIdType: principal.idType,
    legalRepIdType: legalRepresentative.idType,
    legalRepForeign:
      legalRepresentative.idType !== 'resident_id' ||
      (legalRepresentative.nationality !== '' && legalRepresentative.nationality.toUpperCase() !== 'CN'),
    servicePrincipalNotLegalRep: services.some(
      (s) => s.principal !== null && !s.principal.isLegalRepresentative,
    ),
    filedUnderFormerName: subject.formerNames.some((f) => f.name.trim() !== '' && f.filedUnder === true),
    websiteCount: services.filter((s) => s.kind === 'website').length,
    individualOutOfProvince:
      individualSubject &&
      principal.idType === 'resident_id' &&
      idAddressProvince !== '' &&
      province !== '' &&
      idAddressProvince !== province.slice(0, 2),
    needsFiling:
      decision.conclusions.some((c) => c.effect === 'filing') ||
      (decision.pathway === 'incomplete' && filesInMainland(answers) !== false),
    needsLicence: needsLicence(decision),
    filedSubjectApplyingForLicence:
      needsLicence(decision) &&
      subject.filingNumber.trim() !== '' &&
      caseData.afterApproval.licenceNumber.trim() === '',
    licenceFirm: licenceConclusions.some((c) => c.confidence !== 'unclear'),
    pathway: decision.pathway,
    generativeAi: answers.generativeAi,
  };
}

function needsLicence(decision: Decision): boolean {
  return decision.pathway === 'commercial_licence' || decision.alternativePathway === 'commercial_licence';
}
