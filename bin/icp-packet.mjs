#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so a clean clone needs no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  // The entry point knows where the project is; the commands are given its resources folder.
  resourcesDir: fileURLToPath(new URL('../resources', import.meta.url)),
});
