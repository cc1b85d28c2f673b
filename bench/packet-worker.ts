/**
 * A packet bench job run from the sources under tsx (bench/packet-jobs.ts says what each job does). The bench
 * runs the jobs from a bundle of the code instead, as the app runs it (bench/packet-bundle.ts); this entry is
 * for `BENCH_FROM_SOURCES=1`, whose CPU profiles name the project's files.
 *
 * Usage: node --import tsx bench/packet-worker.ts <codeRoot> <job> …
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runPacketJob } from './packet-jobs';

const [codeRoot = '', job = '', ...args] = process.argv.slice(2);
await runPacketJob(
  <T>(file: string) => import(pathToFileURL(path.join(codeRoot, file)).href) as Promise<T>,
  codeRoot,
  job,
  args,
);
