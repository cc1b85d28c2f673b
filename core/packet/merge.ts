/**
 * The full packet: every document and scan in one PDF, with one bookmark (outline entry) per document so a
 * reviewer can jump straight to 营业执照 in a 60-page file.
 *
 * pdf-lib copies pages but has no outline API, so the /Outlines tree is built from its low-level objects:
 * an /Outlines dictionary whose items are linked by /Parent, /Prev and /Next, each pointing at the first page
 * of its document with an /XYZ destination (keeps the reader's zoom).
 */
import type { PDFDict } from 'pdf-lib';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFNull,
  PDFStream,
  PDFWriter,
  StandardFonts,
  degrees,
  rgb,
  drawImage,
  type PDFObject,
  type PDFRef,
  type PDFPage,
} from 'pdf-lib';
import type { LazyFile, ScanSink, ScanSource } from './types';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 };
const IMAGE_MARGIN = 28;

/** A part of the merged file; parts with the same `group` are bookmarked under one parent entry. */
export type MergePart =
  | {
      title: string;
      kind: 'pdf';
      bytes: Uint8Array;
      /** `bytes` already parsed ({@link loadPdf}), so the merge does not parse them again. */
      parsed?: PDFDocument;
      group?: string;
    }
  | { title: string; kind: 'jpeg'; bytes: Uint8Array; width: number; height: number; group?: string }
  /** A scan whose bytes are read only while the merged file is written (see {@link mergeWithOutlineStreamed}). */
  | { title: string; kind: 'scan'; scan: ScanSource; group?: string };

export interface MergedPdf {
  bytes: Uint8Array;
  /** 1-based first and last page of each part, in input order. */
  ranges: { first: number; last: number }[];
}

/** A PDF parsed the way the merge reads its parts; null when pdf-lib cannot read it. */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
}

/** Page count of a PDF, or null when pdf-lib cannot read it. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  return (await loadPdf(bytes))?.getPageCount() ?? null;
}

/** An A4 page in the scan's orientation and the box the scan fills, centred within the margins. */
function imagePage(target: PDFDocument, pixels: { width: number; height: number }) {
  const landscape = pixels.width > pixels.height;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  const page = target.addPage([pageWidth, pageHeight]);
  const scale = Math.min(
    (pageWidth - 2 * IMAGE_MARGIN) / pixels.width,
    (pageHeight - 2 * IMAGE_MARGIN) / pixels.height,
  );
  const width = pixels.width * scale;
  const height = pixels.height * scale;
  return { page, box: { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height } };
}

async function addImagePage(
  target: PDFDocument,
  part: Extract<MergePart, { kind: 'jpeg' }>,
): Promise<PDFPage> {
  const image = await target.embedJpg(part.bytes);
  const { page, box } = imagePage(target, part);
  page.drawImage(image, box);
  return page;
}

/**
 * An image XObject whose JPEG bytes are not in memory: the dictionary (with the right /Length) takes part in
 * pdf-lib's layout and cross-reference offsets like any object, and {@link serialise} writes the bytes from
 * `scan.read()` when it reaches it. Never serialised by pdf-lib itself.
 */
class DeferredJpeg extends PDFStream {
  constructor(
    dict: PDFDict,
    readonly scan: ScanSource,
  ) {
    super(dict);
  }
  override getContentsSize(): number {
    return this.scan.size;
  }
  override getContents(): Uint8Array {
    throw new Error('a deferred scan is written by serialise(), not pdf-lib');
  }
  override getContentsString(): string {
    return this.getContents().toString();
  }
  override clone(): DeferredJpeg {
    return new DeferredJpeg(this.dict.clone(), this.scan);
  }
}

const COLOUR_SPACES = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' } as const;

function addScanPage(target: PDFDocument, scan: ScanSource): PDFPage {
  const context = target.context;
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: 8,
    Width: scan.width,
    Height: scan.height,
    ColorSpace: COLOUR_SPACES[scan.components],
    Filter: 'DCTDecode',
    // Adobe CMYK JPEGs are stored inverted (what pdf-lib's own JPEG embedder does too).
    ...(scan.components === 4 ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
  });
  const ref = context.register(new DeferredJpeg(dict, scan));
  const { page, box } = imagePage(target, scan);
  const name = page.node.newXObject('Image', ref);
  page.pushOperators(
    ...drawImage(name, { ...box, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }),
  );
  return page;
}

interface OutlineEntry {
  title: string;
  page: PDFPage;
  children?: OutlineEntry[];
}

/** Writes one level of the outline under `parent`; returns the number of entries shown (all open). */
function writeOutlineLevel(
  doc: PDFDocument,
  entries: OutlineEntry[],
  parent: PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const context = doc.context;
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  let count = entries.length;
  entries.forEach((entry, i) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), parent);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    item.set(PDFName.of('Dest'), context.obj([entry.page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
    if (entry.children?.length) {
      const child = writeOutlineLevel(doc, entry.children, refs[i] as PDFRef);
      item.set(PDFName.of('First'), child.first);
      item.set(PDFName.of('Last'), child.last);
      // A positive count: the group opens with its children showing.
      item.set(PDFName.of('Count'), PDFNumber.of(child.count));
      count += child.count;
    }
    context.assign(refs[i] as PDFRef, item);
  });
  return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, count };
}

function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const level = writeOutlineLevel(doc, entries, outlinesRef);
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), level.first);
  outlines.set(PDFName.of('Last'), level.last);
  outlines.set(PDFName.of('Count'), PDFNumber.of(level.count));
  context.assign(outlinesRef, outlines);
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  // Open with the bookmarks panel showing: the point of the merged file is navigation.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Parts in order, consecutive parts of one group under a parent entry at the group's first page. */
function groupOutline(entries: { title: string; page: PDFPage; group?: string }[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      out.push({ title: entry.title, page: entry.page });
      continue;
    }
    const last = out.at(-1);
    if (last?.children && last.title === entry.group)
      last.children.push({ title: entry.title, page: entry.page });
    else
      out.push({
        title: entry.group,
        page: entry.page,
        children: [{ title: entry.title, page: entry.page }],
      });
  }
  return out;
}

/**
 * The packet page number in the top right corner of every page ("12 / 40"), so the index's page numbers
 * can be found on paper and in any viewer. Digits only, in a standard font: nothing to embed.
 */
async function stampPages(doc: PDFDocument): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const total = doc.getPageCount();
  doc.getPages().forEach((page, i) => {
    const text = `${i + 1} / ${total}`;
    const size = 9;
    const width = font.widthOfTextAtSize(text, size);
    const { width: pageWidth, height: pageHeight } = page.getSize();
    const x = pageWidth - 28 - width;
    const y = pageHeight - 22;
    page.drawRectangle({
      x: x - 4,
      y: y - 3,
      width: width + 8,
      height: size + 5,
      color: rgb(1, 1, 1),
      borderColor: rgb(0.45, 0.45, 0.45),
      borderWidth: 0.5,
    });
    page.drawText(text, { x, y, size, font, color: rgb(0.2, 0.2, 0.2) });
  });
}

async function build(
  parts: readonly MergePart[],
  meta: { title: string; now: Date; producer: string; stampPages?: boolean },
): Promise<{ target: PDFDocument; ranges: { first: number; last: number }[] }> {
  const target = await PDFDocument.create({ updateMetadata: false });
  target.setTitle(meta.title, { showInWindowTitleBar: true });
  target.setProducer(meta.producer);
  target.setCreator(meta.producer);
  target.setCreationDate(meta.now);
  target.setModificationDate(meta.now);
  target.setLanguage('zh-CN');

  const ranges: { first: number; last: number }[] = [];
  const outline: { title: string; page: PDFPage; group?: string }[] = [];
  for (const part of parts) {
    const first = target.getPageCount() + 1;
    const group = part.group ? { group: part.group } : {};
    if (part.kind === 'jpeg') {
      outline.push({ title: part.title, page: await addImagePage(target, part), ...group });
    } else if (part.kind === 'scan') {
      outline.push({ title: part.title, page: addScanPage(target, part.scan), ...group });
    } else {
      // copyPages only reads its source, so a document parsed to count its pages is merged as it is.
      const source = part.parsed ?? (await PDFDocument.load(part.bytes, { updateMetadata: false }));
      const pages = await target.copyPages(source, source.getPageIndices());
      pages.forEach((page) => target.addPage(page));
      const firstPage = pages[0];
      if (firstPage) outline.push({ title: part.title, page: firstPage, ...group });
    }
    ranges.push({ first, last: target.getPageCount() });
  }
  addOutline(target, groupOutline(outline));
  if (meta.stampPages) await stampPages(target);
  return { target, ranges };
}

/**
 * Merges the parts in order into one A4 PDF with a bookmark per part. `now` fixes the PDF dates so the same
 * case exported twice gives the same bytes.
 */
export async function mergeWithOutline(
  parts: readonly MergePart[],
  meta: { title: string; now: Date; producer: string; stampPages?: boolean },
): Promise<MergedPdf> {
  if (parts.some((p) => p.kind === 'scan')) throw new Error('scans need mergeWithOutlineStreamed');
  const { target, ranges } = await build(parts, meta);
  const bytes = await target.save({ useObjectStreams: true });
  return { bytes, ranges };
}

/** A scan's bytes in pieces: its own stream when it has one (the case store's), else `read()` whole. */
export async function* scanChunks(scan: ScanSource): AsyncGenerator<Uint8Array> {
  if (scan.stream) yield* scan.stream();
  else yield await scan.read();
}

/** What pdf-lib's writer works out before it writes: every object with its offset, the xref and trailer. */
interface Layout {
  size: number;
  header: { copyBytesInto(buffer: Uint8Array, offset: number): number };
  indirectObjects: [PDFRef, PDFObject][];
  xref: PDFObject;
  trailerDict: PDFObject;
  trailer: PDFObject;
}

const CHUNK = 256 * 1024;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const STREAM_START = ascii('\nstream\n');
const STREAM_END = ascii('\nendstream\nendobj\n\n');

/**
 * Writes the document as pdf-lib's classic writer lays it out (header, objects, xref table, trailer), in
 * chunks of about 256 KB, fetching each deferred scan's bytes only when its object comes up, piece by piece
 * when its source streams (at most one scan in memory, however many the packet holds).
 */
async function* serialise(layout: Layout, onScan?: ScanSink): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(CHUNK);
  let used = 0;
  function* flush(): Generator<Uint8Array> {
    if (used > 0) yield buffer.subarray(0, used);
    buffer = new Uint8Array(CHUNK);
    used = 0;
  }
  function* put(size: number, copy: (into: Uint8Array, at: number) => number): Generator<Uint8Array> {
    if (used + size > buffer.length) yield* flush();
    if (size > buffer.length) {
      const big = new Uint8Array(size);
      copy(big, 0);
      yield big;
      return;
    }
    used += copy(buffer, used);
  }
  const bytes = (data: Uint8Array) =>
    put(data.length, (into, at) => {
      into.set(data, at);
      return data.length;
    });

  const header = new Uint8Array(64);
  const headerSize = layout.header.copyBytesInto(header, 0);
  yield* bytes(header.subarray(0, headerSize));
  yield* bytes(ascii('\n\n'));
  for (const [ref, object] of layout.indirectObjects) {
    yield* bytes(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    if (object instanceof DeferredJpeg) {
      yield* put(object.dict.sizeInBytes(), (into, at) => object.dict.copyBytesInto(into, at));
      yield* bytes(STREAM_START);
      yield* flush();
      let size = 0;
      for await (const piece of scanChunks(object.scan)) {
        size += piece.length;
        if (size > object.scan.size) throw new Error('scan changed size while the packet was written');
        await onScan?.chunk(object.scan, piece);
        yield piece;
      }
      if (size !== object.scan.size) throw new Error('scan changed size while the packet was written');
      await onScan?.end(object.scan);
      yield* bytes(STREAM_END);
      continue;
    }
    yield* put(object.sizeInBytes(), (into, at) => object.copyBytesInto(into, at));
    yield* bytes(ascii('\nendobj\n\n'));
  }
  yield* put(layout.xref.sizeInBytes(), (into, at) => layout.xref.copyBytesInto(into, at));
  yield* bytes(ascii('\n'));
  yield* put(layout.trailerDict.sizeInBytes(), (into, at) => layout.trailerDict.copyBytesInto(into, at));
  yield* bytes(ascii('\n\n'));
  yield* put(layout.trailer.sizeInBytes(), (into, at) => layout.trailer.copyBytesInto(into, at));
  yield* flush();
}

export interface StreamedPdf {
  file: LazyFile;
  /** 1-based first and last page of each part, in input order. */
  ranges: { first: number; last: number }[];
}

/**
 * {@link mergeWithOutline} for a packet of scans: the page tree, documents and bookmarks are built in memory
 * (small), the scans' JPEG bytes are not — `file.chunks()` writes the PDF in order, reading each scan when
 * its image comes up, and hands it to `chunks(onScan)`'s sink. `chunks()` may be called more than once (hash,
 * then write); each call reads the scans again. No object streams: the scans dominate the size, and the classic layout can be written in one pass.
 */
export async function mergeWithOutlineStreamed(
  parts: readonly MergePart[],
  meta: { title: string; now: Date; producer: string; stampPages?: boolean },
): Promise<StreamedPdf> {
  const { target, ranges } = await build(parts, meta);
  await target.flush();
  const writer = PDFWriter.forContext(target.context, Number.MAX_SAFE_INTEGER) as unknown as {
    computeBufferSize(): Promise<Layout>;
  };
  const layout = await writer.computeBufferSize();
  return {
    ranges,
    file: { size: layout.size, chunks: (onScan) => serialise(layout, onScan) },
  };
}
