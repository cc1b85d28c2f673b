/**
 * `icp-packet annual-report <case> --year YYYY [--figures figures.json] [--out sheet.pdf] [--json]`
 *
 * The licence annual report as an offline dry run (core/after/annual-report.ts): every form's fields with
 * their Chinese label, English meaning and the value to type; the checks the system runs on 保存 and on
 * submit, and the reasons reviewers return reports; the year's deadlines. `--figures` takes the year's
 * figures from a file instead of the case; `--out` writes the bilingual "what to type where" sheet as PDF.
 *
 * Exit codes: 0 no errors (warnings allowed) · 1 the checks found errors · 2 bad input, or a case with no
 * licence to report on (an ICP filing), as the app's After approval step.
 */
import * as z from 'zod';
import { countOf } from '../../core/i18n/plural';
import { dryRunAnnualReport, type AnnualReportDryRun } from '../../core/after/annual-report';
import { noLicenceRefusal } from '../../core/after/changes';
import type { Language } from '../../core/i18n/language';
import { AnnualFiguresSchema, AnnualServiceRowSchema, type AnnualFigures } from '../../core/model/case';
import { todayIso } from '../../core/validate/common';
import { CASE_OPTIONS, ONE_CASE, readCase } from '../case-reader';
import { InputError, defineCommand } from '../define-command';
import { packetErrorText } from '../messages';
import { jsonValue, readInputFile, writeOutput } from '../files';
import { sourceList } from './report';

/** The figures file: the case's figures format, unknown keys refused. */
const FiguresFileSchema = AnnualFiguresSchema.extend({
  services: z.array(AnnualServiceRowSchema.strict()).max(2).default([]),
}).strict();

async function readFigures(file: string, io: Parameters<typeof readInputFile>[1]): Promise<AnnualFigures> {
  const input = await readInputFile(file, io, {
    maxBytes: 1024 * 1024,
    what: { en: 'an annual-report figures file', 'zh-CN': '年报数据文件' },
  });
  const parsed = FiguresFileSchema.safeParse(jsonValue(input));
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 8)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new InputError('figuresInvalid', { file: input.file, details });
  }
  return parsed.data;
}

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const WINDOW = {
  notOpen: t('the system is not open yet', '系统尚未开放'),
  open: t('open: report by the deadline', '报送期内'),
  correction: t('late: the correction window is open until 30 April', '已逾期：4月30日前可限时补报'),
  closed: t('closed: the report can no longer be filed or changed', '已关闭：无法再报送或修改'),
} as const;

const DEADLINES = {
  opens: t('System opens', '系统开放'),
  due: t('Deadline', '报送截止'),
  correction: t('Late filing and corrections', '限时补报及修改'),
  publication: t('Publication; non-filers on the bad list', '年报公示；未报企业列入不良名单'),
} as const;

const CONFIDENCE = {
  law: t('law', '法规'),
  official: t('official notice', '官方通知'),
  practitioner: t('agencies report', '代理机构说法'),
  unclear: t('not confirmed', '未确认'),
} as const;

function report(run: AnnualReportDryRun, subject: string, lang: Language): string {
  const en = lang === 'en';
  const lines: string[] = [];
  lines.push(en ? `Annual report ${run.year} — ${subject}` : `${run.year}年度经营许可年报 — ${subject}`);
  lines.push(`${en ? 'Now' : '当前'}: ${WINDOW[run.window][lang]}`);
  for (const d of run.deadlines) {
    const when = d.from === d.to ? d.from : `${d.from} – ${d.to}`;
    const estimate =
      d.id === 'opens' && !d.known
        ? en
          ? ' (usual date; no notice in our data)'
          : '（惯常日期，资料中无本省通知）'
        : '';
    lines.push(
      `  ${DEADLINES[d.id][lang]}: ${d.id === 'due' ? d.to : when}${estimate}  [${CONFIDENCE[d.confidence][lang]}]`,
    );
  }
  for (const form of run.forms) {
    lines.push('', `${form.title['zh-CN']}${en ? ` — ${form.title.en}` : ''}`);
    for (const field of form.fields) {
      const label = en ? `${field.label['zh-CN']} (${field.label.en})` : field.label['zh-CN'];
      const value = field.value || (en ? '(missing)' : '（未填写）');
      const note = field.valueNote ? `  — ${field.valueNote[lang]}` : '';
      const mark = field.labelFrom === 'ours' ? (en ? ' [descriptive label]' : ' [描述性栏目名]') : '';
      lines.push(`  ${label}${mark}: ${value}${note}`);
    }
  }
  lines.push(
    '',
    en
      ? `Checks: ${countOf(run.errors, 'error', 'errors')}, ${countOf(run.warnings, 'warning', 'warnings')}`
      : `检查结果：错误 ${run.errors} 项，提示 ${run.warnings} 项`,
  );
  for (const check of run.checks) {
    const tag = check.severity === 'error' ? (en ? 'ERROR' : '错误') : en ? 'WARN' : '提示';
    lines.push(`  ${tag} [${check.stage}] ${check.message[lang]}`);
    lines.push(`      ${en ? 'Fix' : '处理'}: ${check.fix[lang]}`);
    lines.push(`      ${en ? 'Sources' : '依据'}: ${sourceList(check.sources, lang)}`);
  }
  lines.push(
    '',
    run.commitmentText.trim()
      ? en
        ? 'Commitment text: kept for this year (printed on the sheet).'
        : '承诺书文字：已保存本年度文字（见对照表）。'
      : en
        ? 'Commitment text: not kept. Our sources do not have it: copy it from the system (After approval → Annual report in the app).'
        : '承诺书文字：未保存。我们的资料中没有这段文字，请从系统中复制（应用中“获批之后 → 年报”）。',
    '',
  );
  return lines.join('\n');
}

export default defineCommand(
  {
    options: {
      ...CASE_OPTIONS,
      year: { type: 'string' },
      figures: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      today: { type: 'string' },
    },
    operands: { count: 1, what: ONE_CASE },
    required: { year: '--year YYYY' },
  },
  async ({ values, positionals: [file = ''], lang }, io) => {
    const yearText = values.year ?? '';
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)
      throw new InputError('badYear', { value: yearText });
    const year = Number(yearText);
    const { case: c } = await readCase(file, io, { passphrase: values.passphrase });
    const refusal = noLicenceRefusal(c, 'annualReport');
    if (refusal) {
      io.stderr(packetErrorText(lang, refusal));
      return 2;
    }
    const figures = values.figures ? await readFigures(values.figures, io) : undefined;
    const today = values.today ?? todayIso();
    let run = dryRunAnnualReport(c, year, { today, ...(figures ? { figures } : {}) });
    let sheet: string | undefined;
    if (values.out) {
      // pdf-lib and the fonts load only when a sheet is asked for.
      const { renderAnnualReportSheet } = await import('../../host/lifecycle');
      const rendered = await renderAnnualReportSheet(c, {
        year,
        today,
        now: new Date(),
        resourcesDir: io.resourcesDir,
        ...(figures ? { figures } : {}),
      });
      run = rendered.run;
      sheet = await writeOutput(io, values.out, rendered.bytes, { force: values.force ?? false });
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ ...run, ...(sheet ? { sheet } : {}) }, null, 2)}\n`);
    } else {
      io.stdout(report(run, c.subject.name || c.name, lang));
      if (sheet) io.stdout(`${lang === 'en' ? 'Sheet written' : '对照表已生成'}: ${sheet}\n`);
    }
    return run.errors > 0 ? 1 : 0;
  },
);
