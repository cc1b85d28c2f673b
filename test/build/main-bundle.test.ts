/**
 * The main bundle as it ships (package.json `main`, built by `npm run build`) starts: evaluated afresh in plain
 * Node under the strict stand-in Electron (test/support/electron), then `ready`. Unit tests run main's modules;
 * only this runs the one file every installer carries, so a bundle-only failure — an empty `import.meta`, a
 * path derived from the bundle's location, a native module loaded at start — fails here.
 */
import { builtinModules } from 'node:module';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CHANNEL_REQUESTS } from '../../electron/renderer-api';
import type { LoadOptions } from '../support/electron/load-main';
import { menuItems } from '../support/electron/stand-in';
import { RESOURCES_DIR } from '../support/paths';
import { mainBundlePath, REPO_ROOT, startMainBundle, type StartedMain } from '../support/electron/start-main';

const DIST = path.join(REPO_ROOT, 'dist');
const APP_PAGE = 'app://bundle/index.html';
const fromApp = { url: APP_PAGE, parent: null };
const FONTS = ['NotoSansSC-Regular.ttf', 'NotoSansSC-Bold.ttf'];
const NOTICES = 'THIRD-PARTY-NOTICES.txt';
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

let started: StartedMain | undefined;
const folders: string[] = [];

afterEach(async () => {
  await started?.stop();
  started = undefined;
  delete (process as { resourcesPath?: string }).resourcesPath;
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function start(options: { isPackaged?: boolean } & LoadOptions = {}): Promise<StartedMain> {
  if (!existsSync(mainBundlePath()))
    throw new Error('dist/electron/main.cjs is missing: run `npm run build`');
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'icp-main-bundle-'));
  folders.push(userDataDir);
  started = await startMainBundle({ appPath: REPO_ROOT, userDataDir, ...options });
  return started;
}

/** Main started cleanly: it loaded, used nothing the stand-in lacks, and neither exited nor left a rejection. */
function expectCleanStart(main: StartedMain): void {
  expect(main.loadError).toBeUndefined();
  expect(main.electron.record.misses).toEqual([]);
  expect(main.electron.record.exits).toEqual([]);
  expect(main.electron.record.quits).toBe(0);
  expect(main.rejections).toEqual([]);
}

describe('dist/electron/main.cjs under a stand-in Electron', { timeout: 30_000 }, () => {
  it('starts: one hardened window with an existing preload, every channel handled, app:// served, menu set', async () => {
    const main = await start();
    expectCleanStart(main);
    const { record } = main.electron;

    expect(record.singleInstanceLockRequested).toBe(true);
    expect(record.sandboxEnabled).toBe(true);
    expect(record.privilegedSchemes).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);

    expect(record.windows).toHaveLength(1);
    const window = record.windows[0]!;
    const web = window.options.webPreferences ?? {};
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(web.preload).toBe(path.join(DIST, 'electron', 'preload.cjs'));
    expect(existsSync(web.preload!)).toBe(true);
    expect(window.loaded).toEqual([APP_PAGE]);
    expect(window.shown).toBe(true);

    expect([...record.handlers.keys()].sort()).toEqual(Object.keys(CHANNEL_REQUESTS).sort());

    const page = await main.electron.serve(APP_PAGE);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toBe(await readFile(path.join(DIST, 'renderer', 'index.html'), 'utf8'));
    expect((await main.electron.serve('app://bundle/%2e%2e/electron/main.cjs')).status).toBe(404);
    expect(await main.electron.allowsRequest(APP_PAGE, 'mainFrame')).toBe(true);
    expect(await main.electron.allowsRequest('https://example.com/', 'xhr')).toBe(false);

    // Only Electron and Node at start: sharp (a native binary) loads with the first image operation.
    expect(main.required.filter((name) => !BUILTINS.has(name))).toEqual(['electron']);

    const menu = main.electron.applicationMenu();
    expect(menu?.map((item) => item.label)).toEqual([en.menu.file, en.menu.edit, en.menu.view, en.menu.help]);
    expect(menuItems(menu ?? []).some((item) => item.label === en.menu.newCase)).toBe(true);
  });

  it('answers the app window and refuses a foreign or nested frame', async () => {
    const main = await start();
    const window = main.electron.record.windows[0]!;
    await expect(
      main.electron.invoke('app:info', [], { sender: window.webContents, frame: fromApp }),
    ).resolves.toMatchObject({
      ok: true,
      value: { name: 'ICP Packet Studio' },
    });
    for (const frame of [
      { url: 'https://example.com/', parent: null },
      { url: APP_PAGE, parent: fromApp },
    ]) {
      await expect(
        main.electron.invoke('app:info', [], { sender: window.webContents, frame }),
      ).resolves.toEqual({
        ok: false,
        code: 'untrustedSender',
      });
    }
    expectCleanStart(main);
  });

  it.each([
    ['npm start: <app folder>/resources', false],
    ['packaged: process.resourcesPath', true],
  ])(
    'serves the UI the typeface the documents use, from one resources folder (%s)',
    async (_name, packaged) => {
      if (packaged) {
        // A resources folder of its own, holding a file the repository's does not: served only from here.
        const resources = await mkdtemp(path.join(tmpdir(), 'icp-main-resources-'));
        folders.push(resources);
        await mkdir(path.join(resources, 'fonts'));
        for (const file of FONTS)
          await copyFile(path.join(RESOURCES_DIR, 'fonts', file), path.join(resources, 'fonts', file));
        await writeFile(path.join(resources, 'fonts', 'only-here.ttf'), 'probe');
        await copyFile(path.join(RESOURCES_DIR, NOTICES), path.join(resources, NOTICES));
        (process as { resourcesPath?: string }).resourcesPath = resources;
      }
      const main = await start({ isPackaged: packaged });
      for (const file of FONTS) {
        const font = await main.electron.serve(`app://bundle/fonts/${file}`);
        expect(font.status, file).toBe(200);
        expect(font.headers.get('content-type')).toBe('font/ttf');
        const bytes = Buffer.from(await font.arrayBuffer());
        expect(bytes.equals(await readFile(path.join(RESOURCES_DIR, 'fonts', file))), file).toBe(true);
      }
      expect((await main.electron.serve('app://bundle/fonts/only-here.ttf')).status).toBe(
        packaged ? 200 : 404,
      );
      expect((await main.electron.serve('app://bundle/fonts/../../package.json')).status).toBe(404);
      // The licence notices the installer carries are the ones Settings → About shows.
      const notices = await main.electron.serve(`app://bundle/${NOTICES}`);
      expect(notices.status).toBe(200);
      expect(notices.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await notices.text()).toMatch(/SIL Open Font License[\s\S]*\nreact 19[\s\S]*\nsharp 0/);
      expectCleanStart(main);
    },
  );

  it('makes the sample case, documents and scans, on an unpackaged start (npm start)', async () => {
    const main = await start();
    expect(main.required).not.toContain('sharp');
    const window = main.electron.record.windows[0]!;
    const sample = (await main.electron.invoke('case:createSample', [], {
      sender: window.webContents,
      frame: fromApp,
    })) as {
      ok: boolean;
      code?: string;
      value?: { attachments: unknown[] };
    };
    expect(sample.code).toBeUndefined();
    expect(sample.value?.attachments.length).toBeGreaterThan(0);
    // The image library is loaded by the first operation that needs it.
    expect(main.required).toContain('sharp');
    expectCleanStart(main);
  });

  it('opens when sharp cannot load, and says so on the operation that needs images', async () => {
    const main = await start({
      failing: {
        sharp: () =>
          new Error('Could not load the "sharp" module using the win32-x64 runtime\nPossible solutions: …'),
      },
    });
    expectCleanStart(main);
    expect(main.electron.record.windows).toHaveLength(1);
    const window = main.electron.record.windows[0]!;
    await expect(
      main.electron.invoke('app:info', [], { sender: window.webContents, frame: fromApp }),
    ).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      main.electron.invoke('case:createSample', [], { sender: window.webContents, frame: fromApp }),
    ).resolves.toEqual({
      ok: false,
      code: 'imageLibraryUnavailable',
      details: { reason: 'Could not load the "sharp" module using the win32-x64 runtime' },
    });
    expect(en.errors.imageLibraryUnavailable).toMatch(/Images cannot be processed/);
    expect(zhCN.errors.imageLibraryUnavailable).toMatch(/无法处理图片/);
  });
});
