/**
 * The rule data of templates/rules/, read once and checked against these schemas at import: a malformed
 * rule file fails loudly at start-up (and in the tests), never halfway through a user's decision. The CLI
 * bundle checks it at build time instead (core/bundled-data.ts): keep these schemas free of defaults and
 * transforms.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import pathwayRulesJson from '../../templates/rules/pathway-rules.json' with { type: 'json' };
import disputesJson from '../../templates/rules/disputes.json' with { type: 'json' };
import preApprovalsJson from '../../templates/rules/pre-approvals.json' with { type: 'json' };
import checklistJson from '../../templates/rules/checklist.json' with { type: 'json' };
import preflightJson from '../../templates/rules/preflight-rules.json' with { type: 'json' };
import { bundledData } from '../bundled-data';
import { ATTACHMENT_MEDIA_TYPES, SECTORS } from '../model/case';
import { ConditionSchema } from './condition';

export const CONFIDENCES = ['law', 'official', 'practitioner', 'unclear'] as const;
/** How firm a conclusion is: law text, official notice or platform documentation, practitioners, or unclear. */
export type Confidence = (typeof CONFIDENCES)[number];

/** Orders confidences so that the weaker of two can be taken. */
export const CONFIDENCE_RANK: Record<Confidence, number> = {
  law: 3,
  official: 2,
  practitioner: 1,
  unclear: 0,
};

export const BilingualSchema = lazySchema(() =>
  z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) }),
);
const asOf = lazySchema(() => z.iso.date());
/**
 * What a source is: the text of a `law` or regulation; an `official` notice, guide or announcement of an
 * authority; a `platform`'s own documentation (a cloud provider, WeChat); `news`; an `agency` (law firm,
 * consultancy, vendor); a user `forum` or report.
 */
export const SOURCE_KINDS = ['law', 'official', 'platform', 'news', 'agency', 'forum'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SourceSchema = lazySchema(() =>
  z.strictObject({
    title: z.string().min(1).max(400),
    /** The title for the Chinese UI, where `title` is in English. */
    titleZh: z.string().min(1).max(400).optional(),
    /** The English meaning of a Chinese `title` (a statute's name and articles), shown beside it in English. */
    titleEn: z.string().min(1).max(400).optional(),
    url: z.string().min(1).max(2000).optional(),
    kind: z.enum(SOURCE_KINDS).optional(),
    /** The address is a copy on a site that did not issue the text (no official copy was found). */
    secondary: z.boolean().optional(),
    /** When it was issued or published: YYYY, YYYY-MM or YYYY-MM-DD. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .optional(),
  }),
);
export type Source = z.infer<typeof SourceSchema>;

/**
 * How a source is titled in a UI language: the Chinese UI takes the Chinese title where the data has one; the
 * English UI keeps the original title (a Chinese statute is cited by its Chinese name) with its English
 * meaning beside it, so an English reader never meets a citation they cannot read.
 */
export function sourceTitle(
  s: Pick<Source, 'title' | 'titleZh' | 'titleEn'>,
  lang: 'en' | 'zh-CN',
): { title: string; meaning?: string } {
  if (lang === 'zh-CN') return { title: s.titleZh ?? s.title };
  return s.titleEn ? { title: s.title, meaning: s.titleEn } : { title: s.title };
}
const sources = lazySchema(() => z.array(SourceSchema).min(1));

/**
 * A rule file: the header every file of templates/rules/ starts with (`type`, `version`, `asOf`, the `source`
 * it was drawn from, an optional `$comment`), then its own content. Strict, so a misspelt key fails at import.
 */
export function ruleFileSchema<const T extends string, S extends z.ZodRawShape>(type: T, content: S) {
  return z.strictObject({
    $comment: z.string().optional(),
    type: z.literal(type),
    version: z.number().int().positive(),
    asOf,
    source: z.string().min(1),
    ...content,
  });
}

export const TimelineSchema = lazySchema(() =>
  z.strictObject({
    /** Calendar-day estimate for planning; the text says how it breaks down. */
    minDays: z.number().int().min(0),
    maxDays: z.number().int().min(0),
    text: BilingualSchema,
  }),
);
export type Timeline = z.infer<typeof TimelineSchema>;

export const ObligationSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    title: BilingualSchema,
    detail: BilingualSchema,
    sources,
  }),
);
export type Obligation = z.infer<typeof ObligationSchema>;

export const EFFECTS = [
  'filing',
  'licence',
  'blocked',
  'no_filing',
  'route',
  'preapproval',
  'issuer',
  'obligation',
  /** Something to know or check that changes no pathway (a free platform, a licence category named but not needed). */
  'note',
] as const;
export type Effect = (typeof EFFECTS)[number];

export const PathwayRuleSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^R\d+$/),
    /** One conclusion per element of this answer list, with the element as the fact `item`. */
    forEach: z.enum(['surfaces', 'sectors']).optional(),
    when: ConditionSchema,
    /** Answers the conclusion's texts need (e.g. the province for the authority's name). */
    needs: z.array(z.string()).optional(),
    /** The pre-approval sector this rule's conclusion concerns (for rules not iterating sectors). */
    preApprovalSector: z.enum(SECTORS).optional(),
    code: z.string().regex(/^[A-Z0-9_]+$/),
    effect: z.enum(EFFECTS),
    confidence: z.enum(CONFIDENCES),
    title: BilingualSchema,
    explanation: BilingualSchema,
    authority: BilingualSchema.optional(),
    minRegisteredCapitalCny: z.number().int().positive().optional(),
    /** For a `licence` conclusion: the category of the 2015 catalogue it calls for. */
    licenceCategory: z.enum(['B25', 'B21']).optional(),
    timeline: TimelineSchema.optional(),
    obligations: z.array(ObligationSchema).optional(),
    nextActions: z.array(BilingualSchema).min(1),
    /** For obstacles (`blocked`, `no_filing`): the ids of the routes forward, most likely first. */
    routes: z.array(z.string().min(1)).optional(),
    /** For an obstacle the domain facts give no way around: says so in the result. */
    noRoute: BilingualSchema.optional(),
    /** A duty that runs once the service is live: the go-live kit lists it among the duties after launch. */
    postLaunch: z.boolean().optional(),
    sources,
    asOf,
  }),
);
export type PathwayRule = z.infer<typeof PathwayRuleSchema>;

/** A way past an obstacle (pathways.md §4, §5, §11): offered only where its condition holds for the case. */
export const RouteSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    when: ConditionSchema,
    title: BilingualSchema,
    /** What the route means in practice, including who then owns the filing or licence. */
    detail: BilingualSchema,
    confidence: z.enum(CONFIDENCES),
    sources,
    asOf,
  }),
);
export type Route = z.infer<typeof RouteSchema>;

export const FILING_SUBJECT_KINDS = ['individual', 'company', 'organisation', 'none'] as const;

/** Who files, and with which identity document (pathways.md §4, identifiers.md §1, §2, §5). */
export const FilingSubjectSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(FILING_SUBJECT_KINDS),
    /** The document that identifies the filing subject, e.g. the business licence. */
    document: BilingualSchema,
    /** The number on it the forms ask for (USCC, citizen ID number), where there is one. */
    number: BilingualSchema.optional(),
    /** Whether the provider or province decides if the document is accepted. */
    providerDependent: z.boolean(),
    note: BilingualSchema,
    confidence: z.enum(CONFIDENCES),
    sources,
    asOf,
  }),
);
export type FilingSubjectEntry = z.infer<typeof FilingSubjectSchema>;

export const PathwayRulesSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/pathway-rules', {
    unansweredWhenEmpty: z.array(z.string()),
    factDefaults: z.array(
      z.strictObject({
        fact: z.string(),
        value: z.union([z.string(), z.number(), z.boolean()]),
        when: ConditionSchema,
        source: z.string().min(1),
        asOf,
      }),
    ),
    /** Answers the rules correct before reading them (a WFOE is 100 % foreign-owned), with the message shown. */
    corrections: z.array(
      z.strictObject({
        fact: z.string(),
        value: z.union([z.string(), z.number(), z.boolean()]),
        when: ConditionSchema,
        message: BilingualSchema,
        source: z.string().min(1),
        asOf,
      }),
    ),
    /** Facts the rules read that follow from the answers (true, false, or unknown while answers are missing). */
    derivedFacts: z.array(
      z.strictObject({ fact: z.string(), when: ConditionSchema, source: z.string().min(1), asOf }),
    ),
    /** Text parameters chosen by an answer (e.g. the licensing authority by `scope`). */
    params: z.record(
      z.string(),
      z.strictObject({
        answer: z.string(),
        values: z.record(z.string(), BilingualSchema),
        otherwise: BilingualSchema,
      }),
    ),
    answerLabels: z.record(z.string(), BilingualSchema),
    labels: z.strictObject({ surfaces: z.record(z.string(), BilingualSchema) }),
    routes: z.array(RouteSchema).min(1),
    filingSubjects: z.record(z.string(), FilingSubjectSchema),
    rules: z.array(PathwayRuleSchema).min(1),
  }),
);

export const DisputeSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^D\d+$/),
    appliesTo: z.array(z.string().regex(/^R\d+$/)).min(1),
    topic: BilingualSchema,
    views: z.array(z.strictObject({ position: BilingualSchema, sources })).min(1),
    /** The outcome code the other view leads to, where it differs from the conclusion's own. */
    alternativeOutcome: z.string().optional(),
    /** Who can settle it for the user, and what to ask them. */
    ask: z.strictObject({ who: BilingualSchema, question: BilingualSchema }).optional(),
    asOf,
  }),
);
export type Dispute = z.infer<typeof DisputeSchema>;

export const DisputesSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/disputes', {
    disputes: z.array(DisputeSchema),
  }),
);

export const PreApprovalEntrySchema = lazySchema(() =>
  z.strictObject({
    sector: z.enum(SECTORS),
    label: BilingualSchema,
    authority: BilingualSchema,
    permit: BilingualSchema,
    legalBasis: BilingualSchema,
    foreignInvestment: z.enum(['prohibited', 'restricted', 'open', 'unknown']),
    status: z.enum(['active', 'cancelled', 'unclear']),
    validityYears: z.number().int().positive().nullable(),
    wechatNrlxType: z.number().int().positive().nullable(),
    keywords: z.array(z.string().min(1)),
    /** Phrases removed before the keyword screen (e.g. 微信支付 is not a payment business). */
    keywordExceptions: z.array(z.string().min(1)),
    confidence: z.enum(CONFIDENCES),
    sources,
    asOf,
  }),
);
export type PreApprovalEntry = z.infer<typeof PreApprovalEntrySchema>;

export const PreApprovalsSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/pre-approvals', {
    entries: z.array(PreApprovalEntrySchema),
  }),
);

export const FormatRulesSchema = lazySchema(() =>
  z.strictObject({
    /** Which of the types the store accepts (the attachment media types) this item takes. */
    mediaTypes: z.array(z.enum(ATTACHMENT_MEDIA_TYPES)).min(1),
    maxBytes: z.number().int().positive().optional(),
    /** Minimum pixel size of images, on the long and the short edge (orientation-independent). */
    minLongEdgePx: z.number().int().positive().optional(),
    minShortEdgePx: z.number().int().positive().optional(),
    colour: z.boolean(),
    /** The document carries a validity date that must outlast the review (IDs, licences, permits). */
    checkValidity: z.boolean(),
    /** Which validity rule applies (templates/rules/validity.json document kinds). */
    validityKind: z.enum(['identity', 'businessLicence', 'domain', 'hmtResidencePermit', 'other']).optional(),
    minFiles: z.number().int().min(0),
    maxFiles: z.number().int().positive(),
    note: BilingualSchema.optional(),
    source: z.string().min(1),
  }),
);
export type FormatRules = z.infer<typeof FormatRulesSchema>;

/**
 * Who produces a checklist item: `user` (their own document), `generated` (this app writes it),
 * `generated_signed` (this app writes it; print, sign, seal, scan and attach), `platform` (supplied during
 * the filing), `live` (captured at submission, e.g. the face check).
 */
export const CHECKLIST_ORIGINS = ['user', 'generated', 'generated_signed', 'platform', 'live'] as const;
export type ChecklistOrigin = (typeof CHECKLIST_ORIGINS)[number];

export const ChecklistEntrySchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /**
     * `services:<kind>` = one item per service of that kind (id `<id>@<service id>`); `sectors` = one per
     * sector needing a pre-approval (id `<id>@<sector>`); `servicePrincipals` = one per service with its
     * own person in charge.
     */
    forEach: z
      .enum(['services:website', 'services:app', 'services:mini_program', 'sectors', 'servicePrincipals'])
      .optional(),
    /**
     * The generated document (template id) whose signed scan this item is: the item is listed only while the
     * document is in the packet, and only a checked signed scan of its current version satisfies it.
     */
    document: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    when: ConditionSchema,
    /** Upgrades a `recommended` item to required (e.g. a province that demands it). */
    requiredWhen: ConditionSchema.optional(),
    pathways: z.array(z.enum(['icp_filing', 'commercial_licence'])).min(1),
    importance: z.enum(['required', 'recommended']),
    origin: z.enum(CHECKLIST_ORIGINS),
    name: BilingualSchema,
    why: BilingualSchema,
    providedBy: BilingualSchema,
    format: FormatRulesSchema.optional(),
    /** Case fields whose validity dates apply to the attached document (for expiry checks). */
    validityFrom: z.array(z.string()).optional(),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCES),
    asOf,
  }),
);
export type ChecklistEntry = z.infer<typeof ChecklistEntrySchema>;

export const ChecklistDataSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/checklist', {
    items: z.array(ChecklistEntrySchema).min(1),
  }),
);

/** The facts checklist and pre-flight conditions may read (core/rules/case-facts.ts derives them from a case). */
export const CASE_FACT_NAMES = [
  'surfaces',
  'sectors',
  'province',
  'subjectKind',
  'individualSubject',
  'principalIsLegalRep',
  'principalIdType',
  'legalRepIdType',
  'legalRepForeign',
  'servicePrincipalNotLegalRep',
  'filedUnderFormerName',
  'websiteCount',
  'individualOutOfProvince',
  'needsFiling',
  'needsLicence',
  'filedSubjectApplyingForLicence',
  'licenceFirm',
  'pathway',
  'generativeAi',
] as const;

export const STEPS = ['pathway', 'applicant', 'people', 'services', 'documents'] as const;
export type Step = (typeof STEPS)[number];

export const PreflightRuleSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^PF\d+$/),
    code: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/),
    severity: z.enum(['error', 'warning']),
    step: z.enum(STEPS),
    message: BilingualSchema,
    fix: BilingualSchema,
    /**
     * The fix once `{latestSubmission}` lies before `{submission}`: the usual advice would name a day already
     * past, so the rule says what still works instead.
     */
    fixWhenTooLate: BilingualSchema.optional(),
    /** Numbers and lists the check reads (limits, province codes), kept beside their source. */
    params: z.record(z.string(), z.unknown()).optional(),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCES),
    asOf,
  }),
);
export type PreflightRule = z.infer<typeof PreflightRuleSchema>;

export const RequiredFieldSchema = lazySchema(() =>
  z.strictObject({
    /** Model path; `services.*.x` is checked for each service of `serviceKinds`. */
    path: z.string().min(1),
    when: ConditionSchema,
    serviceKinds: z.array(z.enum(['website', 'app', 'mini_program'])).optional(),
    /** What to call the field in the message, for paths the field catalogue has no entry for (e.g. `services`). */
    label: BilingualSchema.optional(),
    source: z.string().min(1),
  }),
);

export const PreflightDataSchema = lazySchema(() =>
  ruleFileSchema('icp-packet/preflight-rules', {
    validity: z.strictObject({
      reviewDays: z.strictObject({
        icp_filing: z.number().int().positive(),
        commercial_licence: z.number().int().positive(),
      }),
      source: z.string().min(1),
    }),
    rules: z.array(PreflightRuleSchema).min(1),
    requiredFields: z.array(RequiredFieldSchema).min(1),
  }),
);

/** The rule files the pathway decision, the checklist and the pre-flight read, parsed. */
export interface DecisionRuleFiles {
  pathwayRules: z.infer<typeof PathwayRulesSchema>;
  disputes: z.infer<typeof DisputesSchema>;
  preApprovals: z.infer<typeof PreApprovalsSchema>;
  checklist: z.infer<typeof ChecklistDataSchema>;
  preflight: z.infer<typeof PreflightDataSchema>;
}

function rulesVersionOf(files: DecisionRuleFiles): string {
  return [
    `pathway-rules@${files.pathwayRules.version}`,
    `disputes@${files.disputes.version}`,
    `pre-approvals@${files.preApprovals.version}`,
    `checklist@${files.checklist.version}`,
    `preflight-rules@${files.preflight.version}`,
  ].join(' ');
}

// The rule data in use. These are live bindings: installing a newer rule pack (core/rules/pack.ts) replaces
// them, and every importer reads the new value on its next access. Anything derived from them is derived on
// access through `derivedFrom`, never computed once at import.
// The bundled files are checked against their schemas at build time (core/bundled-data.ts).
const bundledDisputes = bundledData('disputes', DisputesSchema, disputesJson);
const bundledPreApprovals = bundledData('pre-approvals', PreApprovalsSchema, preApprovalsJson);
export let PATHWAY_RULES = bundledData('pathway-rules', PathwayRulesSchema, pathwayRulesJson);
export let DISPUTES = bundledDisputes.disputes;
export let PRE_APPROVALS = bundledPreApprovals.entries;
export let CHECKLIST = bundledData('checklist', ChecklistDataSchema, checklistJson);
export let PREFLIGHT = bundledData('preflight-rules', PreflightDataSchema, preflightJson);
/** The revision of each rule file, for the packet manifest (not shown to users: they see the pack's dates). */
export let RULES_VERSION = rulesVersionOf({
  pathwayRules: PATHWAY_RULES,
  disputes: bundledDisputes,
  preApprovals: bundledPreApprovals,
  checklist: CHECKLIST,
  preflight: PREFLIGHT,
});

/** Puts parsed rule files in use (core/rules/pack.ts calls it when a rule pack is installed). */
export function useDecisionRuleFiles(files: DecisionRuleFiles): void {
  PATHWAY_RULES = files.pathwayRules;
  DISPUTES = files.disputes.disputes;
  PRE_APPROVALS = files.preApprovals.entries;
  CHECKLIST = files.checklist;
  PREFLIGHT = files.preflight;
  RULES_VERSION = rulesVersionOf(files);
}

/**
 * A value derived from rule data (a lookup map, compiled patterns), computed again only when the rule data it
 * was derived from has been replaced by a newer pack. `source` returns the data, or a list of rule data the
 * value is derived from (compared element by element).
 */
export function derivedFrom<S, R>(source: () => S, derive: (data: S) => R): () => R {
  let from: S | undefined;
  let value: R | undefined;
  let computed = false;
  const same = (a: S | undefined, b: S): boolean =>
    a === b ||
    (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));
  return () => {
    const data = source();
    if (!computed || !same(from, data)) {
      from = data;
      value = derive(data);
      computed = true;
    }
    return value as R;
  };
}

const preApprovalBySector = derivedFrom(
  () => PRE_APPROVALS,
  (entries) => new Map(entries.map((e) => [e.sector, e])),
);
export function preApprovalFor(sector: string): PreApprovalEntry | undefined {
  return preApprovalBySector().get(sector as PreApprovalEntry['sector']);
}
