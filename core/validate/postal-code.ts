import { presenceIssues } from './common';
import { error } from './messages';
import type { ValidationIssue } from './types';

/**
 * A mainland postal code (邮政编码): six digits (GB/T 1800 postal codes as China Post issues them). Full-width
 * digits typed with a Chinese input method count; spaces are ignored.
 */
export function validatePostalCode(value: string): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const digits = value.normalize('NFKC').replace(/\s+/gu, '');
  return /^\d{6}$/u.test(digits) ? [] : [error('postalCode.format', { value: value.trim().slice(0, 20) })];
}
