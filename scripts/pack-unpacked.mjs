// Packs the app as electron-builder's unpacked (`--dir`) build for Windows x64, macOS arm64 and macOS x64,
// on any machine and without downloading Electron, so CI can inspect what the installers would carry
// (test/pack/packed-app.pack.ts) and the bench can weigh it (bench/packaging.bench.ts).
//
//   node scripts/pack-unpacked.mjs [--targets win-x64,mac-arm64,mac-x64] [--project <dir>] [--out <dir>]
//
// Run after `npm run build`. For each target, one OS per run:
// 1. the project's files (package.json, the lock, electron-builder.yml, build/, dist/, resources/ …) are
//    staged in a folder of their own, and `npm ci --omit=dev --os=<os> --cpu=<cpu>` installs the production
//    dependencies there as they would be on that platform: sharp with the target's @img/* binaries (fetched
//    from the npm registry the first time, from npm's cache after), never the build machine's;
// 2. electron-builder packs that folder for the target with `electronDist` pointing at stand-in Electron
//    distributions (electron-v<version>-<platform>-<arch>.zip, made here): a Windows electron.exe that is a PE
//    with a VersionInfo resource and Electron's fuse sentinel, a macOS Electron.app skeleton. electron-builder
//    then does everything it does for a release — asar, asar integrity, fuses, icons, Info.plist, resources —
//    except signing and the installer itself.
// Each target's output is <out>/<target>/ with pack.json: the stand-in files (Electron's own runtime, not
// ours) and the payload (what we add), the OCR models (resources/ocr) counted apart.
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
  'win-x64': { platform: 'win32', os: 'win32', cpu: 'x64', builderFlag: '--win', arch: '--x64' },
  'mac-arm64': { platform: 'darwin', os: 'darwin', cpu: 'arm64', builderFlag: '--mac', arch: '--arm64' },
  'mac-x64': { platform: 'darwin', os: 'darwin', cpu: 'x64', builderFlag: '--mac', arch: '--x64' },
};

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
  if (target.startsWith('win')) return path.join(targetOut, 'win-unpacked');
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

async function packTarget(project, out, name, electronDist, version) {
  const target = TARGETS[name];
  const stageDir = path.join(out, `.stage-${name}`);
  const targetOut = path.join(out, name);
  const started = Date.now();
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
  rmSync(targetOut, { recursive: true, force: true });
  await run(
    process.execPath,
    [
      path.join(repo, 'node_modules', 'electron-builder', 'cli.js'),
      '--projectDir',
      stageDir,
      target.builderFlag,
      'dir',
      target.arch,
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${version}`,
      `-c.directories.output=${targetOut}`,
    ],
    {
      cwd: stageDir,
      maxBuffer: 64 * 1024 * 1024,
      // No signing identity is looked for, and nothing is downloaded.
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_OFFLINE: 'true' },
    },
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

export async function packUnpacked({ project = repo, out, targets = Object.keys(TARGETS) } = {}) {
  const outDir = path.resolve(out ?? path.join(project, 'release', 'unpacked'));
  const version = electronVersion(project);
  for (const required of ['dist/electron/main.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(project, required)))
      throw new Error(`${required} is missing: run npm run build first`);
  }
  const electronDist = path.join(outDir, '.electron-dist');
  mkdirSync(electronDist, { recursive: true });
  for (const name of targets) {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
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
  const reports = await packUnpacked({
    project: option('--project') ? path.resolve(option('--project')) : repo,
    out: option('--out'),
    targets: option('--targets')?.split(','),
  });
  for (const r of reports) {
    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `${r.target}: payload ${mb(r.payloadBytes)} MB, OCR models ${mb(r.ocrBytes)} MB (${r.seconds.toFixed(1)} s)`,
    );
  }
}
