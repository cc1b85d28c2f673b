import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/contract';

/** The UI language as a key of the core's bilingual texts (`message.en`, `message['zh-CN']`). */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}
