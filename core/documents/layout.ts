/**
 * The layout engine: sets a resolved document on A4 pages in the manner of a Chinese official document
 * (GB/T 9704-2012 margins and proportions) and returns positioned drawing operations. Rendering to PDF
 * (render.ts) only replays them, so tests can check the layout without a PDF and the PDF against the layout.
 *
 * Type: GB/T 9704 sets titles in 二号 (22 pt) 小标宋 and the body in 三号 (16 pt) 仿宋, 28 characters by 22
 * lines. Noto Sans SC is a heavier, wider face, so sizes are scaled down one step (title 20 pt bold, body
 * 14 pt) with a looser line pitch, which keeps the page's grey value and about 31 characters per line.
 *
 * Long values never overflow silently: a table cell beyond its line budget continues on an attachment page
 * (附页) at the end, and the cell says where (见附页N).
 */
import type { FontMetrics } from './font';
import type { ResolvedBlock, ResolvedDocument, ResolvedTable, ResolvedText } from './resolve';
import { wrapText } from './wrap';

export const MM = 72 / 25.4;
export const PAGE = { width: 210 * MM, height: 297 * MM } as const;
/** GB/T 9704-2012 §5.2.1: top 37 mm, left 28 mm, text block 156 × 225 mm. */
export const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM } as const;
export const TEXT_WIDTH = PAGE.width - MARGINS.left - MARGINS.right;
const BOTTOM = PAGE.height - MARGINS.bottom;

export type Face = 'regular' | 'bold';
/** ink: the document; gloss: English review lines; mark: the review marker; faint: fill-in guides. */
export type Tone = 'ink' | 'gloss' | 'mark' | 'faint' | 'shade';
/** content: document text; gloss: review English; folio: page numbers; marker: 仅供核对 header/footer. */
export type TextRole = 'content' | 'gloss' | 'folio' | 'marker';

export interface TextOp {
  kind: 'text';
  page: number;
  /** Left edge and baseline, in points from the top-left corner of the page. */
  x: number;
  y: number;
  size: number;
  face: Face;
  tone: Tone;
  text: string;
  /** Extra space after each character (PDF Tc), used to justify full lines to the right margin. */
  charSpacing: number;
  /** Measured width including character spacing. */
  width: number;
  role: TextRole;
  /** The resolved text this line belongs to (see {@link Layout.units}). */
  unit: string;
}

export interface LineOp {
  kind: 'line';
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  tone: Tone;
  dash?: number[];
}

export interface RectOp {
  kind: 'rect';
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Tone;
  stroke?: Tone;
  strokeWidth?: number;
  dash?: number[];
}

export interface CircleOp {
  kind: 'circle';
  page: number;
  cx: number;
  cy: number;
  r: number;
  stroke: Tone;
  dash?: number[];
}

export type DrawOp = TextOp | LineOp | RectOp | CircleOp;

/** A piece of resolved text and how it reached the page. */
export interface LayoutUnit {
  id: string;
  text: string;
  role: 'content' | 'gloss';
  /** Cut at the cell's line budget; the whole text is in unit `continuedIn` on an attachment page. */
  continuedIn?: string;
  /** A repeated table header: printed again on each continuation page. */
  repeated?: boolean;
}

export interface Layout {
  pageCount: number;
  ops: DrawOp[];
  units: LayoutUnit[];
  /** Number of values continued on attachment pages. */
  attachmentCount: number;
  /** Whether any text uses the bold face (so the renderer embeds it). */
  usesBold: boolean;
}

export interface LayoutOptions {
  variant: 'submission' | 'review';
  regular: FontMetrics;
  /** Falls back to the regular face. */
  bold?: FontMetrics;
}

interface Style {
  size: number;
  leading: number;
  face: Face;
  tone: Tone;
}

const STYLES = {
  title: { size: 20, leading: 34, face: 'bold', tone: 'ink' },
  titleGloss: { size: 10, leading: 15, face: 'regular', tone: 'gloss' },
  body: { size: 14, leading: 26, face: 'regular', tone: 'ink' },
  heading1: { size: 14, leading: 26, face: 'bold', tone: 'ink' },
  heading2: { size: 14, leading: 26, face: 'regular', tone: 'ink' },
  gloss: { size: 8.5, leading: 12, face: 'regular', tone: 'gloss' },
  caption: { size: 12, leading: 22, face: 'bold', tone: 'ink' },
  cell: { size: 11, leading: 16, face: 'regular', tone: 'ink' },
  cellHead: { size: 11, leading: 16, face: 'bold', tone: 'ink' },
  denseCell: { size: 10, leading: 14.5, face: 'regular', tone: 'ink' },
  denseCellHead: { size: 10, leading: 14.5, face: 'bold', tone: 'ink' },
  cellGloss: { size: 7.5, leading: 10, face: 'regular', tone: 'gloss' },
  note: { size: 11, leading: 18, face: 'regular', tone: 'ink' },
  noteHead: { size: 11, leading: 18, face: 'bold', tone: 'ink' },
  noteGloss: { size: 7.5, leading: 10.5, face: 'regular', tone: 'gloss' },
  folio: { size: 10.5, leading: 14, face: 'regular', tone: 'ink' },
  marker: { size: 9, leading: 12, face: 'regular', tone: 'mark' },
} as const satisfies Record<string, Style>;

/** Lines a table cell may take before the rest continues on an attachment page. */
export const CELL_MAX_LINES = 6;
const CELL_GLOSS_MAX_LINES = 4;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 4;
export const REVIEW_MARK = '仅供核对 · For review only';

/** Where the baseline sits in a line box: centred on the ideographic em box (−0.12 … 0.88 em). */
const baselineIn = (top: number, style: Style) => top + style.leading / 2 + 0.38 * style.size;

const strip = (s: string) => s.replace(/\s+/g, '');

interface PendingAttachment {
  number: number;
  unit: string;
  glossUnit: string;
  label: ResolvedText;
  text: ResolvedText;
  fromPage: number;
}

class Flow {
  readonly ops: DrawOp[] = [];
  readonly units: LayoutUnit[] = [];
  page = 0;
  y = MARGINS.top;
  usesBold = false;
  private unitCount = 0;
  readonly attachments: PendingAttachment[] = [];

  constructor(readonly options: LayoutOptions) {}

  get review(): boolean {
    return this.options.variant === 'review';
  }

  metrics(face: Face): FontMetrics {
    return face === 'bold' ? (this.options.bold ?? this.options.regular) : this.options.regular;
  }

  measure(text: string, style: Style): number {
    return this.metrics(style.face).widthOf(text, style.size);
  }

  newUnit(text: string, role: 'content' | 'gloss', extra: Partial<LayoutUnit> = {}): string {
    const id = `u${++this.unitCount}`;
    this.units.push({ id, text: text.replace(/\u2060/g, ''), role, ...extra });
    return id;
  }

  newPage(): void {
    this.page++;
    this.y = MARGINS.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM + 0.01 && this.y > MARGINS.top) this.newPage();
  }

  wrap(text: string, style: Style, width: number, firstLineWidth = width): string[] {
    const lines: string[] = [];
    for (const part of text.split('\n')) {
      lines.push(...wrapText(part, width, (s) => this.measure(s, style), firstLineWidth));
    }
    return lines;
  }

  text(
    x: number,
    y: number,
    text: string,
    style: Style,
    unit: string,
    role: TextRole = style.tone === 'gloss' ? 'gloss' : 'content',
    charSpacing = 0,
  ): TextOp {
    if (style.face === 'bold') this.usesBold = true;
    const chars = [...text].length;
    const op: TextOp = {
      kind: 'text',
      page: this.page,
      x,
      y,
      size: style.size,
      face: style.face,
      tone: style.tone,
      text,
      charSpacing,
      width: this.measure(text, style) + charSpacing * Math.max(chars - 1, 0),
      role,
      unit,
    };
    this.ops.push(op);
    return op;
  }

  /**
   * Flows wrapped text down the page: each hard-broken part starts on a new line (indented when asked),
   * full lines are justified to the right edge as Chinese body text is.
   */
  paragraph(
    text: string,
    style: Style,
    unit: string,
    opts: { x?: number; width?: number; indent?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    const x0 = opts.x ?? MARGINS.left;
    const width = opts.width ?? TEXT_WIDTH;
    const indent = opts.indent ?? 0;
    const align = opts.align ?? 'left';
    for (const part of text.split('\n')) {
      const lines = wrapText(part, width, (s) => this.measure(s, style), width - indent);
      lines.forEach((line, i) => {
        this.ensure(style.leading);
        const lineX = i === 0 ? x0 + indent : x0;
        const room = i === 0 ? width - indent : width;
        const natural = this.measure(line, style);
        let x = lineX;
        let spacing = 0;
        if (align === 'center') x = x0 + (width - natural) / 2;
        else if (align === 'right') x = x0 + width - natural;
        else if (i < lines.length - 1 && [...line].length > 1 && natural > room * 0.8) {
          spacing = (room - natural) / ([...line].length - 1);
        }
        this.text(x, baselineIn(this.y, style), line, style, unit, undefined, spacing);
        this.y += style.leading;
      });
    }
  }

  /** Chinese block text, then (review copy) its English gloss in small grey type beneath. */
  bilingual(
    text: ResolvedText,
    style: Style,
    glossStyle: Style,
    opts: { x?: number; width?: number; indent?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    this.paragraph(text.zh, style, this.newUnit(text.zh, 'content'), opts);
    if (this.review && text.en.trim() && strip(text.en) !== strip(text.zh)) {
      this.paragraph(text.en, glossStyle, this.newUnit(text.en, 'gloss'), { ...opts, indent: 0 });
      this.y += 3;
    }
  }
}

// ------------------------------------------------------------------ tables

interface CellLayout {
  lines: string[];
  glossLines: string[];
  unit: string;
  glossUnit: string | null;
  height: number;
}

function layoutCell(
  flow: Flow,
  text: ResolvedText,
  width: number,
  style: Style,
  label: ResolvedText,
  repeated: boolean,
): CellLayout {
  let lines = flow.wrap(text.zh, style, width);
  // A gloss identical to the Chinese (numbers, e-mail addresses, Chinese-only free text) would only repeat it.
  const glossed = flow.review && text.en.trim() !== '' && strip(text.en) !== strip(text.zh);
  let glossLines = glossed ? flow.wrap(text.en, STYLES.cellGloss, width) : [];
  let unitExtra: Partial<LayoutUnit> = repeated ? { repeated } : {};
  let glossExtra: Partial<LayoutUnit> = repeated ? { repeated } : {};
  if (lines.length > CELL_MAX_LINES || glossLines.length > CELL_GLOSS_MAX_LINES) {
    const number = flow.attachments.length + 1;
    const pointer = `（见附页${number}）`;
    const glossPointer = `(continued in attachment ${number})`;
    const attachmentUnit = `a${number}`;
    const attachmentGlossUnit = `a${number}.en`;
    flow.attachments.push({
      number,
      unit: attachmentUnit,
      glossUnit: attachmentGlossUnit,
      label,
      text,
      fromPage: flow.page,
    });
    lines = [...lines.slice(0, Math.min(lines.length, CELL_MAX_LINES) - 1), pointer];
    if (glossLines.length) glossLines = [...glossLines.slice(0, CELL_GLOSS_MAX_LINES - 1), glossPointer];
    unitExtra = { continuedIn: attachmentUnit };
    glossExtra = { continuedIn: attachmentGlossUnit };
  }
  const unit = flow.newUnit(text.zh, 'content', unitExtra);
  const glossUnit = glossLines.length ? flow.newUnit(text.en, 'gloss', glossExtra) : null;
  const height =
    CELL_PAD_Y * 2 +
    lines.length * style.leading +
    (glossLines.length ? glossLines.length * STYLES.cellGloss.leading + 1 : 0);
  return { lines, glossLines, unit, glossUnit, height };
}

interface RowLayout {
  cells: { x: number; w: number; cell: CellLayout; shaded: boolean; style: Style }[];
  height: number;
}

function layoutRow(
  flow: Flow,
  row: ResolvedText[],
  columns: { x: number; w: number }[],
  opts: { header: boolean; labelled: boolean; labels: ResolvedText[]; dense: boolean },
): RowLayout {
  // A row of one cell spans the table (a caption row, or the 'none entered' row of an empty table).
  const spans = row.length === 1 && columns.length > 1;
  const slots = spans ? [{ x: columns[0]?.x ?? MARGINS.left, w: TEXT_WIDTH }] : columns.slice(0, row.length);
  const cells = slots.map((slot, i) => {
    const head = opts.header || (opts.labelled && i === 0);
    const style = opts.dense
      ? head
        ? STYLES.denseCellHead
        : STYLES.denseCell
      : head
        ? STYLES.cellHead
        : STYLES.cell;
    const text = row[i] ?? { zh: '', en: '' };
    const label = opts.labels[i] ?? { zh: '', en: '' };
    return {
      x: slot.x,
      w: slot.w,
      cell: layoutCell(flow, text, slot.w - CELL_PAD_X * 2, style, label, false),
      shaded: opts.header || (opts.labelled && i === 0),
      style,
    };
  });
  return { cells, height: Math.max(...cells.map((c) => c.cell.height)) };
}

function drawRow(flow: Flow, row: RowLayout): void {
  const top = flow.y;
  for (const { x, w, cell, shaded, style } of row.cells) {
    flow.ops.push({
      kind: 'rect',
      page: flow.page,
      x,
      y: top,
      w,
      h: row.height,
      ...(shaded ? { fill: 'shade' as const } : {}),
      stroke: 'ink',
      strokeWidth: 0.6,
    });
    let y = top + CELL_PAD_Y;
    for (const line of cell.lines) {
      flow.text(x + CELL_PAD_X, baselineIn(y, style), line, style, cell.unit);
      y += style.leading;
    }
    if (cell.glossUnit) {
      y += 1;
      for (const line of cell.glossLines) {
        flow.text(x + CELL_PAD_X, baselineIn(y, STYLES.cellGloss), line, STYLES.cellGloss, cell.glossUnit);
        y += STYLES.cellGloss.leading;
      }
    }
  }
  flow.y += row.height;
}

function layoutTable(flow: Flow, table: ResolvedTable): void {
  const headerHeight = table.header.length * (STYLES.cellHead.leading * 2 + CELL_PAD_Y * 2);
  // Keep the caption and header with the first rows: either alone at the foot of a page reads as an orphan.
  const firstRowsHeight = Math.min(table.rows.length, 3) * (STYLES.cell.leading + CELL_PAD_Y * 2);
  if (table.caption) {
    flow.y += 6;
    const captionHeight = STYLES.caption.leading + (flow.review ? STYLES.gloss.leading * 2 + 3 : 0);
    flow.ensure(captionHeight + headerHeight + firstRowsHeight);
    flow.bilingual(table.caption, STYLES.caption, STYLES.gloss);
  }
  let x = MARGINS.left;
  const columns = table.widths.map((share) => {
    const column = { x, w: share * TEXT_WIDTH };
    x += column.w;
    return column;
  });
  const headerLabels = table.header[0] ?? [];
  // Seven or more columns: one size smaller, so short values (phone numbers, 序号) stay on one line.
  const dense = table.widths.length >= 7;
  const layoutHeader = (continued: boolean) =>
    table.header.map((row) => {
      const cells =
        continued && row.length === 1 && row[0]
          ? [{ zh: `${row[0].zh}（续）`, en: `${row[0].en} (continued)` }]
          : row;
      const laid = layoutRow(flow, cells, columns, { header: true, labelled: false, labels: [], dense });
      if (continued) for (const c of laid.cells) markRepeated(flow, c.cell);
      return laid;
    });
  const drawHeader = (continued: boolean) => {
    for (const row of layoutHeader(continued)) drawRow(flow, row);
  };

  const labelsFor = (row: ResolvedText[]): ResolvedText[] =>
    table.labelled
      ? row.map((_, i) => (i === 0 ? { zh: '', en: '' } : (row[0] ?? { zh: '', en: '' })))
      : row.map((_, i) => headerLabels[i] ?? { zh: '', en: '' });

  flow.ensure(headerHeight + firstRowsHeight);
  drawHeader(false);
  for (const row of table.rows) {
    const laid = layoutRow(flow, row, columns, {
      header: false,
      labelled: table.labelled,
      labels: labelsFor(row),
      dense,
    });
    if (flow.y + laid.height > BOTTOM + 0.01) {
      flow.newPage();
      drawHeader(true);
    }
    // A cell cut for an attachment names the page it actually lands on.
    for (const c of laid.cells) {
      const continuedIn = flow.units.find((u) => u.id === c.cell.unit)?.continuedIn;
      const attachment = flow.attachments.find((a) => a.unit === continuedIn);
      if (attachment) attachment.fromPage = flow.page;
    }
    drawRow(flow, laid);
  }
  flow.y += 10;
}

function markRepeated(flow: Flow, cell: CellLayout): void {
  for (const unit of flow.units)
    if (unit.id === cell.unit || unit.id === cell.glossUnit) unit.repeated = true;
}

// ------------------------------------------------------------------ checklist, signature, notes

function layoutChecklist(flow: Flow, block: Extract<ResolvedBlock, { kind: 'checklist' }>): void {
  if (block.caption) {
    flow.y += 6;
    flow.ensure(STYLES.caption.leading + STYLES.body.leading * 2);
    flow.bilingual(block.caption, STYLES.caption, STYLES.gloss);
  }
  const box = 11;
  const textX = MARGINS.left + 28 + box + 8;
  const textWidth = MARGINS.left + TEXT_WIDTH - textX;
  for (const item of block.items) {
    flow.ensure(STYLES.body.leading);
    const top = flow.y;
    const baseline = baselineIn(top, STYLES.body);
    const boxX = MARGINS.left + 28;
    const boxTop = baseline - box + 1.5;
    flow.ops.push({
      kind: 'rect',
      page: flow.page,
      x: boxX,
      y: boxTop,
      w: box,
      h: box,
      stroke: 'ink',
      strokeWidth: 0.8,
    });
    if (item.checked) {
      flow.text(boxX + 1.5, baseline - 0.5, '✓', { ...STYLES.body, size: 11 }, flow.newUnit('✓', 'content'));
    }
    flow.bilingual(item.text, STYLES.body, STYLES.gloss, { x: textX, width: textWidth });
  }
  flow.y += 6;
}

function layoutSignature(flow: Flow, block: Extract<ResolvedBlock, { kind: 'signature' }>): void {
  const colX = MARGINS.left + TEXT_WIDTH * 0.36;
  const colW = MARGINS.left + TEXT_WIDTH - colX;
  const style = STYLES.body;
  const glossH = flow.review ? STYLES.gloss.leading * 2 + 3 : 0;
  for (const signer of block.signers) {
    // The name follows the party label on one line when it fits, else it gets its own line (never split).
    const together = `${signer.party.zh}${signer.name?.zh ?? ''}`;
    const partyLine =
      signer.name && flow.measure(together, style) > colW
        ? `${signer.party.zh}\n${signer.name.zh}`
        : together;
    const partyLines = flow.wrap(partyLine, style, colW).length;
    // About two blank lines between the body and the signature, as official documents leave (空二行).
    const gap = 30;
    const height =
      gap +
      partyLines * style.leading +
      glossH +
      signer.signatures.length * (style.leading + 14 + glossH) +
      style.leading +
      glossH +
      10;
    flow.ensure(height);
    flow.y += gap;
    const partyTop = flow.y;
    flow.bilingual(
      {
        zh: partyLine,
        en: `${signer.party.en}${signer.name ? signer.name.en : ''}`,
      },
      style,
      STYLES.gloss,
      { x: colX, width: colW },
    );
    if (signer.seal) {
      // A dashed circle the size of a company seal (about 40 mm), where the seal is to be applied.
      flow.ops.push({
        kind: 'circle',
        page: flow.page,
        cx: colX + colW * 0.62,
        cy: partyTop + 30,
        r: 20 * MM,
        stroke: 'faint',
        dash: [3, 3],
      });
    }
    for (const signature of signer.signatures) {
      flow.y += 6;
      const baseline = baselineIn(flow.y, style);
      const unit = flow.newUnit(signature.zh, 'content');
      const op = flow.text(colX, baseline, signature.zh, style, unit);
      // The box the signature goes in: from the end of the label to the right margin.
      const boxX = colX + op.width + 4;
      flow.ops.push({
        kind: 'rect',
        page: flow.page,
        x: boxX,
        y: flow.y - 2,
        w: colX + colW - boxX,
        h: style.leading + 8,
        stroke: 'faint',
        strokeWidth: 0.6,
      });
      flow.y += style.leading + 8;
      if (flow.review) {
        flow.paragraph(signature.en, STYLES.gloss, flow.newUnit(signature.en, 'gloss'), {
          x: colX,
          width: colW,
        });
        flow.y += 3;
      }
    }
    flow.y += 6;
    if (signer.date) {
      flow.bilingual(signer.date, style, STYLES.gloss, { x: colX, width: colW, align: 'right' });
    } else {
      layoutBlankDate(flow, colX, colW, style);
    }
  }
  flow.y += 10;
}

/** 年 月 日 with boxes to write the date in by hand, right-aligned in the signature column. */
function layoutBlankDate(flow: Flow, colX: number, colW: number, style: Style): void {
  flow.ensure(style.leading);
  const baseline = baselineIn(flow.y, style);
  const unitsWidths: [string, number][] = [
    ['年', 46],
    ['月', 28],
    ['日', 28],
  ];
  const charW = flow.measure('年', style);
  const total = unitsWidths.reduce((sum, [, w]) => sum + w + 4 + charW + 4, 0);
  let x = colX + colW - total;
  const unit = flow.newUnit('年月日', 'content');
  for (const [char, boxW] of unitsWidths) {
    flow.ops.push({
      kind: 'rect',
      page: flow.page,
      x,
      y: flow.y + 2,
      w: boxW,
      h: style.leading - 4,
      stroke: 'faint',
      strokeWidth: 0.6,
    });
    x += boxW + 4;
    flow.text(x, baseline, char, style, unit);
    x += charW + 4;
  }
  flow.y += style.leading;
  if (flow.review) {
    flow.paragraph(
      'Date: year / month / day',
      STYLES.gloss,
      flow.newUnit('Date: year / month / day', 'gloss'),
      {
        x: colX,
        width: colW,
        align: 'right',
      },
    );
  }
}

function layoutNotes(flow: Flow, block: Extract<ResolvedBlock, { kind: 'notes' }>): void {
  flow.y += 8;
  flow.ensure(STYLES.noteHead.leading * 2);
  flow.bilingual(
    { zh: `${block.heading.zh}：`, en: `${block.heading.en}:` },
    STYLES.noteHead,
    STYLES.noteGloss,
  );
  block.items.forEach((item, i) => {
    const number = `${i + 1}．`;
    const hang = flow.measure(number, STYLES.note);
    flow.ensure(STYLES.note.leading);
    const top = flow.y;
    flow.text(
      MARGINS.left,
      baselineIn(top, STYLES.note),
      number,
      STYLES.note,
      flow.newUnit(number, 'content'),
    );
    flow.bilingual(item, STYLES.note, STYLES.noteGloss, { x: MARGINS.left + hang, width: TEXT_WIDTH - hang });
  });
}

// ------------------------------------------------------------------ attachments and page furniture

function layoutAttachments(flow: Flow): void {
  if (flow.attachments.length === 0) return;
  flow.newPage();
  flow.bilingual({ zh: '附\u3000页', en: 'Attachment pages' }, STYLES.title, STYLES.titleGloss, {
    align: 'center',
  });
  flow.y += 8;
  for (const attachment of flow.attachments) {
    flow.ensure(STYLES.heading1.leading * 3);
    const label = attachment.label.zh ? `\u3000${attachment.label.zh}` : '';
    const labelEn = attachment.label.en ? `: ${attachment.label.en}` : '';
    flow.bilingual(
      {
        zh: `附页${attachment.number}${label}（接第${attachment.fromPage + 1}页）`,
        en: `Attachment ${attachment.number}${labelEn} (continued from page ${attachment.fromPage + 1})`,
      },
      STYLES.heading1,
      STYLES.gloss,
    );
    flow.units.push({
      id: attachment.unit,
      text: attachment.text.zh.replace(/\u2060/g, ''),
      role: 'content',
    });
    flow.paragraph(attachment.text.zh, STYLES.body, attachment.unit);
    if (flow.review && attachment.text.en.trim()) {
      flow.units.push({
        id: attachment.glossUnit,
        text: attachment.text.en.replace(/\u2060/g, ''),
        role: 'gloss',
      });
      flow.paragraph(attachment.text.en, STYLES.gloss, attachment.glossUnit);
    }
    flow.y += 10;
  }
}

function addPageFurniture(flow: Flow, pageCount: number): void {
  for (let page = 0; page < pageCount; page++) {
    const folio = `第 ${page + 1} 页 共 ${pageCount} 页`;
    const width = flow.measure(folio, STYLES.folio);
    const baseline = PAGE.height - 20 * MM;
    flow.ops.push({
      kind: 'text',
      page,
      x: (PAGE.width - width) / 2,
      y: baseline,
      size: STYLES.folio.size,
      face: 'regular',
      tone: 'ink',
      text: folio,
      charSpacing: 0,
      width,
      role: 'folio',
      unit: 'folio',
    });
    if (flow.review) {
      const markWidth = flow.measure(REVIEW_MARK, STYLES.marker);
      for (const y of [20 * MM, PAGE.height - 12 * MM]) {
        flow.ops.push({
          kind: 'text',
          page,
          x: (PAGE.width - markWidth) / 2,
          y,
          size: STYLES.marker.size,
          face: 'regular',
          tone: 'mark',
          text: REVIEW_MARK,
          charSpacing: 0,
          width: markWidth,
          role: 'marker',
          unit: 'marker',
        });
      }
    }
  }
}

// ------------------------------------------------------------------ blocks

function layoutBlock(flow: Flow, block: ResolvedBlock, previous: ResolvedBlock | undefined): void {
  const indent = 2 * STYLES.body.size;
  switch (block.kind) {
    case 'title':
      flow.bilingual(block.text, STYLES.title, STYLES.titleGloss, { align: 'center' });
      flow.y += 14;
      break;
    case 'heading':
      if (previous && previous.kind !== 'title') flow.y += 4;
      // Keep a heading with at least two lines of what follows.
      flow.ensure(STYLES.heading1.leading * 3);
      flow.bilingual(block.text, block.level === 1 ? STYLES.heading1 : STYLES.heading2, STYLES.gloss, {
        indent,
      });
      break;
    case 'addressee':
      flow.bilingual(block.text, STYLES.body, STYLES.gloss);
      break;
    case 'paragraph':
      flow.bilingual(block.text, STYLES.body, STYLES.gloss, {
        indent: block.indent ? indent : 0,
        align: block.align,
      });
      break;
    case 'table':
      if (previous && previous.kind !== 'table') flow.y += 6;
      layoutTable(flow, block);
      break;
    case 'checklist':
      layoutChecklist(flow, block);
      break;
    case 'signature':
      layoutSignature(flow, block);
      break;
    case 'notes':
      layoutNotes(flow, block);
      break;
  }
}

/** Lays the document out on A4 pages. Pure: same document and fonts, same operations. */
export function layoutDocument(document: ResolvedDocument, options: LayoutOptions): Layout {
  const flow = new Flow(options);
  document.blocks.forEach((block, i) => layoutBlock(flow, block, document.blocks[i - 1]));
  layoutAttachments(flow);
  const pageCount = flow.page + 1;
  addPageFurniture(flow, pageCount);
  return {
    pageCount,
    ops: flow.ops,
    units: flow.units,
    attachmentCount: flow.attachments.length,
    usesBold: flow.usesBold,
  };
}

/** The text of each unit as laid out, for checking that wrapping lost nothing (whitespace ignored). */
export function laidOutTextByUnit(layout: Layout): Map<string, string> {
  const byUnit = new Map<string, string>();
  for (const op of layout.ops) {
    if (op.kind !== 'text') continue;
    byUnit.set(op.unit, (byUnit.get(op.unit) ?? '') + strip(op.text));
  }
  return byUnit;
}
