import { describe, expect, it } from 'vitest';
import { dayNumber, HOLIDAY_CALENDAR, isEstimate, WorkingCalendar } from '../../../core/after/working-days';

const calendar = new WorkingCalendar();
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('the holiday calendar data', () => {
  it('holds 2026 from the State Council notice and 2027 at least, each with a source and an as-of date', () => {
    expect(calendar.statusOf(2026)).toBe('official');
    expect(['official', 'statutoryOnly']).toContain(calendar.statusOf(2027));
    for (const year of HOLIDAY_CALENDAR.years) {
      expect(year.source.title.length, String(year.year)).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(year.asOf))).toBe(false);
      if (year.status !== 'official') expect(year.note, String(year.year)).toBeDefined();
    }
  });

  it('keeps every day inside its year, ranges in order, and makes only weekend days working days', () => {
    for (const year of HOLIDAY_CALENDAR.years) {
      for (const h of year.holidays) {
        expect(h.from.slice(0, 4)).toBe(String(year.year));
        expect(dayNumber(h.from)).toBeLessThanOrEqual(dayNumber(h.to));
      }
      for (const w of year.workdays) expect([0, 6]).toContain(weekday(w));
    }
  });
});

describe('working days', () => {
  it('skips the 2026 Spring Festival week and counts its Saturday working days', () => {
    // 2026-02-14 (Saturday) is a working day; 15–23 February are off; 28 February (Saturday) works.
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5); // 14, 24, 25, 26, 27
    expect(calendar.holidayOn('2026-02-17')).toEqual({ en: 'Spring Festival', 'zh-CN': '春节' });
  });

  it('counts 20 working days of provincial review across Mid-Autumn and National Day 2026', () => {
    const result = calendar.addWorkingDays('2026-09-24', 20);
    expect(result.date).toBe('2026-10-29');
    expect(result.coverage).toEqual([{ year: 2026, status: 'official' }]);
    expect(isEstimate(result.coverage)).toBe(false);
  });

  it('says so when a count crosses a year with statutory holidays only', () => {
    const result = calendar.addWorkingDays('2026-12-21', 20);
    expect(result.coverage).toEqual([
      { year: 2026, status: 'official' },
      { year: 2027, status: calendar.statusOf(2027) },
    ]);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    if (calendar.statusOf(2027) !== 'official') expect(isEstimate(result.coverage)).toBe(true);
  });

  it('counts Monday to Friday in a year without data, and marks the result as an estimate', () => {
    expect(calendar.statusOf(2031)).toBe('none');
    const result = calendar.addWorkingDays('2031-01-31', 5); // a Friday
    expect(result.date).toBe('2031-02-07');
    expect(result.coverage).toEqual([{ year: 2031, status: 'none' }]);
    expect(isEstimate(result.coverage)).toBe(true);
  });

  it('refuses a date that does not exist instead of rolling it over', () => {
    expect(Number.isNaN(dayNumber('2026-02-30'))).toBe(true);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
