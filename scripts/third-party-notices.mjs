// Writes resources/THIRD-PARTY-NOTICES.txt: the licence of every third-party package that ships in the app,
// with its full licence text, read from the packages themselves at build time. Run by `npm run build` after
// both bundles, it takes the list of what they contain from the bundlers (dist/licenses/*-inputs.json, written
// by vite.config.ts and scripts/build-electron.mjs), adds what runs from node_modules (sharp, its dependencies
// and its platform packages, with libvips and the libraries inside it) and the typeface (SIL OFL 1.1).
// The app shows the file in Settings → About (served on app://bundle/THIRD-PARTY-NOTICES.txt) and the
// installers carry it beside app.asar (electron-builder extraResources).
//
// A package without a licence text fails the build (an MIT package that publishes none gets the MIT text with
// its author as the copyright holder): a notice cannot be shipped incomplete.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'resources', 'THIRD-PARTY-NOTICES.txt');

/** The package folder (…/node_modules/<name> or …/node_modules/@scope/<name>) a bundled file came from. */
function packageDirOf(file) {
  const absolute = path.isAbsolute(file)
    ? file
    : path.resolve(root, file.startsWith('../') ? 'renderer' : '', file);
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(absolute);
  return match?.[1];
}

function inputs(name) {
  const file = path.join(root, 'dist', 'licenses', name);
  if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run npm run build`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

function licenceTexts(dir) {
  return readdirSync(dir)
    .filter((entry) => LICENCE_FILE.test(entry))
    .sort()
    .map((entry) => readFileSync(path.join(dir, entry), 'utf8').trim());
}

function describe(dir, shippedAs) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licence = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see text');
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  const homepage = pkg.homepage ?? repository?.replace(/^git\+/, '').replace(/^git:/, 'https:');
  return { name: pkg.name, version: pkg.version, licence, author, homepage, shippedAs, dir };
}

// 1. What the bundles contain.
const bundled = new Map();
for (const [list, shippedAs] of [
  ['electron-inputs.json', 'bundled into the main process'],
  ['renderer-inputs.json', 'bundled into the window'],
]) {
  for (const file of inputs(list)) {
    const dir = packageDirOf(file);
    if (dir === undefined) continue;
    const entry = bundled.get(dir) ?? describe(dir, new Set());
    entry.shippedAs.add(shippedAs);
    bundled.set(dir, entry);
  }
}

// 2. What runs from node_modules: the production dependencies (sharp) and everything they depend on. Of
// sharp's platform packages the build host's stand for every platform's (same versions and licences).
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const hostPlatformPackages = readdirSync(path.join(root, 'node_modules', '@img'))
  .filter((name) => /^sharp-(libvips-)?[a-z]+-[a-z0-9]+$/.test(name) && !name.includes('wasm'))
  .map((name) => `@img/${name}`);
const queue = Object.keys(lock.packages[''].dependencies ?? {});
const seen = new Set();
while (queue.length > 0) {
  const name = queue.shift();
  if (seen.has(name)) continue;
  seen.add(name);
  const dir = path.join(root, 'node_modules', name);
  if (!existsSync(dir)) continue;
  const entry = bundled.get(dir) ?? describe(dir, new Set());
  entry.shippedAs.add(
    name.startsWith('@img/sharp-') ? 'runs from node_modules (per platform)' : 'runs from node_modules',
  );
  bundled.set(dir, entry);
  const info = lock.packages[`node_modules/${name}`] ?? {};
  queue.push(...Object.keys(info.dependencies ?? {}));
  // Optional dependencies are the per-platform binaries: only this platform's are installed, hence present.
  queue.push(
    ...Object.keys(info.optionalDependencies ?? {}).filter((dep) => hostPlatformPackages.includes(dep)),
  );
}

// libvips and the libraries built into it carry their licences in the package's README, and their terms
// (LGPL-3.0-or-later, which incorporates the GPL-3.0) as committed texts: the package holds no licence file.
const LIBVIPS_TEXTS = ['LGPL-3.0.txt', 'GPL-3.0.txt'].map((file) =>
  readFileSync(path.join(root, 'build', 'licenses', file), 'utf8').trim(),
);

function textsFor(entry) {
  if (/^@img\/sharp-libvips-/.test(entry.name)) {
    const readme = readFileSync(path.join(entry.dir, 'README.md'), 'utf8');
    const licensing = readme.slice(readme.indexOf('## Licensing')).trim();
    return [licensing, ...LIBVIPS_TEXTS];
  }
  const texts = licenceTexts(entry.dir);
  if (texts.length > 0) return texts;
  // A few MIT packages publish no licence file (their package.json and README say MIT): the MIT text with
  // the author the package names as its copyright holder.
  if (entry.licence === 'MIT' && entry.author) {
    return [
      readFileSync(path.join(root, 'build', 'licenses', 'MIT.txt'), 'utf8')
        .trim()
        .replace('{{holder}}', entry.author),
    ];
  }
  throw new Error(
    `${entry.name}@${entry.version} (${entry.licence}) ships but has no licence file in ${entry.dir}`,
  );
}

const rule = '='.repeat(100);
const sections = [...bundled.values()]
  .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  .map((entry) => {
    const name = hostPlatformPackages.includes(entry.name)
      ? entry.name.replace(/-[a-z]+-[a-z0-9]+$/, '-<platform>')
      : entry.name;
    const header = [
      rule,
      `${name} ${entry.version} — ${entry.licence}`,
      `${[...entry.shippedAs].sort().join('; ')}${entry.homepage ? ` · ${entry.homepage}` : ''}`,
      rule,
    ];
    return [...header, '', textsFor(entry).join('\n\n'), ''].join('\n');
  });

const fontLicence = readFileSync(path.join(root, 'resources', 'fonts', 'OFL.txt'), 'utf8').trim();
const text = [
  'ICP Packet Studio — third-party notices',
  '',
  'ICP Packet Studio includes the software and typeface below. Each is listed with its version, its licence and',
  'the full licence text as its authors distribute it. This file is generated from the packages that ship in',
  'this version of the app. Electron and Chromium, the runtime the app is built on, carry their own notices in',
  'the files LICENSE and LICENSES.chromium.html in the application folder.',
  '',
  rule,
  'Noto Sans SC (regular and bold) — SIL Open Font License 1.1',
  'the typeface of the window and of the generated documents · https://github.com/notofonts/noto-cjk',
  rule,
  '',
  fontLicence,
  '',
  ...sections,
].join('\n');

writeFileSync(out, text);
