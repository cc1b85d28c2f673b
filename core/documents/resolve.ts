/**
 * Binds a template to a case: evaluates `when` conditions, expands `each` repetitions and fills placeholders
 * with formatted values, in Chinese for the text and in English for the gloss. The result is plain text
 * blocks that the layout engine sets; nothing here knows about pages or fonts.
 */
import type { Case, Person } from '../model/case';
import { regionLatin, regionName } from '../model/regions';
import { chineseDate } from '../validate/dates';
import { mainlandProvinceByInput, provinceByCode } from '../validate/provinces';
import { getAt } from '../model/access';
import { evaluate, type DocumentDecision } from './conditions';
import { glossOf } from './glossary';
import { printedName } from './names';
import { JOINER } from './joiner';
import { EN_MONTHS } from '../i18n/language';
import { crossBorderRoute } from '../after/pipl';
import {
  PLACEHOLDER,
  type Block,
  type Condition,
  type DocumentTemplate,
  type LabelTables,
  type TemplateCell,
} from './template-schema';

export interface ResolvedText {
  zh: string;
  en: string;
}

export interface ResolvedTable {
  kind: 'table';
  /** Printed above the table. */
  caption?: ResolvedText;
  /** Column widths as shares of the text width (sum 1). */
  widths: number[];
  /** Header rows, repeated on every page the table continues on. */
  header: ResolvedText[][];
  rows: ResolvedText[][];
  /** Column 0 holds labels (a form): shaded and named in attachment pointers. */
  labelled: boolean;
}

export type ResolvedBlock =
  | { kind: 'title'; text: ResolvedText }
  | { kind: 'heading'; level: 1 | 2; text: ResolvedText }
  | { kind: 'addressee'; text: ResolvedText }
  | {
      kind: 'paragraph';
      text: ResolvedText;
      indent: boolean;
      align: 'left' | 'right' | 'center';
      emphasis?: boolean;
    }
  | ResolvedTable
  | { kind: 'checklist'; caption?: ResolvedText; items: { checked: boolean; text: ResolvedText }[] }
  | {
      kind: 'signature';
      signers: {
        party: ResolvedText;
        name?: ResolvedText;
        signatures: ResolvedText[];
        seal: boolean;
        /** The printed date (the case's planned submission date), or null for 年 月 日 to fill in by hand. */
        date: ResolvedText | null;
        /** A party other than the applicant, who always dates by hand: not one of the case's signing dates. */
        handDated?: true;
      }[];
    }
  | {
      kind: 'notes';
      heading: ResolvedText;
      items: ResolvedText[];
      /** The text is English in both slots (the signing note printed in English): Latin punctuation. */
      latin?: boolean;
    }
  | { kind: 'enclosures'; heading: ResolvedText; items: ResolvedText[] };

export interface ResolvedDocument {
  templateId: string;
  templateVersion: number;
  title: ResolvedText;
  blocks: ResolvedBlock[];
}

type Lang = 'zh' | 'en';

/** What an empty value prints as: a blank to fill in by hand (the pre-flight reports the gap). */
export const BLANK = '________';
/** What an optional value (`|none`) prints when empty. */
export const NONE_ZH = '无';
/** What an ICP filing number (`|filing`) prints when there is none. */
export const NOT_YET_FILED_ZH = '尚未备案';
/** A format's answer for "nothing to print here, and nothing missing" (unlike '', which prints {@link BLANK}). */
const NOTHING = '\u0000';

export interface ResolveContext {
  caseData: Case;
  decision: DocumentDecision;
  labels: LabelTables;
  /** The document date (`$now`), ISO YYYY-MM-DD. */
  today: string;
  /**
   * Collects every value the Chinese text prints, with the field that feeds it and what it printed in place
   * of a missing fact (core/documents/printed-values.ts reads it for the pre-flight).
   */
  printed?: PrintedValue[];
  /** Leave the English gloss empty: the pre-flight's checks read only what the Chinese text prints. */
  chineseOnly?: boolean;
}

/** What an empty value printed in place of a fact: a blank to fill in, 无, or 尚未备案. */
export type PrintedGap = 'blank' | 'none' | 'notYet';

/** One placeholder of the Chinese text as it was filled. */
export interface PrintedValue {
  /** The placeholder's path in the `binds` notation — the key of the template's `prints` declaration. */
  key: string;
  /** The concrete case path it read (`licence.staff.1.idNumber`); undefined for computed values. */
  path: string | undefined;
  format: string;
  /** The value read (for the "written in Chinese" check). */
  value: unknown;
  /** What the Chinese text printed for it. */
  text: string;
  /** What was printed in place of a missing fact, if anything. */
  gap?: PrintedGap;
  /**
   * The empty fields behind the gap, as concrete case paths: the field itself, or the parts of a composed
   * value (a person's name, a service's domain, a district) that printed as a blank inside it.
   */
  missing: string[];
}

interface Scope {
  item?: unknown;
  /** The concrete case path of `item` (`services.0`), so `$item.…` values find their English meaning. */
  itemPath?: string;
  /** The `each` path of `item` in the binds notation (`services`, `services[].preApprovals`). */
  itemKey?: string;
  index?: number;
}

/** What the English gloss prints for Chinese free text the user gave no English meaning for. */
export const NO_ENGLISH = '[no English given]';
const CJK = /[\u3400-\u9fff]/;

/** 2026-11-25 → 2026年11月25日 / 25 November 2026 (no leading zeros, as official documents write dates). */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  // Joined so a line break never falls inside a date (see wrap.ts JOINER).
  if (lang === 'zh') return chineseDate(iso, JOINER);
  return [Number(d), EN_MONTHS[Number(m) - 1], y].join('\u00a0');
}

const groupThousands = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** 10000000 → 1000万元 / RMB 10,000,000 (Chinese amounts are written without digit grouping). */
export function formatCny(amount: number, lang: Lang): string {
  if (lang === 'en') return `RMB ${groupThousands(amount)}`;
  if (amount >= 10_000 && amount % 100 === 0) return `${amount / 10_000}万元`;
  return `${amount}元`;
}

/** The licence categories as one phrase, naming 第二类增值电信业务 once (B21 before B25, as MIIT lists them). */
export function formatLicenceCategories(categories: readonly string[], lang: Lang): string {
  const has = (c: string) => categories.includes(c);
  const zh: string[] = [];
  const en: string[] = [];
  if (has('B21')) {
    zh.push('在线数据处理与交易处理业务（B21）');
    en.push('online data processing and transaction processing (B21)');
  }
  if (has('B25')) {
    zh.push('信息服务业务（B25，仅限互联网信息服务）');
    en.push('information services (B25, internet information services only)');
  }
  if (zh.length === 0) return '';
  return lang === 'zh'
    ? `第二类增值电信业务中的${zh.join('和')}`
    : `Category II value-added telecom services: ${en.join(' and ')}`;
}

/**
 * Where the licensed service is offered: the filing province by name, the list of provinces (in the order
 * given, each once; an entry that names no province prints as typed), or 全国.
 */
export function formatCoverage(coverage: unknown, caseData: Case, lang: Lang): string {
  if (coverage === 'nationwide') return lang === 'zh' ? '全国' : 'Nationwide';
  if (coverage === 'multi_province') {
    const names = caseData.licence.provinces
      .map((entry) => entry.trim())
      .filter(Boolean)
      .map((entry) => {
        const province = mainlandProvinceByInput(entry);
        if (province) return lang === 'zh' ? province.nameZh : province.nameEn;
        return lang === 'en' && CJK.test(entry) ? NO_ENGLISH : entry;
      });
    return [...new Set(names)].join(lang === 'zh' ? '、' : ', ');
  }
  if (coverage !== 'province') return '';
  const code = caseData.subject.province || caseData.answers.province;
  const province = code ? provinceByCode(code) : undefined;
  if (!province) return '';
  return lang === 'zh' ? province.nameZh : province.nameEn;
}

/** The municipalities' and provinces' placeholder "cities" of the division codes: not part of an address. */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * A province / city / district chain as printed: Chinese from the largest unit down (广东省深圳市南山区);
 * English from the smallest up with the Latin names of regions-latin.json — official English names for
 * provinces, Hanyu Pinyin with the English suffix below them, a romanisation to find a place by (the
 * Chinese line above it is the name the authority uses). A missing part prints as a blank to fill in;
 * an unknown code as typed.
 */
export function areaOf(province: string, city: string, district: string, lang: Lang): string {
  const provinceEntry = province ? provinceByCode(province) : undefined;
  const parts: string[] = [];
  const provinceName = provinceEntry
    ? lang === 'zh'
      ? provinceEntry.nameZh
      : provinceEntry.nameEn
    : province;
  parts.push(provinceName || BLANK);
  for (const code of [city, district]) {
    if (!code) {
      parts.push(BLANK);
      continue;
    }
    const name = regionName(code);
    if (name && PLACEHOLDER_CITY.test(name)) continue;
    if (!name) parts.push(code);
    else parts.push(lang === 'zh' ? name : regionLatin(code) || NO_ENGLISH);
  }
  // A missing district after a missing city: one blank is enough.
  const collapsed = parts.filter((p, i) => !(p === BLANK && parts[i - 1] === BLANK));
  return lang === 'zh' ? collapsed.join('') : collapsed.reverse().join(', ');
}

const AGENCY_ROLE = /代理|经办|agency|agent/i;

/**
 * Who the authority calls about the application: the agency's contact (经办人) when the case names one,
 * else the subject's person in charge.
 */
export function applicationContact(caseData: Case): {
  name: string;
  nameEn: string;
  mobile: string;
  email: string;
  agency: boolean;
} {
  const agent = caseData.contacts.find((c) => AGENCY_ROLE.test(c.role) && c.name.trim());
  if (agent)
    return { name: agent.name, nameEn: agent.name, mobile: agent.mobile, email: agent.email, agency: true };
  const p = caseData.principal;
  return {
    name: printedName(p, 'zh'),
    nameEn: printedName(p, 'en'),
    mobile: p.mobile,
    email: p.email,
    agency: false,
  };
}

/** The one date every signed document carries: the planned submission date, or '' for dating by hand. */
export function signingDate(caseData: Case): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(caseData.plannedSubmissionOn) ? caseData.plannedSubmissionOn : '';
}

/** 年 月 日 with room to write the date by hand, for running text of a paper signed by hand. */
const HAND_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

function validityOf(
  from: unknown,
  to: unknown,
  longTerm: unknown,
  lang: Lang,
  miss: (end: 'from' | 'to') => void = () => undefined,
): string {
  const start = typeof from === 'string' && from ? formatDate(from, lang) : '';
  if (!start) miss('from');
  if (longTerm === true) return lang === 'zh' ? `${start || BLANK}至长期` : `${start || BLANK} – no expiry`;
  const end = typeof to === 'string' && to ? formatDate(to, lang) : '';
  if (!end) miss('to');
  if (!start && !end) return '';
  return lang === 'zh' ? `${start || BLANK}至${end || BLANK}` : `${start || BLANK} – ${end || BLANK}`;
}

function label(ctx: ResolveContext, table: string, key: unknown, lang: Lang): string {
  if (key === null || key === undefined || key === '') return '';
  const entries = ctx.labels.tables[table];
  if (!entries) throw new Error(`labels.json has no table "${table}"`);
  // Open lists (countries, languages) may hold codes the table lacks: print the code rather than fail.
  return entries[String(key)]?.[lang] ?? String(key);
}

/**
 * Reports a part of a composed value that printed as a blank: a path relative to the value formatted
 * (`name`, `domains`, `0.approvalNumber`), or absolute with a leading '/' (`/principal.idNumber`).
 */
type Miss = (part: string) => void;
const ignore: Miss = () => undefined;

/** `text`, or {@link BLANK} (reported as the missing `part`) when it is empty. */
function orBlank(text: unknown, part: string, miss: Miss): string {
  const s = typeof text === 'string' ? text : text === null || text === undefined ? '' : String(text);
  if (s.trim() !== '') return s;
  miss(part);
  return BLANK;
}

function formatValue(
  value: unknown,
  format: string | undefined,
  ctx: ResolveContext,
  lang: Lang,
  miss: Miss = ignore,
): string {
  const [name, argument] = (format ?? '').split(':');
  switch (name) {
    case '':
      if (value === null || value === undefined) return '';
      if (Array.isArray(value)) return value.map(String).join(lang === 'zh' ? '、' : ', ');
      if (typeof value === 'boolean') return formatValue(value, 'yesno', ctx, lang);
      if (typeof value === 'object') throw new Error('An object needs a format (e.g. |validity).');
      return String(value);
    case 'none': {
      // Optional fields (shared with, remarks): empty means "none", not a blank to fill in.
      const text = formatValue(value, argument ? `label:${argument}` : '', ctx, lang);
      return text.trim() === '' ? (lang === 'zh' ? NONE_ZH : 'None') : text;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang) : '';
    case 'cny':
      return typeof value === 'number' ? formatCny(value, lang) : '';
    case 'personName': {
      // As in the identity document, with the Chinese name beside a passport's Latin name (names.ts).
      const person = value as Person | null | undefined;
      if (!person || typeof person !== 'object') return '';
      const printed = printedName(person, lang);
      if (printed === '') miss(person.idType === 'passport' ? 'nameLatin' : 'name');
      return printed;
    }
    case 'coverage': {
      const coverage = formatCoverage(value, ctx.caseData, lang);
      if (coverage === '') miss(value === 'multi_province' ? '/licence.provinces' : '/subject.province');
      return coverage;
    }
    case 'servicePrincipal':
    case 'servicePrincipalId': {
      // A service's person in charge: its own, or (principal null) the subject's, named in full.
      const service = value as { principal?: Person | null } | null | undefined;
      if (!service || typeof service !== 'object') return '';
      const person = service.principal ?? ctx.caseData.principal;
      const base = service.principal ? 'principal' : '/principal';
      if (name === 'servicePrincipalId') return orBlank(person.idNumber, `${base}.idNumber`, miss);
      return orBlank(printedName(person, lang), `${base}.name`, miss);
    }
    case 'cnNum': {
      // 1 → 一 … 99 → 九十九, for （一） numbering inside a section.
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 99) return String(value ?? '');
      const digits = '零一二三四五六七八九';
      if (lang === 'en') return String(n);
      if (n < 10) return digits[n] ?? '';
      const tens = Math.floor(n / 10);
      return `${tens === 1 ? '' : digits[tens]}十${n % 10 ? digits[n % 10] : ''}`;
    }
    case 'sentence':
      // Free text set inside a sentence of the template: without its own closing punctuation.
      return typeof value === 'string' ? value.trim().replace(/[。；，、.;,\s]+$/u, '') : '';
    case 'filing':
      // An ICP filing number, or the plain fact that there is none yet.
      // Joined so the number never breaks across lines (粤ICP / 备…).
      if (typeof value === 'string' && value.trim()) return [...value.trim()].join(JOINER);
      return lang === 'zh' ? NOT_YET_FILED_ZH : 'not yet filed';
    case 'url': {
      // A web address may break after its scheme, never inside its host: https://www.yunfan-/edu.cn would
      // read as two names on paper.
      // None (an App or a mini-program has no home page): 无, as `none` prints it.
      const url = typeof value === 'string' ? value.trim() : '';
      if (url === '') return lang === 'zh' ? NONE_ZH : 'None';
      const [, scheme = '', host = '', rest = ''] =
        /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)(.*)$/i.exec(url) ?? [];
      return `${scheme}${[...host].join(JOINER)}${rest}`;
    }
    case 'serviceIdentity': {
      // What identifies the service to the authority: the domain of a website, the AppID of a mini-program.
      const service = value as Record<string, unknown> | null | undefined;
      if (!service) return '';
      const zh = lang === 'zh';
      const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(zh ? '、' : ', ') : '');
      if (service.kind === 'website')
        return `${zh ? '域名' : 'domain '}${orBlank(list(service.domains), 'domains', miss)}`;
      if (service.kind === 'mini_program') return `AppID ${orBlank(service.appId, 'appId', miss)}`;
      const packages = Array.isArray(service.platforms)
        ? (service.platforms as Record<string, unknown>[]).map((p) => String(p.packageName ?? ''))
        : [];
      const named = [...new Set(packages)].filter(Boolean).join(zh ? '、' : ', ');
      return `${zh ? '包名' : 'package '}${orBlank(named, 'platforms', miss)}`;
    }
    case 'investor': {
      // 投资人或主管单位 in Chinese: the shareholders' registered Chinese names when the field holds none.
      const subject = value as Record<string, unknown> | null | undefined;
      if (!subject) return '';
      const typed = String(subject.investor ?? '').trim();
      const names = Array.isArray(subject.shareholders)
        ? (subject.shareholders as Record<string, unknown>[]).map((s) => String(s.name ?? '').trim())
        : [];
      if (lang === 'zh' && !CJK.test(typed) && names.some((n) => CJK.test(n))) return names.join('、');
      if (typed === '') miss('investor');
      // In English, the shareholders' Latin names where the field lists the shareholders (or is empty).
      if (
        lang === 'en' &&
        CJK.test(typed || names.join('')) &&
        (typed === '' || typed === names.join('、'))
      ) {
        const latin = (subject.shareholders as Record<string, unknown>[]).map((s) =>
          String(s.nameLatin ?? '').trim(),
        );
        if (latin.length > 0 && latin.every(Boolean)) return latin.join(', ');
      }
      return typed;
    }
    case 'licenceCategories':
      return Array.isArray(value) ? formatLicenceCategories(value as string[], lang) : '';
    case 'pct':
      return typeof value === 'number' ? `${value}%` : '';
    case 'yesno':
      if (typeof value !== 'boolean') return '';
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
    case 'count':
      return Array.isArray(value) ? String(value.length) : '0';
    case 'list':
      return Array.isArray(value)
        ? value
            .map((v) => (argument ? label(ctx, argument, v, lang) : String(v)))
            .join(lang === 'zh' ? '、' : ', ')
        : '';
    case 'label':
      if (!argument) throw new Error('|label needs a table name, e.g. |label:idType');
      return label(ctx, argument, value, lang);
    case 'province': {
      const province = typeof value === 'string' && value ? provinceByCode(value) : undefined;
      if (!province) return typeof value === 'string' ? value : '';
      return lang === 'zh' ? province.nameZh : province.nameEn;
    }
    case 'region': {
      // City or district name from its division code (in English its Latin form, regions-latin.json). The
      // municipalities' placeholder cities (市辖区, 县) are not part of an address, so they print as nothing;
      // an unknown code prints as typed.
      if (typeof value !== 'string' || !value) return '';
      const name = regionName(value);
      if (!name) return value;
      if (PLACEHOLDER_CITY.test(name)) return NOTHING;
      return lang === 'en' ? regionLatin(value) || NO_ENGLISH : name;
    }
    case 'area': {
      // Province, city and district of a subject (or anything with those three codes) as one place:
      // 广东省深圳市南山区 / Nanshan District, Shenzhen, Guangdong (smallest first, as English addresses go).
      const holder = value as Record<string, unknown> | null | undefined;
      if (!holder || typeof holder !== 'object') return '';
      for (const part of ['province', 'city', 'district'])
        if (String(holder[part] ?? '').trim() === '') miss(part);
      return areaOf(
        String(holder.province ?? ''),
        String(holder.city ?? ''),
        String(holder.district ?? ''),
        lang,
      );
    }
    case 'authority': {
      // The communications administration of the province: the addressee of filings and provincial licences.
      const province = typeof value === 'string' && value ? provinceByCode(value) : undefined;
      if (!province) return '';
      if (lang === 'en') return `${province.nameEn} Communications Administration`;
      return province.communicationsAdministration ?? `${province.nameZh}通信管理局`;
    }
    case 'idValidity': {
      const person = value as Record<string, unknown> | null | undefined;
      return person
        ? validityOf(person.idValidFrom, person.idValidTo, person.idLongTerm, lang, (end) =>
            miss(end === 'from' ? 'idValidFrom' : 'idValidTo'),
          )
        : '';
    }
    case 'licenceTerm': {
      const subject = value as Record<string, unknown> | null | undefined;
      return subject
        ? validityOf(
            subject.establishedOn,
            subject.certificateValidTo,
            subject.certificateLongTerm,
            lang,
            (end) => miss(end === 'from' ? 'establishedOn' : 'certificateValidTo'),
          )
        : '';
    }
    case 'preApprovals': {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (items.length === 0) return lang === 'zh' ? '以上都不涉及' : 'None of the above';
      return items
        .map((p, j) => {
          const sector = label(ctx, 'sector', p.sector, lang);
          const number = orBlank(p.approvalNumber, `${j}.approvalNumber`, miss);
          const permit = orBlank(p.permitName, `${j}.permitName`, miss);
          return lang === 'zh'
            ? `${sector}：${permit}（审批文号：${number}）`
            : `${sector}: ${permit} (approval no. ${number})`;
        })
        .join(lang === 'zh' ? '；' : '; ');
    }
    case 'platformFeatures': {
      // One block per platform, as the App filing form asks (app-and-website-filing-fields.md §4.2).
      const platforms = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const zh = lang === 'zh';
      return platforms
        .map((p, j) =>
          [
            label(ctx, 'appPlatform', p.platform, lang),
            `${zh ? '包名' : 'Package name'}${zh ? '：' : ': '}${orBlank(p.packageName, `${j}.packageName`, miss)}`,
            `${zh ? '公钥' : 'Public key'}${zh ? '：' : ': '}${orBlank(p.publicKey, `${j}.publicKey`, miss)}`,
            `${label(ctx, 'fingerprintKind', p.platform, lang)}${zh ? '：' : ': '}${orBlank(p.signatureFingerprint, `${j}.signatureFingerprint`, miss)}`,
          ].join('\n'),
        )
        .join('\n');
    }
    case 'sdks': {
      const sdks = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (sdks.length === 0) return lang === 'zh' ? '未使用第三方SDK' : 'No third-party SDK';
      return sdks
        .map((sdk, j) => {
          const provider = orBlank(sdk.provider, `${j}.provider`, miss);
          const purpose = orBlank(sdk.purpose, `${j}.purpose`, miss);
          return lang === 'zh' ? `${provider}（${purpose}）` : `${provider} (${purpose})`;
        })
        .join(lang === 'zh' ? '；' : '; ');
    }
    default:
      throw new Error(`Unknown placeholder format "${format}"`);
  }
}

/** The case field a computed value reads, for the pre-flight to point at when it prints a blank. */
function computedSource(path: string, caseData: Case): string | undefined {
  if (path === '$crossBorderRoute') {
    const scale = caseData.personalDataScale;
    return scale.crossBorderPeople === '' || scale.crossBorderSensitivePeople !== ''
      ? 'personalDataScale.crossBorderPeople'
      : 'personalDataScale.crossBorderSensitivePeople';
  }
  const field = /^\$contact\.(name|mobile|email|role)$/.exec(path)?.[1];
  if (!field) return path === '$documentDate' || path === '$signDate' ? 'plannedSubmissionOn' : undefined;
  const agent = caseData.contacts.findIndex((c) => AGENCY_ROLE.test(c.role) && c.name.trim());
  // The agency's role prints as 经办人 whatever its row says; a person in charge's is their title.
  if (field === 'role') return agent >= 0 ? undefined : 'principal.title';
  return agent >= 0 ? `contacts.${agent}.${field}` : `principal.${field}`;
}

/** Values computed from the case rather than read from one field. */
function computed(path: string, ctx: ResolveContext, lang: Lang): unknown {
  switch (path) {
    case '$signDate': {
      // A paper signed by hand (a resolution's closing date): the signing date, or 年 月 日 to write in.
      const date = signingDate(ctx.caseData);
      return date ? formatDate(date, lang) : lang === 'zh' ? HAND_DATE : 'date to be written by hand';
    }
    case '$documentDate':
      // A document nobody signs (a policy, an agreement, the inventory) goes into the packet as printed:
      // nobody would write a date into it, so without a planned submission date it carries the day it is made.
      return formatDate(signingDate(ctx.caseData) || ctx.today, lang);
    case '$contact.name': {
      const contact = applicationContact(ctx.caseData);
      return lang === 'zh' ? contact.name : contact.nameEn;
    }
    case '$contact.role':
      // The authority asks for the contact's post (联系人 + 职务): the agency's 经办人, else the person's title.
      return applicationContact(ctx.caseData).agency
        ? lang === 'zh'
          ? '经办人'
          : 'agent'
        : ctx.caseData.principal.title;
    case '$contact.mobile':
      return applicationContact(ctx.caseData).mobile;
    case '$contact.email':
      return applicationContact(ctx.caseData).email;
    case '$crossBorderRoute': {
      // What the policy says of transfers abroad on the route the volumes call for (PIPL Art. 38).
      const route = crossBorderRoute(ctx.caseData.personalDataScale);
      return route ? route.policy[lang === 'zh' ? 'zh-CN' : 'en'] : '';
    }
    case '$licenceCategories':
      // The categories the packet applies for (the Pathway answer, or what the decision calls for).
      return formatLicenceCategories(ctx.decision.licenceCategories, lang);
    default:
      // A placeholder no case of this switch knows would print a blank on every document: fail instead.
      throw new Error(`Unknown computed placeholder "${path}"`);
  }
}

/** The concrete case path a placeholder reads (`services.0.remarks`), or undefined for computed values. */
function concretePath(path: string, scope: Scope): string | undefined {
  if (path.startsWith('$item.')) return scope.itemPath ? `${scope.itemPath}.${path.slice(6)}` : undefined;
  return path.startsWith('$') ? undefined : path;
}

function lookup(path: string, ctx: ResolveContext, scope: Scope): unknown {
  if (path === '$now') return ctx.today;
  if (path === '$index') return scope.index;
  if (path.startsWith('$item.')) return getAt(scope.item, path.slice('$item.'.length));
  if (path === '$item') return scope.item;
  return getAt(ctx.caseData, path);
}

/**
 * The English of Chinese free text: the meaning the user typed beside the field, or {@link NO_ENGLISH}.
 * Names of services keep their Chinese name when no meaning is given (a name is not translated).
 */
function englishOf(chinese: string, path: string | undefined, ctx: ResolveContext): string {
  const meaning = path ? ctx.caseData.englishMeanings[path]?.trim() : undefined;
  if (meaning) return meaning;
  // A name with a Latin-script form beside it (the subject, people, shareholders) prints that form.
  const base = path && /^(.*)\.name$/.exec(path)?.[1];
  const latin = base ? getAt(ctx.caseData, `${base}.nameLatin`) : undefined;
  if (typeof latin === 'string' && latin.trim()) return latin.trim();
  // An ICP filing number (粤ICP备…) or a licence number (粤B2-…) is an identifier: printed as it is in both
  // languages, so a reader of the English can check it against the licence.
  if (path && /(^|\.)(filingNumber|licenceNumber)$/.test(path)) return chinese;
  // A name without a Latin form (a service, a staff member) is printed as it is: names are not translated.
  if (path && /\.name$/.test(path) && !(typeof latin === 'string' && latin.trim())) return chinese;
  // The applicant's own name typed again (the domain holder): its Latin form.
  const subject = ctx.caseData.subject;
  if (subject.nameLatin.trim() && chinese.trim() === subject.name.trim()) return subject.nameLatin.trim();
  // A fixed term (本科, 技术总监, 阿里云计算有限公司, 广东省深圳市): the glossary's English.
  return glossOf(chinese) ?? NO_ENGLISH;
}

/** The placeholder's path in the `binds` notation: the key of the template's `prints` declaration. */
function printKey(path: string, scope: Scope): string {
  if (path === '$item') return `${scope.itemKey ?? ''}[]`;
  if (path.startsWith('$item.')) return `${scope.itemKey ?? ''}[].${path.slice('$item.'.length)}`;
  return path;
}

/** The concrete path of a part a format reported missing (relative to the value, or absolute with '/'). */
function partPath(base: string | undefined, part: string): string | undefined {
  if (part.startsWith('/')) return part.slice(1);
  return base ? `${base}.${part}` : undefined;
}

/** Fills the placeholders of `text`; an empty value becomes {@link BLANK}. */
export function fill(text: string, ctx: ResolveContext, scope: Scope, lang: Lang): string {
  if (lang === 'en' && ctx.chineseOnly) return '';
  return text.replace(PLACEHOLDER, (match: string, path: string, format: string | undefined, at: number) => {
    const isComputed =
      path.startsWith('$') && path !== '$now' && path !== '$index' && !path.startsWith('$item');
    const value = isComputed ? computed(path, ctx, lang) : lookup(path, ctx, scope);
    const where = isComputed
      ? computedSource(path, ctx.caseData)
      : (concretePath(path, scope) ?? scope.itemPath);
    const parts: string[] = [];
    let formatted = formatValue(value, format, ctx, lang, (part) => parts.push(part));
    // Chinese free text in an English gloss: the user's English meaning, or a clear mark (never the Chinese).
    if (lang === 'en' && (!format || /^(none|sentence)/.test(format)) && CJK.test(formatted))
      formatted = englishOf(formatted, isComputed ? where : concretePath(path, scope), ctx);
    const blank = formatted !== NOTHING && formatted.trim() === '';
    if (lang === 'zh' && ctx.printed) {
      const kind = (format ?? '').split(':')[0];
      const gap =
        blank || parts.length > 0
          ? 'blank'
          : (kind === 'none' || kind === 'url') && formatted === NONE_ZH
            ? 'none'
            : kind === 'filing' && formatted === NOT_YET_FILED_ZH
              ? 'notYet'
              : undefined;
      const missing = parts.length
        ? parts.map((part) => partPath(where, part)).filter((p): p is string => p !== undefined)
        : gap && where
          ? [where]
          : [];
      ctx.printed.push({
        key: printKey(path, scope),
        path: where,
        format: format ?? '',
        value,
        text: formatted === NOTHING ? '' : blank ? BLANK : formatted,
        ...(gap ? { gap } : {}),
        missing,
      });
    }
    if (formatted === NOTHING) return '';
    if (blank) return BLANK;
    // A name ending in an abbreviation (…Co., Ltd.) before the template's own full stop closes the sentence once.
    if (lang === 'en' && formatted.endsWith('.') && text[at + match.length] === '.')
      return formatted.slice(0, -1);
    return formatted;
  });
}

function fillText(text: { zh: string; en: string }, ctx: ResolveContext, scope: Scope): ResolvedText {
  return { zh: fill(text.zh, ctx, scope, 'zh'), en: fill(text.en, ctx, scope, 'en') };
}

function fillCell(cell: TemplateCell, ctx: ResolveContext, scope: Scope): ResolvedText {
  if (typeof cell === 'string') return { zh: fill(cell, ctx, scope, 'zh'), en: fill(cell, ctx, scope, 'en') };
  return fillText(cell, ctx, scope);
}

function holds(condition: Condition | undefined, ctx: ResolveContext, scope: Scope): boolean {
  return (
    !condition || evaluate(condition, { caseData: ctx.caseData, decision: ctx.decision, item: scope.item })
  );
}

/** The elements at `path` with their concrete paths; `a[].b` flattens the `b` arrays of every `a`. */
function listAt(root: unknown, path: string, base = ''): { item: unknown; path: string }[] {
  const [head = '', ...rest] = path.split('[].');
  const list = getAt(root, head);
  if (!Array.isArray(list)) return [];
  const prefix = base ? `${base}.${head}` : head;
  const elements = list.map((item, i) => ({ item, path: `${prefix}.${i}` }));
  if (rest.length === 0) return elements;
  return elements.flatMap((e) => listAt(e.item, rest.join('[].'), e.path));
}

/** The scopes an `each` yields: the filtered elements of the case array, numbered from 1. */
function scopesOf(each: { path: string; where?: Condition } | undefined, ctx: ResolveContext): Scope[] {
  if (!each) return [{}];
  const list = listAt(ctx.caseData, each.path);
  return list
    .filter(({ item }) => holds(each.where, ctx, { item }))
    .map(({ item, path }, i) => ({ item, itemPath: path, itemKey: each.path, index: i + 1 }));
}

function resolveBlock(block: Block, ctx: ResolveContext): ResolvedBlock[] {
  if (!holds(block.when, ctx, {})) return [];
  switch (block.type) {
    case 'title':
    case 'addressee':
      return [{ kind: block.type, text: fillText(block, ctx, {}) }];
    case 'heading':
      return [{ kind: 'heading', level: block.level, text: fillText(block, ctx, {}) }];
    case 'paragraph':
      return scopesOf(block.each, ctx).map((scope) => ({
        kind: 'paragraph',
        text: fillText(block, ctx, scope),
        indent: block.indent,
        align: block.align,
        ...(block.emphasis ? { emphasis: true } : {}),
      }));
    case 'kv':
      return scopesOf(block.each, ctx).map((scope) => ({
        kind: 'table',
        header: block.caption ? [[fillText(block.caption, ctx, scope)]] : [],
        widths: [block.labelWidth, 1 - block.labelWidth],
        labelled: true,
        rows: block.rows
          .filter((row) => holds(row.when, ctx, scope))
          .map((row) => [
            fillText(row.label, ctx, scope),
            {
              zh: fill(row.value, ctx, scope, 'zh'),
              en: fill(row.valueEn ?? row.value, ctx, scope, 'en'),
            },
          ]),
      }));
    case 'table': {
      const total = block.columns.reduce((sum, c) => sum + c.width, 0);
      const rows = block.rows.map((row) => row.map((cell) => fillCell(cell, ctx, {})));
      if (block.cells) {
        for (const scope of scopesOf(block.each, ctx))
          rows.push(block.cells.map((c) => fillCell(c, ctx, scope)));
      }
      if (rows.length === 0 && block.emptyRow) {
        // One cell spanning the table (see layout.ts layoutRow).
        rows.push([fillText(block.emptyRow, ctx, {})]);
      }
      return [
        {
          kind: 'table',
          ...(block.caption ? { caption: fillText(block.caption, ctx, {}) } : {}),
          widths: block.columns.map((c) => c.width / total),
          header: [block.columns.map((c) => fillText(c, ctx, {}))],
          rows,
          labelled: false,
        },
      ];
    }
    case 'checklist':
      return [
        {
          kind: 'checklist',
          ...(block.caption ? { caption: fillText(block.caption, ctx, {}) } : {}),
          items: block.items.map((item) => ({
            checked: holds(item.checked, ctx, {}),
            text: fillText(item, ctx, {}),
          })),
        },
      ];
    case 'signature':
      return [
        {
          kind: 'signature',
          signers: block.signers.map((signer) => ({
            party: fillText(signer.party, ctx, {}),
            ...(signer.name ? { name: fillText({ zh: signer.name, en: signer.name }, ctx, {}) } : {}),
            signatures: signer.signatures.map((s) => fillText(s, ctx, {})),
            seal: signer.seal,
            ...(signer.dated === 'hand' ? { handDated: true as const } : {}),
            // One rule for every document of the case (see signingDate).
            date:
              signer.dated === 'case' && signingDate(ctx.caseData)
                ? {
                    zh: formatDate(signingDate(ctx.caseData), 'zh'),
                    en: formatDate(signingDate(ctx.caseData), 'en'),
                  }
                : null,
          })),
        },
      ];
    case 'notes':
      return [
        {
          kind: 'notes',
          heading: fillText(block.heading, ctx, {}),
          items: block.items
            .filter((item) => holds(item.when, ctx, {}))
            .map((item) => fillText(item, ctx, {})),
        },
      ];
    case 'ownership':
      return [ownershipTable(block.caption, ctx)];
    case 'enclosures': {
      const items = block.items.filter((item) => holds(item.when, ctx, {}));
      if (items.length === 0) return [];
      return [
        {
          kind: 'enclosures',
          heading: fillText(block.heading, ctx, {}),
          items: items.map((item) => fillText(item, ctx, {})),
        },
      ];
    }
  }
}

/**
 * The ownership chart as a table: each shareholder, then (indented) the owners of a company shareholder,
 * with the share each holds of the applicant directly or through the shareholder.
 */
function ownershipTable(caption: { zh: string; en: string }, ctx: ResolveContext): ResolvedTable {
  const { subject } = ctx.caseData;
  const pct = (n: number | null) => (n === null ? BLANK : `${Math.round(n * 100) / 100}%`);
  const kind = (k: string, lang: Lang) => label(ctx, 'shareholderKind', k, lang);
  /** Records the chart's values like a placeholder's, so the pre-flight sees its blanks too. */
  const printed = (key: string, path: string, value: unknown) => {
    const empty = value === null || value === undefined || (typeof value === 'string' && !value.trim());
    ctx.printed?.push({
      key: `subject.shareholders[].${key}`,
      path,
      format: '',
      value,
      text: empty ? BLANK : String(value),
      ...(empty ? { gap: 'blank' as const } : {}),
      missing: empty ? [path] : [],
    });
  };
  const rows: ResolvedText[][] = [];
  subject.shareholders.forEach((holder, i) => {
    const at = `subject.shareholders.${i}`;
    printed('name', `${at}.name`, holder.name);
    printed('certificateNumber', `${at}.certificateNumber`, holder.certificateNumber);
    printed('sharePct', `${at}.sharePct`, holder.sharePct);
    rows.push([
      { zh: `${i + 1}`, en: `${i + 1}` },
      { zh: holder.name || BLANK, en: holder.nameLatin || holder.name || BLANK },
      { zh: kind(holder.kind, 'zh'), en: kind(holder.kind, 'en') },
      { zh: holder.certificateNumber || BLANK, en: holder.certificateNumber || BLANK },
      { zh: `直接持有${pct(holder.sharePct)}`, en: `${pct(holder.sharePct)} directly` },
    ]);
    holder.owners.forEach((owner, j) => {
      const ownerAt = `${at}.owners.${j}`;
      printed('owners[].name', `${ownerAt}.name`, owner.name);
      printed('owners[].certificateNumber', `${ownerAt}.certificateNumber`, owner.certificateNumber);
      printed('owners[].sharePct', `${ownerAt}.sharePct`, owner.sharePct);
      const through =
        holder.sharePct === null || owner.sharePct === null ? null : (holder.sharePct * owner.sharePct) / 100;
      // The indirect share is computed from both: its blank is the missing one's.
      printed(
        'owners[].sharePct',
        holder.sharePct === null ? `${at}.sharePct` : `${ownerAt}.sharePct`,
        through,
      );
      rows.push([
        { zh: `${i + 1}.${j + 1}`, en: `${i + 1}.${j + 1}` },
        {
          zh: `└ ${owner.name || BLANK}（持有${holder.name}${pct(owner.sharePct)}）`,
          en: `└ ${owner.nameLatin || owner.name || BLANK} (holds ${pct(owner.sharePct)} of ${holder.nameLatin || holder.name})`,
        },
        { zh: kind(owner.kind, 'zh'), en: kind(owner.kind, 'en') },
        { zh: owner.certificateNumber || BLANK, en: owner.certificateNumber || BLANK },
        { zh: `间接持有${pct(through)}`, en: `${pct(through)} indirectly` },
      ]);
    });
  });
  const header = [
    { zh: '序号', en: 'No.' },
    { zh: '出资人（穿透至自然人）', en: 'Owner (traced to natural persons)' },
    { zh: '类型', en: 'Type' },
    { zh: '证件号码', en: 'Certificate no.' },
    { zh: '持有本公司股权', en: 'Share of the applicant' },
  ];
  return {
    kind: 'table',
    caption: fillText(caption, ctx, {}),
    widths: [0.07, 0.3, 0.12, 0.31, 0.2],
    header: [header],
    rows,
    labelled: false,
  };
}

/** The template filled from the case: what the layout engine sets, and what tests compare the PDF with. */
export function resolveDocument(template: DocumentTemplate, ctx: ResolveContext): ResolvedDocument {
  return {
    templateId: template.id,
    templateVersion: template.version,
    title: fillText(template.title, ctx, {}),
    blocks: template.blocks.flatMap((block) => resolveBlock(block, ctx)),
  };
}

/** Whether the template belongs in this case's packet. */
export function templateApplies(
  template: DocumentTemplate,
  caseData: Case,
  decision: DocumentDecision,
): boolean {
  return evaluate(template.appliesWhen, { caseData, decision });
}
