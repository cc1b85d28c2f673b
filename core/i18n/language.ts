/** The two languages of the UI and the documents' English gloss. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Resolves a language preference against the OS locale: any Chinese locale (zh, zh-CN, zh-Hans, zh-TW…)
 * selects 简体中文, since that is the only Chinese the app ships; everything else falls back to English.
 */
export function resolveLanguage(preference: 'system' | Language, systemLocale: string): Language {
  if (preference !== 'system') return preference;
  return /^zh\b/i.test(systemLocale.trim()) ? 'zh-CN' : 'en';
}
