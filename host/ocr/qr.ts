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
  await prepare(wasmFile);
  const { data, info } = await sharp(image)
    .rotate()
    .resize({ width: QR_SIDE, height: QR_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const imageData = {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    colorSpace: 'srgb',
  } as unknown as Parameters<typeof readBarcodes>[0];
  const results = await readBarcodes(imageData, {
    formats: ['QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text).map((r) => r.text);
}
