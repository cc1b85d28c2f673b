/**
 * The Advertising Law checker (DESIGN.md §2.6): finds absolute terms, medical claims and paid endorsements
 * without an “广告” label in ad copy or a store listing, in Chinese or English. Each finding is a span of
 * the text with its rule, source, confidence and a suggested rewording, from templates/rules/ad-terms.json.
 *
 * Text that is not text (binary pasted or dropped) or too long to check at once is refused with a reason;
 * the caller keeps the user's text as it was.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import json from '../../templates/rules/ad-terms.json' with { type: 'json' };
import {
  BilingualSchema,
  CONFIDENCES,
  SourceSchema,
  derivedFrom,
  ruleFileSchema,
  type Confidence,
  type Source,
} from '../rules/data';
import type { Bilingual } from '../validate/types';

const GroupSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    rule: z.string().min(1),
    language: z.enum(['zh', 'en']),
    severity: z.enum(['ban', 'review']),
    confidence: z.enum(CONFIDENCES),
    suggestion: BilingualSchema,
    terms: z.array(z.string().min(1)).min(1),
    except: z.array(z.string().min(1)).optional(),
  }),
);

export const AdTermsSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/ad-terms', {
    rules: z.array(
      z.strictObject({
        id: z.string().min(1),
        title: BilingualSchema,
        article: BilingualSchema,
        sources: z.array(SourceSchema).min(1),
      }),
    ),
    groups: z.array(GroupSchema),
    disclosure: z.strictObject({
      severity: z.enum(['ban', 'review']),
      confidence: z.enum(CONFIDENCES),
      suggestion: BilingualSchema,
      triggers: z.strictObject({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
      labels: z.strictObject({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
    }),
  }),
);

export type AdTerms = z.infer<typeof AdTermsSchema>;
/** The ad terms in use: a live binding that installing a newer rule pack replaces (core/rules/pack.ts). */
export let AD_TERMS: AdTerms = bundledData('ad-terms', AdTermsSchema, json);

export function useAdTerms(terms: AdTerms): void {
  AD_TERMS = terms;
}

/** The most the checker takes at once: a long landing page or a whole store listing fits many times. */
export const AD_TEXT_MAX_CHARS = 100_000;

export interface AdFinding {
  start: number;
  end: number;
  text: string;
  ruleId: string;
  groupId: string;
  severity: 'ban' | 'review';
  confidence: Confidence;
  title: Bilingual;
  article: Bilingual;
  sources: Source[];
  suggestion: Bilingual;
}

export type AdCheckResult =
  | { ok: true; findings: AdFinding[]; characters: number }
  | { ok: false; code: 'notText' | 'tooLong' | 'empty'; characters: number };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Matcher {
  group: z.infer<typeof GroupSchema>;
  pattern: RegExp;
  except: string[];
}

/** English terms match whole words (letters or digits may not touch them); Chinese terms anywhere. */
function termPattern(term: string, language: 'zh' | 'en'): string {
  const body = escapeRegExp(term).replace(/ /g, '\\s+');
  return language === 'en' ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
}

function buildMatchers(data: AdTerms): Matcher[] {
  return data.groups.map((group) => ({
    group,
    // Longest first, so that 全网销量第一 wins over 第一 at the same place.
    pattern: new RegExp(
      [...group.terms]
        .sort((a, b) => b.length - a.length)
        .map((t) => termPattern(t, group.language))
        .join('|'),
      'giu',
    ),
    except: group.except ?? [],
  }));
}

const matchers = derivedFrom(() => AD_TERMS, buildMatchers);

function anyPattern(terms: readonly string[], language: 'zh' | 'en'): RegExp {
  return new RegExp(terms.map((t) => termPattern(t, language)).join('|'), 'giu');
}

const disclosurePatterns = derivedFrom(
  () => AD_TERMS,
  ({ disclosure }) => ({
    triggers: [anyPattern(disclosure.triggers.zh, 'zh'), anyPattern(disclosure.triggers.en, 'en')],
    labels: [anyPattern(disclosure.labels.zh, 'zh'), anyPattern(disclosure.labels.en, 'en')],
  }),
);

/**
 * True when the text looks like bytes rather than writing: NUL or other control characters, or
 * replacement characters from a failed decode, beyond a stray one.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 0x7f) odd += 1;
  }
  return odd > Math.max(2, text.length / 200);
}

function ruleOf(id: string) {
  const rule = AD_TERMS.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`ad-terms: unknown rule ${id}`);
  return rule;
}

/** Checks ad copy. Findings are ordered by position; a span inside a longer finding is dropped. */
export function checkAdCopy(text: string): AdCheckResult {
  const characters = text.length;
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, code: 'empty', characters };
  if (characters > AD_TEXT_MAX_CHARS) return { ok: false, code: 'tooLong', characters };
  if (looksBinary(text)) return { ok: false, code: 'notText', characters };

  const raw: AdFinding[] = [];
  for (const { group, pattern, except } of matchers()) {
    const rule = ruleOf(group.rule);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      // Exceptions begin with the term: 第一步 (the first step) is no ranking, 最近 (recently) no superlative.
      if (except.some((e) => text.startsWith(e, start))) continue;
      raw.push({
        start,
        end: start + m[0].length,
        text: m[0],
        ruleId: rule.id,
        groupId: group.id,
        severity: group.severity,
        confidence: group.confidence,
        title: rule.title,
        article: rule.article,
        sources: rule.sources,
        suggestion: group.suggestion,
      });
    }
  }

  // Paid endorsement signals without an ad label anywhere in the text.
  const { triggers, labels } = disclosurePatterns();
  const labelled = labels.some((p) => {
    p.lastIndex = 0;
    return p.test(text);
  });
  if (!labelled) {
    const rule = ruleOf('disclosure');
    for (const pattern of triggers) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        raw.push({
          start: m.index,
          end: m.index + m[0].length,
          text: m[0],
          ruleId: rule.id,
          groupId: 'disclosure',
          severity: AD_TERMS.disclosure.severity,
          confidence: AD_TERMS.disclosure.confidence,
          title: rule.title,
          article: rule.article,
          sources: rule.sources,
          suggestion: AD_TERMS.disclosure.suggestion,
        });
      }
    }
  }

  raw.sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || (a.severity === 'ban' ? -1 : 1),
  );
  const findings: AdFinding[] = [];
  for (const finding of raw) {
    const last = findings.at(-1);
    // Contained in (or equal to) the previous, longer span: the longer term already says it.
    if (last && finding.start >= last.start && finding.end <= last.end) continue;
    findings.push(finding);
  }
  return { ok: true, findings, characters };
}
