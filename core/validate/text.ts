import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import limitsData from '../../templates/rules/field-limits.json' with { type: 'json' };
import { presenceIssues } from './common';
import { error, warning } from './messages';
import { countCodePoints, describeChar } from './normalize';
import type { Bilingual, ValidationIssue } from './types';

/** Han characters: the unified ideographs, their extensions and compatibility forms. */
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/u;

/**
 * A field the portal takes in Chinese only (job title, 备注, access provider, server location): text with no
 * Han character but Latin letters is refused. Latin beside Chinese (IT经理, a brand name) is allowed, and so is
 * text in fields where Latin is the norm (a passport name, a domain, an e-mail), which do not call this.
 */
export function validateWrittenInChinese(value: string): ValidationIssue[] {
  const text = value.trim();
  if (text === '' || HAN.test(text) || !/[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/u.test(text)) return [];
  const shown = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return [error('chinese.latinRefused', { text: shown })];
}

/**
 * Characters accepted in Chinese names and addresses besides Han characters, Latin letters and digits:
 * the punctuation that appears on licences and in addresses (（）·-#、，。/ …) in full- and half-width forms.
 */
const CHINESE_FIELD_PUNCTUATION = new Set([
  ...' （）()·•・-－—–_#＃、，,.。．/／：:；;“”‘’"\'《》〈〉【】[]&＆+＋',
]);

export interface ChineseTextOptions {
  /** Whether Latin letters may appear beside Chinese (addresses like "A座"); default true. */
  allowLatin?: boolean;
}

/**
 * A field the portals want in Chinese (names, addresses; materials.md §0 "all entries in Chinese
 * characters"): must contain Han characters; Latin-only text is flagged with its own message; emoji,
 * control characters and unusual symbols are listed; half-width () in Chinese text get a warning because
 * licences print （）and names are compared character by character.
 */
export function validateChineseText(value: string, options: ChineseTextOptions = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const allowLatin = options.allowLatin ?? true;
  const text = value.trim();
  const chars = [...text];
  const issues: ValidationIssue[] = [];

  const disallowed = new Set<string>();
  for (const char of chars) {
    const accepted =
      HAN.test(char) ||
      LATIN_LETTER.test(char) ||
      /[0-9０-９]/u.test(char) ||
      CHINESE_FIELD_PUNCTUATION.has(char);
    if (!accepted) disallowed.add(describeChar(char));
  }
  const latinLetters = chars.filter((char) => LATIN_LETTER.test(char));
  const hasHan = chars.some((char) => HAN.test(char));
  if (!hasHan) issues.push(error(latinLetters.length > 0 ? 'chinese.latinOnly' : 'chinese.noCjk'));
  else if (!allowLatin) latinLetters.forEach((char) => disallowed.add(char));
  if (disallowed.size > 0)
    issues.push(error('chinese.charset', { chars: [...disallowed].slice(0, 10).join(' ') }));
  if (hasHan && /[()]/u.test(text)) issues.push(warning('chinese.halfWidthParentheses'));
  if (/^[ \t\u3000]|[ \t\u3000]$/u.test(value)) issues.push(warning('text.surroundingSpace'));
  return issues;
}

export type LengthCountMode =
  /** One per Unicode code point (WeChat 字 counting). */
  | 'codePoints'
  /** Han and other wide characters count 2, everything else 1 (Douyin name rule). */
  | 'wideAsTwo';

export interface LengthLimit {
  min?: number;
  max?: number;
  countMode?: LengthCountMode;
}

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;

/**
 * Length as the portals count it, after trimming surrounding whitespace: one per code point, or with wide
 * (CJK) characters counted twice for platforms that say so.
 */
export function measureLength(value: string, countMode: LengthCountMode = 'codePoints'): number {
  const text = value.trim();
  if (countMode === 'codePoints') return countCodePoints(text);
  let total = 0;
  for (const char of text) total += WIDE.test(char) ? 2 : 1;
  return total;
}

/** Generic length check; `fieldLabel` names the field in both languages inside the message. */
export function checkLength(
  value: string,
  limit: LengthLimit,
  fieldLabel: Bilingual | string,
): ValidationIssue[] {
  if (typeof value !== 'string') return presenceIssues(value) ?? [];
  const field: Bilingual =
    typeof fieldLabel === 'string' ? { en: fieldLabel, 'zh-CN': fieldLabel } : fieldLabel;
  const length = measureLength(value, limit.countMode);
  if (limit.min !== undefined && length < limit.min)
    return [error('length.tooShort', { field, min: limit.min, length })];
  if (limit.max !== undefined && length > limit.max)
    return [error('length.tooLong', { field, max: limit.max, length })];
  return [];
}

/** Count check for list fields (service content types, material uploads). */
export function checkItemCount(
  items: readonly unknown[],
  limit: { min?: number; max?: number },
  fieldLabel: Bilingual | string,
): ValidationIssue[] {
  const field: Bilingual =
    typeof fieldLabel === 'string' ? { en: fieldLabel, 'zh-CN': fieldLabel } : fieldLabel;
  const count = Array.isArray(items) ? items.length : 0;
  if (limit.min !== undefined && count < limit.min)
    return [error('length.tooFewItems', { field, min: limit.min, count })];
  if (limit.max !== undefined && count > limit.max)
    return [error('length.tooManyItems', { field, max: limit.max, count })];
  return [];
}

export interface FieldLimit {
  id: string;
  path: string;
  label: Bilingual;
  unit: 'characters' | 'items';
  min?: number;
  max?: number;
  confidence: string;
  source: string;
  asOf: string;
}

/** The limits table of templates/rules/field-limits.json (WeChat applyIcpFiling field tree). */
export let FIELD_LIMITS: readonly FieldLimit[] = limitsData.limits as FieldLimit[];

let limitsById = new Map(FIELD_LIMITS.map((limit) => [limit.id, limit]));

const day = lazySchema(() => z.iso.date());
const text = (max: number) => z.string().min(1).max(max);
/** templates/rules/field-limits.json: part of the rule pack (core/rules/pack.ts). */
export const FieldLimitsSchema = lazySchema(() =>
  z.strictObject({
    $comment: z.string().max(4000).optional(),
    type: z.literal('icp-packet/field-limits'),
    version: z.number().int().positive(),
    asOf: day,
    source: text(2000),
    limits: z
      .array(
        z
          .strictObject({
            id: text(100),
            path: text(200),
            label: z.strictObject({ en: text(200), 'zh-CN': text(200) }),
            unit: z.enum(['characters', 'items']),
            min: z.number().int().min(0).max(100_000).optional(),
            max: z.number().int().min(1).max(100_000).optional(),
            confidence: text(40),
            source: text(2000),
            asOf: day,
          })
          .refine((l) => l.min === undefined || l.max === undefined || l.min <= l.max, {
            message: 'min is above max',
            path: ['min'],
          }),
      )
      .max(500),
  }),
);
export type FieldLimits = z.infer<typeof FieldLimitsSchema>;

/** Puts parsed field limits in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useFieldLimits(limits: FieldLimits): void {
  FIELD_LIMITS = limits.limits;
  limitsById = new Map(FIELD_LIMITS.map((limit) => [limit.id, limit]));
}

/** Looks a limit up by its id (e.g. "wechat.applets.comment") or by its WeChat JSON path. */
export function fieldLimit(idOrPath: string): FieldLimit | undefined {
  return limitsById.get(idOrPath) ?? FIELD_LIMITS.find((limit) => limit.path === idOrPath);
}

/** Applies the data-table limit of a field to a text or list value; unknown ids are a programming error. */
export function checkFieldLimit(idOrPath: string, value: string | readonly unknown[]): ValidationIssue[] {
  const limit = fieldLimit(idOrPath);
  if (!limit) throw new Error(`No field limit "${idOrPath}" in templates/rules/field-limits.json`);
  const bounds = {
    ...(limit.min !== undefined && { min: limit.min }),
    ...(limit.max !== undefined && { max: limit.max }),
  };
  if (limit.unit === 'items') return checkItemCount(Array.isArray(value) ? value : [], bounds, limit.label);
  return checkLength(typeof value === 'string' ? value : '', bounds, limit.label);
}

/** Latin that Chinese text carries as it is: e-mail addresses, URLs and domains, and codes with digits. */
const LATIN_KEPT = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/gu,
  /https?:\/\/\S+/gu,
  /\b[a-z0-9-]+(\.[a-z0-9-]+)+\b/giu,
  /\b(?=[A-Za-z]*\d)[A-Za-z0-9_-]+\b/gu,
];
/** An English gloss in brackets right after Chinese text: 微信支付（WeChat Pay）. */
const GLOSS_AFTER_HAN = /(\p{Script=Han})[（(][^（）()]*[）)]/gu;
const LATIN_WORD = /^[A-Za-z][A-Za-z'’&-]*$/u;

/**
 * The English passages of a text that belongs in a Chinese document: the whole text when it has no Chinese
 * at all, else every run of English words that reads as a phrase — three words or more, or two with a
 * lower-case word (`for login`). What Chinese text carries as it is stays allowed: e-mail addresses,
 * domains, URLs, numbers and codes, a product name or an abbreviation among Chinese words (MySQL数据库,
 * App, SDK), and an English gloss in brackets after the Chinese. Empty: nothing to change.
 */
export function englishPassages(value: string): string[] {
  const text = value.trim();
  if (!text || !LATIN_LETTER.test(text)) return [];
  let rest = text.replace(GLOSS_AFTER_HAN, '$1');
  for (const kept of LATIN_KEPT) rest = rest.replace(kept, ' ');
  if (!LATIN_LETTER.test(rest)) return [];
  if (!HAN.test(text)) return [text];
  const passages: string[] = [];
  for (const run of rest.split(/[^A-Za-z'’&\-\s,]+/u)) {
    const words = run.split(/[\s,]+/u).filter((w) => LATIN_WORD.test(w));
    const phrase = words.length >= 3 || (words.length === 2 && words.some((w) => /^[a-z]/u.test(w)));
    if (phrase) passages.push(words.join(' '));
  }
  return passages;
}
