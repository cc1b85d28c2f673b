import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDateTime, formatNumber, formatTime, formatYuan } from '../../../core/i18n/format';
import { todayIso } from '../../../core/validate/common';
import { chineseDate } from '../../../core/validate/dates';
import { uiLocale } from './i18n';

/**
 * The calendar day of a moment on this computer's clock, YYYY-MM-DD (a stored instant is UTC: its first ten
 * characters are yesterday's date for anyone east of Greenwich in the small hours).
 */
export function localDay(at: string): string {
  return todayIso(new Date(at));
}

/**
 * Numbers, amounts, sizes and times in the UI language, for text not interpolated into a translation
 * (which the i18n layer formats by itself): the same core/i18n/format.ts the CLI uses.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  return useMemo(
    () => ({
      number: (value: number) => formatNumber(value, locale),
      yuan: (amount: number) => formatYuan(amount, locale),
      bytes: (bytes: number) => formatBytes(bytes, locale),
      dateTime: (at: string | number | Date) => formatDateTime(at, locale),
      time: (at: string | number | Date) => formatTime(at, locale),
      /** An ISO date as UI text writes it: 2026年10月31日 in Chinese, as is in English (as t() does). */
      date: (iso: string) => (locale === 'zh-CN' ? chineseDate(iso) : iso),
    }),
    [locale],
  );
}
