import { presenceIssues } from './common';
import { error, warning } from './messages';
import { compactIdentifier, describeChar } from './normalize';
import { provinceByCode } from './provinces';
import type { ValidationIssue } from './types';

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015, as described in identifiers.md §1.
 * 31 symbols: digits and capital letters except I, O, Z, S, V; value = index in this string.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W_i = 3^(i-1) mod 31 for positions 1–17. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 organisation-code weights for positions 9–16 of the USCC. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Registration-authority codes (position 1) listed by implementations quoting the standard and its amendment.
 * identifiers.md §1.1 advises not to reject unknown ones, so they only raise a warning.
 */
export const USCC_REGISTRATION_AUTHORITIES: Readonly<Record<string, { en: string; zh: string }>> = {
  '1': { en: 'Institutional establishment', zh: '机构编制' },
  '2': { en: 'Foreign affairs', zh: '外交' },
  '3': { en: 'Judicial administration', zh: '司法行政' },
  '4': { en: 'Culture', zh: '文化' },
  '5': { en: 'Civil affairs', zh: '民政' },
  '6': { en: 'Tourism', zh: '旅游' },
  '7': { en: 'Religious affairs', zh: '宗教' },
  '8': { en: 'Trade unions', zh: '工会' },
  '9': { en: 'Market regulation (enterprises)', zh: '工商' },
  A: { en: 'Central Military Commission establishment office', zh: '中央军委改革和编制办公室' },
  N: { en: 'Agriculture', zh: '农业' },
  Y: { en: 'Other', zh: '其他' },
};

/**
 * The region part of codes issued by national-level authorities is 100000 (e.g. 清华大学 12100000400000624D),
 * which is not a GB/T 2260 province, so it is accepted beside the provinces.
 */
const NATIONAL_LEVEL_REGION = '10';

/** The check character (position 18) for the first 17 characters, or undefined if they are not all valid. */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 check character for an 8-character organisation-code body (digits and A–Z). */
export function organizationCodeCheckCharacter(body8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = body8[i] ?? '0';
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export interface UsccParts {
  registrationAuthority: string;
  organizationCategory: string;
  regionCode: string;
  organizationCode: string;
  checkCharacter: string;
}

/** Splits a well-formed code into its parts (no checking); undefined when it is not 18 characters. */
export function parseUscc(value: string): UsccParts | undefined {
  const code = compactIdentifier(value);
  if (code.length !== 18) return undefined;
  return {
    registrationAuthority: code.slice(0, 1),
    organizationCategory: code.slice(1, 2),
    regionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
    checkCharacter: code.slice(17),
  };
}

/**
 * What kind of market-regulation subject a code belongs to, from positions 1–2: 91 enterprise, 92 individual
 * business (个体工商户), 93 farmers' cooperative. Informational only (identifiers.md §1.1 advises against
 * rejecting on position 2); the pre-flight uses it to tell companies from other subjects.
 */
export function usccSubjectCategory(
  value: string,
): 'enterprise' | 'individualBusiness' | 'farmersCooperative' | 'other' | undefined {
  const code = compactIdentifier(value);
  if (code.length !== 18) return undefined;
  const head = code.slice(0, 2);
  if (head === '91') return 'enterprise';
  if (head === '92') return 'individualBusiness';
  if (head === '93') return 'farmersCooperative';
  return 'other';
}

/** Normalises typing variations (full-width, lower case, spaces) before storing the code. */
export const normalizeUscc = compactIdentifier;

/**
 * Validates a USCC: length, character set, region code, GB 11714 organisation-code check (warning: the
 * standard's own example passes, but it is a secondary check) and the check character, whose expected value
 * is returned in `params.expected`.
 */
export function validateUscc(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const code = compactIdentifier(value);
  const chars = [...code];
  if (chars.length !== 18) return [error('uscc.length', { length: chars.length })];

  const issues: ValidationIssue[] = [];
  for (const [index, char] of chars.entries()) {
    if (USCC_ALPHABET.includes(char)) continue;
    const position = index + 1;
    if ('IOZSV'.includes(char)) issues.push(error('uscc.forbiddenLetter', { char, position }));
    else issues.push(error('uscc.charset', { char: describeChar(char), position }));
  }
  if (issues.length > 0) return issues;

  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return [error('uscc.regionFormat', { region })];
  const provinceCode = region.slice(0, 2);
  const province = provinceByCode(provinceCode);
  if (provinceCode !== NATIONAL_LEVEL_REGION && province?.kind !== 'province') {
    issues.push(error('uscc.regionProvince', { region, province: provinceCode }));
  }

  const authority = code.slice(0, 1);
  if (!(authority in USCC_REGISTRATION_AUTHORITIES)) {
    issues.push(warning('uscc.registrationAuthority', { char: authority }));
  }

  const expected = usccCheckCharacter(code.slice(0, 17)) ?? '';
  const actual = code.slice(17);
  if (expected !== actual) {
    issues.push(error('uscc.checksum', { expected, actual }));
  } else {
    // Only meaningful when the whole code is consistent; otherwise the checksum error already says "typo".
    const orgExpected = organizationCodeCheckCharacter(code.slice(8, 16));
    const orgActual = code.slice(16, 17);
    if (orgExpected !== undefined && orgExpected !== orgActual) {
      issues.push(warning('uscc.organizationCode', { expected: orgExpected, actual: orgActual }));
    }
  }
  return issues;
}
