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
  /** Where a page break may be forced before this line (`<unit>#<line>`, or `<unit>#row` for a table row). */
  breakKey?: string;
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
  /** What the text is part of, for the keep-together rules (see {@link layoutProblems}). */
  part?: 'signature' | 'header' | 'cell' | 'heading';
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

interface FlowOptions extends LayoutOptions {
  /** Break keys before which a new page starts (set by {@link layoutDocument}'s keep-together passes). */
  breaks: ReadonlySet<string>;
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
  emphasis: { size: 14, leading: 26, face: 'bold', tone: 'ink' },
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

/** The smallest English gloss in any document, in points (previews must draw it large enough to read). */
export const SMALLEST_GLOSS_PT: number = Math.min(
  STYLES.gloss.size,
  STYLES.cellGloss.size,
  STYLES.noteGloss.size,
);

/** Lines a table cell may take before the rest continues on an attachment page. */
export const CELL_MAX_LINES = 6;
const CELL_GLOSS_MAX_LINES = 4;
/** An overflow shorter than this on an attachment page stays in its (taller) cell. */
const ATTACHMENT_MIN_LINES = 2;
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
  /** The part units created now belong to (set while a signature block or table is laid out). */
  part: LayoutUnit['part'] | undefined;

  constructor(readonly options: FlowOptions) {}

  /** The id {@link newUnit} gives next. */
  peekUnit(): string {
    return `u${this.unitCount + 1}`;
  }

  /** Whether a page break is forced before `key` (and the line is not already at the top of a page). */
  forced(key: string): boolean {
    return this.options.breaks.has(key) && this.y > MARGINS.top + 0.01;
  }

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
    this.units.push({
      id,
      text: text.replace(/\u2060/g, ''),
      role,
      ...(this.part ? { part: this.part } : {}),
      ...extra,
    });
    return id;
  }

  newPage(): void {
    this.page++;
    this.y = MARGINS.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin (or a break is forced at `key`). */
  ensure(height: number, key?: string): void {
    if (key && this.forced(key)) this.newPage();
    else if (this.y + height > BOTTOM + 0.01 && this.y > MARGINS.top) this.newPage();
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
    breakKey?: string,
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
      ...(breakKey ? { breakKey } : {}),
    };
    this.ops.push(op);
    return op;
  }

  /**
   * Flows wrapped text down the page: each hard-broken part starts on a new line (indented when asked),
   * full lines are justified to the right edge as Chinese body text is.
   */
  paragraph(text: string, style: Style, unit: string, opts: ParagraphOptions = {}): void {
    const x0 = opts.x ?? MARGINS.left;
    const width = opts.width ?? TEXT_WIDTH;
    const indent = opts.indent ?? 0;
    const align = opts.align ?? 'left';
    const parts = text.split('\n');
    // A short block of hard-broken lines (a contact block, name and date) is never split.
    const short = parts.length > 1 && parts.length <= 4;
    let lineNo = 0;
    parts.forEach((part, p) => {
      const lines = wrapText(part, width, (s) => this.measure(s, style), width - indent);
      const n = lines.length;
      lines.forEach((line, i) => {
        const key = `${unit}#${lineNo++}`;
        // Orphan and widow control: a paragraph never leaves its first line alone at the foot of a page or
        // its last line alone at the head of the next; the last line also keeps `keepWithLast` below it
        // (a gloss, a signature block) on its page.
        const last = i === n - 1 && p === parts.length - 1;
        let need = style.leading;
        if (i === 0 && n >= 2) need = (n === 3 ? 3 : 2) * style.leading;
        else if (i === n - 2 && n >= 4) need = 2 * style.leading;
        if (short && lineNo === 1) need = Math.max(need, parts.length * style.leading);
        if (last && opts.keepWithLast) need += opts.keepWithLast;
        else if (i === n - 2 && n >= 2 && p === parts.length - 1 && opts.keepWithLast)
          need = 2 * style.leading + opts.keepWithLast;
        // A paragraph of three lines or fewer goes whole with what it keeps below it.
        if (i === 0 && n <= 3 && n >= 2 && p === parts.length - 1 && opts.keepWithLast)
          need = n * style.leading + opts.keepWithLast;
        this.ensure(need, key);
        const lineX = i === 0 ? x0 + indent : x0;
        const room = i === 0 ? width - indent : width;
        const natural = this.measure(line, style);
        let x = lineX;
        let spacing = 0;
        if (align === 'center') x = x0 + (width - natural) / 2;
        else if (align === 'right') x = x0 + width - natural;
        else if (i < lines.length - 1 && [...line].length > 1 && natural > room * 0.8) {
          spacing = (room - natural) / ([...line].length - 1);
          // A line cut short by a long unbreakable word (an e-mail, a URL) stays ragged: spreading it would
          // pull the characters apart (联 系 电 话).
          if (spacing > style.size * 0.12) spacing = 0;
        }
        this.text(x, baselineIn(this.y, style), line, style, unit, undefined, spacing, key);
        this.y += style.leading;
      });
    });
  }

  /** Chinese block text, then (review copy) its English gloss in small grey type beneath. */
  bilingual(text: ResolvedText, style: Style, glossStyle: Style, opts: ParagraphOptions = {}): void {
    const glossed = this.review && text.en.trim() !== '' && strip(text.en) !== strip(text.zh);
    // The gloss stays with its Chinese line: a short gloss wholly, a long one by its first two lines.
    const glossLines = glossed ? this.wrap(text.en, glossStyle, opts.width ?? TEXT_WIDTH).length : 0;
    // A short gloss (and what must follow it) stays wholly with the last Chinese line; a long one by two lines.
    const glossHeight = glossLines * glossStyle.leading + 3;
    const keepWithLast = glossed
      ? glossLines <= 4
        ? glossHeight + (opts.keepWithLast ?? 0)
        : 2 * glossStyle.leading + 3
      : (opts.keepWithLast ?? 0);
    this.paragraph(text.zh, style, this.newUnit(text.zh, 'content'), {
      ...opts,
      ...(keepWithLast ? { keepWithLast } : {}),
    });
    if (glossed) {
      this.paragraph(text.en, glossStyle, this.newUnit(text.en, 'gloss'), {
        ...opts,
        indent: 0,
        ...(opts.keepWithLast ? { keepWithLast: opts.keepWithLast } : {}),
      });
      this.y += 3;
    }
  }
}

interface ParagraphOptions {
  x?: number;
  width?: number;
  indent?: number;
  align?: 'left' | 'right' | 'center';
  /** Height that must follow the last line on the same page. */
  keepWithLast?: number;
}

// ------------------------------------------------------------------ tables

interface CellLayout {
  lines: string[];
  glossLines: string[];
  /** The gloss's style: smaller than cellGloss when a word of the English would not fit the column. */
  glossStyle: Style;
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
  const glossStyle = glossed ? cellGlossStyle(flow, text.en, width) : STYLES.cellGloss;
  let glossLines = glossed ? flow.wrap(text.en, glossStyle, width) : [];
  let unitExtra: Partial<LayoutUnit> = repeated ? { repeated } : {};
  let glossExtra: Partial<LayoutUnit> = repeated ? { repeated } : {};
  const overBudget = lines.length > CELL_MAX_LINES || glossLines.length > CELL_GLOSS_MAX_LINES;
  // A value a few lines over the budget that would fill no more than two lines of an attachment page grows
  // its cell instead: an 附页 holding one line sends the reviewer to the end of the document for nothing.
  const short =
    lines.length <= 2 * CELL_MAX_LINES &&
    glossLines.length <= 2 * CELL_GLOSS_MAX_LINES &&
    flow.wrap(text.zh, STYLES.body, TEXT_WIDTH).length <= ATTACHMENT_MIN_LINES;
  if (overBudget && !short) {
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
    (glossLines.length ? glossLines.length * glossStyle.leading + 1 : 0);
  return { lines, glossLines, glossStyle, unit, glossUnit, height };
}

/** The smallest size an English gloss is set at to keep its longest word whole in a narrow column. */
const CELL_GLOSS_MIN_SIZE = 5.5;

/**
 * The cell gloss style, scaled down (to {@link CELL_GLOSS_MIN_SIZE} at most) so that the longest word of the
 * English fits the column: "Bachelor" in a narrow 学历 column is set smaller, never broken mid-word.
 */
function cellGlossStyle(flow: Flow, english: string, width: number): Style {
  const base = STYLES.cellGloss;
  const widest = Math.max(0, ...english.split(/\s+/).map((word) => flow.measure(word, base)));
  if (widest <= width) return base;
  const size = Math.max(CELL_GLOSS_MIN_SIZE, (base.size * width) / widest);
  return { ...base, size, leading: (base.leading * size) / base.size };
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
  const rowKey = `${row.cells[0]?.cell.unit ?? ''}#row`;
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
      flow.text(x + CELL_PAD_X, baselineIn(y, style), line, style, cell.unit, undefined, 0, rowKey);
      y += style.leading;
    }
    if (cell.glossUnit) {
      y += 1;
      for (const line of cell.glossLines) {
        flow.text(x + CELL_PAD_X, baselineIn(y, cell.glossStyle), line, cell.glossStyle, cell.glossUnit);
        y += cell.glossStyle.leading;
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
  const layoutHeader = (continued: boolean) => {
    flow.part = 'header';
    const rows = table.header.map((row) => {
      const cells =
        continued && row.length === 1 && row[0]
          ? [{ zh: `${row[0].zh}（续）`, en: `${row[0].en} (continued)` }]
          : row;
      const laid = layoutRow(flow, cells, columns, { header: true, labelled: false, labels: [], dense });
      if (continued) for (const c of laid.cells) markRepeated(flow, c.cell);
      return laid;
    });
    flow.part = 'cell';
    return rows;
  };
  const drawHeader = (continued: boolean) => {
    for (const row of layoutHeader(continued)) drawRow(flow, row);
  };

  const labelsFor = (row: ResolvedText[]): ResolvedText[] =>
    table.labelled
      ? row.map((_, i) => (i === 0 ? { zh: '', en: '' } : (row[0] ?? { zh: '', en: '' })))
      : row.map((_, i) => headerLabels[i] ?? { zh: '', en: '' });

  // The header is laid out first (its units come first), but drawn only where its first row fits too: a
  // table header never stands alone at the foot of a page.
  const previousPart = flow.part;
  const header = layoutHeader(false);
  flow.part = 'cell';
  let headerDrawn = false;
  for (const row of table.rows) {
    const laid = layoutRow(flow, row, columns, {
      header: false,
      labelled: table.labelled,
      labels: labelsFor(row),
      dense,
    });
    const rowKey = `${laid.cells[0]?.cell.unit ?? ''}#row`;
    if (!headerDrawn) {
      const headerH = header.reduce((sum, r) => sum + r.height, 0);
      flow.ensure(headerH + laid.height, rowKey);
      for (const r of header) drawRow(flow, r);
      headerDrawn = true;
    } else if (flow.y + laid.height > BOTTOM + 0.01 || flow.forced(rowKey)) {
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
  if (!headerDrawn) {
    flow.ensure(headerHeight + firstRowsHeight);
    for (const r of header) drawRow(flow, r);
  }
  flow.part = previousPart;
  flow.y += 10;
}

function markRepeated(flow: Flow, cell: CellLayout): void {
  for (const unit of flow.units)
    if (unit.id === cell.unit || unit.id === cell.glossUnit) unit.repeated = true;
}

// ------------------------------------------------------------------ checklist, signature, notes

/** Lines `text` takes at `width`, and the height the paragraph rules make it keep together at its start. */
function openingHeight(
  flow: Flow,
  text: ResolvedText,
  style: Style,
  gloss: Style,
  width: number,
  indent = 0,
): number {
  const n = flow.wrap(text.zh, style, width, width - indent).length;
  const glossed = flow.review && text.en.trim() !== '' && strip(text.en) !== strip(text.zh);
  const g = glossed ? flow.wrap(text.en, gloss, width).length : 0;
  const lines = n === 1 ? 1 : n === 3 ? 3 : 2;
  return lines * style.leading + (n <= 3 && g ? Math.min(g, g <= 4 ? g : 2) * gloss.leading + 3 : 0);
}

function layoutChecklist(flow: Flow, block: Extract<ResolvedBlock, { kind: 'checklist' }>): void {
  if (block.caption) {
    flow.y += 6;
    flow.ensure(STYLES.caption.leading + STYLES.body.leading * 2);
    flow.bilingual(block.caption, STYLES.caption, STYLES.gloss, { keepWithLast: STYLES.body.leading });
  }
  const box = 11;
  const textX = MARGINS.left + 28 + box + 8;
  const textWidth = MARGINS.left + TEXT_WIDTH - textX;
  for (const item of block.items) {
    const mark = item.checked ? flow.newUnit('✓', 'content') : null;
    // The box goes where the item's first line goes: settle the page first.
    flow.ensure(openingHeight(flow, item.text, STYLES.body, STYLES.gloss, textWidth), `${flow.peekUnit()}#0`);
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
    if (mark) flow.text(boxX + 1.5, baseline - 0.5, '✓', { ...STYLES.body, size: 11 }, mark);
    flow.bilingual(item.text, STYLES.body, STYLES.gloss, { x: textX, width: textWidth });
  }
  flow.y += 6;
}

/** Height of a signature block as {@link layoutSignature} sets it (for keeping it with the text above). */
function signatureHeight(flow: Flow, block: Extract<ResolvedBlock, { kind: 'signature' }>): number {
  const style = STYLES.body;
  const glossH = flow.review ? STYLES.gloss.leading * 2 + 3 : 0;
  let height = 10;
  for (const signer of block.signers) {
    const { lines } = partyLines(flow, signer);
    height +=
      SIGNATURE_GAP +
      signer.signatures.length * (style.leading + 14 + glossH) +
      lines.length * style.leading +
      glossH +
      6 +
      style.leading +
      glossH;
  }
  return height;
}

/** About two blank lines between the body and a signature block, as official documents leave (空二行). */
const SIGNATURE_GAP = 24;
/** The name and the date end four characters from the right margin (GB/T 9704 §7.3.5: 右空四字). */
const SIGNATURE_RIGHT = 4 * STYLES.body.size;

function partyLines(
  flow: Flow,
  signer: Extract<ResolvedBlock, { kind: 'signature' }>['signers'][number],
): { lines: string[]; width: number } {
  const style = STYLES.body;
  const colW = TEXT_WIDTH * 0.72;
  const together = `${signer.party.zh}${signer.name?.zh ?? ''}`;
  // The name follows the party label on one line when it fits, else it gets its own line (never split).
  const lines =
    signer.name && flow.measure(together, style) > colW ? [signer.party.zh, signer.name.zh] : [together];
  return { lines, width: Math.max(...lines.map((l) => flow.measure(l, style))) };
}

/**
 * A signature and seal block: the signature lines with their boxes, then the signing party and its name,
 * then the date — the name and the date ending four characters from the right margin, the seal circle
 * centred over them (GB/T 9704-2012 §7.3.5.1: the seal presses down on the name and the date, which sit
 * a little below its centre).
 */
function layoutSignature(flow: Flow, block: Extract<ResolvedBlock, { kind: 'signature' }>): void {
  const style = STYLES.body;
  const right = MARGINS.left + TEXT_WIDTH - SIGNATURE_RIGHT;
  const colX = MARGINS.left + TEXT_WIDTH * 0.36;
  const previousPart = flow.part;
  flow.part = 'signature';
  flow.ensure(signatureHeight(flow, block));
  for (const signer of block.signers) {
    flow.y += SIGNATURE_GAP;
    for (const signature of signer.signatures) {
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
        w: MARGINS.left + TEXT_WIDTH - boxX,
        h: style.leading + 8,
        stroke: 'faint',
        strokeWidth: 0.6,
      });
      flow.y += style.leading + 8;
      if (flow.review) {
        flow.paragraph(signature.en, STYLES.gloss, flow.newUnit(signature.en, 'gloss'), {
          x: colX,
          width: MARGINS.left + TEXT_WIDTH - colX,
        });
        flow.y += 3;
      }
      flow.y += 6;
    }
    const { lines, width } = partyLines(flow, signer);
    const nameTop = flow.y;
    const nameX = right - width;
    flow.bilingual(
      { zh: lines.join('\n'), en: `${signer.party.en}${signer.name ? signer.name.en : ''}` },
      style,
      STYLES.gloss,
      { x: nameX, width: width + 1 },
    );
    flow.y += 6;
    const dateWidth = signer.date
      ? flow.measure(signer.date.zh.replace(/\u2060/g, ''), style)
      : blankDateWidth(flow, style);
    if (signer.date) {
      flow.bilingual(signer.date, style, STYLES.gloss, { x: right - dateWidth, width: dateWidth + 1 });
    } else {
      layoutBlankDate(flow, right, style);
    }
    if (signer.seal) {
      // A dashed circle the size of a company seal (40 mm), centred on the name and date and a little
      // above them, where the seal is applied.
      // Centred on the date, its centre at the top of the name line: name and date sit in its lower half.
      flow.ops.push({
        kind: 'circle',
        page: flow.page,
        cx: right - dateWidth / 2,
        cy: nameTop + (lines.length - 1) * style.leading + 4,
        r: 20 * MM,
        stroke: 'faint',
        dash: [3, 3],
      });
    }
  }
  flow.y += 10;
  flow.part = previousPart;
}

const BLANK_DATE_BOXES: [string, number][] = [
  ['年', 46],
  ['月', 28],
  ['日', 28],
];

function blankDateWidth(flow: Flow, style: Style): number {
  const charW = flow.measure('年', style);
  return BLANK_DATE_BOXES.reduce((sum, [, w]) => sum + w + 4 + charW + 4, 0);
}

/** 年 月 日 with boxes to write the date in by hand, ending at `right`. */
function layoutBlankDate(flow: Flow, right: number, style: Style): void {
  const baseline = baselineIn(flow.y, style);
  const charW = flow.measure('年', style);
  const total = blankDateWidth(flow, style);
  let x = right - total;
  const unit = flow.newUnit('年月日', 'content');
  for (const [char, boxW] of BLANK_DATE_BOXES) {
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
    const gloss = 'Date: year / month / day';
    const w = flow.measure(gloss, STYLES.gloss);
    flow.paragraph(gloss, STYLES.gloss, flow.newUnit(gloss, 'gloss'), { x: right - w, width: w + 1 });
  }
}

function layoutNotes(flow: Flow, block: Extract<ResolvedBlock, { kind: 'notes' }>, keepAfter = 0): void {
  flow.y += 8;
  // The notes heading keeps with the opening lines of the first note (and is checked as a heading).
  const first = block.items[0];
  // Chinese notes number 1．and end the heading with ：; an English note (latin) uses 1. and :.
  const numberOf = (i: number) => (block.latin ? `${i + 1}.` : `${i + 1}．`);
  // The hang leaves a space after a Latin number (a full-width ．carries its own).
  const hangOf = (i: number) => flow.measure(block.latin ? `${numberOf(i)} ` : numberOf(i), STYLES.note);
  const firstHeight = first
    ? openingHeight(flow, first, STYLES.note, STYLES.noteGloss, TEXT_WIDTH - hangOf(0))
    : STYLES.note.leading;
  flow.ensure(STYLES.noteHead.leading + firstHeight);
  const previousPart = flow.part;
  flow.part = 'heading';
  flow.bilingual(
    { zh: `${block.heading.zh}${block.latin ? ':' : '：'}`, en: `${block.heading.en}:` },
    STYLES.noteHead,
    STYLES.noteGloss,
    { keepWithLast: firstHeight },
  );
  flow.part = previousPart;
  block.items.forEach((item, i) => {
    const number = numberOf(i);
    const hang = hangOf(i);
    const numberUnit = flow.newUnit(number, 'content');
    const width = TEXT_WIDTH - hang;
    flow.ensure(openingHeight(flow, item, STYLES.note, STYLES.noteGloss, width), `${flow.peekUnit()}#0`);
    flow.text(MARGINS.left, baselineIn(flow.y, STYLES.note), number, STYLES.note, numberUnit);
    const last = i === block.items.length - 1;
    flow.bilingual(item, STYLES.note, STYLES.noteGloss, {
      x: MARGINS.left + hang,
      width,
      ...(last && keepAfter ? { keepWithLast: keepAfter } : {}),
    });
  });
}

/**
 * 附件：1．… — two characters in from the left margin; names that wrap align with the first character of
 * the name above (GB/T 9704-2012 §7.3.4).
 */
function layoutEnclosures(
  flow: Flow,
  block: Extract<ResolvedBlock, { kind: 'enclosures' }>,
  keepAfter = 0,
): void {
  const style = STYLES.body;
  flow.y += style.leading / 2;
  const x0 = MARGINS.left + 2 * style.size;
  const label = `${block.heading.zh}：`;
  const labelW = flow.measure(label, style);
  const several = block.items.length > 1;
  block.items.forEach((item, i) => {
    const number = several ? `${i + 1}．` : '';
    const numberW = number ? flow.measure(number, style) : 0;
    const textX = x0 + labelW + numberW;
    const width = MARGINS.left + TEXT_WIDTH - textX;
    const prefix = flow.newUnit(`${i === 0 ? label : ''}${number}`, 'content');
    const opening = openingHeight(flow, item, style, STYLES.gloss, width);
    flow.ensure(opening + (i === 0 ? style.leading : 0), `${flow.peekUnit()}#0`);
    const baseline = baselineIn(flow.y, style);
    if (i === 0) flow.text(x0, baseline, label, style, prefix);
    if (number) flow.text(x0 + labelW, baseline, number, style, prefix);
    const last = i === block.items.length - 1;
    flow.bilingual(
      i === 0 && flow.review ? { zh: item.zh, en: `${block.heading.en}: ${item.en}` } : item,
      style,
      STYLES.gloss,
      { x: textX, width, ...(last && keepAfter ? { keepWithLast: keepAfter } : {}) },
    );
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

function layoutBlock(
  flow: Flow,
  block: ResolvedBlock,
  previous: ResolvedBlock | undefined,
  next: ResolvedBlock | undefined,
): void {
  const indent = 2 * STYLES.body.size;
  // A signature block is never alone on a page: the last lines before it go with it.
  const keepAfter = next?.kind === 'signature' ? signatureHeight(flow, next) : 0;
  const keep = keepAfter ? { keepWithLast: keepAfter } : {};
  switch (block.kind) {
    case 'title':
      flow.bilingual(block.text, STYLES.title, STYLES.titleGloss, { align: 'center' });
      flow.y += 14;
      break;
    case 'heading': {
      if (previous && previous.kind !== 'title') flow.y += 4;
      // Keep a heading with the opening lines of what follows (as many as that block keeps together).
      const follows =
        next?.kind === 'paragraph'
          ? openingHeight(flow, next.text, STYLES.body, STYLES.gloss, TEXT_WIDTH, next.indent ? indent : 0)
          : STYLES.body.leading * 2;
      flow.ensure(STYLES.heading1.leading + follows);
      const previousPart = flow.part;
      flow.part = 'heading';
      flow.bilingual(block.text, block.level === 1 ? STYLES.heading1 : STYLES.heading2, STYLES.gloss, {
        indent,
        keepWithLast: follows,
      });
      flow.part = previousPart;
      break;
    }
    case 'addressee':
      flow.bilingual(block.text, STYLES.body, STYLES.gloss);
      break;
    case 'paragraph': {
      // A right-aligned closing line (the company's name and the date of a resolution or a policy) signs the
      // document: it obeys the signature block's rule and never stands alone on a page.
      const closing = !next && block.align === 'right';
      const previousPart = flow.part;
      if (closing) flow.part = 'signature';
      flow.bilingual(block.text, block.emphasis ? STYLES.emphasis : STYLES.body, STYLES.gloss, {
        indent: block.indent ? indent : 0,
        align: block.align,
        ...keep,
      });
      flow.part = previousPart;
      break;
    }
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
      layoutNotes(flow, block, keepAfter);
      break;
    case 'enclosures':
      layoutEnclosures(flow, block, keepAfter);
      break;
  }
}

/** A break of the keep-together rules, and the page break that mends it. */
export interface LayoutProblem {
  page: number;
  kind: 'signatureAlone' | 'orphanLine' | 'widowLine' | 'headingAlone' | 'headerAlone' | 'glossSplit';
  detail: string;
  /** Break key before which a new page would mend it (none when no earlier line can move). */
  fix?: string;
}

/**
 * Checks a layout against the keep-together rules: no page holds only a signature block, no page holds a
 * single line of text, a table header never ends a page without a row under it, a gloss never starts on a
 * page after its Chinese line. Attachment pages (附页) are exempt from the one-line rule.
 */
export function layoutProblems(layout: Pick<Layout, 'pageCount' | 'ops' | 'units'>): LayoutProblem[] {
  const unitById = new Map(layout.units.map((u) => [u.id, u]));
  const texts = layout.ops.filter(
    (op): op is TextOp => op.kind === 'text' && (op.role === 'content' || op.role === 'gloss'),
  );
  const byPage: TextOp[][] = Array.from({ length: layout.pageCount }, () => []);
  for (const op of texts) byPage[op.page]?.push(op);
  const isAttachment = (ops: TextOp[]) => ops.some((op) => /^a\d+$/.test(op.unit));
  /** The places on a page where a break could go, in order: paragraph lines and table rows. */
  const keysOn = (page: number) => {
    const keys: string[] = [];
    for (const op of byPage[page] ?? []) {
      const part = unitById.get(op.unit)?.part;
      if (!op.breakKey || op.role !== 'content' || part === 'signature' || part === 'header') continue;
      if (!keys.includes(op.breakKey)) keys.push(op.breakKey);
    }
    return keys;
  };
  /**
   * Where to break so the last `count` lines of page `page` move to the next one without leaving a line of
   * their paragraph alone: a short paragraph moves whole, a long one by `count` lines.
   */
  const tailBreak = (page: number, count: number): string | undefined => {
    const keys = keysOn(page);
    const lastKey = keys.at(-1);
    if (!lastKey) return undefined;
    const unit = lastKey.split('#')[0];
    const own = keys.filter((k) => k.split('#')[0] === unit);
    const startsHere = own[0]?.endsWith('#0') || own[0]?.endsWith('#row');
    if (startsHere && own.length <= 3) return withHeading(own[0]);
    return own.at(-Math.max(count, 2)) ?? own[0];
  };
  /** A break before a paragraph's first line moves the heading above it too. */
  const withHeading = (key: string | undefined): string | undefined => {
    if (!key?.endsWith('#0')) return key;
    const index = layout.units.findIndex((u) => u.id === key.slice(0, -2));
    for (let i = index - 1; i >= 0; i--) {
      const unit = layout.units[i];
      // Gloss lines and list numbers (1．) sit between a heading and its first paragraph.
      if (!unit || unit.role === 'gloss' || /^(\d+．|✓)$/.test(unit.text)) continue;
      return unit.part === 'heading' ? `${unit.id}#0` : key;
    }
    return key;
  };
  const problems: LayoutProblem[] = [];
  // A paragraph line alone on a page, its other lines on the neighbouring page (orphan or widow).
  for (const unit of layout.units) {
    if (unit.role !== 'content' || unit.part) continue;
    const own = texts.filter((op) => op.unit === unit.id && op.breakKey);
    const pages = [...new Set(own.map((op) => op.page))];
    if (pages.length < 2) continue;
    for (const page of pages) {
      const here = own.filter((op) => op.page === page);
      if (here.length !== 1) continue;
      const keys = own.map((op) => op.breakKey ?? '');
      // Move the paragraph whole when short, else its last two lines.
      const fix = keys.length <= 4 ? withHeading(keys[0]) : keys.at(-2);
      problems.push({
        page,
        kind: 'widowLine',
        detail: `a line alone: ${here[0]?.text ?? ''}`,
        ...(fix ? { fix } : {}),
      });
      break;
    }
  }
  for (let page = 1; page < layout.pageCount; page++) {
    const ops = byPage[page] ?? [];
    if (ops.length === 0 || isAttachment(ops)) continue;
    const previous = keysOn(page - 1);
    const own = ops.filter((op) => {
      const part = unitById.get(op.unit)?.part;
      return (
        op.role === 'content' &&
        part !== 'signature' &&
        !(part === 'header' && unitById.get(op.unit)?.repeated)
      );
    });
    if (own.length === 0 && ops.some((op) => unitById.get(op.unit)?.part === 'signature')) {
      const fix = tailBreak(page - 1, 2) ?? previous.at(-1);
      problems.push({
        page,
        kind: 'signatureAlone',
        detail: 'a page holds only a signature block',
        ...(fix ? { fix } : {}),
      });
      continue;
    }
    const lines = new Set(own.map((op) => Math.round(op.y)));
    if (lines.size === 1) {
      const fix = tailBreak(page - 1, 1);
      problems.push({
        page,
        kind: 'orphanLine',
        detail: `one line alone: ${own[0]?.text ?? ''}`,
        ...(fix ? { fix } : {}),
      });
    }
  }
  // A heading that ends its page.
  for (let page = 0; page < layout.pageCount; page++) {
    const content = (byPage[page] ?? []).filter((op) => op.role === 'content');
    const last = content.at(-1);
    if (last && unitById.get(last.unit)?.part === 'heading' && page < layout.pageCount - 1) {
      const fix = content.find((op) => op.unit === last.unit)?.breakKey;
      problems.push({
        page,
        kind: 'headingAlone',
        detail: `heading at the foot of a page: ${last.text}`,
        ...(fix ? { fix } : {}),
      });
    }
  }
  // A table header whose page holds no row of its table under it.
  for (const unit of layout.units) {
    if (unit.part !== 'header') continue;
    const op = texts.find((o) => o.unit === unit.id);
    if (!op) continue;
    const after = (byPage[op.page] ?? []).filter((o) => o.y > op.y + 0.5);
    if (!after.some((o) => unitById.get(o.unit)?.part === 'cell'))
      problems.push({ page: op.page, kind: 'headerAlone', detail: `table header alone: ${unit.text}` });
  }
  // A gloss line on a later page than the last line of the Chinese it glosses (the unit before it).
  layout.units.forEach((unit, i) => {
    if (unit.role !== 'gloss' || unit.part === 'cell' || unit.part === 'header') return;
    const chinese = layout.units[i - 1];
    if (!chinese || chinese.role !== 'content') return;
    const lastZh = texts.filter((o) => o.unit === chinese.id).at(-1);
    const firstEn = texts.find((o) => o.unit === unit.id);
    if (lastZh && firstEn && firstEn.page !== lastZh.page)
      problems.push({ page: firstEn.page, kind: 'glossSplit', detail: `gloss split from: ${chinese.text}` });
  });
  return problems;
}

/** Lays the document out on A4 pages. Pure: same document and fonts, same operations. */
export function layoutDocument(document: ResolvedDocument, options: LayoutOptions): Layout {
  // Lay out, check the keep-together rules, and try the page breaks that would mend a problem (an earlier
  // line moved to the next page), keeping a break only when it leaves fewer problems than before.
  const breaks = new Set<string>();
  let flow = layoutPass(document, options, breaks);
  let problems = layoutProblems(flowLayout(flow));
  for (let pass = 0; pass < 8 && problems.length > 0; pass++) {
    const candidates = [
      ...new Set(problems.map((p) => p.fix).filter((f): f is string => !!f && !breaks.has(f))),
    ];
    let improved = false;
    for (const candidate of candidates.slice(0, 4)) {
      const trial = new Set([...breaks, candidate]);
      const trialFlow = layoutPass(document, options, trial);
      const trialProblems = layoutProblems(flowLayout(trialFlow));
      if (trialProblems.length < problems.length) {
        breaks.add(candidate);
        flow = trialFlow;
        problems = trialProblems;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  const pageCount = flow.page + 1;
  addPageFurniture(flow, pageCount);
  return flowLayout(flow);
}

function layoutPass(document: ResolvedDocument, options: LayoutOptions, breaks: ReadonlySet<string>): Flow {
  const flow = new Flow({ ...options, breaks });
  document.blocks.forEach((block, i) =>
    layoutBlock(flow, block, document.blocks[i - 1], document.blocks[i + 1]),
  );
  layoutAttachments(flow);
  return flow;
}

function flowLayout(flow: Flow): Layout {
  return {
    pageCount: flow.page + 1,
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
