/**
 * `npm run bench`: measures the speed and memory goals of the issues and prints one report.
 * Goals are reported, never enforced: a slow machine must not fail the tests.
 *
 * Each `bench/*.bench.ts` exports `benches: Bench[]`. Run a subset with `npm run bench -- <name filter>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface BenchResult {
  /** What was measured, e.g. "checkCase, complete case (median of 200)". */
  label: string;
  value: number;
  unit: 'ms' | 's' | 'KB' | 'MB' | 'ratio' | 'count';
  /** The issue's goal, e.g. "≤ 20 ms". */
  goal?: string;
  met?: boolean;
}

export interface Bench {
  name: string;
  run: () => Promise<BenchResult[]>;
}

/** Median of the timings of `fn` over `iterations` runs after `warmup` runs, in milliseconds. */
export async function medianMs(fn: () => unknown, iterations: number, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const filter = process.argv[2];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let failed = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { benches: Bench[] };
    for (const bench of mod.benches) {
      if (filter && !bench.name.includes(filter)) continue;
      process.stdout.write(`\n## ${bench.name}\n`);
      try {
        for (const r of await bench.run()) {
          const goal = r.goal
            ? `  (goal ${r.goal}: ${r.met === undefined ? '—' : r.met ? 'met' : 'NOT met'})`
            : '';
          process.stdout.write(
            `  ${r.label}: ${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}${goal}\n`,
          );
        }
      } catch (error) {
        failed++;
        process.stdout.write(`  failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      }
    }
  }
  if (files.length === 0) process.stdout.write('No benches yet.\n');
  process.exitCode = failed ? 1 : 0;
}

// Not a top-level await: bench files import medianMs from this module, and a dynamic import of a module that
// imports a still-evaluating entry deadlocks (Node exits with code 13 "unsettled top-level await").
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stdout.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
