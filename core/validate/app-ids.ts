import { presenceIssues } from './common';
import { error, warning } from './messages';
import { describeChar } from './normalize';
import type { ValidationIssue } from './types';

/** WeChat mini-program AppID: "wx" + 16 lower-case hexadecimal characters. */
export function validateWechatAppId(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const id = value.normalize('NFKC').trim();
  if (/^gh_/iu.test(id)) return [error('wechatAppId.originalId')];
  // AppIDs are shown in lower case; an upper-case copy is the same id, so only the shape is checked.
  if (!/^wx[0-9a-f]{16}$/iu.test(id)) return [error('wechatAppId.format')];
  return [];
}

/**
 * Android package name (AndroidManifest.xml `package`): dot-separated segments, each starting with a letter,
 * letters/digits/underscores only, at least two segments (heuristic of app-and-website-filing-fields.md §4.2).
 */
export function validateAndroidPackage(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const name = value.trim();
  const bad = [...name].find((char) => !/^[A-Za-z0-9_.]$/u.test(char));
  if (bad !== undefined) return [error('androidPackage.charset', { char: describeChar(bad) })];
  if (name.length > 255) return [error('androidPackage.tooLong', { length: name.length })];
  const segments = name.split('.');
  if (segments.length < 2) return [error('androidPackage.singleSegment')];
  const badSegment = segments.find((segment) => !/^[A-Za-z][A-Za-z0-9_]*$/u.test(segment));
  if (badSegment !== undefined) return [error('androidPackage.segment', { segment: badSegment })];
  return [];
}

/** iOS Bundle ID: letters, digits, hyphens and dots (§4.2), no empty segment, at most 155 characters (Apple). */
export function validateIosBundleId(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const id = value.trim();
  const bad = [...id].find((char) => !/^[A-Za-z0-9.-]$/u.test(char));
  if (bad !== undefined) return [error('iosBundleId.charset', { char: describeChar(bad) })];
  if (id.length > 155) return [error('iosBundleId.tooLong', { length: id.length })];
  const segments = id.split('.');
  if (segments.some((segment) => segment === '')) return [error('iosBundleId.emptySegment')];
  if (segments.length < 2) return [warning('iosBundleId.singleSegment')];
  return [];
}

export type FingerprintAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256';
const FINGERPRINT_HEX_LENGTH: Record<FingerprintAlgorithm, number> = { MD5: 32, 'SHA-1': 40, 'SHA-256': 64 };

/**
 * Canonical fingerprint form: upper-case hex without separators. Tools print fingerprints with colons
 * (keytool), spaces or nothing; forms differ, so the raw value is kept and this form is used for checks.
 */
export function normalizeFingerprint(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/^\s*(?:MD5|SHA-?1|SHA-?256)\s*[:：]\s*/iu, '')
    .replace(/[\s:-]+/gu, '')
    .toUpperCase();
}

/** Colon-separated rendering (AB:CD:…) for forms that want it. */
export function formatFingerprintWithColons(value: string): string {
  return (normalizeFingerprint(value).match(/.{1,2}/gu) ?? []).join(':');
}

/**
 * Signing-certificate fingerprint: MD5 (32 hex, Android "MD5" field) or SHA-1 (40 hex, what the iOS field
 * labelled MD5 actually expects), app-and-website-filing-fields.md §4.2. A value of another algorithm's length
 * gets a message naming the algorithm it looks like.
 */
export function validateCertificateFingerprint(
  value: string,
  options: { algorithm?: FingerprintAlgorithm } = {},
): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const algorithm = options.algorithm ?? 'MD5';
  const hex = normalizeFingerprint(value);
  const bad = [...hex].find((char) => !/^[0-9A-F]$/u.test(char));
  if (bad !== undefined) return [error('fingerprint.charset', { char: describeChar(bad) })];
  const expectedLength = FINGERPRINT_HEX_LENGTH[algorithm];
  if (hex.length === expectedLength) return [];
  const found = (Object.keys(FINGERPRINT_HEX_LENGTH) as FingerprintAlgorithm[]).find(
    (other) => FINGERPRINT_HEX_LENGTH[other] === hex.length,
  );
  if (found !== undefined) return [error('fingerprint.wrongAlgorithm', { found, expected: algorithm })];
  return [error('fingerprint.length', { algorithm, expectedLength, length: hex.length })];
}

/** Hex modulus without separators, "0x" or the DER sign byte 00 that some tools print in front. */
export function normalizeRsaModulus(value: string): string {
  const hex = value
    .normalize('NFKC')
    .replace(/^\s*(?:modulus|公钥)\s*[:：=]\s*/iu, '')
    .replace(/^0x/iu, '')
    .replace(/[\s:]+/gu, '')
    .toUpperCase();
  return hex.length % 2 === 0 && hex.startsWith('00') && /^[0-9A-F]+$/u.test(hex)
    ? hex.replace(/^(00)+/u, '')
    : hex;
}

const USUAL_RSA_BITS = [1024, 2048, 3072, 4096];

/**
 * The "public key" of an App platform entry: the RSA modulus of the signing certificate in hex (§4.2;
 * RSA-2048 = 512 hex). Catches pasted DER/PEM blobs, even values (not a modulus) and truncated copies.
 */
export function validateRsaModulus(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const hex = normalizeRsaModulus(value);
  const bad = [...hex].find((char) => !/^[0-9A-F]$/u.test(char));
  if (bad !== undefined) return [error('rsaModulus.charset', { char: describeChar(bad) })];
  // DER SEQUENCE with a two-byte length (30 82 …) is how a whole SubjectPublicKeyInfo or certificate starts.
  if (/^3082[0-9A-F]{4}30/u.test(hex)) return [error('rsaModulus.derEncoded')];
  const lastDigit = parseInt(hex.at(-1) ?? '0', 16);
  if (lastDigit % 2 === 0) return [error('rsaModulus.even')];
  const bits = hex.length * 4 - leadingZeroBits(hex);
  if (bits < 1024) return [error('rsaModulus.tooShort', { bits })];
  const rounded = hex.length * 4;
  if (!USUAL_RSA_BITS.includes(rounded)) return [warning('rsaModulus.unusualLength', { bits: rounded })];
  return [];
}

function leadingZeroBits(hex: string): number {
  const first = parseInt(hex[0] ?? '0', 16);
  return first === 0 ? 4 : Math.clz32(first) - 28;
}
