/**
 * The business licence (营业执照): name, USCC, type, legal representative, registered capital, date of
 * establishment, term, address and business scope, read from its labelled rows. The 2019 layout has two
 * columns (name, type, legal representative and scope on the left; capital, dates and address on the right);
 * older and individual-business licences have one. The USCC is checked by its check character and against
 * the licence's QR code when that was read.
 */
import { usccCheckCharacter } from '../validate/uscc';
import { cleanChinese, findLabel, labelledField, levelBoxes, readField, type Piece } from './layout';
import type { ReadField, ScanCheck, ScanReading, TextBox } from './types';
import { chineseDate } from './dates';

/** Each field's label as printed, with the variants other subject types use. */
export const LICENCE_LABELS = {
  name: ['名称', '企业名称'],
  type: ['类型', '组成形式', '主体类型'],
  legalRepresentative: ['法定代表人', '负责人', '执行事务合伙人', '经营者', '投资人'],
  businessScope: ['经营范围'],
  registeredCapital: ['注册资本', '出资额', '注册资金', '出资总额'],
  establishedOn: ['成立日期', '注册日期'],
  validTo: ['营业期限', '经营期限', '合伙期限'],
  address: ['住所', '营业场所', '主要经营场所', '经营场所'],
} as const;

/** Labels that are not fields but end a value all the same. */
const OTHER_LABELS = [
  ['统一社会信用代码'],
  ['登记机关'],
  ['国家企业信用信息公示系统网址'],
  ['市场主体应当于每年'],
  ['副本'],
  ['编号'],
];

const STOPS = [...Object.values(LICENCE_LABELS), ...OTHER_LABELS];

/** Characters a USCC never has, read for the digit they look like (the check character then decides). */
const USCC_LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5', V: 'U' };

/** The 18-character code in a text, lookalike letters read as the digits they must be. */
export function usccIn(text: string): string | undefined {
  const compact = text.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  const match = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/.exec(compact);
  if (!match) return undefined;
  return [...match[0]].map((c) => USCC_LOOKALIKES[c] ?? c).join('');
}

/** The USCC a licence's QR code carries (the code itself, or a link with it as a parameter). */
export function usccInQrText(text: string): string | undefined {
  const candidates = text.toUpperCase().match(/(?<![0-9A-Z])[0-9A-HJ-NP-RT-UW-Y]{18}(?![0-9A-Z])/g) ?? [];
  return candidates.find((c) => /^[1-9ANY][0-9A-Z]\d{6}/.test(c));
}

function findUscc(pieces: readonly Piece[]): ReadField | undefined {
  const label = findLabel(pieces, ['统一社会信用代码']);
  // Beside (or under) its label first; anywhere on the page otherwise.
  const ordered = label
    ? [...pieces].sort(
        (a, b) =>
          Math.hypot(a.x0 - label.x1, a.y0 - label.row.y0) - Math.hypot(b.x0 - label.x1, b.y0 - label.row.y0),
      )
    : pieces;
  for (const piece of ordered) {
    const code = usccIn(piece.text.replace('统一社会信用代码', ''));
    if (code) return readField('uscc', code, [piece]);
  }
  return undefined;
}

function date(text: string): string {
  return chineseDate(text) ?? '';
}

/** The end of the licence term: a date, or 长期 (no end). */
function termEnd(text: string): string {
  if (/长期|永久|不约定期限/.test(text)) return '长期';
  const end = text
    .split(/至|[-—~]/)
    .slice(1)
    .join('');
  return chineseDate(end) ?? '';
}

/** 人民币500万元整 as printed, without trailing noise. */
function capital(text: string): string {
  const match = /^(.*?万?元(人民币|整)?)/.exec(text);
  return cleanChinese(match?.[1] ?? text);
}

export function readLicence(boxes: readonly TextBox[], qrText?: string): ScanReading {
  const pieces = levelBoxes(boxes);
  const options = { stops: STOPS };
  const multiline = { stops: STOPS, multiline: true };
  const fields = [
    labelledField(pieces, 'name', LICENCE_LABELS.name, multiline),
    findUscc(pieces),
    labelledField(pieces, 'type', LICENCE_LABELS.type, options),
    labelledField(pieces, 'legalRepresentative', LICENCE_LABELS.legalRepresentative, options),
    labelledField(pieces, 'registeredCapital', LICENCE_LABELS.registeredCapital, options, capital),
    labelledField(pieces, 'establishedOn', LICENCE_LABELS.establishedOn, options, date),
    labelledField(pieces, 'validTo', LICENCE_LABELS.validTo, options, termEnd),
    labelledField(pieces, 'address', LICENCE_LABELS.address, multiline),
    labelledField(pieces, 'businessScope', LICENCE_LABELS.businessScope, multiline),
  ].filter((f): f is ReadField => f !== undefined);
  return { kind: 'business_licence', fields, checks: licenceChecks(fields, qrText) };
}

/** The USCC's check character, and the QR code's USCC against the printed one. */
export function licenceChecks(fields: readonly ReadField[], qrText?: string): ScanCheck[] {
  const uscc = fields.find((f) => f.key === 'uscc')?.value;
  if (uscc === undefined) return [{ id: 'uscc.found', field: 'uscc', status: 'fail' }];
  const expected = usccCheckCharacter(uscc.slice(0, 17));
  const checks: ScanCheck[] = [
    expected === undefined
      ? { id: 'uscc.checkCharacter', field: 'uscc', status: 'fail', actual: uscc }
      : {
          id: 'uscc.checkCharacter',
          field: 'uscc',
          status: expected === uscc[17] ? 'pass' : 'fail',
          expected,
          actual: uscc[17] ?? '',
        },
  ];
  const fromQr = qrText === undefined ? undefined : usccInQrText(qrText);
  checks.push(
    fromQr === undefined
      ? { id: 'uscc.qrCode', field: 'uscc', status: 'unavailable' }
      : {
          id: 'uscc.qrCode',
          field: 'uscc',
          status: fromQr === uscc ? 'pass' : 'fail',
          expected: fromQr,
          actual: uscc,
        },
  );
  return checks;
}
