import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CaseStore } from '../../host/store/case-store';
import { isStoreError } from '../../host/store/errors';
import { changeKeyProvider } from '../../host/store/keys';
import { nodeFs } from '../../host/store/atomic-file';
import { SafeStorageKeyProvider, type SafeStorageLike } from '../../electron/keychain';
import { fastPassphrase, removeTempDirs, tempDir } from '../host/store/helpers';

afterEach(removeTempDirs);

/** Stands in for Electron's safeStorage: reversible, but bound to one "OS account" secret. */
function fakeSafeStorage(secret = 'account-1', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`${secret}|${Buffer.from(text).toString('hex')}`),
    decryptString: (blob) => {
      const [owner, hex] = blob.toString().split('|');
      if (owner !== secret || !hex)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex, 'hex').toString();
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isStoreError(error) ? error.code : `not a StoreError: ${String(error)}`;
  }
  return 'resolved';
}

describe('SafeStorageKeyProvider', () => {
  it('wraps through the OS keychain and refuses another account or an unavailable keychain', async () => {
    const key = randomBytes(32);
    const blob = await new SafeStorageKeyProvider(fakeSafeStorage()).wrap(key);
    expect((await new SafeStorageKeyProvider(fakeSafeStorage()).unwrap(blob)).equals(key)).toBe(true);
    expect(await codeOf(new SafeStorageKeyProvider(fakeSafeStorage('account-2')).unwrap(blob))).toBe(
      'keyUnavailable',
    );
    expect(await codeOf(new SafeStorageKeyProvider(fakeSafeStorage('account-1', false)).wrap(key))).toBe(
      'keyUnavailable',
    );
  });

  it('runs a whole store', async () => {
    const root = await tempDir();
    const store = new CaseStore({ root, keyProvider: new SafeStorageKeyProvider(fakeSafeStorage()) });
    const c = await store.create({ name: 'Keychain case' });
    const reopened = new CaseStore({ root, keyProvider: new SafeStorageKeyProvider(fakeSafeStorage()) });
    expect((await reopened.open(c.id)).case.name).toBe('Keychain case');
    const keyring = JSON.parse(await readFile(path.join(root, 'keyring.json'), 'utf8'));
    expect(keyring.provider).toBe('safeStorage');
  });

  it('switches from passphrase to the OS keychain by re-wrapping', async () => {
    const root = await tempDir();
    const c = await new CaseStore({ root, keyProvider: fastPassphrase('p') }).create({ name: 'Switch' });
    const keychain = new SafeStorageKeyProvider(fakeSafeStorage());
    await changeKeyProvider(nodeFs, root, fastPassphrase('p'), keychain);
    expect((await new CaseStore({ root, keyProvider: keychain }).open(c.id)).case.name).toBe('Switch');
    expect(await codeOf(new CaseStore({ root, keyProvider: fastPassphrase('p') }).open(c.id))).toBe(
      'keyUnavailable',
    );
  });
});
