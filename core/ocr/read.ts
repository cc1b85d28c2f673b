/**
 * Reading a scan's recognised text: which document it is (unless the caller knows), then that document's
 * fields and checks. Pure: text boxes in, fields and checks out.
 */
import { readIdBack, readIdFront } from './id-card';
import { readLicence } from './licence';
import { mrzText, readPassport } from './passport';
import type { ScanKind, ScanReading, TextBox } from './types';

/** What a page of text is, from words only one kind of document prints; undefined when none fits. */
export function scanKindOf(boxes: readonly TextBox[]): ScanKind | undefined {
  const text = boxes.map((b) => b.text.replace(/\s/g, '')).join('\n');
  if (boxes.some((b) => /^P[A-Z0-9<]{29,}$/.test(mrzText(b.text)))) return 'passport';
  const licenceMarks = ['营业执照', '统一社会信用代码', '经营范围', '注册资本', '成立日期', '登记机关'];
  if (licenceMarks.filter((mark) => text.includes(mark)).length >= 2) return 'business_licence';
  // Two of the labels each side prints: one alone is also how a letter names someone's ID card (居民身份证号码).
  const frontMarks = ['姓名', '性别', '民族', '出生', '住址', '公民身份号码'];
  if (frontMarks.filter((mark) => text.includes(mark)).length >= 2) return 'id_card_front';
  const backMarks = ['中华人民共和国', '居民身份证', '签发机关', '有效期限'];
  if (backMarks.filter((mark) => text.includes(mark)).length >= 2) return 'id_card_back';
  return undefined;
}

export interface ReadOptions {
  /** The document, when the caller knows it (the checklist item it is attached to). */
  kind?: ScanKind;
  /** The text of the licence's QR code, if one was decoded. */
  qrText?: string;
  /** Today (YYYY-MM-DD), for the century of an MRZ date. */
  today: string;
}

/** The fields and checks of a recognised page; undefined when its kind cannot be told. */
export function readScanText(boxes: readonly TextBox[], options: ReadOptions): ScanReading | undefined {
  const kind = options.kind ?? scanKindOf(boxes);
  switch (kind) {
    case 'business_licence':
      return readLicence(boxes, options.qrText);
    case 'id_card_front':
      return readIdFront(boxes);
    case 'id_card_back':
      return readIdBack(boxes);
    case 'passport':
      return readPassport(boxes, options.today);
    default:
      return undefined;
  }
}
