/**
 * Human-readable reports of a decision and a pre-flight result, in English or Simplified Chinese. The JSON
 * output (--json) is the data itself; this is for reading in a terminal.
 */
import type { Language } from '../../core/i18n/language';
import type { Confidence, Conclusion, Decision, Pathway, PreflightIssue, Step } from '../../core/rules';
import type { Bilingual } from '../../core/validate/types';

/** "Label: value" with the colon each language uses. */
const kv = (label: Bilingual, lang: Language, value: string) =>
  lang === 'en' ? `${label.en}:${value ? ` ${value}` : ''}` : `${label['zh-CN']}：${value}`;

const t = (en: string, zh: string): Bilingual => ({ en, 'zh-CN': zh });

const PATHWAYS: Record<Pathway, Bilingual> = {
  icp_filing: t('ICP filing', 'ICP 备案'),
  commercial_licence: t('Commercial ICP licence (plus filing)', '经营性 ICP 许可证（另须备案）'),
  not_eligible: t('Not eligible as things stand', '目前不符合条件'),
  incomplete: t('Not decided yet — answers missing', '尚无法判断——问卷未答完'),
};

const CONFIDENCE: Record<Confidence, Bilingual> = {
  law: t('law', '法律法规'),
  official: t('official', '官方或平台文件'),
  practitioner: t('practitioner', '实务经验'),
  unclear: t('unclear — sources disagree or are silent', '不明确——资料有分歧或缺失'),
};

const STEP_NAMES: Record<Step, Bilingual> = {
  pathway: t('Pathway', '路径'),
  applicant: t('Applicant', '主体'),
  people: t('People', '人员'),
  services: t('Services', '服务'),
  documents: t('Documents', '材料'),
};

const L = {
  pathway: t('Pathway', '结论'),
  confidence: t('confidence', '可信度'),
  alternative: t('If the disputed points go the other way', '如争议点按另一种观点处理'),
  missing: t('Answers still missing', '尚缺的回答'),
  conclusions: t('Conclusions', '具体结论'),
  authority: t('Authority', '主管部门'),
  capital: t('Minimum registered capital', '最低注册资本'),
  timeline: t('Timeline', '预计时间'),
  next: t('Next', '下一步'),
  disputed: t('Disputed', '存在争议'),
  obligations: t('After approval', '获批之后'),
  sources: t('Sources', '依据'),
  rules: t('Rules', '规则版本'),
  asOf: t('as of', '更新于'),
  disclaimer: t(
    'Likely requirements, not legal advice: confirm with your provider or provincial communications administration.',
    '以上为可能的要求，并非法律意见；请向服务商或所在省通信管理局确认。',
  ),
  errors: t('errors', '个错误'),
  warnings: t('warnings', '个警告'),
  clean: t('No problems found.', '未发现问题。'),
  acknowledged: t('acknowledged', '已确认'),
  fix: t('Fix', '处理'),
  error: t('ERROR', '错误'),
  warning: t('WARN', '警告'),
} as const;

function conclusionBlock(c: Conclusion, lang: Language): string[] {
  const lines = [
    `  [${c.ruleId}] ${c.title[lang]}  (${kv(L.confidence, lang, CONFIDENCE[c.confidence][lang])})`,
  ];
  lines.push(`      ${c.explanation[lang]}`);
  if (c.authority) lines.push(`      ${kv(L.authority, lang, c.authority[lang])}`);
  if (c.minRegisteredCapitalCny) {
    const amount = c.minRegisteredCapitalCny.toLocaleString('en-US');
    lines.push(`      ${kv(L.capital, lang, lang === 'en' ? `RMB ${amount}` : `人民币 ${amount} 元`)}`);
  }
  if (c.timeline) lines.push(`      ${kv(L.timeline, lang, c.timeline.text[lang])}`);
  for (const a of c.nextActions) lines.push(`      ${kv(L.next, lang, a[lang])}`);
  for (const o of c.obligations ?? []) lines.push(`      ${kv(L.obligations, lang, o.title[lang])}`);
  for (const d of c.disputes) {
    lines.push(`      ${L.disputed[lang]} — ${d.topic[lang]}`);
    for (const v of d.views) lines.push(`        · ${v.position[lang]}`);
  }
  const sources = c.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join('; ');
  lines.push(`      ${kv(L.sources, lang, sources)}`);
  return lines;
}

export function decisionReport(decision: Decision, lang: Language): string {
  const lines = [
    `${kv(L.pathway, lang, PATHWAYS[decision.pathway][lang])}  (${kv(L.confidence, lang, CONFIDENCE[decision.pathwayConfidence][lang])})`,
  ];
  if (decision.alternativePathway) {
    lines.push(kv(L.alternative, lang, PATHWAYS[decision.alternativePathway][lang]));
  }
  if (decision.missingAnswers.length) {
    lines.push('', kv(L.missing, lang, ''));
    for (const m of decision.missingAnswers) lines.push(`  - ${m.answer} — ${m.label[lang]}`);
  }
  if (decision.conclusions.length) {
    lines.push('', kv(L.conclusions, lang, ''));
    for (const c of decision.conclusions) lines.push(...conclusionBlock(c, lang), '');
  }
  lines.push(
    kv(L.rules, lang, `${decision.rulesVersion}, ${L.asOf[lang]} ${decision.asOf}`),
    L.disclaimer[lang],
    '',
  );
  return lines.join('\n');
}

export function preflightReport(caseName: string, issues: PreflightIssue[], lang: Language): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const lines = [
    lang === 'en'
      ? `${caseName}: ${errors} ${L.errors.en}, ${warnings} ${L.warnings.en}`
      : `${caseName}：${errors} ${L.errors['zh-CN']}，${warnings} ${L.warnings['zh-CN']}`,
  ];
  if (issues.length === 0) lines.push(L.clean[lang]);
  let step: Step | undefined;
  for (const issue of issues) {
    if (issue.step !== step) {
      step = issue.step;
      lines.push('', `## ${STEP_NAMES[step][lang]}`);
    }
    const tag = issue.severity === 'error' ? L.error[lang] : L.warning[lang];
    const ack = issue.acknowledged ? ` (${L.acknowledged[lang]})` : '';
    lines.push(`  ${tag}${ack} ${issue.path} — ${issue.message[lang]}`);
    lines.push(`        ${kv(L.fix, lang, issue.fix[lang])}  [${issue.code}]`);
  }
  lines.push('');
  return lines.join('\n');
}
