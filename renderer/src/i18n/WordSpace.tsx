import { useUiLanguage } from './useUiLanguage';

/**
 * The space between two phrases the UI joins (a label and its value, a sentence and the next, a sentence and
 * a link): English separates them with a space, Chinese runs on without one (修改方法：请先保存。). A Latin
 * space there reads in Chinese as a stray gap mid-sentence. A control (button, badge) keeps its `{' '}`: that
 * gap is layout, the same in both languages.
 */
export function WordSpace() {
  return useUiLanguage() === 'zh-CN' ? null : ' ';
}
