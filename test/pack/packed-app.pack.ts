/**
 * The packed app, as electron-builder lays it out for each installer: the unpacked (--dir) builds for Windows
 * x64, macOS arm64 and macOS x64 that scripts/pack.mjs makes (offline, with stand-in Electron
 * distributions and each target's own sharp binaries). For each target, app.asar and what lies beside it:
 * - the bundles, the renderer, the templates and UI text (inside the bundles) and package.json, and no source,
 *   test or source map;
 * - the two fonts exactly once, beside app.asar, with their licence, and the third-party notices;
 * - at most 50 MB beyond Electron's own runtime (issue 20's goal; the OCR models in resources/ocr apart), the
 *   figure scripts/pack.mjs reports and the bench prints;
 * - sharp unpacked with that target's @img binary and no other platform's;
 * - no library the bundles already contain copied again as node_modules: only what runs from there (sharp);
 * - the fuses and the asar integrity electron-builder.yml asks for; the icon and the .icpcase document type;
 * - the main bundle that app.asar holds starts, packaged, under the stand-in Electron: its window, its handlers,
 *   the fonts and notices from beside app.asar, and sharp (this target's binary, which cannot load here) failing
 *   on the operation that needs images, not at start.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { parsePlistFile } from 'app-builder-lib/out/util/plist';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';
import { describe, expect, it } from 'vitest';
import { CHANNEL_REQUESTS } from '../../electron/renderer-api';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { workerScanPort } from '../../host/ocr/scan-worker-client';
import { ID_FRONT, idFrontScan } from '../../host/sample/synthetic-scans';
import { startMainBundle } from '../support/electron/start-main';
import { REPO_ROOT } from '../support/paths';

const OUT = process.env.ICP_PACK_OUT ?? path.join(REPO_ROOT, 'release', 'unpacked');

interface Target {
  name: 'win-x64' | 'mac-arm64' | 'mac-x64';
  /** The @img packages sharp needs on that platform (its binary, and libvips where it is a package of its own). */
  img: string[];
  /** sharp's native binary for that platform. */
  binary: RegExp;
}

const TARGETS: Target[] = [
  {
    name: 'win-x64',
    img: ['sharp-win32-x64'],
    binary: /^sharp-win32-x64\/lib\/sharp-win32-x64-[\d.]+\.node$/,
  },
  {
    name: 'mac-arm64',
    img: ['sharp-darwin-arm64', 'sharp-libvips-darwin-arm64'],
    binary: /^sharp-darwin-arm64\/lib\/sharp-darwin-arm64-[\d.]+\.node$/,
  },
  {
    name: 'mac-x64',
    img: ['sharp-darwin-x64', 'sharp-libvips-darwin-x64'],
    binary: /^sharp-darwin-x64\/lib\/sharp-darwin-x64-[\d.]+\.node$/,
  },
];

/** What runs from node_modules: sharp and its own dependencies. Everything else is inside the bundles. */
const RUNTIME_PACKAGES = ['@img/colour', 'detect-libc', 'semver', 'sharp'];
/** Libraries the bundles contain; a copy of any in node_modules would be dead weight. */
const BUNDLED_LIBRARIES = [
  'react',
  'react-dom',
  'pdf-lib',
  'fontkit',
  'zod',
  'i18next',
  'react-i18next',
  'fflate',
  'pdfjs-dist',
  'linebreak',
  'ics',
  'punycode',
  'tsx',
  'esbuild',
];
const FONTS = ['NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf'];
/** What electron-builder.yml puts in <resources>/ocr. */
const OCR_FILES = [
  'NOTICE.txt',
  'ch_PP-OCRv4_det_infer.onnx',
  'ch_PP-OCRv4_rec_infer.onnx',
  'ch_ppocr_mobile_v2.0_cls_infer.onnx',
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ppocr_keys_v1.txt',
  'zxing_full.wasm',
];
/**
 * What the app may add to Electron's runtime per installer, in decimal MB. Sizes are deterministic, so this is
 * a fair test: a dependency or data file that tips a target over fails here, not in a bench nobody reads.
 */
const PAYLOAD_LIMIT_MB = 50;

function appFolder(target: Target['name']): string {
  const out = path.join(OUT, target);
  if (target === 'win-x64') return path.join(out, 'win-unpacked');
  const dir = path.join(out, target === 'mac-arm64' ? 'mac-arm64' : 'mac');
  return path.join(dir, readdirSync(dir).find((name) => name.endsWith('.app')) ?? 'missing.app');
}

function resourcesFolder(target: Target['name']): string {
  const app = appFolder(target);
  return target === 'win-x64' ? path.join(app, 'resources') : path.join(app, 'Contents', 'Resources');
}

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The files of app.asar (not folders), relative, with forward slashes, and whether each is unpacked. */
function asarFiles(archive: string): Map<string, { unpacked: boolean }> {
  const files = new Map<string, { unpacked: boolean }>();
  const walk = (node: { files?: Record<string, unknown>; unpacked?: boolean }, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const entry = child as { files?: Record<string, unknown>; unpacked?: boolean };
      const at = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, at);
      else files.set(at, { unpacked: entry.unpacked === true });
    }
  };
  walk(asar.getRawHeader(archive).header as never, '');
  return files;
}

/** The package folders under node_modules: `name` and `@scope/name`, nested ones included. */
function packagesIn(files: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of file.matchAll(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/g)) found.add(match[1]!);
  }
  return found;
}

describe.each(TARGETS)('the packed app for $name', (target) => {
  const resources = () => resourcesFolder(target.name);
  const archive = () => path.join(resources(), 'app.asar');

  it('was packed', () => {
    expect(existsSync(archive()), `${archive()} (run npm run test:pack)`).toBe(true);
  });

  it('holds the bundles, the renderer and package.json in app.asar, and no source, test or source map', () => {
    const files = asarFiles(archive());
    for (const file of [
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/fonts.css',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    expect([...files.keys()].some((file) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(
      true,
    );
    const own = [...files.keys()].filter((file) => !file.startsWith('node_modules/'));
    expect(
      own.filter(
        (file) =>
          /\.(ts|tsx|map)$/.test(file) ||
          /^(test|bench|scripts|core|host|electron|renderer|cli)\//.test(file),
      ),
    ).toEqual([]);
    const pkg = JSON.parse(asar.extractFile(archive(), 'package.json').toString()) as { main: string };
    expect(files.has(pkg.main), pkg.main).toBe(true);
  });

  it('carries the templates, rule data and both languages’ text inside the bundles', () => {
    const main = asar.extractFile(archive(), 'dist/electron/main.cjs').toString();
    for (const text of ['filing-commitment', zhCN.menu.file, en.menu.newCase, zhCN.packetExport.replace]) {
      expect(main.includes(text), text).toBe(true);
    }
    const renderer = [...asarFiles(archive()).keys()].find((file) =>
      /^dist\/renderer\/assets\/index-[\w-]+\.js$/.test(file),
    )!;
    const ui = asar.extractFile(archive(), renderer).toString();
    for (const text of [zhCN.home.emptyHeading, en.home.emptyHeading])
      expect(ui.includes(text), text).toBe(true);
  });

  it('ships the two fonts exactly once, beside app.asar with their licence, and the third-party notices', () => {
    const everything = [...filesUnder(appFolder(target.name)), ...asarFiles(archive()).keys()];
    for (const font of FONTS) {
      expect(
        everything.filter((file) => path.posix.basename(file).startsWith(font.replace('.ttf', ''))),
        font,
      ).toEqual([expect.stringMatching(new RegExp(`(^|/)fonts/${font}$`))]);
      expect(
        readFileSync(path.join(resources(), 'fonts', font)).equals(
          readFileSync(path.join(REPO_ROOT, 'resources', 'fonts', font)),
        ),
      ).toBe(true);
    }
    expect(everything.filter((file) => /\.(ttf|otf|woff2?)$/i.test(file)).length).toBe(2);
    expect(readFileSync(path.join(resources(), 'fonts', 'OFL.txt'), 'utf8')).toMatch(
      /SIL OPEN FONT LICENSE/i,
    );
    const notices = readFileSync(path.join(resources(), 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const name of ['react', 'pdf-lib', 'fontkit', 'zod', 'i18next', 'pdfjs-dist', 'sharp', 'fflate']) {
      expect(notices, name).toMatch(new RegExp(`\\n${name} \\d`));
    }
    expect(notices).toMatch(/\n@img\/sharp-libvips-<platform> .* LGPL-3\.0-or-later/);
  });

  it(`adds at most ${PAYLOAD_LIMIT_MB} MB to Electron’s runtime, the OCR models apart`, () => {
    // Beside Electron's own files, everything in the resources folder is the app's: app.asar, the unpacked
    // modules, the fonts, the notices, the icon; resources/ocr is counted on its own (the scan-reading issue).
    const payload = filesUnder(resources())
      .filter((file) => !file.startsWith('ocr/'))
      .reduce((sum, file) => sum + statSync(path.join(resources(), file)).size, 0);
    const reported = JSON.parse(readFileSync(path.join(OUT, target.name, 'pack.json'), 'utf8')) as {
      payloadBytes: number;
    };
    expect(reported.payloadBytes, 'scripts/pack.mjs reports the same payload').toBe(payload);
    expect(payload / 1e6, `${target.name} payload in MB`).toBeLessThanOrEqual(PAYLOAD_LIMIT_MB);
  });

  it(`unpacks sharp with ${target.img.join(' and ')} and no other platform’s binary`, () => {
    const files = asarFiles(archive());
    const unpacked = path.join(resources(), 'app.asar.unpacked', 'node_modules');
    expect(existsSync(path.join(unpacked, 'sharp', 'package.json'))).toBe(true);
    const img = readdirSync(path.join(unpacked, '@img')).filter((name) => name.startsWith('sharp-'));
    expect(img.sort()).toEqual([...target.img].sort());
    const binaries = filesUnder(path.join(unpacked, '@img')).filter((file) => target.binary.test(file));
    expect(binaries, String(target.binary)).toHaveLength(1);
    expect(files.get(`node_modules/@img/${binaries[0]}`)).toEqual({ unpacked: true });
    // No binary of another OS or CPU anywhere in the app.
    const native = filesUnder(appFolder(target.name)).filter((file) =>
      /\.(node|dll|dylib|so(\.\d+)*)$/.test(file),
    );
    const platform = target.name === 'win-x64' ? 'win32-x64' : target.name.replace('mac', 'darwin');
    expect(native.filter((file) => file.includes('@img/') && !file.includes(platform))).toEqual([]);
    expect(native.filter((file) => /linux|musl|wasm/.test(file))).toEqual([]);
  });

  it('copies no bundled library again as node_modules: only sharp and what it needs', () => {
    const packages = packagesIn(asarFiles(archive()).keys());
    const shared = [...packages].filter((name) => !name.startsWith('@img/sharp-'));
    expect(shared.sort()).toEqual(RUNTIME_PACKAGES);
    expect(BUNDLED_LIBRARIES.filter((name) => packages.has(name))).toEqual([]);
  });

  it('has the fuses electron-builder.yml sets, and asar integrity', async () => {
    // The executable on Windows; on macOS the .app (the fuses are in its Electron Framework binary).
    const binary =
      target.name === 'win-x64'
        ? path.join(appFolder(target.name), 'ICP Packet Studio.exe')
        : appFolder(target.name);
    const wire = await getCurrentFuseWire(binary);
    const state = (index: number) => String.fromCharCode(Number(wire[index as unknown as keyof typeof wire]));
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, asar only on,
    // (V8 snapshot untouched), file:// privileges off.
    expect([0, 1, 2, 3, 4, 5, 7].map(state).join('')).toBe('0100110');
    if (target.name === 'win-x64') {
      expect(readFileSync(binary).includes(Buffer.from('ELECTRONASAR', 'utf16le'))).toBe(true);
    } else {
      const info = (await parsePlistFile(
        path.join(appFolder(target.name), 'Contents', 'Info.plist'),
      )) as Record<string, unknown>;
      expect(info.ElectronAsarIntegrity).toHaveProperty(['Resources/app.asar']);
    }
  });

  if (target.name === 'win-x64') {
    it('shows its own icon on the executable, every size of build/icon.ico', () => {
      const exe = NtExecutable.from(readFileSync(path.join(appFolder(target.name), 'ICP Packet Studio.exe')));
      const entries = NtExecutableResource.from(exe).entries;
      const groups = Resource.IconGroupEntry.fromEntries(entries);
      expect(groups).toHaveLength(1);
      const sizes = groups[0]!.icons.map((icon) => icon.width || 256).sort((a, b) => a - b);
      expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
      const version = Resource.VersionInfo.fromEntries(entries)[0]!;
      const strings = version.getStringValues(version.getAllLanguagesForStringValues()[0]!);
      expect(strings.ProductName).toBe('ICP Packet Studio');
    });
  } else {
    it('declares .icpcase as its document type, and shows its own icon', async () => {
      const info = (await parsePlistFile(path.join(appFolder(target.name), 'Contents', 'Info.plist'))) as {
        CFBundleDocumentTypes: {
          CFBundleTypeExtensions: string[];
          CFBundleTypeRole: string;
          LSHandlerRank: string;
        }[];
        UTExportedTypeDeclarations: {
          UTTypeIdentifier: string;
          UTTypeTagSpecification: Record<string, string[]>;
        }[];
        CFBundleIconFile: string;
        CFBundleName: string;
      };
      expect(info.CFBundleName).toBe('ICP Packet Studio');
      expect(info.CFBundleDocumentTypes).toEqual([
        expect.objectContaining({
          CFBundleTypeExtensions: ['icpcase'],
          CFBundleTypeRole: 'Editor',
          LSHandlerRank: 'Owner',
        }),
      ]);
      expect(info.UTExportedTypeDeclarations[0]?.UTTypeTagSpecification['public.filename-extension']).toEqual(
        ['icpcase'],
      );
      const icon = readFileSync(path.join(resources(), info.CFBundleIconFile));
      expect(icon.equals(readFileSync(path.join(REPO_ROOT, 'build', 'icon.icns')))).toBe(true);
    });
  }

  it('starts packaged: the main bundle of app.asar under the stand-in Electron, resources from beside it', async () => {
    // Electron reads app.asar in place; Node cannot, so the archive is extracted (its unpacked sharp with it).
    const scratch = await mkdtemp(path.join(tmpdir(), 'icp-packed-'));
    const appPath = path.join(scratch, 'app');
    const previousResourcesPath = (process as { resourcesPath?: string }).resourcesPath;
    let main: Awaited<ReturnType<typeof startMainBundle>> | undefined;
    try {
      asar.extractAll(archive(), appPath);
      (process as { resourcesPath?: string }).resourcesPath = resources();
      main = await startMainBundle({
        appPath,
        userDataDir: path.join(scratch, 'user-data'),
        isPackaged: true,
      });
      expect(main.loadError).toBeUndefined();
      const { record } = main.electron;
      expect(record.misses).toEqual([]);
      expect(record.exits).toEqual([]);
      expect(record.windows).toHaveLength(1);
      const window = record.windows[0]!;
      const preload = window.options.webPreferences?.preload;
      expect(preload).toBe(path.join(appPath, 'dist', 'electron', 'preload.cjs'));
      expect(existsSync(preload!)).toBe(true);
      expect(window.loaded).toEqual(['app://bundle/index.html']);
      expect([...record.handlers.keys()].sort()).toEqual(Object.keys(CHANNEL_REQUESTS).sort());
      const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
      expect(main.required.filter((name) => !builtins.has(name))).toEqual(['electron']);

      const page = await main.electron.serve('app://bundle/index.html');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      for (const font of FONTS) {
        const served = await main.electron.serve(`app://bundle/fonts/${font}`);
        expect(served.status, font).toBe(200);
        expect(Buffer.from(await served.arrayBuffer()).length).toBe(
          readFileSync(path.join(resources(), 'fonts', font)).length,
        );
      }
      expect((await main.electron.serve('app://bundle/THIRD-PARTY-NOTICES.txt')).status).toBe(200);

      // This target's sharp cannot load on the build machine (another OS or CPU), as a wrong binary would not
      // on a user's: the sample, which normalises scans, says so, and the app stays open.
      const from = { sender: window.webContents, frame: { url: 'app://bundle/index.html', parent: null } };
      await expect(main.electron.invoke('case:createSample', [], from)).resolves.toMatchObject({
        ok: false,
        code: 'imageLibraryUnavailable',
        details: { reason: expect.stringMatching(/sharp/) },
      });
      expect(main.required).toContain('sharp');
      await expect(main.electron.invoke('app:info', [], from)).resolves.toMatchObject({ ok: true });
      expect(record.exits).toEqual([]);
      expect(main.rejections).toEqual([]);
    } finally {
      await main?.stop();
      (process as { resourcesPath?: string }).resourcesPath = previousResourcesPath;
      if (previousResourcesPath === undefined) delete (process as { resourcesPath?: string }).resourcesPath;
      await rm(scratch, { recursive: true, force: true });
    }
  });
  it('reads a scan in the packed scan worker: the bundle beside main in app.asar, the models from resources/ocr', async () => {
    // Electron's main process starts scan-worker.cjs from beside preload.cjs (electron/bootstrap.ts) with
    // <resources>/ocr. Node cannot read inside app.asar, so the archive is extracted, and this target's sharp
    // (another OS or CPU) is swapped for this machine's: what is under test is the packed layout — the worker
    // bundle where main looks for it, starting, and the models, runtime and QR decoder electron-builder put
    // beside app.asar.
    const scratch = await mkdtemp(path.join(tmpdir(), 'icp-packed-worker-'));
    const appPath = path.join(scratch, 'app');
    const ocr = path.join(resources(), 'ocr');
    let port: ReturnType<typeof workerScanPort> | undefined;
    try {
      asar.extractAll(archive(), appPath);
      const worker = path.join(appPath, 'dist', 'electron', 'scan-worker.cjs');
      expect(existsSync(worker)).toBe(true);
      expect(readdirSync(ocr).sort()).toEqual(OCR_FILES);
      await rm(path.join(appPath, 'node_modules', 'sharp'), { recursive: true, force: true });
      await symlink(
        path.join(REPO_ROOT, 'node_modules', 'sharp'),
        path.join(appPath, 'node_modules', 'sharp'),
      );
      port = workerScanPort(worker, resources());
      const read = await port.read({ bytes: new Uint8Array(await idFrontScan()), today: '2026-12-07' });
      expect(read.reading?.kind).toBe('id_card_front');
      expect(Object.fromEntries(read.reading!.fields.map((f) => [f.key, f.value]))).toEqual(ID_FRONT);
    } finally {
      await port?.close();
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
