#!/usr/bin/env node
// The icp-packet command runs the built CLI, dist/cli/icp-packet.mjs: `npm install` builds it (the `prepare`
// script, scripts/build-cli.mjs), and so does `npm run build:cli` after a change to cli/, core/ or host/.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle in a cache folder (NODE_COMPILE_CACHE, else
// node-compile-cache in the system temp folder), so later runs skip compiling it: compiling is most of what
// `check` spends beyond Node's own start. Node 20 has no such call and compiles on every run.
module.enableCompileCache?.();

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
