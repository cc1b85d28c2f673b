/**
 * `npm test` must pass on a machine with only Node and npm (issue 13): the unit and integration tests may
 * start child processes, but only Node itself (`process.execPath`) — never a system tool such as poppler's
 * pdfinfo / pdftotext / pdftoppm or Info-ZIP's unzip, which `npm ci` does not install. PDFs are read back
 * with pdf.js and pdf-lib, zips with fflate. Rendering checks with poppler belong to the e2e suite (its
 * README line names the Debian packages). The whole suite is also run with a PATH holding nothing but node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // The e2e suite runs on a machine with chromium and poppler-utils installed.
      if (path.relative(root, full) === path.join('test', 'e2e')) continue;
      out.push(...testFiles(full));
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** A child process started with a literal program name rather than `process.execPath`. */
const SPAWN_CALL =
  /\b(?:exec|execFile|execSync|execFileSync|spawn|spawnSync)\s*\(\s*(['"`])([^'"`]+)\1|promisify\(\s*(?:exec|execFile)\s*\)\s*\(\s*(['"`])([^'"`]+)\3/g;
const SYSTEM_TOOLS =
  /\b(?:pdfinfo|pdftotext|pdftoppm|pdffonts|pdfimages|unzip|zipinfo|qpdf|mutool|gs|magick|convert)\b/;

export function systemToolCalls(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPAWN_CALL)) found.push(match[2] ?? match[4] ?? '');
  return found;
}

describe('the unit and integration tests run on a machine with only Node and npm', () => {
  it('the check itself finds a spawned system tool', () => {
    expect(systemToolCalls("const { stdout } = await exec('pdfinfo', [file]);")).toEqual(['pdfinfo']);
    expect(systemToolCalls("await promisify(execFile)('unzip', ['-Z1', zip]);")).toEqual(['unzip']);
    expect(systemToolCalls('await exec(process.execPath, [bin, "build"]);')).toEqual([]);
  });

  it('no test outside test/e2e starts anything but Node', () => {
    const offenders: string[] = [];
    for (const file of testFiles(path.join(root, 'test'))) {
      if (file === import.meta.filename) continue;
      for (const program of systemToolCalls(readFileSync(file, 'utf8')))
        offenders.push(`${path.relative(root, file)}: ${program}`);
    }
    expect(offenders).toEqual([]);
  });

  it('no test outside test/e2e names a poppler or unzip command line', () => {
    const offenders: string[] = [];
    for (const file of testFiles(path.join(root, 'test'))) {
      if (file === import.meta.filename) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const literal of code.matchAll(/(['"`])((?:(?!\1).)*)\1/g))
        if (SYSTEM_TOOLS.test(literal[2] ?? ''))
          offenders.push(`${path.relative(root, file)}: ${literal[2]}`);
    }
    expect(offenders).toEqual([]);
  });
});
