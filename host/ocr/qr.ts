/**
 * QR codes in a scan, decoded by zxing-wasm (ZXing-C++ on WebAssembly) with its wasm read from the OCR
 * resources folder — never its default, which fetches the wasm from a CDN. The business licence's code
 * carries the company's USCC, which the field reader compares with the printed one.
 *
 * Written to stand alone (bytes of an image in, texts out) so that it can become the shared QR module the
 * signed-document checks use as well.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/full';
import type { RgbImage } from './raster';

let prepared: { file: string; ready: Promise<unknown> } | undefined;

function prepare(wasmFile: string): Promise<unknown> {
  if (prepared?.file !== wasmFile) {
    const ready = readFile(wasmFile).then((bytes) =>
      prepareZXingModule({
        overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) },
        fireImmediately: true,
      }),
    );
    prepared = { file: wasmFile, ready };
    ready.catch(() => {
      prepared = undefined;
    });
  }
  return prepared.ready;
}

/** Longest side the QR reader is given: enough for a licence's code, small enough to stay fast. */
const QR_SIDE = 2000;

/** The texts of the QR codes in an image (JPEG or PNG bytes); [] when there is none or it cannot be read. */
export async function readQrCodes(image: Uint8Array, wasmFile: string): Promise<string[]> {
  const { data, info } = await sharp(image)
    .rotate()
    .resize({ width: QR_SIDE, height: QR_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return decode(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
    wasmFile,
  );
}

/**
 * The same from a page the recogniser already decoded (host/ocr/image.ts): no second JPEG decode and
 * resize, which cost more than the QR search itself.
 */
export async function readQrCodesInPage(page: RgbImage, wasmFile: string): Promise<string[]> {
  const rgba = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0, o = 0; i < page.data.length; i += 3, o += 4) {
    rgba[o] = page.data[i]!;
    rgba[o + 1] = page.data[i + 1]!;
    rgba[o + 2] = page.data[i + 2]!;
    rgba[o + 3] = 255;
  }
  return decode(rgba, page.width, page.height, wasmFile);
}

async function decode(rgba: Uint8ClampedArray, width: number, height: number, wasmFile: string) {
  await prepare(wasmFile);
  const imageData = { data: rgba, width, height, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  const results = await readBarcodes(imageData, {
    formats: ['QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text).map((r) => r.text);
}
