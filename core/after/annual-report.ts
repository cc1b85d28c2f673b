/**
 * The licence annual report (年报) as an offline dry run: from the case and one year's figures, every form of
 * MIIT's system with each field's Chinese label, English meaning and the value to type; the checks the system
 * runs on 保存 (format, required fields) and on submit (figures that must agree across forms), and the reasons
 * reviewers return reports; and the year's deadlines from the rule data (templates/rules/annual-report.json).
 *
 * Nothing here guesses what the sources do not give: a label no source quotes says so (`labelFrom: 'ours'`),
 * the unit of amounts is marked unclear, and the commitment text the system asks to be typed is only ever what
 * the user pasted from the system.
 */
import {
  AnnualFiguresSchema,
  type AnnualFigures,
  type AnnualReport,
  type Case,
  type LicenceCategoryCode,
} from '../model/case';
import { areaOf, formatDate, formatLicenceCategories } from '../documents/resolve';
import { idDocumentName, printedName } from '../documents/names';
import type { Confidence, Source } from '../rules/data';
import { caseLicenceCategories } from '../rules/licence-categories';
import { parseIcpNumber, validateIcpNumber } from '../validate/icp-number';
import { validatePhone } from '../validate/phone';
import { provinceByCode } from '../validate/provinces';
import { measureLength } from '../validate/text';
import type { Bilingual } from '../validate/types';
import { validateUscc } from '../validate/uscc';
import {
  ANNUAL_REPORT_RULES,
  changeRule,
  type CheckCode,
  type CheckStage,
  type FieldFormat,
  type FormId,
  type Label,
  type LabelOrigin,
} from './lifecycle-rules';
import { dayNumber, isIsoDate } from './working-days';

/** One field of one form, with what to type into it. */
export interface ReportField {
  /** Unique within the report: `basic.companyName`, `business.B25.users`. */
  key: string;
  form: FormId;
  id: string;
  label: Label;
  labelFrom: LabelOrigin;
  format: FieldFormat;
  /** MIIT publishes this field every May. */
  published: boolean;
  /** What to type, exactly ('' when the value is missing): amounts in the unit of the rule data. */
  value: string;
  /** The value in other words: an amount in yuan, what a choice means, the unit of a percentage. */
  valueNote?: Bilingual;
  /** The value is our suggestion (a choice from a list the sources do not give): pick the nearest entry. */
  suggested?: boolean;
  /** The figure (a path in {@link AnnualFigures}) the value comes from, for the form that edits it. */
  figure?: string;
  /** The case field (a pre-flight field path) the value comes from. */
  casePath?: string;
}

export interface ReportForm {
  id: FormId;
  title: Bilingual;
  /** The licensed category of a business development table. */
  category?: LicenceCategoryCode;
  fields: ReportField[];
  sources: Source[];
}

export interface ReportCheck {
  code: CheckCode;
  stage: CheckStage;
  severity: 'error' | 'warning';
  confidence: Confidence;
  message: Bilingual;
  fix: Bilingual;
  sources: Source[];
  /** The field concerned, by {@link ReportField.key}. */
  field?: string;
  figure?: string;
  casePath?: string;
}

export type DeadlineId = 'opens' | 'due' | 'correction' | 'publication';

export interface ReportDeadline {
  id: DeadlineId;
  from: string;
  to: string;
  /** For `opens`: whether a notice for this province and year is in the data (else the usual early January). */
  known: boolean;
  confidence: Confidence;
  sources: Source[];
}

/** Where the year's report stands on `today`. */
export type ReportWindow = 'notOpen' | 'open' | 'correction' | 'closed';

export interface AnnualReportDryRun {
  year: number;
  figures: AnnualFigures;
  forms: ReportForm[];
  checks: ReportCheck[];
  errors: number;
  warnings: number;
  deadlines: ReportDeadline[];
  window: ReportWindow;
  /** The commitment text the user pasted from the system for this year ('' when none). */
  commitmentText: string;
  /** The report was marked submitted (已报) on this day ('' when not). */
  submittedOn: string;
  /** The licensed categories, one business development table each. */
  categories: LicenceCategoryCode[];
}

/** The stored report of a year, if any. */
export function storedReport(c: Case, year: number): AnnualReport | undefined {
  return c.lifecycle.annualReports.find((r) => r.year === year);
}

/** The categories a licence holder reports on: those it applied for (the Pathway answer or the decision). */
export function reportCategories(c: Case): LicenceCategoryCode[] {
  return caseLicenceCategories(c);
}

/**
 * A year's figures: the stored ones, with one business row per licensed category (opened by default, as
 * the system pre-fills them); rows for categories the licence does not hold are dropped.
 */
export function figuresFor(c: Case, year: number, given?: AnnualFigures): AnnualFigures {
  const base = given ?? storedReport(c, year)?.figures ?? AnnualFiguresSchema.parse({});
  const services = reportCategories(c).map(
    (category) =>
      base.services.find((s) => s.category === category) ?? {
        category,
        open: true,
        users: null,
        revenueCny: null,
      },
  );
  return { ...base, services };
}

/** The day the licence was granted (the journal's licence_granted entry), '' when not recorded. */
export function licenceGrantedOn(c: Case): string {
  const on = c.journal.find((e) => e.status === 'licence_granted')?.on ?? '';
  return isIsoDate(on) ? on : '';
}

/**
 * The first year the licence is held: the grant recorded in the journal, else the year a licence number
 * carries in its serial (粤B2-2025xxxx); undefined when neither says.
 */
export function licenceFirstYear(c: Case): number | undefined {
  const granted = licenceGrantedOn(c);
  if (granted) return Number(granted.slice(0, 4));
  return parseIcpNumber(c.afterApproval.licenceNumber)?.year;
}

/** The year a new report is most likely for: last year, or the first licensed year when that is later. */
export function defaultReportYear(c: Case, today: string): number {
  const last = Number(today.slice(0, 4)) - 1;
  const first = licenceFirstYear(c);
  return first ? Math.max(last, first) : last;
}

// ------------------------------------------------------------------ values

/** An amount in yuan as typed in the system's unit (万元, two decimals): 1234567.89 → 123.46. */
export function amountValue(yuan: number | null): string {
  if (yuan === null) return '';
  return (yuan / 10_000).toFixed(2);
}

function amountNote(yuan: number | null): Bilingual | undefined {
  if (yuan === null) return undefined;
  const grouped = yuan.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const UNIT = { zh: ANNUAL_REPORT_RULES.amountUnit['zh-CN'], en: ANNUAL_REPORT_RULES.amountUnit.en };
  return {
    en: `in ${UNIT.en} (${UNIT.zh}): RMB ${grouped}. If the field's unit is 元 (yuan), type ${yuan}.`,
    'zh-CN': `单位：${UNIT.zh}（即 ${grouped} 元）。如系统栏目单位为“元”，请填写 ${yuan}。`,
  };
}

const countValue = (n: number | null) => (n === null ? '' : String(n));

/** 2031-12-01 → 2031年12月01日, the form guide's way of writing a date. */
function guideDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : '';
}

/** The company type the system's list most likely holds for each applicant, with its English meaning. */
const NATURE_SUGGESTIONS: Partial<Record<string, Bilingual>> = {
  domestic_company: { 'zh-CN': '内资企业', en: 'Domestic enterprise' },
  wfoe: { 'zh-CN': '外商独资企业', en: 'Wholly foreign-owned enterprise' },
  jv: { 'zh-CN': '中外合资经营企业', en: 'Sino-foreign equity joint venture' },
};

function serviceOutlets(c: Case): string {
  return c.services
    .map((s) => {
      const id =
        s.kind === 'website'
          ? s.domains.join('、')
          : s.kind === 'mini_program'
            ? s.appId
            : s.platforms.map((p) => p.packageName).join('、');
      const number =
        c.afterApproval.serviceNumbers.find((n) => n.serviceId === s.id)?.number || s.filingNumber || '';
      return [s.name, id, number].filter(Boolean).join(' ');
    })
    .filter(Boolean)
    .join('；');
}

function securityOfficer(c: Case): { value: string; casePath: string } {
  const index = c.licence.staff.findIndex((s) => /信息安全|网络安全|安全/.test(s.role));
  const staff = c.licence.staff[index];
  if (staff)
    return { value: [staff.name, staff.phone].filter(Boolean).join(' '), casePath: `licence.staff.${index}` };
  const p = c.principal;
  return { value: [printedName(p, 'zh'), p.mobile].filter(Boolean).join(' '), casePath: 'principal.name' };
}

type FieldValue = Pick<ReportField, 'value' | 'valueNote' | 'suggested' | 'figure' | 'casePath'>;

/** The type of enterprise (企业性质) the app suggests for the case's applicant, with its English meaning. */
export function enterpriseNatureSuggestion(c: Case): Bilingual | undefined {
  return NATURE_SUGGESTIONS[c.answers.subject ?? ''];
}

function basicValues(c: Case, f: AnnualFigures): Record<string, FieldValue> {
  const province = provinceByCode(c.subject.province);
  const suggestion = NATURE_SUGGESTIONS[c.answers.subject ?? ''];
  const nature = f.enterpriseNature || suggestion?.['zh-CN'] || '';
  // A value the app wrote (or the user typed the same) has a known English meaning; a typed one is theirs.
  const natureMeaning = Object.values(NATURE_SUGGESTIONS).find((n) => n?.['zh-CN'] === nature.trim())?.en;
  const categories = reportCategories(c);
  return {
    companyName: { value: c.subject.name, casePath: 'subject.name' },
    uscc: { value: c.subject.certificateNumber, casePath: 'subject.certificateNumber' },
    // As on the business licence: the name of the identity document (a passport's Latin name).
    legalRepresentative: {
      value: idDocumentName(c.legalRepresentative),
      casePath: 'legalRepresentative.name',
    },
    licenceNumber: { value: c.afterApproval.licenceNumber, casePath: 'afterApproval.licenceNumber' },
    registeredAddress: { value: c.subject.certificateAddress, casePath: 'subject.certificateAddress' },
    registeredPlace: {
      value: province?.nameZh ?? '',
      ...(province ? { valueNote: { en: province.nameEn, 'zh-CN': '注册地所在省份' } } : {}),
      casePath: 'subject.province',
    },
    registeredCapital: {
      value: amountValue(c.subject.registeredCapitalCny),
      ...(amountNote(c.subject.registeredCapitalCny)
        ? { valueNote: amountNote(c.subject.registeredCapitalCny) }
        : {}),
      casePath: 'subject.registeredCapitalCny',
    },
    serviceTypes: {
      value: formatLicenceCategories(categories, 'zh'),
      ...(categories.length > 0
        ? {
            valueNote: {
              en: formatLicenceCategories(categories, 'en'),
              'zh-CN': '与经营许可证所载业务种类一致',
            },
          }
        : {}),
    },
    enterpriseNature: {
      value: nature,
      figure: 'enterpriseNature',
      ...(f.enterpriseNature ? {} : nature ? { suggested: true } : {}),
      valueNote: {
        en: `${natureMeaning ? `${natureMeaning}. ` : ''}The system offers a list our sources do not give: pick the entry that matches the company type on the business licence.`,
        'zh-CN': '系统提供选项列表（资料中未载明），请选择与营业执照“类型”一致的选项。',
      },
    },
    listed: {
      value: f.listed === null ? '' : f.listed ? '已上市' : '未上市',
      figure: 'listed',
      ...(f.listed === null
        ? {}
        : {
            valueNote: f.listed
              ? { en: 'Listed', 'zh-CN': '已上市' }
              : { en: 'Not listed', 'zh-CN': '未上市' },
          }),
    },
    branches: {
      value: f.branches.trim() || '无',
      figure: 'branches',
      ...(f.branches.trim() ? {} : { valueNote: { en: 'None', 'zh-CN': '没有分支机构' } }),
    },
    validity: { value: guideDate(c.afterApproval.licenceValidTo), casePath: 'afterApproval.licenceValidTo' },
    mailingAddress: {
      value: c.subject.mailingAddress
        ? `${areaOf(c.subject.province, c.subject.city, c.subject.district, 'zh')}${c.subject.mailingAddress}`
        : '',
      casePath: 'subject.mailingAddress',
    },
    employees: { value: countValue(f.employees), figure: 'employees' },
    staffChanges: { value: f.staffChanges.trim(), figure: 'staffChanges' },
  };
}

function qualityValues(c: Case, f: AnnualFigures): Record<string, FieldValue> {
  const phone = c.licence.complaintPhone || c.subject.phone;
  return {
    complaintPhone: {
      value: phone,
      casePath: c.licence.complaintPhone ? 'licence.complaintPhone' : 'subject.phone',
    },
    complaints: { value: countValue(f.complaints), figure: 'complaints' },
    complaintResponseRate: {
      value: f.complaintResponseRatePct === null ? '' : String(f.complaintResponseRatePct),
      figure: 'complaintResponseRatePct',
      valueNote: { en: 'Per cent, without the % sign', 'zh-CN': '百分比数值，不含“%”' },
    },
  };
}

function financeValues(f: AnnualFigures): Record<string, FieldValue> {
  const amount = (yuan: number | null, figure: string): FieldValue => {
    const note = amountNote(yuan);
    return { value: amountValue(yuan), figure, ...(note ? { valueNote: note } : {}) };
  };
  return {
    revenue: amount(f.revenueCny, 'revenueCny'),
    cost: amount(f.costCny, 'costCny'),
    telecomRevenue: amount(f.telecomRevenueCny, 'telecomRevenueCny'),
    disclose: {
      value: f.discloseFinancials ? '是' : '否',
      figure: 'discloseFinancials',
      valueNote: f.discloseFinancials
        ? { en: 'Tick it: the three figures are published in May', 'zh-CN': '勾选：上述三项数据将于5月公示' }
        : { en: 'Leave it unticked: the figures stay unpublished', 'zh-CN': '不勾选：上述数据不予公示' },
    },
  };
}

function businessValues(c: Case, f: AnnualFigures, index: number): Record<string, FieldValue> {
  const row = f.services[index];
  if (!row) return {};
  const revenueNote = amountNote(row.revenueCny);
  return {
    status: {
      value: row.open ? '开通' : '未开通',
      figure: `services.${index}.open`,
      valueNote: row.open ? { en: 'Opened', 'zh-CN': '已开通' } : { en: 'Not opened', 'zh-CN': '未开通' },
    },
    users: { value: countValue(row.users), figure: `services.${index}.users` },
    serviceRevenue: {
      value: amountValue(row.revenueCny),
      figure: `services.${index}.revenueCny`,
      ...(revenueNote ? { valueNote: revenueNote } : {}),
    },
    outlets: { value: serviceOutlets(c), casePath: 'services' },
    networkBuildout: { value: f.networkBuildout.trim(), figure: 'networkBuildout' },
  };
}

function internetValues(c: Case, f: AnnualFigures): Record<string, FieldValue> {
  const count = (kind: string) => String(c.services.filter((s) => s.kind === kind).length);
  const domains = c.services.flatMap((s) => (s.kind === 'website' ? s.domains : []));
  return {
    websites: { value: count('website'), casePath: 'services' },
    apps: { value: count('app'), casePath: 'services' },
    miniPrograms: { value: count('mini_program'), casePath: 'services' },
    domains: {
      value: domains.length ? domains.join('、') : '无',
      ...(domains.length ? {} : { valueNote: { en: 'None', 'zh-CN': '没有网站域名' } }),
      casePath: 'services',
    },
    totalUsers: { value: countValue(f.users), figure: 'users' },
  };
}

const CATEGORY_NAMES: Record<LicenceCategoryCode, Bilingual> = {
  B25: { en: 'Information services (B25)', 'zh-CN': '信息服务业务（B25）' },
  B21: { en: 'Online data and transaction processing (B21)', 'zh-CN': '在线数据处理与交易处理业务（B21）' },
};

export function categoryName(category: LicenceCategoryCode): Bilingual {
  return CATEGORY_NAMES[category];
}

/** Every form of the report with its values. */
export function reportForms(c: Case, figures: AnnualFigures): ReportForm[] {
  const forms: ReportForm[] = [];
  for (const rule of ANNUAL_REPORT_RULES.forms) {
    const build = (values: Record<string, FieldValue>, keyPrefix: string, category?: LicenceCategoryCode) => {
      const title = category
        ? {
            en: `${rule.title.en.replace(/ \(one per licensed category\)$/, '')}: ${CATEGORY_NAMES[category].en}`,
            'zh-CN': `${rule.title['zh-CN']}（${CATEGORY_NAMES[category]['zh-CN']}）`,
          }
        : rule.title;
      forms.push({
        id: rule.id,
        title,
        ...(category ? { category } : {}),
        sources: rule.sources,
        fields: rule.fields.map((field) => ({
          key: `${keyPrefix}.${field.id}`,
          form: rule.id,
          id: field.id,
          label: { 'zh-CN': field['zh-CN'], en: field.en },
          labelFrom: field.labelFrom,
          format: field.format,
          published: field.published,
          value: '',
          ...values[field.id],
        })),
      });
    };
    switch (rule.id) {
      case 'basic':
        build(basicValues(c, figures), 'basic');
        break;
      case 'quality':
        build(qualityValues(c, figures), 'quality');
        break;
      case 'finance':
        build(financeValues(figures), 'finance');
        break;
      case 'security': {
        const officer = securityOfficer(c);
        build(
          {
            securityOfficer: { value: officer.value, casePath: officer.casePath },
            securityRules: { value: figures.securityRules.trim(), figure: 'securityRules' },
            securityMeasures: { value: figures.securityMeasures.trim(), figure: 'securityMeasures' },
          },
          'security',
        );
        break;
      }
      case 'business':
        // The system builds a development table only for an opened service (开通); 未开通 has none.
        figures.services.forEach((row, index) => {
          if (row.open) build(businessValues(c, figures, index), `business.${row.category}`, row.category);
        });
        break;
      case 'internet':
        build(internetValues(c, figures), 'internet');
        break;
    }
  }
  return forms;
}

// ------------------------------------------------------------------ checks

type Params = Record<string, string | number>;

function interpolate(text: string, params: Params): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

function check(
  code: CheckCode,
  params: { en: Params; 'zh-CN': Params },
  where: Pick<ReportCheck, 'field' | 'figure' | 'casePath'> = {},
  message?: Bilingual,
): ReportCheck {
  const rule = ANNUAL_REPORT_RULES.checks[code];
  return {
    code,
    stage: rule.stage,
    severity: rule.severity,
    confidence: rule.confidence,
    message: message ?? {
      en: interpolate(rule.message.en, params.en),
      'zh-CN': interpolate(rule.message['zh-CN'], params['zh-CN']),
    },
    fix: {
      en: interpolate(rule.fix.en, params.en),
      'zh-CN': interpolate(rule.fix['zh-CN'], params['zh-CN']),
    },
    sources: rule.sources,
    ...where,
  };
}

const fieldNames = (field: ReportField): { en: Params; 'zh-CN': Params } => ({
  en: { field: field.label.en },
  'zh-CN': { field: field.label['zh-CN'] },
});

const whereOf = (field: ReportField) => ({
  field: field.key,
  ...(field.figure ? { figure: field.figure } : {}),
  ...(field.casePath ? { casePath: field.casePath } : {}),
});

const yuan = (n: number) => `RMB ${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const yuanZh = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}元`;

/** More than two decimals: fen are the smallest unit of an amount, hundredths of a per cent of a rate. */
const tooFine = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) > 1e-6;

function formatProblem(field: ReportField, figures: AnnualFigures, today: string): Bilingual | undefined {
  const first = (issues: { severity: string; message: Bilingual }[]) =>
    issues.find((i) => i.severity === 'error')?.message;
  switch (field.format) {
    case 'uscc':
      return field.value ? first(validateUscc(field.value)) : undefined;
    case 'licence':
      return field.value
        ? first(validateIcpNumber(field.value, { kinds: ['licence', 'icpCertificate'], today }))
        : undefined;
    case 'phone':
      return field.value ? first(validatePhone(field.value)) : undefined;
    case 'percent':
      return figures.complaintResponseRatePct !== null && tooFine(figures.complaintResponseRatePct)
        ? { en: 'at most two decimals.', 'zh-CN': '最多保留两位小数。' }
        : undefined;
    case 'amount': {
      const value = figureValue(figures, field.figure);
      return typeof value === 'number' && tooFine(value)
        ? {
            en: 'an amount in yuan has at most two decimals (fen).',
            'zh-CN': '以元计的金额最多两位小数（分）。',
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

function figureValue(figures: AnnualFigures, path: string | undefined): unknown {
  if (!path) return undefined;
  let at: unknown = figures;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function runChecks(c: Case, year: number, figures: AnnualFigures, forms: ReportForm[], today: string) {
  const out: ReportCheck[] = [];
  const fields = forms.flatMap((f) => f.fields);
  const byKey = (key: string) => fields.find((f) => f.key === key);

  const granted = licenceGrantedOn(c);
  if (granted && granted > `${year}-12-31`) {
    out.push(
      check('notOwed', { en: { granted, year }, 'zh-CN': { granted: formatDate(granted, 'zh'), year } }),
    );
  }
  if ((storedReport(c, year)?.commitmentText ?? '').trim() === '')
    out.push(check('commitmentMissing', { en: { year }, 'zh-CN': { year } }));

  // 保存: every field required, every value in its format.
  for (const field of fields) {
    if (field.value.trim() === '') {
      const code = field.figure || !field.casePath ? 'required' : 'requiredInCase';
      out.push(check(code, fieldNames(field), whereOf(field)));
      continue;
    }
    const problem = formatProblem(field, figures, today);
    if (problem)
      out.push(
        check(
          'format',
          {
            en: { ...fieldNames(field).en, problem: problem.en },
            'zh-CN': { ...fieldNames(field)['zh-CN'], problem: problem['zh-CN'] },
          },
          whereOf(field),
        ),
      );
  }
  for (const field of fields) {
    if (field.format !== 'amount') continue;
    const amount =
      field.casePath === 'subject.registeredCapitalCny'
        ? c.subject.registeredCapitalCny
        : figureValue(figures, field.figure);
    if (typeof amount === 'number' && amount > ANNUAL_REPORT_RULES.largeAmountCny)
      out.push(
        check(
          'largeAmount',
          {
            en: { field: field.label.en, value: yuan(amount) },
            'zh-CN': { field: field.label['zh-CN'], value: yuanZh(amount) },
          },
          whereOf(field),
        ),
      );
  }
  figures.services.forEach((row, index) => {
    const typed = (row.users ?? 0) > 0 || (row.revenueCny ?? 0) > 0;
    if (!row.open && typed)
      out.push(
        check(
          'notOpenDeletes',
          {
            en: { category: CATEGORY_NAMES[row.category].en },
            'zh-CN': { category: CATEGORY_NAMES[row.category]['zh-CN'] },
          },
          { figure: `services.${index}.open` },
        ),
      );
  });

  // Submit: the forms against each other.
  const { revenueCny: revenue, telecomRevenueCny: telecom } = figures;
  if (revenue !== null && telecom !== null && telecom > revenue + 0.005)
    out.push(
      check(
        'telecomAboveRevenue',
        {
          en: { telecom: yuan(telecom), revenue: yuan(revenue) },
          'zh-CN': { telecom: yuanZh(telecom), revenue: yuanZh(revenue) },
        },
        { field: 'finance.telecomRevenue', figure: 'telecomRevenueCny' },
      ),
    );
  const open = figures.services.filter((s) => s.open);
  if (telecom !== null && open.length > 0 && open.every((s) => s.revenueCny !== null)) {
    const sum = open.reduce((total, s) => total + (s.revenueCny ?? 0), 0);
    if (Math.abs(sum - telecom) > 0.005)
      out.push(
        check(
          'serviceRevenueSum',
          {
            en: { sum: yuan(sum), telecom: yuan(telecom) },
            'zh-CN': { sum: yuanZh(sum), telecom: yuanZh(telecom) },
          },
          {
            field: `business.${open[0]?.category}.serviceRevenue`,
            figure: `services.${figures.services.indexOf(open[0]!)}.revenueCny`,
          },
        ),
      );
  }
  if (figures.users !== null && open.length > 0 && open.every((s) => s.users !== null)) {
    const sum = open.reduce((total, s) => total + (s.users ?? 0), 0);
    if (sum !== figures.users)
      out.push(
        check(
          'usersSum',
          { en: { total: figures.users, sum }, 'zh-CN': { total: figures.users, sum } },
          { field: 'internet.totalUsers', figure: 'users' },
        ),
      );
  }

  // What reviewers return.
  figures.services.forEach((row, index) => {
    if (row.open && row.users === 0 && (row.revenueCny ?? 0) > 0)
      out.push(
        check(
          'usersVsRevenue',
          {
            en: { category: CATEGORY_NAMES[row.category].en, revenue: yuan(row.revenueCny ?? 0) },
            'zh-CN': {
              category: CATEGORY_NAMES[row.category]['zh-CN'],
              revenue: yuanZh(row.revenueCny ?? 0),
            },
          },
          { field: `business.${row.category}.users`, figure: `services.${index}.users` },
        ),
      );
  });
  const established = c.subject.establishedOn;
  const wholeYear = isIsoDate(established) && established < `${year}-01-01`;
  const partYear = isIsoDate(established) && established.startsWith(`${year}-`);
  for (const key of ['finance.revenue', 'finance.cost', 'finance.telecomRevenue']) {
    const field = byKey(key);
    if (!field || figureValue(figures, field.figure) !== 0) continue;
    const params = { en: { field: field.label.en, year }, 'zh-CN': { field: field.label['zh-CN'], year } };
    // An unknown founding date is treated as a company that existed all year: the usual case.
    if (wholeYear || !isIsoDate(established)) out.push(check('zeroFinancials', params, whereOf(field)));
    else if (partYear) out.push(check('zeroFinancialsPartYear', params, whereOf(field)));
  }
  for (const key of ['security.securityRules', 'security.securityMeasures']) {
    const field = byKey(key);
    if (!field || field.value === '') continue;
    const chars = measureLength(field.value);
    if (chars < ANNUAL_REPORT_RULES.vagueTextMinChars)
      out.push(
        check(
          'vagueSecurity',
          { en: { field: field.label.en, chars }, 'zh-CN': { field: field.label['zh-CN'], chars } },
          whereOf(field),
        ),
      );
  }
  for (const change of c.lifecycle.changes) {
    const rule = changeRule(change.kind);
    if (!rule.licenceItem || !isIsoDate(change.registeredOn) || change.licenceChangeFiledOn) continue;
    out.push(
      check('licenceOutOfDate', {
        en: { change: rule.title.en, on: change.registeredOn },
        'zh-CN': { change: rule.title['zh-CN'], on: formatDate(change.registeredOn, 'zh') },
      }),
    );
  }
  const keyStaff = c.licence.staff.length;
  if (figures.employees !== null && keyStaff > 0 && figures.employees < keyStaff)
    out.push(
      check(
        'staffBelowKeyStaff',
        {
          en: { employees: figures.employees, keyStaff },
          'zh-CN': { employees: figures.employees, keyStaff },
        },
        { field: 'basic.employees', figure: 'employees' },
      ),
    );
  return out;
}

// ------------------------------------------------------------------ deadlines

export function reportDeadlines(c: Case, year: number): ReportDeadline[] {
  const next = year + 1;
  const cal = ANNUAL_REPORT_RULES.calendar;
  const notice =
    cal.provinceOpenDates.find((d) => d.reportYear === year && d.province === c.subject.province) ??
    cal.provinceOpenDates.find((d) => d.reportYear === year && d.province === 'all');
  const opensOn = notice?.opensOn ?? `${next}-${cal.opens.monthDay}`;
  return [
    {
      id: 'opens',
      from: opensOn,
      to: opensOn,
      known: notice !== undefined,
      confidence: notice?.confidence ?? 'unclear',
      sources: notice?.sources ?? cal.deadline.sources,
    },
    {
      id: 'due',
      from: opensOn,
      to: `${next}-${cal.deadline.monthDay}`,
      known: true,
      confidence: cal.deadline.confidence,
      sources: cal.deadline.sources,
    },
    {
      id: 'correction',
      from: `${next}-${cal.correction.from}`,
      to: `${next}-${cal.correction.to}`,
      known: true,
      confidence: cal.correction.confidence,
      sources: cal.correction.sources,
    },
    {
      id: 'publication',
      from: `${next}-${cal.publication.from}`,
      to: `${next}-${cal.publication.to}`,
      known: true,
      confidence: cal.publication.confidence,
      sources: cal.publication.sources,
    },
  ];
}

export function reportWindow(deadlines: readonly ReportDeadline[], today: string): ReportWindow {
  const day = dayNumber(today);
  const at = (id: DeadlineId) => deadlines.find((d) => d.id === id);
  const opens = at('opens');
  const due = at('due');
  const correction = at('correction');
  if (!opens || !due || !correction) return 'closed';
  if (day < dayNumber(opens.from)) return 'notOpen';
  if (day <= dayNumber(due.to)) return 'open';
  if (day <= dayNumber(correction.to)) return 'correction';
  return 'closed';
}

// ------------------------------------------------------------------ the dry run

export interface DryRunOptions {
  /** Figures to use instead of the stored ones (the CLI's --figures). */
  figures?: AnnualFigures;
  today: string;
}

/** The year's report prepared offline: every form's values, the checks' findings, the deadlines. */
export function dryRunAnnualReport(c: Case, year: number, options: DryRunOptions): AnnualReportDryRun {
  const figures = figuresFor(c, year, options.figures);
  const forms = reportForms(c, figures);
  const checks = runChecks(c, year, figures, forms, options.today);
  const deadlines = reportDeadlines(c, year);
  const stored = storedReport(c, year);
  return {
    year,
    figures,
    forms,
    checks,
    errors: checks.filter((x) => x.severity === 'error').length,
    warnings: checks.filter((x) => x.severity === 'warning').length,
    deadlines,
    window: reportWindow(deadlines, options.today),
    commitmentText: stored?.commitmentText ?? '',
    submittedOn: stored?.submittedOn ?? '',
    categories: reportCategories(c),
  };
}

/**
 * The case with one year's report changed (figures, the pasted commitment, the submission date), the reports
 * kept in year order.
 */
export function withAnnualReport(
  c: Case,
  year: number,
  recipe: (report: AnnualReport) => AnnualReport,
): Case {
  const current = storedReport(c, year) ?? {
    year,
    figures: figuresFor(c, year),
    commitmentText: '',
    submittedOn: '',
  };
  const next = recipe(current);
  const others = c.lifecycle.annualReports.filter((r) => r.year !== year);
  return {
    ...c,
    lifecycle: { ...c.lifecycle, annualReports: [...others, next].sort((a, b) => a.year - b.year) },
  };
}
