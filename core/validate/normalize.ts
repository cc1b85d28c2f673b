/**
 * Shared clean-up for typed or pasted identifiers. NFKC folds full-width digits and letters (ＡＢ１２), which
 * Chinese input methods produce, into ASCII; whitespace of any kind (including the ideographic space) is
 * dropped because no identifier here contains spaces, but copies from PDFs and cards often do.
 */
export function compactIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, '')
    .toUpperCase();
}

/** Removes separators people type between groups: spaces, dashes, colons, dots, slashes, underscores. */
export function stripSeparators(value: string): string {
  return value.replace(/[\s:\-._/\u200b-\u200d\ufeff]+/gu, '');
}

/** A short, printable rendering of an unexpected character for messages (control chars as U+XXXX). */
export function describeChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || /\s/u.test(char)) {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return char;
}

/** Counts characters the way users and the filing portals do: one per Unicode code point, not per UTF-16 unit. */
export function countCodePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}
