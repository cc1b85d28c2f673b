/**
 * Settings → Encryption and the unlock at start, through the real handlers on a real store in a temp
 * folder: which protection is in use, unlocking with a retry limit that deletes nothing, setting, changing
 * and switching the protection — always by re-wrapping the key, never touching a case file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHandlers } from '../../../electron/ipc/handlers';
import { MAX_PASSPHRASE_ATTEMPTS } from '../../../electron/ipc/encryption';
import { SafeStorageKeyProvider, keychainStatus, type SafeStorageLike } from '../../../electron/keychain';
import { CaseStore } from '../../../host/store/case-store';
import { fastPassphrase, removeTempDirs, snapshot, tempDir } from '../../host/store/helpers';
import { handlerDeps, value } from './harness';

afterEach(removeTempDirs);

function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => Buffer.from(`os|${text}`),
    decryptStringAsync: async (blob) => ({ shouldReEncrypt: false, result: blob.toString().slice(3) }),
    getSelectedStorageBackend: () => backend,
  };
}

async function app(options: { userDataDir?: string; backend?: string } = {}) {
  const userDataDir = options.userDataDir ?? (await tempDir('icp-encryption-'));
  const safeStorage = fakeSafeStorage(options.backend);
  // No fixed key provider: the key session picks the keychain or asks for the passphrase, as in the app.
  const deps = handlerDeps(userDataDir, {
    keyProvider: undefined,
    keychain: {
      provider: new SafeStorageKeyProvider(safeStorage, 'linux'),
      status: () => keychainStatus(safeStorage, 'linux'),
    },
    passphraseCostLog2: 10,
  });
  return { h: createHandlers(deps), userDataDir, storeDir: path.join(userDataDir, 'store') };
}

/** A store whose key a passphrase guards, with one case in it. */
async function passphraseStore(passphrase = 'first passphrase') {
  const userDataDir = await tempDir('icp-encryption-');
  const store = new CaseStore({
    root: path.join(userDataDir, 'store'),
    keyProvider: fastPassphrase(passphrase),
  });
  const c = await store.create({ name: 'Guarded case' });
  return { userDataDir, caseId: c.id };
}

const caseFiles = async (storeDir: string) => {
  const all = await snapshot(storeDir);
  return Object.fromEntries(Object.entries(all).filter(([file]) => !file.includes('keyring')));
};

describe('encryption handlers', () => {
  it('start with the OS keychain when it is a real one, and say so', async () => {
    const { h, storeDir } = await app();
    expect(value(await h['encryption:status'](undefined))).toEqual({
      protection: 'keychain',
      unlocked: true,
      keychain: { available: true },
      attemptsLeft: MAX_PASSPHRASE_ATTEMPTS,
    });
    value(await h['case:create']({ name: 'x' }));
    expect(JSON.parse(await readFile(path.join(storeDir, 'keyring.json'), 'utf8')).provider).toBe(
      'safeStorage',
    );
  });

  it('unlock a passphrase store; a wrong passphrase says how many tries are left, and the limit deletes nothing', async () => {
    const { userDataDir, caseId } = await passphraseStore();
    const { h, storeDir } = await app({ userDataDir });
    expect(value(await h['encryption:status'](undefined))).toMatchObject({
      protection: 'passphrase',
      unlocked: false,
    });
    expect(await h['cases:list'](undefined)).toMatchObject({ ok: false, code: 'keyUnavailable' });
    const before = await snapshot(storeDir);

    for (let left = MAX_PASSPHRASE_ATTEMPTS - 1; left > 0; left--) {
      expect(await h['encryption:unlock']({ passphrase: 'wrong guess' })).toEqual({
        ok: false,
        code: 'wrongPassphrase',
        details: { attemptsLeft: left },
      });
    }
    expect(await h['encryption:unlock']({ passphrase: 'wrong guess' })).toMatchObject({
      ok: false,
      code: 'unlockLimit',
    });
    // At the limit even the right passphrase is refused for this run — and not a byte was deleted or changed.
    expect(await h['encryption:unlock']({ passphrase: 'first passphrase' })).toMatchObject({
      ok: false,
      code: 'unlockLimit',
    });
    expect(await snapshot(storeDir)).toEqual(before);

    // The next start of the app opens it.
    const next = await app({ userDataDir });
    expect(value(await next.h['encryption:unlock']({ passphrase: 'first passphrase' }))).toMatchObject({
      protection: 'passphrase',
      unlocked: true,
      attemptsLeft: MAX_PASSPHRASE_ATTEMPTS,
    });
    expect(value(await next.h['case:open']({ id: caseId })).case.name).toBe('Guarded case');
  });

  it('change the passphrase by re-wrapping the key only: case files untouched, the old one no longer opens', async () => {
    const { userDataDir, caseId } = await passphraseStore();
    const { h, storeDir } = await app({ userDataDir });
    value(await h['encryption:unlock']({ passphrase: 'first passphrase' }));
    const before = await caseFiles(storeDir);
    expect(
      await h['encryption:usePassphrase']({ passphrase: 'second passphrase', currentPassphrase: 'not it' }),
    ).toMatchObject({ ok: false, code: 'wrongPassphrase' });
    expect(
      await h['encryption:usePassphrase']({ passphrase: 'short', currentPassphrase: 'first passphrase' }),
    ).toEqual({
      ok: false,
      code: 'passphraseTooShort',
      details: { min: 8 },
    });
    expect(await h['encryption:usePassphrase']({ passphrase: 'second passphrase' })).toMatchObject({
      ok: false,
      code: 'passphraseRequired',
    });
    value(
      await h['encryption:usePassphrase']({
        passphrase: 'second passphrase',
        currentPassphrase: 'first passphrase',
      }),
    );
    expect(await caseFiles(storeDir)).toEqual(before);

    const next = await app({ userDataDir });
    expect(await next.h['encryption:unlock']({ passphrase: 'first passphrase' })).toMatchObject({
      ok: false,
      code: 'wrongPassphrase',
    });
    value(await next.h['encryption:unlock']({ passphrase: 'second passphrase' }));
    expect(value(await next.h['case:open']({ id: caseId })).case.name).toBe('Guarded case');
  });

  it('switch from the keychain to a passphrase and back, the cases opening all along', async () => {
    const { h, storeDir, userDataDir } = await app();
    const c = value(await h['case:create']({ name: 'Switching' }));
    const before = await caseFiles(storeDir);
    expect(value(await h['encryption:usePassphrase']({ passphrase: 'a long passphrase' }))).toMatchObject({
      protection: 'passphrase',
      unlocked: true,
    });
    expect(value(await h['case:open']({ id: c.id })).case.name).toBe('Switching');
    // A restart now asks for the passphrase.
    const restarted = await app({ userDataDir });
    expect(value(await restarted.h['encryption:status'](undefined))).toMatchObject({
      protection: 'passphrase',
      unlocked: false,
    });

    expect(await h['encryption:useKeychain']({})).toMatchObject({ ok: false, code: 'passphraseRequired' });
    expect(
      value(await h['encryption:useKeychain']({ currentPassphrase: 'a long passphrase' })),
    ).toMatchObject({
      protection: 'keychain',
      unlocked: true,
    });
    expect(await caseFiles(storeDir)).toEqual(before);
    const again = await app({ userDataDir });
    expect(value(await again.h['case:open']({ id: c.id })).case.name).toBe('Switching');
  });

  it('on Linux with basic_text: nothing is stored until the user sets a passphrase, never with basic_text', async () => {
    const { h, storeDir } = await app({ backend: 'basic_text' });
    expect(value(await h['encryption:status'](undefined))).toEqual({
      protection: 'unset',
      unlocked: false,
      keychain: { available: false, reason: 'basicText' },
      attemptsLeft: MAX_PASSPHRASE_ATTEMPTS,
    });
    expect(value(await h['encryption:usePassphrase']({ passphrase: 'chosen at first start' }))).toMatchObject(
      {
        protection: 'passphrase',
        unlocked: true,
      },
    );
    value(await h['case:create']({ name: 'First' }));
    const keyring = JSON.parse(await readFile(path.join(storeDir, 'keyring.json'), 'utf8'));
    expect(keyring.provider).toBe('passphrase');
    expect(await h['encryption:useKeychain']({ currentPassphrase: 'chosen at first start' })).toMatchObject({
      ok: false,
      code: 'keyUnavailable',
      details: { reason: 'keychainBasicText' },
    });
  });

  it('refuse payloads that are not what the contract says', async () => {
    const { h } = await app();
    expect(await h['encryption:unlock']({ passphrase: '' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
    expect(await h['encryption:usePassphrase']({ passphrase: 'long enough', extra: 1 })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
    expect(await h['encryption:useKeychain']('x')).toMatchObject({ ok: false, code: 'invalidPayload' });
  });
});
