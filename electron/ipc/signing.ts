/**
 * The sign-and-return loop in main: `signing:print` saves the marked copy of a document to print and sign.
 * What comes back is checked by `attachment:add` (signed-scan.ts), the only way onto a signed document's line.
 *
 * The renderer sends ids only. The PDF's path comes from the Save dialog main opens itself; the QR module's
 * .wasm from the resources folder (`<resources>/ocr/zxing_full.wasm`, the file the scan reader uses too).
 */
import path from 'node:path';
import { z } from 'zod';
import { DocumentError } from '../../core/documents/render';
import { signedTemplate } from '../../core/documents/signing';
import type { HandlerMap } from '../contract';
import { nodeFs, writeFileAtomic } from '../../host/store/atomic-file';
import { CASE_ID_PATTERN } from '../../host/store/case-store';
import { renderForSigning } from '../../host/signing';
import { caseStoreFor, viaStore } from './cases';
import { useQrFrom } from './signed-scan';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';

const printRequest = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN),
  templateId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  language: z.enum(['en', 'zh-CN']),
});

export function createSigningHandlers(deps: HandlerDeps): Pick<HandlerMap, 'signing:print'> {
  const store = caseStoreFor(deps);
  return {
    'signing:print': viaStore(printRequest, async ({ caseId, templateId, language }) => {
      if (!deps.showSigningSaveDialog) throw new HandlerError('internal', { reason: 'noSaveDialog' });
      if (!signedTemplate(templateId)) throw new HandlerError('notFound', { templateId });
      const { case: c } = await store.open(caseId);
      useQrFrom(deps.resourcesDir);
      let printed;
      try {
        printed = await renderForSigning(c, templateId, {
          languages: language === 'zh-CN' ? ['zh', 'en'] : ['en'],
          now: new Date(),
          resourcesDir: deps.resourcesDir,
        });
      } catch (error) {
        if (error instanceof DocumentError && error.code === 'unsupportedCharacters')
          throw new HandlerError('documentUnprintable', {
            characters: error.details.slice(error.details.lastIndexOf(':') + 1).trim(),
          });
        throw error;
      }
      const target = await deps.showSigningSaveDialog({ defaultFileName: printed.fileName });
      if (!target) return { saved: false as const };
      await writeFileAtomic(nodeFs, target, printed.bytes);
      const stored = await store.recordSigningPrint(caseId, printed.print);
      return {
        saved: true as const,
        fileName: path.basename(target),
        filePath: target,
        version: printed.version,
        case: stored,
      };
    }),
  };
}
