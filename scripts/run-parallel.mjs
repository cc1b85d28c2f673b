// Runs npm scripts at the same time and fails when any of them fails: `npm test` runs the static checks
// (typecheck, lint, format check) this way. Each is single-threaded, so on two cores they
// take about as long as the slowest (tsc, ~40 s) instead of their sum (~80 s). Each script's output is
// printed whole when it ends, in the order given, so the output of one is never mixed into another's.
//
// Usage: node scripts/run-parallel.mjs <script> [<script> …]
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  process.stderr.write('usage: node scripts/run-parallel.mjs <npm script> [<npm script> …]\n');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(npm, ['run', '--silent', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
      child.on('close', (code) =>
        resolve({ script, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }),
      );
    }),
);

let failed = 0;
for (const run of runs) {
  const { script, code, output, seconds } = await run;
  process.stdout.write(`\n> npm run ${script}\n`);
  for (const chunk of output) process.stdout.write(chunk);
  process.stdout.write(
    `${code === 0 ? 'passed' : `FAILED (exit ${code})`}: ${script}, ${seconds.toFixed(0)} s\n`,
  );
  if (code !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
