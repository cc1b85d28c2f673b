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
import { parseArgs } from 'node:util';
import { AD_TEXT_MAX_CHARS, checkAdCopy, type AdFinding } from '../../core/after/ad-check';
import type { CliCommand, CliIo } from '../command';
import { readUtf8File } from './after-input';
import { InputError, withInputErrors } from './input';

const USAGE = 'adcheck <file.txt> [--json] [--lang en|zh-CN]';

/** 1-based line and column (in characters) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function report(text: string, findings: AdFinding[], lang: 'en' | 'zh-CN'): string {
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
      out.push(`      ${lang === 'zh-CN' ? '来源' : 'Source'}: ${s.title}${s.url ? ` ${s.url}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, lang: { type: 'string', default: 'en' } },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\nUsage: icp-packet ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new InputError(`expected exactly one text file.\nUsage: icp-packet ${USAGE}`);
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'zh-CN')
    throw new InputError(`--lang must be en or zh-CN, not "${String(lang)}".`);
  const file = positionals[0] ?? '';
  const text = await readUtf8File(file, io);
  const result = checkAdCopy(text);
  if (!result.ok) {
    switch (result.code) {
      case 'empty':
        throw new InputError(`${file} holds no text to check.`);
      case 'notText':
        throw new InputError(`${file} looks like binary data, not text: nothing was checked.`);
      case 'tooLong':
        throw new InputError(
          `${file} has ${result.characters.toLocaleString('en')} characters; the checker takes at most ${AD_TEXT_MAX_CHARS.toLocaleString('en')} at once. Split it and check the parts.`,
        );
    }
  }
  if (values.json) {
    const findings = result.findings.map((f) => ({ ...f, ...position(text, f.start) }));
    io.stdout(`${JSON.stringify({ file, characters: result.characters, findings }, null, 2)}\n`);
  } else io.stdout(report(text, result.findings, lang));
  return result.findings.length > 0 ? 1 : 0;
}

export const adcheckCommand: CliCommand = {
  name: 'adcheck',
  usage: USAGE,
  summary: 'check ad copy or a store listing for Advertising Law problems (exit 1 when flagged)',
  run: (args, io) => withInputErrors('adcheck', io, () => run(args, io)),
};
