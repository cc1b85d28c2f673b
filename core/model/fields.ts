/**
 * The field catalogue: for every field the user fills in, the exact Chinese label the portal uses, the
 * English meaning, help in both languages and an example. One data file (templates/fields/case-fields.json)
 * serves the forms, the pre-flight messages and the portal copy sheet.
 */
import * as z from 'zod';
import catalogue from '../../templates/fields/case-fields.json' with { type: 'json' };
import { toPattern } from './paths';
import { bundledData } from '../bundled-data';
import type { Service } from './case';

const bilingual = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) });

export const FieldDefSchema = z.strictObject({
  /** Model path with `*` for array indexes, e.g. `services.*.appId`. */
  path: z.string().min(1),
  /** The workspace step that edits it. */
  step: z.enum(['pathway', 'applicant', 'people', 'services', 'documents']),
  /** `zh-CN` is the portal's own label; `en` its meaning in English. */
  label: bilingual,
  help: bilingual,
  example: z.string(),
  /** `yesNo`: a question that starts unanswered (null) and is answered yes or no. */
  input: z.enum(['text', 'textarea', 'date', 'number', 'select', 'boolean', 'yesNo', 'region', 'list']),
  /** The field appears on the filing portal's form (and so on the portal copy sheet). */
  portal: z.boolean(),
  /** Where the label and rule come from (a file and section under shared/domain). */
  source: z.string().min(1),
  /** Only for these kinds of service (a field such as `services.*.name` has one entry per kind). */
  serviceKinds: z.array(z.enum(['website', 'app', 'mini_program'])).optional(),
  /** A free-text Chinese field: the form offers an optional "English meaning" input beside it. */
  englishMeaning: z.boolean().optional(),
});
export type FieldDef = z.infer<typeof FieldDefSchema>;

export const FieldCatalogueSchema = z.strictObject({
  kind: z.literal('icp-packet/fields'),
  version: z.number().int().positive(),
  asOf: z.iso.date(),
  source: z.string().min(1),
  fields: z.array(FieldDefSchema),
});

export const FIELD_CATALOGUE = bundledData('case-fields', FieldCatalogueSchema, catalogue);

let byPattern: Map<string, FieldDef[]> | undefined;

/** The catalogue's entries by path pattern, in catalogue order (a document's fields are looked up by the hundred). */
function fieldsByPattern(): Map<string, FieldDef[]> {
  if (byPattern) return byPattern;
  byPattern = new Map();
  for (const field of FIELD_CATALOGUE.fields) {
    const same = byPattern.get(field.path);
    if (same) same.push(field);
    else byPattern.set(field.path, [field]);
  }
  return byPattern;
}

/**
 * The definition of the field at a concrete path (`services.0.appId`), picking the entry for the
 * service's kind where labels differ (website name vs App name).
 */
export function fieldDef(path: string, serviceKind?: Service['kind']): FieldDef | undefined {
  const candidates = fieldsByPattern().get(toPattern(path)) ?? [];
  return (
    candidates.find((f) => serviceKind !== undefined && f.serviceKinds?.includes(serviceKind)) ??
    candidates.find((f) => f.serviceKinds === undefined) ??
    candidates[0]
  );
}
