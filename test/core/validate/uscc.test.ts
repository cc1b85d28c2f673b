import { describe, expect, it } from 'vitest';
import {
  MAINLAND_PROVINCES,
  organizationCodeCheckCharacter,
  parseUscc,
  usccSubjectCategory,
  usccCheckCharacter,
  validateUscc,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('validateUscc (GB 32100-2015)', () => {
  it("accepts the standard's worked example 91350100M000100Y43 (S = 1640, check 3)", () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(validateUscc('91350100M000100Y43')).toEqual([]);
  });

  it('verifies the example organisation code M000100Y4 with GB 11714 (S = 139 → 4)', () => {
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
  });

  // Real codes as printed on the organisations' licences and invoices (public records); each passes both checks.
  it.each([
    ['91440300708461136T', 'Tencent (腾讯科技（深圳）有限公司)'],
    ['91110000802100433B', 'Baidu (北京百度网讯科技有限公司)'],
    ['91330100716105852F', 'Alibaba (阿里巴巴（中国）有限公司)'],
    ['914403001922038216', 'Huawei (华为技术有限公司)'],
    ['91110108551385082Q', 'Xiaomi (小米科技有限责任公司)'],
    ['12100000400000624D', 'Tsinghua University (清华大学, national-level region 100000)'],
  ])('accepts %s — %s', (code) => {
    expect(validateUscc(code)).toEqual([]);
  });

  it('tolerates lower case, spaces and full-width characters', () => {
    expect(validateUscc(' 9135 0100 m000 100y 43 ')).toEqual([]);
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual([]);
  });

  it('reports the expected check character', () => {
    const issue = issueWith(validateUscc('91350100M000100Y47'), 'uscc.checksum');
    expect(issue.severity).toBe('error');
    expect(issue.params).toMatchObject({ expected: '3', actual: '7' });
    expect(issue.message.en).toContain('should be 3');
    expect(issue.message['zh-CN']).toContain('应为 3');
  });

  it('calls out the letters I, O, Z, S, V with their position', () => {
    const issue = issueWith(validateUscc('91350100M000100Y4Z'), 'uscc.forbiddenLetter');
    expect(issue.params).toMatchObject({ char: 'Z', position: 18 });
    expect(codes(validateUscc('9135O100M000100Y43'))).toEqual(['uscc.forbiddenLetter']);
  });

  it.each([
    ['', 'value.empty'],
    ['91350100M000100Y4', 'uscc.length'],
    ['91350100M000100Y433', 'uscc.length'],
    ['91350100M000100Y4!', 'uscc.charset'],
    ['9135A100M000100Y43', 'uscc.regionFormat'],
    ['91990100M000100Y4' + (usccCheckCharacter('91990100M000100Y4') ?? ''), 'uscc.regionProvince'],
    ['91810000M000100Y4' + (usccCheckCharacter('91810000M000100Y4') ?? ''), 'uscc.regionProvince'],
  ])('%j → %s', (input, code) => {
    expect(codes(validateUscc(input))).toContain(code);
  });

  it('warns (does not reject) on an unknown registration-authority code', () => {
    const code = 'B1350100M000100Y4' + (usccCheckCharacter('B1350100M000100Y4') ?? '');
    const issues = validateUscc(code);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'uscc.registrationAuthority', severity: 'warning' });
  });

  it('warns when characters 9–17 fail the organisation-code check although the final check passes', () => {
    const first17 = '91350100M000100Y5';
    const issues = validateUscc(first17 + (usccCheckCharacter(first17) ?? ''));
    expect(issues).toEqual([expect.objectContaining({ code: 'uscc.organizationCode', severity: 'warning' })]);
    expect(issues[0]?.params).toMatchObject({ expected: '4', actual: '5' });
  });

  it('accepts a code registered in every mainland province', () => {
    for (const province of MAINLAND_PROVINCES) {
      const first17 = `91${province.code}0100M000100Y4`;
      expect(validateUscc(first17 + (usccCheckCharacter(first17) ?? '')), province.nameEn).toEqual([]);
    }
  });

  it('splits a code into its parts', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({
      registrationAuthority: '9',
      organizationCategory: '1',
      regionCode: '350100',
      organizationCode: 'M000100Y4',
      checkCharacter: '3',
    });
    expect(parseUscc('123')).toBeUndefined();
  });

  it('tells enterprises from individual businesses and other subjects', () => {
    expect(usccSubjectCategory('91440300708461136T')).toBe('enterprise');
    expect(usccSubjectCategory('92350100M000100Y43')).toBe('individualBusiness');
    expect(usccSubjectCategory('93350100M000100Y43')).toBe('farmersCooperative');
    expect(usccSubjectCategory('12100000400000624D')).toBe('other');
    expect(usccSubjectCategory('9144')).toBeUndefined();
  });
});
