/**
 * Whether a scan is whole: every image decoded to its last pixel, every PDF parsed to its last object (issue 22
 * point 2). Reading the header only let a JPEG cut in half — or to its first 600 bytes — through, and the
 * packet then carried the fragment as 营业执照.jpg.
 *
 * When it runs (and why not on every build):
 * - when a file is attached (case-store addAttachment) and when an `.icpcase` is imported: before anything is
 *   stored. A stored file is then proven intact for good — it is content-addressed by its SHA-256 and sealed
 *   with AES-256-GCM, and every read checks both — so the app never decodes it again to prove it. The app's
 *   `attachment:add` proves an image by the full-size decode that makes its normalised copy (the scan cache's
 *   `checkImage`), so a photo is decoded once when attached; this check runs where that decode does not prove
 *   it (no profile can take the file, or it is shrunk to half or less);
 * - when a scan is normalised (host/packet/normalise-image.ts), which is the first build of a scan that has no
 *   normalised copy yet: a CLI `case.json` whose scans lie on disk, or an `.icpcase` read by the CLI. A scan
 *   whose normalised copy exists was decoded when that copy was made; later builds stream the copy;
 * - a PDF of a CLI case is parsed when the build reads it (a PDF has no normalised copy to vouch for it).
 *
 * A decompression bomb (a 30,000 × 30,000 PNG is 2.7 GB of pixels in 2.6 MB) is refused from its header,
 * before any pixel is decoded. sharp and pdf-lib load on first use: `icp-packet check` never needs them.
 */
import type { AttachmentMeta } from '../../core/model/case';
import { loadSharp } from '../packet/sharp';
import { StoreError } from './errors';

/** The most pixels a scan may have: a 600 dpi A3 page is 70 MP; a phone's 50 MP photo passes too. */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** The most pages an attached PDF may have (a business plan with annexes is under 200). */
export const MAX_PDF_PAGES = 1000;
/** The most bytes one compressed stream of a PDF may inflate to: a page of a 600 dpi scan is ~100 MB raw. */
const MAX_STREAM_BYTES = 256 * 1024 * 1024;

type ImageType = Exclude<AttachmentMeta['mediaType'], 'application/pdf'>;

/** Refuses an image with more pixels than {@link MAX_IMAGE_PIXELS}, from the size its header declares. */
export function assertPixelBudget(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new StoreError('attachmentTooManyPixels', {
      width,
      height,
      maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000,
    });
  }
}

/**
 * Decodes every pixel of a JPEG or PNG; throws `attachmentUnreadable` when it is cut short or damaged, or is
 * not the format it claims (an SVG behind a PNG signature), and `attachmentTooManyPixels` for a bomb.
 */
export async function verifyImage(bytes: Uint8Array, mediaType: ImageType): Promise<void> {
  const sharp = await loadSharp();
  const expected = mediaType === 'image/png' ? 'png' : 'jpeg';
  try {
    // failOn 'warning': libjpeg's "premature end of JPEG image" is only a warning to it, and exactly the damage.
    const image = sharp(bytes, {
      failOn: 'warning',
      limitInputPixels: MAX_IMAGE_PIXELS,
      sequentialRead: true,
    });
    const meta = await image.metadata();
    if (meta.format !== expected) throw new Error(`format ${meta.format}`);
    assertPixelBudget(meta.width, meta.height);
    // stats() runs the whole decode without keeping the pixels. Not a reduced decode: libjpeg's DCT scaling
    // (shrink-on-load) at 1/4 or 1/8 let through a JPEG whose last rows were cut off behind a kept end marker.
    await image.stats();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('attachmentUnreadable', {
      found: expected,
      reason: (error instanceof Error ? error.message : String(error)).slice(0, 200),
    });
  }
}

/**
 * Parses a PDF completely: its end-of-file marker, every object (a damaged one fails), at least one page, every
 * Flate stream inflated (bounded) and every JPEG image in it decoded. Returns the page count.
 */
export async function verifyPdf(bytes: Uint8Array): Promise<number> {
  const unreadable = (reason: string) => new StoreError('attachmentUnreadable', { found: 'pdf', reason });
  // The spec puts %%EOF on the last line; readers allow up to 1 KB of trailing junk. A cut PDF has none.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) throw unreadable('noEndOfFile');
  const { PDFDocument, PDFName, PDFArray, PDFRawStream } = await import('pdf-lib');
  let doc: Awaited<ReturnType<typeof PDFDocument.load>>;
  try {
    // Encrypted (owner-password) PDFs still have a readable page tree; portals accept them.
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
  } catch (error) {
    throw unreadable((error instanceof Error ? error.message : String(error)).slice(0, 200));
  }
  const pages = doc.getPageCount();
  if (pages === 0) throw unreadable('noPages');
  if (pages > MAX_PDF_PAGES) throw unreadable(`pages ${pages} > ${MAX_PDF_PAGES}`);
  if (doc.isEncrypted) return pages; // streams are encrypted: the page tree is all that can be checked
  const { inflateSync, constants } = await import('node:zlib');
  const sharp = await loadSharp();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const filter = object.dict.get(PDFName.of('Filter'));
    const filters =
      filter instanceof PDFArray
        ? filter.asArray().map(String)
        : filter === undefined
          ? []
          : [String(filter)];
    let data: Uint8Array = object.contents;
    try {
      for (const name of filters) {
        if (name === '/FlateDecode') {
          // Z_SYNC_FLUSH: some writers omit the final checksum, which readers accept; bad data still throws.
          data = inflateSync(data, {
            finishFlush: constants.Z_SYNC_FLUSH,
            maxOutputLength: MAX_STREAM_BYTES,
          });
        } else if (name === '/DCTDecode') {
          const image = sharp(data, {
            failOn: 'warning',
            limitInputPixels: MAX_IMAGE_PIXELS,
            sequentialRead: true,
          });
          await image.stats();
        } else break; // JPX, JBIG2, CCITT …: passed as they are (no decoder here)
      }
    } catch (error) {
      throw unreadable(`stream: ${(error instanceof Error ? error.message : String(error)).slice(0, 160)}`);
    }
  }
  return pages;
}
