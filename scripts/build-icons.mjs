// `npm run icons`: renders build/icon.svg into the app icons electron-builder packs — build/icon.ico
// (Windows: 16–256 px) and build/icon.icns (macOS: 16–1024 px) — with sharp (librsvg inside libvips), so the
// same SVG gives the same files on every machine with the same sharp. Both formats hold PNG images, which
// Windows (Vista on) and macOS (10.7 on) read at every size. The outputs are committed; test/build/icons.test.ts
// checks they are what this script makes of the SVG.
//
// `--out <dir>` writes elsewhere (the test uses it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
const outArg = process.argv.indexOf('--out');
const outDir =
  outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'build');
const svg = readFileSync(path.join(root, 'build', 'icon.svg'));

/** The icon as a PNG of `size` × `size`, rendered from the vector at that size (not scaled from a bitmap). */
async function png(size) {
  return sharp(svg, { density: (72 * size) / 1024 })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: false })
    .toBuffer();
}

/** ICO: a directory of entries, each a PNG (width/height 0 means 256). */
export function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

/** ICNS: 'icns' + total length, then one block per image: OSType + block length + PNG. */
export function icns(blocks) {
  const parts = blocks.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Windows: the sizes Explorer, the taskbar and the installer ask for. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS: each OSType and the pixel size it holds (ic11–ic14 are the @2x of 16–256). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

const rendered = new Map();
for (const size of new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)]))
  rendered.set(size, await png(size));

mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'icon.ico'),
  ico(ICO_SIZES.map((size) => ({ size, data: rendered.get(size) }))),
);
writeFileSync(
  path.join(outDir, 'icon.icns'),
  icns(ICNS_TYPES.map(([type, size]) => ({ type, data: rendered.get(size) }))),
);
