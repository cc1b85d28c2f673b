/**
 * The copy printed for signing, as one layout: the one-page instruction note (one per language) followed by
 * the document, every page carrying its verification mark — a QR code in the bottom-right margin with the
 * version under it. The QR matrices come in from the host (host/qr encodes them); nothing here does I/O.
 *
 * The mark sits in the footer margin (GB/T 9704's 35 mm), right of the folio and clear of the text block,
 * so the document's own layout is the same with or without it.
 */
import type { Case } from '../model/case';
import type { FontMetrics } from './font';
import {
  MARGINS,
  MM,
  PAGE,
  layoutDocument,
  type DrawOp,
  type Layout,
  type LayoutOptions,
  type TextOp,
} from './layout';
import type { ResolvedDocument } from './resolve';
import {
  displayVersion,
  signersOf,
  signingNote,
  type SignedTemplate,
  type SigningLanguage,
  type SigningNoteOptions,
  type SigningPlacement,
} from './signing';

/** A QR symbol to draw: `size` × `size` modules, row by row, `true` for dark. */
export interface MarkMatrix {
  size: number;
  modules: readonly boolean[];
}

/** Side of the QR symbol on paper: 33 modules of about 0.5 mm, read at 150 dpi and from phone photos. */
export const MARK_SIDE = 17 * MM;
/** Distance of the symbol's lower edge from the bottom of the page (inside most printers' printable area). */
const MARK_BOTTOM = 9 * MM;
const CAPTION_SIZE = 6.5;

/** Where the mark is drawn on every page (points from the top-left corner). */
export const MARK_BOX = {
  x: PAGE.width - MARGINS.right - MARK_SIDE,
  y: PAGE.height - MARK_BOTTOM - MARK_SIDE,
  side: MARK_SIDE,
} as const;

/**
 * The drawing of one page's mark: the dark modules as horizontal runs of rectangles (no hairline gaps
 * between neighbours), and the version and page as small grey text to the symbol's left.
 */
export function markOps(matrix: MarkMatrix, page: number, caption: string, metrics: FontMetrics): DrawOp[] {
  const module = MARK_SIDE / matrix.size;
  const ops: DrawOp[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.modules[row * matrix.size + column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.modules[row * matrix.size + column]) column++;
      ops.push({
        kind: 'rect',
        page,
        x: MARK_BOX.x + start * module,
        y: MARK_BOX.y + row * module,
        // A hair wider and taller than the module, so adjacent runs and rows print as one solid area.
        w: (column - start) * module + 0.05,
        h: module + 0.05,
        fill: 'ink',
      });
    }
  }
  const width = metrics.widthOf(caption, CAPTION_SIZE);
  const text: TextOp = {
    kind: 'text',
    page,
    x: MARK_BOX.x - 2.5 * MM - width,
    y: MARK_BOX.y + MARK_SIDE - 1,
    size: CAPTION_SIZE,
    face: 'regular',
    tone: 'faint',
    text: caption,
    charSpacing: 0,
    width,
    role: 'folio',
    unit: 'mark',
  };
  ops.push(text);
  return ops;
}

/**
 * The page each signature line and each party's seal falls on in the laid-out document (1-based): the
 * last text line that starts with the label, since a signature block ends the document.
 */
export function signaturePlacements(template: SignedTemplate, layout: Layout): SigningPlacement[] {
  const texts = layout.ops.filter((op): op is TextOp => op.kind === 'text' && op.role === 'content');
  const pageOf = (label: string): number | undefined => {
    const wanted = label.trim();
    for (let i = texts.length - 1; i >= 0; i--) {
      const op = texts[i] as TextOp;
      if (op.text.startsWith(wanted)) return op.page + 1;
    }
    return undefined;
  };
  const placements: SigningPlacement[] = [];
  signersOf(template).forEach((signer, s) => {
    const party = pageOf(signer.party.zh);
    if (party !== undefined) placements.push({ signer: s, line: -1, page: party });
    signer.signatures.forEach((line, l) => {
      const page = pageOf(line.zh);
      if (page !== undefined) placements.push({ signer: s, line: l, page });
    });
  });
  return placements;
}

const NOTE_HEADING: Record<SigningLanguage, string> = { en: 'What to do', zh: '签署步骤' };

/** The instruction note in one language, laid out on its own page(s) without a folio. */
export function layoutSigningNote(
  template: SignedTemplate,
  c: Case,
  options: SigningNoteOptions,
  layoutOptions: Omit<LayoutOptions, 'variant'>,
): Layout {
  const note = signingNote(template, c, options);
  const same = (text: string) => ({ zh: text, en: text });
  const document: ResolvedDocument = {
    templateId: `${template.id}-note`,
    templateVersion: 1,
    title: same(note.title),
    blocks: [
      { kind: 'title', text: same(note.title) },
      { kind: 'paragraph', text: same(note.document), indent: false, align: 'center', emphasis: true },
      { kind: 'paragraph', text: same(note.about), indent: false, align: 'center' },
      {
        kind: 'notes',
        heading: same(NOTE_HEADING[options.lang]),
        items: note.steps.map(same),
        latin: options.lang === 'en',
      },
    ],
  };
  const layout = layoutDocument(document, { ...layoutOptions, variant: 'submission' });
  return { ...layout, ops: layout.ops.filter((op) => op.kind !== 'text' || op.role !== 'folio') };
}

/**
 * One layout of the whole print: the notes' pages, then the document's, each page with its mark (`notes`
 * share the instruction-sheet mark, `pages[i]` is page i + 1 of the document).
 */
export function signingPrintLayout(input: {
  notes: readonly Layout[];
  document: Layout;
  /** `note` is needed when there are notes. */
  marks: { note?: MarkMatrix; pages: readonly MarkMatrix[] };
  version: string;
  metrics: FontMetrics;
}): Layout {
  const { document, marks, metrics } = input;
  const ops: DrawOp[] = [];
  const units: Layout['units'] = [];
  let offset = 0;
  const code = displayVersion(input.version);
  for (const [n, note] of input.notes.entries()) {
    for (const op of note.ops) ops.push({ ...op, page: op.page + offset });
    for (const unit of note.units) units.push({ ...unit, id: `note${n}-${unit.id}` });
    if (!marks.note) throw new Error('no mark for the instruction sheet');
    for (let page = 0; page < note.pageCount; page++)
      ops.push(...markOps(marks.note, offset + page, code, metrics));
    offset += note.pageCount;
  }
  for (const op of document.ops) ops.push({ ...op, page: op.page + offset });
  units.push(...document.units);
  for (let page = 0; page < document.pageCount; page++) {
    const matrix = marks.pages[page];
    if (!matrix) throw new Error(`no mark for page ${page + 1} of ${document.pageCount}`);
    ops.push(...markOps(matrix, offset + page, `${code} · ${page + 1}/${document.pageCount}`, metrics));
  }
  return {
    pageCount: offset + document.pageCount,
    ops,
    units,
    attachmentCount: document.attachmentCount,
    usesBold: document.usesBold || input.notes.some((n) => n.usesBold),
  };
}
