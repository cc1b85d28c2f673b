/** The one formatter of numbers, sizes and times for people to read (UI and CLI). */
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDateTime,
  formatNumber,
  formatTime,
  formatYuan,
  intlLocale,
} from '../../../core/i18n/format';

// A moment given in the process's own time zone, so the clock reads 15:05 / 09:05 wherever the test runs.
const afternoon = new Date(2026, 11, 7, 15, 5);
const morning = new Date(2026, 11, 7, 9, 5);

describe('numbers', () => {
  it('group digits in both languages', () => {
    expect(formatNumber(100000, 'en')).toBe('100,000');
    expect(formatNumber(1234567.891, 'zh-CN')).toBe('1,234,567.89');
    expect(formatYuan(100000, 'en')).toBe('RMB 100,000');
    expect(formatYuan(100000, 'zh-CN')).toBe('100,000 元');
  });

  it('write sizes in decimal units, as file managers do', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(512, 'zh-CN')).toBe('512 字节');
    expect(formatBytes(2_500_000, 'en')).toBe('2.5 MB');
    expect(formatBytes(1_234_567_890, 'en')).toBe('1,234.6 MB');
  });
});

describe('times', () => {
  it('use the 24-hour clock in Chinese and the locale’s own clock in English', () => {
    expect(formatTime(afternoon, 'zh-CN')).toBe('15:05');
    expect(formatTime(morning, 'zh-CN')).toBe('09:05');
    expect(formatTime(afternoon, 'en-GB')).toBe('15:05');
    expect(formatTime(afternoon, 'en-US')).toMatch(/^3:05\sPM$/);
    expect(formatDateTime(afternoon, 'zh-CN')).toBe('2026年12月7日 15:05');
    expect(formatDateTime(afternoon, 'en-GB')).toBe('7 Dec 2026, 15:05');
  });

  it('take English conventions from an English system locale only', () => {
    expect(intlLocale('en', 'en-GB')).toBe('en-GB');
    expect(intlLocale('en', 'de-DE')).toBe('en');
    expect(intlLocale('en', undefined)).toBe('en');
    expect(intlLocale('zh-CN', 'en-US')).toBe('zh-CN');
  });
});
