/**
 * Reading a scan end to end, for the app's worker thread, the CLI and the tests: a PDF's page image is
 * taken out (scan-image.ts), the image is prepared (image.ts), recognised (engine.ts), its QR code decoded (qr.ts, licences only) and its fields read and
 * checked (core/ocr). Crops of the page show the user where each value came from.
 *
 * The resources folder is passed in; one reader keeps its models loaded for every scan after the first.
 */
import sharp from 'sharp';
import { readScanText } from '../../core/ocr/read';
import type { ReadField, RecognisedPage, ScanKind, ScanReading } from '../../core/ocr/types';
import { OcrEngine, type EngineOptions, type EnginePage } from './engine';
import { MAX_PAGE_SIDE, pageImage } from './image';
import { readQrCodesInPage } from './qr';
import type { QuarterTurn } from './raster';
import { scanImage } from './scan-image';
import { ocrResources, type OcrResources } from './resources';

export interface ScanResult {
  /** undefined when the page is not one of the documents the reader knows. */
  reading: ScanReading | undefined;
  /** The picture that was read: the file itself, or a PDF's page image (for {@link fieldCrops}). */
  image: Uint8Array;
  page: Pick<RecognisedPage, 'width' | 'height' | 'rotation'> & { boxes: number };
  timings: EnginePage['timings'] & { totalMs: number; qrMs: number };
}

export interface ReadScanOptions {
  kind?: ScanKind;
  /** YYYY-MM-DD: the century of a passport's dates is decided against it. */
  today: string;
  signal?: AbortSignal;
}

export class ScanReader {
  private constructor(
    private readonly engine: OcrEngine,
    private readonly resources: OcrResources,
  ) {}

  /** Loads the models from `<resourcesDir>/ocr`. */
  static async create(resourcesDir: string, options: EngineOptions = {}): Promise<ScanReader> {
    const resources = ocrResources(resourcesDir);
    return new ScanReader(await OcrEngine.create(resources, options), resources);
  }

  /** Reads a JPEG, PNG or scanned PDF (its first page). */
  async read(bytes: Uint8Array, options: ReadScanOptions): Promise<ScanResult> {
    const started = performance.now();
    const picture = await scanImage(bytes);
    const image = await pageImage(picture);
    const page = await this.engine.read(image, options.signal ? { signal: options.signal } : {});
    let qrText: string | undefined;
    const qrStarted = performance.now();
    const kind = options.kind;
    if (
      kind === 'business_licence' ||
      (kind === undefined && /营业执照|统一社会信用代码/.test(page.boxes.map((b) => b.text).join('')))
    ) {
      qrText = (await readQrCodesInPage(image, this.resources.qrWasm).catch(() => []))[0];
    }
    const qrMs = performance.now() - qrStarted;
    const reading = readScanText(page.boxes, {
      ...(kind ? { kind } : {}),
      ...(qrText !== undefined ? { qrText } : {}),
      today: options.today,
    });
    return {
      reading,
      image: picture,
      page: { width: page.width, height: page.height, rotation: page.rotation, boxes: page.boxes.length },
      timings: { ...page.timings, qrMs, totalMs: performance.now() - started },
    };
  }

  /**
   * Which way up a scan is, from its text, without reading it: the degrees it must be turned clockwise to
   * be upright, and how many lines of text that was judged on (none: no text to tell by).
   */
  async orient(bytes: Uint8Array, signal?: AbortSignal): Promise<{ rotation: QuarterTurn; lines: number }> {
    // Decoded no larger than the detector reads (not the 1600 px reading needs): sharp then shrinks a
    // phone photo's JPEG while decoding it, at a fraction of the cost. Measured: the same turn as from the
    // 1600-px page on all 140 pictures of the generated, sample and 12-MP EXIF sets, each turned 4 ways.
    const image = await pageImage(await scanImage(bytes), this.engine.detectionSide);
    return this.engine.orient(image, signal ? { signal } : {});
  }

  release(): Promise<void> {
    return this.engine.release();
  }
}

/**
 * JPEG crops of the upright page around each field's source, a little wider than the text, for the
 * confirmation list (the user compares the value with what the scan shows). `bytes` is the picture that was
 * read ({@link ScanResult.image}).
 */
export async function fieldCrops(
  bytes: Uint8Array,
  rotation: RecognisedPage['rotation'],
  fields: readonly ReadField[],
): Promise<Record<string, Uint8Array>> {
  // Two pipelines: sharp applies one rotation per pipeline (EXIF first, then the quarter turn found).
  const page = await sharp(bytes)
    .rotate()
    .resize({ width: MAX_PAGE_SIDE, height: MAX_PAGE_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  const upright = await sharp(page).rotate(rotation).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const crops: Record<string, Uint8Array> = {};
  for (const field of fields) {
    const { x, y, width: w, height: h } = field.source;
    if (w <= 0 || h <= 0) continue;
    const margin = Math.max(8, Math.round(h * 0.3));
    const left = Math.max(0, Math.floor(x - margin));
    const top = Math.max(0, Math.floor(y - margin));
    const right = Math.min(width, Math.ceil(x + w + margin));
    const bottom = Math.min(height, Math.ceil(y + h + margin));
    if (right - left < 2 || bottom - top < 2) continue;
    const jpeg = await sharp(upright.data, { raw: upright.info })
      .extract({ left, top, width: right - left, height: bottom - top })
      .resize({ width: 900, height: 400, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 })
      .toBuffer();
    crops[field.key] = new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.length);
  }
  return crops;
}
