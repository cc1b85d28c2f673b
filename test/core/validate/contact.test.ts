import { describe, expect, it } from 'vitest';
import {
  normalizeMobile,
  parseLandline,
  validateEmail,
  validateLandline,
  validateMobile,
  validatePhone,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('validateMobile', () => {
  it.each([
    '13012344321', // WeChat's example
    '17743211234', // WeChat's example
    '+86 138 1234 5678',
    '0086-13812345678',
    '8613812345678',
    '138-1234-5678',
    '(+86)19912345678',
    '１３８１２３４５６７８',
    '16612345678',
  ])('accepts %s', (value) => {
    expect(validateMobile(value)).toEqual([]);
  });

  it('normalises to the 11 digits', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('0086 138 1234 5678')).toBe('13812345678');
  });

  it.each([
    ['1381234567', 'mobile.length'],
    ['138123456789', 'mobile.length'],
    ['12812345678', 'mobile.prefix'],
    ['23812345678', 'mobile.prefix'],
    ['138a2345678', 'mobile.charset'],
    ['+852 9123 4567', 'mobile.foreign'],
    ['+1 415 555 0100', 'mobile.foreign'],
    ['   ', 'value.empty'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateMobile(value))).toEqual([code]);
  });

  it.each([
    ['+49 151 23456789', '49', 'DE'],
    ['0049 1512 3456789', '49', 'DE'],
    ['+1 415 555 0100', '1', 'US'],
    ['+33 6 12 34 56 78', '33', 'FR'],
    ['+852 9123 4567', '852', 'HK'],
  ])('reads the country code of %s as +%s (%s)', (value, countryCode, region) => {
    expect(issueWith(validateMobile(value), 'mobile.foreign').params).toEqual({ countryCode, region });
  });

  it('names the foreign country code', () => {
    expect(issueWith(validateMobile('+852 91234567'), 'mobile.foreign').params).toEqual({
      countryCode: '852',
      region: 'HK',
    });
  });
});

describe('landlines', () => {
  it.each([
    ['010-62345678', { areaCode: '010', localNumber: '62345678' }],
    ['(0571)87654321', { areaCode: '0571', localNumber: '87654321' }],
    ['0755 8765 4321', { areaCode: '0755', localNumber: '87654321' }],
    ['0755-87654321-123', { areaCode: '0755', localNumber: '87654321', extension: '123' }],
    ['021-62345678转8001', { areaCode: '021', localNumber: '62345678', extension: '8001' }],
    ['+86 21 6234 5678 ext 12', { areaCode: '021', localNumber: '62345678', extension: '12' }],
    ['0931-8123456', { areaCode: '0931', localNumber: '8123456' }],
  ])('parses %s', (value, parts) => {
    expect(parseLandline(value)).toEqual(parts);
    expect(validateLandline(value)).toEqual([]);
  });

  it.each([
    ['62345678', 'landline.areaCode'],
    ['010-12345678', 'landline.localNumber'],
    ['010-623456', 'landline.localNumber'],
    ['010-623456789', 'landline.localNumber'],
    ['tel: 010 6234', 'landline.format'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateLandline(value))).toEqual([code]);
  });

  it('validatePhone accepts a mobile or a landline and explains mobile-shaped mistakes as mobile', () => {
    expect(validatePhone('13812345678')).toEqual([]);
    expect(validatePhone('010-62345678')).toEqual([]);
    expect(codes(validatePhone('1381234567'))).toEqual(['mobile.length']);
    expect(codes(validatePhone('call me'))).toEqual(['phone.format']);
  });
});

describe('validateEmail', () => {
  it.each([
    'zhangsan@zhangsancorp.com', // WeChat's example
    'first.last+icp@example.com.cn',
    'a@b.cn',
    'info@例子.中国',
    'info@xn--fsqu00a.xn--fiqs8s',
    'Zhang.San@QQ.COM',
    'zhangsan＠qq.com',
  ])('accepts %s', (value) => {
    expect(validateEmail(value)).toEqual([]);
  });

  it.each([
    ['zhangsan', 'email.format'],
    ['a@b@c.com', 'email.format'],
    ['@qq.com', 'email.format'],
    ['zs@', 'email.format'],
    ['张三@qq.com', 'email.localPart'],
    ['zhang san@qq.com', 'email.localPart'],
    ['.zs@qq.com', 'email.dots'],
    ['z..s@qq.com', 'email.dots'],
    ['zs.@qq.com', 'email.dots'],
    [`${'a'.repeat(65)}@qq.com`, 'email.localPartTooLong'],
    ['zs@qq', 'email.domain'],
    ['zs@qq..com', 'email.domain'],
    ['zs@q_q.com', 'email.domain'],
    [`abcdefghij@${Array.from({ length: 4 }, () => 'a'.repeat(61)).join('.')}.cn`, 'email.tooLong'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateEmail(value))).toEqual([code]);
  });

  it('carries the domain problem into the message in both languages', () => {
    const issue = issueWith(validateEmail('zs@qq'), 'email.domain');
    expect(issue.message.en).toContain('at least a name and a suffix');
    expect(issue.message['zh-CN']).toContain('至少应包含名称和后缀');
  });
});
