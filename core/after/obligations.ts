/**
 * Obligations and reminders after approval (DESIGN.md §2.6, post-approval.md §9): document and permit
 * expiry from the case's validity dates, the public-security filing 30 days after going live, the annual
 * report of every year a licence is held (open date, 31 March, the April correction window, the May
 * publication and bad list), licence renewal before the 5-year expiry, every recorded change's licence and
 * filing deadlines, and change filings before a planned change. One list serves the timeline on screen and
 * the .ics export.
 *
 * Every reminder has a UID built from what it is about (the person's role, the service id, the year), not
 * from its date: a re-export after a date changed updates the calendar's event instead of adding another.
 */
import type { Case, Person } from '../model/case';
import type { Source } from '../rules/data';
import { parseIcpNumber } from '../validate/icp-number';
import type { Bilingual } from '../validate/types';
import { licenceFirstYear, reportDeadlines, storedReport } from './annual-report';
import { filingChanges, isLicenceHolder, licenceDeadline } from './changes';
import { ANNUAL_REPORT_RULES, LIFECYCLE_RULES, changeRule } from './lifecycle-rules';
import { AFTER_APPROVAL_RULES } from './rules';
import { addCalendarDays, dayNumber, isIsoDate } from './working-days';

export type ReminderKind =
  | 'documentExpiry'
  | 'permitExpiry'
  | 'domainExpiry'
  | 'publicSecurity'
  | 'annualReport'
  | 'annualCorrection'
  | 'annualPublication'
  | 'licenceChange'
  | 'filingChange'
  | 'licenceRenewal'
  | 'licenceRenewalDeadline'
  | 'changeFiling';

export interface Reminder {
  /** RFC 5545 UID: stable across exports. */
  uid: string;
  kind: ReminderKind;
  /** First day (YYYY-MM-DD). */
  start: string;
  /** Last day, inclusive (same as start for a one-day reminder). */
  end: string;
  /** The date the reminder is about (the expiry, the due date). */
  dueOn: string;
  title: Bilingual;
  detail: Bilingual;
  sources: Source[];
}

export type ReminderState = 'overdue' | 'current' | 'upcoming';

const UID_DOMAIN = 'icp-packet-studio';

function uid(c: Case, ...parts: string[]): string {
  const key = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('.');
  return `${key}.${c.id}@${UID_DOMAIN}`;
}

/** Read on each call: an installed rule pack replaces AFTER_APPROVAL_RULES. */
const rules = () => AFTER_APPROVAL_RULES.obligations;

function personRole(role: string): Bilingual {
  switch (role) {
    case 'legalRepresentative':
      return { en: 'the legal representative', 'zh-CN': '法定代表人' };
    case 'principal':
      return { en: "the subject's person in charge", 'zh-CN': '主体负责人' };
    default:
      return { en: 'a service’s person in charge', 'zh-CN': '服务负责人' };
  }
}

/** All reminders of a case, earliest first. `today` decides nothing but the first annual-report year. */
export function buildReminders(c: Case, today: string): Reminder[] {
  const out: Reminder[] = [];
  const lead = (due: string, days: number) => addCalendarDays(due, -days);

  const personExpiry = (person: Person, role: string, key: string) => {
    if (person.idLongTerm || !isIsoDate(person.idValidTo)) return;
    // Named in the reader's script: the passport's Latin name in English, the Chinese name in Chinese.
    const name = { en: person.nameLatin || person.name, 'zh-CN': person.name || person.nameLatin };
    const who = personRole(role);
    out.push({
      uid: uid(c, 'id-expiry', key),
      kind: 'documentExpiry',
      start: lead(person.idValidTo, rules().documentExpiryLeadDays),
      end: lead(person.idValidTo, rules().documentExpiryLeadDays),
      dueOn: person.idValidTo,
      title: {
        en: `ID document of ${who.en}${name.en ? ` (${name.en})` : ''} expires on ${person.idValidTo}`,
        'zh-CN': `${who['zh-CN']}${name['zh-CN'] ? `（${name['zh-CN']}）` : ''}的身份证件将于 ${person.idValidTo} 到期`,
      },
      detail: {
        en: 'Renew the document and file a change of the filed information with your provider once you have the new one.',
        'zh-CN': '请办理新证件，取得后通过接入商提交备案信息变更。',
      },
      sources: rules().sources.documentExpiry ?? [],
    });
  };
  personExpiry(c.legalRepresentative, 'legalRepresentative', 'legal-representative');
  personExpiry(c.principal, 'principal', 'principal');
  c.services.forEach((service) => {
    if (service.principal) personExpiry(service.principal, 'service', `service-${service.id}`);
  });

  if (!c.subject.certificateLongTerm && isIsoDate(c.subject.certificateValidTo)) {
    const due = c.subject.certificateValidTo;
    out.push({
      uid: uid(c, 'certificate-expiry'),
      kind: 'documentExpiry',
      start: lead(due, rules().documentExpiryLeadDays),
      end: lead(due, rules().documentExpiryLeadDays),
      dueOn: due,
      title: {
        en: `The subject's certificate (business licence) expires on ${due}`,
        'zh-CN': `主体证件（营业执照）将于 ${due} 到期`,
      },
      detail: {
        en: 'Renew it with the market regulator, then file the change of the filed information.',
        'zh-CN': '请向市场监管部门办理换发，然后提交备案信息变更。',
      },
      sources: rules().sources.documentExpiry ?? [],
    });
  }

  for (const service of c.services) {
    service.preApprovals.forEach((permit, index) => {
      if (!isIsoDate(permit.validTo)) return;
      const name = permit.permitName || permit.approvalNumber;
      out.push({
        uid: uid(c, 'permit-expiry', service.id, permit.sector, String(index)),
        kind: 'permitExpiry',
        start: lead(permit.validTo, rules().permitExpiryLeadDays),
        end: lead(permit.validTo, rules().permitExpiryLeadDays),
        dueOn: permit.validTo,
        title: {
          en: `Permit ${name} of ${service.name || 'a service'} expires on ${permit.validTo}`,
          'zh-CN': `${service.name || '服务'}的${name}将于 ${permit.validTo} 到期`,
        },
        detail: {
          en: 'Apply for the renewal with the issuing authority in good time; the lead time differs by permit.',
          'zh-CN': '请及早向发证机关申请换证；不同许可的提前期要求不同。',
        },
        sources: rules().sources.permitExpiry ?? [],
      });
    });
    if (service.kind === 'website' && isIsoDate(service.domainExpiresOn)) {
      out.push({
        uid: uid(c, 'domain-expiry', service.id),
        kind: 'domainExpiry',
        start: lead(service.domainExpiresOn, rules().documentExpiryLeadDays),
        end: lead(service.domainExpiresOn, rules().documentExpiryLeadDays),
        dueOn: service.domainExpiresOn,
        title: {
          en: `Domain ${service.domains[0] ?? ''} expires on ${service.domainExpiresOn}`,
          'zh-CN': `域名 ${service.domains[0] ?? ''} 将于 ${service.domainExpiresOn} 到期`,
        },
        detail: {
          en: 'An expired domain can be re-registered by someone else and the filing cancelled: renew it.',
          'zh-CN': '域名过期后可能被他人注册，备案也可能被注销，请及时续费。',
        },
        sources: rules().sources.domainExpiry ?? [],
      });
    }
  }

  const a = c.afterApproval;
  // Filed: a filing date, or a valid public-security number (the platform gives it once the filing is done).
  const psFiled =
    a.publicSecurityFiledOn !== '' || parseIcpNumber(a.publicSecurityNumber)?.kind === 'publicSecurity';
  if (isIsoDate(a.wentLiveOn) && !psFiled) {
    const due = addCalendarDays(a.wentLiveOn, AFTER_APPROVAL_RULES.publicSecurity.dueDays);
    out.push({
      uid: uid(c, 'public-security'),
      kind: 'publicSecurity',
      start: due,
      end: due,
      dueOn: due,
      title: {
        en: `Public-security filing due (site went live ${a.wentLiveOn})`,
        'zh-CN': `公安联网备案截止（网站于 ${a.wentLiveOn} 开通）`,
      },
      detail: {
        en: 'File on the National Internet Security Management Service Platform within 30 days of going live, then show the number and badge in the footer.',
        'zh-CN': '请在网站开通之日起 30 日内在全国互联网安全管理服务平台办理备案，并在页脚展示备案号和图标。',
      },
      sources: AFTER_APPROVAL_RULES.publicSecurity.sources,
    });
  }

  if (isLicenceHolder(c)) out.push(...annualReportReminders(c, today));

  if (isIsoDate(a.licenceValidTo)) {
    const renewal = LIFECYCLE_RULES.renewal;
    const deadline = lead(a.licenceValidTo, renewal.leadDays);
    const reminder = lead(a.licenceValidTo, renewal.reminderDays);
    out.push({
      uid: uid(c, 'licence-renewal'),
      kind: 'licenceRenewal',
      start: reminder,
      end: reminder,
      dueOn: deadline,
      title: {
        en: `Prepare the licence renewal (apply by ${deadline})`,
        'zh-CN': `准备许可证续期（最迟 ${deadline} 前申请）`,
      },
      detail: {
        en: `The licence expires on ${a.licenceValidTo}. Apply at least ${renewal.leadDays} days before; services never launched are not renewed. After approval → Renewal builds the packet.`,
        'zh-CN': `许可证将于 ${a.licenceValidTo} 到期。须在到期前至少 ${renewal.leadDays} 日申请续期；未实际开展的业务不予续期。可在“获批之后 → 续期”中生成续期材料。`,
      },
      sources: renewal.sources,
    });
    out.push({
      uid: uid(c, 'licence-renewal-deadline'),
      kind: 'licenceRenewalDeadline',
      start: deadline,
      end: deadline,
      dueOn: deadline,
      title: {
        en: `Last day to apply for the licence renewal (expiry ${a.licenceValidTo})`,
        'zh-CN': `许可证续期申请截止日（到期日 ${a.licenceValidTo}）`,
      },
      detail: {
        en: 'A late application is not renewed.',
        'zh-CN': '逾期申请将不予续期。',
      },
      sources: renewal.sources,
    });
  }

  out.push(...changeReminders(c, today));

  for (const change of a.plannedChanges) {
    if (!isIsoDate(change.on) || change.id === '') continue;
    const due = lead(change.on, rules().changeFilingLeadDays);
    out.push({
      uid: uid(c, 'change-filing', change.id),
      kind: 'changeFiling',
      start: due,
      end: due,
      dueOn: due,
      title: {
        en: `File the change before ${change.on}: ${change.description}`,
        'zh-CN': `${change.on} 变更前提交备案变更：${change.description}`,
      },
      detail: {
        en: 'Changes of the filed information are filed 30 days in advance.',
        'zh-CN': '备案信息变更须提前 30 日办理。',
      },
      sources: rules().sources.changeFiling ?? [],
    });
  }

  return out.sort((x, y) => (x.start === y.start ? x.uid.localeCompare(y.uid) : x.start < y.start ? -1 : 1));
}

/**
 * The annual report of every year the licence is held, from the grant year on (and `reminderYears` ahead):
 * the window from the province's open date (the usual early January where no notice is in the data) to
 * 31 March, the April correction window and the May publication with its bad list. A year marked submitted
 * needs no reminder.
 */
function annualReportReminders(c: Case, today: string): Reminder[] {
  const cal = ANNUAL_REPORT_RULES.calendar;
  const firstYear = licenceFirstYear(c) ?? Number(today.slice(0, 4));
  const lastYear = Math.max(firstYear, Number(today.slice(0, 4)) - 1) + ANNUAL_REPORT_RULES.reminderYears - 1;
  const out: Reminder[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    if (storedReport(c, year)?.submittedOn) continue;
    const next = year + 1;
    const [opens, due] = reportDeadlines(c, year);
    const openText = opens?.known
      ? { en: `the system opens on ${opens.from}`, 'zh-CN': `系统于 ${opens.from} 开放` }
      : { en: 'the system usually opens in early January', 'zh-CN': '系统一般于1月上旬开放' };
    out.push({
      uid: uid(c, 'annual-report', String(next)),
      kind: 'annualReport',
      start: opens?.from ?? `${next}-${cal.opens.monthDay}`,
      end: due?.to ?? `${next}-${cal.deadline.monthDay}`,
      dueOn: due?.to ?? `${next}-${cal.deadline.monthDay}`,
      title: {
        en: `Licence annual report for ${year} (due 31 March ${next})`,
        'zh-CN': `${year} 年度许可证年报（${next}年3月31日前报送）`,
      },
      detail: {
        en: `Report the year on MIIT's telecom licence system (dxzhgl.miit.gov.cn); ${openText.en}. After approval → Annual report prepares every form offline. A missed report puts the company on the bad list.`,
        'zh-CN': `请在工信部电信业务市场综合管理信息系统（dxzhgl.miit.gov.cn）报送上一年度情况，${openText['zh-CN']}。可先在“获批之后 → 年报”中离线准备各表。逾期未报将被列入不良名单。`,
      },
      sources: [...cal.deadline.sources, ...(opens?.known ? opens.sources : [])],
    });
    out.push({
      uid: uid(c, 'annual-correction', String(next)),
      kind: 'annualCorrection',
      start: `${next}-${cal.correction.from}`,
      end: `${next}-${cal.correction.to}`,
      dueOn: `${next}-${cal.correction.to}`,
      title: {
        en: `Annual report: last chance to report late or correct (April ${next})`,
        'zh-CN': `年报限时补报及修改期（${next}年4月）`,
      },
      detail: {
        en: 'Late filers may report and correct until 30 April; the system closes on 1 May.',
        'zh-CN': '逾期企业可在4月30日前补报和修改，系统于5月1日关闭。',
      },
      sources: cal.correction.sources,
    });
    out.push({
      uid: uid(c, 'annual-publication', String(next)),
      kind: 'annualPublication',
      start: `${next}-${cal.publication.from}`,
      end: `${next}-${cal.publication.to}`,
      dueOn: `${next}-${cal.publication.from}`,
      title: {
        en: `Annual reports published; non-filers on the bad list (May ${next})`,
        'zh-CN': `年报信息公示，未报企业列入不良名单（${next}年5月）`,
      },
      detail: {
        en: 'In May the authorities publish the reports and list the companies that did not report; random checks follow until September.',
        'zh-CN': '每年5月公示年报信息，并将未报送的企业列入电信业务经营不良名单；5月至9月开展随机抽查。',
      },
      sources: cal.publication.sources,
    });
  }
  return out;
}

/**
 * Every recorded change still open: the licence change's deadline (30 days after the registration, or the
 * shareholder change's application with approval before it is implemented) and each filed service's filing
 * change.
 */
function changeReminders(c: Case, today: string): Reminder[] {
  const out: Reminder[] = [];
  for (const event of c.lifecycle.changes) {
    const rule = changeRule(event.kind);
    const licence = licenceDeadline(c, event, today);
    if (licence && licence.date && !licence.done) {
      out.push({
        uid: uid(c, 'licence-change', event.id),
        kind: 'licenceChange',
        start: licence.date,
        end: licence.date,
        dueOn: licence.date,
        title: {
          en: `Apply to change the licence: ${rule.title.en}`,
          'zh-CN': `申请经营许可证变更：${rule.title['zh-CN']}`,
        },
        detail: rule.rule,
        sources: rule.sources,
      });
    }
    for (const filing of filingChanges(c, event, today)) {
      if (filing.filedOn || !filing.deadline.date) continue;
      out.push({
        uid: uid(c, 'filing-change', event.id, filing.serviceId),
        kind: 'filingChange',
        start: filing.deadline.date,
        end: filing.deadline.date,
        dueOn: filing.deadline.date,
        title: {
          en: `File the change of ${filing.serviceName || 'a service'}'s ICP filing: ${rule.title.en}`,
          'zh-CN': `办理${filing.serviceName || '服务'}的ICP备案变更：${rule.title['zh-CN']}`,
        },
        detail: LIFECYCLE_RULES.filingSide.rule,
        sources: LIFECYCLE_RULES.filingSide.sources,
      });
    }
  }
  return out;
}

export function reminderState(reminder: Reminder, today: string): ReminderState {
  if (dayNumber(reminder.dueOn) < dayNumber(today)) return 'overdue';
  if (dayNumber(reminder.start) <= dayNumber(today)) return 'current';
  return 'upcoming';
}
