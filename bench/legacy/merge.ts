// BENCH ONLY: the packet path as it was before issue 13 (commit b566e52), kept for `npm run bench`'s
// old-vs-new comparison in the same run. Not used by the app or the CLI; do not fix or extend.

/**
 * The full packet: every document and scan in one PDF, with one bookmark (outline entry) per document so a
 * reviewer can jump straight to 营业执照 in a 60-page file.
 *
 * pdf-lib copies pages but has no outline API, so the /Outlines tree is built from its low-level objects:
 * an /Outlines dictionary whose items are linked by /Parent, /Prev and /Next, each pointing at the first page
 * of its document with an /XYZ destination (keeps the reader's zoom).
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull, type PDFRef, type PDFPage } from 'pdf-lib';

/** A4 in PDF points. */
export const A4 = { width: 595.28, height: 841.89 };
const IMAGE_MARGIN = 28;

export type MergePart =
  | { title: string; kind: 'pdf'; bytes: Uint8Array }
  | { title: string; kind: 'jpeg'; bytes: Uint8Array; width: number; height: number };

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

function addOutline(doc: PDFDocument, entries: { title: string; page: PDFPage }[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const itemRefs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), outlinesRef);
    const prev = itemRefs[i - 1];
    const next = itemRefs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    const destination = context.obj([entry.page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]);
    item.set(PDFName.of('Dest'), destination);
    context.assign(itemRefs[i] as PDFRef, item);
  });
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), itemRefs[0] as PDFRef);
  outlines.set(PDFName.of('Last'), itemRefs[itemRefs.length - 1] as PDFRef);
  outlines.set(PDFName.of('Count'), PDFNumber.of(entries.length));
  context.assign(outlinesRef, outlines);
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  // Open with the bookmarks panel showing: the point of the merged file is navigation.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Merges the parts in order into one A4 PDF with a bookmark per part. `now` fixes the PDF dates so the same
 * case exported twice gives the same bytes.
 */
export async function mergeWithOutline(
  parts: readonly MergePart[],
  meta: { title: string; now: Date; producer: string },
): Promise<MergedPdf> {
  const target = await PDFDocument.create({ updateMetadata: false });
  target.setTitle(meta.title, { showInWindowTitleBar: true });
  target.setProducer(meta.producer);
  target.setCreator(meta.producer);
  target.setCreationDate(meta.now);
  target.setModificationDate(meta.now);
  target.setLanguage('zh-CN');

  const ranges: { first: number; last: number }[] = [];
  const outline: { title: string; page: PDFPage }[] = [];
  for (const part of parts) {
    const first = target.getPageCount() + 1;
    if (part.kind === 'jpeg') {
      outline.push({ title: part.title, page: await addImagePage(target, part) });
    } else {
      const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      const pages = await target.copyPages(source, source.getPageIndices());
      pages.forEach((page) => target.addPage(page));
      const firstPage = pages[0];
      if (firstPage) outline.push({ title: part.title, page: firstPage });
    }
    ranges.push({ first, last: target.getPageCount() });
  }
  addOutline(target, outline);
  const bytes = await target.save({ useObjectStreams: true });
  return { bytes, ranges };
}
