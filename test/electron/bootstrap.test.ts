import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootstrap, caseFileDialogs } from '../../electron/bootstrap';
import { createHandlers, type HandlerDeps } from '../../electron/ipc/handlers';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../electron/security';
import { RESOURCES_DIR } from '../support/paths';
import { FakeWindow, fakeElectron } from './fake-electron';

let base: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'icp-bootstrap-'));
  await mkdir(path.join(base, 'renderer'), { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const options = () => ({
  rendererDir: path.join(base, 'renderer'),
  resourcesDir: RESOURCES_DIR,
  preloadPath: path.join(base, 'preload.cjs'),
  platform: 'win32' as const,
  argv: ['ICP Packet Studio.exe'],
  cwd: base,
});

const fromOurWindow = { sender: { id: 42 }, senderFrame: { url: APP_ENTRY_URL, parent: null } };
const fromElsewhere = { sender: { id: 42 }, senderFrame: { url: 'https://evil.com/', parent: null } };

describe('bootstrap', () => {
  it('before ready: takes the single-instance lock, sandboxes, privileges app:// and hardens new webContents', () => {
    const e = fakeElectron(base);
    bootstrap(e.runtime, options());
    expect(e.fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(e.fake.app.enableSandbox).toHaveBeenCalled();
    expect(e.fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(e.fake.app.listenerCount('web-contents-created')).toBe(1);
    // Nothing that needs a ready app has happened yet.
    expect(e.protocolHandlers.size).toBe(0);
    expect(FakeWindow.created).toHaveLength(0);
  });

  it('a second instance quits at once and registers nothing', async () => {
    const e = fakeElectron(base, { gotLock: false });
    const running = bootstrap(e.runtime, options());
    await running.ready;
    expect(e.fake.app.quit).toHaveBeenCalled();
    expect(e.fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(e.ipcListeners.size).toBe(0);
  });

  it('on ready: serves the bundle with the CSP, registers every channel, opens one hardened window', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;

    const serve = e.protocolHandlers.get('app');
    const response = await serve?.(new Request('app://bundle/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const everyChannel = Object.keys(
      createHandlers({
        userDataDir: path.join(base, 'unused'),
        openExternal: async () => undefined,
      } as unknown as HandlerDeps),
    );
    expect([...e.ipcListeners.keys()].sort()).toEqual(everyChannel.sort());
    expect(everyChannel).toEqual(
      expect.arrayContaining(['app:info', 'settings:get', 'settings:set', 'shell:openExternal']),
    );
    expect(e.fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(e.fake.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();

    expect(FakeWindow.created).toHaveLength(1);
    const window = FakeWindow.created[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(base, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(running.mainWindow()).toBe(window);
  });

  it('answers our window and refuses other senders', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;
    const info = e.ipcListeners.get('app:info')!;
    expect(await info(fromOurWindow)).toMatchObject({
      ok: true,
      value: { name: 'ICP Packet Studio', version: '0.1.0' },
    });
    expect(await info(fromElsewhere)).toEqual({ ok: false, code: 'untrustedSender' });
    expect(await info({ ...fromOurWindow, sender: { id: 99 } })).toEqual({
      ok: false,
      code: 'untrustedSender',
    });

    // Once the window is gone nobody is trusted, not even a page that reuses its id.
    FakeWindow.created[0]!.emit('closed');
    expect(await info(fromOurWindow)).toEqual({ ok: false, code: 'untrustedSender' });
  });

  it('guards the store with the OS keychain through the asynchronous safeStorage API', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;
    const status = await e.ipcListeners.get('encryption:status')!(fromOurWindow);
    expect(status).toEqual({
      ok: true,
      value: { protection: 'keychain', unlocked: true, keychain: { available: true }, attemptsLeft: 5 },
    });
    const created = await e.ipcListeners.get('case:create')!(fromOurWindow, { name: 'Keychain' });
    expect(created).toMatchObject({ ok: true });
    const keyring = JSON.parse(await readFile(path.join(base, 'userData', 'store', 'keyring.json'), 'utf8'));
    expect(keyring.provider).toBe('safeStorage');
    expect(Buffer.from(keyring.wrappedKey, 'base64').subarray(0, 7).toString()).toBe('ICPAos|');
  });

  it('on Linux, a basic_text secret store is not a keychain: the app asks for a passphrase', async () => {
    const e = fakeElectron(base, { backend: 'basic_text' });
    const running = bootstrap(e.runtime, { ...options(), platform: 'linux' });
    e.markReady();
    await running.ready;
    expect(await e.ipcListeners.get('encryption:status')!(fromOurWindow)).toEqual({
      ok: true,
      value: {
        protection: 'unset',
        unlocked: false,
        keychain: { available: false, reason: 'basicText' },
        attemptsLeft: 5,
      },
    });
    // Nothing can be stored until a passphrase is set, and no keyring is written with basic_text.
    expect(await e.ipcListeners.get('case:create')!(fromOurWindow, { name: 'x' })).toMatchObject({
      ok: false,
      code: 'keyUnavailable',
    });
    expect(await e.ipcListeners.get('encryption:useKeychain')!(fromOurWindow, {})).toMatchObject({
      ok: false,
      code: 'keyUnavailable',
      details: { reason: 'keychainBasicText' },
    });
    await expect(readFile(path.join(base, 'userData', 'store', 'keyring.json'))).rejects.toThrow();
  });

  it('a language change is saved, rebuilds the menu in that language and tells the renderer', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;
    expect(e.topMenuLabels()).toEqual(['File', 'Edit', 'View', 'Help']);

    const result = await e.ipcListeners.get('settings:set')!(fromOurWindow, { language: 'zh-CN' });
    expect(result).toEqual({ ok: true, value: { language: 'zh-CN' } });
    expect(JSON.parse(await readFile(path.join(base, 'userData', 'settings.json'), 'utf8'))).toEqual({
      language: 'zh-CN',
    });
    expect(e.topMenuLabels()).toEqual(['文件', '编辑', '显示', '帮助']);
    expect(e.fake.Menu.setApplicationMenu).toHaveBeenLastCalledWith({ template: e.menus.at(-1) });
    expect(FakeWindow.created[0]!.webContents.send).toHaveBeenCalledWith('settings:changed', {
      language: 'zh-CN',
    });
  });

  it('starts with the menu in the saved language, or the OS language when set to system', async () => {
    await mkdir(path.join(base, 'userData'), { recursive: true });
    await writeFile(path.join(base, 'userData', 'settings.json'), '{"language":"zh-CN"}');
    const saved = fakeElectron(base, { locale: 'en-US' });
    const first = bootstrap(saved.runtime, options());
    saved.markReady();
    await first.ready;
    expect(saved.topMenuLabels()[0]).toBe('文件');

    await writeFile(path.join(base, 'userData', 'settings.json'), '{"language":"system"}');
    const system = fakeElectron(base, { locale: 'zh-Hans-CN' });
    const second = bootstrap(system.runtime, options());
    system.markReady();
    await second.ready;
    expect(system.topMenuLabels()[0]).toBe('文件');
  });

  it('menu commands reach the window as menu:command events', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;
    const newCase = e.fileMenu()[0];
    (newCase?.click as () => void)();
    expect(FakeWindow.created[0]!.webContents.send).toHaveBeenCalledWith('menu:command', {
      command: 'newCase',
    });
  });

  it('a second launch focuses the existing window; closing all windows quits except on macOS', async () => {
    const e = fakeElectron(base);
    const running = bootstrap(e.runtime, options());
    e.markReady();
    await running.ready;
    e.fake.app.emit('second-instance', {}, ['ICP Packet Studio.exe'], base);
    expect(FakeWindow.created[0]!.restore).toHaveBeenCalled();
    expect(FakeWindow.created[0]!.focus).toHaveBeenCalled();
    e.fake.app.emit('window-all-closed');
    expect(e.fake.app.quit).toHaveBeenCalled();

    const mac = fakeElectron(base);
    bootstrap(mac.runtime, { ...options(), platform: 'darwin' });
    mac.fake.app.emit('window-all-closed');
    expect(mac.fake.app.quit).not.toHaveBeenCalled();
  });
});

describe('caseFileDialogs', () => {
  const app = { getName: () => 'ICP Packet Studio', getPath: () => '/home/me/Documents' };
  const filters = [{ name: 'ICP Packet Studio', extensions: ['icpcase'] }];

  it('saves into Documents under the suggested name, attached to the window', async () => {
    const window = new FakeWindow({});
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/me/Documents/a.icpcase' })),
      showOpenDialog: vi.fn(),
    };
    const dialogs = caseFileDialogs(dialog as never, app as never, () => window as never);
    expect(await dialogs.showSaveDialog({ defaultFileName: 'a.icpcase' })).toBe(
      '/home/me/Documents/a.icpcase',
    );
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: path.join('/home/me/Documents', 'a.icpcase'),
      filters,
    });
  });

  it('a suggested name cannot steer the dialog to another folder', async () => {
    const dialog = {
      showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(),
    };
    const dialogs = caseFileDialogs(dialog as never, app as never, () => null);
    expect(await dialogs.showSaveDialog({ defaultFileName: '../../etc/evil.icpcase' })).toBeUndefined();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/me/Documents', 'evil.icpcase'),
      filters,
    });
  });

  it('opens one .icpcase file, or nothing when cancelled', async () => {
    const dialog = {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi
        .fn()
        .mockResolvedValueOnce({ canceled: false, filePaths: ['/x/b.icpcase'] })
        .mockResolvedValueOnce({ canceled: true, filePaths: [] }),
    };
    const dialogs = caseFileDialogs(dialog as never, app as never, () => null);
    expect(await dialogs.showOpenDialog()).toBe('/x/b.icpcase');
    expect(await dialogs.showOpenDialog()).toBeUndefined();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ properties: ['openFile'], filters });
  });
});
