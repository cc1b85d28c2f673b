/**
 * The rule data of a licence holder's years after approval, checked at import like the other rule files:
 * the annual report's calendar, forms and checks (templates/rules/annual-report.json), and the renewal and
 * change rules (templates/rules/licence-lifecycle.json).
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import annualReportJson from '../../templates/rules/annual-report.json' with { type: 'json' };
import lifecycleJson from '../../templates/rules/licence-lifecycle.json' with { type: 'json' };
import { CHANGE_KINDS } from '../model/case';
import { BilingualSchema, CONFIDENCES, SourceSchema, ruleFileSchema } from '../rules/data';

const sources = lazySchema(() => z.array(SourceSchema).min(1));
const monthDay = lazySchema(() => z.string().regex(/^\d{2}-\d{2}$/));
const confidence = lazySchema(() => z.enum(CONFIDENCES));

/** A Chinese label with its English meaning, as the forms and material lists name things. */
const LabelSchema = lazySchema(() => z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }));
export type Label = z.infer<typeof LabelSchema>;

/**
 * Where a field's Chinese label comes from: MIIT's list of published fields (`published`), an older MIIT form
 * guide (`guide`), the heading of Order 42 Art. 35 (`law`), or our own description (`ours`: no source gives
 * the system's label, so the user finds the field by its meaning).
 */
export const LABEL_ORIGINS = ['published', 'guide', 'law', 'ours'] as const;
export type LabelOrigin = (typeof LABEL_ORIGINS)[number];

export const FIELD_FORMATS = [
  'text',
  'longText',
  'uscc',
  'licence',
  'phone',
  'amount',
  'count',
  'percent',
  'date',
  'choice',
] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];

const FormFieldSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-zA-Z]+$/),
    'zh-CN': z.string().min(1),
    en: z.string().min(1),
    labelFrom: z.enum(LABEL_ORIGINS),
    format: z.enum(FIELD_FORMATS),
    /** One of the fields MIIT publishes every May. */
    published: z.boolean(),
  }),
);
export type FormFieldRule = z.infer<typeof FormFieldSchema>;

export const FORM_IDS = ['basic', 'quality', 'finance', 'security', 'business', 'internet'] as const;
export type FormId = (typeof FORM_IDS)[number];

const FormSchema = lazySchema(() =>
  z.strictObject({
    id: z.enum(FORM_IDS),
    title: BilingualSchema,
    /** One table per licensed category (业务发展情况表). */
    perCategory: z.boolean().optional(),
    /** Filled once for all licences (互联网及相关业务统计表). */
    once: z.boolean().optional(),
    sources,
    fields: z.array(FormFieldSchema).min(1),
  }),
);
export type FormRule = z.infer<typeof FormSchema>;

export const CHECK_STAGES = ['entry', 'save', 'submit', 'review'] as const;
/**
 * When a check bites: `entry` before the forms open, `save` on 保存 of one form, `submit` on 年报提交 across
 * the forms, `review` when the authority reads the report (the reasons reports are returned).
 */
export type CheckStage = (typeof CHECK_STAGES)[number];

const CheckRuleSchema = lazySchema(() =>
  z.strictObject({
    stage: z.enum(CHECK_STAGES),
    severity: z.enum(['error', 'warning']),
    confidence,
    /** With `{{param}}` placeholders the check fills in. */
    message: BilingualSchema,
    fix: BilingualSchema,
    sources,
  }),
);
export type CheckRule = z.infer<typeof CheckRuleSchema>;

export const CHECK_CODES = [
  'required',
  'requiredInCase',
  'format',
  'largeAmount',
  'notOpenDeletes',
  'telecomAboveRevenue',
  'serviceRevenueSum',
  'usersSum',
  'usersVsRevenue',
  'zeroFinancials',
  'zeroFinancialsPartYear',
  'vagueSecurity',
  'licenceOutOfDate',
  'staffBelowKeyStaff',
  'commitmentMissing',
  'notOwed',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

const dated = { confidence, sources };

export const AnnualReportRulesSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/annual-report', {
    system: z.strictObject({ name: BilingualSchema, url: z.url(), loginUrl: z.url(), sources }),
    calendar: z.strictObject({
      opens: z.strictObject({ monthDay, note: BilingualSchema }),
      provinceOpenDates: z.array(
        z.strictObject({
          reportYear: z.number().int().min(2000).max(2100),
          /** A GB/T 2260 province code, or `all` for a date every province follows. */
          province: z.union([z.string().regex(/^\d{6}$/), z.literal('all')]),
          opensOn: z.iso.date(),
          ...dated,
        }),
      ),
      deadline: z.strictObject({ monthDay, ...dated }),
      correction: z.strictObject({ from: monthDay, to: monthDay, ...dated }),
      publication: z.strictObject({ from: monthDay, to: monthDay, ...dated }),
    }),
    commitment: z.strictObject({ sources }),
    amountUnit: z.strictObject({ 'zh-CN': z.string(), en: z.string(), ...dated }),
    /** How many years of annual-report reminders the calendar export holds ahead. */
    reminderYears: z.number().int().min(1).max(10),
    largeAmountCny: z.number().positive(),
    vagueTextMinChars: z.number().int().positive(),
    forms: z.array(FormSchema).length(FORM_IDS.length),
    attachments: z.strictObject({
      items: z.array(LabelSchema).min(1),
      maxBytes: z.number().int().positive(),
      ...dated,
    }),
    checks: z.strictObject(
      Object.fromEntries(CHECK_CODES.map((code) => [code, CheckRuleSchema])) as Record<
        CheckCode,
        typeof CheckRuleSchema
      >,
    ),
  }),
);
export type AnnualReportRules = z.infer<typeof AnnualReportRulesSchema>;

export let ANNUAL_REPORT_RULES: AnnualReportRules = bundledData(
  'annual-report',
  AnnualReportRulesSchema,
  annualReportJson,
);

/** The template ids of the company's own letters a lifecycle packet may hold. */
const MaterialSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-zA-Z]+$/),
    /** The document template that writes it; absent for what the company attaches (a scan, a certificate). */
    template: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    /**
     * The change it belongs to: the licence change (when absent), the filing change, or both. Absent rather
     * than defaulted, so that the file parses to itself and the CLI can use it unparsed (core/bundled-data.ts).
     */
    side: z.enum(['licence', 'filing', 'both']).optional(),
    /** Only when this holds for the case (core/after/changes.ts materialApplies). */
    when: z.enum(['foreignShareholder', 'preApprovals', 'principalNotLegalRep']).optional(),
    'zh-CN': z.string().min(1),
    en: z.string().min(1),
  }),
);
export type MaterialRule = z.infer<typeof MaterialSchema>;

export const DEADLINE_ANCHORS = ['registeredOn', 'decidedOn', 'effectiveOn'] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

/** `days` calendar days `direction` the anchor date (weekends and holidays count; nothing moves). */
const DeadlineRuleSchema = lazySchema(() =>
  z.strictObject({
    anchor: z.enum(DEADLINE_ANCHORS),
    days: z.number().int().min(0).max(365),
    direction: z.enum(['before', 'after']),
  }),
);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/** What a filing records that a change touches (core/after/changes.ts fills in before and after). */
export const FILING_FIELDS = [
  'legalRepresentative',
  'principal',
  'subjectName',
  'certificate',
  'domainHolder',
  'investor',
  'domains',
] as const;
export type FilingField = (typeof FILING_FIELDS)[number];

const ChangeRuleSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(CHANGE_KINDS),
    title: BilingualSchema,
    /** What the licence records that this changes; null when the licence is not changed (a filing change). */
    licenceItem: BilingualSchema.nullable(),
    deadline: DeadlineRuleSchema.nullable(),
    approvalBeforeImplementing: z.boolean(),
    confidence,
    rule: BilingualSchema,
    sources,
    materials: z.array(MaterialSchema).min(1),
    materialSources: sources,
    /** What each filed service's filing changes, and by when; null when the filing records nothing of it. */
    filing: z
      .strictObject({
        fields: z.array(LabelSchema.extend({ id: z.enum(FILING_FIELDS) })).min(1),
        deadline: DeadlineRuleSchema,
      })
      .nullable(),
  }),
);
export type ChangeRule = z.infer<typeof ChangeRuleSchema>;

export const LifecycleRulesSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/licence-lifecycle', {
    renewal: z.strictObject({
      leadDays: z.number().int().positive(),
      reminderDays: z.number().int().positive(),
      confidence,
      title: BilingualSchema,
      detail: BilingualSchema,
      sources,
      materials: z.array(MaterialSchema).min(1),
      materialSources: sources,
    }),
    changes: z
      .array(ChangeRuleSchema)
      .length(CHANGE_KINDS.length)
      .refine((list) => CHANGE_KINDS.every((kind) => list.some((c) => c.kind === kind)), 'one rule per kind'),
    filingSide: z.strictObject({
      confidence,
      rule: BilingualSchema,
      sources,
      miniProgramNote: BilingualSchema,
      miniProgramSources: sources,
    }),
  }),
);
export type LifecycleRules = z.infer<typeof LifecycleRulesSchema>;

export let LIFECYCLE_RULES: LifecycleRules = bundledData(
  'licence-lifecycle',
  LifecycleRulesSchema,
  lifecycleJson,
);

export function changeRule(kind: (typeof CHANGE_KINDS)[number]): ChangeRule {
  const rule = LIFECYCLE_RULES.changes.find((c) => c.kind === kind);
  if (!rule) throw new Error(`no rule for change kind ${kind}`);
  return rule;
}

const versionOf = (annualReport: AnnualReportRules, lifecycle: LifecycleRules) =>
  `annual-report@${annualReport.version} licence-lifecycle@${lifecycle.version}`;

/** The versions of the lifecycle rule files, for a packet's manifest. */
export let LIFECYCLE_RULES_VERSION = versionOf(ANNUAL_REPORT_RULES, LIFECYCLE_RULES);

/** The lifecycle rule files of a rule pack, parsed. */
export interface LifecycleRuleFiles {
  annualReport: AnnualReportRules;
  lifecycle: LifecycleRules;
}

/** Puts parsed lifecycle rule files in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useLifecycleRules(files: LifecycleRuleFiles): void {
  ANNUAL_REPORT_RULES = files.annualReport;
  LIFECYCLE_RULES = files.lifecycle;
  LIFECYCLE_RULES_VERSION = versionOf(files.annualReport, files.lifecycle);
}
