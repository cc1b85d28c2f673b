/**
 * `icp-packet reminders <case.json> --out <reminders.ics> [--lang en|zh-CN] [--today YYYY-MM-DD] [--json]`
 *
 * Writes the case's obligations (document and permit expiry, public-security filing, annual report,
 * licence renewal, change filings) as one iCalendar file. UIDs are stable, so importing a newer export
 * updates the events instead of duplicating them. `--json` prints the reminders instead of a summary.
 *
 * Exit codes: 0 written · 2 bad input (usage, unreadable or invalid case, output not writable).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { remindersToIcs } from '../../core/after/ics';
import { buildReminders } from '../../core/after/obligations';
import { todayIso } from '../../core/validate/common';
import type { CliCommand, CliIo } from '../command';
import { readCaseJson } from './after-input';
import { InputError, withInputErrors } from './input';

const USAGE = 'reminders <case.json> --out <reminders.ics> [--lang en|zh-CN] [--today YYYY-MM-DD] [--json]';

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        today: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\nUsage: icp-packet ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new InputError(`expected exactly one case file.\nUsage: icp-packet ${USAGE}`);
  if (!values.out) throw new InputError(`--out <reminders.ics> is required.\nUsage: icp-packet ${USAGE}`);
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'zh-CN')
    throw new InputError(`--lang must be en or zh-CN, not "${String(lang)}".`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new InputError(`--today must be a date as YYYY-MM-DD, not "${values.today}".`);
  const today = values.today ?? todayIso();

  const caseData = await readCaseJson(positionals[0] ?? '', io);
  const reminders = buildReminders(caseData, today);
  const ics = remindersToIcs(reminders, {
    language: lang,
    now: new Date(),
    calendarName: caseData.name || 'ICP Packet Studio',
  });
  const out = path.resolve(io.cwd, values.out);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, ics, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${(error as Error).message}`);
  }
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
}

export const remindersCommand: CliCommand = {
  name: 'reminders',
  usage: USAGE,
  summary: 'write the obligations and reminders of a case as one .ics calendar file',
  run: (args, io) => withInputErrors('reminders', io, () => run(args, io)),
};
