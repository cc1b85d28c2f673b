import type { Language, LanguagePreference } from '../../../electron/contract';

/**
 * Each language is offered under its own name, whatever the UI language is, so someone who cannot read
 * the current language can still find theirs. These are deliberately not translated.
 */
export const NATIVE_LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
};

export const LANGUAGE_CHOICES: readonly LanguagePreference[] = ['system', 'en', 'zh-CN'];

export function isLanguagePreference(value: string): value is LanguagePreference {
  return (LANGUAGE_CHOICES as readonly string[]).includes(value);
}

/** The language to show: the user's choice, or for `system` the one main resolved from the OS locale. */
export function effectiveLanguage(preference: LanguagePreference, systemLanguage: Language): Language {
  return preference === 'system' ? systemLanguage : preference;
}
