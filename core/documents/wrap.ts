/**
 * Line breaking for Chinese and mixed Chinese/Latin text.
 *
 * Break opportunities come from UAX #14 (`linebreak`, the library pdfkit uses): it already forbids a break
 * before closing punctuation and after opening punctuation and keeps Latin words and numbers whole. Lines are
 * then filled greedily with measured widths. Only a single segment wider than the whole line (a long URL, a
 * 512-digit public key) is cut per character, and the Chinese line-start/line-end rules (禁则) are enforced on
 * the result so no cut can leave `。` at the start of a line.
 */
import LineBreaker from 'linebreak';

/** Never at the start of a line (closing punctuation, DESIGN.md §5 plus the usual 禁则 set). */
export const NO_LINE_START = new Set([
  ...'，。、；：？！）》」』】〕〉…·%‰℃,.;:?!)]}',
  '\u201d', // ”
  '\u2019', // ’
]);
/** Never at the end of a line (opening punctuation). */
export const NO_LINE_END = new Set([...'（《「『【〔〈([{', '\u201c', '\u2018']);

export type Measure = (text: string) => number;

export { JOINER } from './joiner';
const JOINERS = /\u2060/g;

interface Segment {
  text: string;
  /** A mandatory break (newline) follows this segment. */
  hard: boolean;
}

/**
 * linebreak@1.1.0 implements UAX #14 before Unicode 15.1, where the curly quotes “ ” (class QU) glue to
 * both neighbours, so 他说：“好。”我们… would be one unbreakable run. Chinese treats them as opening and
 * closing marks (as UAX #14 LB19a now does for East Asian text): allow a break after ” and before “ unless
 * the neighbour forbids it.
 */
function splitAtChineseQuotes(segment: string): string[] {
  const chars = [...segment];
  const parts: string[] = [];
  let part = '';
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    const prev = chars[i - 1];
    if (char === '\u201c' && part && prev && !NO_LINE_END.has(prev) && !/\s/.test(prev)) {
      parts.push(part);
      part = '';
    }
    part += char;
    if (char === '\u201d' && next && !NO_LINE_START.has(next) && !/\s/.test(next)) {
      parts.push(part);
      part = '';
    }
  });
  if (part) parts.push(part);
  return parts;
}

function segmentsOf(text: string): Segment[] {
  const breaker = new LineBreaker(text);
  const segments: Segment[] = [];
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const raw = text.slice(last, brk.position);
    last = brk.position;
    const parts = splitAtChineseQuotes(brk.required ? raw.replace(/[\r\n\u2028\u2029]+$/, '') : raw);
    parts.forEach((part, i) => segments.push({ text: part, hard: brk.required && i === parts.length - 1 }));
    if (parts.length === 0) segments.push({ text: '', hard: brk.required });
  }
  return segments;
}

/**
 * Splits a segment wider than the line into pieces that fit, character by character. A cut that would
 * start a piece with closing punctuation (or end one with opening punctuation) moves the character before
 * it along, so the pieces obey the line-start rules and never exceed the width.
 */
function splitPerCharacter(segment: string, width: number, measure: Measure): string[] {
  const pieces: string[][] = [];
  let piece: string[] = [];
  let pieceWidth = 0;
  for (const char of segment) {
    const w = measure(char);
    if (piece.length && pieceWidth + w > width) {
      const carried: string[] = [];
      // Carry characters down while the new piece would start with closing punctuation, or the old one
      // would end with opening punctuation.
      while (
        piece.length > 1 &&
        (NO_LINE_START.has(carried[0] ?? char) || NO_LINE_END.has(piece[piece.length - 1] ?? ''))
      ) {
        carried.unshift(piece.pop() ?? '');
      }
      pieces.push(piece);
      piece = carried;
      pieceWidth = measure(carried.join(''));
    }
    piece.push(char);
    pieceWidth += w;
  }
  if (piece.length) pieces.push(piece);
  return pieces.map((p) => p.join(''));
}

/**
 * Moves characters across line boundaries so that no line starts with closing punctuation and none ends
 * with opening punctuation. UAX #14 breaks already respect this for the common marks; per-character cuts and
 * a few marks UAX #14 treats differently (middle dot, ASCII punctuation after CJK) need the repair.
 */
function enforceKinsoku(lines: string[], width: number, measure: Measure): string[] {
  for (let i = 1; i < lines.length; i++) {
    let prev = [...(lines[i - 1] ?? '')];
    let line = [...(lines[i] ?? '')];
    // Pull the character before the punctuation down with it (推出), as long as the line still fits.
    while (NO_LINE_START.has(line[0] ?? '') || NO_LINE_END.has(prev.at(-1) ?? '')) {
      if (prev.length <= 1) break;
      const candidate = [prev.at(-1) ?? '', ...line];
      if (measure(candidate.join('')) > width) break;
      line = candidate;
      prev = prev.slice(0, -1);
    }
    lines[i - 1] = prev.join('');
    lines[i] = line.join('');
  }
  return lines;
}

/**
 * Wraps `text` into lines no wider than `width` (points, as `measure` reports). Newlines in the text are
 * kept as line breaks; spaces at a line end are dropped. `firstLineWidth` narrows the first line (indent). Lines may exceed `width` only by punctuation pulled
 * down by the start-of-line rule, which the per-character pieces leave room for.
 */
export function wrapText(
  text: string,
  width: number,
  measureText: Measure,
  firstLineWidth = width,
): string[] {
  const measure: Measure = (s) => measureText(s.replace(JOINERS, ''));
  const lines: string[] = [];
  const limit = () => (lines.length === 0 ? firstLineWidth : width);
  let line = '';
  let lineWidth = 0;
  const flush = () => {
    lines.push(line.replace(/\s+$/, ''));
    line = '';
    lineWidth = 0;
  };
  for (const { text: segment, hard } of segmentsOf(text)) {
    const visible = segment.replace(/\s+$/, '');
    const segmentWidth = measure(segment);
    const visibleWidth = visible === segment ? segmentWidth : measure(visible);
    if (line && lineWidth + visibleWidth > limit()) flush();
    if (!line && visibleWidth > limit()) {
      const pieces = splitPerCharacter(visible, limit(), measure);
      for (const piece of pieces.slice(0, -1)) {
        line = piece;
        flush();
      }
      line = pieces.at(-1) ?? '';
      lineWidth = measure(line);
      if (segment !== visible) {
        line += segment.slice(visible.length);
        lineWidth += segmentWidth - visibleWidth;
      }
    } else {
      line += segment;
      lineWidth += segmentWidth;
    }
    if (hard) flush();
  }
  if (line || lines.length === 0) flush();
  return enforceKinsoku(
    lines.map((l) => l.replace(JOINERS, '')),
    width,
    measureText,
  );
}
