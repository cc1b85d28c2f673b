/**
 * Licence renewal (续期): the countdown to the last day to apply (90 days before expiry; the app reminds at
 * 120), the pre-checks agencies list before a renewal is filed (annual reports filed, filings valid,
 * pending changes done first, every licensed service launched), and the renewal packet's materials. Rules
 * are data (templates/rules/licence-lifecycle.json).
 */
import type { Case } from '../model/case';
import type { Confidence, Source } from '../rules/data';
import type { Bilingual } from '../validate/types';
import { licenceFirstYear, storedReport } from './annual-report';
import { PacketError } from '../packet/errors';
import { changePending, filedServices, materialsOf, noLicenceRefusal, type PacketMaterial } from './changes';
import { ANNUAL_REPORT_RULES, LIFECYCLE_RULES, changeRule } from './lifecycle-rules';
import { addCalendarDays, dayNumber, isIsoDate } from './working-days';

/**
 * `noLicence`: no expiry date in the case; `early`: before the reminder (T-120); `open`: from the reminder
 * to the last day to apply (T-90); `late`: after it (a late application is not renewed); `expired`.
 */
export type RenewalPhase = 'noLicence' | 'early' | 'open' | 'late' | 'expired';

export interface RenewalStatus {
  phase: RenewalPhase;
  validTo: string;
  /** T-120: the app's reminder, when the packet is prepared. */
  prepareFrom: string;
  /** T-90: the last day to apply. */
  applyBy: string;
  daysToApplyBy: number | null;
  daysToExpiry: number | null;
  confidence: Confidence;
  sources: Source[];
}

export function renewalStatus(c: Case, today: string): RenewalStatus {
  const validTo = c.afterApproval.licenceValidTo;
  const base = { confidence: LIFECYCLE_RULES.renewal.confidence, sources: LIFECYCLE_RULES.renewal.sources };
  if (!isIsoDate(validTo))
    return {
      ...base,
      phase: 'noLicence',
      validTo: '',
      prepareFrom: '',
      applyBy: '',
      daysToApplyBy: null,
      daysToExpiry: null,
    };
  const prepareFrom = addCalendarDays(validTo, -LIFECYCLE_RULES.renewal.reminderDays);
  const applyBy = addCalendarDays(validTo, -LIFECYCLE_RULES.renewal.leadDays);
  const t = dayNumber(today);
  const phase: RenewalPhase =
    t > dayNumber(validTo)
      ? 'expired'
      : t > dayNumber(applyBy)
        ? 'late'
        : t >= dayNumber(prepareFrom)
          ? 'open'
          : 'early';
  return {
    ...base,
    phase,
    validTo,
    prepareFrom,
    applyBy,
    daysToApplyBy: dayNumber(applyBy) - t,
    daysToExpiry: dayNumber(validTo) - t,
  };
}

/**
 * Why no renewal packet can be made of `c`, as the After approval step offers none: no licence to renew (an
 * ICP filing), or no expiry date — its application form would print the licence's blanks.
 */
export function renewalRefusal(c: Case, today: string): PacketError | undefined {
  return (
    noLicenceRefusal(c, 'renewal') ??
    (renewalStatus(c, today).phase === 'noLicence'
      ? new PacketError('noLicence', { what: 'renewal', missing: 'expiry' })
      : undefined)
  );
}

export type PreCheckId = 'licence' | 'annualReports' | 'filings' | 'pendingChanges' | 'launched';

export interface PreCheck {
  id: PreCheckId;
  ok: boolean;
  /** What is missing or wrong, one line each (empty when ok). */
  findings: Bilingual[];
  sources: Source[];
}

/** The report years owed so far: from the grant year to the last year whose deadline has passed. */
export function reportYearsOwed(c: Case, today: string): number[] {
  const first = licenceFirstYear(c);
  if (first === undefined) return [];
  const deadline = ANNUAL_REPORT_RULES.calendar.deadline.monthDay;
  const years: number[] = [];
  for (let year = first; `${year + 1}-${deadline}` < today; year++) years.push(year);
  return years;
}

const SOURCES_PRECHECKS: Source[] = [
  {
    title: 'Agency guide to renewal: pre-checks before filing (n.d.)',
    url: 'https://www.ssnsa.com/dianxin/erlei/1302.html',
  },
];

export function renewalPreChecks(c: Case, today: string): PreCheck[] {
  const checks: PreCheck[] = [];
  const a = c.afterApproval;

  const licence: Bilingual[] = [];
  if (!a.licenceNumber.trim())
    licence.push({ en: 'The licence number is not entered.', 'zh-CN': '未填写许可证编号。' });
  if (!isIsoDate(a.licenceValidTo))
    licence.push({ en: 'The licence expiry date is not entered.', 'zh-CN': '未填写许可证有效期。' });
  checks.push({
    id: 'licence',
    ok: licence.length === 0,
    findings: licence,
    sources: LIFECYCLE_RULES.renewal.sources,
  });

  const missing = reportYearsOwed(c, today).filter((year) => !storedReport(c, year)?.submittedOn);
  const reports: Bilingual[] = missing.map((year) => ({
    en: `The ${year} annual report is not marked as submitted.`,
    'zh-CN': `${year}年度年报未标记为已报送。`,
  }));
  // Without a grant date or a dated licence number the years owed cannot be counted: say so, never "done".
  if (licenceFirstYear(c) === undefined)
    reports.push({
      en: 'Record the day the licence was granted (status journal) so the reports owed can be counted.',
      'zh-CN': '请在进度记录中登记许可证获批日期，以便核对应报年报的年度。',
    });
  checks.push({
    id: 'annualReports',
    ok: reports.length === 0,
    findings: reports,
    sources: SOURCES_PRECHECKS,
  });

  const filings: Bilingual[] = [];
  const filed = new Set(filedServices(c).map((s) => s.id));
  for (const service of c.services) {
    const name = service.name || service.id;
    if (!filed.has(service.id))
      filings.push({ en: `${name} has no ICP filing number.`, 'zh-CN': `${name}尚无ICP备案号。` });
    if (service.kind === 'website' && isIsoDate(service.domainExpiresOn) && service.domainExpiresOn < today)
      filings.push({
        en: `The domain of ${name} expired on ${service.domainExpiresOn}.`,
        'zh-CN': `${name}的域名已于${service.domainExpiresOn}到期。`,
      });
  }
  for (const [person, role] of [
    [c.legalRepresentative, { en: 'the legal representative', 'zh-CN': '法定代表人' }],
    [c.principal, { en: 'the person in charge', 'zh-CN': '主体负责人' }],
  ] as const) {
    if (!person.idLongTerm && isIsoDate(person.idValidTo) && person.idValidTo < today)
      filings.push({
        en: `The ID document of ${role.en} expired on ${person.idValidTo}: file a change of the filed information.`,
        'zh-CN': `${role['zh-CN']}的身份证件已于${person.idValidTo}过期，请办理备案信息变更。`,
      });
  }
  if (
    !c.subject.certificateLongTerm &&
    isIsoDate(c.subject.certificateValidTo) &&
    c.subject.certificateValidTo < today
  )
    filings.push({
      en: `The business licence expired on ${c.subject.certificateValidTo}.`,
      'zh-CN': `营业执照已于${c.subject.certificateValidTo}到期。`,
    });
  checks.push({ id: 'filings', ok: filings.length === 0, findings: filings, sources: SOURCES_PRECHECKS });

  const pending = c.lifecycle.changes
    .filter((event) => changePending(c, event, today))
    .map((event) => {
      const rule = changeRule(event.kind);
      return {
        en: `${rule.title.en} (recorded ${event.recordedAt.slice(0, 10)}) is not finished: file it before the renewal.`,
        'zh-CN': `${rule.title['zh-CN']}（${event.recordedAt.slice(0, 10)}记录）尚未办结，请在续期前办理完毕。`,
      };
    });
  checks.push({
    id: 'pendingChanges',
    ok: pending.length === 0,
    findings: pending,
    sources: SOURCES_PRECHECKS,
  });

  const launched: Bilingual[] = [];
  for (const service of c.services) {
    const name = service.name || service.id;
    if (!service.launchedOn || !isIsoDate(service.launchedOn))
      launched.push({ en: `${name}: enter the day it went live.`, 'zh-CN': `${name}：请填写上线日期。` });
    else if (service.launchedOn > today)
      launched.push({
        en: `${name} goes live only on ${service.launchedOn}: a service never launched is not renewed.`,
        'zh-CN': `${name}的上线日期为${service.launchedOn}，尚未上线：未实际开展的业务不予续期。`,
      });
  }
  if (c.services.length === 0)
    launched.push({ en: 'The case lists no service.', 'zh-CN': '申请中没有列出任何服务。' });
  checks.push({
    id: 'launched',
    ok: launched.length === 0,
    findings: launched,
    sources: LIFECYCLE_RULES.renewal.sources,
  });
  return checks;
}

export function renewalMaterials(c: Case): PacketMaterial[] {
  return materialsOf(LIFECYCLE_RULES.renewal.materials, c);
}
