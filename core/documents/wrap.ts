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

/**
 * WORD JOINER: placed between the parts of a value that must stay on one line (2026年11月25日). UAX #14
 * forbids breaks on both sides of it; it is removed from the lines returned and never drawn.
 */
export const JOINER = '\u2060';
const JOINERS = /\u2060/g;

interface Segment {
  text: string;
  /** A mandatory break (newline) follows this segment. */
  hard: boolean;
}

function segmentsOf(text: string): Segment[] {
  const breaker = new LineBreaker(text);
  const segments: Segment[] = [];
  let last = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const raw = text.slice(last, brk.position);
    last = brk.position;
    segments.push({ text: brk.required ? raw.replace(/[\r\n\u2028\u2029]+$/, '') : raw, hard: brk.required });
  }
  return segments;
}

/** Splits a segment wider than the line into pieces that fit, character by character. */
function splitPerCharacter(segment: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of segment) {
    const w = measure(char);
    if (piece && pieceWidth + w > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Moves characters across line boundaries so that no line starts with closing punctuation and none ends
 * with opening punctuation. UAX #14 breaks already respect this for the common marks; per-character cuts and
 * a few marks UAX #14 treats differently (middle dot, ASCII punctuation after CJK) need the repair.
 */
function enforceKinsoku(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i++) {
    let prev = lines[i - 1] ?? '';
    let line = lines[i] ?? '';
    // Pull the last character of the previous line down with the punctuation (推出).
    while (line && NO_LINE_START.has([...line][0] ?? '') && [...prev].length > 1) {
      const chars = [...prev];
      const moved = chars.pop() ?? '';
      prev = chars.join('');
      line = moved + line;
      if (!NO_LINE_START.has(moved)) break;
    }
    while (prev && NO_LINE_END.has([...prev].at(-1) ?? '') && [...prev].length > 1) {
      const chars = [...prev];
      line = (chars.pop() ?? '') + line;
      prev = chars.join('');
    }
    lines[i - 1] = prev;
    lines[i] = line;
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
      // Leave one character of room so the start-of-line rule can pull a character down without overflow.
      const pieces = splitPerCharacter(visible, Math.min(width, firstLineWidth) - measure('。'), measure);
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
  return enforceKinsoku(lines.map((l) => l.replace(JOINERS, '')));
}
