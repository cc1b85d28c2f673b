/**
 * Issue 20's goal: what the app adds to Electron's own runtime in each installer — app.asar, the unpacked
 * native modules and the resources beside them — at most 50 MB per target (about 100 MB before: the bundled
 * libraries copied again as node_modules, the fonts twice). The OCR models (resources/ocr, added by the
 * scan-reading issue) are reported on their own line, outside the goal.
 *
 * Builds the app (`npm run build`) and packs the unpacked app for each target with scripts/pack.mjs:
 * electron-builder with stand-in Electron distributions, so the sizes are the app's alone. The first run fetches
 * the other platforms' sharp packages from the npm registry; later runs use npm's cache.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Bench, BenchResult } from './run';

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Decimal megabytes (10^6 bytes), the stricter reading of the goal. */
const GOAL_MB = 50;

interface PackReport {
  target: string;
  payloadBytes: number;
  ocrBytes: number;
  seconds: number;
}

export const benches: Bench[] = [
  {
    name: 'packaging: payload per installer beyond Electron’s runtime',
    run: async () => {
      await exec('npm', ['run', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      const out = await mkdtemp(path.join(tmpdir(), 'icp-bench-pack-'));
      try {
        const { packUnpacked, TARGETS } = (await import(path.join(root, 'scripts', 'pack.mjs'))) as {
          packUnpacked: (options: { out: string; targets: string[] }) => Promise<PackReport[]>;
          TARGETS: Record<string, unknown>;
        };
        // Every installer target, Windows on arm64 too (test:pack inspects three: win-arm64 differs from
        // win-x64 only by its sharp binary, whose size is what it adds).
        const reports = await packUnpacked({ out, targets: Object.keys(TARGETS) });
        const results: BenchResult[] = [];
        for (const report of reports) {
          const mb = report.payloadBytes / 1e6;
          results.push({
            label: `${report.target}: app.asar, unpacked modules and resources`,
            value: Math.round(mb * 10) / 10,
            unit: 'MB',
            goal: `≤ ${GOAL_MB} MB`,
            met: mb <= GOAL_MB,
          });
        }
        for (const report of reports) {
          results.push({
            label: `${report.target}: OCR models (resources/ocr), not in the goal`,
            value: Math.round((report.ocrBytes / 1e6) * 10) / 10,
            unit: 'MB',
          });
        }
        return results;
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
  },
];
