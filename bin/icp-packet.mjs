#!/usr/bin/env node
// The icp-packet command runs the built CLI, dist/cli/icp-packet.mjs: `npm install` builds it (the `prepare`
// script, scripts/build-cli.mjs), and so does `npm run build:cli` after a change to cli/, core/ or host/.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/icp-packet.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(
    'icp-packet is not built yet. Run `npm run build:cli` in the ICP Packet Studio folder ' +
      '(it needs the development dependencies that `npm install` installs).\n',
  );
  process.exitCode = 2;
}
