/**
 * This process's peak resident memory, in MB. On Linux it is the kernel's high-water mark of the process's
 * memory (VmHWM in /proc/self/status), which exec starts afresh. Not `process.resourceUsage().maxRSS`:
 * Linux carries that over exec from the process that spawned it, so a job's child process reported its
 * parent's resident memory at the spawn whenever that was larger — the packet bench's parent held the
 * generated scans, 200–490 MB, and every peak it printed before 2026-12-07 was that, not the job's (a child
 * holding 39 MB printed 404 MB beside a parent of 400 MB). Elsewhere maxRSS is all there is.
 */
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}
