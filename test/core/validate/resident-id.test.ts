import { describe, expect, it } from 'vitest';
import {
  MAINLAND_PROVINCES,
  mod112CheckCharacter,
  residentIdBirthDate,
  residentIdGender,
  upgradeLegacyResidentId,
  validateHmtResidencePermit,
  validateResidentId,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

const today = '2026-11-25';

describe('validateResidentId (GB 11643-1999)', () => {
  it("accepts the standard's annex example 11010519491231002X (S = 167 → X)", () => {
    expect(mod112CheckCharacter('11010519491231002')).toBe('X');
    expect(validateResidentId('11010519491231002X', { today })).toEqual([]);
  });

  it('computes the annex example 440524188001010014 (S = 195 → 4); valid in 1999, implausibly old today', () => {
    expect(mod112CheckCharacter('44052418800101001')).toBe('4');
    expect(validateResidentId('440524188001010014', { today: '1999-07-01' })).toEqual([]);
    expect(codes(validateResidentId('440524188001010014', { today }))).toEqual([
      'residentId.birthDateTooOld',
    ]);
  });

  // Synthetic numbers, one per province, check characters computed independently (Python, MOD 11-2).
  it.each([
    '110102198501011008',
    '120102198502041016',
    '130102198503071024',
    '140102198504101039',
    '150102198505131047',
    '21010219850616105X',
    '220102198507191068',
    '230102198508221072',
    '310102198509251089',
    '320102198510281092',
    '33010219851103110X',
    '340102198512061118',
    '350102198501091129',
    '360102198502121133',
    '370102198503151141',
    '410102198504181150',
    '420102198505211165',
    '430102198506241173',
    '440102198507271181',
    '450102198508021194',
    '460102198509051207',
    '500102198510081211',
    '510102198511111226',
    '520102198512141234',
    '530102198501171245',
    '54010219850220125X',
    '610102198503231264',
    '620102198504261272',
    '630102198505011285',
    '640102198506041293',
    '650102198507071306',
  ])('accepts province prefix of %s', (id) => {
    expect(validateResidentId(id, { today })).toEqual([]);
  });

  it('covers all 31 province codes in the table above', () => {
    expect(MAINLAND_PROVINCES).toHaveLength(31);
  });

  it('accepts a lower-case x and spaces', () => {
    expect(validateResidentId('110105 19491231 002x', { today })).toEqual([]);
  });

  it("rejects WeChat's placeholder 110105199001011234 and names the right check character", () => {
    const issue = issueWith(validateResidentId('110105199001011234', { today }), 'residentId.checksum');
    expect(issue.params).toMatchObject({ expected: '2', actual: '4' });
  });

  it('turns a legacy 15-digit number into an error with the likely 18-digit number', () => {
    const issue = issueWith(validateResidentId('110105491231002', { today }), 'residentId.legacy15');
    expect(issue.params).toEqual({ converted: '11010519491231002X' });
    expect(issue.fix.en).toContain('11010519491231002X');
    expect(upgradeLegacyResidentId('110105491231002')).toBe('11010519491231002X');
  });

  it.each([
    ['1101051949123100', 'residentId.length'],
    ['11010519491231002Y', 'residentId.format'],
    ['11010519491331002' + (mod112CheckCharacter('11010519491331002') ?? ''), 'residentId.birthDate'],
    ['11010520270101002' + (mod112CheckCharacter('11010520270101002') ?? ''), 'residentId.birthDateFuture'],
    ['11010518800101002' + (mod112CheckCharacter('11010518800101002') ?? ''), 'residentId.birthDateTooOld'],
    ['99010519491231002' + (mod112CheckCharacter('99010519491231002') ?? ''), 'residentId.region'],
    ['71010519491231002' + (mod112CheckCharacter('71010519491231002') ?? ''), 'residentId.region'],
    ['11010519490229002' + (mod112CheckCharacter('11010519490229002') ?? ''), 'residentId.birthDate'],
  ])('%s → %s', (id, code) => {
    expect(codes(validateResidentId(id, { today }))).toContain(code);
  });

  it('accepts 29 February of a leap year', () => {
    const first17 = '11010520000229002';
    expect(validateResidentId(first17 + (mod112CheckCharacter(first17) ?? ''), { today })).toEqual([]);
  });

  it('points a residence-permit number to the right document type', () => {
    const issues = validateResidentId('810000199001010027', { today });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'residentId.residencePermit', severity: 'warning' }),
    ]);
  });

  it('extracts gender and birth date', () => {
    expect(residentIdGender('11010519491231002X')).toBe('female');
    expect(residentIdGender('110102198501011008')).toBe('female');
    expect(residentIdGender('120102198502041016')).toBe('male');
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdGender('abc')).toBeUndefined();
    expect(residentIdBirthDate('11010519491331002X')).toBeUndefined();
  });
});

describe('validateHmtResidencePermit (港澳台居民居住证)', () => {
  it.each(['810000199001010027', '820000199001010029', '830000199001010020'])('accepts %s', (id) => {
    expect(validateHmtResidencePermit(id, { today })).toEqual([]);
  });

  it('rejects a mainland prefix', () => {
    const issue = issueWith(
      validateHmtResidencePermit('110102198501011008', { today }),
      'hmtResidencePermit.prefix',
    );
    expect(issue.params).toEqual({ prefix: '110102' });
  });

  it.each([
    ['810000199001010028', 'hmtResidencePermit.checksum'],
    ['81000019900101002', 'hmtResidencePermit.length'],
    ['8100001990010100AA', 'hmtResidencePermit.format'],
    ['81000019901301002' + (mod112CheckCharacter('81000019901301002') ?? ''), 'hmtResidencePermit.birthDate'],
  ])('%s → %s', (id, code) => {
    expect(codes(validateHmtResidencePermit(id, { today }))).toContain(code);
  });
});
