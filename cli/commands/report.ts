/**
 * Human-readable reports of a decision and a pre-flight result, in English or Simplified Chinese. The JSON
 * output (--json) is the data itself; this is for reading in a terminal.
 */
import type { Language } from '../../core/i18n/language';
import type {
  BottomLine,
  Confidence,
  Conclusion,
  Decision,
  Pathway,
  PreflightIssue,
  RouteOption,
  Source,
  Step,
} from '../../core/rules';
import { sourceTitle } from '../../core/rules/data';
import type { RulePackInfo } from '../../core/rules/pack';
import type { Bilingual } from '../../core/validate/types';
import { rulePackLines } from '../rule-pack-text';

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

/** How sure, in words (the same scale as the app's result). */
const SURE: Record<Confidence, Bilingual> = {
  law: t('firm — the law says so', '确定——法律法规有明确规定'),
  official: t('likely — official or platform sources say so', '较确定——官方或平台文件有说明'),
  practitioner: t('probable — practitioners report it', '大概率——实务人士的经验'),
  unclear: t('uncertain — sources disagree or are silent', '不确定——资料有分歧或没有说明'),
};

const FILEABLE: Record<'icp_filing' | 'commercial_licence', Bilingual> = {
  icp_filing: t('an ICP filing', 'ICP 备案'),
  commercial_licence: t('the commercial ICP licence, plus the filing', '经营性 ICP 许可证，另须备案'),
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
  bottomLine: t('Bottom line', '结论摘要'),
  likely: t('Most likely', '最可能'),
  wayForward: t('Most likely way forward', '最可能的解决途径'),
  otherwise: t('If not', '否则'),
  undecided: t('Not decided yet: answer the questions listed below.', '尚无法判断：请回答下列问题。'),
  openQuestion: t('Open question', '待确认'),
  ask: t('Ask', '请询问'),
  subject: t('Filing subject', '备案主体'),
  providerDependent: t('accepted only where the provider and province allow it', '须服务商和备案省份接受'),
  corrected: t('Corrected', '已更正'),
  obstacles: t('Obstacles', '障碍'),
  route: t('Route', '途径'),
  noRoute: t('No route', '无可行途径'),
  disputes: t('Where sources disagree', '资料存在分歧之处'),
  sources: t('Sources', '依据'),
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

const SECONDARY = t('a copy on another site: no official text was found', '其他网站的转载，未找到官方文本');

/**
 * One source as the reports print it: its title (the Chinese title in Chinese, where the data has one), its
 * address, and, for a copy on a site that did not issue the text (`secondary`), that no official text was
 * found — as the app says beside it.
 */
export function sourceText(
  s: Pick<Source, 'title' | 'titleZh' | 'titleEn' | 'url' | 'secondary'>,
  lang: Language,
): string {
  const { title: name, meaning } = sourceTitle(s, lang);
  const title = meaning ? `${name} (${meaning})` : name;
  const text = s.url ? `${title} <${s.url}>` : title;
  if (!s.secondary) return text;
  return lang === 'zh-CN' ? `${text}（${SECONDARY['zh-CN']}）` : `${text} (${SECONDARY.en})`;
}

export const sourceList = (sources: readonly Source[], lang: Language) =>
  sources.map((s) => sourceText(s, lang)).join('; ');

function bottomLineText(b: BottomLine, lang: Language): string[] {
  const sure = `(${SURE[b.confidence][lang]})`;
  const lines: string[] = [];
  if (b.kind === 'pathway' && b.pathway) {
    lines.push(`${kv(L.likely, lang, FILEABLE[b.pathway][lang])}  ${sure}`);
    if (b.route) lines.push(`  ${kv(L.otherwise, lang, b.route.title[lang])}`);
  } else if (b.kind === 'route' && b.route) {
    lines.push(`${kv(L.wayForward, lang, b.route.title[lang])}  ${sure}`);
  } else {
    lines.push(L.undecided[lang]);
  }
  if (b.openQuestion) {
    lines.push(`  ${kv(L.openQuestion, lang, b.openQuestion.topic[lang])}`);
    const q = b.openQuestion.question[lang];
    lines.push(
      `  ${kv(L.ask, lang, lang === 'en' ? `${b.openQuestion.who.en}: “${q}”` : `${b.openQuestion.who['zh-CN']}：“${q}”`)}`,
    );
  }
  return lines;
}

function routeBlock(r: RouteOption, lang: Language): string[] {
  return [
    `      ${kv(L.route, lang, r.title[lang])}  (${kv(L.confidence, lang, CONFIDENCE[r.confidence][lang])})`,
    `          ${r.detail[lang]}`,
    `          ${kv(L.sources, lang, sourceList(r.sources, lang))}`,
  ];
}

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
  // Each dispute is set out once, below; the conclusion names it.
  for (const d of c.disputes) lines.push(`      ${L.disputed[lang]} — ${d.topic[lang]} [${d.id}]`);
  lines.push(`      ${kv(L.sources, lang, sourceList(c.sources, lang))}`);
  return lines;
}

export function decisionReport(decision: Decision, lang: Language, today: string): string {
  const lines = [
    `${kv(L.pathway, lang, PATHWAYS[decision.pathway][lang])}  (${kv(L.confidence, lang, CONFIDENCE[decision.pathwayConfidence][lang])})`,
  ];
  if (decision.alternativePathway) {
    lines.push(kv(L.alternative, lang, PATHWAYS[decision.alternativePathway][lang]));
  }
  lines.push(
    '',
    `${kv(L.bottomLine, lang, '')}`,
    ...bottomLineText(decision.bottomLine, lang).map((l) => `  ${l}`),
  );
  const subject = decision.filingSubject;
  if (subject) {
    const number = subject.number ? ` — ${subject.number[lang]}` : '';
    const flag = subject.providerDependent ? ` (${L.providerDependent[lang]})` : '';
    lines.push(
      '',
      kv(L.subject, lang, `${subject.document[lang]}${number}${flag}`),
      `  ${subject.note[lang]}`,
    );
  }
  for (const c of decision.corrections) lines.push('', kv(L.corrected, lang, c.message[lang]));
  if (decision.missingAnswers.length) {
    lines.push('', kv(L.missing, lang, ''));
    for (const m of decision.missingAnswers) lines.push(`  - ${m.answer} — ${m.label[lang]}`);
  }
  if (decision.obstacles.length) {
    lines.push('', kv(L.obstacles, lang, String(decision.obstacles.length)));
    for (const o of decision.obstacles) {
      lines.push(
        `  [${o.ruleId}] ${o.title[lang]}  (${kv(L.confidence, lang, CONFIDENCE[o.confidence][lang])})`,
      );
      for (const r of o.routes) lines.push(...routeBlock(r, lang));
      if (o.noRoute) lines.push(`      ${kv(L.noRoute, lang, o.noRoute[lang])}`);
    }
  }
  if (decision.conclusions.length) {
    lines.push('', kv(L.conclusions, lang, ''));
    for (const c of decision.conclusions) lines.push(...conclusionBlock(c, lang), '');
  }
  if (decision.disputes.length) {
    lines.push(kv(L.disputes, lang, ''));
    for (const d of decision.disputes) {
      lines.push(`  [${d.id}] ${d.topic[lang]}`);
      for (const v of d.views) lines.push(`    · ${v.position[lang]}  (${sourceList(v.sources, lang)})`);
    }
    lines.push('');
  }
  lines.push(...rulePackLines(decision.rulePack, lang, today), L.disclaimer[lang], '');
  return lines.join('\n');
}

export function preflightReport(
  caseName: string,
  issues: PreflightIssue[],
  lang: Language,
  rules: { info: RulePackInfo; today: string },
): string {
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
  lines.push('', ...rulePackLines(rules.info, lang, rules.today), '');
  return lines.join('\n');
}
