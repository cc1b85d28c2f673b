import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import validityData from '../../templates/rules/validity.json' with { type: 'json' };
import { isoDate, presenceIssues } from './common';
import { error } from './messages';
import type { Bilingual, ValidationIssue } from './types';

/** A parsed date field: a calendar date, or 长期 ("long-term") for documents without an end date. */
export type DateInput = { kind: 'date'; iso: string } | { kind: 'permanent' };

/** Words used for non-expiring documents; WeChat's API takes the literal 长期. */
const PERMANENT_WORDS = new Set([
  '长期',
  '长期有效',
  '永久',
  '永久有效',
  'long-term',
  'longterm',
  'permanent',
]);

/**
 * Parses the date writings found on Chinese documents and forms: 2030-08-15, 20300815 (WeChat's YYYYmmdd),
 * 2030.08.15 and 2030/8/15 (ID cards and licences), 2030年8月15日, and 长期.
 */
export function parseDateInput(value: string): DateInput | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.normalize('NFKC').trim();
  if (PERMANENT_WORDS.has(text.toLowerCase().replace(/\s+/gu, ''))) return { kind: 'permanent' };
  const match =
    /^(\d{4})(\d{2})(\d{2})$/u.exec(text) ??
    /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/u.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u.exec(text);
  if (!match) return undefined;
  const iso = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return iso === undefined ? undefined : { kind: 'date', iso };
}

/** The ISO form of a date field, or undefined for 长期 and invalid input. */
/**
 * 2026-10-31 → 2026年10月31日, as Chinese text writes dates (no leading zeros); anything else unchanged.
 * `joiner` goes between the parts (documents pass a word joiner so a line never breaks inside a date).
 */
export function chineseDate(iso: string, joiner = ''): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  return [y, '年', Number(m), '月', Number(d), '日'].join(joiner);
}

export function toIsoDate(value: string): string | undefined {
  const parsed = parseDateInput(value);
  return parsed?.kind === 'date' ? parsed.iso : undefined;
}

/** Formats an ISO date the way WeChat's applyIcpFiling wants it (YYYYmmdd); 长期 stays 长期. */
export function toWechatDate(value: string): string | undefined {
  const parsed = parseDateInput(value);
  if (!parsed) return undefined;
  return parsed.kind === 'permanent' ? '长期' : parsed.iso.replaceAll('-', '');
}

/** A date field; 长期 only where `allowPermanent` says the document may be non-expiring. */
export function validateDate(value: string, options: { allowPermanent?: boolean } = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const parsed = parseDateInput(value);
  const shown = value.trim().slice(0, 40);
  if (!parsed) {
    const looksLikeDate = /^\d{8}$|^\d{4}\D\d{1,2}\D\d{1,2}\D?$/u.test(value.normalize('NFKC').trim());
    return [error(looksLikeDate ? 'date.invalid' : 'date.format', { value: shown })];
  }
  if (parsed.kind === 'permanent' && !options.allowPermanent) return [error('date.permanentNotAllowed')];
  return [];
}

/** Adds calendar months to an ISO date, clamping to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const monthIndex = Number(iso.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (((monthIndex % 12) + 12) % 12) + 1;
  const day = Number(iso.slice(8, 10));
  for (let d = day; d >= 28; d--) {
    const candidate = isoDate(targetYear, targetMonth, d);
    if (candidate) return candidate;
  }
  return isoDate(targetYear, targetMonth, Math.min(day, 28)) ?? iso;
}

/**
 * The document must remain valid at least `months` months after the submission date (default 3, see
 * templates/rules/validity.json). 长期 always passes; an unparseable end date is reported as a date error.
 */
export function validUntilAtLeast(end: string, submissionDate: string, months = 3): ValidationIssue[] {
  const endDate = parseDateInput(end);
  const submission = toIsoDate(submissionDate);
  if (!endDate) return validateDate(end, { allowPermanent: true });
  if (submission === undefined) return validateDate(submissionDate);
  if (endDate.kind === 'permanent') return [];
  if (endDate.iso < submission) return [error('validity.expired', { end: endDate.iso, submission })];
  const required = addMonths(submission, months);
  if (endDate.iso < required) {
    return [
      error('validity.tooShort', {
        end: endDate.iso,
        required,
        months,
        latestSubmission: addMonths(endDate.iso, -months),
      }),
    ];
  }
  return [];
}

/** Kinds of document the validity rules distinguish. */
export const VALIDITY_DOCUMENT_KINDS = [
  'identity',
  'businessLicence',
  'domain',
  'hmtResidencePermit',
  'other',
] as const;
export type ValidityDocumentKind = (typeof VALIDITY_DOCUMENT_KINDS)[number];

export interface ValidityContext {
  /** GB/T 2260 code of the filing province, e.g. "420000". */
  province?: string;
  documentKind?: ValidityDocumentKind;
  /** Filing platform, e.g. "wechat". */
  platform?: string;
}

export interface ValidityRequirement {
  months: number;
  /** Id of the rule that set the figure, or "default". */
  ruleId: string;
  source: string;
  confidence: string;
  note?: Bilingual;
}

const day = lazySchema(() => z.iso.date());
const ValidityRuleSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1).max(100),
    /** GB/T 2260 code of the province the rule holds in (the pack checker checks it is one). */
    province: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    platform: z.string().min(1).max(40).optional(),
    /** Kinds of document; checked against VALIDITY_DOCUMENT_KINDS by the pack checker, so a typo is named. */
    documentKinds: z.array(z.string().min(1).max(40)).min(1).max(10),
    months: z.number().int().min(0).max(120),
    confidence: z.string().min(1).max(40),
    source: z.string().min(1).max(2000),
    asOf: day,
  }),
);

/** templates/rules/validity.json: part of the rule pack (core/rules/pack.ts). */
export const ValidityRulesSchema = lazySchema(() =>
  z.strictObject({
    $comment: z.string().max(4000).optional(),
    type: z.literal('icp-packet/validity-rules'),
    version: z.number().int().positive(),
    asOf: day,
    source: z.string().min(1).max(2000),
    default: z.strictObject({
      months: z.number().int().min(0).max(120),
      confidence: z.string().min(1).max(40),
      source: z.string().min(1).max(2000),
      asOf: day,
      note: z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) }).optional(),
    }),
    rules: z.array(ValidityRuleSchema).max(200),
  }),
);
export type ValidityRules = z.infer<typeof ValidityRulesSchema>;

/** The validity rules in use: the bundled file, or an imported rule pack's (checked by the pack checker). */
let validityRules: ValidityRules = validityData as ValidityRules;

/** Puts parsed validity rules in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useValidityRules(rules: ValidityRules): void {
  validityRules = rules;
}

/**
 * How many months of validity a document needs at submission: the default of validity.json, raised by any
 * province or platform rule that applies. Equal figures prefer a specific rule, whose source is then cited.
 */
export function requiredValidityMonths(context: ValidityContext = {}): ValidityRequirement {
  const base = validityRules.default;
  let best: ValidityRequirement = {
    months: base.months,
    ruleId: 'default',
    source: base.source,
    confidence: base.confidence,
    note: base.note,
  };
  for (const rule of validityRules.rules) {
    if (rule.province !== undefined && rule.province !== context.province?.slice(0, 2).padEnd(6, '0'))
      continue;
    if (rule.platform !== undefined && rule.platform !== context.platform) continue;
    if (!context.documentKind || !rule.documentKinds.includes(context.documentKind)) continue;
    if (rule.months >= best.months) {
      best = { months: rule.months, ruleId: rule.id, source: rule.source, confidence: rule.confidence };
    }
  }
  return best;
}

export interface ValidityPeriodOptions extends ValidityContext {
  /** The planned submission date (YYYY-MM-DD). */
  submissionDate: string;
  /** Overrides the months from the rule data. */
  months?: number;
}

/**
 * A document's validity period against the submission date: start ≤ end, already valid on submission,
 * and valid long enough afterwards (months from requiredValidityMonths unless given).
 */
export function validateValidityPeriod(
  period: { start?: string; end: string },
  options: ValidityPeriodOptions,
): ValidationIssue[] {
  if (typeof period !== 'object' || period === null) return [error('value.notText')];
  const issues: ValidationIssue[] = [];
  if (period.start !== undefined && typeof period.start !== 'string') return [error('value.notText')];
  const startText = period.start?.trim() ? period.start : undefined;
  if (startText !== undefined) {
    const startIssues = validateDate(startText);
    if (startIssues.length > 0) return startIssues;
  }
  const endIssues = validateDate(period.end, { allowPermanent: true });
  if (endIssues.length > 0) return endIssues;
  const submissionIssues = validateDate(options.submissionDate);
  if (submissionIssues.length > 0) return submissionIssues;

  const start = startText === undefined ? undefined : toIsoDate(startText);
  const end = toIsoDate(period.end);
  const submission = toIsoDate(options.submissionDate) ?? '';
  if (start !== undefined && end !== undefined && start > end) {
    return [error('validity.startAfterEnd', { start, end })];
  }
  if (start !== undefined && start > submission)
    issues.push(error('validity.notYetValid', { start, submission }));
  const months = options.months ?? requiredValidityMonths(options).months;
  issues.push(...validUntilAtLeast(period.end, options.submissionDate, months));
  return issues;
}
