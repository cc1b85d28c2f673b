import punycode from 'punycode/punycode.js';
import { getDomain } from 'tldts';
import { presenceIssues } from './common';
import { error, warning } from './messages';
import { describeChar } from './normalize';
import type { ValidationIssue } from './types';

/**
 * Input clean-up before IDNA: full-width letters and the ideographic full stops that Chinese keyboards type
 * (。．｡) become ASCII, everything is lower-cased, and a trailing root dot is dropped.
 */
function prepareDomain(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/[。．｡]/gu, '.')
    .toLowerCase()
    .replace(/\.$/u, '');
}

/** Extracts the host from something that looks like a URL (scheme, path, port, user info), else undefined. */
function hostOfUrlLike(text: string): string | undefined {
  if (!/[/:?#@]/u.test(text)) return undefined;
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '');
  const authority = withoutScheme.split(/[/?#]/u)[0] ?? '';
  const host = authority.replace(/^.*@/u, '').replace(/:\d*$/u, '');
  return host;
}

const isAsciiLabel = (label: string): boolean => [...label].every((char) => char.charCodeAt(0) < 0x80);

/** Converts one label to its ASCII (A-label) form; undefined if it cannot be encoded. */
function labelToAscii(label: string): string | undefined {
  if (isAsciiLabel(label)) return label;
  try {
    return `xn--${punycode.encode(label)}`;
  } catch {
    return undefined;
  }
}

function labelToUnicode(label: string): string {
  if (!label.startsWith('xn--')) return label;
  try {
    return punycode.decode(label.slice(4));
  } catch {
    return label;
  }
}

export interface ParsedDomain {
  /** A-label form used by DNS and the filing systems, e.g. xn--fiqs8s.cn. */
  ascii: string;
  /** Display form, e.g. 中国.cn. */
  unicode: string;
  labels: string[];
}

/** Checks a domain (IDN allowed) and returns either its ASCII/Unicode forms or the issues found. */
function analyseDomain(value: string): { domain?: ParsedDomain; issues: ValidationIssue[] } {
  const text = prepareDomain(value);
  const urlHost = hostOfUrlLike(text);
  if (urlHost !== undefined) return { issues: [error('domain.url', { domain: urlHost || text })] };
  if (/^\d{1,3}(\.\d{1,3}){3}$/u.test(text)) return { issues: [error('domain.ipAddress')] };

  const labels = text.split('.');
  if (labels.some((label) => label === '')) return { issues: [error('domain.emptyLabel')] };

  const issues: ValidationIssue[] = [];
  const asciiLabels: string[] = [];
  for (const label of labels) {
    if (label.includes('_')) {
      issues.push(error('domain.underscore'));
      continue;
    }
    const allowed = isAsciiLabel(label) ? /^[a-z0-9-]$/u : /^[\p{L}\p{M}\p{N}-]$/u;
    const bad = [...label].find((char) => !allowed.test(char));
    if (bad !== undefined) {
      issues.push(error('domain.charset', { char: describeChar(bad) }));
      continue;
    }
    const ascii = labelToAscii(label);
    if (ascii === undefined || (label.startsWith('xn--') && labelToUnicode(label) === label)) {
      issues.push(error('domain.idn'));
      continue;
    }
    if (ascii.length > 63) {
      issues.push(error('domain.labelTooLong', { label: label.slice(0, 70), length: ascii.length }));
    } else if (ascii.startsWith('-') || ascii.endsWith('-')) {
      issues.push(error('domain.hyphen', { label }));
    }
    asciiLabels.push(ascii);
  }
  if (issues.length > 0) return { issues };

  const ascii = asciiLabels.join('.');
  if (ascii.length > 253) return { issues: [error('domain.tooLong', { length: ascii.length })] };
  if (labels.length < 2) return { issues: [error('domain.singleLabel')] };
  const tld = labels.at(-1) ?? '';
  if (/^\d+$/u.test(tld)) return { issues: [error('domain.numericTld', { tld })] };
  return {
    domain: { ascii, unicode: asciiLabels.map(labelToUnicode).join('.'), labels: asciiLabels },
    issues: [],
  };
}

/** Parses a domain name (Chinese IDN allowed); undefined if it is not a valid host name. */
export function parseDomain(value: string): ParsedDomain | undefined {
  if (typeof value !== 'string') return undefined;
  return analyseDomain(value).domain;
}

/** The ASCII (punycode) form of a valid domain, e.g. 例子.中国 → xn--fsqu00a.xn--fiqs8s. */
export function toAsciiDomain(value: string): string | undefined {
  return parseDomain(value)?.ascii;
}

/**
 * Domain name check (IDN via punycode): labels ≤ 63 and total ≤ 253 ASCII characters, letters/digits/hyphens
 * only (no underscores), no empty labels, at least two labels, and a non-numeric top-level label.
 */
export function validateDomain(value: string): ValidationIssue[] {
  return presenceIssues(value) ?? analyseDomain(value).issues;
}

/**
 * The registrable domain (the level a website filing takes) in display form, by the Public Suffix List: example.com.cn for
 * www.example.com.cn, 例子.中国 for www.例子.中国. Undefined when the value is invalid or itself a public suffix.
 */
export function registrableDomain(value: string): string | undefined {
  const domain = parseDomain(value);
  if (!domain) return undefined;
  // The Public Suffix List (ICANN section, bundled in tldts: no network) knows every multi-label suffix
  // (com.hk, co.uk, 公司.cn…), so example.com.hk is registrable, not a sub-domain of com.hk.
  const registrable = getDomain(domain.ascii, { allowPrivateDomains: false, validateHostname: false });
  if (!registrable) return undefined;
  return registrable.split('.').map(labelToUnicode).join('.');
}

/**
 * A domain entered for a website filing: valid, not a bare public suffix, and — as a warning — the
 * registrable domain rather than a sub-domain, since only that level is filed (app-and-website-filing-fields.md
 * §3.2). App filings list the domains actually used and should call validateDomain instead.
 */
export function validateWebsiteDomain(value: string): ValidationIssue[] {
  const issues = validateDomain(value);
  if (issues.length > 0) return issues;
  const domain = parseDomain(value);
  if (!domain) return issues;
  const registrable = registrableDomain(value);
  if (registrable === undefined) return [error('domain.publicSuffix', { domain: domain.unicode })];
  if (registrable !== domain.unicode)
    return [warning('domain.subdomain', { domain: domain.unicode, registrable })];
  return [];
}
