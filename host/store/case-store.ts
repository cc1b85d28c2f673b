/**
 * The case store: one folder per case under `<root>/cases/<id>/`, everything in it encrypted with the
 * store's data key (see keys.ts).
 *
 *   case.json.enc          the case document, replaced atomically on every save
 *   case.json.enc.1 … .5   the five previous versions (hard links, rotated on save)
 *   history.jsonl.enc      append-only change log, one encrypted record per line: powers undo and the audit view
 *   attachments/<sha256>.enc  each file once, addressed by the SHA-256 of its plaintext; also the scans'
 *                          normalised copies (host/packet/scan-cache.ts), stored the same way
 *   attachments/<sha256>.<key>.scan.enc  what the normalised copy of a scan for one upload setting is; for
 *                          a signed scan, also the verification marks read from it (host/signing/scan-marks.ts)
 *
 * Deleted cases move to `<root>/trash/<id>/` and can be restored. Nothing here imports electron: the app
 * passes its user-data folder, the CLI and tests pass any folder.
 *
 * Every read goes through the model's `restore()`. A document that is damaged or from a newer app version is
 * refused, never rewritten, and the newest backup that does restore is offered (`recoverableFromBackup`).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import * as z from 'zod';
import type { AttachmentMeta, Case, SignedCopy, SigningPrint } from '../../core/model/case';
import { MAX_CASE_DOCUMENT_BYTES, createCase, restore } from '../../core/model/restore';
import { diffValues, deepEqual, revertChanges } from '../../core/model/changes';
import { summarizeCase } from '../../core/model/summary';
import type {
  CaseListEntry,
  HistoryEntry,
  HistoryKind,
  OpenedCase,
  TrashEntry,
} from '../../core/model/library';

export type { CaseListEntry, HistoryEntry, HistoryKind, OpenedCase, TrashEntry };
import {
  appendLineDurable,
  backupPath,
  exists,
  isMissing,
  nodeFs,
  readFileIfExists,
  removeStaleTemps,
  renameWithRetry,
  writeFileAtomic,
  type StoreFs,
} from './atomic-file';
import { DecryptError, Purpose, decrypt, decryptPieces, encrypt } from './crypto';
import { StoreError, translateFsError } from './errors';
import { loadDataKey, type KeyProvider } from './keys';
import { displayName, inspectAttachment, sha256Hex, type ImageCheck } from './attachments';
import { exportCaseArchive, importCaseArchive } from './icpcase';

export const BACKUP_COUNT = 5;
/** A half-built case folder older than this was left by a crash. */
const STALE_STAGING_MS = 10 * 60 * 1000;
/** Case ids are UUIDs; checking the shape keeps any other string (a path, `..`) out of file names. */
export const CASE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ATTACHMENT_ID_PATTERN = /^[0-9a-f]{64}$/;

const CASE_FILE = 'case.json.enc';
const HISTORY_FILE = 'history.jsonl.enc';
const ATTACHMENTS_DIR = 'attachments';
const TRASH_MARKER = 'trashed.json';
/** Printed versions kept per document, and in all (the case schema's bound). */
const PRINTS_KEPT = 3;
const PRINTS_TOTAL = 60;

const HistoryEntrySchema: z.ZodType<HistoryEntry> = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['created', 'edit', 'undo', 'restoreBackup', 'duplicated', 'imported']),
  changes: z.array(
    z.object({
      path: z.array(z.union([z.string(), z.number()])),
      old: z.unknown().optional(),
      new: z.unknown().optional(),
    }),
  ),
  undoes: z.string().optional(),
  from: z.union([z.string(), z.number()]).optional(),
});

/**
 * Bytes a blob is read and decrypted in when streamed (crypto.ts decryptPieces): a megabyte measured faster
 * than 256 KB (each piece takes two writes on libuv's threads, the scan's file and the full packet).
 */
const PIECE_BYTES = 1024 * 1024;

/** Records that reset the chain of edits: undo never reaches past them. */
const BARRIERS: ReadonlySet<HistoryKind> = new Set(['created', 'restoreBackup', 'duplicated', 'imported']);

/** The quarter turn clockwise a scan needs to be upright (AttachmentMeta.turnToUpright). */
type UprightTurn = NonNullable<AttachmentMeta['turnToUpright']>;

type DocRead =
  | { ok: true; case: Case; migratedFrom?: number }
  | { ok: false; code: 'missing' | 'caseDamaged' | 'caseNewerVersion'; reason: string };

export interface CaseStoreOptions {
  /** The store's folder: `<userData>/store` in the app, a temp folder in tests. */
  root: string;
  keyProvider: KeyProvider;
  /** File-system access; tests wrap it to inject failures such as ENOSPC. */
  fs?: StoreFs;
  now?: () => Date;
  newId?: () => string;
}

export class CaseStore {
  readonly root: string;
  readonly #fs: StoreFs;
  readonly #provider: KeyProvider;
  readonly #now: () => Date;
  readonly #newId: () => string;
  #key: Promise<Buffer> | undefined;
  readonly #locks = new Map<string, Promise<unknown>>();
  /** Case folders this instance is building right now (see #materialise). */
  readonly #staging = new Set<string>();
  /** Whether this instance has cleared the staging folders once (see #cleanStaging). */
  #stagingSwept = false;

  constructor(options: CaseStoreOptions) {
    this.root = options.root;
    this.#fs = options.fs ?? nodeFs;
    this.#provider = options.keyProvider;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
  }

  // ------------------------------------------------------------------ plumbing

  #casesDir(): string {
    return path.join(this.root, 'cases');
  }

  #trashDir(): string {
    return path.join(this.root, 'trash');
  }

  #caseDir(id: string): string {
    assertCaseId(id);
    return path.join(this.#casesDir(), id);
  }

  /** Unlocks the data key once; a failed unlock (wrong passphrase) is not cached, so the user can retry. */
  async unlock(): Promise<void> {
    await this.#dataKey();
  }

  #dataKey(): Promise<Buffer> {
    if (!this.#key) {
      this.#key = (async () => {
        const hasCases =
          (await this.#caseIds(this.#casesDir())).length + (await this.#caseIds(this.#trashDir())).length;
        return loadDataKey(this.#fs, this.root, this.#provider, hasCases === 0);
      })();
      this.#key.catch(() => (this.#key = undefined));
    }
    return this.#key;
  }

  /** Serialises work on one case so two saves cannot interleave their history and document writes. */
  async #withLock<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.#locks.set(id, run);
    try {
      return await run;
    } finally {
      if (this.#locks.get(id) === run) this.#locks.delete(id);
    }
  }

  async #caseIds(dir: string): Promise<string[]> {
    try {
      return (await this.#fs.readdir(dir)).filter((n) => CASE_ID_PATTERN.test(n));
    } catch (error) {
      if (isMissing(error)) return [];
      throw translateFsError(error);
    }
  }

  async #readDoc(file: string, id: string): Promise<DocRead> {
    const bytes = await readFileIfExists(this.#fs, file);
    if (!bytes) return { ok: false, code: 'missing', reason: 'missing' };
    // Nothing this app writes is larger (save refuses it): a bigger file is not parsed at all.
    if (bytes.length > MAX_CASE_DOCUMENT_BYTES + ENCRYPTION_OVERHEAD)
      return { ok: false, code: 'caseDamaged', reason: 'tooLarge' };
    const key = await this.#dataKey();
    let raw: unknown;
    try {
      raw = JSON.parse(decrypt(key, bytes, Purpose.caseDocument, `case:${id}`).toString('utf8'));
    } catch (error) {
      return {
        ok: false,
        code: 'caseDamaged',
        reason: error instanceof DecryptError ? error.reason : 'json',
      };
    }
    const restored = restore(raw);
    if (!restored.ok) {
      // The file is authenticated (AES-GCM): only an app wrote it. Keys this version does not know come from
      // a newer one (a field added without a schema bump): say "update the app", and never rewrite it.
      const newer = restored.code === 'newerVersion' || restored.code === 'unknownKeys';
      return { ok: false, code: newer ? 'caseNewerVersion' : 'caseDamaged', reason: restored.code };
    }
    if (restored.case.id !== id) return { ok: false, code: 'caseDamaged', reason: 'idMismatch' };
    return restored;
  }

  async #newestGoodBackup(dir: string, id: string): Promise<number | undefined> {
    for (let n = 1; n <= BACKUP_COUNT; n++) {
      if ((await this.#readDoc(backupPath(path.join(dir, CASE_FILE), n), id)).ok) return n;
    }
    return undefined;
  }

  /** The current document, or the StoreError to show (with the backup that can be restored, if any). */
  async #readCurrent(id: string): Promise<OpenedCase> {
    const dir = this.#caseDir(id);
    if (!(await exists(this.#fs, dir))) throw new StoreError('notFound', { id });
    const read = await this.#readDoc(path.join(dir, CASE_FILE), id);
    if (read.ok)
      return read.migratedFrom === undefined
        ? { case: read.case }
        : { case: read.case, migratedFrom: read.migratedFrom };
    const backup = await this.#newestGoodBackup(dir, id);
    const code = read.code === 'missing' ? 'caseDamaged' : read.code;
    throw new StoreError(
      code,
      backup === undefined ? { reason: read.reason } : { reason: read.reason, recoverableFromBackup: backup },
    );
  }

  async #encryptDoc(c: Case): Promise<Buffer> {
    return encrypt(await this.#dataKey(), documentBytes(c), Purpose.caseDocument, `case:${c.id}`);
  }

  async #appendHistory(id: string, dir: string, entry: Omit<HistoryEntry, 'id' | 'at'>): Promise<void> {
    const record: HistoryEntry = {
      id: randomBytes(8).toString('hex'),
      at: this.#now().toISOString(),
      ...entry,
    };
    const blob = encrypt(
      await this.#dataKey(),
      Buffer.from(JSON.stringify(record), 'utf8'),
      Purpose.historyRecord,
      `history:${id}`,
    );
    await appendLineDurable(this.#fs, path.join(dir, HISTORY_FILE), blob.toString('base64'));
  }

  /**
   * Writes a new version of a case whose current document is `current`. The history record goes first: if
   * the process dies between the two writes, the log holds a change the document lacks, which undo skips
   * as a no-op — the document itself is always one whole version.
   */
  async #writeVersion(
    current: Case,
    candidate: Case,
    entry: Omit<HistoryEntry, 'id' | 'at' | 'changes'>,
  ): Promise<Case> {
    const dir = this.#caseDir(current.id);
    const changes = diffValues(current, candidate);
    if (changes.length === 0 && entry.kind === 'edit') return current;
    const next: Case = {
      ...candidate,
      id: current.id,
      createdAt: current.createdAt,
      updatedAt: this.#now().toISOString(),
    };
    await this.#appendHistory(current.id, dir, { ...entry, changes });
    await writeFileAtomic(this.#fs, path.join(dir, CASE_FILE), await this.#encryptDoc(next), {
      backups: BACKUP_COUNT,
    });
    return next;
  }

  /** Validates a case coming from outside (the renderer, an import) with the same restore() every read uses. */
  #validate(raw: unknown): Case {
    const restored = restore(raw);
    if (!restored.ok) {
      throw new StoreError(restored.code === 'newerVersion' ? 'caseNewerVersion' : 'caseInvalid', {
        reason: restored.code === 'unknownKeys' ? 'unknownKeys' : restored.details.slice(0, 300),
        ...(restored.code === 'unknownKeys' ? { keys: restored.details.slice(0, 300) } : {}),
      });
    }
    documentBytes(restored.case);
    return restored.case;
  }

  /**
   * Creates a case folder complete with its document before it becomes visible: it is built under a
   * dot-name and renamed into place, so a crash never leaves a case without a document.
   */
  async #materialise(
    c: Case,
    attachments: Map<string, Buffer>,
    first: Omit<HistoryEntry, 'id' | 'at'>,
  ): Promise<void> {
    const key = await this.#dataKey();
    const staging = path.join(this.#casesDir(), `.new-${randomBytes(8).toString('hex')}`);
    this.#staging.add(staging);
    try {
      await this.#fs.mkdir(path.join(staging, ATTACHMENTS_DIR), { recursive: true });
      for (const [id, blob] of attachments) {
        await writeFileAtomic(this.#fs, path.join(staging, ATTACHMENTS_DIR, `${id}.enc`), blob);
      }
      await this.#appendHistory(c.id, staging, first);
      await writeFileAtomic(
        this.#fs,
        path.join(staging, CASE_FILE),
        encrypt(key, documentBytes(c), Purpose.caseDocument, `case:${c.id}`),
      );
      await renameWithRetry(this.#fs, staging, this.#caseDir(c.id));
    } catch (error) {
      await this.#fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      throw translateFsError(error);
    } finally {
      this.#staging.delete(staging);
    }
  }

  // ------------------------------------------------------------------ cases

  /**
   * Every case in the store, newest edit first. Unreadable cases are listed too, so they can be recovered: one
   * case that cannot be read (or summarised) never hides the others. Only a store-wide problem — the key is
   * locked, the folder cannot be read — fails the whole list.
   */
  async list(): Promise<CaseListEntry[]> {
    await this.#cleanStaging();
    const entries: CaseListEntry[] = [];
    for (const id of await this.#caseIds(this.#casesDir())) {
      // One case at a time, yielding in between: the main process stays responsive however many there are.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        const { case: c } = await this.#readCurrent(id);
        entries.push({ ...summarizeCase(c), readable: true });
      } catch (error) {
        if (error instanceof StoreError && STORE_WIDE.has(error.code)) throw error;
        if (error instanceof StoreError && error.code === 'notFound') continue; // deleted meanwhile
        const known =
          error instanceof StoreError && (error.code === 'caseDamaged' || error.code === 'caseNewerVersion');
        const backup = known ? error.details?.recoverableFromBackup : undefined;
        entries.push({
          id,
          readable: false,
          code: known ? error.code : 'caseDamaged',
          ...(typeof backup === 'number' ? { recoverableFromBackup: backup } : {}),
        });
      }
    }
    const when = (e: CaseListEntry) => (e.readable ? e.updatedAt : '');
    return entries.sort((a, b) => when(b).localeCompare(when(a)));
  }

  /**
   * Removes `.new-*` folders a killed create, import or duplicate left. At the first list of this store (the
   * app's start) every one not being built by this instance goes: the app runs once (single-instance lock) and
   * the CLI never writes here. Later lists leave young ones alone, in case another process writes after all.
   */
  async #cleanStaging(): Promise<void> {
    let names: string[];
    try {
      names = await this.#fs.readdir(this.#casesDir());
    } catch (error) {
      if (isMissing(error)) return;
      throw translateFsError(error);
    }
    for (const n of names) {
      const dir = path.join(this.#casesDir(), n);
      if (!n.startsWith('.new-') || this.#staging.has(dir)) continue;
      const info = await this.#fs.stat(dir).catch(() => undefined);
      if (info && (!this.#stagingSwept || Date.now() - info.mtimeMs > STALE_STAGING_MS)) {
        await this.#fs.rm(dir, { recursive: true, force: true });
      }
    }
    this.#stagingSwept = true;
  }

  async create(init: { name: string }): Promise<Case> {
    const c = createCase({ id: this.#newId(), name: init.name, now: this.#now() });
    await this.#fs.mkdir(this.#casesDir(), { recursive: true });
    await this.#materialise(c, new Map(), { kind: 'created', changes: [] });
    return c;
  }

  async open(id: string): Promise<OpenedCase> {
    const opened = await this.#readCurrent(id);
    await this.#withLock(id, async () => {
      // Leftovers of writes a crash interrupted; locked so a write in progress keeps its temp file.
      await removeStaleTemps(this.#fs, this.#caseDir(id));
      await removeStaleTemps(this.#fs, path.join(this.#caseDir(id), ATTACHMENTS_DIR));
    });
    return opened;
  }

  /**
   * Saves the case the renderer edited. The stored document must be readable (a damaged or newer file is
   * never overwritten), and every attachment the case lists must already be stored.
   */
  async save(next: unknown): Promise<Case> {
    const candidate = this.#validate(next);
    return this.#withLock(candidate.id, async () => {
      const { case: current } = await this.#readCurrent(candidate.id);
      await this.#assertAttachmentsStored(candidate.id, candidate.attachments);
      return this.#writeVersion(current, candidate, { kind: 'edit' });
    });
  }

  async #assertAttachmentsStored(caseId: string, attachments: AttachmentMeta[]): Promise<void> {
    const dir = path.join(this.#caseDir(caseId), ATTACHMENTS_DIR);
    for (const id of new Set(attachments.map((a) => a.id))) {
      if (!(await exists(this.#fs, path.join(dir, `${id}.enc`))))
        throw new StoreError('caseInvalid', { reason: 'unknownAttachment', id });
    }
  }

  async rename(id: string, name: string): Promise<Case> {
    return this.#withLock(id, async () => {
      const { case: current } = await this.#readCurrent(id);
      return this.#writeVersion(current, this.#validate({ ...current, name }), { kind: 'edit' });
    });
  }

  /** A copy with a new id and its own (fresh) history; attachments are copied as they are (still encrypted). */
  async duplicate(id: string, name?: string): Promise<Case> {
    return this.#withLock(id, async () => {
      const { case: source } = await this.#readCurrent(id);
      const at = this.#now().toISOString();
      const copy: Case = this.#validate({
        ...source,
        id: this.#newId(),
        name: name ?? source.name,
        createdAt: at,
        updatedAt: at,
        // A copy is another case: paper printed for the original does not check against it.
        markId: '',
        signingPrints: [],
      });
      const blobs = new Map<string, Buffer>();
      for (const a of source.attachments) {
        if (blobs.has(a.id)) continue;
        const blob = await readFileIfExists(
          this.#fs,
          path.join(this.#caseDir(id), ATTACHMENTS_DIR, `${a.id}.enc`),
        );
        if (!blob) throw new StoreError('attachmentDamaged', { id: a.id, reason: 'missing' });
        blobs.set(a.id, blob);
      }
      await this.#materialise(copy, blobs, { kind: 'duplicated', changes: [], from: id });
      return copy;
    });
  }

  /** Moves the case to the trash; nothing is erased. */
  async delete(id: string): Promise<void> {
    return this.#withLock(id, async () => {
      const dir = this.#caseDir(id);
      if (!(await exists(this.#fs, dir))) throw new StoreError('notFound', { id });
      await this.#fs.mkdir(this.#trashDir(), { recursive: true });
      const marker = Buffer.from(JSON.stringify({ deletedAt: this.#now().toISOString() }) + '\n');
      await writeFileAtomic(this.#fs, path.join(dir, TRASH_MARKER), marker);
      try {
        await renameWithRetry(this.#fs, dir, path.join(this.#trashDir(), id));
      } catch (error) {
        throw translateFsError(error);
      }
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    const entries: TrashEntry[] = [];
    for (const id of await this.#caseIds(this.#trashDir())) {
      const dir = path.join(this.#trashDir(), id);
      let deletedAt = '';
      try {
        const marker = await readFileIfExists(this.#fs, path.join(dir, TRASH_MARKER));
        deletedAt = marker
          ? z.object({ deletedAt: z.string() }).parse(JSON.parse(marker.toString('utf8'))).deletedAt
          : '';
      } catch {
        // A damaged marker only loses the deletion time.
      }
      const read = await this.#readDoc(path.join(dir, CASE_FILE), id);
      entries.push({ id, name: read.ok ? read.case.name : '', deletedAt, readable: read.ok });
    }
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  async restoreFromTrash(id: string): Promise<CaseListEntry> {
    assertCaseId(id);
    return this.#withLock(id, async () => {
      const from = path.join(this.#trashDir(), id);
      if (!(await exists(this.#fs, from))) throw new StoreError('notFound', { id });
      if (await exists(this.#fs, this.#caseDir(id)))
        throw new StoreError('caseInvalid', { reason: 'alreadyExists', id });
      await this.#fs.mkdir(this.#casesDir(), { recursive: true });
      try {
        await renameWithRetry(this.#fs, from, this.#caseDir(id));
        await this.#fs.rm(path.join(this.#caseDir(id), TRASH_MARKER), { force: true });
      } catch (error) {
        throw translateFsError(error);
      }
      const entry = (await this.list()).find((e) => e.id === id);
      if (!entry) throw new StoreError('notFound', { id });
      return entry;
    });
  }

  /** Erases a trashed case for good. */
  async purgeFromTrash(id: string): Promise<void> {
    assertCaseId(id);
    const dir = path.join(this.#trashDir(), id);
    if (!(await exists(this.#fs, dir))) throw new StoreError('notFound', { id });
    await this.#fs.rm(dir, { recursive: true, force: true });
  }

  /**
   * Replaces the current document with backup `n` (1 = newest). A readable current version stays undoable
   * like any edit; an unreadable one is kept aside as `case.json.enc.unreadable-<time>`, never erased.
   */
  async restoreFromBackup(id: string, n: number): Promise<Case> {
    if (!Number.isInteger(n) || n < 1 || n > BACKUP_COUNT) throw new StoreError('notFound', { backup: n });
    return this.#withLock(id, async () => {
      const dir = this.#caseDir(id);
      if (!(await exists(this.#fs, dir))) throw new StoreError('notFound', { id });
      const file = path.join(dir, CASE_FILE);
      const backup = await this.#readDoc(backupPath(file, n), id);
      if (!backup.ok) {
        if (backup.code === 'missing') throw new StoreError('notFound', { backup: n });
        throw new StoreError(backup.code, { reason: backup.reason, backup: n });
      }
      const current = await this.#readDoc(file, id);
      if (current.ok) {
        await this.#assertAttachmentsStored(id, backup.case.attachments);
        return this.#writeVersion(current.case, backup.case, { kind: 'restoreBackup', from: n });
      }
      if (current.code !== 'missing') {
        const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
        await this.#fs.link(file, `${file}.unreadable-${stamp}`).catch(async (error: unknown) => {
          if (isMissing(error)) return;
          await this.#fs.copyFile(file, `${file}.unreadable-${stamp}`);
        });
      }
      const restored: Case = { ...backup.case, updatedAt: this.#now().toISOString() };
      await this.#appendHistory(id, dir, { kind: 'restoreBackup', changes: [], from: n });
      await writeFileAtomic(this.#fs, file, await this.#encryptDoc(restored));
      return restored;
    });
  }

  // ------------------------------------------------------------------ history and undo

  /** The change log, oldest first. A line cut off by a crash is skipped. */
  async history(id: string): Promise<HistoryEntry[]> {
    const dir = this.#caseDir(id);
    if (!(await exists(this.#fs, dir))) throw new StoreError('notFound', { id });
    const bytes = await readFileIfExists(this.#fs, path.join(dir, HISTORY_FILE));
    if (!bytes) return [];
    const key = await this.#dataKey();
    const entries: HistoryEntry[] = [];
    for (const line of bytes.toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        const plain = decrypt(key, Buffer.from(line, 'base64'), Purpose.historyRecord, `history:${id}`);
        entries.push(HistoryEntrySchema.parse(JSON.parse(plain.toString('utf8'))));
      } catch {
        // Partial last line after a crash, or a damaged record: the audit view shows the rest.
      }
    }
    return entries;
  }

  /**
   * Reverts the most recent edit that is not yet undone (repeatable, back to the case's creation, a
   * duplicate/import or a backup restore). Returns `undone: false` when there is nothing left to undo.
   */
  async undo(id: string): Promise<{ case: Case; undone: boolean }> {
    return this.#withLock(id, async () => {
      const { case: current } = await this.#readCurrent(id);
      const log = await this.history(id);
      const undone = new Set(log.flatMap((e) => (e.undoes ? [e.undoes] : [])));
      for (let i = log.length - 1; i >= 0; i--) {
        const entry = log[i];
        if (!entry) continue;
        if (BARRIERS.has(entry.kind)) break;
        if (entry.kind === 'undo' || undone.has(entry.id)) continue;
        const reverted = this.#validate({
          ...revertChanges(current, entry.changes),
          updatedAt: current.updatedAt,
        });
        const next: Case = { ...reverted, updatedAt: this.#now().toISOString() };
        // The document is written before the log here: if the process dies in between, the edit's
        // changes are already reverted and the next undo finds nothing to change for it (see below).
        if (!deepEqual({ ...reverted, updatedAt: '' }, { ...current, updatedAt: '' })) {
          const dir = this.#caseDir(id);
          await writeFileAtomic(this.#fs, path.join(dir, CASE_FILE), await this.#encryptDoc(next), {
            backups: BACKUP_COUNT,
          });
          await this.#appendHistory(id, dir, {
            kind: 'undo',
            undoes: entry.id,
            changes: diffValues(current, next),
          });
          return { case: next, undone: true };
        }
        // An edit whose document write never happened (crash between log and document): mark it and go on.
        await this.#appendHistory(id, this.#caseDir(id), { kind: 'undo', undoes: entry.id, changes: [] });
      }
      return { case: current, undone: false };
    });
  }

  // ------------------------------------------------------------------ attachments

  /** The attachment's encrypted file, written once (an attachment is stored by its content hash). */
  async #storeAttachmentBytes(caseId: string, id: string, bytes: Uint8Array): Promise<void> {
    const dir = path.join(this.#caseDir(caseId), ATTACHMENTS_DIR);
    const file = path.join(dir, `${id}.enc`);
    if (await exists(this.#fs, file)) return;
    await this.#fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(
      this.#fs,
      file,
      encrypt(await this.#dataKey(), bytes, Purpose.attachment, `attachment:${id}`),
    );
  }

  /**
   * Stores a file for a checklist item. The bytes are checked (type, size, dimensions) before anything is
   * written; the same file added twice is stored once.
   */
  async addAttachment(
    caseId: string,
    input: {
      checklistItemId: string;
      fileName: string;
      bytes: Uint8Array;
      /** The file is the checked signed scan of a generated document (host/signing). */
      signedCopy?: SignedCopy;
      /** Files of the same item it supersedes (out-of-date signed copies), detached in the same write. */
      replaces?: readonly string[];
      /**
       * The quarter turn the scan needs to be upright, when its text was looked at and says so. It may still
       * be coming (a promise): the look at the text then runs while the file is checked and normalised, and
       * its answer is recorded in the same write. A look that fails adds the file without it.
       */
      turnToUpright?: UprightTurn | PromiseLike<UprightTurn | undefined>;
      /** Proves an image whole instead of verifyImage (the scan cache's, which normalises it meanwhile). */
      checkImage?: ImageCheck;
    },
  ): Promise<{ attachment: AttachmentMeta; case: Case }> {
    assertCaseId(caseId);
    // Handled at once: a file refused below leaves no rejection unhandled behind it.
    const coming = Promise.resolve(input.turnToUpright).catch(() => undefined);
    const inspected = await inspectAttachment(input.bytes, { checkImage: input.checkImage });
    // Awaited before the case's lock, not under it: other edits of the case never wait on the reader.
    const turnToUpright = await coming;
    return this.#withLock(caseId, async () => {
      const { case: current } = await this.#readCurrent(caseId);
      const existing = current.attachments.find(
        (a) => a.id === inspected.id && a.checklistItemId === input.checklistItemId,
      );
      if (existing && !input.signedCopy) return { attachment: existing, case: current };
      await this.#storeAttachmentBytes(caseId, inspected.id, input.bytes);
      const attachment: AttachmentMeta = {
        ...inspected,
        checklistItemId: input.checklistItemId,
        originalName: displayName(input.fileName),
        addedAt: this.#now().toISOString(),
        validFrom: '',
        validTo: '',
        ...(input.signedCopy ? { signedCopy: input.signedCopy } : {}),
        ...(turnToUpright ? { turnToUpright } : {}),
      };
      const replaced = new Set([...(input.replaces ?? []), ...(existing ? [existing.id] : [])]);
      const kept = current.attachments.filter(
        (a) => !(a.checklistItemId === input.checklistItemId && replaced.has(a.id)),
      );
      const next = await this.#writeVersion(
        current,
        { ...current, attachments: [...kept, attachment] },
        { kind: 'edit' },
      );
      return { attachment, case: next };
    });
  }

  /**
   * Records a document version printed for signing (a few per document are kept, newest last), so a scan of
   * it returned after the case changed can be told apart and the change named.
   */
  async recordSigningPrint(caseId: string, print: SigningPrint): Promise<Case> {
    assertCaseId(caseId);
    return this.#withLock(caseId, async () => {
      const { case: current } = await this.#readCurrent(caseId);
      const others = current.signingPrints.filter(
        (p) => !(p.templateId === print.templateId && p.contentVersion === print.contentVersion),
      );
      const sameDocument = others.filter((p) => p.templateId === print.templateId);
      const dropped = new Set(sameDocument.slice(0, Math.max(0, sameDocument.length - (PRINTS_KEPT - 1))));
      const prints = [...others.filter((p) => !dropped.has(p)), print].slice(-PRINTS_TOTAL);
      return this.#writeVersion(current, { ...current, signingPrints: prints }, { kind: 'edit' });
    });
  }

  /**
   * Puts `bytes` (a turned copy of a scan) in place of an attachment on one checklist item, in the same
   * position, keeping its name and validity dates. The old file stays in the store so undo can bring it back.
   */
  async replaceAttachment(
    caseId: string,
    input: { attachmentId: string; checklistItemId: string; bytes: Uint8Array; checkImage?: ImageCheck },
  ): Promise<{ attachment: AttachmentMeta; case: Case }> {
    assertAttachmentId(input.attachmentId);
    const inspected = await inspectAttachment(input.bytes, { checkImage: input.checkImage });
    return this.#withLock(caseId, async () => {
      const { case: current } = await this.#readCurrent(caseId);
      const index = current.attachments.findIndex(
        (a) => a.id === input.attachmentId && a.checklistItemId === input.checklistItemId,
      );
      const old = current.attachments[index];
      if (!old) throw new StoreError('notFound', { attachmentId: input.attachmentId });
      await this.#storeAttachmentBytes(caseId, inspected.id, input.bytes);
      const attachment: AttachmentMeta = {
        ...inspected,
        checklistItemId: old.checklistItemId,
        originalName: old.originalName,
        addedAt: this.#now().toISOString(),
        validFrom: old.validFrom,
        validTo: old.validTo,
        // A turned signed scan is still that signed copy (its marks were read from the same pages).
        ...(old.signedCopy ? { signedCopy: old.signedCopy } : {}),
      };
      const attachments = current.attachments.filter(
        (a, i) =>
          i === index || !(a.id === attachment.id && a.checklistItemId === attachment.checklistItemId),
      );
      attachments[attachments.indexOf(old)] = attachment;
      const next = await this.#writeVersion(current, { ...current, attachments }, { kind: 'edit' });
      return { attachment, case: next };
    });
  }

  /** The plaintext of an attachment the case lists, checked against its content address. */
  async readAttachment(
    caseId: string,
    attachmentId: string,
  ): Promise<{ bytes: Buffer; meta: AttachmentMeta }> {
    assertAttachmentId(attachmentId);
    const { case: c } = await this.#readCurrent(caseId);
    const meta = c.attachments.find((a) => a.id === attachmentId);
    if (!meta) throw new StoreError('notFound', { attachmentId });
    return { bytes: await this.#readBlob(caseId, attachmentId), meta };
  }

  async #readBlob(caseId: string, attachmentId: string): Promise<Buffer> {
    const blob = await readFileIfExists(
      this.#fs,
      path.join(this.#caseDir(caseId), ATTACHMENTS_DIR, `${attachmentId}.enc`),
    );
    if (!blob) throw new StoreError('attachmentDamaged', { attachmentId, reason: 'missing' });
    let bytes: Buffer;
    try {
      bytes = decrypt(await this.#dataKey(), blob, Purpose.attachment, `attachment:${attachmentId}`);
    } catch {
      throw new StoreError('attachmentDamaged', { attachmentId, reason: 'decrypt' });
    }
    if (sha256Hex(bytes) !== attachmentId)
      throw new StoreError('attachmentDamaged', { attachmentId, reason: 'checksum' });
    return bytes;
  }

  /**
   * Detaches a file from a checklist item. The encrypted file stays in the case folder so undo can bring it
   * back; it leaves with the case (trash purge) and is not exported.
   */
  async removeAttachment(caseId: string, attachmentId: string, checklistItemId: string): Promise<Case> {
    assertAttachmentId(attachmentId);
    return this.#withLock(caseId, async () => {
      const { case: current } = await this.#readCurrent(caseId);
      const remaining = current.attachments.filter(
        (a) => !(a.id === attachmentId && a.checklistItemId === checklistItemId),
      );
      if (remaining.length === current.attachments.length) throw new StoreError('notFound', { attachmentId });
      return this.#writeVersion(current, { ...current, attachments: remaining }, { kind: 'edit' });
    });
  }

  // ------------------------------------------------------------------ derived files (normalised scans)

  /**
   * Stores bytes derived from an attachment (a scan's normalised copy) by their SHA-256, encrypted exactly
   * like an attachment. They are not listed in the case: export, duplicate and `.icpcase` leave them behind,
   * and they are made again when missing. Returns the SHA-256.
   */
  async storeDerivedBlob(caseId: string, bytes: Uint8Array): Promise<string> {
    const id = sha256Hex(bytes);
    const dir = path.join(this.#caseDir(caseId), ATTACHMENTS_DIR);
    const file = path.join(dir, `${id}.enc`);
    if (await exists(this.#fs, file)) return id;
    if (!(await exists(this.#fs, this.#caseDir(caseId)))) throw new StoreError('notFound', { id: caseId });
    await this.#fs.mkdir(dir, { recursive: true });
    await writeFileAtomic(
      this.#fs,
      file,
      encrypt(await this.#dataKey(), bytes, Purpose.attachment, `attachment:${id}`),
    );
    return id;
  }

  /** A stored blob (attachment or derived) by SHA-256, decrypted and checked; undefined when absent. */
  async readDerivedBlob(caseId: string, id: string): Promise<Buffer | undefined> {
    assertAttachmentId(id);
    const file = path.join(this.#caseDir(caseId), ATTACHMENTS_DIR, `${id}.enc`);
    if (!(await exists(this.#fs, file))) return undefined;
    return this.#readBlob(caseId, id);
  }

  /**
   * {@link readDerivedBlob} piece by piece, for streaming a scan into a packet without holding it whole.
   * Decrypted as read; the GCM tag and the SHA-256 are checked after the last piece (a damaged blob throws
   * `attachmentDamaged` then), so the pieces are unchecked until the iteration ends without an error. An
   * absent blob throws `attachmentDamaged` with reason `missing` before any piece.
   */
  async *derivedBlobPieces(caseId: string, id: string): AsyncGenerator<Uint8Array> {
    assertAttachmentId(id);
    const file = path.join(this.#caseDir(caseId), ATTACHMENTS_DIR, `${id}.enc`);
    const key = await this.#dataKey();
    let handle: Awaited<ReturnType<StoreFs['open']>>;
    try {
      handle = await this.#fs.open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new StoreError('attachmentDamaged', { attachmentId: id, reason: 'missing' });
      throw translateFsError(error);
    }
    try {
      const buffer = Buffer.allocUnsafe(PIECE_BYTES);
      const read = async (position: number, length: number) => {
        const into = length <= buffer.length ? buffer : Buffer.allocUnsafe(length);
        const { bytesRead } = await handle.read(into, 0, length, position);
        if (bytesRead !== length)
          throw new StoreError('attachmentDamaged', { attachmentId: id, reason: 'decrypt' });
        return into.subarray(0, length);
      };
      const { size } = await handle.stat();
      const hash = createHash('sha256');
      try {
        const pieces = decryptPieces(key, read, size, Purpose.attachment, `attachment:${id}`, PIECE_BYTES);
        for await (const piece of pieces) {
          hash.update(piece);
          yield piece;
        }
      } catch (error) {
        if (error instanceof DecryptError)
          throw new StoreError('attachmentDamaged', { attachmentId: id, reason: 'decrypt' });
        throw error;
      }
      if (hash.digest('hex') !== id)
        throw new StoreError('attachmentDamaged', { attachmentId: id, reason: 'checksum' });
    } finally {
      await handle.close();
    }
  }

  async hasBlob(caseId: string, id: string): Promise<boolean> {
    assertAttachmentId(id);
    return exists(this.#fs, path.join(this.#caseDir(caseId), ATTACHMENTS_DIR, `${id}.enc`));
  }

  #notePath(caseId: string, sourceId: string, key: string): string {
    assertAttachmentId(sourceId);
    if (!/^[0-9a-f]{16}$/.test(key)) throw new StoreError('notFound', { reason: 'badKey' });
    return path.join(this.#caseDir(caseId), ATTACHMENTS_DIR, `${sourceId}.${key}.scan.enc`);
  }

  /** A small encrypted note about a derived file of attachment `sourceId` (see scan-cache.ts). */
  async writeScanNote(caseId: string, sourceId: string, key: string, note: Uint8Array): Promise<void> {
    const file = this.#notePath(caseId, sourceId, key);
    await this.#fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(
      this.#fs,
      file,
      encrypt(await this.#dataKey(), note, Purpose.scanNote, `scan-note:${sourceId}.${key}`),
    );
  }

  /** The note, or undefined when absent or unreadable (it is then made again). */
  async readScanNote(caseId: string, sourceId: string, key: string): Promise<Buffer | undefined> {
    const blob = await readFileIfExists(this.#fs, this.#notePath(caseId, sourceId, key));
    if (!blob) return undefined;
    try {
      return decrypt(await this.#dataKey(), blob, Purpose.scanNote, `scan-note:${sourceId}.${key}`);
    } catch {
      return undefined;
    }
  }

  // ------------------------------------------------------------------ .icpcase export and import

  /** The case as one `.icpcase` file (see icpcase.ts); with a passphrase its contents are encrypted. */
  async exportCase(
    id: string,
    options: { passphrase?: string } = {},
  ): Promise<{ bytes: Uint8Array; suggestedName: string }> {
    const { case: c } = await this.#readCurrent(id);
    const attachments = new Map<string, Buffer>();
    for (const a of c.attachments)
      if (!attachments.has(a.id)) attachments.set(a.id, await this.#readBlob(id, a.id));
    const bytes = await exportCaseArchive(c, attachments, { ...options, now: this.#now() });
    return { bytes, suggestedName: suggestedFileName(c.name) };
  }

  /** Adds the case in an `.icpcase` file to the store under a new id (importing twice gives two cases). */
  async importCase(bytes: Uint8Array, options: { passphrase?: string } = {}): Promise<Case> {
    const archive = await importCaseArchive(bytes, options);
    const at = this.#now().toISOString();
    // The same case on another machine: paper printed before the export still checks after the import.
    const markId = archive.case.markId || archive.case.id;
    const imported = this.#validate({ ...archive.case, id: this.#newId(), markId, updatedAt: at });
    const key = await this.#dataKey();
    const blobs = new Map<string, Buffer>();
    for (const [sha, plain] of archive.attachments)
      blobs.set(sha, encrypt(key, plain, Purpose.attachment, `attachment:${sha}`));
    await this.#fs.mkdir(this.#casesDir(), { recursive: true });
    await this.#materialise(imported, blobs, { kind: 'imported', changes: [] });
    return imported;
  }
}

/** Store-wide failures that fail a whole list, not one case's row. */
const STORE_WIDE: ReadonlySet<string> = new Set([
  'keyUnavailable',
  'wrongPassphrase',
  'passphraseRequired',
  'diskFull',
]);

/** AES-GCM header and tag around a document (crypto.ts). */
const ENCRYPTION_OVERHEAD = 64;

/** A case as the bytes stored; refused when larger than any case the app reads back. */
function documentBytes(c: Case): Buffer {
  const bytes = Buffer.from(JSON.stringify(c), 'utf8');
  if (bytes.length > MAX_CASE_DOCUMENT_BYTES)
    throw new StoreError('caseInvalid', { reason: 'tooLarge', bytes: bytes.length });
  return bytes;
}

export function assertCaseId(id: string): void {
  if (!CASE_ID_PATTERN.test(id)) throw new StoreError('notFound', { reason: 'badId' });
}

function assertAttachmentId(id: string): void {
  if (!ATTACHMENT_ID_PATTERN.test(id)) throw new StoreError('notFound', { reason: 'badAttachmentId' });
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_FILE_NAMES = /[\u0000-\u001f<>:"/\\|?*]/g;

/** A file name for the save dialog: the case name without characters Windows or macOS forbid. */
export function suggestedFileName(caseName: string): string {
  const base = caseName.replace(FORBIDDEN_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${base.replace(/[. ]+$/, '') || 'case'}.icpcase`;
}
