import { describe, expect, it } from 'vitest';
import {
  parseDomain,
  registrableDomain,
  toAsciiDomain,
  validateDomain,
  validateWebsiteDomain,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('validateDomain', () => {
  it.each([
    'example.com',
    'cloud.tencent.com',
    'example.com.cn',
    'a-b.example.cn',
    'Example.COM',
    'example.com.',
    '例子.中国',
    'xn--fsqu00a.xn--fiqs8s',
    '北京大学。cn',
    `${'a'.repeat(63)}.cn`,
  ])('accepts %s', (value) => {
    expect(validateDomain(value)).toEqual([]);
  });

  it('converts IDNs to ASCII and back', () => {
    expect(toAsciiDomain('例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(parseDomain('xn--fsqu00a.xn--fiqs8s')?.unicode).toBe('例子.中国');
    expect(toAsciiDomain('EXAMPLE.com')).toBe('example.com');
  });

  it.each([
    ['https://www.example.com/path', 'domain.url'],
    ['example.com:8080', 'domain.url'],
    ['user@example.com', 'domain.url'],
    ['192.168.1.1', 'domain.ipAddress'],
    ['my_site.com', 'domain.underscore'],
    ['exa mple.com', 'domain.charset'],
    ['exa$mple.com', 'domain.charset'],
    ['例子😀.中国', 'domain.charset'],
    ['example..com', 'domain.emptyLabel'],
    ['.example.com', 'domain.emptyLabel'],
    ['-example.com', 'domain.hyphen'],
    ['example-.com', 'domain.hyphen'],
    [`${'a'.repeat(64)}.cn`, 'domain.labelTooLong'],
    [`${Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.')}.cn`, 'domain.tooLong'],
    ['localhost', 'domain.singleLabel'],
    ['example.123', 'domain.numericTld'],
    ['', 'value.empty'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateDomain(value))).toEqual([code]);
  });

  it('extracts the host from a pasted URL for the fix', () => {
    const issue = issueWith(validateDomain('https://www.example.com/about?x=1'), 'domain.url');
    expect(issue.params).toEqual({ domain: 'www.example.com' });
    expect(issue.fix['zh-CN']).toContain('www.example.com');
  });

  it('measures a long IDN label in its ASCII form', () => {
    const label = Array.from({ length: 30 }, (_, i) => String.fromCodePoint(0x4e00 + i * 397)).join('');
    expect(label).toHaveLength(30);
    expect(codes(validateDomain(`${label}.cn`))).toEqual(['domain.labelTooLong']);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['a.b.c.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['www.example.com.cn', 'example.com.cn'],
    ['shop.example.net.cn', 'example.net.cn'],
    ['www.moe.gov.cn', 'moe.gov.cn'],
    ['www.pku.edu.cn', 'pku.edu.cn'],
    ['news.example.bj.cn', 'example.bj.cn'],
    ['www.example.gd.cn', 'example.gd.cn'],
    ['www.example.cn', 'example.cn'],
    ['www.例子.中国', '例子.中国'],
    ['www.例子.公司.cn', '例子.公司.cn'],
    ['example.com.hk', 'example.com.hk'],
    ['shop.example.com.hk', 'example.com.hk'],
    ['www.example.co.uk', 'example.co.uk'],
    ['www.example.com.au', 'example.com.au'],
  ])('%s → %s', (value, expected) => {
    expect(registrableDomain(value)).toBe(expected);
  });

  it.each(['com.cn', 'sh.cn', 'cn', 'not a domain'])('has none for %s', (value) => {
    expect(registrableDomain(value)).toBeUndefined();
  });
});

describe('validateWebsiteDomain', () => {
  it('accepts a registrable domain', () => {
    expect(validateWebsiteDomain('example.com.cn')).toEqual([]);
  });

  it('accepts a registrable domain under any public suffix (example.com.hk is not a sub-domain of com.hk)', () => {
    expect(validateWebsiteDomain('example.com.hk')).toEqual([]);
    expect(codes(validateWebsiteDomain('com.hk'))).toEqual(['domain.publicSuffix']);
  });

  it('warns when a sub-domain is given and names the domain to file', () => {
    const issues = validateWebsiteDomain('www.example.com.cn');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'domain.subdomain',
      severity: 'warning',
      params: { domain: 'www.example.com.cn', registrable: 'example.com.cn' },
    });
  });

  it('rejects a bare public suffix', () => {
    expect(codes(validateWebsiteDomain('com.cn'))).toEqual(['domain.publicSuffix']);
  });

  it('passes on plain domain errors', () => {
    expect(codes(validateWebsiteDomain('exa_mple.cn'))).toEqual(['domain.underscore']);
  });
});
