/**
 * IPC handlers of the case store: list, create, open, save, duplicate, rename, trash, undo and history,
 * attachments, backups, and `.icpcase` export/import.
 *
 * The renderer never sends a path. Cases are named by UUID and attachments by SHA-256 (checked here, before
 * the store builds a path from them); files arrive as bytes from drag-and-drop (attachments, and an `.icpcase`
 * dropped on the window); export and import paths come only from the native dialogs main opens itself
 * (`showSaveDialog` / `showOpenDialog` deps) or from main's own checks of what the OS hands it
 * (offerCaseFile). When an encrypted `.icpcase` needs a passphrase, the picked path (or the dropped bytes)
 * stays in main behind a short-lived token, so the retry with the passphrase does not reopen the dialog and
 * still carries no path.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CaseSchema, type Case } from '../../core/model/case';
import { unsafeCharacters } from '../../core/validate/characters';
import type { ErrorCode, HandlerMap } from '../contract';
import { nodeFs, writeFileAtomic } from '../../host/store/atomic-file';
import {
  ATTACHMENT_ID_PATTERN,
  BACKUP_COUNT,
  CASE_ID_PATTERN,
  CaseStore,
  suggestedFileName,
} from '../../host/store/case-store';
import { StoreError, type StoreErrorCode } from '../../host/store/errors';
import { ICPCASE_LIMITS } from '../../host/store/icpcase';
import { ScanCache, storeScanStore } from '../../host/packet/scan-cache';
import { keepReadScanMarks, storeScanMarksNotes } from '../../host/signing/scan-marks';
import { uprightTurnOf } from '../../host/ocr/scan-port';
import { sniffMediaType } from '../../host/store/attachments';
import type { HandlerDeps } from './deps';
import { keySessionFor, storeRootOf } from './key-session';
import { signedScanFor } from './signed-scan';
import { HandlerError, handle } from './result';

// Every store error code must be a contract error code: this line fails to compile otherwise.
const storeCodesAreContractCodes: StoreErrorCode extends ErrorCode ? true : never = true;
void storeCodesAreContractCodes;

const caseId = z.string().regex(CASE_ID_PATTERN);
const attachmentId = z.string().regex(ATTACHMENT_ID_PATTERN);
/**
 * A case name typed in a dialog: control, direction and invisible characters are refused (issue 22 point 7) —
 * they would reach terminals and file names from someone else's case. In the editor the pre-flight flags them
 * as the user types instead, so an autosave never loses an edit.
 */
const caseName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => unsafeCharacters(name).length === 0, { message: 'unsafeCharacters' });
const checklistItemId = z.string().min(1).max(100);
const passphrase = z.string().min(1).max(1024);
/** How long a picked import file waits for its passphrase. */
const IMPORT_TOKEN_TTL_MS = 10 * 60 * 1000;

type CaseChannels =
  | 'cases:list'
  | 'case:create'
  | 'case:open'
  | 'case:save'
  | 'case:duplicate'
  | 'case:rename'
  | 'case:delete'
  | 'trash:list'
  | 'trash:restore'
  | 'case:undo'
  | 'case:history'
  | 'attachment:add'
  | 'attachment:read'
  | 'attachment:remove'
  | 'case:export'
  | 'case:import'
  | 'case:importFile'
  | 'case:restoreBackup';

/** Runs a store call, turning a StoreError into the HandlerError the contract carries. */
export function viaStore<S extends z.ZodType, T>(schema: S, body: (request: z.infer<S>) => Promise<T>) {
  return handle(schema, async (request: z.infer<S>) => {
    try {
      return await body(request);
    } catch (error) {
      if (error instanceof StoreError) throw new HandlerError(error.code, error.details);
      throw error;
    }
  });
}

const stores = new WeakMap<HandlerDeps, CaseStore>();

/**
 * The one CaseStore of a handler set. Every handler module must use it rather than constructing its own:
 * the store serialises work per case and tracks folders it is building in memory, which only holds within
 * one instance.
 */
export function caseStoreFor(deps: HandlerDeps): CaseStore {
  let store = stores.get(deps);
  if (!store) {
    store = new CaseStore({ root: storeRootOf(deps), keyProvider: keySessionFor(deps) });
    stores.set(deps, store);
  }
  return store;
}

const scanCaches = new WeakMap<HandlerDeps, Map<string, ScanCache>>();

/**
 * The normalised scans of one case (host/packet/scan-cache.ts), shared by attaching and exporting so the same
 * scan is never normalised twice at once.
 */
export function scanCacheFor(deps: HandlerDeps, caseId: string): ScanCache {
  const store = caseStoreFor(deps);
  let caches = scanCaches.get(deps);
  if (!caches) {
    caches = new Map();
    scanCaches.set(deps, caches);
  }
  let cache = caches.get(caseId);
  if (!cache) {
    cache = new ScanCache(storeScanStore(store, caseId), async (id) => {
      const { bytes } = await store.readAttachment(caseId, id);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    });
    caches.set(caseId, cache);
  }
  return cache;
}

/**
 * Normalises the scans of a case that just arrived (import, sample) after the reply, when the deps run
 * background work (the app does); otherwise the first export makes the copies. Either way later exports
 * reuse them.
 */
export function prepareScansLater(deps: HandlerDeps, c: Case): void {
  if (!deps.runInBackground) return;
  const cache = scanCacheFor(deps, c.id);
  deps.runInBackground(
    (async () => {
      for (const meta of c.attachments) await cache.prepare(meta);
    })(),
  );
}

/** Where a case file to import comes from: a path main chose (dialog, OS, Open Recent) or dropped bytes. */
type ImportSource = { kind: 'path'; file: string } | { kind: 'bytes'; bytes: Uint8Array };

/**
 * Imports waiting behind a token: a picked or OS-opened file until the renderer asks for it, an encrypted one
 * until the user gives its passphrase. Shared per handler set, so main can offer a file (offerCaseFile) that
 * `case:import` then takes by token.
 */
class PendingImports {
  readonly #entries = new Map<string, { source: ImportSource; expires: number }>();

  put(token: string, source: ImportSource): void {
    this.#entries.set(token, { source, expires: Date.now() + IMPORT_TOKEN_TTL_MS });
  }

  take(token: string): ImportSource | undefined {
    this.#purge();
    return this.#entries.get(token)?.source;
  }

  delete(token: string): void {
    this.#entries.delete(token);
  }

  #purge(): void {
    const now = Date.now();
    for (const [token, pending] of this.#entries) if (pending.expires < now) this.#entries.delete(token);
  }
}

const pendingImports = new WeakMap<HandlerDeps, PendingImports>();

function pendingImportsFor(deps: HandlerDeps): PendingImports {
  let pending = pendingImports.get(deps);
  if (!pending) {
    pending = new PendingImports();
    pendingImports.set(deps, pending);
  }
  return pending;
}

/**
 * Puts a file main was given (by the OS, or from Open Recent) behind a fresh import token; the renderer
 * imports it with `case:import { importToken }`, through the same checks and passphrase prompt as a file
 * picked in the Open dialog. Main checks the path before (electron/open-files.ts).
 */
export function offerCaseFile(deps: HandlerDeps, file: string): string {
  const token = randomUUID();
  pendingImportsFor(deps).put(token, { kind: 'path', file });
  return token;
}

export function createCaseHandlers(deps: HandlerDeps): Pick<HandlerMap, CaseChannels> {
  const store = caseStoreFor(deps);
  const pending = pendingImportsFor(deps);

  async function bytesOf(source: ImportSource): Promise<Uint8Array> {
    if (source.kind === 'bytes') return source.bytes;
    const info = await stat(source.file);
    if (info.size > ICPCASE_LIMITS.maxTotalBytes) {
      throw new StoreError('importTooLarge', { bytes: info.size, limitBytes: ICPCASE_LIMITS.maxTotalBytes });
    }
    return readFile(source.file);
  }

  async function importFrom(source: ImportSource, pass: string | undefined, token: string) {
    try {
      const imported = await store.importCase(
        await bytesOf(source),
        pass === undefined ? {} : { passphrase: pass },
      );
      pending.delete(token);
      prepareScansLater(deps, imported);
      if (source.kind === 'path') deps.onCaseFileUsed?.(source.file);
      return { imported: true as const, case: imported };
    } catch (error) {
      if (
        error instanceof StoreError &&
        (error.code === 'passphraseRequired' || error.code === 'wrongPassphrase')
      ) {
        pending.put(token, source);
        throw new StoreError(error.code, { importToken: token });
      }
      pending.delete(token);
      throw error;
    }
  }

  return {
    'cases:list': viaStore(z.undefined(), () => store.list()),
    'case:create': viaStore(z.strictObject({ name: caseName }), (r) => store.create(r)),
    'case:open': viaStore(z.strictObject({ id: caseId }), (r) => store.open(r.id)),
    'case:save': viaStore(z.strictObject({ case: CaseSchema.extend({ id: caseId }) }), (r) =>
      store.save(r.case),
    ),
    'case:duplicate': viaStore(z.strictObject({ id: caseId, name: caseName.optional() }), (r) =>
      store.duplicate(r.id, r.name),
    ),
    'case:rename': viaStore(z.strictObject({ id: caseId, name: caseName }), (r) =>
      store.rename(r.id, r.name),
    ),
    'case:delete': viaStore(z.strictObject({ id: caseId }), async (r) => {
      await store.delete(r.id);
      return { id: r.id };
    }),
    'trash:list': viaStore(z.undefined(), () => store.listTrash()),
    'trash:restore': viaStore(z.strictObject({ id: caseId }), (r) => store.restoreFromTrash(r.id)),
    'case:undo': viaStore(z.strictObject({ id: caseId }), (r) => store.undo(r.id)),
    'case:history': viaStore(z.strictObject({ id: caseId }), (r) => store.history(r.id)),
    'case:restoreBackup': viaStore(
      z.strictObject({ id: caseId, backup: z.number().int().min(1).max(BACKUP_COUNT) }),
      (r) => store.restoreFromBackup(r.id, r.backup),
    ),
    'attachment:add': viaStore(
      z.strictObject({
        caseId,
        checklistItemId,
        fileName: z.string().max(1024),
        bytes: z.instanceof(Uint8Array),
      }),
      async (r) => {
        // A scan lying on its side is found from its text, so the checklist never shows it as provided. The
        // scan worker looks while this side checks and normalises the file (sharp's threads): the
        // user waits for the longer of the two, not both. Only a file of a type the store takes is looked
        // at, and the look is stopped when the store refuses the file.
        const reader = sniffMediaType(r.bytes).accepted ? deps.scanPort : undefined;
        const looking = new AbortController();
        const turnToUpright = reader ? uprightTurnOf(reader, r.bytes, looking.signal) : undefined;
        try {
          // The scan's normalised copy is made now, once, by the same decode that checks the file is whole;
          // every export streams it from the store. A signed document's scan is checked before its marks
          // are read; the store's check of the same bytes then finds them proven.
          const scans = scanCacheFor(deps, r.caseId);
          // On a signed document's line only its checked signed scan is taken (electron/ipc/signing.ts).
          const signed = await signedScanFor(store, {
            ...r,
            resourcesDir: deps.resourcesDir,
            checkImage: scans.checkImage,
          });
          // The turn, still coming, is recorded in the same write as the file (one step of undo).
          const added = await store.addAttachment(r.caseId, {
            ...r,
            ...signed,
            ...(turnToUpright ? { turnToUpright } : {}),
            checkImage: scans.checkImage,
          });
          await scans.prepare(added.attachment);
          // A signed scan's marks, just read, are kept beside it: exports check them without reading it again.
          if (signed) await keepReadScanMarks(storeScanMarksNotes(store, r.caseId), added.attachment);
          return added;
        } catch (error) {
          looking.abort();
          throw error;
        }
      },
    ),
    'attachment:read': viaStore(z.strictObject({ caseId, attachmentId }), async (r) => {
      const { bytes, meta } = await store.readAttachment(r.caseId, r.attachmentId);
      return { bytes: new Uint8Array(bytes), mediaType: meta.mediaType, originalName: meta.originalName };
    }),
    'attachment:remove': viaStore(z.strictObject({ caseId, attachmentId, checklistItemId }), (r) =>
      store.removeAttachment(r.caseId, r.attachmentId, r.checklistItemId),
    ),
    'case:export': viaStore(z.strictObject({ id: caseId, passphrase: passphrase.optional() }), async (r) => {
      // Ask where first: a cancelled dialog costs no decryption of the attachments.
      const { case: c } = await store.open(r.id);
      const target = await deps.showSaveDialog({ defaultFileName: suggestedFileName(c.name) });
      if (!target) return { saved: false as const };
      const { bytes } = await store.exportCase(r.id, r.passphrase ? { passphrase: r.passphrase } : {});
      await writeFileAtomic(nodeFs, target, bytes);
      deps.onCaseFileUsed?.(target);
      return { saved: true as const, fileName: path.basename(target), encrypted: r.passphrase !== undefined };
    }),
    'case:import': viaStore(
      z.strictObject({ passphrase: passphrase.optional(), importToken: z.uuid().optional() }),
      async (r) => {
        if (r.importToken) {
          const source = pending.take(r.importToken);
          if (!source) throw new StoreError('notFound', { reason: 'importTokenExpired' });
          return importFrom(source, r.passphrase, r.importToken);
        }
        const file = await deps.showOpenDialog();
        if (!file) return { imported: false as const };
        return importFrom({ kind: 'path', file }, r.passphrase, randomUUID());
      },
    ),
    // A file dropped on the window: its bytes, never its path (the renderer chooses no path main opens).
    'case:importFile': viaStore(
      z.strictObject({
        fileName: z.string().max(1024),
        // Checked like a picked file (importCaseArchive refuses more than ICPCASE_LIMITS as importTooLarge).
        bytes: z.instanceof(Uint8Array),
      }),
      (r) => importFrom({ kind: 'bytes', bytes: r.bytes }, undefined, randomUUID()),
    ),
  };
}
