// Installers cannot be built on these machines (electron-builder downloads Electron), so the packaging
// configuration is checked here instead: loaded and schema-validated by electron-builder's own code, then
// every property the release depends on is asserted.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OCR_FILES } from '../../host/ocr/resources';
import type { Configuration, FileSet } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  build?: unknown;
};

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** The `files` patterns as electron-builder normalised them: one file set taken from the project root. */
function filePatterns(): string[] {
  const sets = (Array.isArray(config.files) ? config.files : [config.files]) as (string | FileSet)[];
  return sets.flatMap((set) => {
    if (typeof set === 'string') return [set];
    // A set copied from another folder would escape the allow-list below.
    expect(set.from ?? '.').toBe('.');
    expect(set.to ?? '.').toBe('.');
    return (Array.isArray(set.filter) ? set.filter : [set.filter]).filter(
      (p): p is string => typeof p === 'string',
    );
  });
}
const includes = () => filePatterns().filter((p) => !p.startsWith('!'));
const excludes = () =>
  filePatterns()
    .filter((p) => p.startsWith('!'))
    .map((p) => p.slice(1));

/** Would electron-builder put this project file into app.asar? (Its include/exclude glob semantics.) */
function packaged(file: string): boolean {
  return (
    includes().some((pattern) => path.matchesGlob(file, pattern)) &&
    !excludes().some((pattern) => path.matchesGlob(file, pattern))
  );
}

/** Every file of the working tree outside dependencies and build output, as repo-relative paths. */
function projectFiles(dir = root): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'release', 'test-results', 'coverage', '.tsbuild']);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? projectFiles(full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

describe('electron-builder configuration', () => {
  it('lives in electron-builder.yml only, and passes electron-builder’s schema', async () => {
    expect(existsSync(path.join(root, 'electron-builder.yml'))).toBe(true);
    expect(packageJson.build).toBeUndefined();
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => {} } as never),
    ).resolves.toBeUndefined();
  }, 60_000);

  it('names the app', () => {
    expect(config.appId).toBe('com.icppacketstudio.app');
    expect(config.productName).toBe('ICP Packet Studio');
    expect(config.directories?.output).toBe('release');
    expect(readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^release\/$/m);
  });

  it('builds Windows NSIS installers for x64 and arm64', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
  });

  it('builds macOS DMGs for x64 and arm64 with the hardened runtime and minimal entitlements', () => {
    const mac = config.mac;
    expect(mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(mac?.hardenedRuntime).toBe(true);
    expect(mac?.entitlements).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(path.join(root, mac?.entitlements ?? ''), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages only the allow-listed files', () => {
    // Templates, rule data and UI text are inlined into the bundles (test/pack checks they are there).
    expect(includes().sort()).toEqual(['dist/electron/**', 'dist/renderer/**', 'package.json'].sort());
    for (const file of [
      packageJson.main,
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/fonts.css',
      'dist/renderer/assets/index-abc.js',
      'package.json',
    ]) {
      expect(packaged(file), file).toBe(true);
    }
  });

  it.each([
    'core/model/case.ts',
    'core/i18n/language.ts',
    'electron/main.ts',
    'electron/preload.ts',
    'renderer/src/main.tsx',
    'renderer/index.html',
    'cli/main.ts',
    'bin/icp-packet.cjs',
    'test/e2e/bridge.ts',
    'test/e2e/bridge/server.ts',
    'test/electron/menu.test.ts',
    'test/fixtures/case.json',
    'bench/run.ts',
    'scripts/build-electron.mjs',
    'scripts/electronegativity.mjs',
    'resources/fonts/NotoSansSC-Regular.ttf',
    'dist/renderer/assets/index-abc.js.map',
    'dist/electron/main.cjs.map',
    'README.md',
    'locales/zh-CN.json',
    'templates/rules/pathway-rules.json',
    'dist/licenses/renderer-inputs.json',
    'tsconfig.json',
    'electron-builder.yml',
    '.env',
    'node_modules/tsx/dist/cli.mjs',
    'node_modules/esbuild/bin/esbuild',
    'node_modules/@esbuild/linux-x64/bin/esbuild',
  ])('never packages %s', (file) => {
    expect(packaged(file)).toBe(false);
  });

  it('of the files in the repository, packages only package.json: the rest reaches the app through the bundles', () => {
    expect(projectFiles().filter(packaged)).toEqual(['package.json']);
  });

  it('keeps only sharp in dependencies: the bundles inline every other library', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(['sharp']);
    expect(config.asarUnpack).toEqual(['**/node_modules/sharp/**', '**/node_modules/@img/**']);
  });

  it('ships the font weights used once, with the OFL licence, and the third-party notices, as resources', () => {
    const resources = config.extraResources as FileSet[];
    expect(resources).toEqual([
      {
        from: 'resources/fonts',
        to: 'fonts',
        filter: ['NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf', 'OFL.txt'],
      },
      { from: 'resources/THIRD-PARTY-NOTICES.txt', to: 'THIRD-PARTY-NOTICES.txt' },
      expect.objectContaining({ from: 'resources/ocr', to: 'ocr' }),
    ]);
    for (const file of resources[0]?.filter ?? []) {
      expect(existsSync(path.join(root, 'resources/fonts', String(file))), String(file)).toBe(true);
    }
  });

  it('ships the recogniser once, as resources/ocr: every file the scan worker reads, the models’ notice, ≤ 45 MB', () => {
    const resources = config.extraResources as FileSet[];
    const ocr = resources.find((r) => r.to === 'ocr');
    expect(ocr?.from).toBe('resources/ocr');
    expect([...(ocr?.filter ?? [])].sort()).toEqual(Object.values(OCR_FILES).sort());
    let bytes = 0;
    for (const file of ocr?.filter ?? []) {
      const full = path.join(root, 'resources/ocr', String(file));
      expect(existsSync(full), String(file)).toBe(true);
      bytes += statSync(full).size;
    }
    expect(bytes).toBeLessThanOrEqual(45 * 1024 * 1024);
    expect(readFileSync(path.join(root, 'resources/ocr/NOTICE.txt'), 'utf8')).toMatch(
      /Apache License, Version 2\.0/,
    );
  });

  it('ships the fonts with the OFL licence', () => {
    const resources = config.extraResources as FileSet[];
    for (const file of resources[0]?.filter ?? []) {
      expect(existsSync(path.join(root, 'resources/fonts', String(file))), String(file)).toBe(true);
    }
    expect(readFileSync(path.join(root, 'resources/fonts/OFL.txt'), 'utf8')).toMatch(
      /SIL OPEN FONT LICENSE/i,
    );
  });

  it('gives the app its icon and opens .icpcase files with it', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.mac?.icon).toBe('build/icon.icns');
    for (const icon of ['build/icon.ico', 'build/icon.icns', 'build/icon.svg'])
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
    expect(config.fileAssociations).toEqual([
      {
        ext: 'icpcase',
        name: 'ICPPacketStudio.Case',
        description: 'ICP Packet Studio case',
        role: 'Editor',
        rank: 'Owner',
        mimeType: 'application/x-icpcase',
      },
    ]);
  });

  it('builds each installer architecture in a run of its own, with that architecture’s sharp', async () => {
    // One electron-builder run for x64 and arm64 would pack the build machine's @img/sharp-* into both.
    const { TARGETS } = (await import(pathToFileURL(path.join(root, 'scripts', 'pack.mjs')).href)) as {
      TARGETS: Record<
        string,
        { os: string; cpu: string; builderFlag: string; arch: string; installer: string }
      >;
    };
    for (const [script, platform, os] of [
      ['dist:win', config.win, 'win32'],
      ['dist:mac', config.mac, 'darwin'],
    ] as const) {
      const match = /^npm run build && node scripts\/pack\.mjs --installer --targets ([\w,-]+)$/.exec(
        packageJson.scripts[script] ?? '',
      );
      expect(match, script).not.toBeNull();
      const targets = match![1]!.split(',').map((name) => ({ name, ...TARGETS[name]! }));
      const configured = (platform?.target as { target: string; arch: string[] }[]).flatMap((entry) =>
        entry.arch.map((arch) => `${entry.target} ${arch}`),
      );
      expect(targets.map((target) => `${target.installer} ${target.cpu}`).sort()).toEqual(configured.sort());
      for (const target of targets) {
        expect(target.os, target.name).toBe(os);
        expect(target.arch).toBe(`--${target.cpu}`);
      }
    }
  });
});
