import { describe, expect, it } from 'vitest';
import {
  homeReturnPermitRegion,
  mod112CheckCharacter,
  mrzCheckDigit,
  permanentResidenceIdVersion,
  validateHomeReturnPermit,
  validatePassport,
  validatePermanentResidenceId,
  validateTaiwanPermit,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

const today = '2026-11-25';

describe('validateHomeReturnPermit (港澳居民来往内地通行证)', () => {
  it.each(['H12345678', 'M87654321', 'h 1234 5678'])('accepts %s', (value) => {
    expect(validateHomeReturnPermit(value)).toEqual([]);
  });

  it('warns about the pre-2013 11-character form and offers the 9-character number', () => {
    const issue = issueWith(validateHomeReturnPermit('H1234567801'), 'homeReturnPermit.issueCount');
    expect(issue.severity).toBe('warning');
    expect(issue.params).toEqual({ base: 'H12345678' });
  });

  it.each([
    ['A12345678', 'homeReturnPermit.prefix'],
    ['H1234567', 'homeReturnPermit.format'],
    ['H123456789', 'homeReturnPermit.format'],
    ['12345678', 'homeReturnPermit.format'],
    ['HK1234567', 'homeReturnPermit.format'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateHomeReturnPermit(value))).toEqual([code]);
  });

  it('tells Hong Kong from Macao', () => {
    expect(homeReturnPermitRegion('H12345678')).toBe('HK');
    expect(homeReturnPermitRegion('M12345678')).toBe('MO');
    expect(homeReturnPermitRegion('X1')).toBeUndefined();
  });
});

describe('validateTaiwanPermit (台湾居民来往大陆通行证)', () => {
  it('accepts the 8-digit lifelong number', () => {
    expect(validateTaiwanPermit('12345678')).toEqual([]);
  });

  it.each(['1234567801', '1234567801(B)'])('warns about the legacy form %s', (value) => {
    const issues = validateTaiwanPermit(value);
    expect(issues).toEqual([expect.objectContaining({ code: 'taiwanPermit.legacy', severity: 'warning' })]);
    expect(issues[0]?.params).toEqual({ base: '12345678' });
  });

  it.each(['1234567', 'A1234567', '123456789'])('rejects %s', (value) => {
    expect(codes(validateTaiwanPermit(value))).toEqual(['taiwanPermit.format']);
  });
});

describe('validatePassport', () => {
  it('computes the ICAO specimen check digit: L898902C3 → 6', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(validatePassport('L898902C3', { mrzCheckDigit: '6' })).toEqual([]);
    expect(
      issueWith(validatePassport('L898902C3', { mrzCheckDigit: '5' }), 'passport.mrzCheckDigit').params,
    ).toEqual({
      expected: '6',
      actual: '5',
    });
  });

  it.each(['L898902C3', '123456789', 'X1234567', 'AB12345', '12345678901234567'])('accepts %s', (value) => {
    expect(validatePassport(value)).toEqual([]);
  });

  it.each([
    ['AB12', 'passport.length'],
    ['123456789012345678', 'passport.length'],
    ['AB-1234#5', 'passport.charset'],
    ['护照12345', 'passport.charset'],
  ])('%s → %s', (value, code) => {
    expect(codes(validatePassport(value))).toEqual([code]);
  });

  it.each(['E12345678', 'EA1234567', 'G12345678'])('accepts the Chinese ordinary passport %s', (value) => {
    expect(validatePassport(value, { issuingCountry: 'CHN' })).toEqual([]);
  });

  it.each(['P1234567', 'E1234567', 'EI1234567', 'K12345678'])(
    'warns on a non-standard Chinese number %s',
    (value) => {
      expect(validatePassport(value, { issuingCountry: 'chn' })).toEqual([
        expect.objectContaining({ code: 'passport.chinaFormat', severity: 'warning' }),
      ]);
    },
  );
});

describe('validatePermanentResidenceId (外国人永久居留身份证)', () => {
  it('accepts the synthetic 2023 example of identifiers.md §6 (911840199001010018)', () => {
    expect(permanentResidenceIdVersion('911840199001010018')).toBe('2023');
    expect(validatePermanentResidenceId('911840199001010018', { today })).toEqual([]);
  });

  it('rejects a 2023 number with a wrong check character (error) and reports the expected one', () => {
    const issue = issueWith(
      validatePermanentResidenceId('911840199001010017', { today }),
      'permanentResidence2023.checksum',
    );
    expect(issue).toMatchObject({ severity: 'error', params: { expected: '8', actual: '7' } });
  });

  it('rejects an 18-digit number that does not start with 9', () => {
    expect(codes(validatePermanentResidenceId('110102198501011008', { today }))).toEqual([
      'permanentResidence2023.firstDigit',
    ]);
  });

  it('only warns about the unofficial layout parts of a 2023 number', () => {
    // province 99 and birth date 19901301 are wrong, the MOD 11-2 check is right.
    const issues = validatePermanentResidenceId(
      '99984019901301001' + mod112CheckCharacter('99984019901301001'),
      { today },
    );
    expect(codes(issues)).toEqual(['permanentResidence2023.province', 'permanentResidence2023.birthDate']);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  it('accepts a 2017 number whose layout matches (USA, Beijing 1101, 1990-01-01, 7-3-1 check)', () => {
    const first14 = 'USA11019001011';
    const number = first14 + mrzCheckDigit(first14);
    expect(permanentResidenceIdVersion(number)).toBe('2017');
    expect(validatePermanentResidenceId(number, { today })).toEqual([]);
  });

  it('only warns about the unofficial 2017 layout checks', () => {
    const issues = validatePermanentResidenceId('USA99019013011' + '0', { today });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(codes(issues)).toContain('permanentResidence2017.region');
    expect(codes(issues)).toContain('permanentResidence2017.birthDate');
  });

  it.each(['US110190010110', 'USA1101900101', '9118401990010100', 'ABCD12345678901'])(
    'rejects the shape of %s',
    (value) => {
      expect(codes(validatePermanentResidenceId(value, { today }))).toEqual(['permanentResidence.format']);
    },
  );
});
