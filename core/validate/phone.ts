import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { presenceIssues } from './common';
import { error } from './messages';
import { describeChar } from './normalize';
import type { ValidationIssue } from './types';

/** Characters people put between digit groups of a phone number. */
const PHONE_SEPARATORS = /[\s\-()（）.\u2010-\u2015\u00a0\u3000]+/gu;

/**
 * Reduces a typed mobile number to its 11 digits where possible: folds full-width digits, removes spaces,
 * dashes, dots and brackets, and drops a +86 / 0086 / 86 country code (identifiers.md §7). Anything it
 * cannot reduce is returned cleaned but otherwise unchanged, for the validator to explain.
 */
export function normalizeMobile(value: string): string {
  const cleaned = value.normalize('NFKC').replace(PHONE_SEPARATORS, '');
  const match = /^(?:\+86|0086|86)(1\d{10})$/.exec(cleaned);
  return match?.[1] ?? cleaned;
}

/**
 * The country of an international number other than mainland China's, read with libphonenumber's metadata
 * (country codes are 1 to 3 digits and prefix-free: +49 151… is Germany, not "+491"). `region` is the ISO 3166
 * code (DE, HK…), empty when the calling code is shared and the number does not tell which country.
 */
function foreignCountry(mobile: string): { countryCode: string; region: string } | undefined {
  const international = /^(?:\+|00)(\d+)$/u.exec(mobile);
  if (!international || /^(?:\+|00)86/u.test(mobile)) return undefined;
  const parsed = parsePhoneNumberFromString(`+${international[1] ?? ''}`);
  if (parsed) return { countryCode: parsed.countryCallingCode, region: parsed.country ?? '' };
  // Too short or unknown to the metadata: still foreign; name what the user typed, up to 3 digits.
  return { countryCode: (international[1] ?? '').slice(0, 3), region: '' };
}

/** Mainland mobile number: 11 digits starting 13–19; segments are not whitelisted because new ones appear. */
export function validateMobile(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const mobile = normalizeMobile(value);
  const foreign = foreignCountry(mobile);
  if (foreign) return [error('mobile.foreign', foreign)];
  const digits = mobile.replace(/^(?:\+86|0086)/, '');
  const bad = [...digits].find((char) => !/\d/.test(char));
  if (bad !== undefined) return [error('mobile.charset', { char: describeChar(bad) })];
  if (digits.length !== 11) return [error('mobile.length', { length: digits.length })];
  if (!/^1[3-9]/.test(digits)) return [error('mobile.prefix', { prefix: digits.slice(0, 2) })];
  return [];
}

export interface LandlineParts {
  /** Area code with its leading 0, e.g. "010", "0755". */
  areaCode: string;
  localNumber: string;
  extension?: string;
}

/**
 * Parses a mainland landline: area code (010 and 02X have two digits after the 0, all others three) + a
 * 7- or 8-digit local number not starting with 0 or 1, optionally followed by an extension written as
 * -123, 转123, ext 123, x123 or #123. A +86/0086 prefix replaces the area code's leading 0.
 */
export function parseLandline(value: string): LandlineParts | undefined {
  let text = value.normalize('NFKC').trim();
  let extension: string | undefined;
  const ext = /(?:转|ext\.?|x|#|分机)\s*(\d{1,6})$/iu.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  // A trailing group after the local number (0755-87654321-123) is an extension too.
  const groups = text.split(/[-\s]+/u).filter((group) => group !== '');
  let digits = text.replace(PHONE_SEPARATORS, '');
  digits = digits.replace(/^(?:\+86|0086)/, '0');
  if (!/^\d+$/.test(digits)) return undefined;
  const area = /^0(?:10|2\d|[3-9]\d{2})/.exec(digits)?.[0];
  if (area === undefined) return undefined;
  let local = digits.slice(area.length);
  const lastGroup = groups.at(-1);
  const validLocal = (candidate: string): boolean => /^[2-9]\d{6,7}$/.test(candidate);
  if (
    !validLocal(local) &&
    extension === undefined &&
    groups.length >= 3 &&
    lastGroup !== undefined &&
    /^\d{1,6}$/.test(lastGroup) &&
    validLocal(local.slice(0, local.length - lastGroup.length))
  ) {
    extension = lastGroup;
    local = local.slice(0, local.length - lastGroup.length);
  }
  if (!validLocal(local)) return undefined;
  return extension === undefined
    ? { areaCode: area, localNumber: local }
    : { areaCode: area, localNumber: local, extension };
}

/** Mainland landline with area code (see parseLandline for the accepted writings). */
export function validateLandline(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  if (parseLandline(value)) return [];
  const digits = value
    .normalize('NFKC')
    .replace(PHONE_SEPARATORS, '')
    .replace(/^(?:\+86|0086)/, '0');
  if (!/^[\d]+$/.test(digits.replace(/(?:转|ext\.?|x|#|分机)\d{1,6}$/iu, '')))
    return [error('landline.format')];
  const area = /^0(?:10|2\d|[3-9]\d{2})/.exec(digits)?.[0];
  if (area === undefined) return [error('landline.areaCode')];
  return [error('landline.localNumber', { length: digits.length - area.length })];
}

/** A contact number that may be a mobile or a landline (e.g. WeChat's emergency_contact). */
export function validatePhone(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  if (validateMobile(value).length === 0 || parseLandline(value)) return [];
  const mobile = normalizeMobile(value);
  // Explain as a mobile number when it clearly was meant as one.
  if (/^1\d*$/.test(mobile) || /^(?:\+|00)/.test(mobile)) return validateMobile(value);
  return [error('phone.format')];
}
