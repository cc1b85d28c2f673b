/**
 * The full packet: every document and scan in one PDF, with one bookmark (outline entry) per document so a
 * reviewer can jump straight to 营业执照 in a 60-page file.
 *
 * pdf-lib copies pages but has no outline API, so the /Outlines tree is built from its low-level objects:
 * an /Outlines dictionary whose items are linked by /Parent, /Prev and /Next, each pointing at the first page
 * of its document with an /XYZ destination (keeps the reader's zoom).
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFNull,
  StandardFonts,
  rgb,
  type PDFRef,
  type PDFPage,
} from 'pdf-lib';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 };
const IMAGE_MARGIN = 28;

/** A part of the merged file; parts with the same `group` are bookmarked under one parent entry. */
export type MergePart =
  | { title: string; kind: 'pdf'; bytes: Uint8Array; group?: string }
  | { title: string; kind: 'jpeg'; bytes: Uint8Array; width: number; height: number; group?: string };

export interface MergedPdf {
  bytes: Uint8Array;
  /** 1-based first and last page of each part, in input order. */
  ranges: { first: number; last: number }[];
}

/** Page count of a PDF, or null when pdf-lib cannot read it. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getPageCount();
  } catch {
    return null;
  }
}

async function addImagePage(
  target: PDFDocument,
  part: Extract<MergePart, { kind: 'jpeg' }>,
): Promise<PDFPage> {
  const image = await target.embedJpg(part.bytes);
  const landscape = part.width > part.height;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  const page = target.addPage([pageWidth, pageHeight]);
  const scale = Math.min(
    (pageWidth - 2 * IMAGE_MARGIN) / part.width,
    (pageHeight - 2 * IMAGE_MARGIN) / part.height,
  );
  const width = part.width * scale;
  const height = part.height * scale;
  page.drawImage(image, { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height });
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

/**
 * Merges the parts in order into one A4 PDF with a bookmark per part. `now` fixes the PDF dates so the same
 * case exported twice gives the same bytes.
 */
export async function mergeWithOutline(
  parts: readonly MergePart[],
  meta: { title: string; now: Date; producer: string; stampPages?: boolean },
): Promise<MergedPdf> {
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
    if (part.kind === 'jpeg') {
      const page = await addImagePage(target, part);
      outline.push({ title: part.title, page, ...(part.group ? { group: part.group } : {}) });
    } else {
      const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      const pages = await target.copyPages(source, source.getPageIndices());
      pages.forEach((page) => target.addPage(page));
      const firstPage = pages[0];
      if (firstPage)
        outline.push({ title: part.title, page: firstPage, ...(part.group ? { group: part.group } : {}) });
    }
    ranges.push({ first, last: target.getPageCount() });
  }
  addOutline(target, groupOutline(outline));
  if (meta.stampPages) await stampPages(target);
  const bytes = await target.save({ useObjectStreams: true });
  return { bytes, ranges };
}
