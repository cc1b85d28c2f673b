/**
 * Scan reading (issue 23): one business-licence page, an ID card side and a passport page read with the real
 * recogniser (PP-OCRv4 mobile on onnxruntime-web, 2 WebAssembly threads) — wall time, CPU time and peak
 * memory — and field accuracy on the generated test set: clean scans, and phone photos in each condition of
 * the phone set (perspective, tilt, uneven light, blur, JPEG noise). The models are loaded once,
 * as the app's worker does.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ScanReader } from '../host/ocr/read-scan';
import {
  ID_BACK,
  ID_FRONT,
  LICENCE,
  PASSPORT,
  PHONE_SET,
  degrade,
  photograph,
  idBackScan,
  idFrontScan,
  licenceScan,
  passportScan,
} from '../host/sample/synthetic-scans';
import type { Bench, BenchResult } from './run';

const upsideDownPassport = async () => degrade(await passportScan(), 'upsideDown');

const SETS = [
  { name: 'licence', draw: licenceScan, expected: LICENCE as Record<string, string> },
  { name: 'ID front', draw: idFrontScan, expected: ID_FRONT as Record<string, string> },
  { name: 'ID back', draw: idBackScan, expected: ID_BACK as Record<string, string> },
  { name: 'passport', draw: passportScan, expected: PASSPORT as Record<string, string> },
];

export const benches: Bench[] = [
  {
    name: 'ocr',
    run: async () => {
      const results: BenchResult[] = [];
      let peak = process.memoryUsage().rss;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const loadStart = performance.now();
      const reader = await ScanReader.create(path.resolve('resources'));
      results.push({ label: 'load the models', value: performance.now() - loadStart, unit: 'ms' });
      const licence = await licenceScan();
      await reader.read(licence, { today: '2026-12-07', kind: 'business_licence' }); // warm-up
      const cpu = process.cpuUsage();
      const start = performance.now();
      const runs = 3;
      for (let i = 0; i < runs; i++)
        await reader.read(licence, { today: '2026-12-07', kind: 'business_licence' });
      const wall = (performance.now() - start) / runs;
      const used = process.cpuUsage(cpu);
      results.push({
        label: 'one licence page (mean of 3, warm)',
        value: wall / 1000,
        unit: 's',
        goal: '≤ 3 s',
        met: wall <= 3000,
      });
      results.push({
        label: 'one licence page, CPU time (user + system)',
        value: (used.user + used.system) / 1e6 / runs,
        unit: 's',
      });
      const pages = [
        { label: 'one ID card side (portrait)', draw: idFrontScan, kind: 'id_card_front' },
        { label: 'one ID card side (emblem)', draw: idBackScan, kind: 'id_card_back' },
        { label: 'one passport data page', draw: passportScan, kind: 'passport' },
        { label: 'one passport data page, kind not given, upside down', draw: upsideDownPassport },
      ] as const;
      for (const page of pages) {
        const bytes = await page.draw();
        const pageStart = performance.now();
        await reader.read(bytes, { today: '2026-12-07', ...('kind' in page ? { kind: page.kind } : {}) });
        results.push({ label: page.label, value: (performance.now() - pageStart) / 1000, unit: 's' });
      }
      // Clean scans, then each document photographed with a phone in each condition of the phone set.
      const conditions: [string, (jpeg: Buffer) => Promise<Buffer>][] = [
        ['clean scan', async (jpeg) => jpeg],
        ...Object.entries(PHONE_SET).map(([name, how]): [string, (jpeg: Buffer) => Promise<Buffer>] => [
          `phone: ${name}`,
          (jpeg) => photograph(jpeg, how),
        ]),
      ];
      for (const [condition, take] of conditions) {
        let right = 0;
        let total = 0;
        const wrong: string[] = [];
        for (const set of SETS) {
          const result = await reader.read(await take(await set.draw()), { today: '2026-12-07' });
          const read = Object.fromEntries(result.reading?.fields.map((f) => [f.key, f.value]) ?? []);
          for (const [key, value] of Object.entries(set.expected)) {
            total++;
            if (read[key] === value) right++;
            else wrong.push(`${set.name} ${key}`);
          }
        }
        results.push({
          label: `fields exactly right, ${condition} (count of ${total}, 4 documents)${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`,
          value: right,
          unit: 'count',
        });
      }
      clearInterval(sample);
      await reader.release();
      results.push({
        label: 'peak memory (RSS) while reading',
        value: peak / 1024 / 1024,
        unit: 'MB',
        goal: '≤ 1 GB',
        met: peak <= 1024 ** 3,
      });
      // What the installers carry for it: resources/ocr (models, WebAssembly runtime, QR decoder, notice).
      const dir = path.resolve('resources', 'ocr');
      let bytes = 0;
      for (const name of await readdir(dir)) bytes += (await stat(path.join(dir, name))).size;
      results.push({
        label: 'resources/ocr on disk (uncompressed)',
        value: bytes / 1e6,
        unit: 'MB',
        goal: '≤ 45 MB',
        met: bytes <= 45e6,
      });
      return results;
    },
  },
];
