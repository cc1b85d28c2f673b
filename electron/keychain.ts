/**
 * The OS keychain key provider: wraps the store's data key with Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, libsecret on Linux). It lives in the shell because only the app has a keychain; the
 * store (host/store) sees it as any other KeyProvider. No electron import: main passes `safeStorage` in.
 */
import { StoreError } from '../host/store/errors';
import { KEY_BYTES } from '../host/store/crypto';
import type { KeyProvider } from '../host/store/keys';

/** The shape of Electron's `safeStorage` the provider needs; main passes the real one, tests a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const SAFE_STORAGE_MAGIC = Buffer.from('ICPS', 'ascii');

/** Wraps the data key with the OS keychain (DPAPI on Windows, Keychain on macOS, libsecret on Linux). */
export class SafeStorageKeyProvider implements KeyProvider {
  readonly kind = 'safeStorage';
  constructor(private readonly safeStorage: SafeStorageLike) {}

  async wrap(key: Buffer): Promise<Buffer> {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new StoreError('keyUnavailable', { reason: 'keychainUnavailable' });
    }
    return Buffer.concat([SAFE_STORAGE_MAGIC, this.safeStorage.encryptString(key.toString('base64'))]);
  }

  async unwrap(blob: Buffer): Promise<Buffer> {
    if (!blob.subarray(0, SAFE_STORAGE_MAGIC.length).equals(SAFE_STORAGE_MAGIC)) {
      throw new StoreError('keyUnavailable', { reason: 'notKeychainKeyring' });
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new StoreError('keyUnavailable', { reason: 'keychainUnavailable' });
    }
    let key: Buffer;
    try {
      key = Buffer.from(this.safeStorage.decryptString(blob.subarray(SAFE_STORAGE_MAGIC.length)), 'base64');
    } catch {
      // Another user account or machine, or a reset keychain: the OS refuses to decrypt.
      throw new StoreError('keyUnavailable', { reason: 'keychainRefused' });
    }
    if (key.length !== KEY_BYTES) throw new StoreError('keyUnavailable', { reason: 'damagedKeyring' });
    return key;
  }
}
