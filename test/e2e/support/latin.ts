/**
 * Proper names and codes that stay in Latin letters in the Chinese UI: the app's name, the typeface and its
 * licence, language names shown in their own script, official codes (ICP, EDI, B25, B21, PDF, AppID), and the
 * words Chinese UIs keep in Latin letters (App, SDK, CDN, iOS, VIP).
 */
export const LATIN_ALLOWED_IN_CHINESE: ReadonlySet<string> = new Set([
  'ICP',
  'Packet',
  'Studio',
  'EDI',
  'B25',
  'B21',
  // Licence numbers: 粤B2-20090059.
  'B2',
  'PDF',
  'JPEG',
  'PNG',
  // The signed rule-pack file type, named as the file dialog shows it (.icprules).
  'icprules',
  // Formats the go-live kit names: the snippets' languages and the text encoding.
  'HTML',
  'WXML',
  'UTF',
  'AppID',
  'App',
  // The portals write it in capitals in Chinese text: APP名称, APP特征信息.
  'APP',
  'SDK',
  'CDN',
  'IP',
  'iOS',
  'VIP',
  // ISO country codes the nationality help cites as examples.
  'CN',
  'DE',
  'English',
  'Noto',
  'Sans',
  'SC',
  'SIL',
  'Adobe',
  // Units and codes Chinese text writes in Latin letters: file sizes, ISO country codes, IDs, APIs.
  'KB',
  'MB',
  'ISO',
  'ID',
  'API',
  // The literal prefix of a WeChat AppID (以“wx”开头).
  'wx',
  // Firms and sites the pathway's disputed views are attributed to, by their own names.
  'Kaizen',
  'CPA',
  'chinaonramp',
  'appinchina',
]);

/** A web address or domain named in Chinese text (beian.miit.gov.cn) is an address, not words. */
const withoutAddresses = (text: string) =>
  text.replace(/(?:https?:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|gov\.cn)(?:\/\S*)?/gu, '⟦⟧');

/** The Latin-letter words in `strings` that are not allowed proper names, each with the string it came from. */
export function untranslatedWords(strings: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of strings.map(withoutAddresses)) {
    // A token with a digit is a code, not a word: a version code (BADFC-67573), a licence number (B25).
    for (const word of text.match(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g) ?? []) {
      if (/\d/.test(word) || !/[A-Za-z]/.test(word)) continue;
      if (!LATIN_ALLOWED_IN_CHINESE.has(word)) found.push(`${word} (in “${text}”)`);
    }
  }
  return found;
}

const CHINESE_RUN = /[\u3400-\u9fff][\u3400-\u9fff·・、，：（）“”]*/gu;

/**
 * The Chinese at `index` of `text` has its English meaning beside it, the ways the English UI pairs them
 * (see test/locales/english-meaning.test.ts): inside parentheses, followed by its English in parentheses or
 * after a slash, or after its English as "English · 中文".
 */
function glossed(text: string, index: number, length: number): boolean {
  const before = text.slice(0, index);
  const insideParentheses = before.lastIndexOf('(') > before.lastIndexOf(')');
  const after = text.slice(index + length).replace(/^[”"’']/u, '');
  return (
    insideParentheses || /^ ?\(/u.test(after) || /^ \/ [A-Za-z]/u.test(after) || /[A-Za-z)] · $/u.test(before)
  );
}

/**
 * An identifier as the authority writes it, shown as an example of what to type: 沪ICP备2026012345号,
 * 沪B2-20260001, 沪公网安备 31011502000001号. It is copied, not read.
 */
const IDENTIFIER = /^\S*\d{8}\S*$|^\p{Script=Han}+ \d{8,}\p{Script=Han}?$/u;

/** Each Chinese run in `strings` (English UI text) without its English meaning beside it. */
export function bareChinese(strings: readonly string[]): string[] {
  return strings
    .filter((text) => !IDENTIFIER.test(text))
    .flatMap((text) =>
      [...text.matchAll(CHINESE_RUN)]
        .filter((match) => !glossed(text, match.index, match[0].length))
        .map((match) => `${match[0]} (in “${text}”)`),
    );
}

/**
 * Each Latin space between two Chinese characters or Chinese punctuation marks in `text` (text of the
 * Chinese UI): Chinese sentences run on without spaces (请先保存, 说明。查看), so a space there is a seam
 * between two joined fragments.
 */
export function strayLatinSpaces(text: string): string[] {
  return [...text.matchAll(/[\u3400-\u9fff，。：；！？、）」”》] +(?=[\u3400-\u9fff（「“《])/gu)].map(
    (match) =>
      text.slice(Math.max(0, match.index - 10), match.index + match[0].length + 10).replaceAll('\n', '⏎'),
  );
}

/**
 * English words (four letters or more) in text declared Chinese: English UI text put inside a lang="zh-CN"
 * element, which a screen reader would read with a Chinese voice ("用户数 (descriptive)").
 */
export function englishInChinese(strings: readonly string[]): string[] {
  return strings.flatMap((text) =>
    (text.match(/[A-Za-z]{4,}/g) ?? [])
      .filter((word) => !LATIN_ALLOWED_IN_CHINESE.has(word))
      .map((word) => `${word} (in “${text}”, declared Chinese)`),
  );
}
