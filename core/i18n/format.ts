/**
 * The one way numbers, byte sizes, amounts and times are written for people to read — on screen (through
 * the renderer's i18n layer) and in the CLI's messages. Text copied into a portal field or printed on an
 * official document is not written here: it follows the portal's or the template's own rules.
 *
 * Every function takes an Intl locale: 'en' and 'zh-CN' (the UI languages) work as they are; the renderer
 * passes the English locale of the user's system where there is one (see {@link intlLocale}).
 */
import type { Language } from './language';

/**
 * The Intl locale for a UI language: Chinese is zh-CN (24-hour clock, 2026年12月7日); English follows the
 * user's own English conventions when the system locale is an English one (en-GB: 15:05, 7 Dec 2026;
 * en-US: 3:05 PM, Dec 7, 2026), and plain `en` otherwise.
 */
export function intlLocale(language: Language, systemLocale?: string): string {
  if (language === 'zh-CN') return 'zh-CN';
  return systemLocale !== undefined && /^en(?:-|$)/i.test(systemLocale) && validLocale(systemLocale)
    ? systemLocale
    : 'en';
}

function validLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
  } catch {
    return false;
  }
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `n|${locale}|${maximumFractionDigits}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping: true });
    cache.set(key, format);
  }
  return format;
}

/** A count or quantity, grouped the locale's way: 100000 → “100,000”. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 2): string {
  return numberFormat(locale, maximumFractionDigits).format(value);
}

/** An amount of RMB: “RMB 100,000” in English, “100,000 元” in Chinese. */
export function formatYuan(amount: number, locale: string): string {
  const grouped = formatNumber(amount, locale);
  return isChinese(locale) ? `${grouped} 元` : `RMB ${grouped}`;
}

/** Bytes as a file manager shows them (decimal units, one decimal): “512 bytes”, “2.5 MB”, “1,200 KB”. */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1000)
    return isChinese(locale) ? `${formatNumber(bytes, locale)} 字节` : `${formatNumber(bytes, locale)} bytes`;
  if (bytes < 1000 * 1000) return `${formatNumber(bytes / 1000, locale, 1)} KB`;
  return `${formatNumber(bytes / 1000 / 1000, locale, 1)} MB`;
}

function dateTimeFormat(locale: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `d|${locale}|${withDate}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      ...(withDate ? { dateStyle: 'medium' } : {}),
      timeStyle: 'short',
      // Chinese text uses the 24-hour clock; English keeps its locale's own (12-hour in en-US, 24 in en-GB).
      ...(isChinese(locale) ? { hourCycle: 'h23' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

/** A moment (ISO string, epoch milliseconds or Date) as date and time: “7 Dec 2026, 15:05” / “2026年12月7日 15:05”. */
export function formatDateTime(at: string | number | Date, locale: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : dateTimeFormat(locale, true).format(date);
}

/** A moment's time of day: “3:05 PM” (en-US), “15:05” (en-GB, zh-CN). */
export function formatTime(at: string | number | Date, locale: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : dateTimeFormat(locale, false).format(date);
}

function isChinese(locale: string): boolean {
  return /^zh(?:-|$)/i.test(locale);
}
