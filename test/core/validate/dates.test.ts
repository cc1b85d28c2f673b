import { describe, expect, it } from 'vitest';
import {
  addMonths,
  parseDateInput,
  requiredValidityMonths,
  toWechatDate,
  validateDate,
  validateValidityPeriod,
  validUntilAtLeast,
} from '../../../core/validate';
import { codes, issueWith } from './helpers';

describe('date parsing', () => {
  it.each([
    ['2030-08-15', '2030-08-15'],
    ['20300815', '2030-08-15'],
    ['2030.08.15', '2030-08-15'],
    ['2030/8/5', '2030-08-05'],
    ['2030年8月15日', '2030-08-15'],
    [' ２０３０－０８－１５ ', '2030-08-15'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (value, iso) => {
    expect(parseDateInput(value)).toEqual({ kind: 'date', iso });
  });

  it.each(['长期', '长期有效', 'Long-term'])('reads %s as non-expiring', (value) => {
    expect(parseDateInput(value)).toEqual({ kind: 'permanent' });
  });

  it('formats for WeChat (YYYYmmdd or 长期)', () => {
    expect(toWechatDate('2030-08-15')).toBe('20300815');
    expect(toWechatDate('长期')).toBe('长期');
    expect(toWechatDate('soon')).toBeUndefined();
  });

  it.each([
    ['2023-02-29', 'date.invalid'],
    ['20231301', 'date.invalid'],
    ['2030/13/01', 'date.invalid'],
    ['15/08/2030', 'date.format'],
    ['next year', 'date.format'],
    ['长期', 'date.permanentNotAllowed'],
  ])('%s → %s', (value, code) => {
    expect(codes(validateDate(value))).toEqual([code]);
  });

  it('allows 长期 where the document may be non-expiring', () => {
    expect(validateDate('长期', { allowPermanent: true })).toEqual([]);
  });

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2026-11-25', 3)).toBe('2027-02-25');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });
});

describe('validUntilAtLeast', () => {
  it('passes a document valid exactly 3 months after submission, and 长期', () => {
    expect(validUntilAtLeast('2027-02-25', '2026-11-25')).toEqual([]);
    expect(validUntilAtLeast('20270225', '2026-11-25', 3)).toEqual([]);
    expect(validUntilAtLeast('长期', '2026-11-25')).toEqual([]);
  });

  it('flags a document expiring too soon, with the required date and the last useful submission day', () => {
    const issue = issueWith(validUntilAtLeast('2027-02-24', '2026-11-25'), 'validity.tooShort');
    expect(issue.params).toEqual({
      end: '2027-02-24',
      required: '2027-02-25',
      months: 3,
      latestSubmission: '2026-11-24',
    });
    expect(issue.message['zh-CN']).toContain('至少到 2027-02-25');
  });

  it('flags an expired document', () => {
    expect(codes(validUntilAtLeast('2026-11-24', '2026-11-25'))).toEqual(['validity.expired']);
  });

  it('honours a custom number of months', () => {
    expect(validUntilAtLeast('2027-01-01', '2026-11-25', 1)).toEqual([]);
    expect(codes(validUntilAtLeast('2027-01-01', '2026-11-25', 6))).toEqual(['validity.tooShort']);
  });

  it('reports unreadable dates instead of guessing', () => {
    expect(codes(validUntilAtLeast('soon', '2026-11-25'))).toEqual(['date.format']);
  });
});

describe('requiredValidityMonths (templates/rules/validity.json)', () => {
  it('defaults to 3 months, labelled as a practitioner figure', () => {
    const requirement = requiredValidityMonths();
    expect(requirement).toMatchObject({ months: 3, ruleId: 'default', confidence: 'practitioner' });
    expect(requirement.note?.en).toMatch(/practitioner/i);
    expect(requirement.note?.['zh-CN']).toContain('行业经验');
  });

  it('cites the province rule where one applies', () => {
    expect(requiredValidityMonths({ province: '420000', documentKind: 'identity' })).toMatchObject({
      months: 3,
      ruleId: 'hubei-identity-over-3-months',
      confidence: 'official',
    });
    expect(requiredValidityMonths({ province: '34', documentKind: 'domain' }).ruleId).toBe(
      'anhui-domain-over-3-months',
    );
    expect(requiredValidityMonths({ province: '310000', documentKind: 'hmtResidencePermit' }).ruleId).toBe(
      'shanghai-hmt-residence-permit-over-3-months',
    );
    expect(requiredValidityMonths({ province: '110000', documentKind: 'identity' }).ruleId).toBe('default');
  });

  it("never lowers the default below 3 months (WeChat's own minimum is 1 month)", () => {
    expect(requiredValidityMonths({ platform: 'wechat', documentKind: 'identity' })).toMatchObject({
      months: 3,
      ruleId: 'default',
    });
  });
});

describe('validateValidityPeriod', () => {
  const submissionDate = '2026-11-25';

  it('passes a current document', () => {
    expect(validateValidityPeriod({ start: '2020-01-01', end: '2030-01-01' }, { submissionDate })).toEqual(
      [],
    );
    expect(validateValidityPeriod({ start: '20200101', end: '长期' }, { submissionDate })).toEqual([]);
    expect(validateValidityPeriod({ end: '2030-01-01' }, { submissionDate })).toEqual([]);
  });

  it.each([
    [{ start: '2030-01-01', end: '2020-01-01' }, 'validity.startAfterEnd'],
    [{ start: '2026-12-01', end: '2036-12-01' }, 'validity.notYetValid'],
    [{ start: '2016-12-01', end: '2026-12-01' }, 'validity.tooShort'],
    [{ start: '2016-11-01', end: '2026-11-01' }, 'validity.expired'],
    [{ start: '2016-02-30', end: '2026-11-01' }, 'date.invalid'],
    [{ start: '2016-01-01', end: '' }, 'value.empty'],
  ])('%j → %s', (period, code) => {
    expect(codes(validateValidityPeriod(period, { submissionDate }))).toEqual([code]);
  });

  it('uses the months of the rule data or an explicit override', () => {
    const period = { start: '2020-01-01', end: '2027-01-15' };
    expect(
      codes(validateValidityPeriod(period, { submissionDate, province: '420000', documentKind: 'identity' })),
    ).toEqual(['validity.tooShort']);
    expect(validateValidityPeriod(period, { submissionDate, months: 1 })).toEqual([]);
  });
});
