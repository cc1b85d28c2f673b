/**
 * The check `attachment:add` runs on a file for the checklist line of a document signed by hand: the file
 * must be that document's signed scan, for this case, in its current version (host/signing reads the marks).
 */
import type { SignedCopy } from '../../core/model/case';
import type { ScanRefusal } from '../../core/documents/signed-scan';
import { signedDocumentOfLine } from '../../core/rules/checklist';
import { inspectAttachment, type ImageCheck } from '../../host/store/attachments';
import type { CaseStore } from '../../host/store/case-store';
import { ocrResources } from '../../host/ocr/resources';
import { configureQr } from '../../host/qr';
import { checkSignedScan } from '../../host/signing';
import { HandlerError } from './result';

/**
 * Points the QR module at the .wasm in the resources folder (`<resources>/ocr/zxing_full.wasm`, the file the
 * scan reader uses too). Called where a handler first needs QR codes, so handlers are made without I/O.
 */
export function useQrFrom(resourcesDir: string): void {
  configureQr({ wasmPath: ocrResources(resourcesDir).qrWasm });
}

/** A refusal as the contract's details: flat strings and numbers. */
function refusalDetails(refusal: ScanRefusal): Record<string, string | number> {
  const details: Record<string, string | number> = { reason: refusal.reason };
  if ('found' in refusal) details.found = refusal.found;
  if ('page' in refusal) details.page = refusal.page;
  if ('changed' in refusal && refusal.changed.length) details.changed = refusal.changed.join('\n');
  if ('printedAt' in refusal && refusal.printedAt) details.printedAt = refusal.printedAt;
  return details;
}

/**
 * For a file attached to the line of a document signed by hand: the signed copy it is, and the files of
 * that line it supersedes (copies of another version, files never checked). Undefined for any other line.
 *
 * @throws HandlerError `signedScanRefused` when the file is not the signed scan of that document, of this
 *   case, in its current version (details say why)
 */
export async function signedScanFor(
  store: CaseStore,
  request: {
    caseId: string;
    checklistItemId: string;
    bytes: Uint8Array;
    resourcesDir: string;
    /** The check the store's addAttachment then runs (the scan cache's), so the scan is decoded once. */
    checkImage?: ImageCheck;
  },
): Promise<{ signedCopy: SignedCopy; replaces: string[] } | undefined> {
  const { caseId, checklistItemId, bytes } = request;
  const templateId = signedDocumentOfLine(checklistItemId);
  if (!templateId) return undefined;
  useQrFrom(request.resourcesDir);
  // Type and size first (the store's own refusals); then the marks.
  const { mediaType } = await inspectAttachment(bytes, { checkImage: request.checkImage });
  const { case: c } = await store.open(caseId);
  const judgement = await checkSignedScan(c, templateId, { bytes, mediaType });
  if (!judgement.ok) throw new HandlerError('signedScanRefused', refusalDetails(judgement.refusal));
  const { signedCopy } = judgement;
  const replaces = c.attachments
    .filter(
      (a) =>
        a.checklistItemId === checklistItemId &&
        (a.signedCopy?.templateId !== templateId ||
          a.signedCopy.contentVersion !== signedCopy.contentVersion),
    )
    .map((a) => a.id);
  return { signedCopy, replaces };
}
