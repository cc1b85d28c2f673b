/**
 * QR codes for the app and the CLI, read and written with ZXing-C++ (zxing-wasm 3.1.8, WebAssembly).
 *
 * One small API for every feature that needs QR codes: the verification mark on the documents printed for
 * signing (host/signing), and the business licence's QR code read by the OCR.
 *
 * - `decodeQrCodes(image)`: every QR code in an image — encoded JPEG/PNG bytes (decoded here with sharp,
 *   EXIF rotation applied) or raw pixels. Rotated, skewed, blurred phone photos are searched harder.
 * - `encodeQr(text)`: a QR code as a matrix of modules (for drawing into a PDF), `qrPng(text)` as a PNG.
 *
 * The .wasm binary is never fetched: zxing-wasm's default would download it from a CDN, and the app makes no
 * network calls. It is read from disk — the path main passes (`configureQr`, the copy beside the bundled
 * main.cjs) or, from the source tree (CLI, tests), the one in node_modules — and handed to the module as
 * bytes. The module is loaded on first use: the app starts, and the CLI's other commands run, without it.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ZxingModule from 'zxing-wasm/full';
import { loadSharp } from '../packet/sharp';

/** Raw pixels: 1 (grey), 3 (RGB) or 4 (RGBA) bytes per pixel, rows top to bottom. */
export interface QrPixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

export interface QrResult {
  text: string;
  /** Corners of the symbol in the image's pixels (top-left, top-right, bottom-right, bottom-left). */
  corners: { x: number; y: number }[];
}

/** A QR symbol: `size` × `size` modules, row by row, `true` for dark; no quiet zone. */
export interface QrMatrix {
  size: number;
  modules: boolean[];
}

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

type Zxing = typeof ZxingModule;

let wasmPath: string | undefined;
let loading: Promise<Zxing> | undefined;

/**
 * Where the .wasm binary is (`zxing_full.wasm` of zxing-wasm 3.1.8). Main passes the copy the build puts
 * beside main.cjs; without a call, the source tree's node_modules copy is used.
 */
export function configureQr(options: { wasmPath: string }): void {
  if (loading && options.wasmPath !== wasmPath) loading = undefined;
  wasmPath = options.wasmPath;
}

/**
 * zxing-wasm's node_modules copy, found from the running entry script (bin/icp-packet.cjs, vitest, tsx),
 * else from the working folder. The script as started may be a link elsewhere — `npm link` puts one on
 * the PATH, npx one in its cache — so the file it links to is tried first: from the link's own folder,
 * outside the package, there is no node_modules to find. Not reached in the built app, which configures
 * its own copy; no `import.meta` here, which a CommonJS bundle leaves empty.
 */
function sourceTreeWasm(): string {
  const script = process.argv[1];
  const anchors = [script && realScript(script), script, process.cwd()].filter((a): a is string => !!a);
  for (const anchor of anchors) {
    try {
      return createRequire(path.resolve(anchor, anchor === process.cwd() ? 'index.js' : '')).resolve(
        'zxing-wasm/full/zxing_full.wasm',
      );
    } catch {
      // Not under this anchor: try the next.
    }
  }
  throw new Error('zxing-wasm is not installed: run npm install (or configureQr with the .wasm path)');
}

/** The file `script` links to (itself when it is no link); undefined when it cannot be found. */
function realScript(script: string): string | undefined {
  try {
    return realpathSync(script);
  } catch {
    return undefined;
  }
}

function zxing(): Promise<Zxing> {
  loading ??= (async () => {
    const [module, binary] = await Promise.all([
      import('zxing-wasm/full'),
      readFile(wasmPath ?? sourceTreeWasm()),
    ]);
    const wasmBinary = binary.buffer.slice(binary.byteOffset, binary.byteOffset + binary.length);
    // Overrides replace zxing-wasm's default locateFile (its CDN): with the bytes given, nothing is fetched.
    await module.prepareZXingModule({
      overrides: { wasmBinary: wasmBinary as ArrayBuffer },
      fireImmediately: true,
    });
    return module;
  })();
  // A failed load (a missing file) is not cached: the next call tries again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Pixels as zxing takes them. Grey pixels go as a binary PGM (P5: a short header, then the bytes as they are),
 * which zxing reads straight into its grey buffer. As RGBA they took four times the memory, a 16 MB array for
 * each read of a page scan (~4 million pixels): reading the 15 signed pages of the packet bench's licence
 * case one after another peaked at 230 MB that way, at 211 MB this way (2026-12-07). Colour pixels (a PDF
 * page's RGB picture) go as RGBA, for zxing's own conversion to grey.
 */
function zxingInput(
  pixels: QrPixels,
): Uint8Array | { data: Uint8ClampedArray; width: number; height: number } {
  const count = pixels.width * pixels.height;
  if (pixels.channels === 1) {
    const header = new TextEncoder().encode(`P5\n${pixels.width} ${pixels.height}\n255\n`);
    const pgm = new Uint8Array(header.length + count);
    pgm.set(header);
    pgm.set(pixels.data.subarray(0, count), header.length);
    return pgm;
  }
  if (pixels.channels === 4) {
    return { data: new Uint8ClampedArray(pixels.data), width: pixels.width, height: pixels.height };
  }
  const out = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    out[i * 4] = pixels.data[i * 3] ?? 0;
    out[i * 4 + 1] = pixels.data[i * 3 + 1] ?? 0;
    out[i * 4 + 2] = pixels.data[i * 3 + 2] ?? 0;
    out[i * 4 + 3] = 255;
  }
  return { data: out, width: pixels.width, height: pixels.height };
}

/**
 * Longest edge the whole image is searched at. A phone photo of a page (4000 px) is brought down to this;
 * a small code in a corner is then looked for again at full resolution (`decodeQrCodes`).
 */
const OVERVIEW_EDGE = 2400;

/**
 * One search of the pixels. The quick pass (`thorough` false) is what a scan or photo of a page needs —
 * QR finder patterns are found at any angle without rotating the image; the thorough pass adds rotated and
 * downscaled searches (a code photographed very large, or a damaged one).
 */
async function readPixels(z: Zxing, pixels: QrPixels, thorough = false): Promise<QrResult[]> {
  const results = await z.readBarcodes(
    // zxing reads encoded bytes, or any { data, width, height } of RGBA pixels (Node has no ImageData class).
    zxingInput(pixels) as unknown as Parameters<Zxing['readBarcodes']>[0],
    {
      formats: ['QRCode'],
      tryHarder: true,
      tryRotate: thorough,
      tryDownscale: thorough,
      tryInvert: false,
      maxNumberOfSymbols: 8,
    },
  );
  return results
    .filter((r) => r.isValid)
    .map((r) => ({
      text: r.text,
      corners: [r.position.topLeft, r.position.topRight, r.position.bottomRight, r.position.bottomLeft],
    }));
}

/** The size of an encoded image as shown (EXIF orientation applied). */
async function orientedSize(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { failOn: 'none' }).metadata();
  return { width: meta.autoOrient.width, height: meta.autoOrient.height };
}

/** An encoded image (or a region of it) as grey pixels, EXIF orientation applied, long edge ≤ `maxEdge`. */
async function greyPixels(
  bytes: Uint8Array,
  region: { left: number; top: number; width: number; height: number },
  maxEdge: number,
): Promise<QrPixels & { scale: number }> {
  const sharp = await loadSharp();
  const long = Math.max(region.width, region.height);
  const scale = long > maxEdge ? maxEdge / long : 1;
  let image = sharp(bytes, { failOn: 'none', limitInputPixels: 100_000_000 }).rotate().extract(region);
  if (scale < 1) image = image.resize(Math.round(region.width * scale), Math.round(region.height * scale));
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1, scale };
}

/**
 * Every QR code found in an image: encoded JPEG/PNG bytes, or raw pixels. Large encoded images are searched
 * as a whole at reduced size first; when that finds nothing, each quarter at full size (a small code on a
 * phone photo of a whole page).
 */
export async function decodeQrCodes(image: Uint8Array | QrPixels): Promise<QrResult[]> {
  const z = await zxing();
  if (!(image instanceof Uint8Array)) {
    const quick = await readPixels(z, image);
    return quick.length > 0 ? quick : readPixels(z, image, true);
  }

  const { width, height } = await orientedSize(image);
  const overview = await greyPixels(image, { left: 0, top: 0, width, height }, OVERVIEW_EDGE);
  for (const thorough of [false, true]) {
    const found = await readPixels(z, overview, thorough);
    if (found.length > 0) return scaleCorners(found, 1 / overview.scale, 0, 0);
  }
  if (overview.scale === 1) return [];

  const results: QrResult[] = [];
  // Quarters overlapping by a tenth, so a code on a boundary lies whole in one of them.
  const halfW = Math.ceil(width * 0.55);
  const halfH = Math.ceil(height * 0.55);
  for (const top of [0, height - halfH]) {
    for (const left of [0, width - halfW]) {
      const part = await greyPixels(image, { left, top, width: halfW, height: halfH }, OVERVIEW_EDGE);
      results.push(...scaleCorners(await readPixels(z, part), 1 / part.scale, left, top));
    }
  }
  const seen = new Set<string>();
  return results.filter((r) => !seen.has(r.text) && seen.add(r.text));
}

function scaleCorners(results: QrResult[], factor: number, dx: number, dy: number): QrResult[] {
  return results.map((r) => ({
    text: r.text,
    corners: r.corners.map((c) => ({ x: Math.round(c.x * factor + dx), y: Math.round(c.y * factor + dy) })),
  }));
}

/** A QR code for `text` as a module matrix, without the quiet zone (the drawing leaves its own margin). */
export async function encodeQr(
  text: string,
  options: { errorCorrection?: QrErrorCorrection } = {},
): Promise<QrMatrix> {
  const z = await zxing();
  const written = await z.writeBarcode(text, {
    format: 'QRCode',
    options: `ecLevel=${options.errorCorrection ?? 'M'}`,
    scale: 1,
    addQuietZones: false,
  });
  if (written.error) throw new Error(`QR code not written: ${written.error}`);
  const { data, width, height } = written.symbol;
  if (width !== height) throw new Error(`QR symbol is not square (${width} × ${height})`);
  return { size: width, modules: Array.from(data, (value) => value < 128) };
}

/** A QR code for `text` as a PNG, `scale` pixels per module, with the standard four-module quiet zone. */
export async function qrPng(
  text: string,
  options: { scale?: number; errorCorrection?: QrErrorCorrection } = {},
): Promise<Uint8Array> {
  const matrix = await encodeQr(text, options);
  const scale = options.scale ?? 8;
  const quiet = 4;
  const side = (matrix.size + quiet * 2) * scale;
  const pixels = new Uint8Array(side * side).fill(255);
  matrix.modules.forEach((dark, i) => {
    if (!dark) return;
    const row = Math.floor(i / matrix.size) + quiet;
    const column = (i % matrix.size) + quiet;
    for (let y = 0; y < scale; y++)
      pixels.fill(
        0,
        (row * scale + y) * side + column * scale,
        (row * scale + y) * side + (column + 1) * scale,
      );
  });
  const sharp = await loadSharp();
  const png = await sharp(pixels, { raw: { width: side, height: side, channels: 1 } })
    .png()
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}
