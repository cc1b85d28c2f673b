/**
 * Scans: `scan:read` reads a stored business licence, ID card side or passport offline (in the scan
 * worker) and returns each value with a crop of where it was read, for the user to confirm — nothing is
 * written here. `scan:cancel` stops a reading. `attachment:rotate` turns a stored scan the right way up.
 */
import { z } from 'zod';
import { scanTargetOf } from '../../core/ocr/apply';
import { todayIso } from '../../core/validate/common';
import type { HandlerMap, ScanReadResult } from '../contract';
import { CancelledError, UnreadableImageError } from '../../host/ocr/errors';
import { ATTACHMENT_ID_PATTERN, CASE_ID_PATTERN } from '../../host/store/case-store';
import { caseStoreFor, scanCacheFor, viaStore } from './cases';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';
import { loadSharp } from '../../host/packet/sharp';
import { PacketError } from '../../core/packet/errors';

const caseId = z.string().regex(CASE_ID_PATTERN);
const attachmentId = z.string().regex(ATTACHMENT_ID_PATTERN);
const checklistItemId = z.string().min(1).max(100);

/**
 * A scan turned clockwise by `turn`: an image is re-encoded as it was (JPEG at high quality, PNG lossless)
 * with its EXIF orientation applied; a PDF's first page gets the turn added to its /Rotate (its image is
 * not touched), the page the orientation was judged on.
 */
export async function turnedScan(
  bytes: Uint8Array,
  mediaType: string,
  turn: 90 | 180 | 270,
): Promise<Uint8Array> {
  if (mediaType === 'application/pdf') {
    const { PDFDocument, degrees } = await import('pdf-lib');
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const page = doc.getPage(0);
    page.setRotation(degrees((page.getRotation().angle + turn) % 360));
    return doc.save();
  }
  // EXIF first (a phone photo's own orientation), then the turn: one rotation per sharp pipeline.
  // sharp on first use (host/packet/sharp.ts): a broken image library fails this action, not the app.
  const sharp = await loadSharp();
  const upright = await sharp(bytes).rotate().toBuffer();
  const turned = sharp(upright).rotate(turn);
  const out =
    mediaType === 'image/png' ? await turned.png().toBuffer() : await turned.jpeg({ quality: 92 }).toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export function createScanHandlers(
  deps: HandlerDeps,
): Pick<HandlerMap, 'scan:read' | 'scan:cancel' | 'attachment:rotate'> {
  const store = caseStoreFor(deps);
  const running = new Map<string, AbortController>();
  return {
    'scan:read': viaStore(z.strictObject({ caseId, attachmentId, checklistItemId }), async (r) => {
      const port = deps.scanPort;
      if (!port) throw new HandlerError('ocrUnavailable');
      const { case: c } = await store.open(r.caseId);
      const target = scanTargetOf(c, r.checklistItemId);
      if (!target) throw new HandlerError('scanUnknownDocument');
      const { bytes } = await store.readAttachment(r.caseId, r.attachmentId);
      // One reading per case at a time: a new one stops the one before.
      running.get(r.caseId)?.abort();
      const controller = new AbortController();
      running.set(r.caseId, controller);
      try {
        const result = await port.read(
          { bytes: new Uint8Array(bytes), kind: target.kind, today: todayIso() },
          controller.signal,
        );
        if (!result.reading || result.reading.fields.length === 0)
          throw new HandlerError('scanUnknownDocument');
        const reading: ScanReadResult = {
          kind: result.reading.kind,
          fields: result.reading.fields.map((f) => ({
            ...f,
            ...(result.crops[f.key] ? { crop: result.crops[f.key] } : {}),
          })),
          checks: result.reading.checks,
          rotation: result.rotation,
        };
        return reading;
      } catch (error) {
        if (error instanceof CancelledError) throw new HandlerError('scanCancelled');
        if (error instanceof UnreadableImageError)
          throw new HandlerError('scanUnreadable', { problem: error.problem });
        throw error;
      } finally {
        if (running.get(r.caseId) === controller) running.delete(r.caseId);
      }
    }),
    'scan:cancel': viaStore(z.strictObject({ caseId }), async (r) => {
      const controller = running.get(r.caseId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    }),
    'attachment:rotate': viaStore(
      z.strictObject({
        caseId,
        attachmentId,
        checklistItemId,
        turn: z.union([z.literal(90), z.literal(180), z.literal(270)]),
      }),
      async (r) => {
        const { bytes, meta } = await store.readAttachment(r.caseId, r.attachmentId);
        let turned: Uint8Array;
        try {
          turned = await turnedScan(new Uint8Array(bytes), meta.mediaType, r.turn);
        } catch (error) {
          if (error instanceof PacketError && error.code === 'imageLibraryUnavailable')
            throw new HandlerError('imageLibraryUnavailable', error.details);
          throw new HandlerError('attachmentUnreadable', {
            found: meta.mediaType === 'application/pdf' ? 'pdf' : meta.mediaType.replace('image/', ''),
          });
        }
        // The turned scan's normalised copy is made now, as for a newly attached one.
        const scans = scanCacheFor(deps, r.caseId);
        const replaced = await store.replaceAttachment(r.caseId, {
          attachmentId: r.attachmentId,
          checklistItemId: r.checklistItemId,
          bytes: turned,
          checkImage: scans.checkImage,
        });
        await scans.prepare(replaced.attachment);
        return replaced.case;
      },
    ),
  };
}
