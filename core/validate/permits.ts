import { isoDate, presenceIssues, todayIso } from './common';
import { error, warning } from './messages';
import { compactIdentifier, describeChar } from './normalize';
import { mainlandProvinceByCode } from './provinces';
import { birthDateProblem, mod112CheckCharacter, type DateCheckOptions } from './resident-id';
import type { ValidationIssue } from './types';

/**
 * Mainland Travel Permit for Hong Kong and Macao Residents (港澳居民来往内地通行证), identifiers.md §4:
 * H (Hong Kong) or M (Macao) + 8-digit lifelong number; cards before 2013 appended a 2-digit issue count.
 */
export function validateHomeReturnPermit(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  if (/^[HM]\d{8}$/.test(code)) return [];
  if (/^[HM]\d{10}$/.test(code)) return [warning('homeReturnPermit.issueCount', { base: code.slice(0, 9) })];
  const first = [...code][0] ?? '';
  if (/^[A-Z]$/.test(first) && /^.\d{8}(\d{2})?$/u.test(code)) {
    return [error('homeReturnPermit.prefix', { char: first })];
  }
  return [error('homeReturnPermit.format')];
}

/** Which region issued a home-return permit: H = Hong Kong, M = Macao. */
export function homeReturnPermitRegion(value: string): 'HK' | 'MO' | undefined {
  const first = compactIdentifier(value)[0];
  return first === 'H' ? 'HK' : first === 'M' ? 'MO' : undefined;
}

/**
 * Mainland Travel Permit for Taiwan Residents (台湾居民来往大陆通行证), identifiers.md §4: 8-digit lifelong number
 * since 2008; the older form added a 2-digit issue count and sometimes an office code in parentheses.
 */
export function validateTaiwanPermit(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  if (/^\d{8}$/.test(code)) return [];
  if (/^\d{10}(\([A-Z0-9]\))?$/.test(code))
    return [warning('taiwanPermit.legacy', { base: code.slice(0, 8) })];
  return [error('taiwanPermit.format')];
}

/** ICAO Doc 9303 check digit (weights 7-3-1, A=10 … Z=35, < = 0), identifiers.md §5. */
export function mrzCheckDigit(field: string): string | undefined {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const char = field[i] ?? '';
    let value: number;
    if (/\d/.test(char)) value = Number(char);
    else if (/[A-Z]/.test(char)) value = char.charCodeAt(0) - 55;
    else if (char === '<') value = 0;
    else return undefined;
    sum += value * (weights[i % 3] ?? 0);
  }
  return String(sum % 10);
}

export interface PassportOptions {
  /** ISO 3166-1 alpha-3 code of the issuing state; "CHN" enables the Chinese ordinary-passport pattern. */
  issuingCountry?: string;
  /** The check digit printed after the number in the machine-readable zone, if the user entered it. */
  mrzCheckDigit?: string;
}

/**
 * Passport numbers are set by the issuing state (identifiers.md §5), so only the common shape is checked:
 * 5–17 letters and digits. For Chinese passports the usual E/G patterns are checked as a warning (a
 * practitioner pattern, not a published rule); with an MRZ check digit the ICAO check is applied.
 */
export function validatePassport(value: string, options: PassportOptions = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  const bad = [...code].find((char) => !/[A-Z0-9]/.test(char));
  if (bad !== undefined) return [error('passport.charset', { char: describeChar(bad) })];
  const length = code.length;
  if (length < 5 || length > 17) return [error('passport.length', { length })];
  const issues: ValidationIssue[] = [];
  if (options.issuingCountry?.toUpperCase() === 'CHN' && !/^(E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8})$/.test(code)) {
    issues.push(warning('passport.chinaFormat'));
  }
  if (options.mrzCheckDigit !== undefined && options.mrzCheckDigit.trim() !== '') {
    // The MRZ document-number field is 9 characters, padded with '<'.
    const field = code.length <= 9 ? code.padEnd(9, '<') : code.slice(0, 9);
    const expected = mrzCheckDigit(field) ?? '';
    const actual = options.mrzCheckDigit.trim();
    if (expected !== actual) issues.push(error('passport.mrzCheckDigit', { expected, actual }));
  }
  return issues;
}

/** Which card form a Foreigner's Permanent Residence ID number has, from its shape. */
export function permanentResidenceIdVersion(value: string): '2017' | '2023' | undefined {
  const code = compactIdentifier(value);
  if (/^[A-Z]{3}\d{12}$/.test(code)) return '2017';
  if (/^\d{17}[\dX]$/.test(code)) return '2023';
  return undefined;
}

/**
 * Foreigner's Permanent Residence ID Card (外国人永久居留身份证), identifiers.md §6.
 * 2017 card: 3 letters + 12 digits (NIA notice). 2023 card: 18 characters starting with 9 with the MOD 11-2
 * check (NIA notice) — both are errors when wrong. The position layout (province, birth date, the 2017 check
 * digit) comes from one unofficial implementation, so mismatches there are only warnings.
 */
export function validatePermanentResidenceId(
  value: string,
  options: DateCheckOptions = {},
): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  const today = options.today ?? todayIso();
  const version = permanentResidenceIdVersion(code);
  if (version === undefined) return [error('permanentResidence.format')];

  const issues: ValidationIssue[] = [];
  if (version === '2017') {
    const region = code.slice(3, 5);
    if (!mainlandProvinceByCode(region)) issues.push(warning('permanentResidence2017.region', { region }));
    const birthDate = code.slice(7, 13);
    if (!plausibleYymmdd(birthDate)) issues.push(warning('permanentResidence2017.birthDate', { birthDate }));
    const expected = mrzCheckDigit(code.slice(0, 14)) ?? '';
    const actual = code.slice(14);
    if (expected !== actual) issues.push(warning('permanentResidence2017.checkDigit', { expected, actual }));
    return issues;
  }

  const first = code.slice(0, 1);
  if (first !== '9') return [error('permanentResidence2023.firstDigit', { char: first })];
  const region = code.slice(1, 3);
  if (!mainlandProvinceByCode(region)) issues.push(warning('permanentResidence2023.province', { region }));
  const birthDate = code.slice(6, 14);
  if (birthDateProblem(birthDate, today))
    issues.push(warning('permanentResidence2023.birthDate', { birthDate }));
  const expected = mod112CheckCharacter(code.slice(0, 17)) ?? '';
  const actual = code.slice(17);
  if (expected !== actual) issues.push(error('permanentResidence2023.checksum', { expected, actual }));
  return issues;
}

/** A YYMMDD date is plausible when it exists in some century (the 2017 layout does not carry the century). */
function plausibleYymmdd(yymmdd: string): boolean {
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return isoDate(2000 + yy, month, day) !== undefined || isoDate(1900 + yy, month, day) !== undefined;
}
