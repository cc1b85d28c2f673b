/**
 * The pre-flight — "would a reviewer reject this?". Runs the field validators of core/validate over every
 * field of the case and the cross-field rejection rules of templates/rules/preflight-rules.json, and turns the
 * checklist's missing or invalid documents into issues. Each issue has the path of the field (or
 * `attachments:<checklistItemId>`), the step that edits it, and a key (code@path) the user can acknowledge
 * warnings by.
 */
import type { Case, Person, Service } from '../model/case';
import { linkPrincipal } from '../model/principal';
import { isRegionChain, regionName } from '../model/regions';
import {
  validateCertificateFingerprint,
  validateAndroidPackage,
  validateIosBundleId,
  validateRsaModulus,
  validateWechatAppId,
} from '../validate/app-ids';
import { todayIso } from '../validate/common';
import { chineseDate, validateDate, type ValidityDocumentKind } from '../validate/dates';
import { validateDomain, validateWebsiteDomain } from '../validate/domain';
import { validateEmail } from '../validate/email';
import { validatePostalCode } from '../validate/postal-code';
import { validateServiceName, type NamedService } from '../validate/naming';
import { compactIdentifier } from '../validate/normalize';
import {
  validateHomeReturnPermit,
  validatePassport,
  validatePermanentResidenceId,
  validateTaiwanPermit,
} from '../validate/permits';
import { normalizeMobile, validateLandline, validateMobile, validatePhone } from '../validate/phone';
import { MAINLAND_PROVINCES, mainlandProvinceByCode, mainlandProvinceByInput } from '../validate/provinces';
import { validateHmtResidencePermit, validateResidentId } from '../validate/resident-id';
import { fieldLimit, measureLength, validateChineseText, validateWrittenInChinese } from '../validate/text';
import { characterIssues } from '../validate/characters';
import type { Bilingual, Severity, ValidationIssue } from '../validate/types';
import { validateUscc } from '../validate/uscc';
import { evaluate, recordLookup } from './condition';
import { caseFacts, type CaseFacts } from './case-facts';
import { buildChecklist, type ChecklistItem } from './checklist';
import {
  PREFLIGHT,
  PRE_APPROVALS,
  STEPS,
  derivedFrom,
  preApprovalFor,
  type PreflightRule,
  type Step,
} from './data';
import { decidePathway, type Decision } from './decide';
import { judgeValidity, submissionDate, validityWindow } from './validity';
import {
  checkDocumentConsistency,
  consistencyOf,
  FACT_NAMES,
  type ConsistencyIssue,
} from '../documents/consistency';
import type { DocumentDecision } from '../documents/conditions';
import { templateApplies } from '../documents/resolve';
import type { DocumentTemplate } from '../documents/template-schema';
import { documentTemplates } from '../documents/templates';
import { crossBorderRoute, inventoryFlags, inventoryGaps } from '../after/pipl';
import { documentLabels } from '../documents/templates';
import { changedFieldLabel } from '../documents/signing';
import { licenceCategoryPlan, packetDocumentDecision, packetPathway } from './licence-categories';
import { describeField, labelOf, nearestDef, serviceKindAt, stepOf } from './field-labels';
import {
  capitalFindings,
  categoryBusinessFindings,
  legalRepresentativeFindings,
  privacyFindings,
  renameFindings,
  type CrossFinding,
} from './cross-checks';
import {
  printedValueFindings,
  resolvePacket,
  type DocumentRef,
  type ResolvedPacketDocument,
} from '../documents/printed-values';
import type { PrintedGap } from '../documents/resolve';
import { formatNumber } from '../i18n/format';

/** Another field a finding names: the second place of a contradiction, opened from the finding too. */
export interface RelatedField {
  path: string;
  step: Step;
  label: Bilingual;
}

export interface PreflightIssue {
  /** `code@path`: stable, so an acknowledged warning stays acknowledged across edits of other fields. */
  key: string;
  /** Field path (`subject.certificateNumber`, `services.0.appId`) or `attachments:<checklistItemId>`. */
  path: string;
  code: string;
  severity: Severity;
  message: Bilingual;
  fix: Bilingual;
  step: Step;
  /** The pre-flight rule (PF…) behind a cross-field issue; field issues come from core/validate. */
  ruleId?: string;
  source?: string;
  /** `unclear` when the sources leave the rule open: the app says so beside the finding. */
  confidence?: 'unclear';
  /** A warning the user has acknowledged (case.acknowledged holds its key). */
  acknowledged: boolean;
  params?: Record<string, string | number>;
  /** The other fields the finding names (a fact checked against another: both places). */
  related?: RelatedField[];
}

export interface CheckOptions {
  /** Today's date (YYYY-MM-DD); defaults to the local date. */
  today?: string;
}

type Params = Record<string, string | number | Bilingual>;

const rulesByCode = derivedFrom(
  () => PREFLIGHT,
  (data) => new Map<string, PreflightRule>(data.rules.map((r) => [r.code, r])),
);

function rule(code: string): PreflightRule {
  const found = rulesByCode().get(code);
  if (!found) throw new Error(`No pre-flight rule "${code}" in templates/rules/preflight-rules.json`);
  return found;
}

/** Whether the rule's usual fix would advise submitting by a day before the submission date itself. */
function tooLate(r: PreflightRule, params: Params): boolean {
  const { latestSubmission, submission } = params;
  return (
    r.fixWhenTooLate !== undefined &&
    typeof latestSubmission === 'string' &&
    typeof submission === 'string' &&
    latestSubmission < submission
  );
}

function fill(text: Bilingual, params: Params): Bilingual {
  const one = (s: string, lang: keyof Bilingual) =>
    s.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = params[key];
      if (v === undefined) return whole;
      if (typeof v === 'object') return v[lang];
      // Chinese text writes dates 2026年10月31日, never 2026-10-31.
      return lang === 'zh-CN' && typeof v === 'string' ? chineseDate(v) : String(v);
    });
  return { en: one(text.en, 'en'), 'zh-CN': one(text['zh-CN'], 'zh-CN') };
}

function flatParams(params: Params): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'object' ? v.en : v;
  return out;
}

const PERSON_LABELS: Record<string, Bilingual> = {
  principal: { en: "the subject's person in charge", 'zh-CN': '主体负责人' },
  legalRepresentative: { en: 'the legal representative', 'zh-CN': '法定代表人' },
};

function personLabel(path: string, service?: Service): Bilingual {
  if (service) {
    const name = service.name || service.id;
    return { en: `the person in charge of ${name}`, 'zh-CN': `${name}的负责人` };
  }
  return PERSON_LABELS[path] ?? { en: path, 'zh-CN': path };
}

function provinceLabel(code: string): Bilingual {
  const p = mainlandProvinceByCode(code);
  return p ? { en: p.nameEn, 'zh-CN': p.nameZh } : { en: code || '—', 'zh-CN': code || '—' };
}

/** Compares names the way a reviewer reads them: width, spaces and bracket style do not count. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s.normalize('NFKC').replace(/\s+/gu, '').replace(/[（]/gu, '(').replace(/[）]/gu, ')').toLowerCase();
  return norm(a) === norm(b);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Expands `services.*.platforms.*.packageName` to concrete paths with their values (skipping null parents). */
function expand(root: unknown, path: string): { path: string; value: unknown; parentNull: boolean }[] {
  const parts = path.split('.');
  let frontier: { path: string; value: unknown; parentNull: boolean }[] = [
    { path: '', value: root, parentNull: false },
  ];
  for (const part of parts) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      const join = (p: string) => (node.path ? `${node.path}.${p}` : p);
      if (node.value === null || node.value === undefined || typeof node.value !== 'object') {
        next.push({ path: join(part), value: undefined, parentNull: true });
        continue;
      }
      if (part === '*') {
        if (!Array.isArray(node.value)) continue;
        node.value.forEach((v, i) => next.push({ path: join(String(i)), value: v, parentNull: false }));
      } else {
        next.push({
          path: join(part),
          value: (node.value as Record<string, unknown>)[part],
          parentNull: node.parentNull,
        });
      }
    }
    frontier = next;
  }
  return frontier;
}

class IssueList {
  readonly issues: PreflightIssue[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly acknowledged: ReadonlySet<string>) {}

  push(issue: Omit<PreflightIssue, 'key' | 'acknowledged'>): void {
    const key = `${issue.code}@${issue.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push({
      ...issue,
      key,
      acknowledged: issue.severity === 'warning' && this.acknowledged.has(key),
    });
  }

  /** A cross-field issue from a PF rule; `related` are the other fields it names. */
  rule(code: string, path: string, params: Params = {}, step?: Step, related: RelatedField[] = []): void {
    const r = rule(code);
    const flat = flatParams(params);
    const message = fill(r.message, params);
    this.push({
      path,
      code: r.code,
      severity: r.severity,
      // Placeholders such as "the legal representative" may open the English sentence.
      message: { ...message, en: message.en.charAt(0).toUpperCase() + message.en.slice(1) },
      fix: fill(tooLate(r, params) ? r.fixWhenTooLate! : r.fix, params),
      step: step ?? r.step,
      ruleId: r.id,
      source: r.source,
      ...(r.confidence === 'unclear' ? { confidence: 'unclear' as const } : {}),
      ...(Object.keys(flat).length ? { params: flat } : {}),
      ...(related.length ? { related } : {}),
    });
  }

  /** Whether an error already stands on the field (a second finding on it would say the same). */
  hasErrorAt(path: string): boolean {
    return this.issues.some((i) => i.severity === 'error' && i.path === path);
  }

  /** Issues of a core/validate validator for the field at `path`. */
  field(path: string, found: ValidationIssue[], kind?: Service['kind']): void {
    for (const v of found) {
      this.push({
        path,
        code: v.code,
        severity: v.severity,
        message: v.message,
        fix: v.fix,
        step: stepOf(path, kind),
        ...(v.params ? { params: v.params } : {}),
      });
    }
  }
}

const PERSON_ID_VALIDATORS: Record<Person['idType'], (value: string, today: string) => ValidationIssue[]> = {
  resident_id: (v, today) => validateResidentId(v, { today }),
  passport: (v) => validatePassport(v),
  hk_mo_permit: (v) => validateHomeReturnPermit(v),
  tw_permit: (v) => validateTaiwanPermit(v),
  hmt_residence_permit: (v, today) => validateHmtResidencePermit(v, { today }),
  foreign_permanent_residence: (v, today) => validatePermanentResidenceId(v, { today }),
};

const NAMED_SERVICE: Record<Service['kind'], NamedService> = {
  website: 'website',
  app: 'app',
  mini_program: 'miniProgram',
};

export function checkCase(input: Case, options: CheckOptions = {}): PreflightIssue[] {
  // A principal who is the legal representative is one person with one set of details (model/principal.ts).
  const caseData = linkPrincipal(input);
  const today = options.today ?? todayIso();
  const decision = decidePathway(caseData.answers);
  const facts = caseFacts(caseData, decision);
  const checklist = buildChecklist(caseData, decision, { today });
  const out = new IssueList(new Set(caseData.acknowledged));

  checkPathway(out, decision);
  checkRequiredFields(out, caseData, facts);
  checkPeople(out, caseData, facts, today);
  checkSubject(out, caseData, facts, today);
  checkServices(out, caseData, facts);
  checkValidity(out, caseData, facts, today);
  checkLicence(out, caseData, facts, decision);
  checkDocuments(out, caseData, checklist);
  checkCharacters(out, input);
  const pathway = packetPathway(decision);
  const findings = [...legalRepresentativeFindings(caseData), ...renameFindings(caseData)];
  // The licence's company facts (capital, shareholders, categories) are checked wherever a licence is needed.
  if (facts.needsLicence || facts.licenceFirm)
    findings.push(...capitalFindings(caseData), ...categoryBusinessFindings(caseData, decision));
  if (pathway) {
    const documents = packetDocumentDecision(caseData, decision, pathway);
    if (documents.licence) checkLicenceCategories(out, caseData, decision);
    findings.push(...privacyFindings(caseData));
    checkPersonalData(out, caseData, documents);
    addFindings(out, caseData, findings);
    // The packet's documents, resolved once for what they print and what they assert.
    const packet = resolvePacket(caseData, documents, { today });
    checkPrintedValues(out, caseData, packet);
    for (const issue of consistencyIssues(caseData, consistencyOf(packet))) out.push(issue);
  } else addFindings(out, caseData, findings);

  const order = (s: Step) => STEPS.indexOf(s);
  return out.issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => order(a.issue.step) - order(b.issue.step) || a.index - b.index)
    .map(({ issue }) => issue);
}

/** Parts of the case no document prints and no portal receives: their characters are not checked here. */
const UNPRINTED_ROOTS: ReadonlySet<string> = new Set([
  'schemaVersion',
  'id',
  'createdAt',
  'updatedAt',
  'attachments',
  'acknowledged',
  'journal',
  'exports',
  'afterApproval',
]);

/** Every string of the case with its path, in the order of the case. */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* stringsOf(item, `${path}.${i}`);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* stringsOf(item, path ? `${path}.${key}` : key);
}

/**
 * Characters no field may hold (control, direction and invisible ones) and characters the document font
 * cannot print (issue 22 points 5 and 7): the build would refuse the case, so the pre-flight says so first,
 * at the field. An English meaning is reported at the field it explains.
 */
function checkCharacters(out: IssueList, caseData: Case): void {
  for (const [root, value] of Object.entries(caseData)) {
    if (UNPRINTED_ROOTS.has(root)) continue;
    for (const [path, text] of stringsOf(value, root)) {
      const field = root === 'englishMeanings' ? path.slice('englishMeanings.'.length) : path;
      const serviceIndex = /^services\.(\d+)/.exec(field)?.[1];
      const kind = serviceIndex === undefined ? undefined : caseData.services[Number(serviceIndex)]?.kind;
      out.field(field, characterIssues(text), kind);
    }
  }
}

function checkPathway(out: IssueList, decision: Decision): void {
  const blocks = decision.conclusions.filter((c) => c.effect === 'blocked' || c.effect === 'no_filing');
  for (const c of blocks) {
    const params = { title: c.title, action: c.nextActions[0] ?? c.explanation };
    out.rule(
      c.confidence === 'unclear' ? 'pathway.disputedBlock' : 'pathway.notEligible',
      `answers:${c.ruleId}`,
      params,
    );
  }
  for (const m of decision.missingAnswers)
    out.rule(m.decidesPathway ? 'pathway.incomplete' : 'pathway.dutyAnswerMissing', `answers.${m.answer}`, {
      answer: m.label,
    });
  const licences = decision.conclusions.filter((c) => c.effect === 'licence');
  if (licences.length > 0 && licences.every((c) => c.confidence === 'unclear') && blocks.length === 0) {
    out.rule('pathway.licenceDisputed', 'answers.activities', { title: licences[0]?.title ?? '' });
  }
}

function checkRequiredFields(out: IssueList, caseData: Case, facts: CaseFacts): void {
  const lookup = recordLookup(facts as unknown as Record<string, unknown>);
  for (const req of PREFLIGHT.requiredFields) {
    if (evaluate(req.when, lookup).result !== 'true') continue;
    for (const node of expand(caseData, req.path)) {
      if (node.parentNull) continue;
      const serviceIndex = /^services\.(\d+)/.exec(node.path)?.[1];
      const service = serviceIndex === undefined ? undefined : caseData.services[Number(serviceIndex)];
      if (req.serviceKinds && (!service || !req.serviceKinds.includes(service.kind))) continue;
      if (!isEmpty(node.value)) continue;
      // A validity end date is not needed for a long-term (长期) document.
      if (/idValidTo$/.test(node.path)) {
        const longTerm = expand(caseData, node.path.replace(/idValidTo$/, 'idLongTerm'))[0]?.value;
        if (longTerm === true) continue;
      }
      const label =
        nearestDef(node.path, service?.kind)?.label ?? req.label ?? labelOf(node.path, service?.kind);
      out.rule('field.required', node.path, { field: label }, stepOf(node.path, service?.kind));
    }
  }
}

function checkPerson(out: IssueList, path: string, person: Person, today: string, owner: Bilingual): void {
  if (person.idNumber.trim())
    out.field(`${path}.idNumber`, PERSON_ID_VALIDATORS[person.idType](person.idNumber, today));
  if (person.mobile.trim()) out.field(`${path}.mobile`, validateMobile(person.mobile));
  if (person.emergencyPhone.trim()) out.field(`${path}.emergencyPhone`, validatePhone(person.emergencyPhone));
  if (person.landline.trim()) out.field(`${path}.landline`, validateLandline(person.landline));
  if (person.email.trim()) out.field(`${path}.email`, validateEmail(person.email));
  out.field(`${path}.title`, validateWrittenInChinese(person.title));
  if (person.idValidFrom.trim()) out.field(`${path}.idValidFrom`, validateDate(person.idValidFrom));
  if (person.idValidTo.trim() && !person.idLongTerm) {
    out.field(`${path}.idValidTo`, validateDate(person.idValidTo, { allowPermanent: true }));
  }
  // Mainland IDs carry the name in Chinese characters; passports may not.
  if (person.idType === 'resident_id' && person.name.trim()) {
    out.field(`${path}.name`, validateChineseText(person.name, { allowLatin: false }));
  }
  if (
    person.mobile.trim() &&
    person.emergencyPhone.trim() &&
    normalizeMobile(person.mobile) === normalizeMobile(person.emergencyPhone)
  ) {
    out.rule('people.emergencySameAsMobile', `${path}.emergencyPhone`, { person: owner });
  }
}

function checkPeople(out: IssueList, caseData: Case, facts: CaseFacts, today: string): void {
  const { principal, legalRepresentative, services } = caseData;
  checkPerson(out, 'principal', principal, today, personLabel('principal'));
  // A linked legal representative is the principal's copy: its findings are the principal's, shown once.
  const lrFilled = legalRepresentative.name.trim() || legalRepresentative.idNumber.trim();
  if (lrFilled && !principal.isLegalRepresentative) {
    checkPerson(out, 'legalRepresentative', legalRepresentative, today, personLabel('legalRepresentative'));
  }
  services.forEach((service, i) => {
    if (!service.principal) return;
    const path = `services.${i}.principal`;
    checkPerson(out, path, service.principal, today, personLabel(path, service));
    const sp = service.principal;
    const samePerson =
      sp.idNumber.trim() !== '' && compactIdentifier(sp.idNumber) === compactIdentifier(principal.idNumber);
    if (samePerson) return;
    const person = personLabel(path, service);
    const other = personLabel('principal');
    if (sp.mobile.trim() && normalizeMobile(sp.mobile) === normalizeMobile(principal.mobile)) {
      out.rule('people.sharedContact', `${path}.mobile`, {
        person,
        other,
        kind: { en: 'mobile number', 'zh-CN': '手机号码' },
        value: sp.mobile,
      });
    }
    if (sp.email.trim() && sp.email.trim().toLowerCase() === principal.email.trim().toLowerCase()) {
      out.rule('people.sharedContact', `${path}.email`, {
        person,
        other,
        kind: { en: 'e-mail address', 'zh-CN': '电子邮箱' },
        value: sp.email,
      });
    }
  });

  const province = facts.province;
  const organisation = !facts.individualSubject;
  if (
    organisation &&
    !principal.isLegalRepresentative &&
    ruleProvinces('people.principalMustBeLegalRep').includes(province)
  ) {
    out.rule('people.principalMustBeLegalRep', 'principal.isLegalRepresentative', {
      province: provinceLabel(province),
    });
  }
  const principalForeign = principal.idType !== 'resident_id';
  if (
    organisation &&
    facts.legalRepForeign &&
    principalForeign &&
    ruleProvinces('people.foreignPrincipalNeedsChinese').includes(province)
  ) {
    out.rule('people.foreignPrincipalNeedsChinese', 'principal.idType', {
      province: provinceLabel(province),
    });
  }
  // Where only the legal representative may be the person in charge and he is foreign: the ways forward.
  const legalRep = principal.isLegalRepresentative ? principal : caseData.legalRepresentative;
  const legalRepNonResident =
    legalRep.idType !== 'resident_id' ||
    (legalRep.nationality !== '' && legalRep.nationality.toUpperCase() !== 'CN');
  if (
    organisation &&
    legalRepNonResident &&
    ruleProvinces('people.principalMustBeLegalRep').includes(province) &&
    !ruleProvinces('people.foreignPrincipalNeedsChinese').includes(province)
  ) {
    out.rule('people.foreignLegalRepPrincipal', 'principal.mobile', {
      province: provinceLabel(province),
      phone: provincePhrase('people.foreignLegalRepPrincipal', 'phone', province),
    });
  }
}

/** A rule's wording for one province (`params.<name>.byProvince`), else its `default`. */
function provincePhrase(code: string, name: string, province: string): Bilingual {
  const table = rule(code).params?.[name] as
    { default: Bilingual; byProvince?: Record<string, Bilingual> } | undefined;
  if (!table) throw new Error(`Pre-flight rule ${code} has no params.${name}`);
  return table.byProvince?.[province] ?? table.default;
}

function ruleProvinces(code: string): string[] {
  const list = rule(code).params?.provinces;
  return Array.isArray(list) ? (list as string[]) : [];
}

function checkSubject(out: IssueList, caseData: Case, facts: CaseFacts, today: string): void {
  const { subject, answers } = caseData;
  const province = facts.province;
  if (subject.certificateNumber.trim()) {
    const organisationCertificate = !facts.individualSubject;
    if (organisationCertificate)
      out.field('subject.certificateNumber', validateUscc(subject.certificateNumber));
    else {
      const validator = PERSON_ID_VALIDATORS[subject.certificateType as Person['idType']];
      if (validator) out.field('subject.certificateNumber', validator(subject.certificateNumber, today));
    }
  }
  if (!facts.individualSubject) {
    if (subject.name.trim()) out.field('subject.name', validateChineseText(subject.name));
  }
  for (const key of ['certificateAddress', 'mailingAddress'] as const) {
    if (subject[key].trim()) out.field(`subject.${key}`, validateChineseText(subject[key]));
  }
  if (subject.establishedOn.trim()) out.field('subject.establishedOn', validateDate(subject.establishedOn));
  if (subject.certificateValidTo.trim() && !subject.certificateLongTerm) {
    out.field(
      'subject.certificateValidTo',
      validateDate(subject.certificateValidTo, { allowPermanent: true }),
    );
  }
  if (subject.phone.trim()) out.field('subject.phone', validatePhone(subject.phone));
  if (subject.postalCode.trim()) out.field('subject.postalCode', validatePostalCode(subject.postalCode));
  // The privacy policy prints this after 个人信息保护联系人: a bare job title there names nobody.
  const privacyContact = subject.privacyContactName.trim();
  const titles = rule('privacy.contactIsTitle').params?.titles;
  if (Array.isArray(titles) && titles.includes(privacyContact))
    out.rule('privacy.contactIsTitle', 'subject.privacyContactName', { value: privacyContact });
  const { licence } = caseData;
  if (licence.complaintPhone.trim())
    out.field('licence.complaintPhone', validatePhone(licence.complaintPhone));
  if (licence.complaintEmail.trim())
    out.field('licence.complaintEmail', validateEmail(licence.complaintEmail));
  licence.staff.forEach((member, i) => {
    if (member.phone.trim()) out.field(`licence.staff.${i}.phone`, validatePhone(member.phone));
    out.field(`licence.staff.${i}.title`, validateWrittenInChinese(member.title));
  });
  caseData.contacts.forEach((contact, i) => {
    if (contact.mobile.trim()) out.field(`contacts.${i}.mobile`, validatePhone(contact.mobile));
    if (contact.email.trim()) out.field(`contacts.${i}.email`, validateEmail(contact.email));
  });
  if (caseData.plannedSubmissionOn.trim())
    out.field('plannedSubmissionOn', validateDate(caseData.plannedSubmissionOn));

  if (answers.province && subject.province && answers.province !== subject.province) {
    out.rule('subject.provinceMismatch', 'subject.province', {
      subjectProvince: provinceLabel(subject.province),
      answersProvince: provinceLabel(answers.province),
    });
  }
  if (province) {
    const p = provinceLabel(province);
    if (subject.city && !isRegionChain(province, subject.city, '')) {
      out.rule('subject.regionOutsideProvince', 'subject.city', {
        field: labelOf('subject.city'),
        value: regionName(subject.city) ?? subject.city,
        province: p,
      });
    } else if (subject.district && !isRegionChain(province, subject.city, subject.district)) {
      out.rule('subject.regionOutsideProvince', 'subject.district', {
        field: labelOf('subject.district'),
        value: regionName(subject.district) ?? subject.district,
        province: p,
      });
    }
    for (const key of ['certificateAddress', 'mailingAddress'] as const) {
      const other = MAINLAND_PROVINCES.find(
        (q) => q.gbCode.slice(0, 2) !== province.slice(0, 2) && subject[key].includes(q.nameZh),
      );
      if (other) {
        out.rule('subject.addressOutsideProvince', `subject.${key}`, {
          field: labelOf(`subject.${key}`),
          otherProvince: { en: other.nameEn, 'zh-CN': other.nameZh },
          province: p,
        });
      }
    }
    const code = compactIdentifier(subject.certificateNumber);
    if (!facts.individualSubject && code.length === 18) {
      const registered = mainlandProvinceByCode(code.slice(2, 4));
      if (registered && registered.code !== province.slice(0, 2)) {
        out.rule('subject.registeredOutsideProvince', 'subject.certificateNumber', {
          registeredProvince: { en: registered.nameEn, 'zh-CN': registered.nameZh },
          regionCode: code.slice(2, 8),
          province: p,
        });
      }
    }
    const mailing = subject.mailingAddress.trim();
    const prefixes = [
      mainlandProvinceByCode(province)?.nameZh,
      regionName(subject.city),
      regionName(subject.district),
    ].filter((n): n is string => !!n && n !== '市辖区' && n !== '县');
    const prefix = prefixes.find((n) => mailing.startsWith(n));
    if (prefix) out.rule('subject.mailingAddressHasRegion', 'subject.mailingAddress', { prefix });
  }
}

function checkServices(out: IssueList, caseData: Case, facts: CaseFacts): void {
  const { services, subject } = caseData;
  const remarksLimit = fieldLimit('wechat.applets.comment');
  const typesLimit = fieldLimit('wechat.applets.serviceContentTypes');
  services.forEach((service, i) => {
    const base = `services.${i}`;
    out.field(`${base}.remarks`, validateWrittenInChinese(service.remarks));
    out.field(`${base}.contentDescription`, validateWrittenInChinese(service.contentDescription));
    if (service.kind !== 'mini_program') {
      out.field(`${base}.accessProvider`, validateWrittenInChinese(service.accessProvider));
    }
    if (service.kind === 'website') {
      out.field(`${base}.serverLocation`, validateWrittenInChinese(service.serverLocation));
    }
    if (service.name.trim()) {
      out.field(
        `${base}.name`,
        validateServiceName(service.name, {
          service: NAMED_SERVICE[service.kind],
          subjectType: facts.individualSubject ? 'personal' : 'organization',
          ...(facts.province ? { province: facts.province } : {}),
          ...(service.kind === 'mini_program' ? { platform: service.platform } : {}),
          ...(subject.name.trim() ? { unitName: subject.name } : {}),
          approvals: { preApproval: facts.sectors.length > 0 },
        }),
        service.kind,
      );
    }
    if (service.kind === 'website') {
      service.domains.forEach((d, j) => {
        if (d.trim()) out.field(`${base}.domains.${j}`, validateWebsiteDomain(d), service.kind);
      });
      if (
        service.domainHolder.trim() &&
        subject.name.trim() &&
        !sameName(service.domainHolder, subject.name)
      ) {
        out.rule('website.domainHolderNotSubject', `${base}.domainHolder`, {
          holder: service.domainHolder,
          subject: subject.name,
        });
      }
      const max = Number(rule('website.tooManyDomains').params?.max ?? 10);
      if (service.domains.length > max) {
        out.rule('website.tooManyDomains', `${base}.domains`, { count: service.domains.length, max });
      }
      if (service.domainExpiresOn.trim()) {
        out.field(`${base}.domainExpiresOn`, validateDate(service.domainExpiresOn), service.kind);
      }
    }
    if (service.kind === 'app') {
      service.domains.forEach((d, j) => {
        if (d.trim()) out.field(`${base}.domains.${j}`, validateDomain(d), service.kind);
      });
      service.platforms.forEach((p, j) => {
        const pp = `${base}.platforms.${j}`;
        if (p.packageName.trim()) {
          const check =
            p.platform === 'android'
              ? validateAndroidPackage
              : p.platform === 'ios'
                ? validateIosBundleId
                : undefined;
          if (check) out.field(`${pp}.packageName`, check(p.packageName), service.kind);
        }
        if (p.publicKey.trim()) out.field(`${pp}.publicKey`, validateRsaModulus(p.publicKey), service.kind);
        if (p.signatureFingerprint.trim() && p.platform !== 'harmony') {
          out.field(
            `${pp}.signatureFingerprint`,
            validateCertificateFingerprint(p.signatureFingerprint, {
              algorithm: p.platform === 'ios' ? 'SHA-1' : 'MD5',
            }),
            service.kind,
          );
        }
      });
    }
    if (service.kind === 'mini_program') {
      if (service.appId.trim() && service.platform === 'wechat') {
        out.field(`${base}.appId`, validateWechatAppId(service.appId), service.kind);
      }
      if (service.remarks.trim() && remarksLimit) {
        const length = measureLength(service.remarks);
        const min = remarksLimit.min ?? 0;
        const max = remarksLimit.max ?? Number.POSITIVE_INFINITY;
        if (length < min || length > max)
          out.rule('miniProgram.remarksLength', `${base}.remarks`, { length, min, max });
      }
      if (service.platform === 'wechat' && typesLimit) {
        const label = service.name || service.id;
        const max = typesLimit.max ?? 5;
        if (service.serviceContentTypes.length === 0) {
          out.rule('miniProgram.serviceTypesMissing', `${base}.serviceContentTypes`, { service: label });
        } else if (service.serviceContentTypes.length > max) {
          out.rule('miniProgram.tooManyServiceTypes', `${base}.serviceContentTypes`, {
            service: label,
            count: service.serviceContentTypes.length,
            max,
          });
        }
      }
    }
    checkPreApprovalKeywords(out, service, base, facts);
  });
  checkPreApprovals(out, caseData, facts);
}

function checkPreApprovals(out: IssueList, caseData: Case, facts: CaseFacts): void {
  for (const sector of facts.sectors) {
    const entry = preApprovalFor(sector);
    if (!entry || entry.status !== 'active') continue;
    const declared = caseData.services.flatMap((s, i) =>
      s.preApprovals
        .map((p, j) => ({ p, path: `services.${i}.preApprovals.${j}` }))
        .filter((x) => x.p.sector === sector),
    );
    const params = { sector: entry.label, permit: entry.permit };
    if (declared.length === 0) {
      out.rule(
        'service.preApprovalMissing',
        caseData.services.length ? 'services.0.preApprovals' : 'services',
        {
          ...params,
          what: { en: 'the permit (number and scan)', 'zh-CN': '审批文件（审批号和扫描件）' },
        },
      );
      continue;
    }
    for (const { p, path } of declared) {
      if (!p.approvalNumber.trim()) {
        out.rule('service.preApprovalMissing', `${path}.approvalNumber`, {
          ...params,
          what: { en: 'the approval number', 'zh-CN': '审批号' },
        });
      }
    }
  }
}

function checkPreApprovalKeywords(out: IssueList, service: Service, base: string, facts: CaseFacts): void {
  for (const field of ['name', 'contentDescription', 'remarks'] as const) {
    const text = service[field];
    if (!text.trim()) continue;
    for (const entry of PRE_APPROVALS) {
      if (facts.sectors.includes(entry.sector)) continue;
      const screened = entry.keywordExceptions
        .reduce((t, phrase) => t.split(phrase).join(' '), text)
        .toLowerCase();
      const keyword = entry.keywords.find((k) => screened.includes(k.toLowerCase()));
      if (keyword) {
        out.rule('service.sectorKeyword', `${base}.${field}`, {
          field: labelOf(`${base}.${field}`, service.kind),
          keyword,
          sector: entry.label,
        });
        break;
      }
    }
  }
}

interface DatedDocument {
  path: string;
  label: Bilingual;
  end: string;
  kind: ValidityDocumentKind;
}

function checkValidity(out: IssueList, caseData: Case, facts: CaseFacts, today: string): void {
  const submission = submissionDate(caseData.plannedSubmissionOn, today);
  const pathway = facts.licenceFirm ? 'commercial_licence' : 'icp_filing';
  const wechat = caseData.services.some((s) => s.kind === 'mini_program' && s.platform === 'wechat');
  const docs: DatedDocument[] = [];
  const person = (path: string, p: Person, owner: Bilingual) => {
    if (p.idLongTerm || !p.idValidTo.trim()) return;
    const kind: ValidityDocumentKind =
      p.idType === 'hmt_residence_permit' ? 'hmtResidencePermit' : 'identity';
    docs.push({
      path: `${path}.idValidTo`,
      label: { en: `The ID of ${owner.en}`, 'zh-CN': `${owner['zh-CN']}的证件` },
      end: p.idValidTo,
      kind,
    });
  };
  person('principal', caseData.principal, personLabel('principal'));
  if (!caseData.principal.isLegalRepresentative)
    person('legalRepresentative', caseData.legalRepresentative, personLabel('legalRepresentative'));
  caseData.services.forEach((s, i) => {
    if (s.principal)
      person(`services.${i}.principal`, s.principal, personLabel(`services.${i}.principal`, s));
    s.preApprovals.forEach((p, j) => {
      if (!p.validTo.trim()) return;
      const label = p.permitName || preApprovalFor(p.sector)?.permit['zh-CN'] || p.sector;
      docs.push({
        path: `services.${i}.preApprovals.${j}.validTo`,
        label: { en: label, 'zh-CN': label },
        end: p.validTo,
        kind: 'other',
      });
    });
    if (s.kind === 'website' && s.domainExpiresOn.trim()) {
      const d = s.domains[0] ?? s.name;
      docs.push({
        path: `services.${i}.domainExpiresOn`,
        label: { en: `The domain ${d}`, 'zh-CN': `域名 ${d}` },
        end: s.domainExpiresOn,
        kind: 'domain',
      });
    }
  });
  if (!caseData.subject.certificateLongTerm && caseData.subject.certificateValidTo.trim()) {
    docs.push({
      path: 'subject.certificateValidTo',
      label: { en: "The subject's certificate", 'zh-CN': '主体证件' },
      end: caseData.subject.certificateValidTo,
      kind: 'businessLicence',
    });
  }
  for (const doc of docs) {
    const w = validityWindow(submission, pathway, {
      province: facts.province,
      documentKind: doc.kind,
      ...(wechat ? { platform: 'wechat' } : {}),
    });
    const verdict = judgeValidity(doc.end, w);
    const params = {
      document: doc.label,
      end: doc.end,
      submission,
      required: w.requiredUntil,
      months: w.months,
      reviewEnd: w.reviewEnd,
      latestSubmission: latestSubmission(doc.end, w),
    };
    if (verdict === 'expired') out.rule('document.expired', doc.path, params, stepOf(doc.path));
    else if (verdict === 'beforeReviewEnds')
      out.rule('document.expiresBeforeReviewEnds', doc.path, params, stepOf(doc.path));
    else if (verdict === 'soonAfterReview')
      out.rule('document.expiresSoonAfterReview', doc.path, params, stepOf(doc.path));
  }
}

/** The last submission date that would keep the document valid through the window. */
function latestSubmission(end: string, w: { submission: string; requiredUntil: string }): string {
  const spare = Date.parse(`${w.requiredUntil}T00:00:00Z`) - Date.parse(`${w.submission}T00:00:00Z`);
  const last = Date.parse(`${end.slice(0, 10)}T00:00:00Z`) - spare;
  return Number.isNaN(last) ? '—' : new Date(last).toISOString().slice(0, 10);
}

function checkLicence(out: IssueList, caseData: Case, facts: CaseFacts, decision: Decision): void {
  if (!facts.licenceFirm) return;
  caseData.licence.staff.forEach((member, i) => {
    if (member.name.trim() && !member.socialInsurance)
      out.rule('licence.staffWithoutSocialInsurance', `licence.staff.${i}.socialInsurance`, {
        name: member.name,
        role: member.role || member.title,
      });
  });
  checkCoverage(out, caseData);
  const { subject } = caseData;
  if (facts.individualSubject || subject.certificateType !== 'business_licence') {
    out.rule('licence.applicantNotCompany', 'subject.certificateType', {
      certificate: labelOfCertificate(subject.certificateType),
    });
  }
  const minimum = Math.max(
    0,
    ...decision.conclusions.map((c) => (c.effect === 'issuer' ? (c.minRegisteredCapitalCny ?? 0) : 0)),
  );
  if (minimum > 0 && subject.registeredCapitalCny !== null && subject.registeredCapitalCny < minimum) {
    out.rule('licence.capitalBelowMinimum', 'subject.registeredCapitalCny', {
      // Grouped alike in both languages (100,000): the rule's texts add RMB / 元 themselves.
      capital: formatNumber(subject.registeredCapitalCny, 'en'),
      minimum: formatNumber(minimum, 'en'),
    });
  }
}

/** A multi-province coverage names at least two recognised provinces; the coverage agrees with the scope. */
function checkCoverage(out: IssueList, caseData: Case): void {
  const { coverage, provinces } = caseData.licence;
  if (coverage === 'multi_province') {
    const entries = provinces.map((p) => p.trim()).filter(Boolean);
    const unknown = entries.filter((p) => !mainlandProvinceByInput(p));
    const known = new Set(entries.map((p) => mainlandProvinceByInput(p)?.code).filter(Boolean));
    if (unknown.length > 0)
      out.rule('licence.coverageProvinces', 'licence.provinces', {
        problem: {
          en: `“${unknown.join('”, “')}” is not a province of mainland China`,
          'zh-CN': `“${unknown.join('”“')}”不是中国大陆的省级行政区`,
        },
      });
    else if (known.size < 2)
      out.rule('licence.coverageProvinces', 'licence.provinces', {
        problem:
          known.size === 0
            ? { en: 'no province is listed', 'zh-CN': '尚未列出省份' }
            : { en: 'only one province is listed', 'zh-CN': '只列出了一个省份' },
      });
  }
  const scope = caseData.answers.scope;
  const crossRegional = coverage !== 'province';
  const several = { en: 'several provinces or nationwide', 'zh-CN': '跨省或全国' };
  if (scope && (scope === 'multi_province') !== crossRegional)
    out.rule('licence.coverageDiffersFromScope', 'licence.coverage', {
      coverage: crossRegional ? several : { en: 'the filing province only', 'zh-CN': '仅限备案省份' },
      scope: scope === 'multi_province' ? several : { en: 'one province', 'zh-CN': '单一省份' },
    });
}

const CERTIFICATE_LABELS: Record<string, Bilingual> = {
  business_licence: { en: 'a business licence', 'zh-CN': '营业执照' },
  rep_office_certificate: {
    en: "a representative office's registration certificate",
    'zh-CN': '外国企业常驻代表机构登记证',
  },
  public_institution_certificate: { en: "a public institution's certificate", 'zh-CN': '事业单位法人证书' },
  social_org_certificate: { en: "a social organisation's certificate", 'zh-CN': '社会团体法人登记证书' },
  government_uscc_certificate: { en: 'a government USCC certificate', 'zh-CN': '统一社会信用代码证书' },
};

function labelOfCertificate(type: string): Bilingual {
  return CERTIFICATE_LABELS[type] ?? { en: 'a personal ID document', 'zh-CN': '个人身份证件' };
}

/**
 * A signed document's line: not yet returned (an error when required; when recommended, a warning that
 * the packet leaves it out), out of date, or missing pages. Files never checked fall to `document.invalid`.
 * Returns false when the line is left to the general document rules.
 */
function checkSignedLine(out: IssueList, item: ChecklistItem): boolean {
  const signing = item.signing;
  if (!signing) return false;
  const template = documentTemplates().find((t) => t.id === signing.templateId);
  const document: Bilingual = template
    ? { en: template.title.en, 'zh-CN': template.title.zh }
    : { en: item.name.en, 'zh-CN': item.name['zh-CN'] };
  const path = `attachments:${item.id}`;
  switch (signing.state) {
    case 'none':
      if (item.importance === 'recommended') out.rule('signing.notSigned', path, { document });
      else if (item.entryId === 'authorization-letter') return false;
      else out.rule('signing.missing', path, { document });
      return true;
    case 'stale': {
      const labels = signing.changed.map(changedFieldLabel);
      out.rule('signing.stale', path, {
        document,
        changes: labels.length
          ? {
              en: ` (${labels.map((l) => l.en).join(', ')})`,
              'zh-CN': `（${labels.map((l) => l['zh-CN']).join('、')}）`,
            }
          : { en: '', 'zh-CN': '' },
      });
      return true;
    }
    case 'incomplete':
      out.rule('signing.pagesMissing', path, {
        document,
        pages: { en: signing.missingPages.join(', '), 'zh-CN': signing.missingPages.join('、') },
        count: signing.pageCount ?? 0,
      });
      return true;
    default:
      return false;
  }
}

/**
 * The issues of checklist items — missing, invalid, expiring, and signed documents not (completely) returned
 * in their current version — as the pre-flight reports them. The export gate runs it again on the signed
 * documents' lines (core/packet/gate.ts).
 */
export function documentIssues(caseData: Case, checklist: readonly ChecklistItem[]): PreflightIssue[] {
  const out = new IssueList(new Set(caseData.acknowledged));
  checkDocuments(out, caseData, checklist);
  return out.issues;
}

function checkDocuments(out: IssueList, caseData: Case, checklist: readonly ChecklistItem[]): void {
  for (const item of checklist) {
    const path = `attachments:${item.id}`;
    if (checkSignedLine(out, item)) continue;
    if (item.entryId === 'authorization-letter' && item.status === 'missing') {
      const who = !caseData.principal.isLegalRepresentative
        ? personLabel('principal')
        : personLabel(
            '',
            caseData.services.find((s) => s.principal && !s.principal.isLegalRepresentative),
          );
      out.rule('people.authorizationLetterMissing', path, { person: who });
      continue;
    }
    if (item.status === 'missing' && item.importance === 'required') {
      out.rule('document.missing', path, { document: item.name, providedBy: item.providedBy });
    } else if (item.status === 'invalid') {
      // A scan lying on its side has its own finding and fix; the other problems are the format's.
      for (const scan of item.sideways)
        out.rule('document.sideways', path, { document: item.name, problem: scan.problem });
      const others = item.problems.filter((p) => !item.sideways.some((s) => s.problem === p));
      if (others.length === 0) continue;
      const problem: Bilingual = {
        en: others.map((p) => p.en).join(' '),
        'zh-CN': others.map((p) => p['zh-CN']).join(''),
      };
      out.rule('document.invalid', path, { document: item.name, problem });
    } else if (item.status === 'expiring') {
      const problem = item.problems[0];
      out.push({
        path,
        code: 'document.expiresSoonAfterReview',
        severity: 'warning',
        message: problem
          ? { en: `${item.name.en}: ${problem.en}`, 'zh-CN': `${item.name['zh-CN']}：${problem['zh-CN']}` }
          : item.name,
        fix: rule('document.expiresSoonAfterReview').fix,
        step: 'documents',
        ruleId: rule('document.expiresSoonAfterReview').id,
        source: rule('document.expiresSoonAfterReview').source,
      });
    }
  }
}

/** Cross-document contradictions, as errors naming both documents. */
export function documentConsistencyIssues(
  caseData: Case,
  documents: DocumentDecision,
  today: string = todayIso(),
  templates?: readonly DocumentTemplate[],
): PreflightIssue[] {
  const options = templates ? { today, templates } : { today };
  return consistencyIssues(caseData, checkDocumentConsistency(caseData, documents, options));
}

function consistencyIssues(caseData: Case, found: readonly ConsistencyIssue[]): PreflightIssue[] {
  const out = new IssueList(new Set(caseData.acknowledged));
  for (const issue of found) {
    const [first, second] = issue.documents;
    out.rule('documents.contradiction', `documents:${first.id}+${second.id}:${issue.fact}`, {
      fact: { en: FACT_NAMES[issue.fact].en, 'zh-CN': FACT_NAMES[issue.fact].zh },
      firstDocument: { en: first.title.en, 'zh-CN': first.title.zh },
      secondDocument: { en: second.title.en, 'zh-CN': second.title.zh },
      firstValue: issue.values[0],
      secondValue: issue.values[1],
    });
  }
  return out.issues;
}

/**
 * The licence categories the packet applies for (the Pathway answer) must cover every category the answers
 * call for: a marketplace or device-data service under a B25-only licence is operating outside the licence.
 * Shown on the licence form, where the categories are chosen; an error unless every conclusion calling for
 * the category is disputed.
 */
function checkLicenceCategories(out: IssueList, caseData: Case, decision: Decision): void {
  const plan = licenceCategoryPlan(caseData.answers, decision);
  for (const missing of plan.missing) {
    const firm = missing.conclusions.some((c) => c.confidence !== 'unclear');
    const reason = missing.conclusions[0]?.title ?? { en: missing.category, 'zh-CN': missing.category };
    out.rule(firm ? 'licence.categoryMissing' : 'licence.categoryMaybeMissing', 'answers.licenceCategory', {
      category: missing.category,
      applied: plan.categories.join(' + '),
      reason,
    });
  }
}

/**
 * The personal-information inventory prints as the table of the privacy policy and of the inventory
 * (个人信息清单) wherever a packet document binds it: empty, those documents say 尚未填写个人信息清单; a row
 * without its item, purpose or retention prints a blank. PIPL Art. 17 asks the notice to state exactly
 * those, so a reviewer reads either as an unfinished policy.
 */
function checkPersonalData(out: IssueList, caseData: Case, documents: DocumentDecision): void {
  // The documents that print the inventory's rows (a document that only reads the legal bases, such as the
  // security measures, prints no table).
  const printing = documentTemplates().filter(
    (t) => t.binds.includes('personalData[].item') && templateApplies(t, caseData, documents),
  );
  if (printing.length === 0) return;
  const names = {
    en: printing.map((t) => `the ${t.title.en}`).join(' and '),
    'zh-CN': printing.map((t) => `《${t.title.zh}》`).join(''),
  };
  if (caseData.personalData.length === 0) {
    out.rule('privacy.inventoryEmpty', 'personalData', { documents: names });
    return;
  }
  caseData.personalData.forEach((row, i) => {
    for (const gap of inventoryGaps(row)) {
      const path = `personalData.${i}.${gap}`;
      out.rule('privacy.inventoryIncomplete', path, {
        number: i + 1,
        field: labelOf(path),
        documents: names,
      });
    }
  });
  checkCrossBorderRoute(out, caseData);
}

/**
 * A transfer abroad by a mechanism the volumes do not allow (a standard contract where the security
 * assessment is due): the inventory editor marks the row, and the pre-flight names it at the row's mechanism,
 * since the privacy policy prints that mechanism.
 */
function checkCrossBorderRoute(out: IssueList, caseData: Case): void {
  const route = crossBorderRoute(caseData.personalDataScale);
  if (!route) return;
  const mechanisms = documentLabels().tables.crossBorderMechanism ?? {};
  const named = (id: string): Bilingual => {
    const label = mechanisms[id];
    return label ? { en: label.en, 'zh-CN': label.zh } : { en: id, 'zh-CN': id };
  };
  const allowed = route.mechanisms.map(named);
  const related = relatedFields(caseData, [
    'personalDataScale.crossBorderPeople',
    'personalDataScale.crossBorderSensitivePeople',
  ]);
  caseData.personalData.forEach((row, i) => {
    if (!inventoryFlags(row, { route }).includes('crossBorderMechanismNotAllowed')) return;
    const item = row.item.trim();
    out.rule(
      'privacy.crossBorderRouteMismatch',
      `personalData.${i}.crossBorderMechanism`,
      {
        number: i + 1,
        item: item ? { en: item, 'zh-CN': item } : { en: `item ${i + 1}`, 'zh-CN': `第${i + 1}项` },
        mechanism: named(row.crossBorderMechanism),
        route: route.title,
        allowed: {
          en: allowed.map((a) => `“${a.en}”`).join(' or '),
          'zh-CN': allowed.map((a) => `“${a['zh-CN']}”`).join('或'),
        },
      },
      undefined,
      related,
    );
  });
}

/** The other fields a finding names, with the step and the label to open them by. */
function relatedFields(caseData: Case, paths: readonly string[]): RelatedField[] {
  return paths.map((path) => {
    const kind = serviceKindAt(caseData, path);
    return { path, step: stepOf(path, kind), label: describeField(caseData, path) };
  });
}

function addFindings(out: IssueList, caseData: Case, findings: readonly CrossFinding[]): void {
  for (const f of findings) {
    const step =
      rule(f.code).step === 'documents' ? stepOf(f.path, serviceKindAt(caseData, f.path)) : undefined;
    out.rule(f.code, f.path, f.params, step, relatedFields(caseData, f.related));
  }
}

/** 《A》《B》 / the A and the B: the documents a finding concerns, as their titles read. */
function documentNames(documents: readonly DocumentRef[]): Bilingual {
  const en = documents.map((d) => `the ${d.title.en}`);
  return {
    en: en.length > 1 ? `${en.slice(0, -1).join(', ')} and ${en.at(-1)}` : (en[0] ?? ''),
    'zh-CN': documents.map((d) => `《${d.title.zh}》`).join(''),
  };
}

const SHOWN: Record<PrintedGap, Bilingual> = {
  blank: { en: 'a blank line (________)', 'zh-CN': '空白横线（________）' },
  none: { en: '“无” (none)', 'zh-CN': '“无”' },
  notYet: { en: '“尚未备案” (not yet filed)', 'zh-CN': '“尚未备案”' },
};

/**
 * Every value the packet's documents print, held to their templates' `prints` declarations: a fact the
 * document needs that would print as a blank, 无 or 尚未备案 is an error on the field that feeds it, and so is
 * English in a place the document prints in Chinese (core/documents/printed-values.ts). A field that already
 * has an error (required, incomplete inventory row) is not reported twice.
 */
function checkPrintedValues(out: IssueList, caseData: Case, packet: readonly ResolvedPacketDocument[]): void {
  for (const finding of printedValueFindings(packet)) {
    const kind = serviceKindAt(caseData, finding.path);
    const params = {
      field: describeField(caseData, finding.path),
      documents: documentNames(finding.documents),
    };
    const step = stepOf(finding.path, kind);
    if (finding.kind === 'notChinese') {
      out.rule(
        'document.notChinese',
        finding.path,
        { ...params, passage: finding.passages.join('”, “') },
        step,
      );
      continue;
    }
    if (out.hasErrorAt(finding.path)) continue;
    out.rule(
      finding.finding ?? 'document.valueMissing',
      finding.path,
      { ...params, shown: SHOWN[finding.gap] },
      step,
    );
  }
}
