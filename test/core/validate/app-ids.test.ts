import { describe, expect, it } from 'vitest';
import {
  formatFingerprintWithColons,
  normalizeFingerprint,
  normalizeRsaModulus,
  validateAndroidPackage,
  validateCertificateFingerprint,
  validateIosBundleId,
  validateRsaModulus,
  validateWechatAppId,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('validateWechatAppId', () => {
  it.each(['wx1234567890abcdef', 'wxd930ea5d5a258f4f', ' wx1234567890ABCDEF '])('accepts %s', (value) => {
    expect(validateWechatAppId(value)).toEqual([]);
  });

  it.each([
    ['wx1234567890abcde', 'wechatAppId.format'],
    ['wx1234567890abcdefg', 'wechatAppId.format'],
    ['wx1234567890abcdeg', 'wechatAppId.format'],
    ['1234567890abcdef12', 'wechatAppId.format'],
    ['gh_1234567890ab', 'wechatAppId.originalId'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateWechatAppId(value))).toEqual([code]);
  });
});

describe('validateAndroidPackage', () => {
  it.each(['com.alibaba.aliyun', 'com.tencent.mm', 'cn.example.my_app', 'a.b'])('accepts %s', (value) => {
    expect(validateAndroidPackage(value)).toEqual([]);
  });

  it.each([
    ['myapp', 'androidPackage.singleSegment'],
    ['com.example.1app', 'androidPackage.segment'],
    ['com..example', 'androidPackage.segment'],
    ['com.example.', 'androidPackage.segment'],
    ['com.example-app', 'androidPackage.charset'],
    ['com.例子.app', 'androidPackage.charset'],
    [`com.${'a'.repeat(252)}`, 'androidPackage.tooLong'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateAndroidPackage(value))).toEqual([code]);
  });
});

describe('validateIosBundleId', () => {
  it.each(['com.aliyun.beian.app', 'com.example.my-app', 'COM.Example.App2'])('accepts %s', (value) => {
    expect(validateIosBundleId(value)).toEqual([]);
  });

  it.each([
    ['com.example_app', 'iosBundleId.charset'],
    ['com.example app', 'iosBundleId.charset'],
    ['com..example', 'iosBundleId.emptySegment'],
    ['.com.example', 'iosBundleId.emptySegment'],
    [`com.${'a'.repeat(152)}`, 'iosBundleId.tooLong'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateIosBundleId(value))).toEqual([code]);
  });

  it('warns about a single-segment id', () => {
    expect(validateIosBundleId('myapp')).toEqual([
      expect.objectContaining({ code: 'iosBundleId.singleSegment', severity: 'warning' }),
    ]);
  });
});

describe('certificate fingerprints', () => {
  const md5 = 'A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90';
  const sha1 = '12 34 56 78 9a bc de f0 12 34 56 78 9a bc de f0 12 34 56 78';

  it('normalises separators and case', () => {
    expect(normalizeFingerprint(md5)).toBe('A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(normalizeFingerprint('MD5: a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe(
      'A1B2C3D4E5F60718293A4B5C6D7E8F90',
    );
    expect(formatFingerprintWithColons('a1b2c3d4')).toBe('A1:B2:C3:D4');
  });

  it('accepts MD5 (Android) and SHA-1 (iOS) fingerprints in any common writing', () => {
    expect(validateCertificateFingerprint(md5)).toEqual([]);
    expect(validateCertificateFingerprint('a1b2c3d4e5f60718293a4b5c6d7e8f90', { algorithm: 'MD5' })).toEqual(
      [],
    );
    expect(validateCertificateFingerprint(sha1, { algorithm: 'SHA-1' })).toEqual([]);
  });

  it('recognises the other algorithm by length', () => {
    const issue = issueWith(
      validateCertificateFingerprint(sha1, { algorithm: 'MD5' }),
      'fingerprint.wrongAlgorithm',
    );
    expect(issue.params).toEqual({ found: 'SHA-1', expected: 'MD5' });
    expect(codes(validateCertificateFingerprint(md5, { algorithm: 'SHA-1' }))).toEqual([
      'fingerprint.wrongAlgorithm',
    ]);
    expect(codes(validateCertificateFingerprint('ab'.repeat(32), { algorithm: 'SHA-1' }))).toEqual([
      'fingerprint.wrongAlgorithm',
    ]);
  });

  it.each([
    ['A1B2C3D4E5F60718293A4B5C6D7E8F9', 'fingerprint.length'],
    ['G1B2C3D4E5F60718293A4B5C6D7E8F90', 'fingerprint.charset'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateCertificateFingerprint(value))).toEqual([code]);
  });
});

describe('validateRsaModulus', () => {
  const modulus2048 = `C${'3'.repeat(510)}5`;

  it('accepts a 2048-bit modulus with or without separators, 0x or the 00 sign byte', () => {
    expect(modulus2048).toHaveLength(512);
    expect(validateRsaModulus(modulus2048)).toEqual([]);
    expect(validateRsaModulus(`00${modulus2048}`)).toEqual([]);
    expect(validateRsaModulus(`0x${modulus2048.toLowerCase()}`)).toEqual([]);
    expect(validateRsaModulus(modulus2048.match(/.{2}/g)?.join(':') ?? '')).toEqual([]);
    expect(normalizeRsaModulus(`00:${modulus2048.slice(0, 4)}`)).toBe(modulus2048.slice(0, 4));
  });

  it.each([
    ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', 'rsaModulus.charset'],
    [`30820122300D06092A864886F70D01010105000382010F00${'3'.repeat(100)}5`, 'rsaModulus.derEncoded'],
    [`C${'3'.repeat(510)}4`, 'rsaModulus.even'],
    [`C${'3'.repeat(200)}5`, 'rsaModulus.tooShort'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateRsaModulus(value))).toEqual([code]);
  });

  it('warns about an unusual key size', () => {
    expect(validateRsaModulus(`C${'3'.repeat(300)}5`)).toEqual([
      expect.objectContaining({
        code: 'rsaModulus.unusualLength',
        severity: 'warning',
        params: { bits: 1208 },
      }),
    ]);
  });
});
