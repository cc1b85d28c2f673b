/**
 * English plural forms for core and CLI text, by the CLDR rules of Intl.PluralRules (the renderer uses
 * i18next's `_one` / `_other` keys, which rest on the same rules). Chinese has one form and needs none.
 */
import { formatNumber } from './format';

const ENGLISH = new Intl.PluralRules('en');

/** "1 warning" / "3 warnings": the count with the noun form its plural category takes. */
export function countOf(count: number, one: string, other: string): string {
  return `${formatNumber(count, 'en')} ${ENGLISH.select(count) === 'one' ? one : other}`;
}

/** Picks between a singular and a plural sentence for `count` (when more than the noun changes). */
export function pluralForm<T>(count: number, forms: { one: T; other: T }): T {
  return ENGLISH.select(count) === 'one' ? forms.one : forms.other;
}
