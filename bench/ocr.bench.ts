/**
 * Scan reading (issue 23): one business-licence page, an ID card side and a passport page read with the real
 * recogniser (PP-OCRv4 mobile on onnxruntime-web, 2 WebAssembly threads) — wall time, CPU time and peak
 * memory — and field accuracy on the generated test set: clean scans, and phone photos in each condition of
 * the phone set (perspective, tilt, uneven light, blur, JPEG noise). The models are loaded once,
 * as the app's worker does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScanReader } from '../host/ocr/read-scan';
import { ID_BACK, ID_FRONT, LICENCE, PASSPORT } from '../host/sample/synthetic-scans';
import {
  OCR_BENCH_CONDITIONS,
  scanFile,
  twelveMegapixelFile,
  upsideDownFile,
  type OCR_BENCH_DOCUMENTS,
} from './ocr-scans';
import type { Bench, BenchResult } from './run';

const EXPECTED: Record<keyof typeof OCR_BENCH_DOCUMENTS, Record<string, string>> = {
  licence: LICENCE,
  'ID front': ID_FRONT,
  'ID back': ID_BACK,
  passport: PASSPORT,
};

/**
 * The test pictures, drawn by another process (bench/ocr-scans.ts) before the models load: this process's
 * peak memory is then the reader's own, as in the app's scan worker, which never draws.
 */
async function drawScans(...only: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'icp-packet-bench-ocr-'));
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ocr-scans.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, dir, ...only], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.status !== 0)
    throw new Error(`ocr-scans.ts exited with ${child.status}: ${String(child.stderr)}`);
  return dir;
}

export const benches: Bench[] = [
  {
    name: 'ocr',
    run: async () => {
      const results: BenchResult[] = [];
      const scans = await drawScans();
      const scan = (document: string, condition: number) => readFile(scanFile(scans, document, condition));
      let peak = process.memoryUsage().rss;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const loadStart = performance.now();
      const reader = await ScanReader.create(path.resolve('resources'));
      results.push({ label: 'load the models', value: performance.now() - loadStart, unit: 'ms' });
      const licence = await scan('licence', 0);
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
        { label: 'one ID card side (portrait)', bytes: () => scan('ID front', 0), kind: 'id_card_front' },
        { label: 'one ID card side (emblem)', bytes: () => scan('ID back', 0), kind: 'id_card_back' },
        { label: 'one passport data page', bytes: () => scan('passport', 0), kind: 'passport' },
        {
          label: 'one passport data page, kind not given, upside down',
          bytes: () => readFile(upsideDownFile(scans)),
        },
      ] as const;
      for (const page of pages) {
        const bytes = await page.bytes();
        const pageStart = performance.now();
        await reader.read(bytes, { today: '2026-12-07', ...('kind' in page ? { kind: page.kind } : {}) });
        results.push({ label: page.label, value: (performance.now() - pageStart) / 1000, unit: 's' });
      }
      // Clean scans, then each document photographed with a phone in each condition of the phone set.
      for (const [index, condition] of OCR_BENCH_CONDITIONS.entries()) {
        let right = 0;
        let total = 0;
        const wrong: string[] = [];
        for (const [name, expected] of Object.entries(EXPECTED)) {
          const result = await reader.read(await scan(name, index), { today: '2026-12-07' });
          const read = Object.fromEntries(result.reading?.fields.map((f) => [f.key, f.value]) ?? []);
          for (const [key, value] of Object.entries(expected)) {
            total++;
            if (read[key] === value) right++;
            else wrong.push(`${name} ${key}`);
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
      await rm(scans, { recursive: true, force: true });
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
  {
    // What attachment:add runs on every image beside the store's attach (electron/ipc/cases.ts): which way
    // up the page is, from its text (host/ocr/read-scan.ts orient), in the app's scan worker.
    name: 'ocr: orientation check of one 12-megapixel phone photo',
    run: async () => {
      const scans = await drawScans('twelve-megapixel');
      try {
        const bytes = await readFile(twelveMegapixelFile(scans));
        let peak = process.memoryUsage().rss;
        const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        const reader = await ScanReader.create(path.resolve('resources'));
        const firstStart = performance.now();
        const first = await reader.orient(bytes);
        const firstMs = performance.now() - firstStart;
        const cpu = process.cpuUsage();
        const start = performance.now();
        const runs = 3;
        for (let i = 0; i < runs; i++) await reader.orient(bytes);
        const wall = (performance.now() - start) / runs;
        const used = process.cpuUsage(cpu);
        clearInterval(sample);
        await reader.release();
        return [
          {
            label: 'photo (4000 × 3000, EXIF orientation 6, licence lying on its side)',
            value: bytes.length / 1e6,
            unit: 'MB',
          },
          {
            label: 'turn found, degrees clockwise (the photo needs 270)',
            value: first.rotation,
            unit: 'count',
            goal: '= 270',
            met: first.rotation === 270 && first.lines >= 3,
          },
          { label: 'first check after the models loaded', value: firstMs, unit: 'ms' },
          { label: 'one check, warm (mean of 3)', value: wall, unit: 'ms' },
          {
            label: '… its CPU time, all threads',
            value: (used.user + used.system) / 1000 / runs,
            unit: 'ms',
          },
          { label: 'peak RSS (models loaded)', value: peak / 1024 / 1024, unit: 'MB' },
          { label: 'machine load average (1 min) when measured', value: loadavg()[0] ?? NaN, unit: 'ratio' },
        ];
      } finally {
        await rm(scans, { recursive: true, force: true });
      }
    },
  },
];
