// Loaded with `node --import` by bench/cli.bench.ts: at exit, the process's own CPU time (user and system, µs)
// goes to file descriptor 3, which the bench reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, JSON.stringify({ user, system }));
});
