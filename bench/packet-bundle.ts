/**
 * The packet bench's jobs as the app runs its code: one bundle per tree under test, made with the options of
 * the app's own main-process bundle (scripts/electron-build-options.mjs: CommonJS, minified, the libraries
 * inlined, sharp left to node_modules), so the times and the peak RSS are those of the code that ships, not
 * of TypeScript compiled on the fly (under tsx the same modules held ~40 MB more).
 *
 * The bundle is written inside the tree (`dist/bench/packet-jobs.cjs`), where `require('sharp')` finds the
 * tree's node_modules; the baseline tree is bundled with today's options, so old and new differ only in code.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKET_JOB_MODULES } from './packet-jobs';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/**
 * Bundles the jobs (bench/packet-jobs.ts of `checkoutRoot`) with the modules of `codeRoot` they load, and
 * returns the bundle's path: `node <bundle> <codeRoot> <job> …` runs a job.
 */
export async function bundlePacketJobs(checkoutRoot: string, codeRoot: string): Promise<string> {
  const outdir = path.join(codeRoot, 'dist', 'bench');
  await mkdir(outdir, { recursive: true });
  const present: string[] = [];
  for (const file of PACKET_JOB_MODULES) if (await exists(path.join(codeRoot, file))) present.push(file);
  const entry = [
    `import { runPacketJob } from ${JSON.stringify(path.join(checkoutRoot, 'bench', 'packet-jobs.ts'))};`,
    ...present.map((file, i) => `import * as m${i} from ${JSON.stringify(path.join(codeRoot, file))};`),
    `const modules = { ${present.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`,
    'const [codeRoot = "", job = "", ...args] = process.argv.slice(2);',
    // A module the tree does not have (a baseline older than it) loads as {}, as the jobs expect.
    'runPacketJob(async (file) => modules[file] ?? {}, codeRoot, job, args).catch((error) => {',
    '  console.error(error);',
    '  process.exitCode = 1;',
    '});',
  ].join('\n');
  const entryFile = path.join(outdir, 'packet-jobs-entry.ts');
  await writeFile(entryFile, entry);
  const { build } = await import('esbuild');
  const { ELECTRON_BUILD_OPTIONS } = (await import(
    pathToFileURL(path.join(checkoutRoot, 'scripts', 'electron-build-options.mjs')).href
  )) as { ELECTRON_BUILD_OPTIONS: Record<string, unknown> };
  const outfile = path.join(outdir, 'packet-jobs.cjs');
  await build({
    ...ELECTRON_BUILD_OPTIONS,
    // The bench runs on this Node, not Electron's.
    target: 'node20',
    metafile: false,
    absWorkingDir: codeRoot,
    entryPoints: [entryFile],
    outfile,
    external: ['sharp'],
    logLevel: 'error',
  });
  return outfile;
}
