/**
 * The bundled document templates and label tables (templates/documents/*.json), parsed once on first use.
 * Imported, not read from disk, so the core stays free of I/O and the renderer bundle can use them too.
 */
import labelsJson from '../../templates/documents/labels.json' with { type: 'json' };
import filingCommitment from '../../templates/documents/filing-commitment.json' with { type: 'json' };
import filingInfoSheet from '../../templates/documents/filing-info-sheet.json' with { type: 'json' };
import { LabelTablesSchema, parseTemplate, type DocumentTemplate, type LabelTables } from './template-schema';

/** Every template file, by file name (for error messages). */
export const TEMPLATE_SOURCES: Readonly<Record<string, unknown>> = {
  'filing-commitment.json': filingCommitment,
  'filing-info-sheet.json': filingInfoSheet,
};

let templates: DocumentTemplate[] | undefined;
let labels: LabelTables | undefined;

/** All templates, in packet order (filing documents, then licence documents, then both). */
export function documentTemplates(): readonly DocumentTemplate[] {
  templates ??= Object.entries(TEMPLATE_SOURCES)
    .map(([file, json]) => parseTemplate(json, `templates/documents/${file}`))
    .sort((a, b) => a.order - b.order);
  return templates;
}

export function documentTemplate(id: string): DocumentTemplate | undefined {
  return documentTemplates().find((t) => t.id === id);
}

export function documentLabels(): LabelTables {
  labels ??= LabelTablesSchema.parse(labelsJson);
  return labels;
}
