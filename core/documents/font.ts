/**
 * Fonts for generated documents: upstream fontkit 2 behind the fontkit-1 API pdf-lib expects.
 *
 * Why not @pdf-lib/fontkit: its TrueType subsetter blanks most glyphs of subsets under ~128 KiB (a title, a
 * short letter), and text extraction still looks fine, so only an outline comparison notices
 * (TECH-NOTES "Chinese PDFs with pdf-lib"). Upstream fontkit 2 subsets correctly but renamed
 * `subset.encodeStream()` to `subset.encode()`; the adapter below restores the old name.
 *
 * Parsing Noto Sans SC (10 MB) takes a few hundred milliseconds, so each font is parsed once per process and
 * shared by every document (keyed by the identity of the bytes the caller loaded once).
 */
import { create as createFontkitFont } from 'fontkit';
import type { Font as FontkitFont, Subset as FontkitSubset } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

/** The font files a document is set in; the caller reads them once (the core does no I/O). */
export interface DocumentFonts {
  regular: Uint8Array;
  /** Titles and headings; the regular face is used when absent. */
  bold?: Uint8Array;
}

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** The fontkit-1 streaming shape pdf-lib's subset embedder consumes: `data` once, then `end`. */
interface EncodeStream {
  on(event: 'data' | 'end' | 'error', listener: (arg?: unknown) => void): EncodeStream;
}

type LegacySubset = FontkitSubset & { encodeStream?: () => EncodeStream };

const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/** Emits `bytes` as fontkit 1 did: listeners are attached in a chain, so emission waits for a microtask. */
function streamOf(produce: () => Uint8Array): EncodeStream {
  const listeners: Record<string, ((arg?: unknown) => void)[]> = { data: [], end: [], error: [] };
  void Promise.resolve().then(() => {
    let bytes: Uint8Array;
    try {
      bytes = produce();
    } catch (error) {
      for (const l of listeners.error ?? []) l(error);
      return;
    }
    for (const l of listeners.data ?? []) l(bytes);
    for (const l of listeners.end ?? []) l();
  });
  const stream: EncodeStream = {
    on(event, listener) {
      listeners[event]?.push(listener);
      return stream;
    },
  };
  return stream;
}

/** Encoded subsets kept per font: enough for every document of a packet, in both variants. */
const SUBSETS_KEPT = 128;

/**
 * Adds fontkit 1's `encodeStream()`, and remembers each encoded subset by its glyph list: a subset's bytes
 * are a function of the font and the glyphs in the order they were included, and the same document drawn
 * again (every export of a case; the index and review copies) includes the same glyphs in the same order.
 * Encoding a Chinese subset costs ~5–15 ms; looking it up, nothing.
 */
function withLegacySubsetApi(font: FontkitFont): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  const encoded = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset() as LegacySubset & { glyphs?: number[] };
    const encode = () => {
      if (!Array.isArray(subset.glyphs)) return subset.encode();
      const key = subset.glyphs.join(',');
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = subset.encode();
        encoded.set(key, bytes);
        if (encoded.size > SUBSETS_KEPT) encoded.delete(encoded.keys().next().value!);
      }
      return bytes;
    };
    subset.encodeStream = () => streamOf(encode);
    return subset;
  };
  return font;
}

/** The parsed font for these bytes, parsed on first use and then reused for the life of the process. */
export function parseFont(bytes: Uint8Array): FontkitFont {
  let font = parsedFonts.get(bytes);
  if (!font) {
    // fontkit's types say Buffer; fontkit 2 reads any Uint8Array (it runs in browsers too).
    const created = createFontkitFont(bytes as Parameters<typeof createFontkitFont>[0]);
    if (!('unitsPerEm' in created)) throw new Error('Font collections are not supported for documents.');
    font = withLegacySubsetApi(created);
    parsedFonts.set(bytes, font);
  }
  return font;
}

/** What `pdfDoc.registerFontkit()` receives: fontkit 2 with fontkit 1's subset streaming and a parse cache. */
export const fontkitForPdfLib = {
  create: (bytes: Uint8Array) => parseFont(bytes),
} as unknown as PdfLibFontkit;

/**
 * Advance widths per code point, so line breaking measures text without shaping it. The glyph drawn for a
 * character is the one the font's cmap gives (see render.ts), so measurement and drawing cannot disagree.
 */
export class FontMetrics {
  /** Code point → [glyph id, advance width in font units]; id 0 means the font lacks the character. */
  private readonly glyphs = new Map<number, [number, number]>();
  readonly unitsPerEm: number;

  constructor(readonly font: FontkitFont) {
    this.unitsPerEm = font.unitsPerEm;
  }

  private glyphOf(codePoint: number): [number, number] {
    let entry = this.glyphs.get(codePoint);
    if (!entry) {
      const glyph = this.font.glyphForCodePoint(codePoint);
      entry = [glyph.id, glyph.advanceWidth];
      this.glyphs.set(codePoint, entry);
    }
    return entry;
  }

  /** Width in points of `text` set at `size` points (advance widths; the documents use no kerning). */
  widthOf(text: string, size: number): number {
    let units = 0;
    for (const char of text) units += this.glyphOf(char.codePointAt(0) ?? 0)[1];
    return (units * size) / this.unitsPerEm;
  }

  /** The characters of `text` the font has no glyph for (they would print as empty boxes). */
  missingCharacters(text: string): string[] {
    const missing = new Set<string>();
    for (const char of text) {
      if (/\s/.test(char)) continue;
      if (this.glyphOf(char.codePointAt(0) ?? 0)[0] === 0) missing.add(char);
    }
    return [...missing];
  }
}

const metricsCache = new WeakMap<FontkitFont, FontMetrics>();

export function metricsFor(bytes: Uint8Array): FontMetrics {
  const font = parseFont(bytes);
  let metrics = metricsCache.get(font);
  if (!metrics) {
    metrics = new FontMetrics(font);
    metricsCache.set(font, metrics);
  }
  return metrics;
}
