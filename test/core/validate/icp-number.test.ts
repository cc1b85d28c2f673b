import { describe, expect, it } from 'vitest';
import { MAINLAND_PROVINCES, parseIcpNumber, validateIcpNumber } from '../../../core/validate';
import { codes, issueWith } from './helpers';

const today = '2026-11-25';
const ALL_PREFIXES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕甘陇青宁新';

describe('ICP filing numbers (identifiers.md §8.1)', () => {
  it.each([...ALL_PREFIXES])('accepts the prefix %s with 8- and 10-digit serials', (prefix) => {
    expect(validateIcpNumber(`${prefix}ICP备12345678号`, { today })).toEqual([]);
    expect(validateIcpNumber(`${prefix}ICP备2023001289号-1`, { today })).toEqual([]);
  });

  it('maps every prefix to its province, both 蜀/川 and 陇/甘 included', () => {
    const covered = new Set(
      [...ALL_PREFIXES].map((prefix) => parseIcpNumber(`${prefix}ICP备12345678号`)?.province?.gbCode),
    );
    expect(covered.size).toBe(31);
    expect([...covered].sort()).toEqual(MAINLAND_PROVINCES.map((p) => p.gbCode).sort());
    expect(parseIcpNumber('蜀ICP备12014244号-2')?.province?.nameZh).toBe('四川省');
    expect(parseIcpNumber('陇ICP备2021003158号-1')?.province?.nameZh).toBe('甘肃省');
  });

  it.each([
    ['京ICP备11018762号', { kind: 'filing', prefix: '京', serial: '11018762', service: 'subject' }],
    ['京ICP备11018762号-11', { kind: 'filing', serial: '11018762', service: 'website', serviceIndex: 11 }],
    ['滇ICP备2023001289号-1', { serial: '2023001289', year: 2023, service: 'website', serviceIndex: 1 }],
    ['浙ICP备12345678号-3A', { service: 'app', serviceIndex: 3, suffix: 'A' }],
    ['粤ICP备12345678号-5X', { service: 'miniProgram', serviceIndex: 5, suffix: 'X' }],
    ['沪ICP备12345678号-2K', { service: 'quickApp', serviceIndex: 2, suffix: 'K' }],
    ['京 ICP 备 11018762 号-11', { normalized: '京ICP备11018762号-11', serviceIndex: 11 }],
    ['京icp备11018762号－11', { normalized: '京ICP备11018762号-11' }],
  ])('parses %s', (value, parts) => {
    expect(parseIcpNumber(value, { today })).toMatchObject(parts);
    expect(validateIcpNumber(value, { today })).toEqual([]);
  });

  it('points 云 and 贵 (seen in code tables, not in real numbers) to 滇 and 黔', () => {
    const yunnan = issueWith(validateIcpNumber('云ICP备12345678号', { today }), 'icpNumber.wrongPrefix');
    expect(yunnan.params).toMatchObject({ prefix: '云', suggestion: '滇', province: 'Yunnan' });
    expect(yunnan.message['zh-CN']).toContain('云南省');
    expect(
      issueWith(validateIcpNumber('贵ICP备12345678号', { today }), 'icpNumber.wrongPrefix').params,
    ).toMatchObject({
      suggestion: '黔',
    });
  });

  it.each([
    ['港ICP备12345678号', 'icpNumber.province'],
    ['京ICP备1234567号', 'icpNumber.serialLength'],
    ['京ICP备123456789号', 'icpNumber.serialLength'],
    ['京ICP备12345678', 'icpNumber.missingHao'],
    ['京ICP备12345678号-1B', 'icpNumber.format'],
    ['ICP备12345678号', 'icpNumber.format'],
    ['京ICP12345678号', 'icpNumber.format'],
    ['12345678', 'icpNumber.format'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateIcpNumber(value, { today }))).toEqual([code]);
  });

  it('warns when a 10-digit serial does not start with a plausible year', () => {
    expect(validateIcpNumber('京ICP备1999001289号', { today })).toEqual([
      expect.objectContaining({ code: 'icpNumber.year', severity: 'warning', params: { year: 1999 } }),
    ]);
    expect(codes(validateIcpNumber('京ICP备2031001289号', { today }))).toEqual(['icpNumber.year']);
  });

  it('checks the service a number belongs to', () => {
    expect(validateIcpNumber('粤ICP备12345678号-5X', { today, service: 'miniProgram' })).toEqual([]);
    const issue = issueWith(
      validateIcpNumber('粤ICP备12345678号-5', { today, service: 'miniProgram' }),
      'icpNumber.kind',
    );
    expect(issue.message.en).toBe(
      'This is a website filing number, but a mini-program filing number is expected here.',
    );
    expect(issue.message['zh-CN']).toBe('这是网站备案号码，但此处需要小程序备案号码。');
    expect(codes(validateIcpNumber('粤ICP备12345678号', { today, service: 'website' }))).toEqual([
      'icpNumber.kind',
    ]);
  });
});

describe('licence, ICP证 and public-security numbers (§8.2, §8.3)', () => {
  it.each([
    ['粤B2-20090059', { kind: 'licence', prefix: '粤', serial: '20090059', year: 2009, service: 'subject' }],
    ['浙B2-20080224-1', { kind: 'licence', service: 'website', serviceIndex: 1 }],
    ['粤B2-20090059-1626X', { kind: 'licence', service: 'miniProgram', serviceIndex: 1626, suffix: 'X' }],
    ['B2-20080101', { kind: 'licence', serial: '20080101', year: 2008 }],
    ['粤b2-20090059', { kind: 'licence', normalized: '粤B2-20090059' }],
  ])('parses %s', (value, parts) => {
    expect(parseIcpNumber(value, { today })).toMatchObject(parts);
    expect(validateIcpNumber(value, { today })).toEqual([]);
  });

  it('has no province for MIIT cross-regional licences', () => {
    expect(parseIcpNumber('B2-20080101', { today })?.province).toBeUndefined();
  });

  it.each([
    ['粤B2-2009005', 'icpNumber.format'],
    ['粤B1-20090059', 'icpNumber.format'],
    ['港B2-20090059', 'icpNumber.province'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateIcpNumber(value, { today }))).toEqual([code]);
  });

  it('warns on an implausible licence year', () => {
    expect(codes(validateIcpNumber('粤B2-19800059', { today }))).toEqual(['icpNumber.licenceYear']);
  });

  it('accepts ICP证 and public-security numbers only where allowed', () => {
    expect(parseIcpNumber('京ICP证030173号-1', { today })).toMatchObject({
      kind: 'icpCertificate',
      serviceIndex: 1,
    });
    expect(validateIcpNumber('京ICP证030173号', { today, kinds: ['icpCertificate'] })).toEqual([]);
    expect(codes(validateIcpNumber('京ICP证030173号', { today }))).toEqual(['icpNumber.format']);
    expect(parseIcpNumber('京公网安备11010802035340号', { today })).toMatchObject({
      kind: 'publicSecurity',
      serial: '11010802035340',
    });
    expect(validateIcpNumber('京公网安备 11010802035340号', { today, kinds: ['publicSecurity'] })).toEqual(
      [],
    );
    expect(
      codes(validateIcpNumber('京公网安备1101080203534号', { today, kinds: ['publicSecurity'] })),
    ).toEqual(['icpNumber.publicSecurityFormat']);
  });

  it('a field for a public-security number says that is what it expects, not an ICP number', () => {
    for (const value of ['12345', '京ICP备12345678号', '沪公网安备 3101150200000号']) {
      const [issue, ...rest] = validateIcpNumber(value, { today, kinds: ['publicSecurity'] });
      expect(rest, value).toEqual([]);
      expect(issue?.code, value).toBe('icpNumber.publicSecurityFormat');
      expect(issue?.message.en).toMatch(/public-security filing number/);
      expect(issue?.message['zh-CN']).toContain('公安联网备案号');
      expect(issue?.message['zh-CN']).not.toContain('ICP');
    }
  });
});
