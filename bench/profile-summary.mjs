/**
 * Where the time of a CPU profile goes (bench/packet-worker.ts `BENCH_CPU_PROFILE`): self time by library
 * or project file, and the inclusive time of the project's own functions, per build.
 *
 * Usage: node bench/profile-summary.mjs <file.cpuprofile> [builds in the profile, default 3] [rows, default 25]
 */
import { readFileSync } from 'node:fs';

const [file, buildsArg = '3', rowsArg = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-summary.mjs <file.cpuprofile> [builds] [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const builds = Number(buildsArg);
const rows = Number(rowsArg);

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

/** A library (node_modules package), a project file, or what V8 names (GC, program, idle). */
function owner(n) {
  const url = n.callFrame.url;
  if (!url) return `(${n.callFrame.functionName || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url;
  const project = /\/(core|host|bench|cli|electron)\/(.+)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}
const byOwner = new Map();
for (const [id, ms] of self) {
  const key = owner(nodes.get(id));
  byOwner.set(key, (byOwner.get(key) ?? 0) + ms);
}
const inclusive = new Map();
for (const [id, ms] of self) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const n = nodes.get(at);
    const url = n.callFrame.url;
    if (!url || url.includes('node_modules') || url.startsWith('node:')) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${owner(n)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const print = (title, map) => {
  process.stdout.write(`\n${title} (ms per build)\n`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows))
    process.stdout.write(`${(ms / builds).toFixed(0).padStart(7)}  ${key}\n`);
};
process.stdout.write(`profiled ${(total / builds).toFixed(0)} ms per build (${builds} builds)\n`);
print('self time by library or file', byOwner);
print('inclusive time of project functions', inclusive);
