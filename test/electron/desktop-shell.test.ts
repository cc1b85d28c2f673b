/**
 * The desktop conventions through bootstrap() with fake Electron modules: `.icpcase` files from the OS
 * (macOS open-file before ready, Windows argv on first start and from a second instance) and from Open
 * Recent reach the import flow; recent files, the menu's state, the window's place and the log.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../electron/bootstrap';
import type { OpenRequest } from '../../electron/contract';
import { menuLabelsFor } from '../../electron/menu';
import { APP_ENTRY_URL } from '../../electron/security';
import type { DisplayInfo } from '../../electron/window-state';
import { CaseStore } from '../../host/store/case-store';
import { fastPassphrase } from '../host/store/helpers';
import { RESOURCES_DIR } from '../support/paths';
import { FakeWindow, PRIMARY_DISPLAY, fakeElectron } from './fake-electron';

let base: string;
let documents: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'icp-desktop-'));
  documents = path.join(base, 'Documents', 'Northwind 北风');
  await mkdir(path.join(base, 'renderer'), { recursive: true });
  await mkdir(documents, { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true, maxRetries: 5 });
});

const fromOurWindow = { sender: { id: 42 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };

/** A real `.icpcase` export of a case called `name`, in the user's documents. */
async function caseFile(name: string, fileName = `${name}.icpcase`): Promise<string> {
  const store = new CaseStore({ root: path.join(base, 'sender'), keyProvider: fastPassphrase() });
  const created = await store.create({ name });
  const file = path.join(documents, fileName);
  await writeFile(file, (await store.exportCase(created.id)).bytes);
  return file;
}

type Platform = 'darwin' | 'win32';

async function start(
  platform: Platform,
  options: {
    argv?: string[];
    locale?: string;
    displays?: DisplayInfo[];
    beforeReady?: (e: ReturnType<typeof fakeElectron>) => void;
  } = {},
) {
  const e = fakeElectron(base, {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.displays ? { displays: options.displays } : {}),
  });
  const running = bootstrap(e.runtime, {
    rendererDir: path.join(base, 'renderer'),
    preloadPath: path.join(base, 'preload.cjs'),
    resourcesDir: RESOURCES_DIR,
    platform,
    argv: options.argv ?? [
      platform === 'win32' ? 'ICP Packet Studio.exe' : '/Applications/ICP Packet Studio',
    ],
    cwd: base,
  });
  options.beforeReady?.(e);
  e.markReady();
  await running.ready;
  const call = (channel: string, payload?: unknown) => e.ipcListeners.get(channel)!(fromOurWindow, payload);
  const take = async () => ((await call('case:takeOpenRequests')) as { value: OpenRequest[] }).value;
  const labels = menuLabelsFor(options.locale?.startsWith('zh') ? 'zh-CN' : 'en', 'ICP Packet Studio');
  const fileItem = (label: string) => e.fileMenu().find((item) => item.label === label);
  const recentItems = () => {
    const submenu = fileItem(labels.openRecent)?.submenu;
    return (Array.isArray(submenu) ? submenu : []) as MenuItemConstructorOptions[];
  };
  const window = () => FakeWindow.created.at(-1)!;
  const sent = (channel: string) =>
    window()
      .webContents.send.mock.calls.filter(([c]) => c === channel)
      .map(([, payload]) => payload);
  return { e, call, take, labels, fileItem, recentItems, window, sent };
}

/** Waits until what a menu click or an OS event started (file checks, the recent list on disk) shows. */
const eventually = { timeout: 10_000, interval: 20 };

/**
 * Imports what main offered, as the page does, and waits until the file shows in Open Recent (what a
 * successful import from a path ends with), so nothing is still being written when the test ends.
 */
async function importByToken(shell: Awaited<ReturnType<typeof start>>, request: OpenRequest | undefined) {
  expect(request).toEqual({ importToken: expect.any(String) });
  const token = (request as { importToken: string }).importToken;
  const result = await shell.call('case:import', { importToken: token });
  await expect.poll(() => shell.recentItems().some((item) => item.click), eventually).toBe(true);
  return result;
}

describe('.icpcase files from the OS', () => {
  it('macOS: a double-click that starts the app (open-file before ready) is imported once the page asks', async () => {
    const file = await caseFile('Acme 北风');
    let prevented = false;
    const shell = await start('darwin', {
      beforeReady: (e) => e.fake.app.emit('open-file', { preventDefault: () => (prevented = true) }, file),
    });
    expect(prevented).toBe(true);
    const [request, ...rest] = await shell.take();
    expect(rest).toEqual([]);
    expect(await importByToken(shell, request)).toMatchObject({
      ok: true,
      value: { imported: true, case: { name: 'Acme 北风' } },
    });
    // Imported from a path: a recent file, in the menu and in the system's list (the Dock's).
    expect(shell.e.fake.app.addRecentDocument).toHaveBeenCalledWith(file);
    await expect
      .poll(() => shell.recentItems().map((item) => item.label), eventually)
      .toEqual(['Acme 北风.icpcase', undefined, shell.labels.clearRecent]);
  });

  it('macOS: open-file while the app runs goes to the page at once', async () => {
    const shell = await start('darwin');
    expect(await shell.take()).toEqual([]);
    const file = await caseFile('Later');
    shell.e.fake.app.emit('open-file', { preventDefault: () => undefined }, file);
    await expect.poll(() => shell.sent('case:openRequested'), eventually).toHaveLength(1);
    const [request] = shell.sent('case:openRequested') as OpenRequest[];
    expect(await importByToken(shell, request)).toMatchObject({ ok: true, value: { imported: true } });
  });

  it('Windows: the file on the first start’s command line; other arguments are ignored, and logged without their text', async () => {
    const file = await caseFile('Globex');
    const shell = await start('win32', {
      argv: [
        'C:\\Program Files\\ICP Packet Studio\\ICP Packet Studio.exe',
        '--squirrel-firstrun',
        path.join(documents, 'notes.txt'),
        path.relative(base, file),
      ],
    });
    const requests = await shell.take();
    expect(requests).toHaveLength(1);
    expect(await importByToken(shell, requests[0])).toMatchObject({
      ok: true,
      value: { imported: true, case: { name: 'Globex' } },
    });
    const log = await readFile(path.join(base, 'userData', 'logs', 'main.log'), 'utf8');
    expect(log).toContain('ignored a file the system asked to open: notCaseFile');
    expect(log).not.toContain('notes');
    expect(log).not.toContain('Northwind');
  });

  it('Windows: a second launch with a file focuses the window and sends the file to the page', async () => {
    const shell = await start('win32');
    await shell.take();
    const file = await caseFile('Second');
    shell.e.fake.app.emit(
      'second-instance',
      {},
      ['ICP Packet Studio.exe', '--allow-file-access-from-files', path.basename(file)],
      documents,
    );
    await expect.poll(() => shell.sent('case:openRequested'), eventually).toHaveLength(1);
    expect(shell.window().restore).toHaveBeenCalled();
    expect(shell.window().focus).toHaveBeenCalled();
    const [request] = shell.sent('case:openRequested') as OpenRequest[];
    expect(await importByToken(shell, request)).toMatchObject({
      ok: true,
      value: { imported: true, case: { name: 'Second' } },
    });
  });

  it('a file that is too large, gone or not a case is not handed to the import: the page is told why', async () => {
    const shell = await start('darwin');
    await shell.take();
    shell.e.fake.app.emit(
      'open-file',
      { preventDefault: () => undefined },
      path.join(documents, 'gone.icpcase'),
    );
    shell.e.fake.app.emit('open-file', { preventDefault: () => undefined }, path.join(documents));
    await expect
      .poll(() => shell.sent('case:openRequested'), eventually)
      .toEqual([{ refused: 'caseFileMissing' }, { refused: 'notCaseFile' }]);
  });
});

describe.each([
  ['en', 'en-US'],
  ['zh-CN', 'zh-CN'],
] as const)('Open Recent and the File menu (%s)', (_language, locale) => {
  it('lists exported files, drops one that is gone when picked (telling the page), and clears', async () => {
    const kept = await caseFile('Kept');
    const gone = await caseFile('Gone');
    const shell = await start('win32', { locale });
    await shell.take();
    expect(shell.recentItems()).toEqual([{ label: shell.labels.noRecent, enabled: false }]);
    for (const file of [kept, gone]) {
      shell.e.fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
      expect(await shell.call('case:import', {})).toMatchObject({ ok: true, value: { imported: true } });
    }
    await expect
      .poll(() => shell.recentItems().map((item) => item.label), eventually)
      .toEqual(['Gone.icpcase', 'Kept.icpcase', undefined, shell.labels.clearRecent]);

    await rm(gone);
    (shell.recentItems()[0]!.click as () => void)();
    await expect
      .poll(() => shell.sent('case:openRequested'), eventually)
      .toEqual([{ refused: 'caseFileMissing' }]);
    await expect
      .poll(() => shell.recentItems().map((item) => item.label), eventually)
      .toEqual(['Kept.icpcase', undefined, shell.labels.clearRecent]);

    (shell.recentItems()[0]!.click as () => void)();
    await expect.poll(() => shell.sent('case:openRequested'), eventually).toHaveLength(2);
    const [, request] = shell.sent('case:openRequested') as OpenRequest[];
    expect(await importByToken(shell, request)).toMatchObject({
      ok: true,
      value: { case: { name: 'Kept' } },
    });

    (shell.recentItems().at(-1)!.click as () => void)();
    expect(shell.e.fake.app.clearRecentDocuments).toHaveBeenCalled();
    await expect
      .poll(() => shell.recentItems(), eventually)
      .toEqual([{ label: shell.labels.noRecent, enabled: false }]);
    // And after a restart, still empty.
    const again = await start('win32', { locale });
    expect(again.recentItems()).toEqual([{ label: again.labels.noRecent, enabled: false }]);
  });

  it('Export case and Close case follow whether the page has a case open', async () => {
    const shell = await start('win32', { locale });
    expect(shell.fileItem(shell.labels.exportCase)?.enabled).toBe(false);
    expect(await shell.call('menu:setContext', { caseOpen: true })).toEqual({
      ok: true,
      value: { caseOpen: true },
    });
    expect(shell.fileItem(shell.labels.exportCase)?.enabled).toBe(true);
    expect(shell.fileItem(shell.labels.closeCase)?.enabled).toBe(true);
    (shell.fileItem(shell.labels.closeCase)!.click as () => void)();
    expect(shell.sent('menu:command')).toEqual([{ command: 'closeCase' }]);
    expect(await shell.call('menu:setContext', { caseOpen: 'yes' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
  });
});

describe('the log', () => {
  it('starts with the versions and locale; Help → Show Log File reveals it; no case data gets in', async () => {
    const file = await caseFile('Acme 北风 91310000MA1FL8XQ3B');
    const shell = await start('darwin', { locale: 'zh-CN', argv: ['/Applications/ICP Packet Studio', file] });
    await importByToken(shell, (await shell.take())[0]);
    const help = shell.e.menus.at(-1)!.find((menu) => menu.role === 'help')!;
    const showLog = (help.submenu as MenuItemConstructorOptions[]).find(
      (i) => i.label === shell.labels.showLog,
    )!;
    (showLog.click as () => void)();
    const logFile = path.join(base, 'userData', 'logs', 'main.log');
    expect(shell.e.fake.shell.showItemInFolder).toHaveBeenCalledWith(logFile);
    shell.e.fake.app.emit('render-process-gone', {}, shell.window().webContents, {
      reason: 'crashed',
      exitCode: -1073741819,
    });
    const log = await readFile(logFile, 'utf8');
    expect(log).toMatch(/INFO ICP Packet Studio 0\.1\.0 started · Electron .* · darwin .* · locale zh-CN/);
    expect(log).toContain('ERROR the window’s page stopped: crashed, exit code -1073741819');
    for (const secret of ['Acme', '北风', '91310000', 'Northwind']) expect(log).not.toContain(secret);
  });
});

describe('the window’s place', () => {
  const monitor: DisplayInfo = {
    id: 2,
    bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
    workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
  };

  it('opens centred the first time, reopens where it was left (maximised too), and comes back to the primary display when its monitor is gone', async () => {
    const first = await start('win32', { displays: [PRIMARY_DISPLAY, monitor] });
    expect(first.window().options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820, minWidth: 960 });
    first.window().moveTo({ x: 2100, y: 100, width: 1600, height: 1000 });
    first.window().maximized = true;
    first.window().emit('close');

    const second = await start('win32', { displays: [PRIMARY_DISPLAY, monitor] });
    expect(second.window().options).toMatchObject({ x: 2100, y: 100, width: 1600, height: 1000 });
    expect(second.window().maximize).toHaveBeenCalled();

    const unplugged = await start('win32', { displays: [PRIMARY_DISPLAY] });
    expect(unplugged.window().options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 });
    expect(unplugged.window().maximize).toHaveBeenCalled();
  });

  it('reopens on its monitor when the monitor comes back under a new id (replugged, a new dock, after sleep)', async () => {
    const first = await start('win32', { displays: [PRIMARY_DISPLAY, monitor] });
    first.window().moveTo({ x: 2100, y: 100, width: 1600, height: 1000 });
    first.window().emit('close');

    const replugged = { ...monitor, id: 7 };
    const second = await start('win32', { displays: [PRIMARY_DISPLAY, replugged] });
    expect(second.window().options).toMatchObject({ x: 2100, y: 100, width: 1600, height: 1000 });
    expect(second.window().maximize).not.toHaveBeenCalled();
  });
});
