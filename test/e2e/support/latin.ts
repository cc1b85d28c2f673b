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
]);

/** The Latin-letter words in `strings` that are not allowed proper names, each with the string it came from. */
export function untranslatedWords(strings: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of strings) {
    for (const word of text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
      if (!LATIN_ALLOWED_IN_CHINESE.has(word)) found.push(`${word} (in “${text}”)`);
    }
  }
  return found;
}
