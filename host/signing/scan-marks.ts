/**
 * The verification marks on a returned scan, page by page: an image is one page; a PDF's pages are read
 * from the images it holds (a scanner's PDF is one picture per page — JPEG, or raw pixels compressed with
 * Flate). No PDF renderer is needed, and none ships: a PDF without page pictures is a digital document,
 * not a scan of signed paper.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { AttachmentMeta } from '../../core/model/case';
import type { CaseStore } from '../store/case-store';
import { parseMark, type SigningMark } from '../../core/documents/signing';
import { decodeQrCodes, type QrPixels } from '../qr';

/** What a scan's pages carry, and why a PDF could not be read as a scan. */
export interface ScanMarks {
  /** The marks found on each page (empty for a page without one). */
  pages: SigningMark[][];
  /**
   * A PDF whose pages hold no picture: a digital document (`app`: one this app wrote — the unsigned copy
   * itself) rather than a scan.
   */
  digital?: 'app' | 'other';
  /** Pages whose picture is stored in a way this app cannot decode (JPEG 2000, fax or JBIG2 compression). */
  undecodablePages: number[];
}

type PageImage = { kind: 'encoded'; bytes: Uint8Array } | { kind: 'pixels'; pixels: QrPixels };

function lookup(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

function filtersOf(doc: PDFDocument, dict: PDFDict): string[] {
  const filter = lookup(doc, dict.get(PDFName.of('Filter')));
  if (filter instanceof PDFName) return [filter.decodeText()];
  if (filter instanceof PDFArray)
    return filter.asArray().flatMap((f) => {
      const name = lookup(doc, f);
      return name instanceof PDFName ? [name.decodeText()] : [];
    });
  return [];
}

function numberOf(doc: PDFDocument, dict: PDFDict, key: string): number {
  const value = lookup(doc, dict.get(PDFName.of(key)));
  return value instanceof PDFNumber ? value.asNumber() : 0;
}

/** Colour components of an image's colour space (ICC-based: its N), or 0 when not a plain one. */
function componentsOf(doc: PDFDocument, dict: PDFDict): number {
  const space = lookup(doc, dict.get(PDFName.of('ColorSpace')));
  const name = space instanceof PDFName ? space.decodeText() : undefined;
  if (name === 'DeviceGray') return 1;
  if (name === 'DeviceRGB') return 3;
  if (name === 'DeviceCMYK') return 4;
  if (space instanceof PDFArray) {
    const kind = lookup(doc, space.get(0));
    const stream = lookup(doc, space.get(1));
    if (kind instanceof PDFName && kind.decodeText() === 'ICCBased' && stream instanceof PDFRawStream)
      return numberOf(doc, stream.dict, 'N');
  }
  return 0;
}

/** The image XObjects a page draws, directly or inside its form XObjects, largest first. */
function pageImages(doc: PDFDocument, page: PDFPage): PDFRawStream[] {
  const found: PDFRawStream[] = [];
  const visit = (resources: PDFObject | undefined, depth: number) => {
    const dict = lookup(doc, resources);
    if (!(dict instanceof PDFDict)) return;
    const xobjects = lookup(doc, dict.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict)) return;
    for (const value of xobjects.values()) {
      const stream = lookup(doc, value);
      if (!(stream instanceof PDFRawStream)) continue;
      const subtype = lookup(doc, stream.dict.get(PDFName.of('Subtype')));
      if (!(subtype instanceof PDFName)) continue;
      if (subtype.decodeText() === 'Image') found.push(stream);
      else if (subtype.decodeText() === 'Form' && depth < 3)
        visit(stream.dict.get(PDFName.of('Resources')), depth + 1);
    }
  };
  visit(page.node.get(PDFName.of('Resources')), 0);
  const area = (s: PDFRawStream) => numberOf(doc, s.dict, 'Width') * numberOf(doc, s.dict, 'Height');
  return found.sort((a, b) => area(b) - area(a));
}

/** A page picture the QR reader can take, or undefined when its compression is not one we decode. */
function decodeImage(doc: PDFDocument, stream: PDFRawStream): PageImage | undefined {
  const filters = filtersOf(doc, stream.dict);
  // A scanner's JPEG page is stored as it is: hand the JPEG bytes over whole.
  if (filters.length === 1 && filters[0] === 'DCTDecode') return { kind: 'encoded', bytes: stream.contents };
  if (filters.some((f) => f !== 'FlateDecode')) return undefined;
  const width = numberOf(doc, stream.dict, 'Width');
  const height = numberOf(doc, stream.dict, 'Height');
  const bits = numberOf(doc, stream.dict, 'BitsPerComponent');
  const components = componentsOf(doc, stream.dict);
  if (!width || !height || (components !== 1 && components !== 3) || (bits !== 8 && bits !== 1))
    return undefined;
  const raw = filters.length ? decodePDFRawStream(stream).decode() : stream.contents;
  if (bits === 8) {
    if (raw.length < width * height * components) return undefined;
    return {
      kind: 'pixels',
      pixels: { data: raw, width, height, channels: components === 3 ? 3 : 1 },
    };
  }
  // One bit per pixel, rows padded to whole bytes; 1 is white under the default decode array.
  const rowBytes = Math.ceil((width * components) / 8);
  if (components !== 1 || raw.length < rowBytes * height) return undefined;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      grey[y * width + x] = ((raw[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
  return { kind: 'pixels', pixels: { data: grey, width, height, channels: 1 } };
}

async function marksIn(image: PageImage): Promise<SigningMark[]> {
  const results = await decodeQrCodes(image.kind === 'encoded' ? image.bytes : image.pixels);
  return results.flatMap((r) => {
    const mark = parseMark(r.text);
    return mark ? [mark] : [];
  });
}

const PRODUCER = 'ICP Packet Studio';

/**
 * Marks already read in this process, by the SHA-256 of the file's bytes and its type. The marks are a pure
 * function of the bytes, so a file read again (every export reads each signed scan back) is answered from
 * here: only the hashing is paid again, not the image decoding and the QR search (~80 ms a page).
 */
const readBefore = new Map<string, Promise<ScanMarks>>();
/** Scans remembered at most (their marks are a few hundred bytes each); the oldest is forgotten first. */
const REMEMBERED = 512;

/**
 * The marks already read from the file whose bytes have this SHA-256, without reading it again; undefined
 * when this process has not read them (or the read failed).
 */
export function rememberedScanMarks(
  sha256: string,
  mediaType: AttachmentMeta['mediaType'],
): Promise<ScanMarks> | undefined {
  return readBefore.get(`${mediaType} ${sha256}`)?.then(copyMarks);
}

/** Reads the verification marks of a scan (an image, or a PDF of page pictures). */
export function readScanMarks(bytes: Uint8Array, mediaType: AttachmentMeta['mediaType']): Promise<ScanMarks> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = rememberedScanMarks(sha256, mediaType);
  if (known) return known;
  const key = `${mediaType} ${sha256}`;
  const reading = readScanMarksOnce(bytes, mediaType);
  readBefore.set(key, reading);
  if (readBefore.size > REMEMBERED) readBefore.delete(readBefore.keys().next().value!);
  // A failed read (a damaged file) is not remembered: the error is the caller's to show, every time.
  reading.catch(() => readBefore.delete(key));
  return reading.then(copyMarks);
}

/**
 * Where a case keeps the marks read from its signed scans, one note per scan by its SHA-256: the case
 * store's encrypted scan notes (authenticated with the store's key, so a case file edited by hand cannot
 * write one). The marks are a pure function of the bytes, so a later process — the next export — need not
 * decode the scan and search it for QR codes again (~100 MB of QR reader and pixels on its first build).
 */
export interface ScanMarksNotes {
  read(sha256: string): Promise<Uint8Array | undefined>;
  write(sha256: string, note: Uint8Array): Promise<void>;
}

/** The scan-note key of the marks (case-store notes are keyed by 16 hex digits): "signing marks, v1". */
export const MARKS_NOTE_KEY = createHash('sha256').update('signing-marks/1').digest('hex').slice(0, 16);

const MarksNoteSchema = z.object({
  mediaType: z.string().max(100),
  marks: z.object({
    pages: z
      .array(
        z
          .array(
            z.object({
              templateId: z.string().max(200),
              caseTag: z.string().max(200),
              version: z.string().max(200),
              page: z.number().int().min(0).max(10_000),
              pageCount: z.number().int().min(0).max(10_000),
            }),
          )
          .max(100),
      )
      .max(10_000),
    digital: z.enum(['app', 'other']).optional(),
    undecodablePages: z.array(z.number().int()).max(10_000),
  }),
});

/**
 * The marks of the scan whose bytes have this SHA-256: remembered by this process, or kept in `notes` by an
 * earlier one; undefined when neither has them (the caller reads the scan, {@link keepScanMarks}).
 */
export async function knownScanMarks(
  sha256: string,
  mediaType: AttachmentMeta['mediaType'],
  notes?: ScanMarksNotes,
): Promise<ScanMarks | undefined> {
  const remembered = rememberedScanMarks(sha256, mediaType);
  if (remembered) return remembered;
  const bytes = await notes?.read(sha256).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const note = MarksNoteSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    if (note.mediaType !== mediaType) return undefined;
    readBefore.set(`${mediaType} ${sha256}`, Promise.resolve(note.marks));
    return copyMarks(note.marks);
  } catch {
    return undefined;
  }
}

/** Keeps the marks read from a scan in `notes`, for later processes; a failed write only costs a re-read. */
export async function keepScanMarks(
  notes: ScanMarksNotes,
  sha256: string,
  mediaType: AttachmentMeta['mediaType'],
  marks: ScanMarks,
): Promise<void> {
  const note = new TextEncoder().encode(JSON.stringify({ mediaType, marks }));
  await notes.write(sha256, note).catch(() => undefined);
}

/** Keeps the marks this process read from an attachment's bytes (nothing when it has not read them). */
export async function keepReadScanMarks(
  notes: ScanMarksNotes,
  meta: Pick<AttachmentMeta, 'id' | 'mediaType'>,
): Promise<void> {
  const marks = await rememberedScanMarks(meta.id, meta.mediaType);
  if (marks) await keepScanMarks(notes, meta.id, meta.mediaType, marks);
}

/** The marks notes of a case in the encrypted store, beside its scans' other notes. */
export function storeScanMarksNotes(store: CaseStore, caseId: string): ScanMarksNotes {
  return {
    read: (sha256) => store.readScanNote(caseId, sha256, MARKS_NOTE_KEY),
    write: (sha256, note) => store.writeScanNote(caseId, sha256, MARKS_NOTE_KEY, note),
  };
}

/** A copy the caller may change without changing what is remembered. */
function copyMarks(marks: ScanMarks): ScanMarks {
  return structuredClone(marks);
}

async function readScanMarksOnce(
  bytes: Uint8Array,
  mediaType: AttachmentMeta['mediaType'],
): Promise<ScanMarks> {
  if (mediaType !== 'application/pdf')
    return { pages: [await marksIn({ kind: 'encoded', bytes })], undecodablePages: [] };

  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const pages: SigningMark[][] = [];
  const undecodablePages: number[] = [];
  let pictures = 0;
  for (const [index, page] of doc.getPages().entries()) {
    const images = pageImages(doc, page);
    if (images.length > 0) pictures++;
    let marks: SigningMark[] = [];
    let decodable = false;
    // The largest picture is the page; the others are tried when it carries no mark (a scanner that adds
    // a separate strip, a seal pasted as its own image).
    for (const stream of images.slice(0, 4)) {
      const image = decodeImage(doc, stream);
      if (!image) continue;
      decodable = true;
      marks = await marksIn(image);
      if (marks.length > 0) break;
    }
    if (images.length > 0 && !decodable) undecodablePages.push(index + 1);
    pages.push(marks);
  }
  if (pictures === 0)
    return { pages, undecodablePages, digital: doc.getProducer() === PRODUCER ? 'app' : 'other' };
  return { pages, undecodablePages };
}
