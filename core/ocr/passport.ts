/**
 * The passport's machine-readable zone (ICAO Doc 9303 part 4, TD3: two lines of 44 characters). Every
 * field is read by position; each of the number, birth date and expiry date has its check digit, and the
 * composite digit covers them together. A digit that does not match is reported, never "fixed".
 *
 * Characters the recogniser confuses in the OCR-B font are read by what the position allows: a date or
 * check digit cannot be a letter (O → 0), a country code cannot be a digit (0 → O).
 */
import { mrzCheckDigit } from '../validate/permits';
import { mrzDate } from './dates';
import { levelBoxes, readField, type Piece } from './layout';
import { LOW_CONFIDENCE, type ReadField, type ScanCheck, type ScanReading, type TextBox } from './types';

const TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};
const TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
};

/** A recognised line as MRZ characters: filler variants to '<', spaces gone, upper case. */
export function mrzText(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[«≪]/g, '<<')
    .replace(/[×✕]/g, 'X')
    .replace(/[く‹〈＜〔([{]/g, '<')
    .replace(/\s/g, '');
}

const digits = (s: string) => [...s].map((c) => TO_DIGIT[c] ?? c).join('');
const letters = (s: string) => [...s].map((c) => TO_LETTER[c] ?? c).join('');

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  number: string;
  numberCheck: string;
  nationality: string;
  birth: string;
  birthCheck: string;
  sex: string;
  expiry: string;
  expiryCheck: string;
  personal: string;
  personalCheck: string;
  composite: string;
}

/** Splits the two TD3 lines into their fields (positions typed as above). */
export function parseTd3(line1: string, line2: string): MrzFields {
  const l1 = line1.padEnd(44, '<');
  const l2 = line2.padEnd(44, '<');
  const [surname = '', given = ''] = l1.slice(5, 44).split(/<<(.*)/s);
  const name = (s: string) => s.replace(/<+$/, '').replace(/</g, ' ').trim();
  return {
    documentCode: l1.slice(0, 2),
    issuingState: letters(l1.slice(2, 5)),
    surname: name(letters(surname)),
    givenNames: name(letters(given)),
    number: l2.slice(0, 9),
    numberCheck: digits(l2.slice(9, 10)),
    nationality: letters(l2.slice(10, 13)),
    birth: digits(l2.slice(13, 19)),
    birthCheck: digits(l2.slice(19, 20)),
    sex: l2.slice(20, 21),
    expiry: digits(l2.slice(21, 27)),
    expiryCheck: digits(l2.slice(27, 28)),
    personal: l2.slice(28, 42),
    personalCheck: digits(l2.slice(42, 43)),
    composite: digits(l2.slice(43, 44)),
  };
}

/** ICAO 9303 checks of a TD3 zone: each field's digit and the composite. */
export function td3Checks(m: MrzFields): ScanCheck[] {
  const check = (id: string, field: string, data: string, actual: string): ScanCheck => {
    const expected = mrzCheckDigit(data);
    return {
      id,
      field,
      status: expected !== undefined && expected === actual ? 'pass' : 'fail',
      ...(expected !== undefined ? { expected } : {}),
      actual,
    };
  };
  const composite =
    m.number +
    m.numberCheck +
    m.birth +
    m.birthCheck +
    m.expiry +
    m.expiryCheck +
    m.personal +
    m.personalCheck;
  const checks = [
    check('mrz.number', 'number', m.number, m.numberCheck),
    check('mrz.birthDate', 'birthDate', m.birth, m.birthCheck),
    check('mrz.expiryDate', 'expiryDate', m.expiry, m.expiryCheck),
  ];
  // The personal-number digit may be '<' when the field is empty (Doc 9303-4 §4.2.2).
  if (m.personal.replace(/</g, '') !== '' || m.personalCheck !== '<')
    checks.push(
      check('mrz.personalNumber', 'number', m.personal, m.personalCheck === '<' ? '0' : m.personalCheck),
    );
  checks.push(check('mrz.composite', 'number', composite, m.composite));
  return checks;
}

/**
 * Runs of fillers are where a recogniser miscounts ('<<<<<<' is hard to count): line 1 ends in fillers, so it
 * is padded or cut to 44 there; line 2's only run is the personal number's, which is fitted the same way.
 * Characters that carry information are never moved, and the check digits still cover them.
 */
export function fitLine1(line: string): string {
  if (line.length < 44) return line.padEnd(44, '<');
  return line.length > 44 && /^<+$/.test(line.slice(44)) ? line.slice(0, 44) : line;
}

export function fitLine2(line: string): string {
  if (line.length === 44) return line;
  const head = line.slice(0, 28);
  const tail = line.slice(-2);
  const middle = line.slice(28, -2);
  const content = middle.replace(/<+$/, '');
  if (line.length < 30 || content.length > 14) return line;
  return head + content.padEnd(14, '<') + tail;
}

/** A line's readings as MRZ characters: the recogniser's first, then its other readings of the line. */
function readingsOf(box: TextBox): string[] {
  return [box.text, ...(box.alternatives ?? [])].map(mrzText).filter((r) => r !== '');
}

/**
 * One line from several readings of it. Readings of the right length (44) are aligned character by
 * character and each position takes the character most of them read (the first reading's on a tie): a
 * character dropped or misread in one reading is outvoted by the others. With no reading of the right
 * length, the first reading is fitted to it (see {@link fitLine1}).
 */
export function chooseLine(readings: readonly string[], fit: (line: string) => string = fitLine1): string {
  const exact = readings.filter((r) => r.length === 44);
  if (exact.length === 0) return fit(readings[0] ?? '');
  let line = '';
  for (let i = 0; i < 44; i++) {
    const counts = new Map<string, number>();
    for (const reading of exact) counts.set(reading[i]!, (counts.get(reading[i]!) ?? 0) + 1);
    let best = exact[0]![i]!;
    for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
    line += best;
  }
  return line;
}

/**
 * The second line: the vote of {@link chooseLine}, unless one of the readings itself passes more check
 * digits than the vote (each check digit vouches for the characters it covers, so the reading it confirms
 * is the better one). A reading is only ever chosen, never altered to pass.
 */
export function chooseLine2(line1: string, readings: readonly string[]): string {
  const passes = (line2: string) =>
    td3Checks(parseTd3(line1, line2)).filter((c) => c.status === 'pass').length;
  const candidates = [chooseLine(readings, fitLine2), ...readings.filter((r) => r.length === 44)];
  return candidates.reduce((best, c) => (passes(c) > passes(best) ? c : best));
}

/** The two lines of a TD3 zone among the pieces: 30+ MRZ characters, the first starting with P. */
function findZone(pieces: readonly Piece[]): [Piece, Piece] | undefined {
  const candidates = pieces.filter((p) => /^[A-Z0-9<]{30,}$/.test(mrzText(p.box.text)));
  for (let i = 0; i < candidates.length - 1; i++) {
    const first = candidates[i]!;
    const second = candidates[i + 1]!;
    if (mrzText(first.box.text).startsWith('P')) return [first, second];
  }
  return undefined;
}

/**
 * ICAO Doc 9303's transliteration of the letters a visual zone prints beyond A–Z (part 3, section 6), for
 * comparing a printed name with the zone's; other accents are dropped (É → E).
 */
const TRANSLITERATED: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
};

/** A printed name as the machine-readable zone spells it: upper-case A–Z, words split by spaces. */
function asZoneName(text: string): string {
  return [...text.toUpperCase()]
    .map((c) => TRANSLITERATED[c] ?? c.normalize('NFD').replace(/\p{M}/gu, ''))
    .join('')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** Whether the letters of `short` appear in `long` in the same order. */
function inOrderWithin(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length;
}

/** At most this many letters a name read in the zone may lack against the name the page prints. */
const DROPPED_LETTERS = 3;

/**
 * The name as the visual zone prints it, read with confidence: the same as the zone's reading (which it then
 * confirms: line 1 reads low, its fillers being hard to read), or what that reading lost letters of. The
 * recogniser drops letters of a name in line 1, crowded by its fillers — a double letter most of all:
 * MUELLER reads as MUELER or MUEER, in every reading of the line — while it reads the printed name whole.
 * A printed name (a whole line, or one of its words) is taken when it holds every letter of the zone's
 * reading in order, begins and ends with the same letters, and has at most {@link DROPPED_LETTERS} more;
 * never when two printed names would fit.
 */
function printedName(read: string, pieces: readonly Piece[]): { value: string; piece: Piece } | undefined {
  const target = read.replace(/ /g, '');
  if (target.length < 3) return undefined;
  const found = new Map<string, Piece>();
  const confident = pieces.filter((piece) => piece.box.confidence >= LOW_CONFIDENCE);
  const same = confident.find((piece) => asZoneName(piece.box.text) === read);
  if (same) return { value: read, piece: same };
  for (const piece of confident) {
    const line = asZoneName(piece.box.text);
    for (const candidate of new Set([line, ...line.split(' ')])) {
      const letters = candidate.replace(/ /g, '');
      const extra = letters.length - target.length;
      if (extra < 1 || extra > DROPPED_LETTERS) continue;
      if (letters[0] !== target[0] || letters.at(-1) !== target.at(-1)) continue;
      if (inOrderWithin(target, letters) && !found.has(candidate)) found.set(candidate, piece);
    }
  }
  const [only, ...others] = found;
  return only && others.length === 0 ? { value: only[0], piece: only[1] } : undefined;
}

export function readPassport(boxes: readonly TextBox[], today: string): ScanReading {
  const pieces = levelBoxes(boxes);
  const zone = findZone(pieces);
  if (!zone)
    return { kind: 'passport', fields: [], checks: [{ id: 'mrz.found', field: 'number', status: 'fail' }] };
  const [first, second] = zone;
  const line1 = chooseLine(readingsOf(first.box));
  const line2 = chooseLine2(line1, readingsOf(second.box));
  const m = parseTd3(line1, line2);
  // Runs of '<' read with low confidence; the check digits vouch for the numbers, so the line's mean is used.
  const field = (key: string, value: string, piece: Piece): ReadField => {
    const read = readField(key, value, [piece]);
    return {
      ...read,
      confidence: piece.box.confidence,
      lowConfidence: piece.box.confidence < LOW_CONFIDENCE,
    };
  };
  // A name is taken as the page prints it (confirmed, or with letters the zone's reading lost), shown there.
  const name = (key: string, read: string): ReadField => {
    const printed = printedName(
      read,
      pieces.filter((p) => p !== first && p !== second),
    );
    return printed ? field(key, printed.value, printed.piece) : field(key, read, first);
  };
  const fields = [
    name('surname', m.surname),
    name('givenNames', m.givenNames),
    field('number', m.number.replace(/<+$/, ''), second),
    field('nationality', m.nationality.replace(/<+$/, ''), second),
    field('birthDate', mrzDate(m.birth, 'birth', today) ?? '', second),
    field('expiryDate', mrzDate(m.expiry, 'expiry', today) ?? '', second),
  ];
  return { kind: 'passport', fields, checks: td3Checks(m) };
}

/**
 * The two TD3 lines for a passport holder (sample scans and test fixtures): names upper-case Latin,
 * dates ISO, every check digit computed.
 */
export function composeTd3(p: {
  issuingState: string;
  surname: string;
  givenNames: string;
  number: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | '<';
  expiryDate: string;
  personal?: string;
}): [string, string] {
  const name = (s: string) => s.toUpperCase().replace(/[^A-Z]+/g, '<');
  const line1 = `P<${p.issuingState}${name(p.surname)}<<${name(p.givenNames)}`.padEnd(44, '<').slice(0, 44);
  const number = p.number.toUpperCase().padEnd(9, '<');
  const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, '');
  const personal = (p.personal ?? '').padEnd(14, '<');
  const d = (s: string) => mrzCheckDigit(s) ?? '0';
  const personalCheck = personal.replace(/</g, '') === '' ? '<' : d(personal);
  const body =
    number +
    d(number) +
    p.nationality +
    yymmdd(p.birthDate) +
    d(yymmdd(p.birthDate)) +
    p.sex +
    yymmdd(p.expiryDate) +
    d(yymmdd(p.expiryDate)) +
    personal +
    personalCheck;
  // Composite: number, birth date and expiry to the personal number, each with its check digit.
  const composite = d(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, body + composite];
}
