import type { TFunction } from 'i18next';

export interface ListLabels {
  add: string;
  item: (index: number) => string;
  remove: (index: number) => string;
}

/** The value lists of the catalogue, by the last key of their model path; their words are in locales. */
const LISTS = ['languages', 'domains', 'ipAddresses', 'serviceContentTypes'] as const;
type ListKey = (typeof LISTS)[number];

const isListKey = (key: string): key is ListKey => (LISTS as readonly string[]).includes(key);

/**
 * The words of a value list's buttons and items in the UI language ("Add a language", "Remove domain 2"),
 * never built from the portal's Chinese label. A list without its own words falls back to the field's
 * label in the UI language.
 */
export function listLabels(t: TFunction, pattern: string, fieldLabel: string): ListLabels {
  const key = pattern.slice(pattern.lastIndexOf('.') + 1);
  if (isListKey(key)) {
    return {
      add: t(`workspaceGuide.lists.${key}.add`),
      item: (index) => t(`workspaceGuide.lists.${key}.item`, { number: index + 1 }),
      remove: (index) => t(`workspaceGuide.lists.${key}.remove`, { number: index + 1 }),
    };
  }
  return {
    add: t('workspaceGuide.lists.other.add', { label: fieldLabel }),
    item: (index) => t('workspaceGuide.lists.other.item', { label: fieldLabel, number: index + 1 }),
    remove: (index) => t('workspaceGuide.lists.other.remove', { label: fieldLabel, number: index + 1 }),
  };
}
