#!/usr/bin/env node
// The icp-packet command runs the built CLI, dist/cli/: one CommonJS file per command (`check.cjs` …) and
// `icp-packet.cjs` for --help, --version and anything else, listed in dist/cli/bundles.json. `npm install`
// builds them (the `prepare` script, scripts/build-cli.mjs), and so does `npm run build:cli` after a change
// to cli/, core/ or host/.
//
// The file is compiled with V8's code cache: compiling is most of what a short command such as `check` spends
// beyond Node's own start. The first run of a build writes the compiled code (after the command ran, so it
// holds every function the run compiled) to the user's cache folder; later runs start from it. V8 refuses a
// cache made by another Node or V8 version or other flags, and its name carries the SHA-256 of the file it was
// made from, so a rebuilt CLI never runs a stale one. Any problem with the cache only means compiling again.
// ICP_PACKET_CODE_CACHE names another folder for it, or `off`.
//
// CommonJS, like the files it runs: started from an ES module, Node would first set up its ES module loader
// (≈ 20 ms of a run of `check`, and a quarter of `--version`).
const { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { Module, createRequire } = require('node:module');
const { homedir } = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const dir = path.join(__dirname, '..', 'dist', 'cli');

/** dist/cli/bundles.json: command name → { file, sha256 }; undefined when the CLI is not built. */
function readManifest() {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'bundles.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Where compiled code is kept, per user: the platform's cache folder. */
function cacheFolder() {
  const chosen = process.env.ICP_PACKET_CODE_CACHE;
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (process.platform === 'win32')
    return path.join(
      process.env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'),
      'ICP Packet Studio',
      'cli-code-cache',
    );
  if (process.platform === 'darwin')
    return path.join(homedir(), 'Library', 'Caches', 'ICP Packet Studio', 'cli-code-cache');
  return path.join(
    process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
    'icp-packet-studio',
    'cli-code-cache',
  );
}

/**
 * Compiles and runs one bundle as a CommonJS module, with V8's code cache when there is one. A bundle that
 * loads ES modules with import() (read-scan's OCR runtime) is left to Node's CommonJS loader, which can.
 */
function run(name, { file, sha256, codeCache }) {
  const filename = path.join(dir, file);
  if (!codeCache) {
    require(filename);
    return;
  }
  // The build writes ASCII only (scripts/build-cli.mjs): read as such, V8 keeps it as one-byte text.
  const source = readFileSync(filename, 'latin1');
  const folder = cacheFolder();
  const cacheFile =
    folder && path.join(folder, `${name}-${sha256.slice(0, 16)}-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes one.
  }
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected))
    process.once('exit', (code) => {
      // Only after a whole run: the cache then holds what such a run compiles.
      if (code === 0 || code === 1) writeCache(cacheFile, name, script);
    });
  const module = new Module(filename);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(dir);
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dir);
}

function writeCache(cacheFile, name, script) {
  try {
    const folder = path.dirname(cacheFile);
    mkdirSync(folder, { recursive: true });
    // Written aside and renamed: a run started meanwhile reads the old file or the whole new one.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    // Caches of earlier builds or Node versions of the same command are of no further use.
    const same = new RegExp(`^${name}-[0-9a-f]{16}-v[\\d.]+-\\w+\\.bin$`);
    for (const other of readdirSync(folder))
      if (same.test(other) && other !== path.basename(cacheFile))
        rmSync(path.join(folder, other), { force: true });
  } catch {
    // A read-only or full disk: the next run compiles again.
  }
}

const manifest = readManifest();
if (manifest) {
  const command = process.argv[2];
  const own = command !== undefined && command !== 'icp-packet' && Object.hasOwn(manifest, command);
  run(own ? command : 'icp-packet', manifest[own ? command : 'icp-packet']);
} else {
  process.stderr.write(
    'icp-packet is not built yet. Run `npm run build:cli` in the ICP Packet Studio folder ' +
      '(it needs the development dependencies that `npm install` installs).\n',
  );
  process.exitCode = 2;
}
