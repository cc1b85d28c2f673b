/**
 * Reading generated PDFs back the way a reviewer's software does: text through pdf.js (legacy build for
 * Node), fonts through pdf-lib's object model and fontkit. Test helper, not product code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create as createFont, type Font } from 'fontkit';
import {
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import type { DocumentFonts } from '../../../core/documents/font';

const root = path.resolve(import.meta.dirname, '../../..');

let fonts: DocumentFonts | undefined;
/** The bundled fonts, read once per test file. */
export function bundledFonts(): DocumentFonts {
  fonts ??= {
    regular: new Uint8Array(readFileSync(path.join(root, 'resources/fonts/NotoSansSC-Regular.ttf'))),
    bold: new Uint8Array(readFileSync(path.join(root, 'resources/fonts/NotoSansSC-Bold.ttf'))),
  };
  return fonts;
}

export interface PdfTextItem {
  page: number;
  text: string;
  /** Left edge and baseline in PDF units (origin bottom-left). */
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function extractText(bytes: Uint8Array): Promise<{ pageCount: number; items: PdfTextItem[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const items: PdfTextItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , x, y] = item.transform as number[];
      items.push({
        page: p - 1,
        text: item.str,
        x: x ?? 0,
        y: y ?? 0,
        width: item.width,
        size: Math.hypot(a ?? 0, b ?? 0),
      });
    }
  }
  const pageCount = doc.numPages;
  await doc.destroy();
  return { pageCount, items };
}

/** `s` without white space: pdf.js splits runs and places spaces as it likes, so text is compared without. */
export const compact = (s: string): string => s.replace(/\s+/g, '');

/** All the text of a PDF as one string, white space removed (see `compact`). */
export async function compactText(bytes: Uint8Array): Promise<string> {
  return compact((await extractText(bytes)).items.map((i) => i.text).join(''));
}

/** Text grouped into visual lines: same page, same baseline (to 0.5 pt), left to right; whitespace removed. */
export function linesOf(items: { page: number; x: number; y: number; text: string }[]): string[][] {
  const pages: Map<string, { x: number; text: string }[]>[] = [];
  for (const item of items) {
    const page = (pages[item.page] ??= new Map());
    const key = (Math.round(item.y * 2) / 2).toFixed(1);
    const line = page.get(key) ?? [];
    line.push({ x: item.x, text: item.text });
    page.set(key, line);
  }
  return [...pages].map((page) =>
    [...(page ?? new Map<string, { x: number; text: string }[]>()).entries()]
      .sort((a, b) => Number(b[0]) - Number(a[0]))
      .map(([, parts]) =>
        parts
          .sort((a, b) => a.x - b.x)
          .map((p) => p.text)
          .join(''),
      )
      .map(compact),
  );
}

export interface EmbeddedFont {
  baseFont: string;
  /** The decoded FontFile2 bytes. */
  bytes: Uint8Array;
  /** Glyph id in the embedded font → the text it stands for (from the ToUnicode CMap). */
  toUnicode: Map<number, string>;
}

function resolve(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
}

function streamBytes(doc: PDFDocument, obj: PDFObject | undefined): Uint8Array {
  const stream = resolve(doc, obj);
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
  return decodePDFRawStream(stream).decode();
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const match of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
    const units = (match[2] ?? '').match(/.{4}/g) ?? [];
    map.set(parseInt(match[1] ?? '0', 16), String.fromCharCode(...units.map((u) => parseInt(u, 16))));
  }
  return map;
}

/** Every Type0 font embedded in the PDF, with its subset program and glyph→text map. */
export async function embeddedFonts(bytes: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fontsFound: EmbeddedFont[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const descendants = resolve(doc, obj.get(PDFName.of('DescendantFonts')));
    const cidFont = resolve(doc, (descendants as unknown as { get(i: number): PDFObject }).get(0)) as PDFDict;
    const descriptor = resolve(doc, cidFont.get(PDFName.of('FontDescriptor'))) as PDFDict;
    const cmap = new TextDecoder().decode(streamBytes(doc, obj.get(PDFName.of('ToUnicode'))));
    fontsFound.push({
      baseFont: String(obj.get(PDFName.of('BaseFont'))).replace(/^\//, ''),
      bytes: streamBytes(doc, descriptor.get(PDFName.of('FontFile2'))),
      toUnicode: parseToUnicode(cmap),
    });
  }
  return fontsFound;
}

/** Parses font bytes with fontkit, independently of the renderer's cached instances. */
export function parseIndependently(bytes: Uint8Array): Font {
  const font = createFont(Buffer.from(bytes));
  if (!('unitsPerEm' in font)) throw new Error('not a single font');
  return font;
}
