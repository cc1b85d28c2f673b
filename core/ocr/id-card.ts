/**
 * The resident identity card (居民身份证). Front (portrait side): name, citizen ID number (checked by its
 * ISO 7064 MOD 11-2 character and its birth date), address. Back (national-emblem side): issuing authority
 * and validity, checked against the card's fixed terms (5, 10 or 20 years, or 长期).
 */
import { mod112CheckCharacter, residentIdBirthDate } from '../validate/resident-id';
import { chineseDate } from './dates';
import { cleanChinese, labelledField, levelBoxes, readField, type Piece } from './layout';
import type { ReadField, ScanCheck, ScanReading, TextBox } from './types';

export const ID_FRONT_LABELS = {
  name: ['姓名'],
  sex: ['性别'],
  ethnicity: ['民族'],
  birth: ['出生'],
  address: ['住址'],
  idNumber: ['公民身份号码'],
} as const;

export const ID_BACK_LABELS = {
  issuedBy: ['签发机关'],
  validity: ['有效期限'],
} as const;

const FRONT_STOPS = Object.values(ID_FRONT_LABELS);
const BACK_STOPS = [...Object.values(ID_BACK_LABELS), ['中华人民共和国'], ['居民身份证']];

/** Letters read where the number can only have digits (and X last). */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
};

/** An 18-character citizen ID number in a text (spaces and letter-spacing ignored). */
export function idNumberIn(text: string): string | undefined {
  const compact = text.normalize('NFKC').toUpperCase().replace(/\s/g, '');
  const match = /(?<![0-9A-Z])[0-9OIDQLZSB]{17}[0-9X](?![0-9A-Z])/.exec(compact);
  if (!match) return undefined;
  const chars = [...match[0]];
  return chars.map((c, i) => (i < 17 ? (DIGIT_LOOKALIKES[c] ?? c) : c)).join('');
}

function findIdNumber(pieces: readonly Piece[]): ReadField | undefined {
  for (const piece of [...pieces].reverse()) {
    const number = idNumberIn(piece.text.replace('公民身份号码', ''));
    if (number) return readField('idNumber', number, [piece]);
  }
  // Digits drawn letter-spaced can come back as several boxes on one row.
  const rows = new Map<number, Piece[]>();
  for (const piece of pieces) {
    const key = Math.round((piece.y0 + piece.y1) / 2 / Math.max(1, piece.y1 - piece.y0));
    rows.set(key, [...(rows.get(key) ?? []), piece]);
  }
  for (const row of rows.values()) {
    const sorted = row.filter((p) => /^[0-9X\s]+$/i.test(p.text)).sort((a, b) => a.x0 - b.x0);
    const number = idNumberIn(sorted.map((p) => p.text).join(''));
    if (number) return readField('idNumber', number, sorted);
  }
  return undefined;
}

export function readIdFront(boxes: readonly TextBox[]): ScanReading {
  const pieces = levelBoxes(boxes);
  const fields = [
    labelledField(pieces, 'name', ID_FRONT_LABELS.name, { stops: FRONT_STOPS }, (t) => t.replace(/\s/g, '')),
    findIdNumber(pieces),
    labelledField(pieces, 'address', ID_FRONT_LABELS.address, { stops: FRONT_STOPS, multiline: true }),
  ].filter((f): f is ReadField => f !== undefined);
  return { kind: 'id_card_front', fields, checks: idFrontChecks(fields) };
}

/** The number's check character and the birth date it encodes. */
export function idFrontChecks(fields: readonly ReadField[]): ScanCheck[] {
  const number = fields.find((f) => f.key === 'idNumber')?.value;
  if (number === undefined) return [{ id: 'idNumber.found', field: 'idNumber', status: 'fail' }];
  const expected = mod112CheckCharacter(number.slice(0, 17));
  return [
    {
      id: 'idNumber.checkDigit',
      field: 'idNumber',
      status: expected !== undefined && expected === number[17] ? 'pass' : 'fail',
      ...(expected !== undefined ? { expected } : {}),
      actual: number[17] ?? '',
    },
    {
      id: 'idNumber.birthDate',
      field: 'idNumber',
      status: residentIdBirthDate(number) === undefined ? 'fail' : 'pass',
      actual: number.slice(6, 14),
    },
  ];
}

/** 2015.06.12-2035.06.12, 2015.06.12-长期. */
function validity(text: string): { from: string; to: string } | undefined {
  const [fromText = '', ...rest] = text.normalize('NFKC').split(/[-—~至]+/);
  const from = chineseDate(fromText);
  if (!from) return undefined;
  const toText = rest.join('');
  if (/长期/.test(toText)) return { from, to: '长期' };
  const to = chineseDate(toText);
  return to ? { from, to } : { from, to: '' };
}

export function readIdBack(boxes: readonly TextBox[]): ScanReading {
  const pieces = levelBoxes(boxes);
  const issued = labelledField(pieces, 'issuedBy', ID_BACK_LABELS.issuedBy, { stops: BACK_STOPS }, (t) =>
    cleanChinese(t).replace(/\s/g, ''),
  );
  const term = labelledField(pieces, 'validity', ID_BACK_LABELS.validity, { stops: BACK_STOPS });
  const period = term ? validity(term.value) : undefined;
  const fields: ReadField[] = [];
  if (issued) fields.push(issued);
  if (term && period) {
    fields.push({ ...term, key: 'validFrom', value: period.from });
    if (period.to) fields.push({ ...term, key: 'validTo', value: period.to });
  }
  return { kind: 'id_card_back', fields, checks: idBackChecks(fields) };
}

/** Cards are issued for 5, 10 or 20 years (under 16, 16–25, 26–45) or without end (46 and over). */
export function idBackChecks(fields: readonly ReadField[]): ScanCheck[] {
  const from = fields.find((f) => f.key === 'validFrom')?.value;
  const to = fields.find((f) => f.key === 'validTo')?.value;
  if (!from || !to) return [{ id: 'validity.found', field: 'validTo', status: 'fail' }];
  if (to === '长期') return [{ id: 'validity.term', field: 'validTo', status: 'pass', actual: to }];
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const sameDay = to.slice(4) === from.slice(4);
  return [
    {
      id: 'validity.term',
      field: 'validTo',
      status: sameDay && [5, 10, 20].includes(years) ? 'pass' : 'fail',
      actual: `${from} – ${to}`,
    },
  ];
}
