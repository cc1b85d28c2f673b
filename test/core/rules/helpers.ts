import type { AttachmentMeta, Case } from '../../../core/model/case';
import { sampleCase } from '../../../core/model/sample-case';
import { buildChecklist, decidePathway } from '../../../core/rules';

export const TODAY = '2026-11-25';

export { answers } from '../../fixtures/pathway';

export function sample(): Case {
  return sampleCase(new Date(`${TODAY}T09:00:00Z`));
}

let counter = 0;
/** A well-formed attachment record (the bytes themselves live in the store, not in the case). */
export function attachment(checklistItemId: string, overrides: Partial<AttachmentMeta> = {}): AttachmentMeta {
  counter++;
  return {
    id: counter.toString(16).padStart(64, 'a'),
    checklistItemId,
    originalName: `${checklistItemId}.jpg`,
    mediaType: 'image/jpeg',
    bytes: 60_000,
    widthPx: 2400,
    heightPx: 1600,
    addedAt: `${TODAY}T09:00:00Z`,
    validFrom: '',
    validTo: '',
    ...overrides,
  };
}

/** Attaches a good file to every checklist item that needs one (required or not). */
export function withAllAttachments(c: Case): Case {
  const items = buildChecklist(c, decidePathway(c.answers), { today: TODAY });
  const needed = items.filter(
    (i) => (i.origin === 'user' || i.origin === 'generated_signed') && i.attachmentIds.length === 0,
  );
  const extra = needed.flatMap((i) =>
    Array.from({ length: Math.max(1, i.format?.minFiles ?? 1) }, () => attachment(i.id)),
  );
  return { ...c, attachments: [...c.attachments, ...extra] };
}

/** The bundled sample with every document attached: the "complete case" of the tests and the bench. */
export function completeSample(): Case {
  return withAllAttachments(sample());
}
