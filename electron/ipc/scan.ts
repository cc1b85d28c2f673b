/**
 * Scans: `scan:read` reads a stored business licence, ID card side or passport offline (in the scan
 * worker) and returns each value with a crop of where it was read, for the user to confirm — nothing is
 * written here. `scan:cancel` stops a reading. `attachment:rotate` turns a stored image the right way up.
 */
import sharp from 'sharp';
import { z } from 'zod';
import { scanTargetOf } from '../../core/ocr/apply';
import { todayIso } from '../../core/validate/common';
import type { HandlerMap, ScanReadResult } from '../contract';
import { CancelledError, UnreadableImageError } from '../../host/ocr/errors';
import { ATTACHMENT_ID_PATTERN, CASE_ID_PATTERN } from '../../host/store/case-store';
import { caseStoreFor, viaStore } from './cases';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';

const caseId = z.string().regex(CASE_ID_PATTERN);
const attachmentId = z.string().regex(ATTACHMENT_ID_PATTERN);
const checklistItemId = z.string().min(1).max(100);

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
      const { bytes, meta } = await store.readAttachment(r.caseId, r.attachmentId);
      if (meta.mediaType === 'application/pdf') throw new HandlerError('scanUnreadable', { reason: 'pdf' });
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
        if (error instanceof UnreadableImageError) throw new HandlerError('scanUnreadable');
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
        if (meta.mediaType === 'application/pdf') throw new HandlerError('attachmentType', { found: 'pdf' });
        const image = sharp(bytes).rotate().rotate(r.turn);
        const turned =
          meta.mediaType === 'image/png'
            ? await sharp(await sharp(bytes).rotate().toBuffer())
                .rotate(r.turn)
                .png()
                .toBuffer()
            : await sharp(await sharp(bytes).rotate().toBuffer())
                .rotate(r.turn)
                .jpeg({ quality: 92 })
                .toBuffer();
        void image;
        const replaced = await store.replaceAttachment(r.caseId, {
          attachmentId: r.attachmentId,
          checklistItemId: r.checklistItemId,
          bytes: new Uint8Array(turned),
        });
        return replaced.case;
      },
    ),
  };
}
