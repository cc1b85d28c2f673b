/**
 * The OS keychain key provider: wraps the store's data key with Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, libsecret or KWallet on Linux). It lives in the shell because only the app has a
 * keychain; the store (host/store) sees it as any other KeyProvider. No electron import: main passes
 * `safeStorage` in.
 *
 * It uses the asynchronous API (`isAsyncEncryptionAvailable`, `encryptStringAsync`, `decryptStringAsync`):
 * the synchronous one is deprecated in Electron 45 and removed in 46. Keyrings written by the synchronous
 * `encryptString` (magic `ICPS`) stay readable — `decryptStringAsync` reads what `encryptString` wrote, and
 * where the synchronous call still exists it is tried second — and are re-wrapped with the asynchronous API
 * (magic `ICPA`) on the first unlock, as they are when Electron reports a rotated key (`shouldReEncrypt`).
 *
 * On Linux, safeStorage falls back to `basic_text` when no secret service is found: a key obfuscated with a
 * hard-coded password, readable by anyone who copies the file. That is not a keychain. {@link keychainStatus}
 * reports it as unavailable, this provider refuses it, and the app asks for a passphrase instead.
 */
import { StoreError } from '../host/store/errors';
import { KEY_BYTES } from '../host/store/crypto';
import type { KeyProvider } from '../host/store/keys';

/**
 * The shape of Electron's `safeStorage` the provider uses (electron.d.ts of Electron 45 declares all of
 * it); main passes the real one, tests a fake. The synchronous `decryptString` is optional: it is only a
 * second way to read a keyring an older version of the app wrote, and Electron 46 no longer has it.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only (Electron names the secret store it picked); absent or ignored elsewhere. */
  getSelectedStorageBackend?(): string;
  /** @deprecated Electron ≤ 45 only; used solely to read keyrings the synchronous API wrote. */
  decryptString?(encrypted: Buffer): string;
}

/** Whether the OS keychain can guard the data key, and if not, why (shown in Settings → Encryption). */
export type KeychainStatus = { available: true } | { available: false; reason: 'unavailable' | 'basicText' };

/** Written by the synchronous `encryptString` (before issue 13). */
const SYNC_MAGIC = Buffer.from('ICPS', 'ascii');
/** Written by `encryptStringAsync`. */
const ASYNC_MAGIC = Buffer.from('ICPA', 'ascii');

/** Linux secret stores that are a real keychain; `basic_text` (and `unknown`, before ready) are not. */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

export async function keychainStatus(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<KeychainStatus> {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (NOT_A_KEYCHAIN.has(backend)) return { available: false, reason: 'basicText' };
  }
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  return available ? { available: true } : { available: false, reason: 'unavailable' };
}

/** Wraps the data key with the OS keychain (DPAPI on Windows, Keychain on macOS, libsecret on Linux). */
export class SafeStorageKeyProvider implements KeyProvider {
  readonly kind = 'safeStorage';
  #rewrap = false;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async #assertAvailable(): Promise<void> {
    const status = await keychainStatus(this.safeStorage, this.platform);
    if (!status.available) {
      throw new StoreError('keyUnavailable', {
        reason: status.reason === 'basicText' ? 'keychainBasicText' : 'keychainUnavailable',
      });
    }
  }

  async wrap(key: Buffer): Promise<Buffer> {
    await this.#assertAvailable();
    return Buffer.concat([ASYNC_MAGIC, await this.safeStorage.encryptStringAsync(key.toString('base64'))]);
  }

  async unwrap(blob: Buffer): Promise<Buffer> {
    const magic = blob.subarray(0, ASYNC_MAGIC.length);
    const legacy = magic.equals(SYNC_MAGIC);
    if (!legacy && !magic.equals(ASYNC_MAGIC)) {
      throw new StoreError('keyUnavailable', { reason: 'notKeychainKeyring' });
    }
    await this.#assertAvailable();
    const sealed = blob.subarray(ASYNC_MAGIC.length);
    let text: string;
    try {
      const opened = await this.safeStorage.decryptStringAsync(sealed);
      text = opened.result;
      this.#rewrap = legacy || opened.shouldReEncrypt;
    } catch (error) {
      // A keyring of the synchronous API on an Electron that still has it: the call that wrote it reads it.
      if (!legacy || !this.safeStorage.decryptString) throw refused(error);
      try {
        text = this.safeStorage.decryptString(sealed);
        this.#rewrap = true;
      } catch (syncError) {
        throw refused(syncError);
      }
    }
    const key = Buffer.from(text, 'base64');
    if (key.length !== KEY_BYTES) throw new StoreError('keyUnavailable', { reason: 'damagedKeyring' });
    return key;
  }

  /** True once after an unwrap whose keyring should be written again (old format or rotated OS key). */
  takeRewrap(): boolean {
    const rewrap = this.#rewrap;
    this.#rewrap = false;
    return rewrap;
  }
}

/** Another user account or machine, or a reset keychain: the OS refuses to decrypt. */
function refused(_error: unknown): StoreError {
  return new StoreError('keyUnavailable', { reason: 'keychainRefused' });
}
