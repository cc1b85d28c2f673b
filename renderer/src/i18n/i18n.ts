import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { Language } from '../../../electron/contract';

/**
 * A fresh i18next instance with both languages bundled: the app never fetches text at run time, and
 * tests get an instance of their own.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    load: 'currentOnly',
    // Resources are bundled, so initialisation finishes before the first render.
    initAsync: false,
    // React escapes what it renders; escaping here too would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
