import { error } from './messages';
import type { ValidationIssue } from './types';

/**
 * The guard every validator starts with: values come from forms and JSON files, so anything that is not a
 * non-blank string ends validation with one clear issue instead of a crash further down.
 */
export function presenceIssues(value: unknown): ValidationIssue[] | undefined {
  if (typeof value !== 'string') return [error('value.notText')];
  if (value.trim() === '') return [error('value.empty')];
  return undefined;
}

/** Checks that `yyyy`, `mm`, `dd` form a real Gregorian date; returns the ISO form or undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const limit = month === 2 ? (isLeap ? 29 : 28) : daysInMonth;
  if (day > limit) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date as YYYY-MM-DD in local time; validators take `today` as an option so tests stay deterministic. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? '1970-01-01';
}
