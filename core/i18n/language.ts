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

export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 2026-12-07 → “7 December 2026” / “2026年12月7日”, for text on screen (documents use core/documents). */
export function formatDateWords(iso: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  return language === 'zh-CN' ? `${y}年${month}月${day}日` : `${day}\u00a0${EN_MONTHS[month - 1]}\u00a0${y}`;
}
