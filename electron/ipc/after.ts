/**
 * `reminders:export`: the case's obligations as one .ics file. Main reads the stored case, builds the
 * reminders (core/after/obligations), asks where to save with its own dialog — the renderer sends only the
 * case id and the language — and writes the file atomically enough for a calendar file (temp + rename).
 */
import { rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { remindersToIcs } from '../../core/after/ics';
import { buildReminders } from '../../core/after/obligations';
import { todayIso } from '../../core/validate/common';
import type { HandlerMap } from '../contract';
import { CASE_ID_PATTERN } from '../../host/store/case-store';
import { caseStoreFor, viaStore } from './cases';
import type { HandlerDeps } from './deps';
import { HandlerError } from './result';

const exportRequest = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN),
  language: z.enum(['en', 'zh-CN']),
  /** The renderer's today (YYYY-MM-DD), so the export matches the timeline on screen. */
  today: z.iso.date().optional(),
});

/** A file name from the case name: no path separators or characters Windows refuses. */
export function calendarFileName(caseName: string): string {
  const base = [...caseName]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'ICP'} reminders.ics`;
}

export function createAfterHandlers(deps: HandlerDeps): Pick<HandlerMap, 'reminders:export'> {
  const store = caseStoreFor(deps);
  return {
    'reminders:export': viaStore(exportRequest, async ({ caseId, language, today }) => {
      if (!deps.showCalendarSaveDialog) throw new HandlerError('internal', { reason: 'noSaveDialog' });
      const { case: c } = await store.open(caseId);
      const reminders = buildReminders(c, today ?? todayIso());
      const ics = remindersToIcs(reminders, {
        language,
        now: new Date(),
        calendarName: c.name || 'ICP Packet Studio',
      });
      const target = await deps.showCalendarSaveDialog({ defaultFileName: calendarFileName(c.name) });
      if (!target) return { saved: false as const };
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, ics, 'utf8');
      await rename(temp, target);
      return {
        saved: true as const,
        fileName: target.split(/[\\/]/).pop() ?? target,
        count: reminders.length,
      };
    }),
  };
}
