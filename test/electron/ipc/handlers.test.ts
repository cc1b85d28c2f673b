import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../electron/contract';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { handlerDeps } from './harness';

let userDataDir: string;

beforeEach(async () => {
  userDataDir = await mkdtemp(path.join(tmpdir(), 'icp-handlers-'));
});

afterEach(async () => {
  await rm(userDataDir, { recursive: true, force: true });
});

const depsWith = (overrides: Partial<HandlerDeps> = {}): HandlerDeps =>
  handlerDeps(userDataDir, { platform: 'darwin', ...overrides });

const settingsFile = () => path.join(userDataDir, 'settings.json');

describe('app:info', () => {
  it('reports name, version, platform and the language resolved from the OS locale', async () => {
    expect(await createHandlers(depsWith())['app:info'](undefined)).toEqual({
      ok: true,
      value: { name: 'ICP Packet Studio', version: '0.1.0', systemLanguage: 'en', platform: 'darwin' },
    });
    const chinese = await createHandlers(depsWith({ systemLocale: 'zh-TW', platform: 'freebsd' }))[
      'app:info'
    ](undefined);
    expect(chinese).toMatchObject({ ok: true, value: { systemLanguage: 'zh-CN', platform: 'other' } });
  });

  it('takes no payload', async () => {
    expect(await createHandlers(depsWith())['app:info']({ sneaky: true })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
  });
});

describe('settings', () => {
  it('returns the defaults when no settings file exists yet', async () => {
    expect(await createHandlers(depsWith())['settings:get'](undefined)).toEqual({
      ok: true,
      value: { language: 'system' },
    });
  });

  it('persists a change to settings.json, where a new process reads it back', async () => {
    const onSettingsChanged = vi.fn();
    const first = createHandlers(depsWith({ onSettingsChanged }));
    expect(await first['settings:set']({ language: 'zh-CN' })).toEqual({
      ok: true,
      value: { language: 'zh-CN' },
    });
    expect(onSettingsChanged).toHaveBeenCalledWith({ language: 'zh-CN' });

    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({ language: 'zh-CN' });
    const second = createHandlers(depsWith());
    expect(await second['settings:get'](undefined)).toEqual({ ok: true, value: { language: 'zh-CN' } });
  });

  it('creates a missing user-data folder on first save', async () => {
    const nested = path.join(userDataDir, 'not', 'yet');
    const handlers = createHandlers(depsWith({ userDataDir: nested }));
    expect(await handlers['settings:set']({ language: 'en' })).toMatchObject({ ok: true });
    expect(JSON.parse(await readFile(path.join(nested, 'settings.json'), 'utf8'))).toEqual({
      language: 'en',
    });
  });

  it('an empty patch keeps what was saved', async () => {
    const handlers = createHandlers(depsWith());
    await handlers['settings:set']({ language: 'en' });
    expect(await handlers['settings:set']({})).toEqual({ ok: true, value: { language: 'en' } });
  });

  it.each([
    ['an unknown language', { language: 'fr' }],
    ['an unknown key', { language: 'en', dataDir: '/etc' }],
    ['a string', 'zh-CN'],
    ['null', null],
    ['no payload', undefined],
    ['a number language', { language: 1 }],
  ])('refuses %s with invalidPayload and keeps the saved settings', async (_why, payload) => {
    const onSettingsChanged = vi.fn();
    const handlers = createHandlers(depsWith({ onSettingsChanged }));
    await handlers['settings:set']({ language: 'zh-CN' });
    onSettingsChanged.mockClear();

    const result = await handlers['settings:set'](payload);
    expect(result).toMatchObject({ ok: false, code: 'invalidPayload' });
    expect(onSettingsChanged).not.toHaveBeenCalled();
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({ language: 'zh-CN' });
  });

  it('names the offending field in the error details', async () => {
    const result = await createHandlers(depsWith())['settings:set']({ language: 'fr' });
    expect(result).toEqual({
      ok: false,
      code: 'invalidPayload',
      details: { path: 'language', reason: 'invalid_value' },
    });
  });

  it.each([
    ['not JSON', '{"language": "zh-CN"'],
    ['the wrong shape', '["zh-CN"]'],
    ['an unknown language', '{"language": "klingon"}'],
    ['an empty file', ''],
  ])('falls back to the defaults when settings.json is damaged (%s)', async (_why, content) => {
    await mkdir(userDataDir, { recursive: true });
    await writeFile(settingsFile(), content);
    const handlers = createHandlers(depsWith());
    expect(await handlers['settings:get'](undefined)).toEqual({ ok: true, value: { language: 'system' } });
    // Saving again repairs the file.
    await handlers['settings:set']({ language: 'en' });
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toEqual({ language: 'en' } satisfies Settings);
  });

  it('reports an I/O failure as ioFailed rather than throwing', async () => {
    // A file where the user-data folder should be makes every write fail.
    const blocked = path.join(userDataDir, 'blocked');
    await writeFile(blocked, 'x');
    const result = await createHandlers(depsWith({ userDataDir: blocked }))['settings:set']({
      language: 'en',
    });
    expect(result).toMatchObject({ ok: false, code: 'ioFailed' });
  });
});

describe('shell:openExternal', () => {
  it('opens an allowed URL', async () => {
    const openExternal = vi.fn(async () => undefined);
    const result = await createHandlers(depsWith({ openExternal }))['shell:openExternal']({
      url: 'https://beian.miit.gov.cn/',
    });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(openExternal).toHaveBeenCalledWith('https://beian.miit.gov.cn/');
  });

  it.each([
    'https://evil.com/',
    'http://beian.miit.gov.cn/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://miit.gov.cn.evil.com/',
  ])('refuses %s with urlNotAllowed and never opens it', async (url) => {
    const openExternal = vi.fn(async () => undefined);
    const result = await createHandlers(depsWith({ openExternal }))['shell:openExternal']({ url });
    expect(result).toEqual({ ok: false, code: 'urlNotAllowed' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each([
    [undefined],
    ['https://beian.miit.gov.cn/'],
    [{ href: 'https://beian.miit.gov.cn/' }],
    [{ url: 42 }],
  ])('refuses a malformed payload %j with invalidPayload', async (payload) => {
    const openExternal = vi.fn(async () => undefined);
    const result = await createHandlers(depsWith({ openExternal }))['shell:openExternal'](payload);
    expect(result).toMatchObject({ ok: false, code: 'invalidPayload' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses absurdly long URLs', async () => {
    const url = `https://beian.miit.gov.cn/${'a'.repeat(3000)}`;
    expect(await createHandlers(depsWith())['shell:openExternal']({ url })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
  });
});
