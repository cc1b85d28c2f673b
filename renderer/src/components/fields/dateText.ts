/**
 * How a date is typed and shown in a date field, in the UI language rather than the operating system's (a
 * native date input follows the OS: a Chinese Windows shows 年/月/日 in the English UI, an English one
 * mm/dd/yyyy in the Chinese UI). The model keeps ISO dates; these functions are the field's two directions.
 */
import { isoDate } from '../../../../core/validate/common';
import { chineseDate, parseDateInput } from '../../../../core/validate/dates';
import type { Language } from '../../../../electron/contract';

/** An ISO date as the field shows it: 2026-10-31 in English (as the English UI writes dates), 2026年10月31日 in Chinese. */
export function showDate(iso: string, lang: Language): string {
  if (iso === '') return '';
  const parsed = parseDateInput(iso);
  if (parsed?.kind !== 'date') return iso;
  return lang === 'zh-CN' ? chineseDate(parsed.iso) : parsed.iso;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => lower.startsWith(m));
  // "Sept" and full names are fine; "Octopus" is not a month.
  const full = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2000, index, 1)))
    .toLowerCase();
  return index >= 0 && (full.startsWith(lower) || lower === 'sept') ? index + 1 : undefined;
}

/**
 * What was typed, read as a date: every year-first writing (2026-10-31, 2026/10/31, 2026.10.31, 20261031,
 * 2026年10月31日) in either language, and in English also a month by name (31 Oct 2026, October 31, 2026).
 * Day-first and month-first numbers (10/31/2026, 31/10/2026) are refused: they mean different days in
 * different countries, and a wrong validity date costs a rejection.
 */
export function readDate(text: string): { iso: string } | { problem: 'format' | 'calendar' } {
  const plain = text.normalize('NFKC').trim();
  const parsed = parseDateInput(plain);
  if (parsed?.kind === 'date') return { iso: parsed.iso };
  const named =
    /^(\d{1,2})\s*([a-z]+)\.?,?\s*(\d{4})$/iu.exec(plain)?.slice(1) ??
    (() => {
      const m = /^([a-z]+)\.?\s*(\d{1,2}),?\s*(\d{4})$/iu.exec(plain);
      return m ? [m[2], m[1], m[3]] : undefined;
    })();
  if (named) {
    const [day, monthWord, year] = named as [string, string, string];
    const month = monthOf(monthWord);
    if (month === undefined) return { problem: 'format' };
    const iso = isoDate(Number(year), month, Number(day));
    return iso ? { iso } : { problem: 'calendar' };
  }
  // Year-first with a day that does not exist (2026-02-30): the shape is right, the calendar is not.
  const shaped =
    /^(\d{4})(\d{2})(\d{2})$/u.exec(plain) ??
    /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/u.exec(plain) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u.exec(plain);
  return { problem: shaped ? 'calendar' : 'format' };
}

/**
 * Whether the typing so far could still become a date: a half-typed 2026-1 is not yet wrong. The field
 * says a date is wrong while typing only once it cannot be the start of one.
 */
export function couldBecomeDate(text: string): boolean {
  const plain = text.normalize('NFKC').trim();
  return (
    /^\d{0,4}$/u.test(plain) ||
    /^\d{4}(?:[-./](?:\d{0,2}(?:[-./]\d?)?)?)?$/u.test(plain) ||
    /^\d{4}\d{0,4}$/u.test(plain) ||
    /^\d{4}年(?:\d{0,2}(?:月\d{0,2})?)?$/u.test(plain) ||
    /^\d{1,2}\s*[a-z]*\.?,?\s*\d{0,4}$/iu.test(plain) ||
    /^[a-z]+\.?\s*\d{0,2},?\s*\d{0,4}$/iu.test(plain)
  );
}

/** The date in full in the UI language, weekday included, to confirm what was typed: Saturday, 31 October 2026 / 2026年10月31日星期六. */
export function longDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
