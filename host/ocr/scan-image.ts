/**
 * The picture a scan shows, as image bytes sharp can open: a JPEG or PNG as it is; for a PDF, the scanned
 * image of its first page, turned as the page displays it.
 *
 * A scanner's or scanning app's PDF holds each page as one image (a JPEG stream, or deflated pixels) drawn
 * over the whole page. That image is taken out as it is stored — nothing is rendered, so no PDF renderer is
 * needed — and turned by the page's /Rotate and the quarter turn of the matrix it is drawn with. A PDF whose
 * page has no image (a document made on a computer) or whose image uses a coding sharp cannot open
 * (JPEG 2000, CCITT fax, JBIG2) is refused with the reason, for the user to attach a JPEG or PNG instead.
 */
import { inflateSync } from 'node:zlib';
import type * as PdfLibModule from 'pdf-lib';
import type { PDFDocument, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import type { QuarterTurn } from './raster';
import { UnreadableImageError } from './errors';

const isPdf = (bytes: Uint8Array) =>
  bytes.length > 4 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

/** The image bytes of a scan: the file itself, or the first page's image of a PDF (see the module doc). */
export async function scanImage(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isPdf(bytes)) return bytes;
  return pdfPageImage(bytes);
}

/** Nested form XObjects are followed this deep for the page's image. */
const MAX_FORM_DEPTH = 3;

interface FoundImage {
  stream: PDFRawStream;
  pixels: number;
  /** Quarter turn of the matrix the image is drawn with, clockwise as displayed. */
  turn: QuarterTurn;
}

export async function pdfPageImage(bytes: Uint8Array): Promise<Uint8Array> {
  // Loaded on first use, as the store does: most scans are JPEG or PNG.
  const lib = await import('pdf-lib');
  const { PDFDocument, PDFDict, PDFName, PDFRawStream, PDFArray } = lib;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    throw new UnreadableImageError((error as Error).message, 'pdfDamaged');
  }
  let page: ReturnType<PDFDocument['getPage']> | undefined;
  try {
    page = doc.getPages()[0];
  } catch (error) {
    throw new UnreadableImageError((error as Error).message, 'pdfDamaged');
  }
  if (!page) throw new UnreadableImageError('no pages', 'pdfDamaged');

  const text = (streams: unknown[]) =>
    streams
      .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodeStream(s, lib)).toString('latin1') : ''))
      .join('\n');
  const find = (content: string, resources: unknown, depth: number, outerTurn: number): FoundImage[] => {
    const found: FoundImage[] = [];
    const xobjects = resources instanceof PDFDict ? resources.lookup(PDFName.of('XObject')) : undefined;
    if (!(xobjects instanceof PDFDict)) return found;
    for (const [name, ref] of xobjects.entries()) {
      const object = doc.context.lookup(ref);
      if (!(object instanceof PDFRawStream)) continue;
      const subtype = object.dict.lookup(PDFName.of('Subtype'));
      const turn = ((outerTurn + drawTurn(content, name.decodeText())) % 360) as QuarterTurn;
      if (subtype === PDFName.of('Image')) {
        const width = numberOf(object.dict.lookup(PDFName.of('Width')));
        const height = numberOf(object.dict.lookup(PDFName.of('Height')));
        found.push({ stream: object, pixels: width * height, turn });
      } else if (subtype === PDFName.of('Form') && depth < MAX_FORM_DEPTH) {
        found.push(...find(text([object]), object.dict.lookup(PDFName.of('Resources')), depth + 1, turn));
      }
    }
    return found;
  };
  let images: FoundImage[];
  try {
    const contents = page.node.lookup(PDFName.of('Contents'));
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    images = find(text(streams), page.node.Resources(), 0, 0).sort((a, b) => b.pixels - a.pixels);
  } catch (error) {
    if (error instanceof UnreadableImageError) throw error;
    throw new UnreadableImageError((error as Error).message, 'pdfDamaged');
  }
  const largest = images[0];
  if (!largest) throw new UnreadableImageError('the first page holds no scanned image', 'pdfNoImage');
  const pageTurn = ((page.getRotation().angle % 360) + 360) % 360;
  const turn = ((largest.turn + pageTurn) % 360) as QuarterTurn;
  const picture = await imageBytes(largest.stream, doc, lib);
  if (turn === 0) return picture;
  const turned = await sharp(picture).rotate(turn).png({ compressionLevel: 1 }).toBuffer();
  return new Uint8Array(turned.buffer, turned.byteOffset, turned.length);
}

function numberOf(value: unknown): number {
  const n = (value as { asNumber?: () => number } | undefined)?.asNumber?.();
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}

/**
 * The quarter turn (clockwise as displayed) an image is drawn with where `/<name> Do` draws it: the
 * transformation matrices in force there (each `cm`, inside its `q … Q`) are composed. An image is drawn
 * into the unit square; its top edge points along the matrix's (c, d): up on the page is an upright image,
 * right a quarter turn clockwise, down upside down, left three quarters.
 */
export function drawTurn(content: string, name: string): QuarterTurn {
  const target = name.startsWith('/') ? name : `/${name}`;
  // Strings, hex strings and inline images can hold anything; none of them draws an XObject.
  const tokens = content
    .replace(/\((?:\\.|[^\\)])*\)/g, ' ')
    .replace(/<[0-9A-Fa-f\s]*>/g, ' ')
    .replace(/\bBI\b[\s\S]*?\bEI\b/g, ' ')
    .match(/\/[^\s/[\]()<>{}%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g);
  type M = [number, number, number, number];
  let ctm: M = [1, 0, 0, 1];
  const stack: M[] = [];
  const operands: string[] = [];
  for (const token of tokens ?? []) {
    if (token === 'q') stack.push(ctm);
    else if (token === 'Q') ctm = stack.pop() ?? [1, 0, 0, 1];
    else if (token === 'cm') {
      const [a, b, c, d] = operands.slice(-6).map(Number) as [number, number, number, number];
      ctm = [
        a * ctm[0] + b * ctm[2],
        a * ctm[1] + b * ctm[3],
        c * ctm[0] + d * ctm[2],
        c * ctm[1] + d * ctm[3],
      ];
    } else if (token === 'Do' && operands.at(-1) === target) {
      const [, , c, d] = ctm;
      if (Math.abs(d) >= Math.abs(c)) return d >= 0 ? 0 : 180;
      return c > 0 ? 90 : 270;
    }
    if (/^[-+.\d/]/.test(token)) operands.push(token);
    else operands.length = 0;
  }
  return 0;
}

type PdfLib = Pick<typeof PdfLibModule, 'PDFName' | 'PDFArray' | 'PDFDict' | 'PDFRawStream'>;

/** The stream's filters in order, each with its /DecodeParms. */
function filtersOf(stream: PDFRawStream, lib: PdfLib) {
  const filter = stream.dict.lookup(lib.PDFName.of('Filter'));
  const params = stream.dict.lookup(lib.PDFName.of('DecodeParms'));
  const names =
    filter instanceof lib.PDFArray ? filter.asArray().map((f) => String(f)) : filter ? [String(filter)] : [];
  const paramList =
    params instanceof lib.PDFArray ? params.asArray().map((p) => stream.dict.context.lookup(p)) : [params];
  return names.map((name, i) => {
    const dict = paramList[i];
    const get = (key: string) =>
      dict instanceof lib.PDFDict ? numberOf(dict.lookup(lib.PDFName.of(key))) : 0;
    return { name, get };
  });
}

/** A stream's bytes with its filters undone; only FlateDecode (with its predictors) is, others are refused. */
function decodeStream(stream: PDFRawStream, lib: PdfLib): Uint8Array {
  let data: Uint8Array = stream.contents;
  for (const { name, get } of filtersOf(stream, lib)) {
    if (name !== '/FlateDecode') throw new UnreadableImageError(name, 'pdfImageCoding');
    data = unpredict(inflateSync(data), get);
  }
  return data;
}

/** Undoes the PNG predictors of FlateDecode's /DecodeParms (PDF 32000-1 §7.4.4.4); TIFF's are refused. */
function unpredict(data: Uint8Array, get: (key: string) => number): Uint8Array {
  const predictor = get('Predictor') || 1;
  if (predictor === 1) return data;
  if (predictor < 10) throw new UnreadableImageError('TIFF predictor', 'pdfImageCoding');
  const colors = get('Colors') || 1;
  const bits = get('BitsPerComponent') || 8;
  const columns = get('Columns') || 1;
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

/** An image XObject as JPEG or PNG bytes. */
async function imageBytes(stream: PDFRawStream, doc: PDFDocument, lib: PdfLib): Promise<Uint8Array> {
  const { PDFName, PDFArray } = lib;
  const filters = filtersOf(stream, lib);
  const coding = filters.at(-1)?.name;
  if (coding === '/DCTDecode') {
    // Filters before the JPEG coding (rare: ASCII85 …) are not undone here.
    if (filters.length > 1)
      throw new UnreadableImageError(filters.map((f) => f.name).join(' '), 'pdfImageCoding');
    return stream.contents;
  }
  if (coding !== undefined && coding !== '/FlateDecode')
    throw new UnreadableImageError(coding, 'pdfImageCoding');
  const dict = stream.dict;
  const width = numberOf(dict.lookup(PDFName.of('Width')));
  const height = numberOf(dict.lookup(PDFName.of('Height')));
  const bits = numberOf(dict.lookup(PDFName.of('BitsPerComponent'))) || 8;
  const space = colourSpace(dict.lookup(PDFName.of('ColorSpace')), doc, lib);
  if (
    !space ||
    width <= 0 ||
    height <= 0 ||
    (bits !== 8 && bits !== 1) ||
    (bits === 1 && space.channels !== 1)
  )
    throw new UnreadableImageError(`${bits}-bit ${space?.name ?? 'unknown colour space'}`, 'pdfImageCoding');
  let data: Uint8Array;
  try {
    data = decodeStream(stream, lib);
  } catch (error) {
    if (error instanceof UnreadableImageError) throw error;
    throw new UnreadableImageError((error as Error).message, 'pdfDamaged');
  }
  let channels = space.channels;
  let pixels: Uint8Array;
  if (bits === 1) {
    // One bit a pixel, rows padded to a byte: 0 is black unless /Decode says [1 0].
    const decode = dict.lookup(PDFName.of('Decode'));
    const inverted = decode instanceof PDFArray && numberOf(decode.lookup(0)) === 1;
    const rowBytes = Math.ceil(width / 8);
    pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        pixels[y * width + x] = (bit === 1) !== inverted ? 255 : 0;
      }
  } else if (space.palette) {
    const palette = space.palette;
    const base = palette.channels;
    pixels = new Uint8Array(width * height * base);
    for (let i = 0; i < width * height; i++)
      for (let c = 0; c < base; c++) pixels[i * base + c] = palette.table[(data[i] ?? 0) * base + c] ?? 0;
    channels = base;
  } else pixels = data.subarray(0, width * height * channels);
  if (pixels.length < width * height * channels)
    throw new UnreadableImageError('the image holds fewer pixels than it declares', 'pdfDamaged');
  let image = sharp(pixels, { raw: { width, height, channels: channels as 1 | 3 | 4 } });
  // CMYK samples: sharp reads four raw channels as RGBA, so they are turned into RGB here.
  if (channels === 4) {
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      const k = 255 - pixels[i * 4 + 3]!;
      rgb[i * 3] = ((255 - pixels[i * 4]!) * k) / 255;
      rgb[i * 3 + 1] = ((255 - pixels[i * 4 + 1]!) * k) / 255;
      rgb[i * 3 + 2] = ((255 - pixels[i * 4 + 2]!) * k) / 255;
    }
    image = sharp(rgb, { raw: { width, height, channels: 3 } });
  }
  const png = await image.png({ compressionLevel: 1 }).toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}

interface ColourSpace {
  name: string;
  channels: number;
  palette?: { channels: number; table: Uint8Array };
}

function colourSpace(value: unknown, doc: PDFDocument, lib: PdfLib): ColourSpace | undefined {
  const { PDFName, PDFArray, PDFRawStream } = lib;
  const resolved = value instanceof Object ? doc.context.lookup(value as never) : value;
  const byName: Record<string, number> = {
    '/DeviceGray': 1,
    '/CalGray': 1,
    '/DeviceRGB': 3,
    '/CalRGB': 3,
    '/DeviceCMYK': 4,
  };
  if (resolved instanceof PDFName) {
    const channels = byName[String(resolved)];
    return channels ? { name: String(resolved), channels } : undefined;
  }
  if (!(resolved instanceof PDFArray)) return undefined;
  const family = String(resolved.lookup(0));
  if (byName[family]) return { name: family, channels: byName[family] };
  if (family === '/ICCBased') {
    const profile = resolved.lookup(1);
    const n = profile instanceof PDFRawStream ? numberOf(profile.dict.lookup(PDFName.of('N'))) : 0;
    return n === 1 || n === 3 || n === 4 ? { name: family, channels: n } : undefined;
  }
  if (family === '/Indexed') {
    const base = colourSpace(resolved.get(1), doc, lib);
    const lookup = resolved.lookup(3);
    const table =
      lookup instanceof PDFRawStream
        ? decodeStream(lookup, lib)
        : new Uint8Array([...((lookup as { asBytes?: () => Uint8Array } | undefined)?.asBytes?.() ?? [])]);
    if (!base || base.palette || base.channels === 4) return undefined;
    return { name: family, channels: 1, palette: { channels: base.channels, table } };
  }
  return undefined;
}
