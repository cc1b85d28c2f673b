/**
 * Working days (工作日) on the mainland calendar: Monday to Friday, less the public holidays, plus the weekend
 * days the State Council turns into working days (调休上班). The calendar is data
 * (templates/rules/holidays-cn.json), one entry per year with its source and "as of" date. It is part of the
 * rule pack (core/rules/pack.ts): an imported pack replaces the calendar in use through `useHolidayCalendar`.
 *
 * A count never guesses silently: every result says which years it crossed and how good the data for each
 * was — `official` (the year's notice is in the data), `statutoryOnly` (statutory holidays only: an
 * estimate) or `none` (no data: weekends only).
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import holidaysJson from '../../templates/rules/holidays-cn.json' with { type: 'json' };
import { BilingualSchema, SourceSchema, ruleFileSchema } from '../rules/data';
import type { Bilingual } from '../validate/types';

const isoDay = lazySchema(() => z.iso.date());

const HolidayYearSchema = lazySchema(() =>
  z.strictObject({
    year: z.number().int().min(2000).max(2100),
    status: z.enum(['official', 'statutoryOnly']),
    source: SourceSchema,
    asOf: isoDay,
    note: BilingualSchema.optional(),
    holidays: z.array(z.strictObject({ name: BilingualSchema, from: isoDay, to: isoDay })),
    workdays: z.array(isoDay),
  }),
);

export const HolidayCalendarSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/holidays', {
    years: z.array(HolidayYearSchema),
  }),
);

export type HolidayYear = z.infer<typeof HolidayYearSchema>;
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>;
export type CalendarStatus = HolidayYear['status'] | 'none';

/** The calendar in use: the bundled one, or an imported rule pack's. */
export let HOLIDAY_CALENDAR: HolidayCalendar = bundledData(
  'holidays-cn',
  HolidayCalendarSchema,
  holidaysJson,
);

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; NaN when it is not a real date. */
export function dayNumber(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return Number.NaN;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) return Number.NaN;
  // Date.parse rolls 2026-02-30 over to March; a real date formats back to itself.
  return new Date(ms).toISOString().slice(0, 10) === iso ? ms / DAY_MS : Number.NaN;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(dayNumber(value));
}

/** `iso` plus `days` calendar days. */
export function addCalendarDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** A calendar built for look-ups: days off and weekend working days by day number, years by number. */
export class WorkingCalendar {
  private readonly off = new Map<number, Bilingual>();
  private readonly extraWorkdays = new Set<number>();
  private readonly years = new Map<number, HolidayYear>();

  constructor(data: HolidayCalendar = HOLIDAY_CALENDAR) {
    for (const year of data.years) {
      this.years.set(year.year, year);
      for (const holiday of year.holidays) {
        for (let d = dayNumber(holiday.from); d <= dayNumber(holiday.to); d++) this.off.set(d, holiday.name);
      }
      for (const workday of year.workdays) this.extraWorkdays.add(dayNumber(workday));
    }
  }

  statusOf(year: number): CalendarStatus {
    return this.years.get(year)?.status ?? 'none';
  }

  yearData(year: number): HolidayYear | undefined {
    return this.years.get(year);
  }

  /** The holiday a date falls in, if any. */
  holidayOn(iso: string): Bilingual | undefined {
    return this.off.get(dayNumber(iso));
  }

  isWorkingDay(iso: string): boolean {
    return this.isWorkingDayNumber(dayNumber(iso));
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.extraWorkdays.has(day)) return true;
    if (this.off.has(day)) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The `count`-th working day after `start` (the start day itself is not counted, as "within 20 working
   * days of receiving the materials" starts the next day).
   */
  addWorkingDays(start: string, count: number): CalendarCount {
    let day = dayNumber(start);
    if (Number.isNaN(day)) throw new RangeError(`not a date: ${start}`);
    let left = count;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    const date = isoOfDay(day);
    return { date, coverage: this.coverage(start, date) };
  }

  /** Working days in (from, to]: 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    let n = 0;
    for (let d = a + 1; d <= b; d++) if (this.isWorkingDayNumber(d)) n += 1;
    return n;
  }

  /** How good the data is for every year from `from` to `to` (in either order). */
  coverage(from: string, to: string): YearCoverage[] {
    const y1 = Number(from.slice(0, 4));
    const y2 = Number(to.slice(0, 4));
    const out: YearCoverage[] = [];
    for (let y = Math.min(y1, y2); y <= Math.max(y1, y2); y++)
      out.push({ year: y, status: this.statusOf(y) });
    return out;
  }
}

export interface YearCoverage {
  year: number;
  status: CalendarStatus;
}

export interface CalendarCount {
  date: string;
  /** Every year the count crossed, with the quality of its holiday data. */
  coverage: YearCoverage[];
}

/** True when some year of the coverage is not fully known: the result is an estimate. */
export function isEstimate(coverage: readonly YearCoverage[]): boolean {
  return coverage.some((c) => c.status !== 'official');
}

let defaultCalendar = new WorkingCalendar();

/** The calendar in use, built for look-ups (read it at each count: an imported rule pack replaces it). */
export function currentCalendar(): WorkingCalendar {
  return defaultCalendar;
}

/** What a holiday file's schema cannot see: a year listed twice, ranges backwards, days outside their year. */
export function holidayCalendarProblems(calendar: HolidayCalendar): string[] {
  const problems: string[] = [];
  const years = calendar.years.map((y) => y.year);
  for (const year of years.filter((y, i) => years.indexOf(y) !== i)) problems.push(`year ${year} twice`);
  for (const year of calendar.years) {
    const outside = (day: string) => !day.startsWith(`${year.year}-`);
    for (const h of year.holidays) {
      if (h.from > h.to) problems.push(`${year.year}: holiday ends before it starts (${h.from} to ${h.to})`);
      else if (outside(h.from)) problems.push(`${year.year}: ${h.from} lies outside the year`);
    }
    for (const day of year.workdays)
      if (outside(day)) problems.push(`${year.year}: ${day} lies outside the year`);
  }
  return problems;
}

/** Puts a parsed holiday calendar in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useHolidayCalendar(calendar: HolidayCalendar): void {
  HOLIDAY_CALENDAR = calendar;
  defaultCalendar = new WorkingCalendar(calendar);
}
