/**
 * Finding labelled values on a page of recognised text boxes, the way a reader scans a form: level the page
 * (photos are tilted), find each label even when its characters are spaced wide apart (名  称 (two ideographic spaces) reads as two
 * boxes, 名 and 称) or one character is misread, then take the value to its right and, for values that wrap,
 * the lines below that start in the same column — stopping at the next label, at the next column, or at a
 * gap.
 */
import type { ReadField, TextBox } from './types';
import { LOW_CONFIDENCE } from './types';

/** A text box in the levelled page: axis-aligned bounds after the page's skew is turned out. */
export interface Piece {
  box: TextBox;
  /** Text without spaces between Chinese characters. */
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';

/**
 * Recognised text as it should be stored: spaces between Chinese characters dropped (letter-spaced labels and
 * values), ASCII punctuation beside Chinese text made full-width as the documents print it.
 */
export function cleanChinese(text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  s = s.replace(new RegExp(`(?<=[${CJK}(),:;])\\s+|\\s+(?=[${CJK}(),:;])`, 'g'), '');
  s = s.replace(/\(/g, '（').replace(/\)/g, '）');
  s = s.replace(new RegExp(`(?<=[${CJK}]):|:(?=[${CJK}])`, 'g'), '：');
  s = s.replace(new RegExp(`(?<=[${CJK}]);|;(?=[${CJK}])`, 'g'), '；');
  s = s.replace(new RegExp(`(?<=[${CJK}]),|,(?=[${CJK}])`, 'g'), '，');
  return s;
}

/** Text for matching labels: no spaces, no punctuation a label never has. */
function labelText(text: string): string {
  return text.normalize('NFKC').replace(/[\s:：·.,，、()（）]/g, '');
}

/** Skew of the page, radians: median slope of the wide boxes' top edges. */
export function pageSkew(boxes: readonly TextBox[]): number {
  const slopes = boxes
    .map((b) => {
      const [[x0, y0], [x1, y1], , [, y3]] = b.quad;
      const width = Math.hypot(x1 - x0, y1 - y0);
      return { angle: Math.atan2(y1 - y0, x1 - x0), wide: width > 3 * Math.abs(y3 - y0) };
    })
    .filter((s) => s.wide)
    .map((s) => s.angle)
    .sort((a, b) => a - b);
  if (slopes.length === 0) return 0;
  return slopes[Math.floor(slopes.length / 2)]!;
}

/** Below this, a lone character is the recogniser's guess at a speck, not text (real ones read ≥ 0.9). */
const SPECK_CONFIDENCE = 0.5;

/**
 * A lone character read with little confidence: a speck of a blurred photo or of a seal the detector found
 * in the gap of a letter-spaced label (住 · 所), where it would split the label.
 */
function isSpeck(box: TextBox): boolean {
  return [...box.text.trim()].length === 1 && box.confidence < SPECK_CONFIDENCE;
}

/** A line of text turned this far (radians) from the page's own lines is not one of the page's lines. */
const ASKEW = (15 * Math.PI) / 180;

/**
 * A line written across the page rather than along it: a watermark such as the sample's 样本 SAMPLE, or the
 * 仅供备案使用 people write across copies of their ID cards, read where it crosses a field (住址 ending in
 * 样本S). Only a box wide enough for its slope to be measured is judged.
 */
function isAskew(box: TextBox, skew: number): boolean {
  const [[x0, y0], [x1, y1], , [x3, y3]] = box.quad;
  const width = Math.hypot(x1 - x0, y1 - y0);
  if (width <= 2 * Math.hypot(x3 - x0, y3 - y0)) return false;
  const turn = Math.atan2(y1 - y0, x1 - x0) - skew;
  return Math.abs(Math.atan2(Math.sin(turn), Math.cos(turn))) > ASKEW;
}

/** Every box with bounds in the levelled page, top to bottom (specks and lines across the page left out). */
export function levelBoxes(boxes: readonly TextBox[]): Piece[] {
  const skew = pageSkew(boxes);
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  return boxes
    .filter((box) => !isSpeck(box) && !isAskew(box, skew))
    .map((box) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [x, y] of box.quad) {
        xs.push(x * cos - y * sin);
        ys.push(x * sin + y * cos);
      }
      return {
        box,
        text: cleanChinese(box.text),
        x0: Math.min(...xs),
        x1: Math.max(...xs),
        y0: Math.min(...ys),
        y1: Math.max(...ys),
      };
    })
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

const height = (p: Piece) => p.y1 - p.y0;
const middle = (p: Piece) => (p.y0 + p.y1) / 2;

/** Whether two pieces sit on one row: their vertical middles within half a line of each other. */
function sameRow(a: Piece, b: Piece): boolean {
  return Math.abs(middle(a) - middle(b)) < 0.5 * Math.min(height(a), height(b));
}

/** The pieces on `piece`'s row, left to right. */
function rowOf(pieces: readonly Piece[], piece: Piece): Piece[] {
  return pieces.filter((p) => p === piece || sameRow(p, piece)).sort((a, b) => a.x0 - b.x0);
}

/** Levenshtein distance, for labels read with one character wrong (法定代表入). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** How many characters of `text` a label takes at its start, or −1 when it does not start with the label. */
function labelPrefix(text: string, label: string): number {
  if (text.startsWith(label)) return label.length;
  // Four characters or more: one misread, missing or extra character is still the label.
  if (label.length >= 4) {
    for (const length of [label.length, label.length - 1, label.length + 1]) {
      if (text.length >= length && distance(text.slice(0, length), label) <= 1) return length;
    }
  }
  return -1;
}

/** A label found on the page: where it ends, and the rest of its last piece (the value's start). */
export interface FoundLabel {
  label: string;
  pieces: Piece[];
  /** Text after the label in the label's last piece. */
  rest: string;
  /** Left edge of the label, right edge of its last character. */
  x0: number;
  x1: number;
  row: Piece;
}

/**
 * Where `labels` (variants of one label) first occur: a piece starting with one of them, or consecutive
 * pieces on a row that spell it (a letter-spaced label). The topmost match wins.
 */
export function findLabel(pieces: readonly Piece[], labels: readonly string[]): FoundLabel | undefined {
  for (const start of pieces) {
    const row = rowOf(pieces, start);
    const from = row.indexOf(start);
    for (const label of labels) {
      let joined = '';
      for (let j = from; j < row.length; j++) {
        const piece = row[j]!;
        const before = joined.length;
        const own = labelText(piece.text);
        joined += own;
        const taken = labelPrefix(joined, label);
        if (taken >= 0 && taken > before) {
          // The label's characters end inside this piece: the rest of it is where the value starts.
          const share = Math.min(1, (taken - before) / Math.max(1, own.length));
          return {
            label,
            pieces: row.slice(from, j + 1),
            rest: restAfter(piece.text, taken - before),
            x0: start.x0,
            x1: piece.x0 + (piece.x1 - piece.x0) * share,
            row: start,
          };
        }
        // Only a letter-spaced label is split over pieces, and its pieces are a character or two each.
        if (own.length > 2 || joined.length >= label.length) break;
      }
    }
  }
  return undefined;
}

/** `text` after its first `count` label characters (spaces and punctuation a label never has are skipped). */
function restAfter(text: string, count: number): string {
  let seen = 0;
  let i = 0;
  const chars = [...text];
  while (i < chars.length && seen < count) {
    if (labelText(chars[i]!) !== '') seen++;
    i++;
  }
  return chars
    .slice(i)
    .join('')
    .replace(/^[\s:：]+/, '');
}

export interface ValueOptions {
  /** The value may wrap onto the lines below (a business scope, an address). */
  multiline?: boolean;
  /** Labels that end a value (every label of the document). */
  stops: readonly (readonly string[])[];
}

/** Whether a piece begins with any label of `stops`. */
function isLabelPiece(pieces: readonly Piece[], piece: Piece, stops: ValueOptions['stops']): boolean {
  const text = labelText(piece.text);
  if (stops.some((variants) => variants.some((label) => labelPrefix(text, label) >= 0))) return true;
  // A letter-spaced label's first character: its row spells a label from here.
  if (text.length <= 2) {
    const found = stops.some((variants) => {
      const hit = findLabel(
        rowOf(pieces, piece).filter((p) => p.x0 >= piece.x0),
        variants,
      );
      return hit !== undefined && hit.pieces[0] === piece;
    });
    return found;
  }
  return false;
}

/** The value beside a found label: the pieces it was read from and its text. */
export interface Value {
  text: string;
  pieces: Piece[];
  /** Confidence of the label's last piece when the value started inside it. */
  restPiece?: Piece;
}

/**
 * The value of a label: the rest of the label's piece, the pieces to its right on the row (up to the next
 * label), and for a multi-line value the lines below that start in the value's column, until the next
 * label, a wide gap, or the end of the column.
 */
export function valueOf(pieces: readonly Piece[], found: FoundLabel, options: ValueOptions): Value {
  const lastLabelPiece = found.pieces[found.pieces.length - 1]!;
  const row = rowOf(pieces, found.row);
  const parts: string[] = [];
  const used: Piece[] = [];
  let restPiece: Piece | undefined;
  if (found.rest.trim()) {
    parts.push(found.rest);
    restPiece = lastLabelPiece;
  }
  let valueX = found.rest.trim() ? found.x1 : Infinity;
  let lineRight = lastLabelPiece.x1;
  for (const piece of row) {
    // Boxes grow a little around their text, so a value's box may overlap its label's.
    if (found.pieces.includes(piece) || (piece.x0 + piece.x1) / 2 <= lastLabelPiece.x1) continue;
    if (isLabelPiece(pieces, piece, options.stops)) break;
    parts.push(piece.text);
    used.push(piece);
    valueX = Math.min(valueX, piece.x0);
    lineRight = piece.x1;
  }
  if (options.multiline && valueX !== Infinity) {
    const lineHeight = height(found.row);
    // The column ends where a label stands to the right of the value on the rows the value spans.
    const columnRight = Math.min(
      ...pieces
        .filter(
          (p) =>
            p.x0 > lineRight && p.y0 > found.row.y0 - lineHeight && isLabelPiece(pieces, p, options.stops),
        )
        .map((p) => p.x0),
      Infinity,
    );
    let bottom = Math.max(found.row.y1, ...used.map((p) => p.y1));
    const below = pieces.filter((p) => middle(p) > middle(found.row) + lineHeight * 0.6 && !row.includes(p));
    for (const line of groupRows(below)) {
      const top = Math.min(...line.map((p) => p.y0));
      if (top - bottom > lineHeight * 1.2) break;
      // A label in the label column (or anywhere in the value's column) ends the value.
      const inColumn = line.filter((p) => p.x0 >= valueX - lineHeight && p.x0 < columnRight - lineHeight / 2);
      const labelHere = line.some(
        (p) =>
          p.x1 > found.x0 - lineHeight &&
          p.x0 < valueX + lineHeight &&
          isLabelPiece(pieces, p, options.stops),
      );
      if (labelHere || inColumn.length === 0) break;
      const starts = Math.min(...inColumn.map((p) => p.x0));
      if (Math.abs(starts - valueX) > lineHeight * 1.5) break;
      for (const piece of inColumn) {
        parts.push(piece.text);
        used.push(piece);
      }
      bottom = Math.max(...inColumn.map((p) => p.y1));
    }
  }
  return { text: cleanChinese(parts.join(' ')), pieces: used, ...(restPiece ? { restPiece } : {}) };
}

/** Pieces grouped into rows, top to bottom, each left to right. */
export function groupRows(pieces: readonly Piece[]): Piece[][] {
  const rows: Piece[][] = [];
  for (const piece of [...pieces].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.find((r) => sameRow(r[0]!, piece));
    if (row) row.push(piece);
    else rows.push([piece]);
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** A field read from pieces: its value, the lowest confidence among them, and where on the page it is. */
export function readField(key: string, value: string, pieces: readonly Piece[]): ReadField {
  const boxes = pieces.map((p) => p.box);
  const confidence = boxes.length ? Math.min(...boxes.map((b) => b.minConfidence)) : 0;
  const xs = boxes.flatMap((b) => b.quad.map(([x]) => x));
  const ys = boxes.flatMap((b) => b.quad.map(([, y]) => y));
  const x = xs.length ? Math.min(...xs) : 0;
  const y = ys.length ? Math.min(...ys) : 0;
  return {
    key,
    value,
    confidence,
    lowConfidence: confidence < LOW_CONFIDENCE,
    source: {
      x: Math.max(0, x),
      y: Math.max(0, y),
      width: xs.length ? Math.max(...xs) - x : 0,
      height: ys.length ? Math.max(...ys) - y : 0,
    },
  };
}

/** The value of a label as a field, or undefined when the label or its value is not on the page. */
export function labelledField(
  pieces: readonly Piece[],
  key: string,
  labels: readonly string[],
  options: ValueOptions,
  clean: (text: string) => string = (t) => t,
): ReadField | undefined {
  const found = findLabel(pieces, labels);
  if (!found) return undefined;
  const value = valueOf(pieces, found, options);
  const text = clean(value.text);
  if (!text) return undefined;
  return readField(key, text, value.restPiece ? [value.restPiece, ...value.pieces] : value.pieces);
}
