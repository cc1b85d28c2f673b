/**
 * What the scan reader shows, in both languages: each field's label as the document prints it with its
 * English meaning, and each check's result in words. Shared by the app's confirmation list and the CLI.
 */
import type { Language } from '../i18n/language';
import type { Bilingual } from '../validate/types';
import type { ScanCheck, ScanKind } from './types';

export interface FieldLabel {
  /** The label as printed on the document (Chinese, or the passport's English). */
  printed: string;
  /** What it means, in the UI language. */
  meaning: Bilingual;
}

export const SCAN_KIND_NAMES: Readonly<Record<ScanKind, Bilingual>> = {
  business_licence: { en: 'Business licence', 'zh-CN': '营业执照' },
  id_card_front: { en: 'Resident ID card, portrait side', 'zh-CN': '居民身份证人像面' },
  id_card_back: { en: 'Resident ID card, national-emblem side', 'zh-CN': '居民身份证国徽面' },
  passport: { en: 'Passport data page (machine-readable zone)', 'zh-CN': '护照资料页（机读区）' },
};

export const SCAN_FIELD_LABELS: Readonly<Record<ScanKind, Readonly<Record<string, FieldLabel>>>> = {
  business_licence: {
    name: { printed: '名称', meaning: { en: 'Company name', 'zh-CN': '名称' } },
    uscc: {
      printed: '统一社会信用代码',
      meaning: { en: 'Unified social credit code (USCC)', 'zh-CN': '统一社会信用代码' },
    },
    type: { printed: '类型', meaning: { en: 'Company type', 'zh-CN': '类型' } },
    legalRepresentative: {
      printed: '法定代表人',
      meaning: { en: 'Legal representative', 'zh-CN': '法定代表人' },
    },
    registeredCapital: { printed: '注册资本', meaning: { en: 'Registered capital', 'zh-CN': '注册资本' } },
    establishedOn: { printed: '成立日期', meaning: { en: 'Date of establishment', 'zh-CN': '成立日期' } },
    validTo: { printed: '营业期限', meaning: { en: 'Licence term ends', 'zh-CN': '营业期限截止' } },
    address: { printed: '住所', meaning: { en: 'Registered address', 'zh-CN': '住所' } },
    businessScope: { printed: '经营范围', meaning: { en: 'Business scope', 'zh-CN': '经营范围' } },
  },
  id_card_front: {
    name: { printed: '姓名', meaning: { en: 'Name', 'zh-CN': '姓名' } },
    idNumber: { printed: '公民身份号码', meaning: { en: 'Citizen ID number', 'zh-CN': '公民身份号码' } },
    address: { printed: '住址', meaning: { en: 'Address', 'zh-CN': '住址' } },
  },
  id_card_back: {
    issuedBy: { printed: '签发机关', meaning: { en: 'Issuing authority', 'zh-CN': '签发机关' } },
    validFrom: { printed: '有效期限（起）', meaning: { en: 'Valid from', 'zh-CN': '有效期起始日' } },
    validTo: { printed: '有效期限（止）', meaning: { en: 'Valid until', 'zh-CN': '有效期截止日' } },
  },
  passport: {
    surname: { printed: 'Surname', meaning: { en: 'Surname', 'zh-CN': '姓' } },
    givenNames: { printed: 'Given names', meaning: { en: 'Given names', 'zh-CN': '名' } },
    number: { printed: 'Passport No.', meaning: { en: 'Passport number', 'zh-CN': '护照号码' } },
    nationality: {
      printed: 'Nationality',
      meaning: { en: 'Nationality (ICAO code)', 'zh-CN': '国籍（ICAO 代码）' },
    },
    birthDate: { printed: 'Date of birth', meaning: { en: 'Date of birth', 'zh-CN': '出生日期' } },
    expiryDate: { printed: 'Date of expiry', meaning: { en: 'Date of expiry', 'zh-CN': '有效期至' } },
  },
};

/** The value a field holds when the document says it never ends. */
export const NO_END = '长期';

type Words = (check: ScanCheck) => Bilingual;

const MRZ_NAMES: Readonly<Record<string, Bilingual>> = {
  'mrz.number': { en: 'passport number', 'zh-CN': '护照号码' },
  'mrz.birthDate': { en: 'date of birth', 'zh-CN': '出生日期' },
  'mrz.expiryDate': { en: 'date of expiry', 'zh-CN': '有效期' },
  'mrz.personalNumber': { en: 'personal number', 'zh-CN': '个人号码' },
  'mrz.composite': { en: 'whole zone (composite)', 'zh-CN': '整行（综合校验位）' },
};

const mrz: Words = (c) => {
  const what = MRZ_NAMES[c.id] ?? { en: c.id, 'zh-CN': c.id };
  return c.status === 'pass'
    ? { en: `Check digit of the ${what.en} matches.`, 'zh-CN': `${what['zh-CN']}的校验位正确。` }
    : {
        en: `Check digit of the ${what.en} does not match (calculated ${c.expected ?? '?'}, read ${c.actual ?? '?'}): a character was misread. Compare with the passport and correct the value.`,
        'zh-CN': `${what['zh-CN']}的校验位不符（应为 ${c.expected ?? '?'}，读到 ${c.actual ?? '?'}），有字符识别错误，请对照护照修改。`,
      };
};

const CHECK_WORDS: Readonly<Record<string, Words>> = {
  'uscc.found': () => ({
    en: 'No 18-character unified social credit code was found on the scan.',
    'zh-CN': '扫描件上未找到18位统一社会信用代码。',
  }),
  'uscc.checkCharacter': (c) =>
    c.status === 'pass'
      ? { en: 'The credit code’s check character matches.', 'zh-CN': '统一社会信用代码校验码正确。' }
      : {
          en: `The credit code’s check character does not match: the first 17 characters give ${c.expected ?? '—'}, the scan shows ${c.actual ?? '—'}. A character was misread — compare with the licence and correct it.`,
          'zh-CN': `统一社会信用代码校验码不符：按前17位应为 ${c.expected ?? '—'}，扫描件上为 ${c.actual ?? '—'}。有字符识别错误，请与执照核对后修改。`,
        },
  'uscc.qrCode': (c) =>
    c.status === 'pass'
      ? {
          en: 'The licence’s QR code carries the same credit code.',
          'zh-CN': '执照二维码中的信用代码与印刷的一致。',
        }
      : c.status === 'fail'
        ? {
            en: `The licence’s QR code carries ${c.expected ?? ''}, not the code read from the print (${c.actual ?? ''}). Check which is right.`,
            'zh-CN': `执照二维码中的信用代码为 ${c.expected ?? ''}，与印刷读出的（${c.actual ?? ''}）不同，请核对。`,
          }
        : {
            en: 'The licence’s QR code could not be read, so the credit code was checked by its check character only.',
            'zh-CN': '未能读取执照二维码，信用代码仅按校验码核对。',
          },
  'idNumber.found': () => ({
    en: 'No 18-character citizen ID number was found on the scan.',
    'zh-CN': '扫描件上未找到18位公民身份号码。',
  }),
  'idNumber.checkDigit': (c) =>
    c.status === 'pass'
      ? { en: 'The ID number’s check digit matches.', 'zh-CN': '身份证号码校验位正确。' }
      : {
          en: `The ID number’s check digit does not match (calculated ${c.expected ?? '—'}, read ${c.actual ?? '—'}): a digit was misread. Compare with the card and correct it.`,
          'zh-CN': `身份证号码校验位不符（应为 ${c.expected ?? '—'}，读到 ${c.actual ?? '—'}），有数字识别错误，请对照证件修改。`,
        },
  'idNumber.birthDate': (c) =>
    c.status === 'pass'
      ? { en: 'The birth date in the ID number is a real date.', 'zh-CN': '身份证号码中的出生日期有效。' }
      : {
          en: `The birth date in the ID number (${c.actual ?? ''}) is not a real date: a digit was misread.`,
          'zh-CN': `身份证号码中的出生日期（${c.actual ?? ''}）无效，有数字识别错误。`,
        },
  'validity.found': () => ({
    en: 'The validity period (有效期限) was not found on the scan.',
    'zh-CN': '扫描件上未找到有效期限。',
  }),
  'validity.term': (c) =>
    c.status === 'pass'
      ? {
          en: 'The validity period is one the card is issued for.',
          'zh-CN': '有效期限符合身份证的法定期限。',
        }
      : {
          en: `The validity period ${c.actual ?? ''} is not 5, 10 or 20 years to the day: a date was misread.`,
          'zh-CN': `有效期限 ${c.actual ?? ''} 不是整5年、10年或20年，日期可能识别有误。`,
        },
  'mrz.found': () => ({
    en: 'The passport’s machine-readable zone (the two lines of <<< at the bottom) was not found.',
    'zh-CN': '未找到护照机读区（资料页底部带 <<< 的两行）。',
  }),
  'mrz.number': mrz,
  'mrz.birthDate': mrz,
  'mrz.expiryDate': mrz,
  'mrz.personalNumber': mrz,
  'mrz.composite': mrz,
};

/** A check's result in words. */
export function checkWords(check: ScanCheck, lang: Language): string {
  const words = CHECK_WORDS[check.id];
  return words ? words(check)[lang] : `${check.id}: ${check.status}`;
}
