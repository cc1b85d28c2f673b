/**
 * IPC handlers of the packet export: `packet:build`, `packet:cancel`, `packet:reveal`.
 *
 * The renderer sends a case id and a profile — never a path. Main asks for the parent folder with its own
 * dialog, asks again before replacing an existing packet, and remembers where each case's packet went so
 * "Show in folder" needs only the case id. One export per case at a time; `packet:cancel` aborts it.
 *
 * The store is only read here. The export record goes back to the renderer, which saves it in the case's
 * `exports` with `case:save`, so the case keeps a single writer.
 */
import { z } from 'zod';
import type { ExportRecord } from '../../core/model/case';
import { PacketError, type PacketErrorCode } from '../../core/packet/errors';
import { PROFILE_IDS } from '../../core/packet/profiles';
import type { ErrorCode, HandlerMap } from '../contract';
import { exportPacket } from '../../host/packet/export-packet';
import { CASE_ID_PATTERN } from '../../host/store/case-store';
import { StoreError } from '../../host/store/errors';
import { storeScanMarksNotes } from '../../host/signing/scan-marks';
import { caseStoreFor, scanCacheFor } from './cases';
import type { HandlerDeps } from './deps';
import { HandlerError, handle } from './result';

type PacketChannels = 'packet:build' | 'packet:cancel' | 'packet:reveal';

const PACKET_TO_CONTRACT: Record<PacketErrorCode, ErrorCode> = {
  preflightErrors: 'preflightErrors',
  unacknowledgedWarnings: 'unacknowledgedWarnings',
  notEligible: 'notEligible',
  attachmentMissing: 'attachmentMissing',
  attachmentTooSmall: 'attachmentTooSmall',
  attachmentTooLarge: 'attachmentTooLarge',
  attachmentUnreadable: 'attachmentUnreadable',
  unsafePath: 'unsafePath',
  // A bug guard behind the pre-flight gate: the renderer's pre-flight shows the signed document's issue.
  unsignedDocument: 'preflightErrors',
  cancelled: 'exportCancelled',
  // Handled before it can surface: main asks the user and retries with replace.
  folderExists: 'ioFailed',
  imageLibraryUnavailable: 'imageLibraryUnavailable',
  noLicence: 'noLicence',
};

/** A packet error as the handler error the renderer translates (`errors.<code>`). */
export function packetHandlerError(error: PacketError): HandlerError {
  const details: Record<string, string | number | boolean> = { ...error.details };
  // The renderer shows the issues from its own pre-flight; the keys say which ones refused the export.
  if (error.issues.length) details.issueKeys = error.issues.map((i) => i.key).join('\n');
  return new HandlerError(PACKET_TO_CONTRACT[error.code], details);
}

const caseIdSchema = z.string().regex(CASE_ID_PATTERN);
const buildRequest = z.strictObject({
  caseId: caseIdSchema,
  profile: z.enum(PROFILE_IDS),
  acceptWarnings: z.boolean().optional(),
});
const caseOnly = z.strictObject({ caseId: caseIdSchema });

export function createPacketHandlers(deps: HandlerDeps): Pick<HandlerMap, PacketChannels> {
  const store = caseStoreFor(deps);
  const running = new Map<string, AbortController>();
  const lastPacket = new Map<string, string>();

  async function build(request: z.infer<typeof buildRequest>) {
    if (running.has(request.caseId)) throw new HandlerError('invalidPayload', { reason: 'exportRunning' });
    if (!deps.showPacketFolderDialog) throw new HandlerError('internal', { reason: 'noFolderDialog' });
    const { case: c } = await store.open(request.caseId);
    const outDir = await deps.showPacketFolderDialog();
    if (!outDir) return { built: false as const };

    const controller = new AbortController();
    running.set(request.caseId, controller);
    try {
      const attempt = (replace: boolean) =>
        exportPacket({
          case: c,
          readAttachment: async (meta) => new Uint8Array((await store.readAttachment(c.id, meta.id)).bytes),
          // Scans come from their normalised copies in the store, one at a time while the packet is written.
          prepareScan: (meta, profile) => scanCacheFor(deps, c.id).scanSource(meta, profile),
          scanMarks: storeScanMarksNotes(store, c.id),
          profile: request.profile,
          outDir,
          zip: true,
          replace,
          acceptWarnings: request.acceptWarnings ?? false,
          now: new Date(),
          appVersion: deps.appVersion,
          resourcesDir: deps.resourcesDir,
          onProgress: (progress) => deps.onPacketProgress?.({ caseId: c.id, ...progress }),
          signal: controller.signal,
        });
      let result;
      try {
        result = await attempt(false);
      } catch (error) {
        if (!(error instanceof PacketError) || error.code !== 'folderExists') throw error;
        const confirmed = await deps.confirmReplacePacket?.(String(error.details.path ?? outDir));
        if (!confirmed) return { built: false as const };
        result = await attempt(true);
      }
      lastPacket.set(c.id, result.folder);
      const record: ExportRecord = {
        at: result.packet.manifest.generatedAt,
        folderName: result.packet.folderName,
        profile: request.profile,
        fileCount: result.packet.files.length,
        manifestSha256: result.packet.manifestSha256,
      };
      return {
        built: true as const,
        folderName: result.packet.folderName,
        folderPath: result.folder,
        fileCount: result.packet.files.length,
        zip: Boolean(result.zip),
        record,
      };
    } catch (error) {
      if (error instanceof PacketError) throw packetHandlerError(error);
      if (error instanceof StoreError) throw new HandlerError(error.code, error.details);
      throw error;
    } finally {
      running.delete(request.caseId);
    }
  }

  return {
    'packet:build': handle(buildRequest, async (request) => {
      try {
        return await build(request);
      } catch (error) {
        if (error instanceof StoreError) throw new HandlerError(error.code, error.details);
        throw error;
      }
    }),
    'packet:cancel': handle(caseOnly, ({ caseId }) => {
      const controller = running.get(caseId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    }),
    'packet:reveal': handle(caseOnly, ({ caseId }) => {
      const folder = lastPacket.get(caseId);
      if (!folder || !deps.showItemInFolder) return { shown: false };
      deps.showItemInFolder(folder);
      return { shown: true };
    }),
  };
}
