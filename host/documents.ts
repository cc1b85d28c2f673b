/**
 * Node-side access to the document engine for the main process and the CLI: reads the bundled fonts from
 * disk once per process and renders a document of a case. core/documents does no I/O itself; the templates
 * are bundled data it imports.
 *
 * No electron import here, so the CLI and tests load it in plain Node.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFonts } from '../core/documents/font';
import { renderDocument, type RenderOptions } from '../core/documents/render';
import type { Case } from '../core/model/case';

const loaded = new Map<string, Promise<DocumentFonts>>();

/**
 * Noto Sans SC regular and bold from `<resourcesDir>/fonts`, read once per process and directory. The same
 * byte arrays are returned every time, which is what lets core/documents reuse its parsed fonts.
 *
 * `resourcesDir` is always the caller's: the packaged app's `process.resourcesPath`, `<app folder>/resources`
 * for `npm start`, the CLI's own. It is never derived from this module's location, which a bundle moves.
 */
export function readDocumentFonts(resourcesDir: string): Promise<DocumentFonts> {
  let fonts = loaded.get(resourcesDir);
  if (!fonts) {
    fonts = Promise.all([
      readFile(path.join(resourcesDir, 'fonts', 'NotoSansSC-Regular.ttf')),
      readFile(path.join(resourcesDir, 'fonts', 'NotoSansSC-Bold.ttf')),
    ]).then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }));
    // A failed read is not cached: the next call retries (e.g. after the user fixed a broken install).
    fonts.catch(() => loaded.delete(resourcesDir));
    loaded.set(resourcesDir, fonts);
  }
  return fonts;
}

/** Renders one document of a case with the bundled fonts: PDF bytes. */
export async function renderCaseDocument(
  templateId: string,
  caseData: Case,
  options: Omit<RenderOptions, 'fonts'> & { resourcesDir: string },
): Promise<Uint8Array> {
  const { resourcesDir, ...renderOptions } = options;
  const fonts = await readDocumentFonts(resourcesDir);
  return renderDocument(templateId, caseData, { ...renderOptions, fonts });
}
