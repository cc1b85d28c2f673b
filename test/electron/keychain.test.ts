import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CaseStore } from '../../host/store/case-store';
import { isStoreError } from '../../host/store/errors';
import { changeKeyProvider } from '../../host/store/keys';
import { nodeFs } from '../../host/store/atomic-file';
import { SafeStorageKeyProvider, keychainStatus, type SafeStorageLike } from '../../electron/keychain';
import { fastPassphrase, removeTempDirs, tempDir } from '../host/store/helpers';

afterEach(removeTempDirs);

/**
 * Electron's safeStorage of one OS account, both APIs. Like the real one, `decryptStringAsync` reads what
 * the synchronous `encryptString` wrote (`v10`) as well as its own output (`v11`). `removed` plays Electron
 * 46, where the synchronous calls no longer exist; calling one then fails the test.
 */
function fakeSafeStorage(
  options: {
    account?: string;
    available?: boolean;
    backend?: string;
    removed?: boolean;
    asyncReadsOld?: boolean;
    rotated?: boolean;
  } = {},
) {
  const account = options.account ?? 'account-1';
  const calls: string[] = [];
  const seal = (version: string, text: string) =>
    Buffer.from(`${version}|${account}|${Buffer.from(text).toString('hex')}`);
  const open = (blob: Buffer, versions: string[]) => {
    const [version = '', owner, hex] = blob.toString().split('|');
    if (!versions.includes(version) || owner !== account || !hex)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(hex, 'hex').toString();
  };
  const sync = {
    isEncryptionAvailable: () => {
      calls.push('isEncryptionAvailable');
      return options.available ?? true;
    },
    encryptString: (text: string) => {
      calls.push('encryptString');
      return seal('v10', text);
    },
    decryptString: (blob: Buffer) => {
      calls.push('decryptString');
      return open(blob, ['v10']);
    },
  };
  const safeStorage: SafeStorageLike & Partial<typeof sync> = {
    isAsyncEncryptionAvailable: async () => {
      calls.push('isAsyncEncryptionAvailable');
      return options.available ?? true;
    },
    encryptStringAsync: async (text) => {
      calls.push('encryptStringAsync');
      return seal('v11', text);
    },
    decryptStringAsync: async (blob) => {
      calls.push('decryptStringAsync');
      const versions = options.asyncReadsOld === false ? ['v11'] : ['v10', 'v11'];
      return { shouldReEncrypt: options.rotated ?? false, result: open(blob, versions) };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    ...(options.removed ? {} : sync),
  };
  return { safeStorage, calls, sync };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isStoreError(error)
      ? `${error.code}${error.details?.reason ? `:${String(error.details.reason)}` : ''}`
      : `not a StoreError: ${String(error)}`;
  }
  return 'resolved';
}

/** A keyring as the app wrote it before issue 13: `ICPS` + safeStorage.encryptString(base64 key). */
async function legacyKeychainStore(root: string) {
  const { sync } = fakeSafeStorage();
  const legacyProvider = {
    kind: 'safeStorage' as const,
    wrap: async (key: Buffer) =>
      Buffer.concat([Buffer.from('ICPS'), sync.encryptString(key.toString('base64'))]),
    unwrap: async (blob: Buffer) => Buffer.from(sync.decryptString(blob.subarray(4)), 'base64'),
  };
  const c = await new CaseStore({ root, keyProvider: legacyProvider }).create({ name: 'Written in 2026' });
  const before = JSON.parse(await readFile(path.join(root, 'keyring.json'), 'utf8'));
  expect(Buffer.from(before.wrappedKey, 'base64').subarray(0, 8).toString()).toBe('ICPSv10|');
  return c;
}

describe('SafeStorageKeyProvider', () => {
  it('wraps with the asynchronous API only, and refuses another account or an unavailable keychain', async () => {
    const key = randomBytes(32);
    const mine = fakeSafeStorage();
    const blob = await new SafeStorageKeyProvider(mine.safeStorage, 'darwin').wrap(key);
    expect(blob.subarray(0, 8).toString()).toBe('ICPAv11|');
    expect((await new SafeStorageKeyProvider(mine.safeStorage, 'darwin').unwrap(blob)).equals(key)).toBe(
      true,
    );
    expect(mine.calls).not.toContain('encryptString');
    expect(mine.calls).not.toContain('decryptString');
    expect(mine.calls).not.toContain('isEncryptionAvailable');

    const other = fakeSafeStorage({ account: 'account-2' }).safeStorage;
    expect(await codeOf(new SafeStorageKeyProvider(other, 'darwin').unwrap(blob))).toBe(
      'keyUnavailable:keychainRefused',
    );
    const off = fakeSafeStorage({ available: false }).safeStorage;
    expect(await codeOf(new SafeStorageKeyProvider(off, 'darwin').wrap(key))).toBe(
      'keyUnavailable:keychainUnavailable',
    );
  });

  it('opens a keyring the synchronous API wrote, on Electron 46 too, and re-wraps it asynchronously', async () => {
    const root = await tempDir();
    const c = await legacyKeychainStore(root);
    const electron46 = fakeSafeStorage({ removed: true });
    const store = new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(electron46.safeStorage, 'win32'),
    });
    expect((await store.open(c.id)).case.name).toBe('Written in 2026');
    const after = JSON.parse(await readFile(path.join(root, 'keyring.json'), 'utf8'));
    expect(after.provider).toBe('safeStorage');
    expect(Buffer.from(after.wrappedKey, 'base64').subarray(0, 8).toString()).toBe('ICPAv11|');
    const mirror = JSON.parse(await readFile(path.join(root, 'keyring.mirror.json'), 'utf8'));
    expect(mirror.wrappedKey).toBe(after.wrappedKey);
    // And the re-wrapped keyring opens again.
    const again = new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(fakeSafeStorage({ removed: true }).safeStorage, 'win32'),
    });
    expect((await again.open(c.id)).case.name).toBe('Written in 2026');
  });

  it('falls back to the synchronous decryptString where the asynchronous one cannot read an old keyring', async () => {
    const root = await tempDir();
    const c = await legacyKeychainStore(root);
    const electron45 = fakeSafeStorage({ asyncReadsOld: false });
    const store = new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(electron45.safeStorage, 'darwin'),
    });
    expect((await store.open(c.id)).case.name).toBe('Written in 2026');
    expect(electron45.calls).toContain('decryptString');
    expect(electron45.calls).not.toContain('encryptString');
  });

  it('re-wraps when Electron reports a rotated key (shouldReEncrypt)', async () => {
    const root = await tempDir();
    const first = new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(fakeSafeStorage().safeStorage, 'darwin'),
    });
    const c = await first.create({ name: 'Rotated' });
    const rotated = fakeSafeStorage({ rotated: true });
    await new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(rotated.safeStorage, 'darwin'),
    }).open(c.id);
    // Opened, then wrapped again with the current OS key (once).
    expect(rotated.calls.filter((x) => x === 'decryptStringAsync')).toHaveLength(1);
    expect(rotated.calls.filter((x) => x === 'encryptStringAsync')).toHaveLength(1);
    const settled = fakeSafeStorage();
    await new CaseStore({
      root,
      keyProvider: new SafeStorageKeyProvider(settled.safeStorage, 'darwin'),
    }).open(c.id);
    expect(settled.calls).not.toContain('encryptStringAsync');
  });

  it('on Linux, refuses basic_text: not a keychain, whatever isAsyncEncryptionAvailable says', async () => {
    const basic = fakeSafeStorage({ backend: 'basic_text' }).safeStorage;
    expect(await keychainStatus(basic, 'linux')).toEqual({ available: false, reason: 'basicText' });
    expect(await codeOf(new SafeStorageKeyProvider(basic, 'linux').wrap(randomBytes(32)))).toBe(
      'keyUnavailable:keychainBasicText',
    );
    expect(await keychainStatus(fakeSafeStorage({ backend: 'kwallet6' }).safeStorage, 'linux')).toEqual({
      available: true,
    });
    // Elsewhere the Linux backend does not apply.
    expect(await keychainStatus(basic, 'win32')).toEqual({ available: true });
    expect(await keychainStatus(fakeSafeStorage({ available: false }).safeStorage, 'darwin')).toEqual({
      available: false,
      reason: 'unavailable',
    });
  });

  it('a keyring that is not a keychain one is refused without asking the OS', async () => {
    const { safeStorage, calls } = fakeSafeStorage();
    expect(
      await codeOf(new SafeStorageKeyProvider(safeStorage, 'darwin').unwrap(Buffer.from('ICPPxxxxxxxx'))),
    ).toBe('keyUnavailable:notKeychainKeyring');
    expect(calls).toEqual([]);
  });

  it('runs a whole store and switches from a passphrase by re-wrapping', async () => {
    const root = await tempDir();
    const c = await new CaseStore({ root, keyProvider: fastPassphrase('p') }).create({ name: 'Switch' });
    const keychain = new SafeStorageKeyProvider(fakeSafeStorage().safeStorage, 'darwin');
    await changeKeyProvider(nodeFs, root, fastPassphrase('p'), keychain);
    expect((await new CaseStore({ root, keyProvider: keychain }).open(c.id)).case.name).toBe('Switch');
    expect(await codeOf(new CaseStore({ root, keyProvider: fastPassphrase('p') }).open(c.id))).toBe(
      'keyUnavailable:otherProvider',
    );
  });
});
