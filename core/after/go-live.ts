/**
 * The go-live kit (DESIGN.md §2.6): the number each surface must display (post-approval.md §1), footer
 * snippets for HTML, WXML and an app's About screen, the public-security filing number with its link, and
 * the public-security filing guidance with its 30-day due date.
 *
 * Every number is validated with core/validate/icp-number before it reaches a snippet; a snippet is built
 * only from valid numbers, and every value in it is escaped for its markup.
 */
import type { Case, Service } from '../model/case';
import {
  normalizeIcpNumber,
  parseIcpNumber,
  validateIcpNumber,
  type IcpService,
} from '../validate/icp-number';
import type { Bilingual, ValidationIssue } from '../validate/types';
import { AFTER_APPROVAL_RULES } from './rules';
import { addCalendarDays, dayNumber, isIsoDate } from './working-days';

const SERVICE_OF_KIND: Record<Service['kind'], IcpService> = {
  website: 'website',
  app: 'app',
  mini_program: 'miniProgram',
};

export type NumberSource =
  /** The service's own number (…号-N, -NA, -NX). */
  | 'service'
  /** The subject's number, because the province rule or the user says so. */
  | 'subject'
  /** The subject's number because the service's own number is not entered yet. */
  | 'subjectFallback';

export interface FooterPermit {
  name: string;
  number: string;
}

/** A generative-AI model the product uses, with the number that shows it is filed or registered. */
export interface FooterAiModel {
  name: string;
  number: string;
}

export interface FooterLine {
  serviceId: string;
  serviceKind: Service['kind'];
  serviceName: string;
  /** The ICP number this surface shows, normalised; '' when no valid number is entered yet. */
  icpNumber: string;
  numberSource: NumberSource;
  licenceNumber: string;
  publicSecurity?: { text: string; url: string; code: string };
  permits: FooterPermit[];
  /** Generative-AI models with their 备案号 / 上线编号 (only models with both entered). */
  aiModels: FooterAiModel[];
  /** Which number the AI line names: 备案号 (own model), 上线编号 (registration), or either. */
  aiNumberLabel: string;
}

export interface NumberFinding {
  /** Path in the case (`afterApproval.filingNumber`, `afterApproval.serviceNumbers.<id>`). */
  path: string;
  issues: ValidationIssue[];
}

/** Formats a valid public-security number the way footers show it: 京公网安备 11010202009201号. */
export function formatPublicSecurityNumber(value: string): string | undefined {
  const parsed = parseIcpNumber(value);
  if (!parsed || parsed.kind !== 'publicSecurity') return undefined;
  return `${parsed.prefix ?? ''}公网安备 ${parsed.serial}号`;
}

export function publicSecurityUrl(serial: string): string {
  return AFTER_APPROVAL_RULES.display.publicSecurityUrl.replace('{{code}}', encodeURIComponent(serial));
}

function serviceNumber(c: Case, serviceId: string): string {
  return c.afterApproval.serviceNumbers.find((n) => n.serviceId === serviceId)?.number ?? '';
}

/** Validation of every number of the go-live kit that is entered ('' is not an error here). */
export function checkGoLiveNumbers(c: Case, today: string): NumberFinding[] {
  const out: NumberFinding[] = [];
  const a = c.afterApproval;
  const check = (path: string, value: string, options: Parameters<typeof validateIcpNumber>[1]) => {
    if (value.trim() === '') return;
    const issues = validateIcpNumber(value, { ...options, today });
    if (issues.length) out.push({ path, issues });
  };
  check('afterApproval.filingNumber', a.filingNumber, { kinds: ['filing', 'licence'], service: 'subject' });
  check('afterApproval.licenceNumber', a.licenceNumber, {
    kinds: ['licence', 'icpCertificate'],
    service: 'subject',
  });
  check('afterApproval.publicSecurityNumber', a.publicSecurityNumber, { kinds: ['publicSecurity'] });
  for (const service of c.services) {
    const value = serviceNumber(c, service.id);
    check(`afterApproval.serviceNumbers.${service.id}`, value, {
      kinds: ['filing', 'licence'],
      service: SERVICE_OF_KIND[service.kind],
    });
    // The service's number must sit under the subject's number (same serial) when both are entered.
    const parsedService = parseIcpNumber(value, { today });
    const parsedSubject = parseIcpNumber(a.filingNumber, { today });
    if (parsedService && parsedSubject && !normalizeIcpNumber(value).startsWith(parsedSubject.normalized)) {
      out.push({
        path: `afterApproval.serviceNumbers.${service.id}`,
        issues: [
          {
            code: 'goLive.serviceNumberMismatch',
            severity: 'warning',
            message: {
              en: `This number does not start with the subject's number ${parsedSubject.normalized}.`,
              'zh-CN': `该号码未以主体备案号 ${parsedSubject.normalized} 开头。`,
            },
            fix: {
              en: 'Copy the number exactly as the approval text message or the MIIT query shows it.',
              'zh-CN': '请按备案通过短信或工信部查询结果原样填写。',
            },
          },
        ],
      });
    }
  }
  return out;
}

/** Whether the province rule shows the subject's number for websites (Huawei: Guangdong). */
export function provinceShowsSubjectNumber(c: Case): boolean {
  const province = c.subject.province || c.answers.province;
  return AFTER_APPROVAL_RULES.display.subjectNumberProvinces.includes(province);
}

/** The footer of one service: which number it shows and what stands beside it. */
export function footerFor(c: Case, service: Service, today: string): FooterLine {
  const a = c.afterApproval;
  const valid = (value: string, options: Parameters<typeof validateIcpNumber>[1]) =>
    value.trim() !== '' &&
    validateIcpNumber(value, { ...options, today }).every((i) => i.severity !== 'error');

  const subject = valid(a.filingNumber, { kinds: ['filing', 'licence'], service: 'subject' })
    ? normalizeIcpNumber(a.filingNumber)
    : '';
  const own = serviceNumber(c, service.id);
  const ownValid = valid(own, { kinds: ['filing', 'licence'], service: SERVICE_OF_KIND[service.kind] })
    ? normalizeIcpNumber(own)
    : '';

  // Apps and mini-programs show their own number (-NA, -NX); the subject/service choice is a website question.
  const wantsSubject =
    service.kind === 'website' &&
    (a.displayNumber === 'subject' || (a.displayNumber === 'province_rule' && provinceShowsSubjectNumber(c)));
  let icpNumber: string;
  let numberSource: NumberSource;
  if (wantsSubject && subject) [icpNumber, numberSource] = [subject, 'subject'];
  else if (ownValid) [icpNumber, numberSource] = [ownValid, 'service'];
  else [icpNumber, numberSource] = [subject, 'subjectFallback'];

  const line: FooterLine = {
    serviceId: service.id,
    serviceKind: service.kind,
    serviceName: service.name,
    icpNumber,
    numberSource,
    licenceNumber: valid(a.licenceNumber, { kinds: ['licence', 'icpCertificate'], service: 'subject' })
      ? normalizeIcpNumber(a.licenceNumber)
      : '',
    permits: service.preApprovals
      .filter((p) => p.approvalNumber.trim() !== '')
      .map((p) => ({ name: p.permitName.trim(), number: p.approvalNumber.trim() })),
    aiModels: a.aiModels
      .map((m) => ({ name: m.name.trim(), number: m.number.trim() }))
      .filter((m) => m.name !== '' && m.number !== ''),
    aiNumberLabel: AI_NUMBER_LABELS[c.answers.generativeAi ?? 'none'],
  };
  const ps = parseIcpNumber(a.publicSecurityNumber, { today });
  // The public-security filing concerns websites (no source for apps or mini-programs: post-approval.md §2).
  if (ps?.kind === 'publicSecurity' && service.kind === 'website') {
    line.publicSecurity = {
      text: formatPublicSecurityNumber(a.publicSecurityNumber) ?? '',
      url: publicSecurityUrl(ps.serial),
      code: ps.serial,
    };
  }
  return line;
}

/** The CAC's words for the number: filing (own model), online number (registration of a feature). */
const AI_NUMBER_LABELS: Record<NonNullable<Case['answers']['generativeAi']>, string> = {
  own_model: '备案号',
  uses_filed_model: '上线编号',
  none: '备案号/上线编号',
};

/** “生成式人工智能服务：模型 X，备案号：Y” — what the CAC requires on the product for each model used. */
export function aiDisclosureText(model: FooterAiModel, numberLabel: string): string {
  return `生成式人工智能服务：${model.name}，${numberLabel}：${model.number}`;
}

function escapeMarkup(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface FooterSnippets {
  html: string;
  wxml: string;
  text: string;
}

/** Where the snippets expect the public-security badge (the platform gives it for download). */
export const BADGE_PATH = '/images/gongan-beian.png';

/**
 * The snippets of one footer line: HTML for a website (one centred line, the ICP number linked to the
 * MIIT filing system), WXML for a mini-program (text only: a mini-program cannot open external links) and
 * plain text for an app's About screen.
 */
export function footerSnippets(line: FooterLine): FooterSnippets {
  const miit = AFTER_APPROVAL_RULES.display.miitUrl;
  const parts: string[] = [];
  if (line.licenceNumber) parts.push(`<span>${escapeMarkup(line.licenceNumber)}</span>`);
  if (line.icpNumber)
    parts.push(
      `<a href="${escapeMarkup(miit)}" target="_blank" rel="noopener noreferrer">${escapeMarkup(line.icpNumber)}</a>`,
    );
  if (line.publicSecurity)
    parts.push(
      `<a href="${escapeMarkup(line.publicSecurity.url)}" target="_blank" rel="noopener noreferrer">` +
        `<img src="${BADGE_PATH}" alt="" width="16" height="16" style="vertical-align:middle">` +
        ` ${escapeMarkup(line.publicSecurity.text)}</a>`,
    );
  for (const permit of line.permits)
    parts.push(
      `<span>${escapeMarkup(permit.name ? `${permit.name}：${permit.number}` : permit.number)}</span>`,
    );
  // The AI models go on a line of their own, inside the footer: the CAC asks for a prominent place.
  const aiLines = line.aiModels.map((m) => escapeMarkup(aiDisclosureText(m, line.aiNumberLabel)));
  const aiHtml = aiLines.length ? `<div class="ai-disclosure">${aiLines.join('<br>')}</div>` : '';
  const html = `<div class="icp-footer" style="text-align:center;font-size:12px">${parts.join(' | ')}${aiHtml}</div>`;

  const wxmlParts: string[] = [];
  if (line.licenceNumber)
    wxmlParts.push(`<text selectable="true">${escapeMarkup(line.licenceNumber)}</text>`);
  if (line.icpNumber) wxmlParts.push(`<text selectable="true">${escapeMarkup(line.icpNumber)}</text>`);
  for (const permit of line.permits)
    wxmlParts.push(
      `<text selectable="true">${escapeMarkup(permit.name ? `${permit.name}：${permit.number}` : permit.number)}</text>`,
    );
  const aiWxml = line.aiModels
    .map(
      (m) =>
        `<view class="ai-disclosure"><text selectable="true">${escapeMarkup(aiDisclosureText(m, line.aiNumberLabel))}</text></view>`,
    )
    .join('');
  const wxml = `<view class="icp-footer" style="text-align:center;font-size:24rpx">${wxmlParts.join('<text> | </text>')}${aiWxml}</view>`;

  const lines: string[] = [];
  if (line.icpNumber) lines.push(`ICP备案号：${line.icpNumber}`);
  if (line.licenceNumber) lines.push(`增值电信业务经营许可证：${line.licenceNumber}`);
  if (line.publicSecurity) lines.push(line.publicSecurity.text);
  for (const permit of line.permits)
    lines.push(permit.name ? `${permit.name}：${permit.number}` : permit.number);
  if (line.icpNumber) lines.push(`备案查询：${miit}`);
  for (const model of line.aiModels) lines.push(aiDisclosureText(model, line.aiNumberLabel));
  return { html, wxml, text: lines.join('\n') };
}

export interface PublicSecurityGuidance {
  /** Due 30 days after going live; undefined until the go-live date is entered. */
  dueOn?: string;
  daysLeft?: number;
  done: boolean;
  /** What the platform asks, each with what the case already holds ('' = not in the case). */
  asks: { id: string; title: Bilingual; fromCase: string }[];
}

/** The facts of the case the public-security platform asks for (post-approval.md §2). */
export function publicSecurityGuidance(c: Case, today: string): PublicSecurityGuidance {
  const rules = AFTER_APPROVAL_RULES.publicSecurity;
  const site = c.services.find((s) => s.kind === 'website');
  const facts: Record<string, string> = {
    subject: [c.subject.name, c.subject.certificateNumber, c.subject.certificateAddress]
      .filter(Boolean)
      .join(' · '),
    site: site && site.kind === 'website' ? [site.name, ...site.domains].filter(Boolean).join(' · ') : '',
    serviceType: site?.contentDescription ?? '',
    responsible: [c.principal.name, c.principal.mobile].filter(Boolean).join(' · '),
    domainCertificate:
      site && site.kind === 'website' && site.domainHolder
        ? `${site.domainHolder}${site.domainExpiresOn ? ` · ${site.domainExpiresOn}` : ''}`
        : '',
    ip: site && site.kind === 'website' ? site.ipAddresses.join(', ') : '',
    accessProvider:
      site && site.kind === 'website'
        ? [site.accessProvider, site.serverLocation].filter(Boolean).join(' · ')
        : '',
  };
  const guidance: PublicSecurityGuidance = {
    done:
      c.afterApproval.publicSecurityFiledOn !== '' ||
      parseIcpNumber(c.afterApproval.publicSecurityNumber, { today })?.kind === 'publicSecurity',
    asks: rules.asks.map((ask) => ({ ...ask, fromCase: facts[ask.id] ?? '' })),
  };
  if (isIsoDate(c.afterApproval.wentLiveOn)) {
    guidance.dueOn = addCalendarDays(c.afterApproval.wentLiveOn, rules.dueDays);
    if (isIsoDate(today)) guidance.daysLeft = dayNumber(guidance.dueOn) - dayNumber(today);
  }
  return guidance;
}
