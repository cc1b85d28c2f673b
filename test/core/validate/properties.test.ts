import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as validate from '../../../core/validate';
import type { ValidationIssue } from '../../../core/validate';

/** Every validator, called the way a form would call it. */
const validators: Record<string, (value: string) => ValidationIssue[]> = {
  uscc: validate.validateUscc,
  residentId: (v) => validate.validateResidentId(v, { today: '2026-11-25' }),
  hmtResidencePermit: (v) => validate.validateHmtResidencePermit(v),
  homeReturnPermit: validate.validateHomeReturnPermit,
  taiwanPermit: validate.validateTaiwanPermit,
  passport: (v) => validate.validatePassport(v, { issuingCountry: 'CHN', mrzCheckDigit: '3' }),
  permanentResidence: (v) => validate.validatePermanentResidenceId(v),
  mobile: validate.validateMobile,
  landline: validate.validateLandline,
  phone: validate.validatePhone,
  email: validate.validateEmail,
  domain: validate.validateDomain,
  websiteDomain: validate.validateWebsiteDomain,
  wechatAppId: validate.validateWechatAppId,
  androidPackage: validate.validateAndroidPackage,
  iosBundleId: validate.validateIosBundleId,
  md5: (v) => validate.validateCertificateFingerprint(v, { algorithm: 'MD5' }),
  sha1: (v) => validate.validateCertificateFingerprint(v, { algorithm: 'SHA-1' }),
  rsaModulus: validate.validateRsaModulus,
  icpNumber: (v) =>
    validate.validateIcpNumber(v, {
      kinds: ['filing', 'licence', 'icpCertificate', 'publicSecurity'],
      service: 'website',
    }),
  date: (v) => validate.validateDate(v, { allowPermanent: true }),
  validUntil: (v) => validate.validUntilAtLeast(v, '2026-11-25'),
  validityPeriod: (v) =>
    validate.validateValidityPeriod({ start: v, end: v }, { submissionDate: '2026-11-25', province: v }),
  chineseText: validate.validateChineseText,
  length: (v) => validate.checkLength(v, { min: 20, max: 200 }, { en: 'Remarks', 'zh-CN': '备注' }),
  fieldLimit: (v) => validate.checkFieldLimit('wechat.applets.comment', v),
  websiteName: (v) =>
    validate.validateServiceName(v, {
      service: 'website',
      subjectType: 'personal',
      province: '510000',
      unitName: v,
    }),
  miniProgramName: (v) => validate.validateServiceName(v, { service: 'miniProgram', platform: 'douyin' }),
  appName: (v) => validate.validateServiceName(v, { service: 'app' }),
};

/** Random input of the kinds users paste: any Unicode, control characters, near-valid shapes, very long text. */
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0007', '\n', '\t', '\u200b', '\ufeff', '\ud800', '\udfff', '\u3000'),
    maxLength: 10,
  }),
  fc.stringMatching(/^[0-9A-Z]{15,20}$/),
  fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9.@\-:/]{1,40}$/),
  fc.constantFrom('', ' ', '长期', '京ICP备', 'xn--', 'xn--zz', '.', '@', '+86', '0x', '9'.repeat(30)),
  // Very long input, built by repetition because generating 20,000 random code points per run is slow.
  fc
    .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.integer({ min: 250, max: 1000 }))
    .map(([chunk, times]) => chunk.repeat(times)),
);

function expectWellFormed(issues: unknown): void {
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues as ValidationIssue[]) {
    expect(issue.code).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
    expect(['error', 'warning']).toContain(issue.severity);
    for (const text of [issue.message.en, issue.message['zh-CN'], issue.fix.en, issue.fix['zh-CN']]) {
      expect(typeof text).toBe('string');
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\{\{\w+\}\}/);
    }
    for (const value of Object.values(issue.params ?? {}))
      expect(['string', 'number']).toContain(typeof value);
  }
}

// Property runs are CPU-bound; a loaded CI machine gets more than the default 5 s (no timing is asserted).
describe('validators never throw and always return well-formed bilingual issues', { timeout: 30_000 }, () => {
  it.each(Object.entries(validators))('%s', (_name, validator) => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expectWellFormed(validator(value));
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(validators))(
    '%s rejects non-string input with value.notText',
    (_name, validator) => {
      for (const value of [undefined, null, 42, {}, []]) {
        const issues = validator(value as unknown as string);
        expectWellFormed(issues);
        expect(issues.length).toBeGreaterThan(0);
      }
    },
  );

  it('parsers and helpers never throw either', () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        validate.parseDomain(value);
        validate.registrableDomain(value);
        validate.toAsciiDomain(value);
        validate.parseIcpNumber(value);
        validate.parseDateInput(value);
        validate.parseLandline(value);
        validate.parseUscc(value);
        validate.normalizeMobile(value);
        validate.residentIdGender(value);
        validate.residentIdBirthDate(value);
        validate.upgradeLegacyResidentId(value);
        validate.permanentResidenceIdVersion(value);
        validate.normalizeFingerprint(value);
        validate.measureLength(value, 'wideAsTwo');
      }),
      { numRuns: 300 },
    );
  });

  it('a valid value stays valid after common typing noise (a space anywhere, lower case)', () => {
    const today = '2026-11-25';
    const cases: [string, (value: string) => ValidationIssue[]][] = [
      ['91350100M000100Y43', validate.validateUscc],
      ['11010519491231002X', (v) => validate.validateResidentId(v, { today })],
      ['911840199001010018', (v) => validate.validatePermanentResidenceId(v, { today })],
      ['H12345678', validate.validateHomeReturnPermit],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat({ max: 18 }), ([code, validator], at) => {
        const noisy = `${code.slice(0, at)} ${code.slice(at)}`.toLowerCase();
        expect(validator(noisy)).toEqual([]);
      }),
    );
  });

  it('changing one character of a valid USCC or resident ID is always caught', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.nat({ max: 17 }), fc.nat({ max: alphabet.length - 1 }), (at, pick) => {
        const uscc = '91440300708461136T';
        const replacement = alphabet[pick] ?? '0';
        fc.pre(uscc[at] !== replacement);
        const mutated = uscc.slice(0, at) + replacement + uscc.slice(at + 1);
        expect(validate.validateUscc(mutated).some((issue) => issue.severity === 'error')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 17 }), fc.nat({ max: 9 }), (at, digit) => {
        const id = '11010519491231002X';
        fc.pre(id[at] !== String(digit));
        const mutated = id.slice(0, at) + String(digit) + id.slice(at + 1);
        expect(validate.validateResidentId(mutated, { today: '2026-11-25' }).length).toBeGreaterThan(0);
      }),
    );
  });
});
