/**
 * The characters a font maps to a glyph, as sorted inclusive code-point ranges — how the documents' font
 * coverage is stored (templates/fonts/noto-sans-sc-coverage.json) and checked against the font itself.
 */
import { parseFont } from './font';

export type CodePointRange = [first: number, last: number];

export function fontCoverageRanges(fontBytes: Uint8Array): CodePointRange[] {
  const points = [...parseFont(fontBytes).characterSet].sort((a, b) => a - b);
  const ranges: CodePointRange[] = [];
  for (const point of points) {
    const last = ranges.at(-1);
    if (last && point === last[1] + 1) last[1] = point;
    else ranges.push([point, point]);
  }
  return ranges;
}
