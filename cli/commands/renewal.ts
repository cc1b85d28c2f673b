/**
 * `icp-packet renewal <case> [--out <dir>] [--json]`
 *
 * The licence renewal (core/after/renewal.ts): the countdown to the last day to apply (90 days before expiry;
 * prepared from 120), the pre-checks (annual reports filed, filings valid, pending changes done first,
 * every service launched), and with `--out` the renewal packet.
 *
 * Exit codes: 0 every pre-check passes · 1 a pre-check fails (the packet is still written when asked) ·
 * 2 bad input, or a case with no licence to renew (an ICP filing; with `--out`, also one without the
 * licence's expiry date, whose form would print blanks) — as the app's After approval step.
 */
import { noLicenceRefusal } from '../../core/after/changes';
import { renewalMaterials, renewalPreChecks, renewalStatus } from '../../core/after/renewal';
import type { Language } from '../../core/i18n/language';
import type { Case } from '../../core/model/case';
import { todayIso } from '../../core/validate/common';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import { countOf } from '../../core/i18n/plural';
import { InputError, defineCommand } from '../define-command';
import { packetErrorText } from '../messages';
import { materialLines } from '../lifecycle-text';
import { packetWrittenLine, writeLifecyclePacketOut } from '../lifecycle-packet';
import { sourceList } from './report';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const PHASES = {
  noLicence: t('No licence expiry date in the case.', '申请中没有许可证有效期。'),
  early: t(
    'Not yet: the renewal is prepared from 120 days before expiry.',
    '尚未到期：到期前120日起准备续期。',
  ),
  open: t('Prepare and apply now.', '请现在准备并提交续期申请。'),
  late: t(
    'The last day to apply has passed: a late application is not renewed.',
    '已过续期申请截止日：逾期申请不予续期。',
  ),
  expired: t('The licence has expired.', '许可证已到期。'),
} as const;

const CHECKS = {
  licence: t('Licence number and expiry', '许可证编号及有效期'),
  annualReports: t('Annual reports filed', '年报已报送'),
  filings: t('Filings and documents valid', '备案及证件有效'),
  pendingChanges: t('Pending changes done first', '待办变更已办结'),
  launched: t('Every licensed service launched', '各项业务均已上线'),
} as const;

function report(c: Case, today: string, lang: Language): string {
  const en = lang === 'en';
  const status = renewalStatus(c, today);
  const lines = [`${en ? 'Licence renewal' : '许可证续期'} — ${c.subject.name || c.name}`];
  if (status.phase !== 'noLicence') {
    lines.push(
      `  ${en ? 'Expires' : '有效期至'}: ${status.validTo}`,
      `  ${en ? 'Prepare from' : '准备起始'}: ${status.prepareFrom}`,
      `  ${en ? 'Apply by' : '申请截止'}: ${status.applyBy}${status.daysToApplyBy !== null ? (en ? ` (${countOf(status.daysToApplyBy, 'day', 'days')})` : `（${status.daysToApplyBy} 天）`) : ''}`,
    );
  }
  lines.push(
    `  ${PHASES[status.phase][lang]}`,
    `  ${en ? 'Sources' : '依据'}: ${sourceList(status.sources, lang)}`,
    '',
  );
  lines.push(en ? 'Pre-checks:' : '续期前检查：');
  for (const check of renewalPreChecks(c, today)) {
    lines.push(`  ${check.ok ? (en ? 'OK  ' : '通过') : en ? 'FAIL' : '未过'} ${CHECKS[check.id][lang]}`);
    for (const finding of check.findings) lines.push(`       ${finding[lang]}`);
  }
  lines.push('', ...materialLines(renewalMaterials(c), lang), '');
  return lines.join('\n');
}

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      out: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      today: { type: 'string' },
    },
    operands: { count: 1, what: ONE_CASE },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
      throw new InputError('badDate', { option: '--date', value: values.date });
    const today = values.today ?? todayIso();
    const { case: c } = await readCase(file, io, { passphrase: values.passphrase });
    const refusal = noLicenceRefusal(c, 'renewal');
    if (refusal) {
      io.stderr(packetErrorText(lang, refusal));
      return 2;
    }
    const checks = renewalPreChecks(c, today);
    const out = { values, today, lang, io };
    const written = await writeLifecyclePacketOut(
      (host, request) => host.writeRenewalPacket(c, request),
      out,
    );
    if (written === 'refused') return 2;
    const { folder } = written;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ status: renewalStatus(c, today), checks, materials: renewalMaterials(c), ...(folder ? { folder } : {}) }, null, 2)}\n`,
      );
    } else {
      io.stdout(report(c, today, lang));
      if (folder) io.stdout(packetWrittenLine(folder, lang));
    }
    return checks.every((x) => x.ok) ? 0 : 1;
  },
);
