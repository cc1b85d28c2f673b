/**
 * `renderDocument()`: template + case → PDF bytes. Pure: the fonts come in as bytes and the templates are
 * bundled data (templates.ts), so the same code runs in Electron's main process, the CLI and tests.
 */
import {
  PDFDocument,
  PDFHexString,
  pushGraphicsState,
  popGraphicsState,
  rgb,
  setCharacterSpacing,
} from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { Font as FontkitFont } from 'fontkit';
import type { Case } from '../model/case';
import { linkPrincipal } from '../model/principal';
import { chinaDate } from '../packet/safe-names';
import { decisionFromCase, type DocumentDecision } from './conditions';
import { fontkitForPdfLib, metricsFor, parseFont, type DocumentFonts } from './font';
import { PAGE, layoutDocument, type Face, type Layout, type Tone } from './layout';
import { resolveDocument, type ResolvedDocument } from './resolve';
import type { DocumentTemplate } from './template-schema';
import { documentLabels, documentTemplate } from './templates';

export type DocumentVariant = 'submission' | 'review';

export interface RenderOptions {
  variant: DocumentVariant;
  fonts: DocumentFonts;
  /** The pathway facts; derived from the case's answers when absent. */
  decision?: DocumentDecision;
  /** The document date and the PDF timestamps; the current time when absent. */
  now?: Date;
}

export type DocumentErrorCode = 'unknownTemplate' | 'unsupportedCharacters';

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly details: string,
  ) {
    super(`${code}: ${details}`);
    this.name = 'DocumentError';
  }
}

/** The document date in China (UTC+8), where the documents are signed and filed: YYYY-MM-DD. */
export function documentDate(now: Date): string {
  return chinaDate(now);
}

export interface PreparedDocument {
  template: DocumentTemplate;
  resolved: ResolvedDocument;
  layout: Layout;
}

/** Resolves and lays out a document without drawing it (tests compare the PDF with this). */
export function prepareDocument(
  templateOrId: string | DocumentTemplate,
  caseData: Case,
  options: RenderOptions,
): PreparedDocument {
  const { template, resolved } = resolveForDrawing(templateOrId, caseData, options);
  return layoutResolved(template, resolved, options);
}

/** The template and its content resolved against the case: everything the drawn PDF depends on. */
function resolveForDrawing(
  templateOrId: string | DocumentTemplate,
  caseData: Case,
  options: Pick<RenderOptions, 'decision' | 'now'>,
): { template: DocumentTemplate; resolved: ResolvedDocument } {
  const template = typeof templateOrId === 'string' ? documentTemplate(templateOrId) : templateOrId;
  if (!template) throw new DocumentError('unknownTemplate', String(templateOrId));
  const resolved = resolveDocument(template, {
    caseData: linkPrincipal(caseData),
    decision: options.decision ?? decisionFromCase(caseData),
    labels: documentLabels(),
    today: documentDate(options.now ?? new Date()),
  });
  return { template, resolved };
}

function layoutResolved(
  template: DocumentTemplate,
  resolved: ResolvedDocument,
  options: Pick<RenderOptions, 'variant' | 'fonts'>,
): PreparedDocument {
  const regular = metricsFor(options.fonts.regular);
  const layout = layoutDocument(resolved, {
    variant: options.variant,
    regular,
    ...(options.fonts.bold ? { bold: metricsFor(options.fonts.bold) } : {}),
  });
  const allText = layout.ops.map((op) => (op.kind === 'text' ? op.text : '')).join('');
  const missing = regular.missingCharacters(allText);
  if (missing.length) {
    throw new DocumentError('unsupportedCharacters', `the font has no glyph for: ${missing.join(' ')}`);
  }
  return { template, resolved, layout };
}

const TONES: Record<Tone, RGB> = {
  ink: rgb(0, 0, 0),
  gloss: rgb(0.36, 0.4, 0.47),
  mark: rgb(0.72, 0.11, 0.11),
  faint: rgb(0.62, 0.62, 0.62),
  shade: rgb(0.93, 0.93, 0.93),
};

/** The parts of pdf-lib 1.17.1's subset embedder that {@link encodeByCmap} replaces (pinned version). */
interface SubsetEmbedderInternals {
  font: FontkitFont;
  subset: { includeGlyph(glyph: number): number };
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  encodeText(text: string): PDFHexString;
}

/**
 * Makes the embedded font encode each character with the glyph its cmap names — the glyph the layout
 * measured — instead of running fontkit's shaper on every line (which is most of pdf-lib's drawing time and
 * could substitute glyphs the layout did not measure). Each glyph records the character it was used for, so
 * the ToUnicode map, and with it copy and search, gives back exactly the text drawn.
 */
function encodeByCmap(font: PDFFont): void {
  const embedder = (font as unknown as { embedder: SubsetEmbedderInternals }).embedder;
  if (!embedder?.subset || !embedder.glyphIdMap || !Array.isArray(embedder.glyphs)) {
    throw new Error('pdf-lib internals changed: review encodeByCmap() before upgrading pdf-lib');
  }
  const codes = new Map<number, string>();
  embedder.encodeText = (text: string) => {
    let hex = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      let code = codes.get(codePoint);
      if (code === undefined) {
        const glyph = embedder.font.glyphForCodePoint(codePoint);
        let subsetId = embedder.glyphIdMap.get(glyph.id);
        if (subsetId === undefined) {
          subsetId = embedder.subset.includeGlyph(glyph.id);
          embedder.glyphs[subsetId - 1] = {
            id: glyph.id,
            advanceWidth: glyph.advanceWidth,
            codePoints: [codePoint],
          };
          embedder.glyphIdMap.set(glyph.id, subsetId);
        }
        code = subsetId.toString(16).padStart(4, '0');
        codes.set(codePoint, code);
      }
      hex += code;
    }
    embedder.glyphCache.invalidate();
    return PDFHexString.of(hex);
  };
}

/** Six capital letters derived from the subset's characters: the PDF subset-font tag (ISO 32000 §9.6.4). */
function subsetTag(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of new Set(text)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}

async function embedSubset(pdf: PDFDocument, bytes: Uint8Array, text: string): Promise<PDFFont> {
  const name = parseFont(bytes).postscriptName || 'NotoSansSC';
  const font = await pdf.embedFont(bytes, { subset: true, customName: `${subsetTag(text)}+${name}` });
  encodeByCmap(font);
  return font;
}

function drawOps(page: PDFPage, ops: Layout['ops'], pageIndex: number, fonts: Record<Face, PDFFont>): void {
  const height = PAGE.height;
  for (const op of ops) {
    if (op.page !== pageIndex) continue;
    switch (op.kind) {
      case 'text':
        if (op.charSpacing) page.pushOperators(pushGraphicsState(), setCharacterSpacing(op.charSpacing));
        page.drawText(op.text, {
          x: op.x,
          y: height - op.y,
          size: op.size,
          font: fonts[op.face],
          color: TONES[op.tone],
        });
        if (op.charSpacing) page.pushOperators(popGraphicsState());
        break;
      case 'line':
        page.drawLine({
          start: { x: op.x1, y: height - op.y1 },
          end: { x: op.x2, y: height - op.y2 },
          thickness: op.width,
          color: TONES[op.tone],
          ...(op.dash ? { dashArray: op.dash } : {}),
        });
        break;
      case 'rect':
        page.drawRectangle({
          x: op.x,
          y: height - op.y - op.h,
          width: op.w,
          height: op.h,
          ...(op.fill ? { color: TONES[op.fill] } : {}),
          ...(op.stroke ? { borderColor: TONES[op.stroke], borderWidth: op.strokeWidth ?? 0.6 } : {}),
          ...(op.dash ? { borderDashArray: op.dash } : {}),
        });
        break;
      case 'circle':
        page.drawCircle({
          x: op.cx,
          y: height - op.cy,
          size: op.r,
          borderColor: TONES[op.stroke],
          borderWidth: 0.8,
          ...(op.dash ? { borderDashArray: op.dash } : {}),
        });
        break;
    }
  }
}

/** pdf-lib 1.17.1's `PDFContext.flateStream` and the plain `stream` it ends in (pinned version). */
interface FlateContext {
  flateStream(contents: Uint8Array | string, dict?: Record<string, unknown>): { contents?: unknown };
  stream(contents: Uint8Array, dict?: Record<string, unknown>): { contents?: unknown };
}

/** Deflated font streams and ToUnicode maps, by their raw bytes' length, then compared byte for byte. */
const deflatedStreams = new Map<number, { raw: Uint8Array; deflated: Uint8Array }[]>();
/** Raw bytes kept at most (~50 KB a subset): the documents of a packet, in both variants, with room. */
const DEFLATED_KEPT_BYTES = 24 * 1024 * 1024;
let deflatedKeptBytes = 0;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Makes the document's font streams reuse the deflated bytes of an identical stream drawn before (pdf-lib
 * deflates them in pure JavaScript, ~20 MB/s): the same document drawn again embeds the same subsets
 * (font.ts keeps their encodings) and the same ToUnicode maps. Deflate is deterministic, so the PDF's
 * bytes are exactly what pdf-lib would write.
 */
function reuseDeflatedStreams(pdf: PDFDocument): void {
  const context = pdf.context as unknown as FlateContext;
  if (typeof context.flateStream !== 'function' || typeof context.stream !== 'function')
    throw new Error('pdf-lib internals changed: review reuseDeflatedStreams() before upgrading pdf-lib');
  const flateStream = context.flateStream.bind(context);
  context.flateStream = (contents, dict = {}) => {
    const raw = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
    // A ToUnicode map is ASCII; anything else goes the ordinary way.
    if (typeof contents === 'string' && raw.length !== contents.length) return flateStream(contents, dict);
    const known = deflatedStreams.get(raw.length)?.find((entry) => sameBytes(entry.raw, raw));
    if (known) return context.stream(known.deflated, { ...dict, Filter: 'FlateDecode' });
    const stream = flateStream(contents, dict);
    const deflated = stream.contents;
    if (deflated instanceof Uint8Array) {
      const entries = deflatedStreams.get(raw.length) ?? [];
      entries.push({ raw: raw.slice(), deflated });
      deflatedStreams.set(raw.length, entries);
      deflatedKeptBytes += raw.length;
      if (deflatedKeptBytes > DEFLATED_KEPT_BYTES) {
        deflatedStreams.clear();
        deflatedKeptBytes = 0;
      }
    }
    return stream;
  };
}

/** Draws a laid-out document into a PDF with subset-embedded fonts. */
export async function drawDocument(
  prepared: PreparedDocument,
  fonts: DocumentFonts,
  meta: { now: Date; variant: DocumentVariant },
): Promise<Uint8Array> {
  const { layout, resolved } = prepared;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkitForPdfLib);
  reuseDeflatedStreams(pdf);
  const textOf = (face: Face) =>
    layout.ops.map((op) => (op.kind === 'text' && op.face === face ? op.text : '')).join('');
  const regular = await embedSubset(pdf, fonts.regular, textOf('regular'));
  const bold = layout.usesBold && fonts.bold ? await embedSubset(pdf, fonts.bold, textOf('bold')) : regular;
  const faces: Record<Face, PDFFont> = { regular, bold };
  for (let i = 0; i < layout.pageCount; i++)
    drawOps(pdf.addPage([PAGE.width, PAGE.height]), layout.ops, i, faces);

  const title = meta.variant === 'review' ? `${resolved.title.zh}（双语核对版）` : resolved.title.zh;
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setSubject(`${resolved.title.en} — ${resolved.templateId} v${resolved.templateVersion}`);
  pdf.setLanguage('zh-CN');
  pdf.setProducer('ICP Packet Studio');
  pdf.setCreator('ICP Packet Studio');
  pdf.setCreationDate(meta.now);
  pdf.setModificationDate(meta.now);
  return pdf.save();
}

/**
 * Renders one document of the packet as PDF bytes: the submission copy, or the bilingual review copy with
 * the English gloss under every block and 仅供核对 · For review only on every page.
 *
 * @throws DocumentError `unknownTemplate` for an id no template has; `unsupportedCharacters` when the case
 *   holds characters the font cannot print (they would come out as empty boxes).
 */
export async function renderDocument(
  templateOrId: string | DocumentTemplate,
  caseData: Case,
  options: RenderOptions,
): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const prepared = prepareDocument(templateOrId, caseData, { ...options, now });
  return drawDocument(prepared, options.fonts, { now, variant: options.variant });
}

/** Drawn documents a {@link keepingRenderer} keeps (~100 KB each): a packet's documents in both variants. */
const DRAWINGS_KEPT = 64;

/**
 * `renderDocument` for a process that exports the same case again and again (the app's main process, the
 * CLI's builds): it keeps the PDFs it drew, by everything a drawing depends on — the resolved content
 * (template, version and every value the case gives it, the date printed), the variant, the PDF timestamp
 * and the fonts (one renderer per fonts) — and hands out a copy when asked for the same again. Resolving is
 * cheap; laying out, drawing and saving are the cost. Benches of the renderer itself use `renderDocument`.
 */
export function keepingRenderer(
  fonts: DocumentFonts,
): (
  templateOrId: string | DocumentTemplate,
  caseData: Case,
  options: Omit<RenderOptions, 'fonts'>,
) => Promise<Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  return async (templateOrId, caseData, options) => {
    const now = options.now ?? new Date();
    const { template, resolved } = resolveForDrawing(templateOrId, caseData, { ...options, now });
    const key = JSON.stringify([options.variant, now.toISOString(), resolved]);
    let bytes = kept.get(key);
    if (!bytes) {
      const prepared = layoutResolved(template, resolved, { variant: options.variant, fonts });
      bytes = await drawDocument(prepared, fonts, { now, variant: options.variant });
      kept.set(key, bytes);
      if (kept.size > DRAWINGS_KEPT) kept.delete(kept.keys().next().value!);
    } else {
      // Most recently used last, so the oldest drawing is the one forgotten.
      kept.delete(key);
      kept.set(key, bytes);
    }
    return bytes.slice();
  };
}
