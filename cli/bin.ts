/**
 * The `icp-packet` process: argv, the terminal and the environment around `main`. This is the entry of the
 * built CLI (scripts/build-cli.mjs bundles it to dist/cli/icp-packet.mjs, which bin/icp-packet.mjs runs), so
 * paths are worked out from the bundle's place: resources/ sits two folders up, at the package root.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main';

const bundleDir = path.dirname(fileURLToPath(import.meta.url));

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  resourcesDir: path.resolve(bundleDir, '..', '..', 'resources'),
  // A CLI run parses each schema about once: zod's compiled fast path (generated with `new Function` on
  // first use) costs more to build than it saves. Set before the command's modules define their schemas;
  // loaded here, not at the top, so that --version and --help do not load zod at all.
  beforeCommand: async () => (await import('./zod-jitless')).zodJitless(),
});
