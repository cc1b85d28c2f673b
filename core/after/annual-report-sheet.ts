/**
 * The annual report's bilingual "what to type where" sheet: for every form, each field's Chinese label with
 * its English meaning, the value to type and where it comes from; the checks' findings; the year's deadlines;
 * and the commitment text — the one the user pasted from the system, or an empty box with the reason it is
 * empty (no source has the text). Built as a document template (core/after/sheet.ts) and set by the
 * document engine.
 */
import type { Case } from '../model/case';
import { formatDate } from '../documents/resolve';
import { sourceTitle, type Source } from '../rules/data';
import type { AnnualReportDryRun, ReportCheck, ReportField } from './annual-report';
import { ANNUAL_REPORT_RULES, type LabelOrigin } from './lifecycle-rules';
import { sheetTemplate, sheetText, type SheetBlock, type SheetText } from './sheet';
import type { DocumentTemplate } from '../documents/template-schema';

const ORIGIN_NOTES: Record<LabelOrigin, SheetText> = {
  published: { zh: '公示项', en: 'Published field' },
  guide: { zh: '旧版说明栏目', en: "Older guide's label" },
  law: { zh: '《办法》用语', en: 'Order 42 wording' },
  ours: { zh: '描述性栏目名', en: 'Descriptive label' },
};

const SEVERITY: Record<ReportCheck['severity'], SheetText> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Warning' },
};

const STAGE: Record<ReportCheck['stage'], SheetText> = {
  entry: { zh: '进入年报前', en: 'Before the forms' },
  save: { zh: '保存时', en: 'On 保存 (save)' },
  submit: { zh: '提交时', en: 'On 提交 (submit)' },
  review: { zh: '审核时', en: 'At review' },
};

const DEADLINE_NAMES: Record<string, SheetText> = {
  opens: { zh: '系统开放', en: 'System opens' },
  due: { zh: '报送截止', en: 'Deadline' },
  correction: { zh: '限时补报及修改期', en: 'Correction window (late filers)' },
  publication: { zh: '年报公示；未报企业列入不良名单', en: 'Publication; non-filers on the bad list' },
};

const CONFIDENCE: Record<string, SheetText> = {
  law: { zh: '法规规定', en: 'law' },
  official: { zh: '官方通知', en: 'official notice' },
  practitioner: { zh: '代理机构说法', en: 'agencies report' },
  unclear: { zh: '未确认', en: 'not confirmed' },
};

const dateZh = (iso: string) => formatDate(iso, 'zh');
const dateEn = (iso: string) => formatDate(iso, 'en');
const span = (from: string, to: string): SheetText =>
  from === to
    ? { zh: dateZh(from), en: dateEn(from) }
    : { zh: `${dateZh(from)}至${dateZh(to)}`, en: `${dateEn(from)} – ${dateEn(to)}` };

function valueCell(field: ReportField): SheetText {
  if (field.value === '') return { zh: '（未填写）', en: '(missing)' };
  return { zh: field.value, en: field.valueNote ? `${field.value} — ${field.valueNote.en}` : field.value };
}

function noteCell(field: ReportField, checks: readonly ReportCheck[]): SheetText {
  const zh: string[] = [ORIGIN_NOTES[field.labelFrom].zh];
  const en: string[] = [ORIGIN_NOTES[field.labelFrom].en];
  if (field.suggested) {
    zh.push('建议值：请在系统选项中选择最接近的一项');
    en.push("Suggested: pick the nearest entry of the system's list");
  } else if (field.valueNote && field.format === 'percent') {
    zh.push(field.valueNote['zh-CN']);
  }
  for (const check of checks.filter((c) => c.field === field.key)) {
    zh.push(`${SEVERITY[check.severity].zh}：${check.message['zh-CN']}`);
    en.push(`${SEVERITY[check.severity].en}: ${check.message.en}`);
  }
  return { zh: zh.join('\n'), en: en.join('\n') };
}

/**
 * The sources, each once: in Chinese by its Chinese title (`titleZh` where the data has one) and its address;
 * beneath it, in the review print, the English title (with the English meaning of a Chinese title) as its
 * gloss — the address is not repeated there. A source with one title for both prints it once.
 */
function sourceLines(sources: readonly Source[]): SheetText[] {
  const seen = new Set<string>();
  const out: SheetText[] = [];
  for (const s of sources) {
    const zhTitle = sourceTitle(s, 'zh-CN').title;
    const { title, meaning } = sourceTitle(s, 'en');
    const enTitle = meaning ? `${title} (${meaning})` : title;
    const zh = s.url ? `${zhTitle} ${s.url}` : zhTitle;
    const line = { zh, en: enTitle === zhTitle ? zh : enTitle };
    const key = `${line.zh}\n${line.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

/** The sheet of one year's dry run, as a document template. */
export function annualReportSheet(c: Case, run: AnnualReportDryRun): DocumentTemplate {
  const blocks: SheetBlock[] = [];
  blocks.push({
    kind: 'paragraph',
    text: {
      zh: `本表为${run.year}年度电信业务经营许可年报的离线填报对照，供登录${ANNUAL_REPORT_RULES.system.name['zh-CN']}（${ANNUAL_REPORT_RULES.system.url}）时逐项填写。金额单位按${ANNUAL_REPORT_RULES.amountUnit['zh-CN']}列出，请以系统栏目标注的单位为准。`,
      en: `An offline dry run of the ${run.year} licence annual report, to type into ${ANNUAL_REPORT_RULES.system.name.en} (${ANNUAL_REPORT_RULES.system.url}) field by field. Amounts are given in ${ANNUAL_REPORT_RULES.amountUnit.en} (${ANNUAL_REPORT_RULES.amountUnit['zh-CN']}); the unit shown beside each field in the system is the one to follow.`,
    },
  });
  blocks.push({
    kind: 'kv',
    caption: { zh: '概况', en: 'Overview' },
    rows: [
      {
        label: { zh: '报告年度', en: 'Year reported' },
        value: { zh: `${run.year}年度`, en: String(run.year) },
      },
      {
        label: { zh: '许可证编号', en: 'Licence number' },
        value: {
          zh: c.afterApproval.licenceNumber || '（未填写）',
          en: c.afterApproval.licenceNumber || '(missing)',
        },
      },
      {
        label: { zh: '登录入口', en: 'Sign in at' },
        value: {
          zh: `${ANNUAL_REPORT_RULES.system.loginUrl} → ${ANNUAL_REPORT_RULES.system.url}`,
          en: `${ANNUAL_REPORT_RULES.system.loginUrl} → ${ANNUAL_REPORT_RULES.system.url}`,
        },
      },
      {
        label: { zh: '检查结果', en: 'Checks' },
        value: {
          zh: `错误 ${run.errors} 项，提示 ${run.warnings} 项`,
          en: `${run.errors} error(s), ${run.warnings} warning(s)`,
        },
      },
    ],
  });

  blocks.push({
    kind: 'table',
    caption: { zh: '时间安排', en: 'Deadlines' },
    columns: [
      { zh: '事项', en: 'What', width: 4 },
      { zh: '日期', en: 'When', width: 4.2 },
      { zh: '依据', en: 'Basis', width: 2.4 },
    ],
    rows: run.deadlines.map((d) => {
      const name = DEADLINE_NAMES[d.id] ?? { zh: d.id, en: d.id };
      const when = span(d.from, d.to);
      if (d.id === 'opens' && !d.known)
        return [
          name,
          {
            zh: `${when.zh}前后（本省当年通知未收录）`,
            en: `Around ${when.en} (no notice for this province and year in our data)`,
          },
          CONFIDENCE.unclear!,
        ];
      return [
        name,
        d.id === 'due' ? { zh: `截至${dateZh(d.to)}`, en: `By ${dateEn(d.to)}` } : when,
        CONFIDENCE[d.confidence]!,
      ];
    }),
  });

  blocks.push({
    kind: 'paragraph',
    text: {
      zh: '栏目名称的来源：“公示项”为工信部年报公示字段清单中的栏目名称；“旧版说明栏目”取自旧版填表说明；“《办法》用语”取自《电信业务经营许可管理办法》第三十五条；“描述性栏目名”为本表按含义所拟，资料中没有系统的原栏目名称，请在系统中按含义找到对应栏目。',
      en: 'Where the labels come from: a "published field" is named as in MIIT\'s list of the report\'s published fields; an "older guide\'s label" comes from an older MIIT form guide; "Order 42 wording" from Art. 35 of the Licence Measures; a "descriptive label" is ours — no source gives the system\'s own label, so find the field by its meaning.',
    },
  });
  for (const form of run.forms) {
    blocks.push({
      kind: 'table',
      caption: { zh: form.title['zh-CN'], en: form.title.en },
      columns: [
        { zh: '栏目', en: 'Field', width: 3.2 },
        { zh: '填写内容', en: 'Value to type', width: 4.4 },
        { zh: '说明', en: 'Notes', width: 3.4 },
      ],
      rows: form.fields.map((field) => [
        { zh: field.label['zh-CN'], en: field.label.en },
        valueCell(field),
        noteCell(field, run.checks),
      ]),
    });
  }
  const closed = run.figures.services.filter((s) => !s.open);
  if (closed.length)
    blocks.push({
      kind: 'paragraph',
      text: {
        zh: `设为“未开通”的业务（${closed.map((s) => s.category).join('、')}）没有业务发展情况表：在系统中改为“未开通”会删除该表已填写的内容。`,
        en: `No business development table for the services set to 未开通 (${closed.map((s) => s.category).join(', ')}): switching a service to 未开通 in the system deletes what was typed in its table.`,
      },
    });

  blocks.push({
    kind: 'table',
    caption: { zh: '检查结果', en: 'What the checks found' },
    columns: [
      { zh: '级别', en: 'Level', width: 1.4 },
      { zh: '环节', en: 'When', width: 1.8 },
      { zh: '问题及处理', en: 'Problem and fix', width: 7.8 },
    ],
    rows: run.checks.map((check) => [
      SEVERITY[check.severity],
      STAGE[check.stage],
      { zh: `${check.message['zh-CN']}\n${check.fix['zh-CN']}`, en: `${check.message.en}\n${check.fix.en}` },
    ]),
    empty: { zh: '未发现问题', en: 'Nothing found' },
  });

  blocks.push({ kind: 'heading', text: { zh: '承诺书文字', en: 'The commitment text' } });
  blocks.push({
    kind: 'paragraph',
    text: {
      zh: '首次进入年报模块时，系统要求手动输入“承诺书”中划线的文字，错字、漏字及标点须完全一致。我们的资料中没有这段文字，本表不作代拟。',
      en: 'On first entry the system asks you to type the underlined text of its 承诺书 (commitment) exactly — typos, omissions and punctuation included. Our sources do not have that text, and this sheet does not make one up.',
    },
  });
  if (run.commitmentText.trim()) {
    blocks.push({
      kind: 'table',
      caption: {
        zh: `${run.year}年度承诺书文字（由用户从系统复制）`,
        en: `The ${run.year} commitment text, as pasted from the system`,
      },
      columns: [{ zh: '承诺书文字', en: 'Commitment text', width: 1 }],
      rows: [[{ zh: run.commitmentText.trim(), en: '(Chinese text as the system shows it)' }]],
    });
  } else {
    blocks.push({
      kind: 'box',
      caption: {
        zh: '请从系统承诺书页面复制划线文字，粘贴到应用中保存，或抄写于此',
        en: "Copy the underlined text from the system's commitment page into the app, or write it here",
      },
      heading: { zh: '承诺书划线文字', en: 'Underlined commitment text' },
      lines: 5,
    });
  }

  blocks.push({
    kind: 'table',
    caption: { zh: '其他要求材料', en: 'Other materials to upload' },
    columns: [
      { zh: '材料', en: 'Material', width: 7 },
      { zh: '要求', en: 'Requirement', width: 4 },
    ],
    rows: ANNUAL_REPORT_RULES.attachments.items.map((item) => [
      sheetText(item),
      {
        zh: `PDF，每份不超过${ANNUAL_REPORT_RULES.attachments.maxBytes / 1024 / 1024}MB（代理机构说法）`,
        en: `PDF, at most ${ANNUAL_REPORT_RULES.attachments.maxBytes / 1024 / 1024} MB each (agencies report)`,
      },
    ]),
  });

  const sources = [
    ...ANNUAL_REPORT_RULES.system.sources,
    ...run.deadlines.flatMap((d) => d.sources),
    ...run.forms.flatMap((f) => f.sources),
    ...run.checks.flatMap((c) => c.sources),
    ...ANNUAL_REPORT_RULES.commitment.sources,
    ...ANNUAL_REPORT_RULES.amountUnit.sources,
  ];
  blocks.push({ kind: 'notes', heading: { zh: '资料来源', en: 'Sources' }, items: sourceLines(sources) });

  return sheetTemplate({
    id: 'annual-report-sheet',
    title: {
      zh: `${run.year}年度经营许可年报填报对照表`,
      en: `Annual report ${run.year}: what to type where`,
    },
    basis: [
      {
        zh: '电信业务经营许可年报的表单、栏目与校验',
        en: 'The forms, fields and checks of the licence annual report',
        source: ANNUAL_REPORT_RULES.source,
      },
    ],
    asOf: ANNUAL_REPORT_RULES.asOf,
    blocks,
  });
}
