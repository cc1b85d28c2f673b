/**
 * `icp-packet adcheck <file.txt> [--json] [--lang en|zh-CN]`
 *
 * Checks ad copy or a store listing against the Advertising Law rules (templates/rules/ad-terms.json):
 * absolute terms, medical claims, paid endorsements without “广告”. Each finding is printed with its line
 * and column, the rule, its source and a suggested rewording.
 *
 * Exit codes: 0 nothing flagged · 1 something flagged · 2 bad input (usage, missing file, not UTF-8 text,
 * binary, empty, or longer than the checker takes at once).
 */
import { AD_TEXT_MAX_CHARS, checkAdCopy, type AdFinding } from '../../core/after/ad-check';
import type { Language } from '../../core/i18n/language';
import { InputError, defineCommand } from '../define-command';
import { readInputFile, utf8Text } from '../files';
import { sourceText } from './report';
import { formatNumber } from '../../core/i18n/format';

/** Why the checker refused the text. */
const REFUSALS = { empty: 'adEmpty', notText: 'adBinary', tooLong: 'adTooLong' } as const;

/** 1-based line and column (in characters) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function report(text: string, findings: AdFinding[], lang: Language): string {
  if (findings.length === 0) return lang === 'zh-CN' ? '未发现问题。\n' : 'Nothing flagged.\n';
  const out: string[] = [
    lang === 'zh-CN'
      ? `发现 ${findings.length} 处需要处理：`
      : `${findings.length} finding${findings.length === 1 ? '' : 's'}:`,
  ];
  for (const f of findings) {
    const { line, column } = position(text, f.start);
    const severity =
      lang === 'zh-CN'
        ? f.severity === 'ban'
          ? '禁用'
          : '需斟酌'
        : f.severity === 'ban'
          ? 'refused'
          : 'review';
    out.push(`  ${line}:${column}  “${f.text}”  ${f.title[lang]} (${severity})`);
    out.push(`      ${f.article[lang]}`);
    out.push(`      ${lang === 'zh-CN' ? '建议' : 'Suggestion'}: ${f.suggestion[lang]}`);
    for (const s of f.sources)
      out.push(`      ${lang === 'zh-CN' ? '来源' : 'Source'}: ${sourceText(s, lang)}`);
  }
  return `${out.join('\n')}\n`;
}

export default defineCommand(
  {
    options: { json: { type: 'boolean' } },
    operands: { count: 1, what: { en: 'one text file', 'zh-CN': '一个文本文件' } },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    // Read up to a bound well past the checker's limit, so that text just over it is told its length in
    // characters (the checker's refusal); a file beyond the bound is refused before it is read.
    const text = utf8Text(
      await readInputFile(file, io, {
        maxBytes: Math.max(AD_TEXT_MAX_CHARS * 4, 16 * 1024 * 1024),
        what: { en: 'ad copy the checker takes at once', 'zh-CN': '一次可检查的广告文案' },
      }),
    );
    const result = checkAdCopy(text);
    if (!result.ok) {
      const characters = result.code === 'tooLong' ? result.characters : 0;
      throw new InputError(REFUSALS[result.code], {
        file,
        characters: formatNumber(characters, 'en'),
        max: formatNumber(AD_TEXT_MAX_CHARS, 'en'),
      });
    }
    if (values.json) {
      const findings = result.findings.map((f) => ({ ...f, ...position(text, f.start) }));
      io.stdout(`${JSON.stringify({ file, characters: result.characters, findings }, null, 2)}\n`);
    } else io.stdout(report(text, result.findings, lang));
    return result.findings.length > 0 ? 1 : 0;
  },
);
