/**
 * The reminders as one iCalendar file (RFC 5545), written with the `ics` library: all-day events with
 * bilingual summaries (the chosen language first), the detail and sources in both languages, a display
 * alarm a week before, and UIDs from {@link buildReminders} so that a re-import updates the events.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import type { Language } from '../i18n/language';
import { addCalendarDays } from './working-days';
import type { Reminder } from './obligations';

function dateArray(iso: string): DateArray {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

export class IcsError extends Error {}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1: lines SHOULD NOT exceed 75 octets. The library folds at 75 characters, which lets a
 * Chinese line reach 225 octets; this unfolds its output and folds again by octets, never inside a
 * character.
 */
export function foldByOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let size = 0;
      let limit = 75;
      for (const char of line) {
        const bytes = encoder.encode(char).length;
        if (size + bytes > limit) {
          parts.push(current);
          current = '';
          size = 0;
          limit = 74; // continuation lines start with one space
        }
        current += char;
        size += bytes;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** The .ics text of `reminders`; `now` stamps DTSTAMP (the export time). */
export function remindersToIcs(
  reminders: readonly Reminder[],
  options: { language: Language; now: Date; calendarName: string },
): string {
  const other: Language = options.language === 'en' ? 'zh-CN' : 'en';
  const events: EventAttributes[] = reminders.map((r) => ({
    uid: r.uid,
    productId: 'icp-packet-studio',
    calName: options.calendarName,
    start: dateArray(r.start),
    // DTEND of an all-day event is exclusive: the day after the last day.
    end: dateArray(addCalendarDays(r.end, 1)),
    title: `${r.title[options.language]} / ${r.title[other]}`,
    description: [
      r.detail[options.language],
      r.detail[other],
      '',
      ...r.sources.map((s) => (s.url ? `${s.title} ${s.url}` : s.title)),
    ].join('\n'),
    timestamp: options.now.getTime(),
    transp: 'TRANSPARENT',
    categories: ['ICP', r.kind],
    alarms: [
      {
        action: 'display',
        description: r.title[options.language],
        // The ics package writes `days` as "-P7DT" (a dangling T, invalid RFC 5545 §3.3.6); hours alone
        // give "-PT168H", which every calendar reads as a week before.
        trigger: { hours: 7 * 24, before: true },
      },
    ],
  }));
  const { error, value } = createEvents(events, {
    productId: 'icp-packet-studio',
    calName: options.calendarName,
  });
  if (error || value === undefined || value === null) throw new IcsError(error?.message ?? 'ics failed');
  return foldByOctets(value);
}
