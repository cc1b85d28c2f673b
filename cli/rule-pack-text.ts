/**
 * The rule pack in words, for every command that shows a result: its edition and dates, and a warning when
 * the rules may be out of date (past their review date, or more than a year old) — the same test as the app.
 */
import { formatDateWords as dateWords, type Language } from '../core/i18n/language';

/** A date in words with plain spaces: a terminal wraps where it must, and copied text stays plain. */
const formatDateWords = (iso: string, lang: Language) => dateWords(iso, lang).replace(/\u00a0/g, ' ');
import { rulePackAge, type RulePackInfo } from '../core/rules/pack';

type Info = Pick<RulePackInfo, 'version' | 'asOf' | 'reviewBy'>;

/** “Rules: edition 1, facts checked on 7 December 2026, due for review by 30 June 2027”. */
export function rulePackLine(info: Info, lang: Language): string {
  const asOf = formatDateWords(info.asOf, lang);
  const reviewBy = formatDateWords(info.reviewBy, lang);
  return lang === 'zh-CN'
    ? `规则：第 ${info.version} 版，资料核对于${asOf}，应于${reviewBy}前复核`
    : `Rules: edition ${info.version}, facts checked on ${asOf}, due for review by ${reviewBy}`;
}

/** “edition 1 of 7 December 2026”, to name a pack inside a sentence. */
export function rulePackEdition(info: Info, lang: Language): string {
  const asOf = formatDateWords(info.asOf, lang);
  return lang === 'zh-CN' ? `第 ${info.version} 版，${asOf}` : `edition ${info.version} of ${asOf}`;
}

/** The warning when the rules may be out of date on `today`, else nothing. */
export function rulePackWarning(info: Info, lang: Language, today: string): string | undefined {
  const age = rulePackAge(info, today);
  if (!age.stale) return undefined;
  const asOf = formatDateWords(info.asOf, lang);
  const reviewBy = formatDateWords(info.reviewBy, lang);
  if (lang === 'zh-CN') {
    const why =
      age.reason === 'reviewDue'
        ? `这套规则应于${reviewBy}前复核，目前已逾期`
        : `这套规则已超过一年（资料核对于${asOf}）`;
    return `注意：${why}，法规可能已有变化。请使用带有更新规则的 icp-packet，或在应用中导入更新的规则包（设置 › 规则），并在依据本结果办理前向接入服务商或通信管理局确认。`;
  }
  const why =
    age.reason === 'reviewDue'
      ? `these rules were due for review by ${reviewBy}`
      : `these rules are more than a year old (facts checked on ${asOf})`;
  return `WARNING: ${why}, and regulations may have changed since. Use an icp-packet with newer rules, or import a newer rule pack in the app (Settings → Rules), and confirm the result with your hosting provider or the communications administration before relying on it.`;
}

/** The rule line, then the warning if there is one. */
export function rulePackLines(info: Info, lang: Language, today: string): string[] {
  const warning = rulePackWarning(info, lang, today);
  return warning ? [rulePackLine(info, lang), warning] : [rulePackLine(info, lang)];
}
