/**
 * `npm run hostile [-- --root <checkout>] [--filter <text>] [--json <file>]`: throws the hostile set of issue 22
 * (probes.ts: command lines, case files, .icpcase archives, IPC payloads, store files, full and read-only disks)
 * at a checkout — this one by default, or another (a baseline of main) — and prints how each input ended:
 * refused in one line, handled, wrongly accepted, crashed, hung, or lost (verdicts.ts).
 *
 * The probes run in a child process. A probe that answers nothing within its time limit, or takes more than
 * {@link MEMORY_LIMIT_MB} of memory, is killed and counted as hung; the run goes on in a new child. As root,
 * the runner mounts two small tmpfs (a full one, a read-only one) for the disk probes and unmounts them at
 * the end; without root those probes report "skipped".
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { VERDICTS, type Verdict } from './verdicts';

const MEMORY_LIMIT_MB = 1536;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

const { values } = parseArgs({
  options: { root: { type: 'string' }, filter: { type: 'string' }, json: { type: 'string' } },
});
const root = path.resolve(values.root ?? repo);
const base = path.join('/tmp', `hostile-run-${process.pid}`);

interface Result {
  index: number;
  id: string;
  group: string;
  verdict: Verdict;
  note: string;
  ms: number;
}

function mountTmpfs(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function setUpMounts(): Promise<{ full?: string; ro?: string }> {
  const full = path.join(base, 'full');
  const ro = path.join(base, 'ro');
  await mkdir(full, { recursive: true });
  await mkdir(ro, { recursive: true });
  const mounts: { full?: string; ro?: string } = {};
  if (mountTmpfs(full, 'size=1m')) mounts.full = full;
  if (mountTmpfs(ro, 'size=64k')) {
    await writeFile(path.join(ro, 'existing.pdf'), 'old');
    execFileSync('mount', ['-o', 'remount,ro', ro]);
    mounts.ro = ro;
  }
  return mounts;
}

function rssMb(pid: number): Promise<number> {
  return readFile(`/proc/${pid}/status`, 'utf8').then(
    (status) => Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
    () => 0,
  );
}

/** Runs probes from `from` in one child; resolves with the results and where to go on (or undefined). */
function runChild(from: number | 'fixtures', mounts: object): Promise<{ results: Result[]; next?: number }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'child.ts'),
        root,
        base,
        String(from),
        JSON.stringify(mounts),
        values.filter ?? '',
      ],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const results: Result[] = [];
    let current: { index: number; id: string; startedAt: number; timeout: number } | undefined;
    let killedFor: string | undefined;
    let finished = false;
    let stderrTail = '';
    child.stderr.on('data', (d: Buffer) => (stderrTail = (stderrTail + d.toString()).slice(-2000)));
    const watchdog = setInterval(() => {
      if (!current || killedFor || child.pid === undefined) return;
      const elapsed = (Date.now() - current.startedAt) / 1000;
      void rssMb(child.pid).then((mb) => {
        if (killedFor || !current) return;
        if (mb > MEMORY_LIMIT_MB) killedFor = `used ${Math.round(mb)} MB`;
        else if (elapsed > current.timeout) killedFor = `no answer in ${current.timeout} s`;
        if (killedFor) child.kill('SIGKILL');
      });
    }, 250);
    createInterface({ input: child.stdout }).on('line', (line) => {
      let event: { start?: number; id?: string; timeout?: number; result?: Result; done?: boolean };
      try {
        event = JSON.parse(line) as typeof event;
      } catch {
        return;
      }
      if (event.start !== undefined)
        current = {
          index: event.start,
          id: event.id ?? '',
          startedAt: Date.now(),
          timeout: event.timeout ?? 30,
        };
      if (event.result) {
        results.push(event.result);
        process.stdout.write(`${event.result.verdict.padEnd(8)} ${event.result.id} — ${event.result.note}\n`);
        current = undefined;
      }
      if (event.done) finished = true;
    });
    child.on('exit', (code, signal) => {
      clearInterval(watchdog);
      if (finished || !current) return resolve({ results });
      const verdict: Verdict = killedFor ? 'hung' : 'crashed';
      const note =
        killedFor ?? `runner died (${signal ?? code}): ${stderrTail.trim().split('\n').slice(-3).join(' ')}`;
      const id = current.id;
      process.stdout.write(`${verdict.padEnd(8)} ${id} — ${note}\n`);
      results.push({ index: current.index, id, group: id.split('/')[0] ?? '', verdict, note, ms: 0 });
      resolve({ results, next: current.index + 1 });
    });
  });
}

async function main(): Promise<void> {
  await rm(base, { recursive: true, force: true });
  await mkdir(base, { recursive: true });
  const mounts = await setUpMounts();
  const started = Date.now();
  const results: Result[] = [];
  try {
    const fixtures = await runChild('fixtures', mounts);
    if (fixtures.results.length) throw new Error('could not make the fixtures');
    let from: number | undefined = 0;
    while (from !== undefined) {
      const run: { results: Result[]; next?: number } = await runChild(from, mounts);
      results.push(...run.results);
      from = run.next;
    }
  } finally {
    for (const m of [mounts.full, mounts.ro])
      if (m)
        try {
          execFileSync('umount', [m], { stdio: 'ignore' });
        } catch {
          // Already gone.
        }
    await rm(base, { recursive: true, force: true });
  }
  const groups = [...new Set(results.map((r) => r.group))];
  const count = (rs: Result[], v: Verdict) => rs.filter((r) => r.verdict === v).length;
  const header = ['group', 'tried', ...VERDICTS].map((h) => h.padStart(9)).join('');
  const row = (name: string, rs: Result[]) =>
    [name, String(rs.length), ...VERDICTS.map((v) => String(count(rs, v)))]
      .map((c) => c.padStart(9))
      .join('');
  const table = [
    header,
    ...groups.map((g) =>
      row(
        g,
        results.filter((r) => r.group === g),
      ),
    ),
    row('total', results),
  ].join('\n');
  process.stdout.write(
    `\nHostile set on ${root} (${((Date.now() - started) / 1000).toFixed(0)} s)\n${table}\n`,
  );
  if (values.json) await writeFile(values.json, JSON.stringify({ root, results }, null, 2));
}

await main();
