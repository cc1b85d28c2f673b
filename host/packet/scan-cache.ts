/**
 * Normalised scans, made once and kept: when a scan is attached (or, at the latest, the first time a packet
 * needs it) it is brought to the upload profile and the result is stored beside the original, addressed by
 * its SHA-256 — in the case store encrypted like the original, in a CLI case folder as a plain file like the
 * original. A small note, `<original sha256>.<normalisation key>`, records what the copy is (its hash, size,
 * pixels, colour components, whether it was re-encoded). Every later export, in the app or the CLI, reads the
 * note and streams the copy into the packet without decoding an image.
 *
 * The key is a hash of the profile's output settings and the normaliser's version (normalise-image.ts), so a
 * changed profile or normaliser simply misses the old notes and makes new copies.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import * as z from 'zod';
import type { AttachmentMeta } from '../../core/model/case';
import { PacketError } from '../../core/packet/errors';
import { jpegFrame } from '../../core/packet/jpeg';
import { PROFILE_IDS, uploadProfile, type ProfileId, type UploadProfile } from '../../core/packet/profiles';
import type { NormalisedImage, ScanSource } from '../../core/packet/types';
import { sha256Hex, type ImageCheck } from '../store/attachments';
import type { CaseStore } from '../store/case-store';
import { isStoreError } from '../store/errors';
import { verifyImage } from '../store/verify-media';
import { normalisationKey, normaliseAttached, normaliseImage } from './normalise-image';

/** Where normalised copies and their notes are kept. */
export interface ScanStore {
  /**
   * The store already checks every blob and original it returns against its SHA-256 (the case store does,
   * under authenticated encryption); the cache then checks only the size instead of hashing again.
   */
  readonly checksReads?: boolean;
  /**
   * The originals are blobs of this store too, under their SHA-256 (the case store): a scan kept byte for
   * byte is read with `readBlob` like a re-encoded copy, without going through the case's attachment list.
   * Every blob in it was proven whole before it was stored (attached, imported, or a copy made here).
   */
  readonly holdsOriginals?: boolean;
  readNote(sourceId: string, key: string): Promise<Uint8Array | undefined>;
  writeNote(sourceId: string, key: string, note: Uint8Array): Promise<void>;
  hasBlob(id: string): Promise<boolean>;
  /** The bytes stored under `id`, checked against it; undefined when absent. */
  readBlob(id: string): Promise<Uint8Array | undefined>;
  writeBlob(id: string, bytes: Uint8Array): Promise<void>;
  /**
   * `readBlob` piece by piece, checked as the last piece is taken (see ScanSource.stream); throws when
   * absent. Stores that cannot stream leave it out: their scans are read whole.
   */
  blobPieces?(id: string): AsyncIterable<Uint8Array>;
}

const NoteSchema = z.strictObject({
  type: z.literal('icp-packet/normalised-scan'),
  version: z.literal(1),
  source: z.string().regex(/^[0-9a-f]{64}$/),
  key: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  components: z.union([z.literal(1), z.literal(3), z.literal(4)]),
  reencoded: z.boolean(),
});
type Note = z.infer<typeof NoteSchema> & { unstored?: Uint8Array };

/** How many scans' copies made at their attach check wait for `prepare` at most (a few files dropped at once). */
const CHECKED_KEPT = 4;

/** The distinct normalisations of the upload profiles (one today: the three portals' profiles agree). */
export function distinctProfiles(): UploadProfile[] {
  const byKey = new Map<string, UploadProfile>();
  for (const id of PROFILE_IDS) {
    const profile = uploadProfile(id);
    const key = normalisationKey(profile);
    if (!byKey.has(key)) byKey.set(key, profile);
  }
  return [...byKey.values()];
}

async function readNote(store: ScanStore, sourceId: string, key: string): Promise<Note | undefined> {
  const bytes = await store.readNote(sourceId, key).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const note = NoteSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    if (note.source !== sourceId || note.key !== key) return undefined;
    // A re-encoded copy must still be there; the original always is (the case lists it).
    if (note.reencoded && !(await store.hasBlob(note.sha256))) return undefined;
    return note;
  } catch {
    return undefined;
  }
}

function sourceOf(
  note: Note,
  store: ScanStore,
  readOriginal: () => Promise<Uint8Array>,
  name: string,
): ScanSource {
  return {
    size: note.size,
    sha256: note.sha256,
    width: note.width,
    height: note.height,
    components: note.components,
    reencoded: note.reencoded,
    read: async () => {
      const bytes =
        note.unstored ??
        (note.reencoded || store.holdsOriginals ? await store.readBlob(note.sha256) : await readOriginal());
      if (!bytes || bytes.length !== note.size || (!store.checksReads && sha256Hex(bytes) !== note.sha256))
        throw new PacketError('attachmentMissing', { name, id: note.sha256 });
      return bytes;
    },
    ...(store.blobPieces && !note.unstored && (note.reencoded || store.holdsOriginals)
      ? { stream: () => blobPieces(store, note.sha256, name) }
      : {}),
  };
}

/** The store's pieces of blob `id`: an absent blob is the packet's `attachmentMissing`, as for `read()`. */
async function* blobPieces(store: ScanStore, id: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield* store.blobPieces?.(id) ?? [];
  } catch (error) {
    if (isStoreError(error, 'attachmentDamaged') && error.details?.reason === 'missing')
      throw new PacketError('attachmentMissing', { name, id });
    throw error;
  }
}

/**
 * Normalises `bytes` (the original scan `sourceId`) to `profile` and stores the copy and its note. A scan
 * that cannot meet the profile throws the PacketError the export would (too small, unreadable, too large).
 */
export async function normaliseAndStore(
  store: ScanStore,
  sourceId: string,
  bytes: Uint8Array,
  profile: UploadProfile,
  name: string,
): Promise<Note> {
  return storeNormalised(store, sourceId, await normaliseImage(bytes, profile, name), profile, name);
}

/** Stores `image`, the copy of the original scan `sourceId` normalised to `profile`, and its note. */
async function storeNormalised(
  store: ScanStore,
  sourceId: string,
  image: NormalisedImage,
  profile: UploadProfile,
  name: string,
): Promise<Note> {
  const frame = jpegFrame(image.bytes);
  if (!frame) throw new PacketError('attachmentUnreadable', { name });
  const sha256 = image.reencoded ? sha256Hex(image.bytes) : sourceId;
  let unstored: Uint8Array | undefined;
  if (image.reencoded) {
    await store.writeBlob(sha256, image.bytes);
    // A CLI folder that cannot be written: the copy serves this build from memory.
    if (!(await store.hasBlob(sha256))) unstored = image.bytes;
  }
  const note: Note = {
    type: 'icp-packet/normalised-scan',
    version: 1,
    source: sourceId,
    key: normalisationKey(profile),
    sha256,
    size: image.bytes.length,
    width: image.width,
    height: image.height,
    components: frame.components,
    reencoded: image.reencoded,
  };
  await store.writeNote(sourceId, note.key, new TextEncoder().encode(JSON.stringify(note)));
  return unstored ? { ...note, unstored } : note;
}

/**
 * Normalised copies for one case: what export asks for (`scanSource`, the packet's `prepareScan`) and what
 * attaching a scan starts (`prepare`). The same scan asked for twice at once is normalised once.
 */
export class ScanCache {
  readonly #inFlight = new Map<string, Promise<Note>>();
  /**
   * Files checkImage proved whole, by SHA-256, with the copies it made of each (by normalisation key; none
   * when no profile takes the file) until `prepare` stores them.
   */
  readonly #checked = new Map<string, Map<string, NormalisedImage>>();

  constructor(
    private readonly store: ScanStore,
    private readonly readOriginal: (id: string) => Promise<Uint8Array>,
  ) {}

  /**
   * The store's attach check for an image (CaseStore addAttachment's `checkImage`), done by making its
   * normalised copies: the decode that makes a copy at full size with failOn 'warning' is the decode that
   * proves the file whole, so a 12-megapixel photo is decoded once when attached instead of twice. Where it is
   * not — no profile can take the file (too small, damaged), or it is shrunk to half or less — the store's own
   * check, verifyImage, runs as before and gives the same refusal. The copies wait in memory until `prepare`
   * stores them beside the original (the store has not taken the file yet); at most a few are kept.
   *
   * Bytes proven whole already are not decoded again: the same bytes checked again while they are kept
   * (attachment:add checks a signed document's scan before its marks are read, and the store checks it again
   * as it takes it), and a file the case's store holds (the same photo attached to another line; its copies
   * are stored too).
   */
  readonly checkImage: ImageCheck = async (bytes, mediaType, sha256 = sha256Hex(bytes)) => {
    if (this.#checked.has(sha256)) return;
    if (this.store.holdsOriginals && (await this.store.hasBlob(sha256))) return;
    const copies = new Map<string, NormalisedImage>();
    let provenWhole = false;
    for (const profile of distinctProfiles()) {
      try {
        const { image, provesWhole } = await normaliseAttached(bytes, profile, mediaType);
        copies.set(normalisationKey(profile), image);
        provenWhole ||= provesWhole;
      } catch (error) {
        if (!(error instanceof PacketError)) throw error;
      }
    }
    if (!provenWhole) await verifyImage(bytes, mediaType);
    this.#checked.set(sha256, copies);
    // Attached files are prepared right after their check; a check whose file was not stored is dropped.
    for (const old of this.#checked.keys()) {
      if (this.#checked.size <= CHECKED_KEPT) break;
      this.#checked.delete(old);
    }
  };

  /** The copy checkImage made of `sourceId` for `key`, taken out of memory. */
  #takeChecked(sourceId: string, key: string): NormalisedImage | undefined {
    const copies = this.#checked.get(sourceId);
    const copy = copies?.get(key);
    copies?.delete(key);
    if (copies?.size === 0) this.#checked.delete(sourceId);
    return copy;
  }

  async #note(sourceId: string, profile: UploadProfile, name: string): Promise<Note> {
    const key = normalisationKey(profile);
    const flight = `${sourceId}.${key}`;
    const pending = this.#inFlight.get(flight);
    if (pending) return pending;
    const work = (async () => {
      const checked = this.#takeChecked(sourceId, key);
      const stored = await readNote(this.store, sourceId, key);
      if (stored) return stored;
      // Made from these very bytes (checkImage hashed them), which the store now holds under `sourceId`.
      if (checked) return storeNormalised(this.store, sourceId, checked, profile, name);
      const original = await this.readOriginal(sourceId);
      if (sha256Hex(original) !== sourceId)
        throw new PacketError('attachmentMissing', { name, id: sourceId });
      return normaliseAndStore(this.store, sourceId, original, profile, name);
    })();
    this.#inFlight.set(flight, work);
    try {
      return await work;
    } finally {
      this.#inFlight.delete(flight);
    }
  }

  /** The packet's view of a scan at `profile`: made now if no copy is stored yet. */
  async scanSource(meta: AttachmentMeta, profile: ProfileId): Promise<ScanSource> {
    const note = await this.#note(meta.id, uploadProfile(profile), meta.originalName);
    return sourceOf(note, this.store, () => this.readOriginal(meta.id), meta.originalName);
  }

  /**
   * Makes the copies of a just-attached scan for every distinct profile. A scan no profile can take is left
   * as it is: the pre-flight and the export say why; attaching it must not fail.
   */
  async prepare(meta: Pick<AttachmentMeta, 'id' | 'mediaType' | 'originalName'>): Promise<void> {
    if (meta.mediaType === 'application/pdf') return;
    for (const profile of distinctProfiles()) {
      await this.#note(meta.id, profile, meta.originalName).catch((error: unknown) => {
        if (!(error instanceof PacketError)) throw error;
      });
    }
  }
}

/** A case in the encrypted store: copies encrypted like the originals, in the case's attachments folder. */
export function storeScanStore(store: CaseStore, caseId: string): ScanStore {
  return {
    // readAttachment and readDerivedBlob decrypt (AES-GCM, bound to the name) and check the SHA-256.
    checksReads: true,
    holdsOriginals: true,
    readNote: (sourceId, key) => store.readScanNote(caseId, sourceId, key),
    writeNote: (sourceId, key, note) => store.writeScanNote(caseId, sourceId, key, note),
    hasBlob: (id) => store.hasBlob(caseId, id),
    readBlob: async (id) => {
      const bytes = await store.readDerivedBlob(caseId, id);
      return bytes && new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    },
    blobPieces: (id) => store.derivedBlobPieces(caseId, id),
    writeBlob: async (id, bytes) => {
      if ((await store.storeDerivedBlob(caseId, bytes)) !== id) throw new Error('derived blob hash mismatch');
    },
  };
}

/**
 * A CLI case folder: copies as `<sha256>.jpg` and notes as `<source>.<key>.scan.json` in `dir` (the folder
 * the case's scans are in). A folder the CLI may not write to only costs the cache: the build goes on.
 */
export function folderScanStore(dir: string): ScanStore {
  const notePath = (sourceId: string, key: string) => path.join(dir, `${sourceId}.${key}.scan.json`);
  const blobPath = (id: string) => path.join(dir, `${id}.jpg`);
  const writeQuietly = async (file: string, bytes: Uint8Array) => {
    try {
      await mkdir(dir, { recursive: true });
      const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, file);
    } catch {
      // Read-only folder, full disk: the copy is made again next time.
    }
  };
  return {
    readNote: (sourceId, key) => readFile(notePath(sourceId, key)).catch(() => undefined),
    writeNote: (sourceId, key, note) => writeQuietly(notePath(sourceId, key), note),
    hasBlob: (id) =>
      stat(blobPath(id)).then(
        (s) => s.isFile(),
        () => false,
      ),
    readBlob: async (id) => {
      const bytes = await readFile(blobPath(id)).catch(() => undefined);
      return bytes && sha256Hex(bytes) === id ? new Uint8Array(bytes) : undefined;
    },
    writeBlob: (id, bytes) => writeQuietly(blobPath(id), bytes),
  };
}
