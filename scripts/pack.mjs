// Packs the app one target (OS and CPU) per run, each with that target's own sharp binary: electron-builder
// packs whatever @img/sharp-* is in node_modules, and npm installs only the build machine's, so an x64 and an
// arm64 installer built in one run would both carry one of them and fail to process scans on the other.
//
//   node scripts/pack.mjs [--targets win-x64,mac-arm64,mac-x64]   unpacked apps, offline (tests, bench)
//   node scripts/pack.mjs --installer --targets win-x64,win-arm64  installers (npm run dist:win / dist:mac)
//
// Run after `npm run build`. For each target:
// 1. the project's files (package.json, the lock, electron-builder.yml, build/, dist/, resources/ …) are
//    staged in a folder of their own, and `npm ci --omit=dev --os=<os> --cpu=<cpu>` installs the production
//    dependencies there as they would be on that platform: sharp with the target's @img/* binaries (fetched
//    from the npm registry the first time, from npm's cache after), never the build machine's;
// 2. electron-builder packs that folder for that target alone.
// Unpacked (the default, what CI inspects in test/pack/packed-app.pack.ts and the bench weighs): electron-builder
// --dir with `electronDist` pointing at stand-in Electron distributions (electron-v<version>-<platform>-<arch>.zip,
// made here), so nothing is downloaded: a Windows electron.exe that is a PE with a VersionInfo resource and
// Electron's fuse sentinel, a macOS Electron.app skeleton. electron-builder then does everything it does for a
// release — asar, asar integrity, fuses, icons, Info.plist, resources — except signing and the installer.
// Each target's output is <out>/<target>/ with pack.json: the payload (what we add to Electron's runtime), the
// OCR models (resources/ocr) counted apart.
// Installers (--installer): the NSIS installer or DMG of electron-builder.yml, with the real Electron (downloaded,
// or from Electron's cache), signed when signing credentials are set (README, "Signing and notarising"), into
// release/.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const repo = path.resolve(import.meta.dirname, '..');

export const TARGETS = {
  'win-x64': {
    platform: 'win32',
    os: 'win32',
    cpu: 'x64',
    builderFlag: '--win',
    arch: '--x64',
    installer: 'nsis',
  },
  'win-arm64': {
    platform: 'win32',
    os: 'win32',
    cpu: 'arm64',
    builderFlag: '--win',
    arch: '--arm64',
    installer: 'nsis',
  },
  'mac-arm64': {
    platform: 'darwin',
    os: 'darwin',
    cpu: 'arm64',
    builderFlag: '--mac',
    arch: '--arm64',
    installer: 'dmg',
  },
  'mac-x64': {
    platform: 'darwin',
    os: 'darwin',
    cpu: 'x64',
    builderFlag: '--mac',
    arch: '--x64',
    installer: 'dmg',
  },
};
/** The unpacked apps CI packs and inspects (Windows on arm64 differs from x64 only by its sharp package). */
export const CHECKED_TARGETS = ['win-x64', 'mac-arm64', 'mac-x64'];

/** Electron's fuse sentinel (@electron/fuses): fuses are flipped in the bytes after it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1 as Electron 45 ships it: version 1, 8 fuses ('1' on, '0' off), before the app's changes. */
const FUSE_WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);

function electronVersion(project) {
  const lock = JSON.parse(readFileSync(path.join(project, 'package-lock.json'), 'utf8'));
  const version = lock.packages['node_modules/electron']?.version;
  if (!version) throw new Error('electron is not in package-lock.json');
  return version;
}

/** A Windows electron.exe stand-in: a PE that resedit (electron-builder's resource editor) accepts. */
function standInWindowsExe(version) {
  const { NtExecutable, NtExecutableResource, Resource } = require('resedit');
  const exe = NtExecutable.createEmpty(false, false);
  const resource = NtExecutableResource.from(exe);
  const info = Resource.VersionInfo.createEmpty();
  const [major, minor, patch] = version.split('.').map(Number);
  info.setFileVersion(major, minor, patch, 0, 1033);
  info.setProductVersion(major, minor, patch, 0, 1033);
  info.setStringValues(
    { lang: 1033, codepage: 1200 },
    {
      CompanyName: 'GitHub, Inc.',
      FileDescription: 'Electron',
      FileVersion: version,
      InternalName: 'electron.exe',
      OriginalFilename: 'electron.exe',
      ProductName: 'Electron',
      ProductVersion: version,
    },
  );
  info.outputToResourceEntries(resource.entries);
  resource.outputResource(exe);
  exe.setExtraData(FUSE_WIRE);
  return Buffer.from(exe.generate());
}

function plist(entries) {
  const body = Object.entries(entries)
    .map(([key, value]) => `  <key>${key}</key>\n  <string>${value}</string>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
${body}
</dict>
</plist>
`;
}

/** The files of a stand-in Electron distribution for `platform`, as electron-builder unpacks them. */
function standInDistribution(platform, version) {
  const text = (value) => new TextEncoder().encode(value);
  const common = {
    LICENSE: text('Stand-in for Electron’s LICENSE (test packaging only).\n'),
    'LICENSES.chromium.html': text('<!doctype html><title>Stand-in</title>\n'),
    version: text(version),
  };
  if (platform === 'win32') return { ...common, 'electron.exe': standInWindowsExe(version) };
  const executable = [text('#!/bin/sh\n# stand-in\n'), { attrs: 0o100755 << 16, os: 3 }];
  const app = 'Electron.app/Contents';
  const files = {
    ...common,
    [`${app}/Info.plist`]: text(
      plist({
        CFBundleDisplayName: 'Electron',
        CFBundleExecutable: 'Electron',
        CFBundleIconFile: 'electron.icns',
        CFBundleIdentifier: 'com.github.Electron',
        CFBundleName: 'Electron',
        CFBundlePackageType: 'APPL',
        CFBundleShortVersionString: version,
        CFBundleVersion: version,
      }),
    ),
    [`${app}/MacOS/Electron`]: executable,
    [`${app}/Resources/electron.icns`]: text('icns'),
    [`${app}/Frameworks/Electron Framework.framework/Electron Framework`]: [
      new Uint8Array(FUSE_WIRE),
      { attrs: 0o100755 << 16, os: 3 },
    ],
  };
  for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
    const helper = `${app}/Frameworks/Electron Helper${suffix}.app/Contents`;
    files[`${helper}/Info.plist`] = text(
      plist({
        CFBundleExecutable: `Electron Helper${suffix}`,
        CFBundleIdentifier: 'com.github.Electron.helper',
        CFBundleName: `Electron Helper${suffix}`,
        CFBundlePackageType: 'APPL',
        CFBundleVersion: version,
      }),
    );
    files[`${helper}/MacOS/Electron Helper${suffix}`] = executable;
  }
  return files;
}

/** Hard-links (or copies) `from` to `to`, folders recursively. */
function place(from, to) {
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) place(path.join(from, entry), path.join(to, entry));
    return;
  }
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The project as electron-builder needs it: its tracked files (no tests or benches), the build output. */
async function stage(project, dir) {
  rmSync(dir, { recursive: true, force: true });
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: project, maxBuffer: 64 * 1024 * 1024 });
  const tracked = stdout.split('\0').filter((file) => file && !/^(test|bench|\.ci)\//.test(file));
  for (const file of tracked)
    if (existsSync(path.join(project, file))) place(path.join(project, file), path.join(dir, file));
  for (const built of ['dist', 'resources']) place(path.join(project, built), path.join(dir, built));
}

/** Sums the sizes of the files under `dir` (recursively), as { relative path: bytes }. */
export function filesUnder(dir, base = dir) {
  const out = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, filesUnder(full, base));
    else if (entry.isFile()) out[path.relative(base, full).split(path.sep).join('/')] = statSync(full).size;
  }
  return out;
}

/** The folder of the packed app inside a target's output (win-unpacked/, or the .app of mac-arm64/ or mac/). */
export function appFolder(targetOut, target) {
  // electron-builder names the folder by architecture beyond x64: win-unpacked, win-arm64-unpacked.
  if (target.startsWith('win'))
    return path.join(targetOut, target === 'win-x64' ? 'win-unpacked' : 'win-arm64-unpacked');
  const dir = path.join(targetOut, target === 'mac-arm64' ? 'mac-arm64' : 'mac');
  const app = readdirSync(dir).find((name) => name.endsWith('.app'));
  if (!app) throw new Error(`no .app in ${dir}`);
  return path.join(dir, app);
}

/** Where app.asar and the extra resources are (process.resourcesPath in the packed app). */
export function resourcesFolder(targetOut, target) {
  const app = appFolder(targetOut, target);
  return target.startsWith('win') ? path.join(app, 'resources') : path.join(app, 'Contents', 'Resources');
}

/** Stages the project for `name` with that target's production dependencies (its own sharp binaries). */
async function stageFor(project, out, name) {
  const target = TARGETS[name];
  const stageDir = path.join(out, `.stage-${name}`);
  await stage(project, stageDir);
  await run(
    'npm',
    [
      'ci',
      '--omit=dev',
      `--os=${target.os}`,
      `--cpu=${target.cpu}`,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: stageDir, maxBuffer: 64 * 1024 * 1024 },
  );
  return stageDir;
}

/** electron-builder's command line, run on a staged project. */
async function electronBuilder(stageDir, args, env) {
  await run(
    process.execPath,
    [path.join(repo, 'node_modules', 'electron-builder', 'cli.js'), '--projectDir', stageDir, ...args],
    { cwd: stageDir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
  );
}

async function packTarget(project, out, name, electronDist, version) {
  const target = TARGETS[name];
  const targetOut = path.join(out, name);
  const started = Date.now();
  const stageDir = await stageFor(project, out, name);
  rmSync(targetOut, { recursive: true, force: true });
  await electronBuilder(
    stageDir,
    [
      target.builderFlag,
      'dir',
      target.arch,
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${version}`,
      `-c.directories.output=${targetOut}`,
    ],
    // No signing identity is looked for, and nothing is downloaded.
    { CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_OFFLINE: 'true' },
  );
  rmSync(stageDir, { recursive: true, force: true });

  // What came from the Electron distribution is Electron's runtime; everything else is the app's payload.
  const standIn = new Set(
    Object.keys(standInDistribution(target.platform, version)).map((file) =>
      file.replace(/^Electron\.app\//, '').replace(/^electron\.exe$/, ''),
    ),
  );
  const files = filesUnder(resourcesFolder(targetOut, name));
  let payloadBytes = 0;
  let ocrBytes = 0;
  for (const [file, bytes] of Object.entries(files)) {
    if (standIn.has(`Contents/Resources/${file}`)) continue;
    if (file.startsWith('ocr/')) ocrBytes += bytes;
    else payloadBytes += bytes;
  }
  const report = {
    target: name,
    electronVersion: version,
    payloadBytes,
    ocrBytes,
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(path.join(targetOut, 'pack.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

function checkBuilt(project) {
  for (const required of ['dist/electron/main.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(project, required)))
      throw new Error(`${required} is missing: run npm run build first`);
  }
}

function checkTargets(targets) {
  for (const name of targets) {
    if (!TARGETS[name]) throw new Error(`unknown target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
  }
}

/**
 * The installers of `targets` (electron-builder.yml's NSIS or DMG, one architecture per run) into
 * `<project>/release`, with the real Electron; signed when the environment holds signing credentials.
 */
export async function packInstallers({ project = repo, targets }) {
  checkBuilt(project);
  checkTargets(targets);
  const out = path.join(project, 'release');
  mkdirSync(out, { recursive: true });
  const version = electronVersion(project);
  for (const name of targets) {
    const target = TARGETS[name];
    const stageDir = await stageFor(project, out, name);
    try {
      await electronBuilder(stageDir, [
        target.builderFlag,
        target.installer,
        target.arch,
        '--publish',
        'never',
        `-c.electronVersion=${version}`,
        `-c.directories.output=${out}`,
      ]);
    } finally {
      rmSync(stageDir, { recursive: true, force: true });
    }
    console.log(`${name}: ${target.installer} in ${out}`);
  }
}

export async function packUnpacked({ project = repo, out, targets = CHECKED_TARGETS } = {}) {
  const outDir = path.resolve(out ?? path.join(project, 'release', 'unpacked'));
  const version = electronVersion(project);
  checkBuilt(project);
  checkTargets(targets);
  const electronDist = path.join(outDir, '.electron-dist');
  mkdirSync(electronDist, { recursive: true });
  for (const name of targets) {
    const target = TARGETS[name];
    const zip = path.join(electronDist, `electron-v${version}-${target.platform}-${target.cpu}.zip`);
    writeFileSync(zip, zipSync(standInDistribution(target.platform, version), { level: 1 }));
  }
  const reports = [];
  for (const name of targets) reports.push(await packTarget(project, outDir, name, electronDist, version));
  rmSync(electronDist, { recursive: true, force: true });
  return reports;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const option = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const project = option('--project') ? path.resolve(option('--project')) : repo;
  const targets = option('--targets')?.split(',');
  if (process.argv.includes('--installer')) {
    if (!targets) throw new Error(`--installer needs --targets (${Object.keys(TARGETS).join(', ')})`);
    await packInstallers({ project, targets });
  } else {
    const reports = await packUnpacked({ project, out: option('--out'), targets });
    for (const r of reports) {
      const mb = (bytes) => (bytes / 1e6).toFixed(1);
      console.log(
        `${r.target}: payload ${mb(r.payloadBytes)} MB, OCR models ${mb(r.ocrBytes)} MB (${r.seconds.toFixed(1)} s)`,
      );
    }
  }
}
