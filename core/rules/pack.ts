/**
 * The rule pack: the rule files that the pathway decision, the checklist, the pre-flight and the after-approval
 * tools read, as one versioned edition with its own `asOf` date (when the facts were last checked) and
 * `reviewBy` date (after which the app says the rules may be out of date). The app ships one pack
 * (templates/rules/); a newer, signed edition can be installed at run time (host/rules verifies the signature,
 * this module the content), and the bundled one put back.
 *
 * Installing a pack replaces the live rule data of core/rules/data.ts, core/after/rules.ts,
 * core/after/ad-check.ts, core/after/lifecycle-rules.ts, core/after/working-days.ts (the holiday calendar),
 * core/validate/dates.ts (validity), core/validate/naming.ts, core/validate/text.ts (field limits) and
 * core/packet/profiles.ts (upload profiles) at once. A pack is checked completely before anything is replaced: its manifest, every
 * file against the schema the app reads it with, and the references between files (routes, disputes, facts,
 * outcome codes), so a pack this version of the app cannot read is refused instead of half-applied.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import manifestJson from '../../templates/rules/rule-pack.json' with { type: 'json' };
import pathwayRulesJson from '../../templates/rules/pathway-rules.json' with { type: 'json' };
import disputesJson from '../../templates/rules/disputes.json' with { type: 'json' };
import preApprovalsJson from '../../templates/rules/pre-approvals.json' with { type: 'json' };
import checklistJson from '../../templates/rules/checklist.json' with { type: 'json' };
import preflightJson from '../../templates/rules/preflight-rules.json' with { type: 'json' };
import afterApprovalJson from '../../templates/rules/after-approval.json' with { type: 'json' };
import adTermsJson from '../../templates/rules/ad-terms.json' with { type: 'json' };
import annualReportJson from '../../templates/rules/annual-report.json' with { type: 'json' };
import lifecycleJson from '../../templates/rules/licence-lifecycle.json' with { type: 'json' };
import holidaysJson from '../../templates/rules/holidays-cn.json' with { type: 'json' };
import validityJson from '../../templates/rules/validity.json' with { type: 'json' };
import namingJson from '../../templates/rules/naming-rules.json' with { type: 'json' };
import fieldLimitsJson from '../../templates/rules/field-limits.json' with { type: 'json' };
import uploadProfilesJson from '../../templates/rules/upload-profiles.json' with { type: 'json' };
import { PathwayAnswersSchema, SECTORS } from '../model/case';
import { AdTermsSchema, useAdTerms, type AdTerms } from '../after/ad-check';
import { AfterApprovalRulesSchema, useAfterApprovalRules, type AfterApprovalRules } from '../after/rules';
import {
  AnnualReportRulesSchema,
  LifecycleRulesSchema,
  useLifecycleRules,
  type LifecycleRuleFiles,
} from '../after/lifecycle-rules';
import {
  HolidayCalendarSchema,
  holidayCalendarProblems,
  useHolidayCalendar,
  type HolidayCalendar,
} from '../after/working-days';
import { mainlandProvinceByCode } from '../validate/provinces';
import {
  useValidityRules,
  ValidityRulesSchema,
  VALIDITY_DOCUMENT_KINDS,
  type ValidityRules,
} from '../validate/dates';
import { NamingRulesSchema, useNamingRules, type NamingRules } from '../validate/naming';
import { FieldLimitsSchema, useFieldLimits, type FieldLimits } from '../validate/text';
import { MESSAGES } from '../validate/messages';
import {
  PROFILE_IDS,
  ProfilesFileSchema,
  useUploadProfiles,
  type UploadProfilesFile,
} from '../packet/profiles';
import { factsOf, type Condition } from './condition';
import {
  CASE_FACT_NAMES,
  ChecklistDataSchema,
  DisputesSchema,
  PathwayRulesSchema,
  PreApprovalsSchema,
  PreflightDataSchema,
  useDecisionRuleFiles,
  type DecisionRuleFiles,
} from './data';
import { bundledData, bundledDataChecked } from '../bundled-data';

/** The files of a pack, by the name they have in templates/rules/ (without `.json`). */
export const RULE_PACK_FILES = [
  'pathway-rules',
  'disputes',
  'pre-approvals',
  'checklist',
  'preflight-rules',
  'after-approval',
  'ad-terms',
  'annual-report',
  'licence-lifecycle',
  'holidays-cn',
  'validity',
  'naming-rules',
  'field-limits',
  'upload-profiles',
] as const;
export type RulePackFileName = (typeof RULE_PACK_FILES)[number];

const isoDate = lazySchema(() => z.iso.date());

export const RulePackManifestSchema = lazySchema(() =>
  z
    .strictObject({
      $comment: z.string().max(4000).optional(),
      type: z.literal('icp-packet/rule-pack'),
      /** The edition: one more with every published pack; a pack is newer when its version is higher. */
      version: z.number().int().positive().max(1_000_000),
      /** When the facts of this edition were last checked. */
      asOf: isoDate,
      /** After this day the app says the rules may be out of date. */
      reviewBy: isoDate,
    })
    .refine((m) => m.reviewBy > m.asOf, { message: 'reviewBy must come after asOf', path: ['reviewBy'] }),
);
export type RulePackManifest = z.infer<typeof RulePackManifestSchema>;

/** A pack as it travels: the manifest and each rule file's JSON, unparsed. */
export interface RulePackContent {
  manifest: RulePackManifest;
  files: Record<RulePackFileName, unknown>;
}

const RulePackContentSchema = lazySchema(() =>
  z.strictObject({
    manifest: z.unknown(),
    files: z.strictObject(
      Object.fromEntries(RULE_PACK_FILES.map((name) => [name, z.unknown()])) as Record<
        RulePackFileName,
        z.ZodUnknown
      >,
    ),
  }),
);

/** The pack the app ships, as it is in templates/rules/. */
export const BUNDLED_RULE_PACK: RulePackContent = {
  manifest: bundledData('rule-pack', RulePackManifestSchema, manifestJson),
  files: {
    'pathway-rules': pathwayRulesJson,
    disputes: disputesJson,
    'pre-approvals': preApprovalsJson,
    checklist: checklistJson,
    'preflight-rules': preflightJson,
    'after-approval': afterApprovalJson,
    'ad-terms': adTermsJson,
    'annual-report': annualReportJson,
    'licence-lifecycle': lifecycleJson,
    'holidays-cn': holidaysJson,
    validity: validityJson,
    'naming-rules': namingJson,
    'field-limits': fieldLimitsJson,
    'upload-profiles': uploadProfilesJson,
  },
};

/** A pack whose every file parsed and whose references hold. */
export interface ParsedRulePack {
  manifest: RulePackManifest;
  decision: DecisionRuleFiles;
  afterApproval: AfterApprovalRules;
  adTerms: AdTerms;
  /** The licence holder's years after approval: the annual report, renewal and changes. */
  lifecycle: LifecycleRuleFiles;
  /** The regulation data the forms and deadlines read: holidays, validity, names, lengths, upload limits. */
  regulation: RegulationData;
}

/** The regulation data of a pack outside the decision and the after-approval tools. */
export interface RegulationData {
  holidays: HolidayCalendar;
  validity: ValidityRules;
  naming: NamingRules;
  fieldLimits: FieldLimits;
  uploadProfiles: UploadProfilesFile;
}

export type RulePackCheck = { ok: true; pack: ParsedRulePack } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

function issuesOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Reads a pack: the manifest, every file against the schema the app reads it with, then the references
 * between them. Never throws; `problems` says what is wrong, in the maintainer's terms (file and path).
 */
export function parseRulePack(content: unknown): RulePackCheck {
  const outer = RulePackContentSchema.safeParse(content);
  if (!outer.success) return { ok: false, problems: issuesOf('pack', outer.error).slice(0, MAX_PROBLEMS) };
  const { files } = outer.data;
  const problems: string[] = [];
  const parse = <T>(file: string, schema: z.ZodType<T>, data: unknown): T | undefined => {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    problems.push(...issuesOf(file, result.error));
    return undefined;
  };
  const manifest = parse('manifest', RulePackManifestSchema, outer.data.manifest);
  const pathwayRules = parse('pathway-rules', PathwayRulesSchema, files['pathway-rules']);
  const disputes = parse('disputes', DisputesSchema, files.disputes);
  const preApprovals = parse('pre-approvals', PreApprovalsSchema, files['pre-approvals']);
  const checklist = parse('checklist', ChecklistDataSchema, files.checklist);
  const preflight = parse('preflight-rules', PreflightDataSchema, files['preflight-rules']);
  const afterApproval = parse('after-approval', AfterApprovalRulesSchema, files['after-approval']);
  const adTerms = parse('ad-terms', AdTermsSchema, files['ad-terms']);
  const annualReport = parse('annual-report', AnnualReportRulesSchema, files['annual-report']);
  const lifecycle = parse('licence-lifecycle', LifecycleRulesSchema, files['licence-lifecycle']);
  const holidays = parse('holidays-cn', HolidayCalendarSchema, files['holidays-cn']);
  const validity = parse('validity', ValidityRulesSchema, files.validity);
  const naming = parse('naming-rules', NamingRulesSchema, files['naming-rules']);
  const fieldLimits = parse('field-limits', FieldLimitsSchema, files['field-limits']);
  const uploadProfiles = parse('upload-profiles', ProfilesFileSchema, files['upload-profiles']);
  if (
    !manifest ||
    !pathwayRules ||
    !disputes ||
    !preApprovals ||
    !checklist ||
    !preflight ||
    !afterApproval ||
    !adTerms ||
    !annualReport ||
    !lifecycle ||
    !holidays ||
    !validity ||
    !naming ||
    !fieldLimits ||
    !uploadProfiles
  )
    return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const pack: ParsedRulePack = {
    manifest,
    decision: { pathwayRules, disputes, preApprovals, checklist, preflight },
    afterApproval,
    adTerms,
    lifecycle: { annualReport, lifecycle },
    regulation: { holidays, validity, naming, fieldLimits, uploadProfiles },
  };
  const references = rulePackProblems(pack);
  return references.length > 0
    ? { ok: false, problems: references.slice(0, MAX_PROBLEMS) }
    : { ok: true, pack };
}

/**
 * What the schemas cannot see: references between the files and the facts the conditions read. The decision
 * would otherwise fail (or silently skip a rule) on a user's answers instead of at import.
 */
export function rulePackProblems(pack: ParsedRulePack): string[] {
  const problems: string[] = [];
  const { pathwayRules, disputes, preApprovals, checklist, preflight } = pack.decision;
  const rules = pathwayRules.rules;
  const duplicates = (ids: readonly string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of duplicates(rules.map((r) => r.id))) problems.push(`pathway-rules: rule ${id} twice`);
  for (const id of duplicates(pathwayRules.routes.map((r) => r.id)))
    problems.push(`pathway-rules: route ${id} twice`);
  for (const id of duplicates(checklist.items.map((i) => i.id))) problems.push(`checklist: item ${id} twice`);
  for (const code of duplicates(preflight.rules.map((r) => r.code)))
    problems.push(`preflight-rules: code ${code} twice`);

  const routeIds = new Set(pathwayRules.routes.map((r) => r.id));
  for (const rule of rules) {
    const obstacle = rule.effect === 'blocked' || rule.effect === 'no_filing';
    if (!obstacle && rule.routes) problems.push(`pathway-rules: ${rule.id} is no obstacle but lists routes`);
    if (obstacle && (rule.routes?.length ?? 0) === 0 && !rule.noRoute)
      problems.push(`pathway-rules: obstacle ${rule.id} has neither routes nor noRoute`);
    for (const id of rule.routes ?? [])
      if (!routeIds.has(id)) problems.push(`pathway-rules: ${rule.id} names unknown route ${id}`);
  }

  // Outcome codes: a rule reads only the outcomes of the rules before it.
  const seen = new Set<string>();
  const codes = new Set(rules.map((r) => r.code));
  const outcomesRead = (c: Condition): string[] =>
    'all' in c
      ? c.all.flatMap(outcomesRead)
      : 'any' in c
        ? c.any.flatMap(outcomesRead)
        : 'not' in c
          ? outcomesRead(c.not)
          : 'fact' in c && c.fact === 'outcomes'
            ? ['has' in c ? [c.has] : 'hasAny' in c ? c.hasAny : []].flat().map(String)
            : [];
  for (const rule of rules) {
    for (const code of outcomesRead(rule.when)) {
      if (!codes.has(code)) problems.push(`pathway-rules: ${rule.id} reads unknown outcome ${code}`);
      else if (!seen.has(code)) problems.push(`pathway-rules: ${rule.id} reads ${code} before it is decided`);
    }
    seen.add(rule.code);
  }
  for (const route of pathwayRules.routes)
    for (const code of outcomesRead(route.when))
      if (!codes.has(code)) problems.push(`pathway-rules: route ${route.id} reads unknown outcome ${code}`);

  const pathwayFacts = new Set([
    ...Object.keys(PathwayAnswersSchema.shape),
    ...pathwayRules.derivedFacts.map((d) => d.fact),
    'outcomes',
    'item',
  ]);
  const pathwayConditions = [
    ...rules.map((r) => [r.id, r.when] as const),
    ...pathwayRules.routes.map((r) => [r.id, r.when] as const),
    ...pathwayRules.derivedFacts.map((d) => [d.fact, d.when] as const),
    ...pathwayRules.corrections.map((d) => [d.fact, d.when] as const),
    ...pathwayRules.factDefaults.map((d) => [d.fact, d.when] as const),
  ];
  for (const [owner, condition] of pathwayConditions)
    for (const fact of factsOf(condition))
      if (!pathwayFacts.has(fact)) problems.push(`pathway-rules: ${owner} reads unknown fact ${fact}`);

  const caseFacts = new Set<string>(CASE_FACT_NAMES);
  const caseConditions = [
    ...checklist.items.flatMap((i) => [
      [i.id, i.when] as const,
      ...(i.requiredWhen ? [[i.id, i.requiredWhen] as const] : []),
    ]),
    ...preflight.requiredFields.map((f) => [f.path, f.when] as const),
  ];
  for (const [owner, condition] of caseConditions)
    for (const fact of factsOf(condition))
      if (!fact.startsWith('item.') && !caseFacts.has(fact))
        problems.push(`checklist or preflight-rules: ${owner} reads unknown fact ${fact}`);

  const ruleIds = new Set(rules.map((r) => r.id));
  for (const d of disputes.disputes)
    for (const id of d.appliesTo)
      if (!ruleIds.has(id)) problems.push(`disputes: ${d.id} applies to unknown rule ${id}`);

  const sectors = new Set(preApprovals.entries.map((e) => e.sector));
  for (const sector of SECTORS)
    if (!sectors.has(sector)) problems.push(`pre-approvals: no entry for ${sector}`);

  const adRules = new Set(pack.adTerms.rules.map((r) => r.id));
  if (!adRules.has('disclosure')) problems.push('ad-terms: no disclosure rule');
  for (const g of pack.adTerms.groups)
    if (!adRules.has(g.rule)) problems.push(`ad-terms: group ${g.id} names unknown rule ${g.rule}`);
  problems.push(...lifecycleProblems(pack.lifecycle));
  problems.push(...regulationProblems(pack.regulation));
  return problems;
}

/**
 * The regulation files' references: provinces by their codes, document kinds and message codes the app
 * knows, ids unique, every upload profile present once, holiday years well formed.
 */
function regulationProblems({
  holidays,
  validity,
  naming,
  fieldLimits,
  uploadProfiles,
}: RegulationData): string[] {
  const problems: string[] = holidayCalendarProblems(holidays).map((p) => `holidays-cn: ${p}`);
  const twice = (ids: readonly string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  const kinds = new Set<string>(VALIDITY_DOCUMENT_KINDS);
  for (const id of twice(validity.rules.map((r) => r.id))) problems.push(`validity: rule ${id} twice`);
  for (const rule of validity.rules) {
    if (rule.province !== undefined && !mainlandProvinceByCode(rule.province))
      problems.push(`validity: ${rule.id} names unknown province ${rule.province}`);
    for (const kind of rule.documentKinds)
      if (!kinds.has(kind)) problems.push(`validity: ${rule.id} names unknown document kind ${kind}`);
  }
  for (const id of twice(naming.rules.map((r) => r.id))) problems.push(`naming-rules: rule ${id} twice`);
  for (const rule of naming.rules) {
    if (!Object.hasOwn(MESSAGES, rule.code))
      problems.push(`naming-rules: ${rule.id} names unknown message ${rule.code}`);
    for (const province of rule.provinces ?? [])
      if (!mainlandProvinceByCode(province))
        problems.push(`naming-rules: ${rule.id} names unknown province ${province}`);
  }
  for (const id of twice(fieldLimits.limits.map((l) => l.id)))
    problems.push(`field-limits: limit ${id} twice`);
  const profileIds = uploadProfiles.profiles.map((p) => p.id);
  for (const id of twice(profileIds)) problems.push(`upload-profiles: profile ${id} twice`);
  for (const id of PROFILE_IDS)
    if (!profileIds.includes(id)) problems.push(`upload-profiles: no profile ${id}`);
  return problems;
}

/** The lifecycle files' references: provinces by their codes, material ids unique within a list. */
function lifecycleProblems({ annualReport, lifecycle }: LifecycleRuleFiles): string[] {
  const problems: string[] = [];
  for (const d of annualReport.calendar.provinceOpenDates)
    if (d.province !== 'all' && !mainlandProvinceByCode(d.province))
      problems.push(`annual-report: open date for unknown province ${d.province}`);
  const lists = [
    ['renewal', lifecycle.renewal.materials] as const,
    ...lifecycle.changes.map((c) => [`change ${c.kind}`, c.materials] as const),
  ];
  for (const [owner, materials] of lists) {
    const ids = materials.map((m) => m.id);
    for (const id of ids.filter((id, i) => ids.indexOf(id) !== i))
      problems.push(`licence-lifecycle: ${owner} lists material ${id} twice`);
  }
  return problems;
}

/** Why a rule-pack file is refused (host/rules/pack-file.ts checks the file, this module its content). */
export type RulePackRefusal =
  /** Not JSON, not a rule pack, too large. */
  | 'notRulePack'
  /** A pack without a signature (e.g. the rule files themselves), or with an empty one. */
  | 'unsigned'
  /** Signed with a key this app does not trust. */
  | 'unknownKey'
  /** The signature does not match the content: changed after signing, or damaged. */
  | 'tampered'
  /** Signed and intact, but this version of the app cannot read it (made for a newer app, or broken). */
  | 'unreadable';

/** The pack in use, as the app and the CLI show it. */
export interface RulePackInfo {
  version: number;
  asOf: string;
  reviewBy: string;
  /** `bundled`: the pack the app shipped with; `imported`: a newer signed pack installed from a file. */
  origin: 'bundled' | 'imported';
}

function infoOf(manifest: RulePackManifest, origin: RulePackInfo['origin']): RulePackInfo {
  return { version: manifest.version, asOf: manifest.asOf, reviewBy: manifest.reviewBy, origin };
}

function parsedOrThrow(content: unknown, what: string): ParsedRulePack {
  const check = parseRulePack(content);
  if (!check.ok) throw new Error(`${what}: ${check.problems.join('; ')}`);
  return check.pack;
}

/**
 * The bundled pack parsed: a broken bundled pack fails at start-up and in the tests, loudly. A build that
 * checked its bundled data at build time (the CLI, whose build loads this module with the checks on) parses it
 * only when it is put back in use: every `icp-packet check` would otherwise spend a tenth of a second on it.
 */
let bundledParsed: ParsedRulePack | undefined = bundledDataChecked()
  ? undefined
  : parsedOrThrow(BUNDLED_RULE_PACK, 'The bundled rule pack is invalid');
function bundledPack(): ParsedRulePack {
  bundledParsed ??= parsedOrThrow(BUNDLED_RULE_PACK, 'The bundled rule pack is invalid');
  return bundledParsed;
}
export const BUNDLED_RULE_PACK_INFO: RulePackInfo = infoOf(BUNDLED_RULE_PACK.manifest, 'bundled');

let active: RulePackInfo = BUNDLED_RULE_PACK_INFO;

function apply(pack: ParsedRulePack): void {
  useDecisionRuleFiles(pack.decision);
  useAfterApprovalRules(pack.afterApproval);
  useAdTerms(pack.adTerms);
  useLifecycleRules(pack.lifecycle);
  useHolidayCalendar(pack.regulation.holidays);
  useValidityRules(pack.regulation.validity);
  useNamingRules(pack.regulation.naming);
  useFieldLimits(pack.regulation.fieldLimits);
  useUploadProfiles(pack.regulation.uploadProfiles);
}

/**
 * Puts a pack in use for everything that reads rule data in this process (the main process and the renderer
 * each install the same pack). `null` puts the bundled pack back. A pack that does not parse is refused with
 * an error and nothing changes.
 */
export function installRulePack(content: RulePackContent | null): RulePackInfo {
  if (content === null) {
    apply(bundledPack());
    active = BUNDLED_RULE_PACK_INFO;
    return active;
  }
  const pack = parsedOrThrow(content, 'Rule pack refused');
  apply(pack);
  active = infoOf(pack.manifest, 'imported');
  return active;
}

/** The pack in use. */
export function activeRulePack(): RulePackInfo {
  return active;
}

/** How long a pack's facts are trusted without a review, whatever its `reviewBy` says. */
export const RULE_PACK_MAX_AGE_DAYS = 365;

export type RulePackAge =
  | { stale: false }
  /** `reviewDue`: today is past `reviewBy`; `overAYear`: the facts are more than a year old. */
  | { stale: true; reason: 'reviewDue' | 'overAYear'; daysOver: number };

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Whether the pack's rules may be out of date on `today` (YYYY-MM-DD): past its review date, or older than a
 * year. The app and the CLI say so beside every result.
 */
export function rulePackAge(info: Pick<RulePackInfo, 'asOf' | 'reviewBy'>, today: string): RulePackAge {
  const now = dayOf(today);
  if (Number.isNaN(now)) return { stale: false };
  const overReview = now - dayOf(info.reviewBy);
  if (overReview > 0) return { stale: true, reason: 'reviewDue', daysOver: overReview };
  const overAge = now - dayOf(info.asOf) - RULE_PACK_MAX_AGE_DAYS;
  if (overAge > 0) return { stale: true, reason: 'overAYear', daysOver: overAge };
  return { stale: false };
}
