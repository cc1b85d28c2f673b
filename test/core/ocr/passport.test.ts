import { describe, expect, it } from 'vitest';
import {
  chooseLine,
  chooseLine2,
  composeTd3,
  fitLine1,
  fitLine2,
  mrzText,
  parseTd3,
  readPassport,
  td3Checks,
} from '../../../core/ocr/passport';
import { scanKindOf } from '../../../core/ocr/read';
import { box } from '../../fixtures/ocr/boxes';

// ICAO Doc 9303 part 4, appendix A: the specimen passport of Utopia.
const SPECIMEN = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
] as const;

const zone = (line1: string, line2: string) => [
  box('PASSPORT', 100, 100),
  box(line1, 100, 900, 40, { confidence: 0.93, minConfidence: 0.2 }),
  box(line2, 100, 960, 40, { confidence: 0.95, minConfidence: 0.3 }),
];

describe('passport machine-readable zone', () => {
  it('checks the ICAO specimen: every check digit passes', () => {
    const checks = td3Checks(parseTd3(...SPECIMEN));
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['mrz.number', 'pass'],
      ['mrz.birthDate', 'pass'],
      ['mrz.expiryDate', 'pass'],
      ['mrz.personalNumber', 'pass'],
      ['mrz.composite', 'pass'],
    ]);
  });

  it('composes the specimen’s lines exactly (the fixtures’ generator is right)', () => {
    expect(
      composeTd3({
        issuingState: 'UTO',
        surname: 'Eriksson',
        givenNames: 'Anna Maria',
        number: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        personal: 'ZE184226B',
      }),
    ).toEqual(SPECIMEN);
  });

  it('reads the fields, dates in the right century', () => {
    const reading = readPassport(zone(...SPECIMEN), '2026-12-07');
    expect(Object.fromEntries(reading.fields.map((f) => [f.key, f.value]))).toEqual({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      number: 'L898902C3',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
    });
  });

  it('fails the digit of a misread field and the composite, and shows what was read', () => {
    const misread = SPECIMEN[1].replace('7408122', '7408722');
    const checks = readPassport(zone(SPECIMEN[0], misread), '2026-12-07').checks;
    expect(checks.find((c) => c.id === 'mrz.birthDate')).toMatchObject({ status: 'fail', actual: '2' });
    expect(checks.find((c) => c.id === 'mrz.composite')).toMatchObject({ status: 'fail' });
    expect(checks.find((c) => c.id === 'mrz.number')).toMatchObject({ status: 'pass' });
  });

  it('reads O as 0 in a date and 0 as O in a country code (positions say which), « as <<', () => {
    const line2 = 'L898902C36UT07408I22F12O4159ZE184226B<<<<<10';
    const reading = readPassport(zone(SPECIMEN[0].replace('<<ANNA', '«ANNA'), line2), '2026-12-07');
    expect(reading.fields.find((f) => f.key === 'nationality')?.value).toBe('UTO');
    expect(reading.fields.find((f) => f.key === 'birthDate')?.value).toBe('1974-08-12');
    expect(reading.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(mrzText('P<UTO«ANNA く')).toBe('P<UTO<<ANNA<');
  });

  it('fits miscounted filler runs without moving a character that carries information', () => {
    expect(fitLine1('P<UTOERIKSSON<<ANNA<MARIA<<<<<')).toBe(SPECIMEN[0]);
    expect(fitLine2('L898902C36UTO7408122F1204159ZE184226B<<<<<<<10')).toBe(SPECIMEN[1]);
    expect(fitLine2('L898902C36UTO7408122F1204159ZE184226B<<10')).toBe(SPECIMEN[1]);
  });

  it('uses the lines’ mean confidence (runs of < read low; the check digits vouch for the numbers)', () => {
    const field = readPassport(zone(...SPECIMEN), '2026-12-07').fields[0]!;
    expect(field).toMatchObject({ confidence: 0.93, lowConfidence: false });
  });

  it('outvotes a character dropped in one reading of a line with the other readings of it', () => {
    // As read off an upside-down scan: the first reading lost the I of MARIA (43 characters).
    const [line1, line2] = zone(...SPECIMEN).slice(1);
    const boxes = [
      {
        ...line1!,
        text: 'P<UTOERIKSSON<<ANNA<MARA<<<<<<<<<<<<<<<<<<<',
        alternatives: [SPECIMEN[0], 'P<UTOERIKSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<'],
      },
      line2!,
    ];
    const reading = readPassport(boxes, '2026-12-07');
    expect(reading.fields.find((f) => f.key === 'givenNames')?.value).toBe('ANNA MARIA');
    expect(chooseLine(['ABC', 'A'.repeat(44), 'B'.repeat(44), 'A'.repeat(44)])).toBe('A'.repeat(44));
  });

  it('takes a name as the page prints it when every reading of the zone lost letters of it', () => {
    // The bundled sample's passport as the recogniser reads it: MUELLER in print, MUEER and MUELER in line 1.
    const line1 = 'P<D<<MUELLER<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<';
    const line2 = 'C01X00T478D<<7805123F3106305<<<<<<<<<<<<<<<4';
    const page = (printed: string[], read = 'P<D<<MUEER<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<') => [
      box('REISEPASS / PASSPORT', 100, 40),
      box('Name / Surname', 300, 200),
      ...printed.map((text, i) => box(text, 300, 240 + i * 80, 30, { confidence: 0.99, minConfidence: 0.9 })),
      {
        ...box(read, 100, 900, 40, { confidence: 0.77, minConfidence: 0.2 }),
        alternatives: [read.replace('MUEER', 'MUELER')],
      },
      box(line2, 100, 960, 40, { confidence: 0.94, minConfidence: 0.3 }),
    ];
    const names = (boxes: ReturnType<typeof page>) =>
      readPassport(boxes, '2026-12-07')
        .fields.filter((f) => f.key === 'surname' || f.key === 'givenNames')
        .map((f) => [f.key, f.value, f.lowConfidence]);
    expect(names(page(['MUELLER', 'ANNA']))).toEqual([
      ['surname', 'MUELLER', false],
      ['givenNames', 'ANNA', false],
    ]);
    // Printed with its umlaut, as German passports print it: compared as the zone spells it.
    expect(names(page(['MÜLLER', 'ANNA']))[0]).toEqual(['surname', 'MUELLER', false]);
    // Two printed names that would fit: neither is guessed between; the zone's reading stays, flagged.
    expect(names(page(['MUELLER', 'MUETTER', 'ANNA']))[0]).toEqual(['surname', 'MUEER', true]);
    // A zone read whole is confirmed by the print; a name the page does not print stays flagged.
    expect(names(page(['MUELLER', 'ANNA'], line1))[0]).toEqual(['surname', 'MUELLER', false]);
    expect(names(page(['ANNA'], line1))[0]).toEqual(['surname', 'MUELLER', true]);
  });

  it('takes the reading of line 2 its check digits confirm, and never alters one to pass', () => {
    const dropped = 'L898902C36UTO740812F1204159ZE184226B<<<<<10';
    const misread = SPECIMEN[1].replace('7408122', '7408722');
    expect(chooseLine2(SPECIMEN[0], [dropped, misread, SPECIMEN[1]])).toBe(SPECIMEN[1]);
    // Every reading misread: the vote stands, and its failed check is reported.
    const reading = readPassport(
      [zone(...SPECIMEN)[1]!, { ...zone(...SPECIMEN)[2]!, text: misread, alternatives: [dropped] }],
      '2026-12-07',
    );
    expect(reading.checks.find((c) => c.id === 'mrz.birthDate')).toMatchObject({ status: 'fail' });
  });

  it('reports a page without a zone', () => {
    expect(readPassport([box('PASSPORT', 0, 0)], '2026-12-07').checks).toEqual([
      { id: 'mrz.found', field: 'number', status: 'fail' },
    ]);
  });

  it('tells the documents apart by what only each one prints', () => {
    expect(scanKindOf(zone(...SPECIMEN))).toBe('passport');
    expect(scanKindOf([box('营业执照', 0, 0), box('统一社会信用代码', 0, 50)])).toBe('business_licence');
    expect(scanKindOf([box('授权书', 0, 0), box('法定代表人（签字）', 0, 50)])).toBeUndefined();
    expect(scanKindOf([box('姓名王丽', 0, 0), box('公民身份号码', 0, 50)])).toBe('id_card_front');
    expect(scanKindOf([box('签发机关上海市公安局', 0, 0), box('有效期限', 0, 50)])).toBe('id_card_back');
    // A letter that names someone's ID card (the sample's authorisation letter) is no ID card.
    const letter = [
      box('法定代表人授权书', 0, 0),
      box('兹委托王丽（运营经理，居民身份证号码：', 0, 50),
      box('310115199003152346）担任本单位小程序的负责人', 0, 100),
      box('授权期限：自本授权书签署之日起', 0, 150),
    ];
    expect(scanKindOf(letter)).toBeUndefined();
  });
});
