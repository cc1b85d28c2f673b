/** Dates as the documents print them (2021年03月18日, 2015.06.12, 12.05.1978, 780512) → ISO YYYY-MM-DD. */
import { isoDate } from '../validate/common';

/** The first date in `text` written year first: 2021年3月18日, 2021.03.18, 2021-03-18 (or undefined). */
export function chineseDate(text: string): string | undefined {
  const match = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})/.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An MRZ date (YYMMDD) as ISO. A birth date is in the past: a year after this one's two digits is last
 * century. An expiry date is within the next 50 years or the last 50.
 */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: string): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  let year = century + yy;
  if (kind === 'birth' && year > thisYear) year -= 100;
  if (kind === 'expiry' && year < thisYear - 50) year += 100;
  return isoDate(year, Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)));
}
