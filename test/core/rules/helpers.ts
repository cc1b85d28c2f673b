import type { AttachmentMeta, Case, SignedCopy } from '../../../core/model/case';
import { contentVersion, printedFields, signedTemplate } from '../../../core/documents/signing';
import { documentDecisionOf } from '../../../core/rules/licence-categories';
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

/**
 * Attaches a good file to every checklist item that needs one (required or not); a document signed by hand
 * gets a checked signed copy of the version it prints now (one page).
 */
export function withAllAttachments(c: Case): Case {
  const items = buildChecklist(c, decidePathway(c.answers), { today: TODAY });
  const needed = items.filter(
    (i) => (i.origin === 'user' || i.origin === 'generated_signed') && i.attachmentIds.length === 0,
  );
  const extra = needed.flatMap((i) =>
    i.signing
      ? [attachment(i.id, { signedCopy: signedCopyNow(c, i.signing.templateId) })]
      : Array.from({ length: Math.max(1, i.format?.minFiles ?? 1) }, () => attachment(i.id)),
  );
  return { ...c, attachments: [...c.attachments, ...extra] };
}

/** What the app records of a one-page signed scan of `templateId` as the case prints it now. */
export function signedCopyNow(c: Case, templateId: string, pages = [1], pageCount = 1): SignedCopy {
  const template = signedTemplate(templateId);
  if (!template) throw new Error(`${templateId} is not signed by hand`);
  return {
    templateId,
    contentVersion: contentVersion(template, c, documentDecisionOf(c, decidePathway(c.answers))),
    pages,
    pageCount,
    fields: printedFields(template, c),
  };
}

/** The bundled sample with every document attached: the "complete case" of the tests and the bench. */
export function completeSample(): Case {
  return withAllAttachments(sample());
}
