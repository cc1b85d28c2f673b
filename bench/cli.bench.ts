/**
 * The `icp-packet` command cold: every run a fresh Node process, as a user's shell starts it. The CLI is
 * built first (scripts/build-cli.mjs, what `npm install` runs), then `check` of the sample case and
 * `--version` are each started RUNS times; reported: the median wall time and the median CPU time (user +
 * system, read by bench/cpu-at-exit.cjs in the child), with Node's own start-up (`node -e ""`) beside them.
 * On a loaded machine wall time grows with the queue for the CPU; CPU time much less. Wall time is taken from
 * runs without that hook, which costs a few milliseconds of its own.
 *
 * Each command is timed twice: as every run but the first after a build finds it, with the compiled code V8
 * cached (bin/icp-packet.cjs keeps it in the user's cache folder, here a temporary one), and as that first run,
 * which compiles the whole file and writes the cache (each run given an empty cache folder).
 *
 * The children are started without NODE_EXTRA_CA_CERTS: the development machines set it (to the system's CA
 * bundle), which makes Node 20 read and parse every certificate at each start, before any of our code runs:
 * 40–70 ms per start on this machine. Users' machines do not set it, and the CLI makes no network calls, so it
 * is no part of what a user waits for. When the variable is set here, Node's start-up with it is reported
 * too, so the difference can be read off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'icp-packet.cjs');
const CPU_HOOK = path.join(ROOT, 'bench', 'cpu-at-exit.cjs');
const RUNS = 11;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** This machine's environment without NODE_EXTRA_CA_CERTS, which users' machines do not set (see above). */
const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...USER_ENV } = process.env;
const WITHOUT_CA = "Node started without this machine's NODE_EXTRA_CA_CERTS";

/** One fresh process started as a user starts it, and one with the CPU hook: wall time and CPU time, in ms. */
function coldRun(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = USER_ENV,
  firstRun = false,
): { wallMs: number; cpuMs: number } {
  const start = (hooked: boolean) => {
    const codeCache = firstRun ? { ICP_PACKET_CODE_CACHE: mkdtempSync(path.join(cwd, 'first-run-')) } : {};
    const t0 = performance.now();
    const child = spawnSync(process.execPath, hooked ? ['--require', CPU_HOOK, ...args] : args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe', hooked ? 'pipe' : 'ignore'],
      env: { ...env, ...codeCache, LC_ALL: 'en_US.UTF-8' },
    });
    const wallMs = performance.now() - t0;
    if (child.status !== 0 && !(args.includes('check') && child.status === 1))
      throw new Error(`${args.join(' ')} exited with ${child.status}: ${String(child.stderr)}`);
    return { wallMs, output: child.output };
  };
  const { wallMs } = start(false);
  const cpu = JSON.parse(String(start(true).output[3])) as { user: number; system: number };
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function measure(
  label: string,
  args: string[],
  cwd: string,
  goalMs?: number,
  env: NodeJS.ProcessEnv = USER_ENV,
  firstRun = false,
): BenchResult[] {
  // The files into the OS cache (and the code cache written); still a fresh process each time below.
  coldRun(args, cwd, env);
  const runs = Array.from({ length: RUNS }, () => coldRun(args, cwd, env, firstRun));
  const wall = median(runs.map((r) => r.wallMs));
  const cpu = median(runs.map((r) => r.cpuMs));
  return [
    {
      label: `${label}, wall (median of ${RUNS} fresh processes)`,
      value: wall,
      unit: 'ms',
      ...(goalMs === undefined ? {} : { goal: `≤ ${goalMs} ms`, met: wall <= goalMs }),
    },
    {
      label: `${label}, CPU user+system (median; measured in a run with the CPU hook)`,
      value: cpu,
      unit: 'ms',
    },
  ];
}

async function run(): Promise<BenchResult[]> {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${String(build.stderr)}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'icp-bench-cli-'));
  try {
    const sample = spawnSync(process.execPath, [BIN, 'sample', '--out', dir], { cwd: dir });
    if (sample.status !== 0) throw new Error(`icp-packet sample failed: ${String(sample.stderr)}`);
    const note =
      extraCaCerts === undefined
        ? ''
        : ` (${WITHOUT_CA}, which users' machines do not set: its cost is the difference of the two node -e lines)`;
    const env = { ...USER_ENV, ICP_PACKET_CODE_CACHE: path.join(dir, 'code-cache') };
    const first = ', the first run after a build (compiles, writes the code cache)';
    return [
      ...(extraCaCerts === undefined
        ? []
        : measure(
            `node -e "" (Node start-up alone) with this machine's NODE_EXTRA_CA_CERTS`,
            ['-e', ''],
            dir,
            undefined,
            process.env,
          )),
      ...measure(`node -e "" (Node start-up alone)${note}`, ['-e', ''], dir),
      ...measure(`icp-packet --version cold${note}`, [BIN, '--version'], dir, 100, env),
      ...measure(
        `icp-packet check <sample case.json> cold${note}`,
        [BIN, 'check', 'case.json'],
        dir,
        250,
        env,
      ),
      ...measure(`icp-packet --version cold${first}`, [BIN, '--version'], dir, undefined, env, true),
      ...measure(
        `icp-packet check <sample case.json> cold${first}`,
        [BIN, 'check', 'case.json'],
        dir,
        undefined,
        env,
        true,
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const benches: Bench[] = [{ name: 'cli cold start', run }];
