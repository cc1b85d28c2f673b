/**
 * `icp-packet change <case> --event <kind> [--details event.json] [--out <dir>] [--json]`
 *
 * A recorded change of a licence holder (core/after/changes.ts): the licence change's deadline (30 calendar
 * days after the registration; a shareholder change applied for within 30 days of the decision and approved
 * before it is implemented), the filing-side change (变更备案) of every filed service, and the materials. The
 * latest event of the kind the case records is used; `--details` describes one instead (applied to the case
 * in memory — the case file is not changed). `--out` writes the change packet.
 *
 * Exit codes: 0 done · 2 bad input (unknown kind, no such change recorded, invalid details, folder exists).
 */
import {
  CHANGE_KINDS,
  ChangeDraftSchema,
  changeMaterials,
  changeProblemText,
  checkChange,
  describeValues,
  filingChanges,
  latestChange,
  licenceDeadline,
  recordChange,
} from '../../core/after/changes';
import { changeRule } from '../../core/after/lifecycle-rules';
import type { Language } from '../../core/i18n/language';
import type { Case, ChangeEvent, ChangeKind } from '../../core/model/case';
import { todayIso } from '../../core/validate/common';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import type { CliIo } from '../command';
import { InputError, defineCommand } from '../define-command';
import { materialLines } from '../lifecycle-text';
import { packetWrittenLine, writeLifecyclePacketOut } from '../lifecycle-packet';
import { jsonValue, readInputFile } from '../files';
import { sourceList } from './report';

/** `legal-representative` and `legal_representative` both name the kind. */
export function changeKindOf(value: string): ChangeKind | undefined {
  const kind = value.trim().replaceAll('-', '_');
  return (CHANGE_KINDS as readonly string[]).includes(kind) ? (kind as ChangeKind) : undefined;
}

async function eventFromDetails(c: Case, file: string, kind: ChangeKind, today: string, io: CliIo) {
  const input = await readInputFile(file, io, {
    maxBytes: 1024 * 1024,
    what: { en: 'a change details file', 'zh-CN': '变更详情文件' },
  });
  const parsed = ChangeDraftSchema.safeParse({ kind, ...(jsonValue(input) as object) });
  const fail = (details: string) => new InputError('detailsInvalid', { file: input.file, details });
  if (!parsed.success)
    throw fail(
      parsed.error.issues
        .slice(0, 8)
        .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('\n'),
    );
  if (parsed.data.kind !== kind) throw fail(`  kind: "${parsed.data.kind}" is not --event ${kind}`);
  const problems = checkChange(c, parsed.data, today);
  if (problems.length)
    throw fail(
      problems
        .map((p) => `  ${p.field}: ${changeProblemText(p).en} / ${changeProblemText(p)['zh-CN']}`)
        .join('\n'),
    );
  const updated = recordChange(c, parsed.data, 'cli-details', new Date());
  return { c: updated, event: updated.lifecycle.changes.at(-1) as ChangeEvent };
}

function report(c: Case, event: ChangeEvent, today: string, lang: Language): string {
  const en = lang === 'en';
  const rule = changeRule(event.kind);
  const values = describeValues(c, event);
  const lines = [`${en ? 'Change' : '变更事项'}: ${rule.title[lang]} — ${c.subject.name || c.name}`];
  lines.push(`  ${en ? 'Before' : '变更前'}: ${values.before[lang] || '—'}`);
  lines.push(`  ${en ? 'After' : '变更后'}: ${values.after[lang] || '—'}`);
  const licence = licenceDeadline(c, event, today);
  if (licence) {
    const when = licence.date
      ? `${licence.date}${licence.daysLeft !== null ? (en ? ` (${licence.daysLeft} days left)` : `（剩余 ${licence.daysLeft} 天）`) : ''}`
      : en
        ? 'once the date is known'
        : '待日期确定后计算';
    lines.push(
      '',
      `${en ? 'Licence change: apply by' : '许可证变更：最迟'} ${when}${licence.overdue ? (en ? ' — OVERDUE' : ' —— 已逾期') : ''}${licence.done ? (en ? ' (filed)' : '（已提交）') : ''}`,
      `  ${rule.rule[lang]}`,
      `  ${en ? 'Calendar days, weekends and holidays included.' : '按自然日计算，含周末和节假日。'}`,
      `  ${en ? 'Sources' : '依据'}: ${sourceList(licence.sources, lang)}`,
    );
    if (licence.approvalBeforeImplementing)
      lines.push(
        `  ${en ? 'Approval first: register the change only once it is approved.' : '须先获批准：批准后方可办理变更登记。'}`,
      );
  } else if (rule.licenceItem) {
    lines.push(
      '',
      en ? 'No licence recorded: only the filings change.' : '申请中未记录许可证：仅需办理备案变更。',
    );
  }
  const filings = filingChanges(c, event, today);
  lines.push('', en ? 'Filing changes (变更备案):' : '备案变更：');
  if (filings.length === 0) lines.push(en ? '  none' : '  无');
  for (const f of filings) {
    const changes = f.fields
      .map((x) => `${x.label[lang]} ${x.before[lang] || '—'} → ${x.after[lang] || '—'}`)
      .join('; ');
    const by = f.deadline.date
      ? `${en ? 'by' : '最迟'} ${f.deadline.date}${f.overdue ? (en ? ' (passed: file at once)' : '（已过，请立即办理）') : ''}`
      : '';
    lines.push(`  ${f.serviceName} ${f.number} — ${f.via[lang]}: ${changes} ${by}`.trimEnd());
    if (f.note) lines.push(`    ${f.note[lang]}`);
  }
  lines.push('', ...materialLines(changeMaterials(c, event), lang), '');
  return lines.join('\n');
}

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      event: { type: 'string' },
      details: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      today: { type: 'string' },
    },
    operands: { count: 1, what: ONE_CASE },
    required: { event: '--event <kind>' },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const kind = changeKindOf(values.event ?? '');
    if (!kind)
      throw new InputError('unknownEvent', { event: values.event ?? '', list: CHANGE_KINDS.join(', ') });
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      throw new InputError('badDate', { option: '--date', value: values.date });
    const today = values.today ?? todayIso();
    const input = await readCase(file, io, { passphrase: values.passphrase });
    let c = input.case;
    let event = latestChange(c, kind);
    if (values.details) ({ c, event } = await eventFromDetails(c, values.details, kind, today, io));
    if (!event) throw new InputError('noChangeRecorded', { event: kind });

    const out = { values, today, lang, io };
    const written = await writeLifecyclePacketOut(
      (host, request) => host.writeChangePacket(c, event.id, request),
      out,
    );
    if (written === 'refused') return 2;
    const { folder } = written;
    if (values.json) {
      io.stdout(
        `${JSON.stringify(
          {
            event,
            licence: licenceDeadline(c, event, today) ?? null,
            filing: filingChanges(c, event, today),
            materials: changeMaterials(c, event),
            ...(folder ? { folder } : {}),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout(report(c, event, today, lang));
      if (folder) io.stdout(packetWrittenLine(folder, lang));
    }
    return 0;
  },
);
