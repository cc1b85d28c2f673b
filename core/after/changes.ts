/**
 * Changes of a licence holder (变更): the user records an event — a new legal representative, a new name, a
 * capital change, a shareholder change, a new domain on the licence, a new person in charge of the filing
 * subject — and this module checks it, applies it to the case (the new values become the case's values
 * everywhere; the old ones stay in the event as its history), and works out what follows: the licence
 * change's deadline, the filing-side change (变更备案) of every filed service, and the materials of the
 * change packet. Rules are data (templates/rules/licence-lifecycle.json).
 *
 * Deadlines count calendar days, weekends and holidays included: the sources give calendar days and move no
 * deadline off a weekend.
 */
import * as z from 'zod';
import {
  CHANGE_KINDS,
  ChangeValuesSchema,
  PersonSchema,
  ShareholderSchema,
  type Case,
  type ChangeEvent,
  type ChangeKind,
  type ChangeValues,
  type Person,
  type Principal,
  type Service,
  type Shareholder,
} from '../model/case';
import { PERSON_KEYS } from '../model/principal';
import { PacketError } from '../packet/errors';
import { formatCny, formatDate } from '../documents/resolve';
import { glossOf } from '../documents/glossary';
import { printedName } from '../documents/names';
import type { Confidence, Source } from '../rules/data';
import { validateWebsiteDomain } from '../validate/domain';
import type { Bilingual } from '../validate/types';
import {
  LIFECYCLE_RULES,
  changeRule,
  type ChangeRule,
  type DeadlineAnchor,
  type DeadlineRule,
  type FilingField,
  type Label,
  type MaterialRule,
} from './lifecycle-rules';
import { addCalendarDays, dayNumber, isIsoDate } from './working-days';

export { CHANGE_KINDS };

// ------------------------------------------------------------------ deadlines

export interface ComputedDeadline {
  /** The day counted from ('' while the event does not give it). */
  anchorDate: string;
  anchor: DeadlineAnchor;
  /** The last day ('' while the anchor date is missing). */
  date: string;
  days: number;
  direction: 'before' | 'after';
  /** Calendar days from today to the deadline (negative when it has passed); null without a date. */
  daysLeft: number | null;
}

/**
 * `days` calendar days before or after the anchor date. "Within 30 days after" the registration counts
 * from the next day, so the 30th day after is the last one; nothing moves off a weekend or holiday.
 */
export function deadlineFrom(rule: DeadlineRule, event: Pick<ChangeEvent, DeadlineAnchor>, today: string) {
  const anchorDate = event[rule.anchor];
  const date = isIsoDate(anchorDate)
    ? addCalendarDays(anchorDate, rule.direction === 'after' ? rule.days : -rule.days)
    : '';
  return {
    anchorDate: isIsoDate(anchorDate) ? anchorDate : '',
    anchor: rule.anchor,
    date,
    days: rule.days,
    direction: rule.direction,
    daysLeft: date && isIsoDate(today) ? dayNumber(date) - dayNumber(today) : null,
  } satisfies ComputedDeadline;
}

export interface LicenceChangeDeadline extends ComputedDeadline {
  /** Apply for approval before the change is implemented (registered): shareholder changes. */
  approvalBeforeImplementing: boolean;
  /** The licence change was filed (done), so nothing is overdue any more. */
  done: boolean;
  overdue: boolean;
  rule: Bilingual;
  confidence: Confidence;
  sources: Source[];
}

/** The case holds a licence: a licence number, or a grant recorded in the journal. */
export function isLicenceHolder(c: Case): boolean {
  return c.afterApproval.licenceNumber.trim() !== '' || c.journal.some((e) => e.status === 'licence_granted');
}

/**
 * Why the renewal or the annual report cannot be prepared for `c`, as the After approval step does not offer
 * them: the case holds no licence (an ICP filing is neither renewed nor reported on).
 */
export function noLicenceRefusal(c: Case, what: 'renewal' | 'annualReport'): PacketError | undefined {
  return isLicenceHolder(c) ? undefined : new PacketError('noLicence', { what, missing: 'licence' });
}

/**
 * The licence side's deadline of an event; undefined for a change the licence does not record, or a case
 * without a licence (only its filings change).
 */
export function licenceDeadline(
  c: Case,
  event: ChangeEvent,
  today: string,
): LicenceChangeDeadline | undefined {
  const rule = changeRule(event.kind);
  if (!rule.deadline || !rule.licenceItem || !isLicenceHolder(c)) return undefined;
  const computed = deadlineFrom(rule.deadline, event, today);
  const done = event.licenceChangeFiledOn !== '';
  return {
    ...computed,
    approvalBeforeImplementing: rule.approvalBeforeImplementing,
    done,
    overdue: !done && computed.daysLeft !== null && computed.daysLeft < 0,
    rule: rule.rule,
    confidence: rule.confidence,
    sources: rule.sources,
  };
}

// ------------------------------------------------------------------ the filing side

/** The filing number of a service: the go-live kit's, else the service's own; '' when not filed. */
export function serviceFilingNumber(c: Case, service: Service): string {
  return (
    c.afterApproval.serviceNumbers.find((n) => n.serviceId === service.id)?.number.trim() ||
    service.filingNumber?.trim() ||
    ''
  );
}

/** Who the filing goes through: the hosting provider of a website or App, the platform of a mini-program. */
function filedVia(service: Service): Bilingual {
  if (service.kind === 'mini_program') {
    const names: Record<string, Bilingual> = {
      wechat: { en: 'WeChat (mini-program admin console)', 'zh-CN': '微信公众平台（小程序管理后台）' },
      alipay: { en: 'Alipay Open Platform', 'zh-CN': '支付宝开放平台' },
      douyin: { en: 'Douyin Open Platform', 'zh-CN': '抖音开放平台' },
      baidu: { en: 'Baidu smart-program platform', 'zh-CN': '百度智能小程序平台' },
    };
    return names[service.platform] ?? { en: 'the mini-program platform', 'zh-CN': '小程序平台' };
  }
  const provider = service.accessProvider.trim();
  return provider
    ? { en: glossOf(provider) ?? provider, 'zh-CN': provider }
    : { en: 'your hosting provider', 'zh-CN': '原接入服务商' };
}

export interface FilingChange {
  serviceId: string;
  serviceName: string;
  kind: Service['kind'];
  /** The service's filing number ('' when only the subject's number is known). */
  number: string;
  via: Bilingual;
  /** What the filing records that changes, old → new. */
  fields: { label: Label; before: Bilingual; after: Bilingual }[];
  deadline: ComputedDeadline;
  /** Submitted on this day ('' while not). */
  filedOn: string;
  overdue: boolean;
  /** Sources disagree on what a mini-program needs (cancel and re-file, or a change filing). */
  note?: Bilingual;
}

/** The services filed in the mainland: each with its own number, or all of them under a filed subject. */
export function filedServices(c: Case): Service[] {
  const subjectFiled = (c.afterApproval.filingNumber || c.subject.filingNumber).trim() !== '';
  return c.services.filter((s) => subjectFiled || serviceFilingNumber(c, s) !== '');
}

/** The filing-side change of every filed service an event touches, with its deadline. */
export function filingChanges(c: Case, event: ChangeEvent, today: string): FilingChange[] {
  const rule = changeRule(event.kind);
  if (!rule.filing) return [];
  const filing = rule.filing;
  const services = filedServices(c).filter(
    (s) => event.kind !== 'licence_domain' || s.id === event.serviceId,
  );
  const fields = filing.fields
    .map((field) => ({
      label: { 'zh-CN': field['zh-CN'], en: field.en },
      ...filingFieldValues(c, event, field.id),
    }))
    .filter((f) => f.before['zh-CN'] !== f.after['zh-CN'] || f.before.en !== f.after.en);
  return services.map((service) => {
    const deadline = deadlineFrom(filing.deadline, event, today);
    const filedOn = event.filingChanges.find((f) => f.serviceId === service.id)?.filedOn ?? '';
    return {
      serviceId: service.id,
      serviceName: service.name,
      kind: service.kind,
      number: serviceFilingNumber(c, service),
      via: filedVia(service),
      fields,
      deadline,
      filedOn,
      overdue: filedOn === '' && deadline.daysLeft !== null && deadline.daysLeft < 0,
      ...(service.kind === 'mini_program' && event.kind !== 'licence_domain'
        ? { note: LIFECYCLE_RULES.filingSide.miniProgramNote }
        : {}),
    };
  });
}

// ------------------------------------------------------------------ describing the values

const both = (text: string): Bilingual => ({ en: text, 'zh-CN': text });

/** A filed field's value before and after the event. */
function filingFieldValues(
  c: Case,
  event: ChangeEvent,
  field: FilingField,
): { before: Bilingual; after: Bilingual } {
  const person = (p: Person | null): Bilingual => ({ en: personName(p, 'en'), 'zh-CN': personName(p, 'zh') });
  switch (field) {
    case 'legalRepresentative':
      return { before: person(event.before.person), after: person(event.next.person) };
    case 'principal':
      return { before: person(event.before.principal), after: person(event.next.principal) };
    case 'subjectName':
      return {
        before: { en: event.before.nameLatin || event.before.name, 'zh-CN': event.before.name },
        after: { en: event.next.nameLatin || event.next.name, 'zh-CN': event.next.name },
      };
    case 'certificate':
      return {
        before: { en: 'Business licence under the old name', 'zh-CN': '原名称营业执照' },
        after: { en: 'Business licence under the new name', 'zh-CN': '更名后的营业执照' },
      };
    case 'domainHolder': {
      // The registrant as WHOIS shows it changes at the registrar, before the filing change.
      const holders = [...new Set(c.services.flatMap((s) => (s.kind === 'website' ? [s.domainHolder] : [])))];
      // In English the company's Latin name where the holder is the company (the English lines carry no Chinese).
      const latin = (name: string) =>
        name === event.before.name && event.before.nameLatin ? event.before.nameLatin : name;
      return {
        before: {
          en: holders.map(latin).join(', ') || latin(event.before.name),
          'zh-CN': holders.join('、') || event.before.name,
        },
        after: {
          en: `${event.next.nameLatin || event.next.name} (change it at the registrar first)`,
          'zh-CN': `${event.next.name}（须先在域名注册商处变更）`,
        },
      };
    }
    case 'investor': {
      const names = (list: readonly Shareholder[]): Bilingual => ({
        en: list.map((s) => s.nameLatin || s.name).join(', '),
        'zh-CN': list.map((s) => s.name).join('、'),
      });
      return { before: names(event.before.shareholders), after: names(event.next.shareholders) };
    }
    case 'domains':
      return { before: both(event.before.domains.join('、')), after: both(event.next.domains.join('、')) };
  }
}

const personName = (person: Person | null, lang: 'zh' | 'en') =>
  person ? printedName(person, lang) || person.name || person.nameLatin : '';

function shareholderList(list: readonly Shareholder[], lang: 'zh' | 'en'): string {
  return list
    .map((s) => {
      const name = lang === 'en' ? s.nameLatin || s.name : s.name || s.nameLatin;
      return s.sharePct === null ? name : `${name} ${s.sharePct}%`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

function valuesText(kind: ChangeKind, values: ChangeValues, lang: 'zh' | 'en'): string {
  switch (kind) {
    case 'legal_representative':
    case 'filing_subject':
      return personName(values.person, lang);
    case 'name':
      return lang === 'en' ? values.nameLatin || values.name : values.name;
    case 'registered_capital':
      return values.registeredCapitalCny === null ? '' : formatCny(values.registeredCapitalCny, lang);
    case 'shareholders':
      return shareholderList(values.shareholders, lang);
    case 'licence_domain':
      return values.domains.join(lang === 'zh' ? '、' : ', ');
  }
}

/** The event's old and new values in words, as the documents and the screens print them. */
export function describeValues(_c: Case, event: ChangeEvent): { before: Bilingual; after: Bilingual } {
  const text = (values: ChangeValues): Bilingual => ({
    en: valuesText(event.kind, values, 'en'),
    'zh-CN': valuesText(event.kind, values, 'zh'),
  });
  return { before: text(event.before), after: text(event.next) };
}

// ------------------------------------------------------------------ recording an event

/**
 * A change described in a file (the CLI's `--details`): the fields of {@link ChangeDraft}, unknown keys
 * refused so a misspelt key is not silently ignored.
 */
export const ChangeDraftSchema = z.strictObject({
  kind: z.enum(CHANGE_KINDS),
  registeredOn: z.string().max(10).optional(),
  decidedOn: z.string().max(10).optional(),
  effectiveOn: z.string().max(10).optional(),
  note: z.string().max(1000).optional(),
  person: PersonSchema.strict().optional(),
  principalFollows: z.boolean().optional(),
  name: z.string().max(200).optional(),
  nameLatin: z.string().max(200).optional(),
  registeredCapitalCny: z.number().min(0).max(10_000_000_000_000).nullable().optional(),
  shareholders: z.array(ShareholderSchema.strict()).max(50).optional(),
  serviceId: z.string().max(64).optional(),
  domain: z.string().max(253).optional(),
});

/** What the user enters for an event; only the parts its kind uses are read. */
export interface ChangeDraft {
  kind: ChangeKind;
  registeredOn?: string;
  decidedOn?: string;
  effectiveOn?: string;
  note?: string;
  /** legal_representative: the new legal representative; filing_subject: the new person in charge. */
  person?: Person;
  /** legal_representative: the new legal representative also becomes the subject's person in charge. */
  principalFollows?: boolean;
  name?: string;
  nameLatin?: string;
  registeredCapitalCny?: number | null;
  shareholders?: Shareholder[];
  serviceId?: string;
  domain?: string;
}

export type ChangeProblemCode =
  | 'dateMissing'
  | 'dateInvalid'
  | 'dateInFuture'
  | 'personMissing'
  | 'titleMissing'
  | 'unchanged'
  | 'nameMissing'
  | 'capitalMissing'
  | 'contributionsNotCapital'
  | 'shareholdersMissing'
  | 'sharesNot100'
  | 'serviceMissing'
  | 'domainInvalid'
  | 'domainListed';

/** What each problem means, in both languages (the app and the CLI print the same words). */
export const CHANGE_PROBLEM_MESSAGES: Record<ChangeProblemCode, Bilingual> = {
  dateMissing: { en: 'Enter the date the change is counted from.', 'zh-CN': '请填写变更的起算日期。' },
  dateInvalid: { en: 'Enter the date as YYYY-MM-DD.', 'zh-CN': '日期请按 YYYY-MM-DD 格式填写。' },
  dateInFuture: {
    en: 'A registration or a company decision cannot be in the future: record it once it has happened.',
    'zh-CN': '变更登记或公司决定的日期不能晚于今天，请在事项发生后再记录。',
  },
  personMissing: {
    en: 'Enter the new person’s name and identity document number.',
    'zh-CN': '请填写新任人员的姓名和证件号码。',
  },
  titleMissing: {
    en: 'Enter the new person in charge’s job title: the legal representative’s authorization letter names it.',
    'zh-CN': '请填写新任主体负责人的职务：法定代表人授权书会写明其职务。',
  },
  unchanged: {
    en: 'This is what the case holds already: nothing changes.',
    'zh-CN': '与申请中现有的信息相同，没有发生变更。',
  },
  nameMissing: {
    en: 'Enter the new name exactly as on the business licence.',
    'zh-CN': '请按营业执照填写新名称。',
  },
  capitalMissing: {
    en: 'Enter the new registered capital in RMB.',
    'zh-CN': '请填写变更后的注册资本（元）。',
  },
  contributionsNotCapital: {
    en: 'The shareholders’ contributions do not add up to the new registered capital: enter each contribution after the change (the shareholders’ resolution lists them).',
    'zh-CN': '各股东出资额之和与变更后的注册资本不符：请填写变更后各股东的出资额（股东会决议将逐一列明）。',
  },
  shareholdersMissing: { en: 'List the shareholders after the change.', 'zh-CN': '请列出变更后的股东。' },
  sharesNot100: {
    en: 'The shares after the change must add up to 100 %.',
    'zh-CN': '变更后各股东持股比例之和须为100%。',
  },
  serviceMissing: { en: 'Choose the website the domain is added to.', 'zh-CN': '请选择新增域名所属的网站。' },
  domainInvalid: { en: 'The domain is not valid.', 'zh-CN': '域名无效。' },
  domainListed: {
    en: 'The website lists this domain already.',
    'zh-CN': '该网站已包含此域名。',
  },
};

/** A problem's message, with the validator's own words where it gave them. */
export function changeProblemText(problem: ChangeProblem): Bilingual {
  return problem.detail ?? CHANGE_PROBLEM_MESSAGES[problem.code];
}

export interface ChangeProblem {
  field: 'date' | 'person' | 'name' | 'capital' | 'shareholders' | 'service' | 'domain';
  code: ChangeProblemCode;
  /** The validator's own words (a domain), in both languages. */
  detail?: Bilingual;
}

/** The date an event of this kind is counted from, and whether it may lie ahead (a planned change). */
export function anchorOf(kind: ChangeKind): { anchor: DeadlineAnchor; mayBeFuture: boolean } {
  const rule = changeRule(kind);
  const anchor = rule.deadline?.anchor ?? rule.filing?.deadline.anchor ?? 'effectiveOn';
  // A registration or a company decision is a fact already; a new person in charge or domain may be planned.
  return { anchor, mayBeFuture: anchor === 'effectiveOn' };
}

const sameText = (a: string, b: string) => a.trim() === b.trim();

function samePerson(a: Person, b: Person): boolean {
  return sameText(a.name, b.name) && sameText(a.idNumber, b.idNumber);
}

/** What is wrong with an event before it is recorded; nothing is recorded while there is a problem. */
export function checkChange(c: Case, draft: ChangeDraft, today: string): ChangeProblem[] {
  const problems: ChangeProblem[] = [];
  const { anchor, mayBeFuture } = anchorOf(draft.kind);
  const date = (draft[anchor] ?? '').trim();
  if (date === '') problems.push({ field: 'date', code: 'dateMissing' });
  else if (!isIsoDate(date)) problems.push({ field: 'date', code: 'dateInvalid' });
  else if (!mayBeFuture && date > today) problems.push({ field: 'date', code: 'dateInFuture' });

  switch (draft.kind) {
    case 'legal_representative':
    case 'filing_subject': {
      const person = draft.person;
      if (!person || person.name.trim() === '' || person.idNumber.trim() === '')
        problems.push({ field: 'person', code: 'personMissing' });
      else {
        const current = draft.kind === 'legal_representative' ? c.legalRepresentative : c.principal;
        if (samePerson(person, current)) problems.push({ field: 'person', code: 'unchanged' });
        // A person in charge other than the legal representative is appointed by the authorization letter,
        // which names the job title (兹委托…（职务，证件号码…）): without it the letter prints a blank.
        else if (
          draft.kind === 'filing_subject' &&
          !samePerson(person, c.legalRepresentative) &&
          person.title.trim() === ''
        )
          problems.push({ field: 'person', code: 'titleMissing' });
      }
      break;
    }
    case 'name':
      if (!draft.name?.trim()) problems.push({ field: 'name', code: 'nameMissing' });
      else if (sameText(draft.name, c.subject.name)) problems.push({ field: 'name', code: 'unchanged' });
      break;
    case 'registered_capital':
      if (
        draft.registeredCapitalCny === null ||
        draft.registeredCapitalCny === undefined ||
        draft.registeredCapitalCny <= 0
      )
        problems.push({ field: 'capital', code: 'capitalMissing' });
      else if (draft.registeredCapitalCny === c.subject.registeredCapitalCny)
        problems.push({ field: 'capital', code: 'unchanged' });
      else {
        // The resolution's table lists each shareholder's contribution: after the change they make up the new
        // capital (the shareholders given, else the case's own). Contributions nobody entered are not checked.
        const given = (draft.shareholders ?? []).filter((s) => s.name.trim() !== '');
        const list = given.length ? given : c.subject.shareholders;
        const amounts = list.map((s) => s.contributionCny);
        if (
          amounts.length > 0 &&
          amounts.every((a) => a !== null && a !== undefined) &&
          Math.abs(amounts.reduce((sum: number, a) => sum + (a ?? 0), 0) - draft.registeredCapitalCny) > 0.5
        )
          problems.push({ field: 'shareholders', code: 'contributionsNotCapital' });
      }
      break;
    case 'shareholders': {
      const list = (draft.shareholders ?? []).filter((s) => s.name.trim() !== '');
      if (list.length === 0) problems.push({ field: 'shareholders', code: 'shareholdersMissing' });
      else {
        const total = list.reduce((sum, s) => sum + (s.sharePct ?? 0), 0);
        if (Math.abs(total - 100) > 0.01) problems.push({ field: 'shareholders', code: 'sharesNot100' });
      }
      break;
    }
    case 'licence_domain': {
      const website = c.services.find((s) => s.id === draft.serviceId && s.kind === 'website');
      if (!website) problems.push({ field: 'service', code: 'serviceMissing' });
      const domain = (draft.domain ?? '').trim().toLowerCase();
      const issues = validateWebsiteDomain(domain).filter((i) => i.severity === 'error');
      if (issues[0]) problems.push({ field: 'domain', code: 'domainInvalid', detail: issues[0].message });
      else if (website?.kind === 'website' && website.domains.some((d) => d.toLowerCase() === domain))
        problems.push({ field: 'domain', code: 'domainListed' });
      break;
    }
  }
  return problems;
}

function personOnly(source: Person): Person {
  return Object.fromEntries(PERSON_KEYS.map((key) => [key, source[key]])) as unknown as Person;
}

const emptyValues = (): ChangeValues => ChangeValuesSchema.parse({});

/** Foreign equity from a shareholder list whose countries and shares are all known; null otherwise. */
function foreignEquity(list: readonly Shareholder[]): number | null {
  if (list.some((s) => s.country.trim() === '' || s.sharePct === null)) return null;
  return list.filter((s) => s.country.toUpperCase() !== 'CN').reduce((sum, s) => sum + (s.sharePct ?? 0), 0);
}

/**
 * Records a checked event and applies it: the new legal representative becomes THE legal representative
 * (and the person in charge, when it follows), a new name becomes the subject's name with the old one among
 * its former names, and so on. What the case held before is kept in the event (`before`).
 */
export function recordChange(c: Case, draft: ChangeDraft, id: string, now: Date): Case {
  const before = emptyValues();
  const next = emptyValues();
  let updated: Case = c;
  switch (draft.kind) {
    case 'legal_representative': {
      const person = personOnly(draft.person!);
      const follows = draft.principalFollows ?? true;
      const principal: Principal = follows
        ? { ...person, isLegalRepresentative: true }
        : { ...c.principal, isLegalRepresentative: false };
      before.person = c.legalRepresentative;
      before.principal = c.principal;
      next.person = person;
      next.principal = principal;
      updated = { ...c, legalRepresentative: person, principal };
      break;
    }
    case 'filing_subject': {
      const person = personOnly(draft.person!);
      const principal: Principal = {
        ...person,
        isLegalRepresentative: samePerson(person, c.legalRepresentative),
      };
      before.person = personOnly(c.principal);
      before.principal = c.principal;
      next.person = person;
      next.principal = principal;
      updated = { ...c, principal };
      break;
    }
    case 'name': {
      before.name = c.subject.name;
      before.nameLatin = c.subject.nameLatin;
      next.name = draft.name!.trim();
      next.nameLatin = (draft.nameLatin ?? '').trim();
      updated = {
        ...c,
        subject: {
          ...c.subject,
          name: next.name,
          nameLatin: next.nameLatin,
          formerNames: [
            ...c.subject.formerNames,
            // The case's filing was made under the old name when the subject holds a filing number.
            {
              name: c.subject.name,
              changedOn: draft.registeredOn ?? '',
              filedUnder: c.subject.filingNumber.trim() !== '',
            },
          ],
        },
      };
      break;
    }
    case 'registered_capital': {
      before.registeredCapitalCny = c.subject.registeredCapitalCny;
      next.registeredCapitalCny = draft.registeredCapitalCny ?? null;
      const shareholders = (draft.shareholders ?? []).filter((s) => s.name.trim() !== '');
      if (shareholders.length) {
        before.shareholders = c.subject.shareholders;
        next.shareholders = shareholders;
      }
      updated = {
        ...c,
        subject: {
          ...c.subject,
          registeredCapitalCny: next.registeredCapitalCny,
          ...(shareholders.length ? { shareholders } : {}),
        },
      };
      break;
    }
    case 'shareholders': {
      const shareholders = (draft.shareholders ?? []).filter((s) => s.name.trim() !== '');
      before.shareholders = c.subject.shareholders;
      next.shareholders = shareholders;
      // 投资人 (the filing's investor field) follows the shareholders when it listed them, or was left empty.
      const oldNames = c.subject.shareholders.map((s) => s.name).join('、');
      const investor =
        c.subject.investor.trim() === '' || c.subject.investor.trim() === oldNames
          ? shareholders.map((s) => s.name).join('、')
          : c.subject.investor;
      const foreign = foreignEquity(shareholders);
      updated = {
        ...c,
        subject: { ...c.subject, shareholders, investor },
        answers: foreign === null ? c.answers : { ...c.answers, foreignEquityPct: foreign },
      };
      break;
    }
    case 'licence_domain': {
      const domain = (draft.domain ?? '').trim().toLowerCase();
      const website = c.services.find((s) => s.id === draft.serviceId);
      if (website?.kind === 'website') {
        before.domains = website.domains;
        next.domains = [...website.domains, domain];
      }
      updated = {
        ...c,
        services: c.services.map((s) =>
          s.id === draft.serviceId && s.kind === 'website' ? { ...s, domains: [...s.domains, domain] } : s,
        ),
      };
      break;
    }
  }
  const event: ChangeEvent = {
    id,
    kind: draft.kind,
    recordedAt: now.toISOString(),
    registeredOn: (draft.registeredOn ?? '').trim(),
    decidedOn: (draft.decidedOn ?? '').trim(),
    effectiveOn: (draft.effectiveOn ?? '').trim(),
    note: draft.note ?? '',
    principalFollows: draft.principalFollows ?? true,
    serviceId: draft.kind === 'licence_domain' ? (draft.serviceId ?? '') : '',
    domain: draft.kind === 'licence_domain' ? (draft.domain ?? '').trim().toLowerCase() : '',
    next,
    before,
    licenceChangeFiledOn: '',
    approvedOn: '',
    filingChanges: [],
  };
  return { ...updated, lifecycle: { ...updated.lifecycle, changes: [...updated.lifecycle.changes, event] } };
}

/** Progress of an event: the licence change filed, its approval, a service's filing change submitted. */
export type ChangeProgress =
  | { step: 'licenceFiled'; on: string }
  | { step: 'approved'; on: string }
  | { step: 'filingChanged'; serviceId: string; on: string };

export function markChange(c: Case, eventId: string, progress: ChangeProgress): Case {
  const changes = c.lifecycle.changes.map((event) => {
    if (event.id !== eventId) return event;
    switch (progress.step) {
      case 'licenceFiled':
        return { ...event, licenceChangeFiledOn: progress.on };
      case 'approved':
        return { ...event, approvedOn: progress.on };
      case 'filingChanged': {
        const others = event.filingChanges.filter((f) => f.serviceId !== progress.serviceId);
        return {
          ...event,
          filingChanges: progress.on
            ? [...others, { serviceId: progress.serviceId, filedOn: progress.on }]
            : others,
        };
      }
    }
  });
  return { ...c, lifecycle: { ...c.lifecycle, changes } };
}

/** The latest recorded event of a kind. */
export function latestChange(c: Case, kind: ChangeKind): ChangeEvent | undefined {
  return c.lifecycle.changes.filter((e) => e.kind === kind).at(-1);
}

/**
 * A change is pending while the licence side is not filed (or, for a shareholder change, not approved) and
 * while some filed service's filing change is not submitted.
 */
export function changePending(c: Case, event: ChangeEvent, today: string): boolean {
  const rule = changeRule(event.kind);
  const licenceOpen =
    rule.licenceItem !== null &&
    isLicenceHolder(c) &&
    (event.licenceChangeFiledOn === '' || (rule.approvalBeforeImplementing && event.approvedOn === ''));
  const filingOpen = filingChanges(c, event, today).some((f) => f.filedOn === '');
  return licenceOpen || filingOpen;
}

// ------------------------------------------------------------------ materials

export interface PacketMaterial {
  id: string;
  label: Label;
  /** The template that writes it; absent for what the company attaches. */
  template?: string;
}

function materialApplies(material: MaterialRule, c: Case, event?: ChangeEvent): boolean {
  switch (material.when) {
    case undefined:
      return true;
    case 'foreignShareholder':
      return (event?.next.shareholders ?? c.subject.shareholders).some(
        (s) => s.country.trim() !== '' && s.country.toUpperCase() !== 'CN',
      );
    case 'preApprovals':
      return c.services.some((s) => s.preApprovals.length > 0);
    case 'principalNotLegalRep':
      return !c.principal.isLegalRepresentative;
  }
}

/** The materials of a change packet (the case already holds the event's new values). */
export function changeMaterials(c: Case, event: ChangeEvent): PacketMaterial[] {
  return materialsOf(changeRule(event.kind).materials, c, event);
}

/**
 * The materials that apply to the case: a company without a licence prepares only the filing side, and the
 * filing side only when it has filed services.
 */
export function materialsOf(rules: readonly MaterialRule[], c: Case, event?: ChangeEvent): PacketMaterial[] {
  const licence = isLicenceHolder(c);
  const filed = filedServices(c).length > 0;
  return rules
    .filter((m) => {
      const side = m.side ?? 'licence';
      return side === 'licence' ? licence : side === 'filing' ? filed : licence || filed;
    })
    .filter((m) => materialApplies(m, c, event))
    .map((m) => ({
      id: m.id,
      label: { 'zh-CN': m['zh-CN'], en: m.en },
      ...(m.template ? { template: m.template } : {}),
    }));
}

// ------------------------------------------------------------------ what the documents print

const ARTICLES: Partial<Record<ChangeKind, Bilingual>> = {
  legal_representative: { 'zh-CN': '第二十九条', en: 'Article 29' },
  name: { 'zh-CN': '第二十九条', en: 'Article 29' },
  registered_capital: { 'zh-CN': '第二十九条', en: 'Article 29' },
  shareholders: { 'zh-CN': '第二十八条', en: 'Article 28' },
};

const DATE_LABELS: Record<DeadlineAnchor, Bilingual> = {
  registeredOn: { 'zh-CN': '变更登记日期', en: 'Registered on' },
  decidedOn: { 'zh-CN': '股东会决定日期', en: 'Decided on' },
  effectiveOn: { 'zh-CN': '启用日期', en: 'In use from' },
};

const zhDate = (iso: string) => (isIsoDate(iso) ? formatDate(iso, 'zh') : '');
const enDate = (iso: string) => (isIsoDate(iso) ? formatDate(iso, 'en') : '');

function reasonOf(event: ChangeEvent, values: { before: Bilingual; after: Bilingual }): Bilingual {
  const reg = { zh: zhDate(event.registeredOn), en: enDate(event.registeredOn) };
  const b = values.before;
  const a = values.after;
  switch (event.kind) {
    case 'legal_representative':
      return {
        'zh-CN': `本公司法定代表人已由${b['zh-CN']}变更为${a['zh-CN']}，并于${reg.zh}完成变更登记。`,
        en: `Our legal representative changed from ${b.en} to ${a.en}; the change was registered on ${reg.en}. `,
      };
    case 'name':
      return {
        'zh-CN': `本公司名称已由“${b['zh-CN']}”变更为“${a['zh-CN']}”，并于${reg.zh}完成变更登记，统一社会信用代码不变。`,
        en: `Our name changed from "${b.en}" to "${a.en}"; the change was registered on ${reg.en} and the credit code is unchanged. `,
      };
    case 'registered_capital':
      return {
        'zh-CN': `本公司注册资本已由${b['zh-CN']}变更为${a['zh-CN']}，并于${reg.zh}完成变更登记。`,
        en: `Our registered capital changed from ${b.en} to ${a.en}; the change was registered on ${reg.en}. `,
      };
    case 'shareholders':
      return {
        'zh-CN': `本公司股东会于${zhDate(event.decidedOn)}决定变更股东及股权结构。`,
        en: `Our shareholders decided on ${enDate(event.decidedOn)} to change the shareholders and the shareholding. `,
      };
    case 'licence_domain':
      return {
        'zh-CN': `本公司拟自${zhDate(event.effectiveOn)}起通过网站域名${event.domain}开展许可业务。`,
        en: `From ${enDate(event.effectiveOn)} we intend to run the licensed service on the domain ${event.domain} as well. `,
      };
    case 'filing_subject':
      return { 'zh-CN': '', en: '' };
  }
}

/** The numbered list of enclosures (附件) of a letter: the packet's other materials, in order. */
export function enclosureList(
  materials: readonly PacketMaterial[],
  exclude: string,
): { zh: string; en: string } {
  const list = materials.filter((m) => m.template !== exclude);
  return {
    zh: list.map((m, i) => `${i + 1}．${m.label['zh-CN']}`).join('\n'),
    en: list.map((m, i) => `${i + 1}. ${m.label.en}`).join('\n'),
  };
}

/** The packet values of the change application (licence-change-application.json). */
export function changeLetterValues(c: Case, event: ChangeEvent): Record<string, { zh: string; en: string }> {
  const rule: ChangeRule = changeRule(event.kind);
  const values = describeValues(c, event);
  const reason = reasonOf(event, values);
  const { anchor } = anchorOf(event.kind);
  const article = ARTICLES[event.kind];
  const item = rule.licenceItem ?? { 'zh-CN': '', en: '' };
  const date = event[anchor];
  const none = { zh: '无', en: 'None' };
  return {
    'change.item': { zh: item['zh-CN'], en: item.en.toLowerCase() },
    'change.before': values.before['zh-CN'] ? { zh: values.before['zh-CN'], en: values.before.en } : none,
    'change.after': { zh: values.after['zh-CN'], en: values.after.en },
    'change.date': { zh: zhDate(date), en: enDate(date) },
    'change.dateLabel': { zh: DATE_LABELS[anchor]['zh-CN'], en: DATE_LABELS[anchor].en },
    'change.reason': { zh: reason['zh-CN'], en: reason.en },
    'change.article': article ? { zh: article['zh-CN'], en: article.en } : { zh: '', en: 'the provisions' },
    'change.closing': rule.approvalBeforeImplementing
      ? {
          zh: '本次变更将在获得批准后实施。',
          en: 'The change will be implemented only once it is approved. ',
        }
      : { zh: '', en: '' },
    enclosures: enclosureList(changeMaterials(c, event), 'licence-change-application'),
  };
}

/** Kinds in the order the screens offer them. */
export const CHANGE_KIND_ORDER: readonly ChangeKind[] = CHANGE_KINDS;

export function changeRules(): readonly ChangeRule[] {
  return LIFECYCLE_RULES.changes;
}

export type { ChangeRule };
