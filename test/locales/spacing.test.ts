/**
 * The Chinese UI spaces Latin letters and digits off from Chinese characters (ICP 备案, 每年 1 月, B25 类), as
 * most of its strings always did; a string that does it on one side only (办理ICP 备案) or not at all
 * (ICP备案变更) reads as a typo beside them. A full date is written as the app formats dates everywhere,
 * 2026年10月31日, and spaced off from the text before it like any number (资料核对于 2026年12月7日): a date
 * interpolated into a string counts as one.
 */
import { describe, expect, it } from 'vitest';
import zhCN from '../../locales/zh-CN.json';
import catalogue from '../../templates/fields/case-fields.json';
import adTerms from '../../templates/rules/ad-terms.json';
import preApprovals from '../../templates/rules/pre-approvals.json';
import preflightRules from '../../templates/rules/preflight-rules.json';

function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, path ? `${path}.${key}` : key),
  );
}

/** Each place a Latin letter or digit touches a Chinese character, with a little context. */
function unspaced(text: string): string[] {
  // A date starts with a digit and ends with 日: only the space before it is asked for.
  const withoutDates = text
    .replace(/\{\{(?:date|dates|asOf|reviewBy|local|since)\}\}/gu, '2026年10月31日')
    .replace(/\d{4}年\d{1,2}月\d{1,2}日/gu, '0⟨date⟩');
  return [...withoutDates.matchAll(/[A-Za-z0-9]\p{Script=Han}|\p{Script=Han}[A-Za-z0-9]/gu)].map((m) =>
    withoutDates.slice(Math.max(0, m.index - 4), m.index + 6),
  );
}

describe('Chinese UI spacing', () => {
  it('finds the mistakes it is for', () => {
    expect(unspaced('仅需办理ICP 备案变更')).toHaveLength(1);
    expect(unspaced('ICP备案变更')).toHaveLength(1);
    expect(unspaced('到期前90日')).toHaveLength(2);
    expect(unspaced('仅需办理 ICP 备案变更，于 2026年10月31日前')).toEqual([]);
    expect(unspaced('资料核对于{{asOf}}，应于 {{reviewBy}}前复核')).toHaveLength(1);
  });

  it('puts a space between Latin letters or digits and Chinese in every string of the Chinese UI', () => {
    const offenders = leaves(zhCN).flatMap(([key, text]) => unspaced(text).map((at) => `${key}: …${at}…`));
    expect(offenders).toEqual([]);
  });

  it('keeps the spacing where a sentence takes a phrase: the bottom line of the pathway result', () => {
    const { likely, what } = zhCN.pathway.bottom;
    for (const phrase of Object.values(what))
      expect(unspaced(likely.replace('{{what}}', phrase))).toEqual([]);
  });
});

describe('Chinese help text of the field catalogue', () => {
  it('spaces Latin letters and digits off from Chinese as the UI does; numbers the portal prints stay verbatim', () => {
    // A filing number is quoted as the portal prints it: 粤ICP备2024061234号-1.
    const verbatim = (text: string) => text.replace(/\p{Script=Han}ICP备\d+号(?:-\d+)?/gu, '⟨number⟩');
    const offenders = catalogue.fields.flatMap((field) =>
      unspaced(verbatim(field.help['zh-CN'])).map((at) => `${field.path}: …${at}…`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('Chinese text of the pre-flight, pre-approval and ad-check rule data', () => {
  // Verbatim: document numbers and citation years (工信部通信函〔2024〕107号, 令第5号, （2023年）), dates, filing
  // numbers and placeholders. These files' text is shown in the UI only; other rule files print into documents.
  const verbatim = (text: string) =>
    text.replace(
      /〔\d{4}〕\d+号|令第\d+号|第\d+号|\d{4}年版|（\d{4}年）|\p{Script=Han}ICP备\d+号(?:-\d+)?|\{\{?\w+\}?\}/gu,
      '⟨verbatim⟩',
    );
  function chinese(node: unknown, path: string, out: [string, string][]): [string, string][] {
    if (Array.isArray(node)) node.forEach((item, i) => chinese(item, `${path}.${i}`, out));
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        if ((key === 'zh-CN' || key === 'titleZh') && typeof value === 'string') out.push([path, value]);
        else chinese(value, `${path}.${key}`, out);
    return out;
  }

  it('spaces Latin letters and digits off from Chinese as the UI does', () => {
    const offenders = [preflightRules, preApprovals, adTerms].flatMap((data, i) =>
      chinese(data, String(i), []).flatMap(([path, text]) =>
        unspaced(verbatim(text)).map((at) => `${path}: …${at}…`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('names the user gave (files, services) in Chinese text', () => {
  // A name may be Chinese (澜岸家居优选, 营业执照.jpg): a Latin space beside it reads as a typo (删除 澜岸家居优选).
  it('are never set off from Chinese by a Latin space: quoted (移除“{{name}}”) or run on ({{name}}的页脚)', () => {
    const offenders = leaves(zhCN).filter(([, text]) =>
      /\p{Script=Han} \{\{name\}\}|\{\{name\}\} \p{Script=Han}/u.test(text),
    );
    expect(offenders.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
