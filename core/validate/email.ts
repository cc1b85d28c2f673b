import { presenceIssues } from './common';
import { error } from './messages';
import { describeChar } from './normalize';
import { parseDomain, validateDomain } from './domain';
import type { ValidationIssue } from './types';

/** RFC 5321 dot-atom characters of the local part; quoted local parts are left out as no portal accepts them. */
const LOCAL_PART_CHAR = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]$/u;

/**
 * Practical e-mail check: one @, an ASCII dot-atom local part of at most 64 characters, a valid domain
 * (Chinese IDN domains allowed, checked by validateDomain) and at most 254 characters in ASCII form.
 * Full-width ＠ and letters typed with a Chinese input method are folded to ASCII first.
 */
export function validateEmail(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const text = value.normalize('NFKC').trim();
  const parts = text.split('@');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return [error('email.format')];
  const [local = '', domainText = ''] = parts;

  const bad = [...local].find((char) => !LOCAL_PART_CHAR.test(char));
  if (bad !== undefined) return [error('email.localPart', { char: describeChar(bad) })];
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return [error('email.dots')];
  if (local.length > 64) return [error('email.localPartTooLong', { length: local.length })];

  const domainIssues = validateDomain(domainText);
  const firstDomainIssue = domainIssues[0];
  if (firstDomainIssue) {
    return [error('email.domain', { domain: domainText.slice(0, 100), reason: firstDomainIssue.message })];
  }
  const asciiLength = local.length + 1 + (parseDomain(domainText)?.ascii.length ?? 0);
  if (asciiLength > 254) return [error('email.tooLong', { length: asciiLength })];
  return [];
}
