import i18next, { type FormatterModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { Language } from '../../../electron/contract';
import { chineseDate } from '../../../core/validate/dates';
import { formatNumber, intlLocale } from '../../../core/i18n/format';

/** The Intl locale of a UI language on this machine (English follows the system's English conventions). */
export function uiLocale(language: string | undefined): string {
  return intlLocale(language === 'zh-CN' ? 'zh-CN' : 'en', globalThis.navigator?.language);
}

/**
 * Every value interpolated into UI text passes here. Numbers are grouped the language's way (100,000);
 * Chinese text writes dates 2026年10月31日, so an ISO date in Chinese UI text is shown so, in English it
 * stays as is. A number that is a name rather than a quantity (a year) is passed as a string. (The UI uses
 * no `{{value, format}}` formats, so this replaces i18next's formatter.)
 */
const UI_FORMATTER: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  format: (value: unknown, _format: string | undefined, lng: string | undefined) => {
    if (typeof value === 'number') return formatNumber(value, uiLocale(lng));
    // Any other value goes back untouched (undefined for a missing variable): i18next types the return
    // as string, but passes it on as it came.
    return lng === 'zh-CN' && typeof value === 'string' ? chineseDate(value) : (value as string);
  },
  add: () => undefined,
  addCached: () => undefined,
};

/**
 * A fresh i18next instance with both languages bundled: the app never fetches text at run time, and
 * tests get an instance of their own.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(UI_FORMATTER)
    .init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'zh-CN'],
      load: 'currentOnly',
      // Resources are bundled, so initialisation finishes before the first render.
      initAsync: false,
      // React escapes what it renders; escaping here too would show &amp; to the user.
      // alwaysFormat: every interpolated value passes through UI_FORMATTER.
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  return instance;
}
