// Loaded with `node --require` by bench/cli.bench.ts: at exit, the process's own CPU time (user and system,
// µs) goes to file descriptor 3, which the bench reads. CommonJS, as the launcher it measures: an ES module
// given to `--import` would start Node's ES module loader, which a user's run does not.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, JSON.stringify({ user, system }));
});
