/**
 * What the documents' font can print (templates/fonts/noto-sans-sc-coverage.json, made from the bundled
 * font's cmap by scripts/font-coverage.ts), so the pre-flight can name a character the build would refuse
 * (issue 22 point 5: `check` passed a case whose build then failed on an emoji).
 */
import coverage from '../../templates/fonts/noto-sans-sc-coverage.json' with { type: 'json' };
import type { CodePointRange } from './coverage-ranges';

const RANGES = coverage.ranges as CodePointRange[];
const WHITESPACE = /\s/u;

// Both functions run for every character of a case that `icp-packet check` reads, mostly before V8 has
// optimised them: indexing the range instead of destructuring it (which goes through the array iterator) and
// one regular expression instead of one per character make them about three times faster there.
export function fontPrints(point: number): boolean {
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = RANGES[mid];
    if (point < (range?.[0] ?? 0)) high = mid - 1;
    else if (point > (range?.[1] ?? -1)) low = mid + 1;
    else return true;
  }
  return false;
}

/** The distinct characters of `text` the font has no glyph for (whitespace aside), at most `max`. */
export function unprintableCharacters(text: string, max = 10): string[] {
  const found = new Set<string>();
  for (const char of text) {
    if (WHITESPACE.test(char)) continue;
    if (!fontPrints(char.codePointAt(0) ?? 0)) found.add(char);
    if (found.size >= max) break;
  }
  return [...found];
}
