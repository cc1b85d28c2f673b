import fc from 'fast-check';
import {
  chinaDate,
  chinaDateStamp,
  packetFolderName,
  RELATIVE_PATH_BUDGET,
  safeFileName,
  uniqueNames,
  unsafeNameReason,
  unsafePathReason,
} from '../../../core/packet/safe-names';

describe('safeFileName', () => {
  it.each([
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['NUL ', '_NUL'],
    ['com1.jpg', '_com1.jpg'],
    ['LPT9.txt', '_LPT9.txt'],
    ['COM10.txt', 'COM10.txt'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
  ])('keeps Windows device names out: %s → %s', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('replaces forbidden characters by their full-width twins, keeping the meaning', () => {
    expect(safeFileName('Acme: shop <v2> "a/b\\c|d?*"')).toBe('Acme： shop ＜v2＞ ＂a／b＼c｜d？＊＂');
  });

  it('drops control characters and trailing dots or spaces', () => {
    expect(safeFileName('报告\u0000\u001f\u007f. . ')).toBe('报告');
    expect(safeFileName('...')).toBe('_');
    expect(safeFileName('')).toBe('_');
  });

  it('cuts long names but keeps the extension', () => {
    const name = safeFileName(`${'营业执照'.repeat(40)}.jpg`);
    expect(Array.from(name).length).toBeLessThanOrEqual(80);
    expect(name.endsWith('.jpg')).toBe(true);
  });

  it('produces a safe name for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        expect(unsafeNameReason(safeFileName(input))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('unsafeNameReason / unsafePathReason', () => {
  it('names what is wrong', () => {
    expect(unsafeNameReason('PRN.pdf')).toBe('reserved device name');
    expect(unsafeNameReason('a:b')).toBe('character Windows forbids');
    expect(unsafeNameReason('a.')).toBe('ends with a dot or space');
    expect(unsafeNameReason('a\u0001')).toBe('control character');
    expect(unsafeNameReason('营业执照.jpg')).toBeNull();
  });

  it('checks every segment and the total length', () => {
    expect(unsafePathReason('packet/附件 Attachments/营业执照.jpg')).toBeNull();
    expect(unsafePathReason('packet/aux/x.jpg')).toMatch(/reserved/);
    expect(unsafePathReason(`${'a'.repeat(70)}/${'b'.repeat(70)}/${'c'.repeat(50)}`)).toMatch(
      String(RELATIVE_PATH_BUDGET),
    );
  });
});

describe('uniqueNames', () => {
  it('numbers repeats case-insensitively, as Windows compares names', () => {
    expect(uniqueNames(['营业执照.jpg', 'a.JPG', '营业执照.jpg', 'A.jpg'])).toEqual([
      '营业执照.jpg',
      'a.JPG',
      '营业执照 (2).jpg',
      'A (2).jpg',
    ]);
  });
});

describe('packetFolderName', () => {
  it('is <case>-<pathway>-<yyyymmdd> in China time, and safe', () => {
    const name = packetFolderName(
      '样本 SAMPLE — 澜岸家居优选: shop?',
      'filing',
      new Date('2026-11-25T17:30:00Z'),
    );
    expect(name).toBe('样本 SAMPLE — 澜岸家居优选： shop？-filing-20261126');
    expect(unsafeNameReason(name)).toBeNull();
  });

  it('stays short for very long case names', () => {
    const name = packetFolderName('x'.repeat(500), 'licence', new Date('2026-01-01T00:00:00Z'));
    expect(name.length).toBeLessThanOrEqual(90);
    expect(name.endsWith('-licence-20260101')).toBe(true);
  });

  it('dates by the calendar in China', () => {
    expect(chinaDateStamp(new Date('2026-12-31T16:00:00Z'))).toBe('20270101');
  });
});

describe('China calendar date', () => {
  it('is the UTC+8 date, so an evening export in Europe carries the next day like the folder name', () => {
    expect(chinaDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    expect(chinaDateStamp(new Date('2026-11-25T16:00:00Z'))).toBe('20261126');
  });
});
