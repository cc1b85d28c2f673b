/**
 * Binds a template to a case: evaluates `when` conditions, expands `each` repetitions and fills placeholders
 * with formatted values, in Chinese for the text and in English for the gloss. The result is plain text
 * blocks that the layout engine sets; nothing here knows about pages or fonts.
 */
import type { Case } from '../model/case';
import { regionName } from '../model/regions';
import { provinceByCode } from '../validate/provinces';
import { evaluate, valueAt, type DocumentDecision } from './conditions';
import { JOINER } from './wrap';
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
  | { kind: 'paragraph'; text: ResolvedText; indent: boolean; align: 'left' | 'right' | 'center' }
  | ResolvedTable
  | { kind: 'checklist'; caption?: ResolvedText; items: { checked: boolean; text: ResolvedText }[] }
  | {
      kind: 'signature';
      signers: {
        party: ResolvedText;
        name?: ResolvedText;
        signatures: ResolvedText[];
        seal: boolean;
        /** The printed date, or null for 年 月 日 to fill in by hand. */
        date: ResolvedText | null;
      }[];
    }
  | { kind: 'notes'; heading: ResolvedText; items: ResolvedText[] };

export interface ResolvedDocument {
  templateId: string;
  templateVersion: number;
  title: ResolvedText;
  blocks: ResolvedBlock[];
}

type Lang = 'zh' | 'en';

/** What an empty value prints as: a blank to fill in by hand (the pre-flight reports the gap). */
export const BLANK = '________';
/** A format's answer for "nothing to print here, and nothing missing" (unlike '', which prints {@link BLANK}). */
const NOTHING = '\u0000';

export interface ResolveContext {
  caseData: Case;
  decision: DocumentDecision;
  labels: LabelTables;
  /** The document date (`$now`), ISO YYYY-MM-DD. */
  today: string;
}

interface Scope {
  item?: unknown;
  index?: number;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-11-25 → 2026年11月25日 / 25 November 2026 (no leading zeros, as official documents write dates). */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  // Joined so a line break never falls inside a date (see wrap.ts JOINER).
  return lang === 'zh'
    ? [y, '年', month, '月', day, '日'].join(JOINER)
    : [day, EN_MONTHS[month - 1], y].join('\u00a0');
}

const groupThousands = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** 5000000 → 人民币500万元 / RMB 5,000,000. */
export function formatCny(amount: number, lang: Lang): string {
  if (lang === 'en') return `RMB ${groupThousands(amount)}`;
  if (amount >= 10_000 && amount % 100 === 0) return `人民币${groupThousands(amount / 10_000)}万元`;
  return `人民币${groupThousands(amount)}元`;
}

function validityOf(from: unknown, to: unknown, longTerm: unknown, lang: Lang): string {
  const start = typeof from === 'string' && from ? formatDate(from, lang) : '';
  if (longTerm === true) return lang === 'zh' ? `${start || BLANK}至长期` : `${start || BLANK} – no expiry`;
  const end = typeof to === 'string' && to ? formatDate(to, lang) : '';
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

function formatValue(value: unknown, format: string | undefined, ctx: ResolveContext, lang: Lang): string {
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
      return text.trim() === '' ? (lang === 'zh' ? '无' : 'None') : text;
    }
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang) : '';
    case 'cny':
      return typeof value === 'number' ? formatCny(value, lang) : '';
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
      // City or district name from its division code. The municipalities' placeholder cities (市辖区, 县)
      // are not part of an address, so they print as nothing; an unknown code prints as typed.
      if (typeof value !== 'string' || !value) return '';
      const name = regionName(value);
      if (!name) return value;
      return /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name) ? NOTHING : name;
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
      return person ? validityOf(person.idValidFrom, person.idValidTo, person.idLongTerm, lang) : '';
    }
    case 'licenceTerm': {
      const subject = value as Record<string, unknown> | null | undefined;
      return subject
        ? validityOf(subject.establishedOn, subject.certificateValidTo, subject.certificateLongTerm, lang)
        : '';
    }
    case 'preApprovals': {
      const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (items.length === 0) return lang === 'zh' ? '以上都不涉及' : 'None of the above';
      return items
        .map((p) => {
          const sector = label(ctx, 'sector', p.sector, lang);
          const number = String(p.approvalNumber ?? '') || BLANK;
          return lang === 'zh'
            ? `${sector}：${String(p.permitName ?? '') || BLANK}（审批文号：${number}）`
            : `${sector}: ${String(p.permitName ?? '') || BLANK} (approval no. ${number})`;
        })
        .join(lang === 'zh' ? '；' : '; ');
    }
    case 'platformFeatures': {
      // One block per platform, as the App filing form asks (app-and-website-filing-fields.md §4.2).
      const platforms = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const zh = lang === 'zh';
      return platforms
        .map((p) =>
          [
            label(ctx, 'appPlatform', p.platform, lang),
            `${zh ? '包名' : 'Package name'}${zh ? '：' : ': '}${String(p.packageName ?? '') || BLANK}`,
            `${zh ? '公钥' : 'Public key'}${zh ? '：' : ': '}${String(p.publicKey ?? '') || BLANK}`,
            `${label(ctx, 'fingerprintKind', p.platform, lang)}${zh ? '：' : ': '}${String(p.signatureFingerprint ?? '') || BLANK}`,
          ].join('\n'),
        )
        .join('\n');
    }
    case 'sdks': {
      const sdks = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      if (sdks.length === 0) return lang === 'zh' ? '未使用第三方SDK' : 'No third-party SDK';
      return sdks
        .map((sdk) =>
          lang === 'zh'
            ? `${String(sdk.provider ?? '')}（${String(sdk.purpose ?? '')}）`
            : `${String(sdk.provider ?? '')} (${String(sdk.purpose ?? '')})`,
        )
        .join(lang === 'zh' ? '；' : '; ');
    }
    default:
      throw new Error(`Unknown placeholder format "${format}"`);
  }
}

function lookup(path: string, ctx: ResolveContext, scope: Scope): unknown {
  if (path === '$now') return ctx.today;
  if (path === '$index') return scope.index;
  if (path.startsWith('$item.')) return valueAt(scope.item, path.slice('$item.'.length));
  if (path === '$item') return scope.item;
  return valueAt(ctx.caseData, path);
}

/** Fills the placeholders of `text`; an empty value becomes {@link BLANK}. */
export function fill(text: string, ctx: ResolveContext, scope: Scope, lang: Lang): string {
  return text.replace(PLACEHOLDER, (_match, path: string, format: string | undefined) => {
    const formatted = formatValue(lookup(path, ctx, scope), format, ctx, lang);
    if (formatted === NOTHING) return '';
    return formatted.trim() === '' ? BLANK : formatted;
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

/** The elements at `path`; `a[].b` flattens the `b` arrays of every element of `a`. */
function listAt(root: unknown, path: string): unknown[] {
  const [head = '', ...rest] = path.split('[].');
  const list = valueAt(root, head);
  if (!Array.isArray(list)) return [];
  if (rest.length === 0) return list;
  return list.flatMap((item) => listAt(item, rest.join('[].')));
}

/** The scopes an `each` yields: the filtered elements of the case array, numbered from 1. */
function scopesOf(each: { path: string; where?: Condition } | undefined, ctx: ResolveContext): Scope[] {
  if (!each) return [{}];
  const list = listAt(ctx.caseData, each.path);
  return list.filter((item) => holds(each.where, ctx, { item })).map((item, i) => ({ item, index: i + 1 }));
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
            date:
              signer.date === 'document'
                ? { zh: formatDate(ctx.today, 'zh'), en: formatDate(ctx.today, 'en') }
                : null,
          })),
        },
      ];
    case 'notes':
      return [
        {
          kind: 'notes',
          heading: fillText(block.heading, ctx, {}),
          items: block.items.map((item) => fillText(item, ctx, {})),
        },
      ];
  }
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
