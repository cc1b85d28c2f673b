/**
 * The data key and who guards it. One random 32-byte data key encrypts every case in a store; a
 * {@link KeyProvider} wraps it — the OS keychain through Electron's safeStorage in the app, or a passphrase
 * through scrypt. Changing the passphrase (or switching provider) re-wraps this one key; the encrypted case
 * files are not touched.
 *
 * The wrapped key lives in `keyring.json` with a mirror copy, both written atomically: losing the key means
 * losing every case, so one damaged file must not be enough to lose it.
 */
import { createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import * as z from 'zod';
import { DecryptError, KEY_BYTES, Purpose, decrypt, encrypt, newDataKey } from './crypto';
import { readFileIfExists, renameWithRetry, writeFileAtomic, type StoreFs } from './atomic-file';
import { StoreError } from './errors';

export interface KeyProvider {
  /** Recorded in the keyring, so the app can tell which provider must unlock it. */
  readonly kind: 'passphrase' | 'safeStorage';
  wrap(key: Buffer): Promise<Buffer>;
  /** Throws StoreError `wrongPassphrase` or `keyUnavailable` when it cannot. */
  unwrap(blob: Buffer): Promise<Buffer>;
  /**
   * True (once) when the keyring just unwrapped should be wrapped again — an older wrapping format, or an
   * OS key that was rotated. The store then rewrites the keyring with the same data key.
   */
  takeRewrap?(): boolean;
  /** Settles which provider this is (a session that picks one on first use); awaited before `kind` is read. */
  ready?(): Promise<unknown>;
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const PASSPHRASE_MAGIC = Buffer.from('ICPP', 'ascii');
/** 2^16 × r 8 = 64 MiB and ~0.2 s per unlock: costly to brute-force, fine once per session. */
export const DEFAULT_SCRYPT_COST_LOG2 = 16;
/**
 * The scrypt parameters accepted from a file (a keyring, an `.icpcase`): only what this app writes — r = 8,
 * p = 1 and log2 N from 10 (tests) to one step above today's default, so the default can rise once without
 * breaking old files. At the top that is 128 MiB and ~0.4 s. A crafted file asked for N = 2^20, r = 32,
 * p = 4 and held 4.4 GB for 89 s before "wrong passphrase" (issue 22 point 4); now it is refused before
 * anything is derived.
 */
const MIN_COST_LOG2 = 10;
const MAX_COST_LOG2 = DEFAULT_SCRYPT_COST_LOG2 + 1;
const SCRYPT_R = 8;
const SCRYPT_P = 1;

/**
 * Wraps the data key with a key derived from a passphrase by scrypt (r = 8, p = 1, random 16-byte salt).
 * The parameters are stored in the blob, so a later default can rise without breaking old keyrings.
 * Blob: `ICPP` · log2 N · r · p · salt (16) · AES-GCM blob of the data key.
 */
export class PassphraseKeyProvider implements KeyProvider {
  readonly kind = 'passphrase';
  readonly #passphrase: string;
  readonly #costLog2: number;

  /** `costLog2` below the default is for tests only (each unwrap would otherwise cost 0.2 s). */
  constructor(passphrase: string, options: { costLog2?: number } = {}) {
    if (passphrase.length === 0) throw new StoreError('wrongPassphrase', { reason: 'empty' });
    // NFC: the same passphrase typed on macOS (NFD input) and Windows must derive the same key.
    this.#passphrase = passphrase.normalize('NFC');
    this.#costLog2 = options.costLog2 ?? DEFAULT_SCRYPT_COST_LOG2;
    if (this.#costLog2 < MIN_COST_LOG2 || this.#costLog2 > MAX_COST_LOG2)
      throw new Error('scrypt cost out of range');
  }

  async #derive(salt: Buffer, costLog2: number, r: number, p: number): Promise<Buffer> {
    const N = 2 ** costLog2;
    return scrypt(this.#passphrase, salt, { N, r, p, maxmem: 256 * N * r * p + 16 * 1024 * 1024 });
  }

  async wrap(key: Buffer): Promise<Buffer> {
    const salt = randomBytes(16);
    const [r, p] = [SCRYPT_R, SCRYPT_P];
    const kek = await this.#derive(salt, this.#costLog2, r, p);
    const params = Buffer.from([this.#costLog2, r, p]);
    return Buffer.concat([PASSPHRASE_MAGIC, params, salt, encrypt(kek, key, Purpose.keyWrap, 'passphrase')]);
  }

  async unwrap(blob: Buffer): Promise<Buffer> {
    const head = PASSPHRASE_MAGIC.length;
    if (blob.length < head + 3 + 16 || !blob.subarray(0, head).equals(PASSPHRASE_MAGIC)) {
      throw new StoreError('keyUnavailable', { reason: 'notPassphraseKeyring' });
    }
    const [costLog2 = 0, r = 0, p = 0] = blob.subarray(head, head + 3);
    if (costLog2 < MIN_COST_LOG2 || costLog2 > MAX_COST_LOG2 || r !== SCRYPT_R || p !== SCRYPT_P) {
      throw new StoreError('keyUnavailable', { reason: 'badKdfParameters' });
    }
    const salt = blob.subarray(head + 3, head + 19);
    const kek = await this.#derive(salt, costLog2, r, p);
    try {
      return decrypt(kek, blob.subarray(head + 19), Purpose.keyWrap, 'passphrase');
    } catch (error) {
      if (error instanceof DecryptError && error.reason === 'auth') throw new StoreError('wrongPassphrase');
      throw new StoreError('keyUnavailable', { reason: 'damagedKeyring' });
    }
  }
}

const KeyringSchema = z.object({
  format: z.literal('icp-keyring'),
  version: z.literal(1),
  provider: z.enum(['passphrase', 'safeStorage']),
  wrappedKey: z.string().min(1).max(4096),
  /**
   * SHA-256 of `wrappedKey` (hex). A flipped bit in the wrapped key would otherwise fail to decrypt exactly like a
   * wrong passphrase; with it, damage is told apart and the other copy is used. Absent in older keyrings.
   */
  wrappedKeySha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
type Keyring = z.infer<typeof KeyringSchema>;

export const KEYRING_FILE = 'keyring.json';
const KEYRING_MIRROR = 'keyring.mirror.json';
const KEYRING_FILES = [KEYRING_FILE, KEYRING_MIRROR] as const;

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** One keyring file as read: intact (parsed, and its checksum matches when it has one), damaged, or missing. */
type KeyringCopy =
  | { file: string; state: 'intact'; keyring: Keyring; bytes: Buffer }
  | { file: string; state: 'damaged' | 'missing' };

async function readKeyringCopies(fs: StoreFs, root: string): Promise<KeyringCopy[]> {
  const copies: KeyringCopy[] = [];
  for (const file of KEYRING_FILES) {
    const bytes = await readFileIfExists(fs, path.join(root, file));
    if (!bytes) {
      copies.push({ file, state: 'missing' });
      continue;
    }
    let parsed: ReturnType<typeof KeyringSchema.safeParse> | undefined;
    try {
      parsed = KeyringSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    } catch {
      parsed = undefined;
    }
    const intact =
      parsed?.success &&
      (parsed.data.wrappedKeySha256 === undefined ||
        parsed.data.wrappedKeySha256 === sha256Hex(parsed.data.wrappedKey));
    copies.push(
      intact && parsed?.success
        ? { file, state: 'intact', keyring: parsed.data, bytes }
        : { file, state: 'damaged' },
    );
  }
  return copies;
}

async function readKeyring(fs: StoreFs, root: string): Promise<Keyring | 'missing' | 'damaged'> {
  const copies = await readKeyringCopies(fs, root);
  const intact = copies.find((c) => c.state === 'intact');
  if (intact?.state === 'intact') return intact.keyring;
  return copies.some((c) => c.state === 'damaged') ? 'damaged' : 'missing';
}

async function keyringBytes(provider: KeyProvider, key: Buffer): Promise<Buffer> {
  await provider.ready?.();
  const wrappedKey = (await provider.wrap(key)).toString('base64');
  const keyring: Keyring = {
    format: 'icp-keyring',
    version: 1,
    provider: provider.kind,
    wrappedKey,
    wrappedKeySha256: sha256Hex(wrappedKey),
  };
  return Buffer.from(JSON.stringify(keyring, null, 2) + '\n', 'utf8');
}

async function writeKeyring(fs: StoreFs, root: string, provider: KeyProvider, key: Buffer): Promise<void> {
  const bytes = await keyringBytes(provider, key);
  await writeFileAtomic(fs, path.join(root, KEYRING_FILE), bytes);
  await writeFileAtomic(fs, path.join(root, KEYRING_MIRROR), bytes);
}

/**
 * Creates the keyring only if none exists: two processes starting on an empty store (the app and the CLI)
 * must not each create a key and overwrite the other's. The complete file is linked into place, which fails
 * with EEXIST if another process got there first. Resolves false in that case.
 */
async function createKeyring(
  fs: StoreFs,
  root: string,
  provider: KeyProvider,
  key: Buffer,
): Promise<boolean> {
  const bytes = await keyringBytes(provider, key);
  await fs.mkdir(root, { recursive: true });
  const pending = path.join(root, `${KEYRING_FILE}.${randomBytes(8).toString('hex')}.pending`);
  await writeFileAtomic(fs, pending, bytes);
  try {
    await fs.link(pending, path.join(root, KEYRING_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links on this file system: fall back to a plain (last-writer-wins) rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'].includes(code ?? '')) throw error;
    await renameWithRetry(fs, pending, path.join(root, KEYRING_FILE));
  } finally {
    await fs.rm(pending, { force: true });
  }
  await writeFileAtomic(fs, path.join(root, KEYRING_MIRROR), bytes);
  return true;
}

export async function keyringProvider(fs: StoreFs, root: string): Promise<KeyProvider['kind'] | undefined> {
  const keyring = await readKeyring(fs, root);
  return typeof keyring === 'string' ? undefined : keyring.provider;
}

/**
 * The store's data key: unwrapped from the keyring, or created on first use. `mayCreate` is false when the
 * store already holds cases — a new key then would silently orphan them, so a missing keyring is an error.
 */
export async function loadDataKey(
  fs: StoreFs,
  root: string,
  provider: KeyProvider,
  mayCreate: boolean,
): Promise<Buffer> {
  await provider.ready?.();
  const copies = await readKeyringCopies(fs, root);
  const intact = copies.flatMap((c) => (c.state === 'intact' ? [c] : []));
  if (intact.length === 0) {
    if (copies.some((c) => c.state === 'damaged')) throw new StoreError('keyringDamaged');
    if (!mayCreate) throw new StoreError('keyUnavailable', { reason: 'keyringMissing' });
    const key = newDataKey();
    if (await createKeyring(fs, root, provider, key)) return key;
    return loadDataKey(fs, root, provider, false);
  }
  // Each intact copy is tried (identical ones once): a damaged keyring.json must not lock the user out while
  // its mirror is whole (issue 22 point 3). Only when every copy refuses the passphrase is it wrong.
  let refusal: unknown;
  const tried = new Set<string>();
  for (const copy of intact) {
    const { keyring } = copy;
    if (tried.has(keyring.wrappedKey)) continue;
    tried.add(keyring.wrappedKey);
    if (keyring.provider !== provider.kind) {
      refusal ??= new StoreError('keyUnavailable', { reason: 'otherProvider', provider: keyring.provider });
      continue;
    }
    let key: Buffer;
    try {
      key = await provider.unwrap(Buffer.from(keyring.wrappedKey, 'base64'));
    } catch (error) {
      // A wrong passphrase wins over a damaged copy's refusal: it is what the user can fix.
      if (!(refusal instanceof StoreError && refusal.code === 'wrongPassphrase')) refusal = error;
      continue;
    }
    if (key.length !== KEY_BYTES) {
      refusal ??= new StoreError('keyringDamaged');
      continue;
    }
    if (provider.takeRewrap?.()) {
      // Same key, new wrapping; if this write fails the old keyring still opens, so the unlock goes on.
      await writeKeyring(fs, root, provider, key).catch(() => undefined);
    } else if (copies.some((c) => c.state !== 'intact' || !c.bytes.equals(copy.bytes))) {
      // The other copy is damaged, missing or different: make both the one that opened.
      await repairKeyring(fs, root, copy.bytes).catch(() => undefined);
    }
    return key;
  }
  throw refusal;
}

/** Rewrites both keyring files with the bytes of the copy that unlocked. */
async function repairKeyring(fs: StoreFs, root: string, bytes: Buffer): Promise<void> {
  for (const file of KEYRING_FILES) {
    const current = await readFileIfExists(fs, path.join(root, file)).catch(() => undefined);
    if (!current?.equals(bytes)) await writeFileAtomic(fs, path.join(root, file), bytes);
  }
}

/**
 * Re-wraps the data key for a new passphrase or provider. Only the keyring changes; a wrong current
 * passphrase fails before anything is written.
 */
export async function changeKeyProvider(
  fs: StoreFs,
  root: string,
  current: KeyProvider,
  next: KeyProvider,
): Promise<void> {
  const key = await loadDataKey(fs, root, current, false);
  await writeKeyring(fs, root, next, key);
}
