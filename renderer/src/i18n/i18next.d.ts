// Keys and placeholders of t() are typed from the English file: a missing key is a compile error.
import type en from '../../../locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
