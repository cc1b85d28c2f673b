// Electronegativity (Doyensec's Electron security scanner) over the main process and the renderer, scanned
// together as one application so its global checks (CSP, navigation limits, permission handler) see both
// halves. Fails on any HIGH or MEDIUM finding and on any file it could not parse; lower findings are printed.
//
// Offline by construction: the Electron version is given (it cannot look it up), its translation download is
// answered locally, and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK — which only compares that version with
// Electron's release feed on GitHub — is left out. The Electron version is pinned in package.json and raised
// on purpose.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `--root <dir>` scans another project laid out the same way (the tests use it on a deliberately unsafe one).
const rootArg = process.argv.indexOf('--root');
const root =
  rootArg > 0 && process.argv[rootArg + 1]
    ? path.resolve(process.argv[rootArg + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workDir = path.join(root, '.electronegativity'); // git-ignored
const scanDir = path.join(workDir, 'app');
const reportFile = path.join(workDir, 'report.sarif'); // paths in it are relative to the project root
const SOURCE_DIRS = ['electron', 'renderer'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);
const SCANNED_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.html', '.htm', '.json']);
const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies
  ?.electron;
if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) {
  console.error(
    `electronegativity: package.json must pin an exact Electron version (found ${electronVersion})`,
  );
  process.exit(2);
}

// Electronegativity fetches UI translations and release data with `got`. Answering every such request
// with a local failure keeps the run offline and quick (it falls back to its bundled English texts).
const engRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
const gotPath = engRequire.resolve('got');
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network'));
offline.head = offline;
engRequire.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
const runner = engRequire('@doyensec/electronegativity');
const run = runner.default ?? runner;

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

rmSync(workDir, { recursive: true, force: true });
mkdirSync(scanDir, { recursive: true });
for (const dir of SOURCE_DIRS) {
  cpSync(path.join(root, dir), path.join(scanDir, dir), {
    recursive: true,
    filter: (source) => !source.split(path.sep).includes('node_modules'),
  });
}
const scannedFiles = listFiles(scanDir).filter((f) => SCANNED_EXTENSIONS.has(path.extname(f).toLowerCase()));

// Its i18n module reports the failed translation download on stdout; keep our output to the findings.
const log = console.log;
console.log = () => {};
let result;
try {
  result = await run({
    input: scanDir,
    output: reportFile,
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: OFFLINE_EXCLUDED_CHECKS.map((c) => c.toLowerCase()),
    parserPlugins: [],
  });
} finally {
  console.log = log;
  // The copy only existed for the scan; left behind, linters and formatters would check it as sources.
  rmSync(scanDir, { recursive: true, force: true });
}

const { issues, errors, globalChecks, atomicChecks } = result;
const format = (issue) =>
  `  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ` +
  `${issue.file}:${issue.location.line}\n      ${issue.description.trim().split('\n')[0]}`;

const blocking = issues.filter((issue) => BLOCKING.has(issue.severity.name));
const other = issues.filter((issue) => !BLOCKING.has(issue.severity.name));
const parseFailures = errors.filter((error) => !error.tolerable);

console.log(
  `Electronegativity ${engRequire('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): ` +
    `${globalChecks + atomicChecks} checks over ${scannedFiles.length} files in ${SOURCE_DIRS.join('/, ')}/`,
);
if (other.length > 0) console.log(`Lower findings (not blocking):\n${other.map(format).join('\n')}`);
if (blocking.length > 0) console.error(`HIGH/MEDIUM findings:\n${blocking.map(format).join('\n')}`);
for (const error of parseFailures) console.error(`  could not parse ${error.file}: ${error.message}`);
console.log(`Report: ${path.relative(root, reportFile)}`);

if (scannedFiles.length === 0 || blocking.length > 0 || parseFailures.length > 0) {
  console.error(
    `electronegativity: failed (${blocking.length} HIGH/MEDIUM, ${parseFailures.length} unparsed, ` +
      `${scannedFiles.length} files scanned)`,
  );
  process.exit(1);
}
console.log('electronegativity: no HIGH or MEDIUM finding');
