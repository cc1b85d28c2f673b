import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import namingData from '../../templates/rules/naming-rules.json' with { type: 'json' };
import { presenceIssues } from './common';
import { parseDomain } from './domain';
import { makeIssue, type IssueParams, type MessageCode } from './messages';
import { countCodePoints, describeChar } from './normalize';
import { provinceByCode } from './provinces';
import { measureLength } from './text';
import type { Bilingual, Severity, ValidationIssue } from './types';

export type NamedService = 'website' | 'app' | 'miniProgram';

type NamingCheck =
  | { type: 'containsAny'; words: string[]; field?: Bilingual }
  | { type: 'digitsOnly' | 'lettersOnly' | 'specialSymbols' | 'equalsDomain' | 'mustContainChinese' }
  | { type: 'differsFromUnitName' | 'douyinCharset' | 'emoji' }
  | { type: 'minLength'; min: number }
  | { type: 'lengthWideAsTwo'; min: number; max: number };

/** One rule of templates/rules/naming-rules.json. */
export interface NamingRule {
  id: string;
  services: NamedService[];
  subjects?: ('organization' | 'personal')[];
  provinces?: string[];
  platforms?: string[];
  check: NamingCheck;
  code: MessageCode;
  severity: Severity;
  waivedBy?: 'reservedWordApproval' | 'preApproval';
  confidence: string;
  source: string;
  asOf: string;
  note?: string;
}

const day = lazySchema(() => z.iso.date());
const text = (max: number) => z.string().min(1).max(max);
const NamingCheckSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('containsAny'),
      words: z.array(text(40)).min(1).max(500),
      field: z.strictObject({ en: text(200), 'zh-CN': text(200) }).optional(),
    }),
    z.strictObject({
      type: z.enum([
        'digitsOnly',
        'lettersOnly',
        'specialSymbols',
        'equalsDomain',
        'mustContainChinese',
        'differsFromUnitName',
        'douyinCharset',
        'emoji',
      ]),
    }),
    z.strictObject({ type: z.literal('minLength'), min: z.number().int().min(1).max(200) }),
    z.strictObject({
      type: z.literal('lengthWideAsTwo'),
      min: z.number().int().min(0).max(200),
      max: z.number().int().min(1).max(400),
    }),
  ]),
);

/**
 * templates/rules/naming-rules.json: part of the rule pack (core/rules/pack.ts). The pack checker also checks
 * that each `code` is a message of core/validate/messages.ts and each province a mainland GB/T 2260 code.
 */
export const NamingRulesSchema = lazySchema(() =>
  z.strictObject({
    $comment: z.string().max(4000).optional(),
    type: z.literal('icp-packet/naming-rules'),
    version: z.number().int().positive(),
    asOf: day,
    source: text(2000),
    rules: z
      .array(
        z.strictObject({
          id: text(100),
          services: z
            .array(z.enum(['website', 'app', 'miniProgram']))
            .min(1)
            .max(3),
          subjects: z
            .array(z.enum(['organization', 'personal']))
            .min(1)
            .max(2)
            .optional(),
          provinces: z
            .array(z.string().regex(/^\d{6}$/))
            .min(1)
            .max(40)
            .optional(),
          platforms: z.array(text(40)).min(1).max(20).optional(),
          check: NamingCheckSchema,
          code: text(100),
          severity: z.enum(['error', 'warning']),
          waivedBy: z.enum(['reservedWordApproval', 'preApproval']).optional(),
          confidence: text(40),
          source: text(2000),
          asOf: day,
          note: text(2000).optional(),
        }),
      )
      .max(500),
  }),
);
export type NamingRules = z.infer<typeof NamingRulesSchema>;

/** The naming rules in use: the bundled file, or an imported rule pack's. */
export let NAMING_RULES: readonly NamingRule[] = namingData.rules as NamingRule[];

/** Puts parsed naming rules in use (core/rules/pack.ts calls it once it has checked every `code`). */
export function useNamingRules(rules: NamingRules): void {
  NAMING_RULES = rules.rules as NamingRule[];
}

export interface ServiceNameOptions {
  service: NamedService;
  subjectType?: 'organization' | 'personal';
  /** GB/T 2260 code of the filing province, e.g. "310000". */
  province?: string;
  /** Mini-program platform, e.g. "wechat", "douyin". */
  platform?: string;
  /** The subject's registered name, for rules comparing the two. */
  unitName?: string;
  /** Approvals the user has declared; they waive the matching rules. */
  approvals?: { reservedWordApproval?: boolean; preApproval?: boolean };
}

const HAN = /\p{Script=Han}/u;
const EMOJI = /\p{Extended_Pictographic}/u;

function ruleApplies(rule: NamingRule, options: ServiceNameOptions): boolean {
  if (!rule.services.includes(options.service)) return false;
  if (rule.subjects && (!options.subjectType || !rule.subjects.includes(options.subjectType))) return false;
  if (rule.provinces) {
    const province = options.province ? provinceByCode(options.province)?.gbCode : undefined;
    if (!province || !rule.provinces.includes(province)) return false;
  }
  if (rule.platforms && (!options.platform || !rule.platforms.includes(options.platform))) return false;
  if (rule.waivedBy && options.approvals?.[rule.waivedBy]) return false;
  return true;
}

/** Returns the params of a violation, or undefined when the name passes the check. */
function runCheck(check: NamingCheck, name: string, options: ServiceNameOptions): IssueParams | undefined {
  const chars = [...name];
  switch (check.type) {
    case 'containsAny': {
      const lower = name.toLowerCase();
      const word = check.words.find((candidate) => lower.includes(candidate.toLowerCase()));
      if (word === undefined) return undefined;
      return check.field ? { word, field: check.field } : { word };
    }
    case 'digitsOnly':
      return /^[0-9\s]+$/u.test(name) ? {} : undefined;
    case 'lettersOnly':
      return /^[A-Za-z\s]+$/u.test(name) ? {} : undefined;
    case 'specialSymbols': {
      const symbols = [...new Set(chars.filter((char) => !HAN.test(char) && !/[A-Za-z0-9]/u.test(char)))];
      return symbols.length > 0 ? { chars: symbols.slice(0, 10).map(describeChar).join(' ') } : undefined;
    }
    case 'minLength': {
      const length = countCodePoints(name);
      return length < check.min ? { min: check.min, length } : undefined;
    }
    case 'equalsDomain':
      // A name that parses as a host name (example.com, 例子.中国) is a domain, whichever site it belongs to.
      return parseDomain(name) ? {} : undefined;
    case 'mustContainChinese':
    case 'differsFromUnitName': {
      if (check.type === 'mustContainChinese' && chars.some((char) => HAN.test(char))) return undefined;
      if (check.type === 'differsFromUnitName' && (!options.unitName || options.unitName.trim() === name))
        return undefined;
      return { province: provinceLabel(options.province) };
    }
    case 'douyinCharset': {
      const body = name.endsWith('+') ? name.slice(0, -1) : name;
      const bad = [...new Set([...body].filter((char) => !HAN.test(char) && !/[A-Za-z0-9]/u.test(char)))];
      return bad.length > 0 ? { chars: bad.slice(0, 10).map(describeChar).join(' ') } : undefined;
    }
    case 'lengthWideAsTwo': {
      const length = measureLength(name, 'wideAsTwo');
      return length < check.min || length > check.max ? { length } : undefined;
    }
    case 'emoji':
      return EMOJI.test(name) ? {} : undefined;
  }
}

function provinceLabel(code: string | undefined): Bilingual {
  const province = code ? provinceByCode(code) : undefined;
  return province
    ? { en: province.nameEn, 'zh-CN': province.nameZh }
    : { en: 'This province', 'zh-CN': '该省' };
}

/**
 * Applies the naming rules of templates/rules/naming-rules.json to a website, App or mini-program name:
 * only the rules for this service, subject type, province and platform, minus those waived by a declared
 * approval. Each issue carries the rule id in `params.rule` so the UI can show the rule's source.
 */
export function validateServiceName(value: string, options: ServiceNameOptions): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const name = value.trim();
  const issues: ValidationIssue[] = [];
  const seen = new Map<MessageCode, string[]>();
  for (const rule of NAMING_RULES) {
    if (!ruleApplies(rule, options)) continue;
    const params = runCheck(rule.check, name, options);
    if (params === undefined) continue;
    // Several rules can make the same point (national words and Henan's list; 个人博客 and 博客): say it once.
    const word = typeof params.word === 'string' ? params.word : '';
    const reported = seen.get(rule.code);
    if (reported && (word === '' || reported.some((earlier) => earlier.includes(word)))) continue;
    seen.set(rule.code, [...(reported ?? []), word]);
    issues.push(makeIssue(rule.code, rule.severity, { ...params, rule: rule.id }));
  }
  return issues;
}
