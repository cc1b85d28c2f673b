/** The document engine's public surface: templates → resolved text → A4 layout → PDF bytes. */
export { decisionFromCase, type DocumentDecision } from './conditions';
export type { DocumentFonts } from './font';
export { REVIEW_MARK } from './layout';
export {
  DocumentError,
  documentDate,
  drawDocument,
  prepareDocument,
  renderDocument,
  type DocumentVariant,
  type RenderOptions,
} from './render';
export { resolveDocument, templateApplies } from './resolve';
export { DocumentTemplateSchema, parseTemplate, type DocumentTemplate } from './template-schema';
export { documentLabels, documentTemplate, documentTemplates } from './templates';
