/**
 * Worksheets for the user rather than letters to the authority — the annual report's "what to type where"
 * sheet, a change packet's filing-change table — set by the same document engine as every other document
 * (fonts, CJK line breaking, tables that continue on 附页) from a template this module builds. Every value is
 * literal text: nothing the user typed is read as a placeholder.
 *
 * They are rendered as the review variant, which prints the English meaning under each Chinese line and
 * marks every page 仅供核对 · For review only: a worksheet is never part of what is submitted.
 */
import type { Bilingual } from '../validate/types';
import { parseTemplate, type DocumentTemplate } from '../documents/template-schema';

/** Document text: the Chinese line and its English meaning. */
export interface SheetText {
  zh: string;
  en: string;
}

export type SheetBlock =
  | { kind: 'heading'; text: SheetText }
  | { kind: 'paragraph'; text: SheetText; indent?: boolean }
  | { kind: 'kv'; caption?: SheetText; rows: { label: SheetText; value: SheetText }[] }
  | {
      kind: 'table';
      caption?: SheetText;
      columns: (SheetText & { width: number })[];
      rows: SheetText[][];
      empty?: SheetText;
    }
  | { kind: 'notes'; heading: SheetText; items: SheetText[] }
  /** An empty ruled box to write or paste into, `lines` lines high. */
  | { kind: 'box'; caption: SheetText; heading: SheetText; lines: number };

export interface SheetSpec {
  id: string;
  title: SheetText;
  /** Where the sheet's facts come from (printed nowhere; required of every template). */
  basis: { zh: string; en: string; source: string }[];
  asOf: string;
  blocks: SheetBlock[];
}

// A `{{` in a value must never be read as a placeholder of the case.
const literal = (text: string) => text.replaceAll('{{', '{ {');
const lit = (t: SheetText) => ({ zh: literal(t.zh), en: literal(t.en) });

/** App text ({ en, 'zh-CN' }) as document text ({ zh, en }). */
export const sheetText = (text: Bilingual): SheetText => ({ zh: text['zh-CN'], en: text.en });

function block(b: SheetBlock): unknown {
  switch (b.kind) {
    case 'heading':
      return { type: 'heading', level: 1, ...lit(b.text) };
    case 'paragraph':
      return { type: 'paragraph', indent: b.indent ?? true, ...lit(b.text) };
    case 'kv':
      return {
        type: 'kv',
        labelWidth: 0.3,
        ...(b.caption ? { caption: lit(b.caption) } : {}),
        rows: b.rows.map((r) => ({
          label: lit(r.label),
          value: literal(r.value.zh),
          valueEn: literal(r.value.en),
        })),
      };
    case 'table':
      return {
        type: 'table',
        ...(b.caption ? { caption: lit(b.caption) } : {}),
        columns: b.columns.map((c) => ({ ...lit(c), width: c.width })),
        rows: b.rows.map((row) => row.map(lit)),
        ...(b.empty ? { emptyRow: lit(b.empty) } : {}),
      };
    case 'notes':
      return { type: 'notes', heading: lit(b.heading), items: b.items.map(lit) };
    case 'box':
      return {
        type: 'table',
        caption: lit(b.caption),
        columns: [{ ...lit(b.heading), width: 1 }],
        rows: [[{ zh: '\n'.repeat(Math.max(0, b.lines - 1)), en: '' }]],
      };
  }
}

/** The sheet as a document template (never part of a case's packet: `appliesWhen` is false). */
export function sheetTemplate(spec: SheetSpec): DocumentTemplate {
  return parseTemplate(
    {
      type: 'icp-packet/document-template',
      formatVersion: 1,
      id: spec.id,
      version: 1,
      title: lit(spec.title),
      pathway: 'licence',
      order: 900,
      basis: spec.basis,
      asOf: spec.asOf,
      appliesWhen: { always: false },
      // The one case field every sheet prints: whose sheet it is.
      binds: ['subject.name'],
      prints: { 'subject.name': 'required' },
      blocks: [
        { type: 'title', ...lit(spec.title) },
        { type: 'paragraph', indent: false, zh: '{{subject.name}}', en: '{{subject.name}}' },
        ...spec.blocks.map(block),
      ],
    },
    `sheet ${spec.id}`,
  );
}
