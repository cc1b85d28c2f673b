/**
 * The `icp-packet` process: argv, the terminal and the environment around `main`. Each file of the built CLI
 * calls this once (scripts/build-cli.mjs bundles dist/cli/<command>.cjs, which bin/icp-packet.cjs runs as
 * CommonJS, with the command's module passed in `loaded`), so paths are worked out from the bundle's place:
 * resources/ sits two folders up from dist/cli, at the package root.
 */
import path from 'node:path';
import type { CliCommand } from './command';
import { main } from './main';

export function runCli(loaded?: Readonly<Record<string, CliCommand>>): void {
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    resourcesDir: path.resolve(__dirname, '..', '..', 'resources'),
    ...(loaded ? { loaded } : {}),
  }).then((code) => {
    process.exitCode = code;
  });
}
