/**
 * Facts of a case checked against each other, the way a reviewer reads two documents side by side: each
 * finding names the field it is raised on and the other fields it contradicts (`related`), so the user is
 * taken to both places. Pure functions; core/rules/preflight.ts turns the findings into issues.
 */
import type { Case, LicenceCategoryCode, Person } from '../model/case';
import { sameIdentity } from '../model/principal';
import { printedName } from '../documents/names';
import { formatCny } from '../documents/resolve';
import type { Bilingual } from '../validate/types';
import { PREFLIGHT } from './data';
import type { Decision } from './decide';
import { licenceCategoryPlan } from './licence-categories';

export type FindingParams = Record<string, string | number | Bilingual>;

export interface CrossFinding {
  /** The pre-flight rule code (templates/rules/preflight-rules.json). */
  code: string;
  /** The field the finding is raised on. */
  path: string;
  params: FindingParams;
  /** The other fields it names. */
  related: string[];
}

const bilingual = (text: string): Bilingual => ({ en: text, 'zh-CN': text });

/**
 * One legal representative per company. A service's person in charge marked as the legal representative
 * must be that person (same ID number, else same name); one who is the legal representative by identity but
 * not marked would make the packet ask that person to authorise themselves.
 */
export function legalRepresentativeFindings(caseData: Case): CrossFinding[] {
  // With the subject's principal linked, the legal representative's details are the principal's.
  const linked = caseData.principal.isLegalRepresentative;
  const legalRep: Person = linked ? caseData.principal : caseData.legalRepresentative;
  const legalRepPath = linked ? 'principal.name' : 'legalRepresentative.name';
  const findings: CrossFinding[] = [];
  caseData.services.forEach((service, i) => {
    const person = service.principal;
    if (!person) return;
    const same = sameIdentity(person, legalRep);
    if (same === null) return;
    const params = {
      person: {
        en: `the person in charge of ${service.name || `service ${i + 1}`} (${printedName(person, 'en')})`,
        'zh-CN': `${service.name || `第${i + 1}项服务`}的负责人${printedName(person, 'zh')}`,
      },
      legalRep: { en: printedName(legalRep, 'en'), 'zh-CN': printedName(legalRep, 'zh') },
    };
    const path = `services.${i}.principal.isLegalRepresentative`;
    if (person.isLegalRepresentative && !same)
      findings.push({ code: 'people.twoLegalRepresentatives', path, params, related: [legalRepPath] });
    else if (!person.isLegalRepresentative && same && person.idNumber.trim() && legalRep.idNumber.trim())
      findings.push({ code: 'people.legalRepresentativeUnmarked', path, params, related: [legalRepPath] });
  });
  return findings;
}

const money = (amount: number): Bilingual => ({
  en: formatCny(amount, 'en'),
  'zh-CN': formatCny(amount, 'zh'),
});

/**
 * The registered capital is the sum of the shareholders' subscribed contributions (Company Law Art. 47), and
 * the shareholdings add up to 100 %, checked once every figure is entered (an empty one is a gap of its own).
 * A company shareholder lists its owners: the ownership chart traces every holding to natural persons.
 */
export function capitalFindings(caseData: Case): CrossFinding[] {
  const { registeredCapitalCny: capital, shareholders } = caseData.subject;
  if (shareholders.length === 0) return [];
  const findings: CrossFinding[] = [];
  const contributions = shareholders.map((s) => s.contributionCny);
  if (capital !== null && contributions.every((c) => c !== null)) {
    const sum = contributions.reduce<number>((total, c) => total + (c ?? 0), 0);
    if (Math.abs(sum - capital) > 0.005)
      findings.push({
        code: 'subject.capitalMismatch',
        path: 'subject.registeredCapitalCny',
        params: { capital: money(capital), sum: money(sum) },
        related: shareholders.map((_, i) => `subject.shareholders.${i}.contributionCny`),
      });
  }
  shareholders.forEach((holder, i) => {
    if (holder.kind === 'company' && holder.name.trim() && holder.owners.length === 0)
      findings.push({
        code: 'subject.shareholderOwnersMissing',
        path: `subject.shareholders.${i}.owners`,
        params: { name: holder.name.trim() },
        related: [],
      });
  });
  const shares = shareholders.map((s) => s.sharePct);
  if (shares.every((p) => p !== null)) {
    const total = shares.reduce<number>((sum, p) => sum + (p ?? 0), 0);
    if (Math.abs(total - 100) > 0.01)
      findings.push({
        code: 'subject.sharesNotWhole',
        path: 'subject.shareholders.0.sharePct',
        params: { total: Math.round(total * 100) / 100 },
        related: shareholders.slice(1).map((_, i) => `subject.shareholders.${i + 1}.sharePct`),
      });
  }
  return findings;
}

/** What each category is, from the rule's own params (templates/rules/preflight-rules.json PF45). */
function categoryNeeds(category: LicenceCategoryCode): Bilingual {
  const params = PREFLIGHT.rules.find((r) => r.code === 'licence.categoryWithoutBusiness')?.params;
  const needs = (params?.[category] ?? null) as Bilingual | null;
  return needs ?? bilingual(category);
}

/**
 * Each category applied for needs a business of that category among the answers: B21 a transaction or
 * data-processing business (a marketplace for other sellers, device data), B25 a paid information service.
 * The categories the answers call for are the decision's (templates/rules/pathway-rules.json R5–R8, R23).
 */
export function categoryBusinessFindings(caseData: Case, decision: Decision): CrossFinding[] {
  const plan = licenceCategoryPlan(caseData.answers, decision);
  if (plan.source !== 'answer') return [];
  const called = new Set(plan.required.map((r) => r.category));
  return plan.categories
    .filter((category) => !called.has(category))
    .map((category) => ({
      code: 'licence.categoryWithoutBusiness',
      path: 'answers.licenceCategory',
      params: { category, needs: categoryNeeds(category) },
      related: ['answers.activities'],
    }));
}

/** A former name with no answer to "was a filing made under it?": the packet cannot tell whether it needs the letter. */
export function renameFindings(caseData: Case): CrossFinding[] {
  return caseData.subject.formerNames.flatMap((former, i) =>
    former.name.trim() && former.filedUnder === null
      ? [
          {
            code: 'rename.filedUnderUnknown',
            path: `subject.formerNames.${i}.filedUnder`,
            params: { name: former.name.trim() },
            related: [],
          },
        ]
      : [],
  );
}

const PROBLEMS = {
  sensitiveWithoutCategory: {
    en: 'is marked sensitive but names no sensitive category: the inventory would print “敏感类别 无” against it',
    'zh-CN': '标注为敏感个人信息，但未选择敏感类别：《个人信息清单》中将对其印出“敏感类别 无”',
  },
  categoryNotSensitive: {
    en: 'names a sensitive category but is not marked sensitive: the policy would say “否” where the inventory lists the category',
    'zh-CN':
      '选择了敏感类别，但未标注为敏感个人信息：《个人信息保护政策》将印为“否”，与《个人信息清单》所列类别不符',
  },
};

/**
 * The privacy policy and the inventory say the same about each item: an item is sensitive exactly when it
 * names a sensitive category (PIPL Art. 28). The privacy mailbox is the processor's, not one person's own.
 */
export function privacyFindings(caseData: Case): CrossFinding[] {
  const findings: CrossFinding[] = [];
  caseData.personalData.forEach((row, i) => {
    const named = row.sensitiveCategories.length > 0;
    if (row.sensitive === named) return;
    findings.push({
      code: 'privacy.sensitiveMismatch',
      path: `personalData.${i}.sensitiveCategories`,
      params: {
        number: i + 1,
        item: row.item.trim() || '—',
        problem: row.sensitive ? PROBLEMS.sensitiveWithoutCategory : PROBLEMS.categoryNotSensitive,
      },
      related: [],
    });
  });
  const mailbox = caseData.subject.privacyContactEmail.trim().toLowerCase();
  if (mailbox) {
    const people: [string, Person][] = [
      ['principal', caseData.principal],
      ['legalRepresentative', caseData.legalRepresentative],
      ...caseData.services.flatMap((s, i): [string, Person][] =>
        s.principal ? [[`services.${i}.principal`, s.principal]] : [],
      ),
    ];
    const owner = people.find(([, p]) => p.email.trim().toLowerCase() === mailbox);
    if (owner)
      findings.push({
        code: 'privacy.contactNotDedicated',
        path: 'subject.privacyContactEmail',
        params: {
          email: caseData.subject.privacyContactEmail.trim(),
          person: { en: printedName(owner[1], 'en'), 'zh-CN': printedName(owner[1], 'zh') },
        },
        related: [`${owner[0]}.email`],
      });
  }
  return findings;
}
