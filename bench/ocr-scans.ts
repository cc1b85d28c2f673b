/**
 * Draws the OCR bench's test pictures into a folder, in a process of its own (bench/ocr.bench.ts starts it):
 * drawing a phone photo takes hundreds of megabytes that the process keeps after it (sharp and the
 * photo's pixel buffers), which the reading bench would otherwise count as the reader's peak memory.
 *
 *   node --import tsx bench/ocr-scans.ts <folder>   →   <folder>/<document>.<condition>.jpg, and index.json
 *   node --import tsx bench/ocr-scans.ts <folder> twelve-megapixel   →   only the 12-MP photo (see below)
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { paperNoise } from './paper-noise';
import {
  PHONE_SET,
  degrade,
  idBackScan,
  idFrontScan,
  licenceScan,
  passportScan,
  photograph,
} from '../host/sample/synthetic-scans';

/** The documents of the accuracy sets, by the name the bench reports them under. */
export const OCR_BENCH_DOCUMENTS = {
  licence: licenceScan,
  'ID front': idFrontScan,
  'ID back': idBackScan,
  passport: passportScan,
} as const;

/** Conditions: the clean scan, then each of the phone set. */
export const OCR_BENCH_CONDITIONS = ['clean scan', ...Object.keys(PHONE_SET).map((name) => `phone: ${name}`)];

export const scanFile = (dir: string, document: string, condition: number) =>
  path.join(dir, `${document.replace(/\W/g, '-')}.${condition}.jpg`);

/** The upside-down passport the bench times with no kind given. */
export const upsideDownFile = (dir: string) => path.join(dir, 'passport-upside-down.jpg');

/** A 12-megapixel phone photo of the licence lying on its side (what the orientation check bench times). */
export const twelveMegapixelFile = (dir: string) => path.join(dir, 'licence-12-megapixel-exif.jpg');

/**
 * The licence lying on its side (turned 90° clockwise as shown: it needs 270° to be upright) on a
 * 4000 × 3000 photo with sensor noise, stored as a phone stores it: pixels turned, EXIF orientation 6.
 */
async function drawTwelveMegapixelPhoto(dir: string): Promise<void> {
  const width = 4000;
  const height = 3000;
  const noise = await sharp(paperNoise(width, height, 0x2545f491, 128, 64), {
    raw: { width, height, channels: 3 },
  })
    .png()
    .toBuffer();
  const page = await sharp(await licenceScan())
    .rotate(90)
    .resize({ width: width - 400, height: height - 300, fit: 'inside' })
    .toBuffer();
  const shown = await sharp({ create: { width, height, channels: 3, background: '#3a3530' } })
    .composite([
      { input: page, gravity: 'centre' },
      { input: noise, blend: 'soft-light' },
    ])
    .png()
    .toBuffer();
  const stored = await sharp(shown)
    .rotate(270)
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 92 })
    .toBuffer();
  await writeFile(twelveMegapixelFile(dir), stored);
}

async function drawAll(dir: string): Promise<void> {
  const phone = Object.values(PHONE_SET);
  for (const [name, draw] of Object.entries(OCR_BENCH_DOCUMENTS)) {
    const clean = await draw();
    await writeFile(scanFile(dir, name, 0), clean);
    for (const [i, how] of phone.entries())
      await writeFile(scanFile(dir, name, i + 1), await photograph(clean, how));
  }
  await writeFile(upsideDownFile(dir), await degrade(await passportScan(), 'upsideDown'));
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('bench', 'ocr-scans.ts'))) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: ocr-scans.ts <folder> [twelve-megapixel]');
  (process.argv[3] === 'twelve-megapixel' ? drawTwelveMegapixelPhoto(dir) : drawAll(dir)).catch(
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
