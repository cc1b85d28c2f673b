import { isoDate, presenceIssues, todayIso } from './common';
import { error, warning } from './messages';
import { compactIdentifier } from './normalize';
import { provinceByCode } from './provinces';
import type { ValidationIssue } from './types';

/** GB 11643-1999 weights (2^(18−k) mod 11) and the ISO 7064 MOD 11-2 result table (identifiers.md §2). */
const MOD112_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MOD112_CHECK = '10X98765432';

/** Oldest plausible age; anything older is a typo in the year digits. */
export const MAX_AGE_YEARS = 130;

/** ISO 7064 MOD 11-2 check character for 17 digits (resident ID, HK/Macao/Taiwan residence permit, 2023 PR ID). */
export function mod112CheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (MOD112_WEIGHTS[i] ?? 0);
  return MOD112_CHECK[sum % 11];
}

export interface DateCheckOptions {
  /** Reference date (YYYY-MM-DD) for "not in the future"; defaults to today. */
  today?: string;
}

type BirthDateProblem = 'birthDate' | 'birthDateFuture' | 'birthDateTooOld';

/** Checks an 8-digit YYYYMMDD birth date; returns the problem, if any. */
export function birthDateProblem(yyyymmdd: string, today: string): BirthDateProblem | undefined {
  const iso = isoDate(
    Number(yyyymmdd.slice(0, 4)),
    Number(yyyymmdd.slice(4, 6)),
    Number(yyyymmdd.slice(6, 8)),
  );
  if (!/^\d{8}$/.test(yyyymmdd) || iso === undefined) return 'birthDate';
  if (iso > today) return 'birthDateFuture';
  const oldest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  if (iso < oldest) return 'birthDateTooOld';
  return undefined;
}

type Mod112Prefix = 'residentId' | 'hmtResidencePermit';

/** Shared checks of the 18-character numbers built like the resident ID: shape, birth date, check character. */
function validateMod112Number(code: string, prefix: Mod112Prefix, today: string): ValidationIssue[] {
  const length = [...code].length;
  if (length !== 18) return [error(`${prefix}.length`, { length })];
  if (!/^\d{17}[\dX]$/.test(code)) return [error(`${prefix}.format`)];
  const issues: ValidationIssue[] = [];
  const birthDate = code.slice(6, 14);
  const problem = birthDateProblem(birthDate, today);
  if (problem) issues.push(error(`${prefix}.${problem}`, { birthDate, maxAge: MAX_AGE_YEARS }));
  const expected = mod112CheckCharacter(code.slice(0, 17)) ?? '';
  const actual = code.slice(17);
  if (expected !== actual) issues.push(error(`${prefix}.checksum`, { expected, actual }));
  return issues;
}

/** Normalises typing variations (spaces, full-width digits, lower-case x). */
export const normalizeResidentId = compactIdentifier;

/**
 * Converts a legacy 15-digit number (GB 11643-1989: address + YYMMDD + sequence) to the 18-digit form the
 * current card carries: the century 19 is inserted and the check character appended.
 */
export function upgradeLegacyResidentId(value: string): string | undefined {
  const code = compactIdentifier(value);
  if (!/^\d{15}$/.test(code)) return undefined;
  const first17 = `${code.slice(0, 6)}19${code.slice(6)}`;
  return first17 + (mod112CheckCharacter(first17) ?? '');
}

/**
 * Resident Identity Card number (公民身份号码, GB 11643-1999): 18 characters, a mainland province in the
 * address code, a real birth date that is neither in the future nor more than 130 years ago, and the MOD 11-2
 * check character (expected value in `params.expected`).
 */
export function validateResidentId(value: string, options: DateCheckOptions = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  if (/^\d{15}$/.test(code)) {
    return [error('residentId.legacy15', { converted: upgradeLegacyResidentId(code) ?? '' })];
  }
  const issues = validateMod112Number(code, 'residentId', options.today ?? todayIso());
  if ([...code].length !== 18 || !/^\d{17}[\dX]$/.test(code)) return issues;
  const region = code.slice(0, 2);
  const province = provinceByCode(region);
  if (province?.kind === 'hmt' && province.residencePermitPrefix === code.slice(0, 6)) {
    issues.unshift(warning('residentId.residencePermit', { region: code.slice(0, 6) }));
  } else if (province?.kind !== 'province') {
    issues.unshift(error('residentId.region', { region }));
  }
  return issues;
}

/** Residence permit for Hong Kong, Macao and Taiwan residents: 810000/820000/830000 + resident-ID rules (§3). */
export function validateHmtResidencePermit(value: string, options: DateCheckOptions = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  const issues = validateMod112Number(code, 'hmtResidencePermit', options.today ?? todayIso());
  if ([...code].length !== 18 || !/^\d{17}[\dX]$/.test(code)) return issues;
  const prefix = code.slice(0, 6);
  if (!['810000', '820000', '830000'].includes(prefix)) {
    issues.unshift(error('hmtResidencePermit.prefix', { prefix }));
  }
  return issues;
}

/** Birth date (YYYY-MM-DD) encoded in an 18-digit resident ID or residence permit number. */
export function residentIdBirthDate(value: string): string | undefined {
  const code = compactIdentifier(value);
  if (!/^\d{17}[\dX]$/.test(code)) return undefined;
  return isoDate(Number(code.slice(6, 10)), Number(code.slice(10, 12)), Number(code.slice(12, 14)));
}

/** Sex encoded in character 17 (odd = male, even = female) of an 18-digit resident ID or residence permit. */
export function residentIdGender(value: string): 'male' | 'female' | undefined {
  const code = compactIdentifier(value);
  if (!/^\d{17}[\dX]$/.test(code)) return undefined;
  return Number(code[16]) % 2 === 1 ? 'male' : 'female';
}
