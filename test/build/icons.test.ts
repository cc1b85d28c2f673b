/**
 * The app icon: build/icon.ico (Windows) and build/icon.icns (macOS) are what scripts/build-icons.mjs makes of
 * build/icon.svg — regenerated here and compared byte for byte — and each holds every size its OS asks for,
 * as a PNG of that size showing the document (white) and its seal (red) on the blue plate: ink, not blank.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths';

const BUILD = path.join(REPO_ROOT, 'build');
let regenerated: string;

beforeAll(async () => {
  regenerated = await mkdtemp(path.join(tmpdir(), 'icp-icons-'));
  await promisify(execFile)(process.execPath, ['scripts/build-icons.mjs', '--out', regenerated], {
    cwd: REPO_ROOT,
  });
}, 60_000);

afterAll(async () => {
  await rm(regenerated, { recursive: true, force: true });
});

/** The images of an .ico: declared size and PNG bytes. */
function icoImages(file: Buffer): { size: number; png: Buffer }[] {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1);
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = file.readUInt8(entry) || 256;
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    return { size, png: file.subarray(offset, offset + length) };
  });
}

/** The blocks of an .icns: OSType and PNG bytes. */
function icnsBlocks(file: Buffer): { type: string; png: Buffer }[] {
  expect(file.toString('ascii', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const blocks: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    blocks.push({ type: file.toString('ascii', at, at + 4), png: file.subarray(at + 8, at + length) });
    at += length;
  }
  return blocks;
}

/** Pixels of each colour family in a PNG: the plate's blue, the paper's white, the seal's red. */
async function ink(
  png: Buffer,
): Promise<{ width: number; height: number; blue: number; white: number; red: number }> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let blue = 0;
  let white = 0;
  let red = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a < 200) continue;
    if (b > 120 && r < 90) blue++;
    else if (r > 220 && g > 220 && b > 220) white++;
    else if (r > 150 && r - g > 70 && r - b > 70) red++;
  }
  return { width: info.width, height: info.height, blue, white, red };
}

describe('the app icon', () => {
  it.each(['icon.ico', 'icon.icns'])('%s is what npm run icons makes of build/icon.svg', async (name) => {
    const committed = await readFile(path.join(BUILD, name));
    expect(committed.equals(await readFile(path.join(regenerated, name)))).toBe(true);
  });

  it('icon.ico holds 16 to 256 px, each a PNG of its size', async () => {
    const images = icoImages(await readFile(path.join(BUILD, 'icon.ico')));
    expect(images.map((image) => image.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) {
      const meta = await sharp(image.png).metadata();
      expect([meta.format, meta.width, meta.height], String(image.size)).toEqual([
        'png',
        image.size,
        image.size,
      ]);
    }
  });

  it('icon.icns holds 16 to 1024 px under the OSTypes macOS reads, each a PNG of its size', async () => {
    const blocks = icnsBlocks(await readFile(path.join(BUILD, 'icon.icns')));
    const sizes: Record<string, number> = {
      icp4: 16,
      icp5: 32,
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    };
    expect(blocks.map((block) => block.type).sort()).toEqual(Object.keys(sizes).sort());
    for (const block of blocks) {
      const meta = await sharp(block.png).metadata();
      expect([meta.format, meta.width], block.type).toEqual(['png', sizes[block.type]]);
    }
  });

  it('shows the document and its seal on the plate, down to the smallest size', async () => {
    const images = icoImages(await readFile(path.join(BUILD, 'icon.ico')));
    for (const image of images) {
      const seen = await ink(image.png);
      const area = seen.width * seen.height;
      expect(seen.blue / area, `${image.size}: plate`).toBeGreaterThan(0.2);
      expect(seen.white / area, `${image.size}: paper`).toBeGreaterThan(0.05);
      if (image.size >= 32) expect(seen.red / area, `${image.size}: seal`).toBeGreaterThan(0.01);
    }
  });
});
