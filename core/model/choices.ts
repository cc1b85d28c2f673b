/**
 * Pick lists for portal fields a non-reader of Chinese cannot type (job titles, access providers), from
 * templates/rules/field-choices.json, plus the search the pickers use. A choice stores its Chinese; its English
 * is shown beside it so the user knows what they submit.
 */
import * as z from 'zod';
import data from '../../templates/rules/field-choices.json' with { type: 'json' };
import wechatIds from '../../templates/rules/wechat-filing-ids.json' with { type: 'json' };
import { fieldLimit } from '../validate/text';
import { toPattern } from './paths';

const ChoiceSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
export type Choice = z.infer<typeof ChoiceSchema>;

const ChoicesFileSchema = z.object({
  type: z.literal('icp-packet/field-choices'),
  version: z.literal(1),
  source: z.string().min(1),
  asOf: z.iso.date(),
  lists: z.object({ jobTitles: z.array(ChoiceSchema), accessProviders: z.array(ChoiceSchema) }),
});

export const FIELD_CHOICES = ChoicesFileSchema.parse(data).lists;
export type ChoiceListName = keyof typeof FIELD_CHOICES;

/** Which list serves a field, by model pattern (`services.*.accessProvider`); undefined for other fields. */
const LIST_BY_PATTERN: Readonly<Record<string, ChoiceListName>> = {
  'legalRepresentative.title': 'jobTitles',
  'principal.title': 'jobTitles',
  'services.*.principal.title': 'jobTitles',
  'licence.staff.*.title': 'jobTitles',
  'services.*.accessProvider': 'accessProviders',
};

export function choiceListFor(path: string): readonly Choice[] | undefined {
  const name = LIST_BY_PATTERN[toPattern(path)];
  return name === undefined ? undefined : FIELD_CHOICES[name];
}

/** The choices whose English or Chinese contains the query (case-insensitive); all of them for an empty query. */
export function searchChoices<T extends Choice>(choices: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...choices];
  return choices.filter((choice) => choice.en.toLowerCase().includes(needle) || choice.zh.includes(needle));
}

/** The listed choice a stored value is, if any (to show its English meaning). */
export function choiceOf(choices: readonly Choice[], value: string): Choice | undefined {
  return choices.find((choice) => choice.zh === value.trim());
}

const ContentTypeSchema = z.strictObject({
  id: z.number().int().positive(),
  parentId: z.number().int(),
  zh: z.string().min(1),
  en: z.string().min(1),
  remarkZh: z.string(),
  remarkEn: z.string(),
  parentZh: z.string().min(1),
  parentEn: z.string().min(1),
});
export type ServiceContentType = z.infer<typeof ContentTypeSchema>;

/**
 * WeChat's second-level service content types known offline (WeChat documents only a few; the rest come from
 * its live query_icp_service_content_types list, so the picker also takes an id the user copied from there).
 */
export const SERVICE_CONTENT_TYPES: readonly ServiceContentType[] = z
  .array(ContentTypeSchema)
  .parse(wechatIds.serviceContentTypes.known);

/**
 * WeChat accepts at most this many service content types (field-limits.json, part of the rule pack: read it
 * when needed, an imported pack may change it).
 */
export function maxServiceContentTypes(): number {
  return fieldLimit('wechat.applets.serviceContentTypes')?.max ?? 5;
}

/** Content types whose name, remark or category matches the query in English or Chinese. */
export function searchContentTypes(query: string): ServiceContentType[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...SERVICE_CONTENT_TYPES];
  return SERVICE_CONTENT_TYPES.filter(
    (type) =>
      [type.en, type.remarkEn, type.parentEn].some((text) => text.toLowerCase().includes(needle)) ||
      [type.zh, type.remarkZh, type.parentZh].some((text) => text.includes(needle)) ||
      String(type.id) === needle,
  );
}
