/**
 * `document:render`: one generated document of a stored case as PDF bytes, for the Review step's live
 * preview. Rendering needs the bundled Noto Sans SC, which only main can read; the fonts are read and
 * parsed once per process (host/documents.ts) and reused for every preview.
 *
 * The document set and its pathway facts are the packet's own (core/packet/gate.ts), so the preview shows
 * exactly what the export will write.
 */
import { z } from 'zod';
import { DocumentError } from '../../core/documents/render';
import { documentTemplate } from '../../core/documents/templates';
import { previewDecision } from '../../core/packet/preview';
import type { HandlerMap } from '../contract';
import { renderCaseDocument } from '../../host/documents';
import { CASE_ID_PATTERN } from '../../host/store/case-store';
import { caseStoreFor, viaStore } from './cases';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';

const renderRequest = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN),
  templateId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  variant: z.enum(['submission', 'review']),
});

export function createDocumentHandlers(deps: HandlerDeps): Pick<HandlerMap, 'document:render'> {
  const store = caseStoreFor(deps);
  return {
    'document:render': viaStore(renderRequest, async ({ caseId, templateId, variant }) => {
      if (!documentTemplate(templateId)) throw new HandlerError('notFound', { templateId });
      const { case: c } = await store.open(caseId);
      try {
        const bytes = await renderCaseDocument(templateId, c, {
          variant,
          decision: previewDecision(c),
          resourcesDir: deps.resourcesDir,
        });
        return { bytes };
      } catch (error) {
        // Characters the font cannot print: the user must change the text, so say which ones.
        if (error instanceof DocumentError && error.code === 'unsupportedCharacters')
          throw new HandlerError('documentUnprintable', {
            characters: error.details.slice(error.details.lastIndexOf(':') + 1).trim(),
          });
        throw error;
      }
    }),
  };
}
