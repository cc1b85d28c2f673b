/**
 * Child process of bench/packet.bench.ts: builds the licence packet of `<caseDir>/case.json` into `<outDir>`
 * (folder and zip) `runs` times after one warm-up, and prints timings and the process's peak RSS as JSON.
 * A separate process, so the peak memory is the build's and not the bench harness's.
 *
 * Usage: node --import tsx bench/packet-worker.ts <caseDir> <outDir> <runs>
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { restore } from '../core/model/restore';
import { checkCase } from '../core/rules/preflight';
import { assembleCasePacket } from '../host/packet/export-packet';
import { writePacket } from '../host/packet/write-packet';

const [caseDir = '', outDir = '', runsArg = '3'] = process.argv.slice(2);
const restored = restore(JSON.parse(await readFile(path.join(caseDir, 'case.json'), 'utf8')));
if (!restored.ok) throw new Error(restored.details);
const c = restored.case;

async function buildOnce(): Promise<{ ms: number; cpuMs: number; files: number; bytes: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  checkCase(c);
  const now = new Date();
  const { packet } = await assembleCasePacket({
    case: c,
    readAttachment: async (meta) =>
      new Uint8Array(await readFile(path.join(caseDir, 'attachments', `${meta.id}.jpg`))),
    profile: 'aliyun',
    now,
    appVersion: 'bench',
  });
  await writePacket(packet, { outDir, zip: true, replace: true, now });
  const cpu = process.cpuUsage(cpu0);
  return {
    ms: performance.now() - t0,
    // CPU time of the whole process (main thread and libuv/libvips threads): less sensitive to a busy machine.
    cpuMs: (cpu.user + cpu.system) / 1000,
    files: packet.files.length,
    bytes: packet.files.reduce((sum, f) => sum + f.bytes.length, 0),
  };
}

const cold = await buildOnce();
const warm: number[] = [];
const warmCpu: number[] = [];
let last = cold;
for (let i = 0; i < Number(runsArg); i++) {
  last = await buildOnce();
  warm.push(last.ms);
  warmCpu.push(last.cpuMs);
}
process.stdout.write(
  `${JSON.stringify({
    coldMs: cold.ms,
    warmMs: warm,
    warmCpuMs: warmCpu,
    files: last.files,
    packetBytes: last.bytes,
    // resourceUsage().maxRSS is the lifetime peak in KiB: the true peak, even inside synchronous PDF work.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
