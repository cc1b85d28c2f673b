/**
 * Draws the OCR bench's test pictures into a folder, in a process of its own (bench/ocr.bench.ts starts it):
 * drawing a phone photo takes hundreds of megabytes that the process keeps after it (sharp and the
 * photo's pixel buffers), which the reading bench would otherwise count as the reader's peak memory.
 *
 *   node --import tsx bench/ocr-scans.ts <folder>   →   <folder>/<document>.<condition>.jpg, and index.json
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  if (!dir) throw new Error('usage: ocr-scans.ts <folder>');
  drawAll(dir).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
