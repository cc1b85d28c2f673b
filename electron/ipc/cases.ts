/**
 * IPC handlers of the case store: list, create, open, save, duplicate, rename, trash, undo and history,
 * attachments, backups, and `.icpcase` export/import.
 *
 * The renderer never sends a path. Cases are named by UUID and attachments by SHA-256 (checked here, before
 * the store builds a path from them); files arrive as bytes from drag-and-drop; export and import paths come
 * only from the native dialogs main opens itself (`showSaveDialog` / `showOpenDialog` deps). When an
 * encrypted `.icpcase` needs a passphrase, the picked path stays in main behind a short-lived token, so the
 * retry with the passphrase does not reopen the dialog and still carries no path.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CaseSchema, type Case } from '../../core/model/case';
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
import type { HandlerDeps } from './deps';
import { keySessionFor, storeRootOf } from './key-session';
import { signedScanFor } from './signed-scan';
import { HandlerError, handle } from './result';

// Every store error code must be a contract error code: this line fails to compile otherwise.
const storeCodesAreContractCodes: StoreErrorCode extends ErrorCode ? true : never = true;
void storeCodesAreContractCodes;

const caseId = z.string().regex(CASE_ID_PATTERN);
const attachmentId = z.string().regex(ATTACHMENT_ID_PATTERN);
const caseName = z.string().trim().min(1).max(200);
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

export function createCaseHandlers(deps: HandlerDeps): Pick<HandlerMap, CaseChannels> {
  const store = caseStoreFor(deps);
  const pendingImports = new Map<string, { file: string; expires: number }>();

  async function importFrom(file: string, pass: string | undefined, token: string) {
    try {
      const info = await stat(file);
      if (info.size > ICPCASE_LIMITS.maxTotalBytes) {
        throw new StoreError('importTooLarge', {
          bytes: info.size,
          limitBytes: ICPCASE_LIMITS.maxTotalBytes,
        });
      }
      const imported = await store.importCase(
        await readFile(file),
        pass === undefined ? {} : { passphrase: pass },
      );
      pendingImports.delete(token);
      prepareScansLater(deps, imported);
      return { imported: true as const, case: imported };
    } catch (error) {
      if (
        error instanceof StoreError &&
        (error.code === 'passphraseRequired' || error.code === 'wrongPassphrase')
      ) {
        pendingImports.set(token, { file, expires: Date.now() + IMPORT_TOKEN_TTL_MS });
        throw new StoreError(error.code, { importToken: token });
      }
      pendingImports.delete(token);
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
        // On a signed document's line only its checked signed scan is taken (electron/ipc/signing.ts).
        const signed = await signedScanFor(store, r.caseId, r.checklistItemId, r.bytes);
        const added = await store.addAttachment(r.caseId, { ...r, ...signed });
        // The scan's normalised copy is made now, once; every export streams it from the store.
        await scanCacheFor(deps, r.caseId).prepare(added.attachment);
        return added;
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
      return { saved: true as const, fileName: path.basename(target), encrypted: r.passphrase !== undefined };
    }),
    'case:import': viaStore(
      z.strictObject({ passphrase: passphrase.optional(), importToken: z.uuid().optional() }),
      async (r) => {
        const now = Date.now();
        for (const [token, pending] of pendingImports)
          if (pending.expires < now) pendingImports.delete(token);
        if (r.importToken) {
          const pending = pendingImports.get(r.importToken);
          if (!pending) throw new StoreError('notFound', { reason: 'importTokenExpired' });
          return importFrom(pending.file, r.passphrase, r.importToken);
        }
        const file = await deps.showOpenDialog();
        if (!file) return { imported: false as const };
        return importFrom(file, r.passphrase, randomUUID());
      },
    ),
  };
}
