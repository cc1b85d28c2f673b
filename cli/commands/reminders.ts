/**
 * `icp-packet reminders <case.json|case.icpcase> --out <reminders.ics> [--today YYYY-MM-DD] [--json]`
 *
 * Writes the case's obligations (document and permit expiry, public-security filing, annual report,
 * licence renewal, change filings) as one iCalendar file. UIDs are stable, so importing a newer export
 * updates the events instead of duplicating them. `--json` prints the reminders instead of a summary.
 *
 * Exit codes: 0 written · 2 bad input (usage, unreadable or invalid case, output not writable).
 */
import { remindersToIcs } from '../../core/after/ics';
import { buildReminders } from '../../core/after/obligations';
import { todayIso } from '../../core/validate/common';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import { defineCommand } from '../define-command';
import { writeOutput } from '../files';

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      out: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
      force: { type: 'boolean' },
    },
    operands: { count: 1, what: ONE_CASE },
    required: { out: '--out <reminders.ics>' },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const { case: caseData } = await readCase(file, io, { passphrase: values.passphrase });
    const reminders = buildReminders(caseData, values.today ?? todayIso());
    const ics = remindersToIcs(reminders, {
      language: lang,
      now: new Date(),
      calendarName: caseData.name || 'ICP Packet Studio',
    });
    const out = await writeOutput(io, values.out ?? '', ics, { force: values.force ?? false });
    if (values.json) {
      io.stdout(`${JSON.stringify({ file: out, reminders }, null, 2)}\n`);
      return 0;
    }
    const lines = reminders.map(
      (r) => `  ${r.start}${r.end !== r.start ? ` – ${r.end}` : ''}  ${r.title[lang]}`,
    );
    io.stdout(
      (lang === 'zh-CN'
        ? `已写入 ${reminders.length} 条提醒：${out}\n`
        : `Wrote ${reminders.length} reminder${reminders.length === 1 ? '' : 's'} to ${out}\n`) +
        (lines.length ? `${lines.join('\n')}\n` : ''),
    );
    return 0;
  },
);
