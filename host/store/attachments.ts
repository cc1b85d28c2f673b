/**
 * What an incoming file really is, judged from its bytes (never its name or extension), and the facts the
 * checklist needs: pixel size for images, page count for PDFs. Only JPEG, PNG and PDF are accepted — what
 * the filing portals take; anything else is refused with the name of what was found, so the user knows
 * what to convert.
 */
import { createHash } from 'node:crypto';
import type { AttachmentMeta } from '../../core/model/case';
import { StoreError } from './errors';
import { assertPixelBudget, verifyImage, verifyPdf } from './verify-media';

/** Portal uploads are far smaller; 20 MB leaves room for a multi-page scanned PDF. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type AcceptedMediaType = AttachmentMeta['mediaType'];

/** What the bytes turned out to be; the refusal message names it. */
export type SniffedKind =
  | { accepted: true; mediaType: AcceptedMediaType }
  | {
      accepted: false;
      found:
        | 'gif'
        | 'webp'
        | 'heic'
        | 'avif'
        | 'tiff'
        | 'bmp'
        | 'svg'
        | 'zip'
        | 'officeDocument'
        | 'executable'
        | 'empty'
        | 'unknown';
    };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, to)).toString('latin1');
}

export function sniffMediaType(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return { accepted: false, found: 'empty' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { accepted: true, mediaType: 'image/png' };
  }
  // The PDF spec lets `%PDF-` appear anywhere in the first 1024 bytes (some scanners prepend junk).
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { accepted: true, mediaType: 'application/pdf' };
  const head = ascii(bytes, 0, 16);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return { accepted: false, found: 'gif' };
  if (head.startsWith('RIFF') && ascii(bytes, 8, 12) === 'WEBP') return { accepted: false, found: 'webp' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return { accepted: false, found: 'avif' };
    if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1', 'heim', 'heis'].includes(brand)) {
      return { accepted: false, found: 'heic' };
    }
  }
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return { accepted: false, found: 'tiff' };
  if (head.startsWith('BM')) return { accepted: false, found: 'bmp' };
  // A drawing, not a scan (and renderers would run what it embeds): named .png it is still an SVG.
  if (/^(\ufeff)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(svg|!DOCTYPE svg)/i.test(ascii(bytes, 0, 1024)))
    return { accepted: false, found: 'svg' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { accepted: false, found: 'officeDocument' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // .docx/.xlsx/.pptx are zips whose first entries name the Office parts.
    const names = ascii(bytes, 0, 4096);
    const office = ['[Content_Types].xml', 'word/', 'xl/', 'ppt/', 'docProps/'].some((n) =>
      names.includes(n),
    );
    return { accepted: false, found: office ? 'officeDocument' : 'zip' };
  }
  if (
    head.startsWith('MZ') ||
    head.startsWith('\x7fELF') ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])
  ) {
    return { accepted: false, found: 'executable' };
  }
  return { accepted: false, found: 'unknown' };
}

/** Width and height from the first start-of-frame marker; undefined if the JPEG is cut off before it. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length: TEM and RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / scan data before any frame
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2) return undefined;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > bytes.length) return undefined;
      const height = ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0);
      const width = ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The name to show for a file: its last path segment (browsers sometimes send `C:\fakepath\…`), without
 * control characters, at most 255 characters. Chinese and other scripts are kept as they are.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

export function displayName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? '';
  const clean = last.normalize('NFC').replace(CONTROL_CHARACTERS, '').trim();
  return Array.from(clean).slice(0, 255).join('') || 'unnamed';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface InspectedAttachment {
  id: string;
  mediaType: AcceptedMediaType;
  bytes: number;
  widthPx?: number;
  heightPx?: number;
  pages?: number;
}

/**
 * Proves an image whole — every pixel decoded, at full size, failing on libjpeg's and libpng's warnings — or
 * throws the StoreError to show the user. verify-media.ts's verifyImage is the store's own; the scan cache
 * offers one that makes the scan's normalised copy with the same decode (host/packet/scan-cache.ts).
 */
export type ImageCheck = (
  bytes: Uint8Array,
  mediaType: 'image/jpeg' | 'image/png',
  /** The bytes' SHA-256 (hex), when the caller has it already. */
  sha256?: string,
) => Promise<void>;

/**
 * Checks size and type, reads the dimensions, and proves the file whole — every pixel decoded (`checkImage`,
 * verifyImage by default), every PDF object parsed (verify-media.ts); throws the StoreError to show the user.
 */
export async function inspectAttachment(
  bytes: Uint8Array,
  options: { checkImage?: ImageCheck } = {},
): Promise<InspectedAttachment> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new StoreError('attachmentTooLarge', { bytes: bytes.length, limitBytes: MAX_ATTACHMENT_BYTES });
  }
  const kind = sniffMediaType(bytes);
  if (!kind.accepted) throw new StoreError('attachmentType', { found: kind.found });
  const base = { id: sha256Hex(bytes), mediaType: kind.mediaType, bytes: bytes.length };
  if (kind.mediaType === 'application/pdf') return { ...base, pages: await verifyPdf(bytes) };
  const size = kind.mediaType === 'image/jpeg' ? jpegSize(bytes) : pngSize(bytes);
  if (!size)
    throw new StoreError('attachmentUnreadable', { found: kind.mediaType === 'image/jpeg' ? 'jpeg' : 'png' });
  assertPixelBudget(size.width, size.height);
  await (options.checkImage ?? verifyImage)(bytes, kind.mediaType, base.id);
  return { ...base, widthPx: size.width, heightPx: size.height };
}
