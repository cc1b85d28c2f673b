/**
 * Runs hostile probes one after another in this process and reports each on stdout, one JSON line per
 * event, for run.ts to watch: `{ "start": index, "timeout": s }`, then `{ "result": … }`. The runner kills
 * this process when a probe runs too long or takes too much memory, and starts a new one after it.
 *
 * Usage (from run.ts): node --import tsx bench/hostile/child.ts <root> <base> <from> <mountsJson> [filter]
 */
import { makeContext } from './context';
import { allProbes } from './probes';
import { outcome, type Outcome } from './verdicts';

const [root = '', base = '', fromArg = '0', mountsJson = '{}', filter = ''] = process.argv.slice(2);
const ctx = makeContext(root, base, JSON.parse(mountsJson) as { full?: string; ro?: string });
const probes = allProbes();

let stray: unknown;
// Work a probe left running (a background task) that fails later must not pass for a clean result.
process.on('unhandledRejection', (reason) => (stray = reason));
process.on('uncaughtException', (error) => (stray = error));

const send = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

// The checkout's modules load before the first probe starts its clock.
await ctx.api();
if (fromArg !== 'fixtures') await ctx.fixtures();

if (fromArg === 'fixtures') {
  // Made once, before any probe, so no probe's time limit pays for them.
  await ctx.fixtures();
  send({ done: true });
  process.exit(0);
}

for (let i = Number(fromArg); i < probes.length; i++) {
  const probe = probes[i];
  if (!probe || (filter && !probe.id.includes(filter))) continue;
  stray = undefined;
  send({ start: i, id: probe.id, timeout: probe.timeout ?? 30 });
  const started = performance.now();
  let result: Outcome;
  try {
    result = await probe.run(ctx);
  } catch (error) {
    result = outcome('crashed', `probe threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
  if (stray !== undefined && result.verdict !== 'crashed')
    result = outcome('crashed', `an error escaped: ${String((stray as Error)?.message ?? stray)}`);
  send({
    result: {
      index: i,
      id: probe.id,
      group: probe.group,
      ms: Math.round(performance.now() - started),
      ...result,
    },
  });
}
send({ done: true });
// Handles a probe may have left open (a FIFO, a stream) must not keep the runner waiting.
process.exit(0);
