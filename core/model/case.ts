/**
 * The case: one ICP application — the pathway answers, the applicant (subject), its people, its services,
 * attachments, status journal and packet history.
 *
 * The schema stores what the user typed even when it is not valid yet: a half-typed USCC must survive a
 * save. Format rules live in core/validate and the pre-flight, not here. Structure is strict: every field has
 * a default, so an older or partial file restores to a complete case (see {@link restore}).
 *
 * Dates are ISO `YYYY-MM-DD` strings ('' when not entered); instants are ISO date-times.
 *
 * EVERY FIELD IS BOUNDED (issue 22). A case arrives from files other people made (an `.icpcase`, a
 * `case.json` for the CLI), so nothing in it may be larger than the domain allows: an unbounded list once
 * overflowed the stack of the pathway decision and took the whole Home list down with it. When you add a
 * field, build it from the helpers below — never from a bare `z.string()`, `z.array()`, `z.object()` or
 * `z.record()`:
 *
 * - `text(max)`, `isoDate()`, `instant()`, `shortId()` — strings, each with the longest value the portals or the
 *   format allow (a name: the portal's limit; a free-text field: what its document prints);
 * - `list(item, max)` — a list of at most `max` items, `max` the largest the domain has (a limited company has at
 *   most 50 shareholders; WeChat takes at most 5 service content types; a case is not 10,000 services);
 * - `enumSet(values)` — a choice of several values of an enum, each at most once (so at most `values.length`);
 * - `record({...})` — an object whose unknown keys are refused, not dropped: a misspelt `legalRepresentativ`
 *   must not make the legal representative vanish silently (old keys are renamed by restore()'s migrations);
 * - `textMap(key, value, maxEntries)` — a map of strings with at most `maxEntries` entries.
 *
 * test/core/model/case-bounds.test.ts walks the whole schema and fails on any string, list or map without a
 * bound and on any object that is not strict; renderer lists take their "add" limit from the same bounds
 * ({@link maxItemsAt} in bounds.ts). Numbers need no bound for safety (they are fixed-size), only for meaning.
 */
import * as z from 'zod';

export const CURRENT_SCHEMA_VERSION = 4;

/**
 * One schema per distinct argument, built on the first call. A zod schema never changes once built (`.max()`,
 * `.default()` and the like return new ones), so the hundred-odd fields with the same rule can share one: the
 * case schema is built at start-up, and building each anew cost a cold `icp-packet check` about 10 ms.
 */
function shared<A, S>(build: (arg: A) => S): (arg: A) => S {
  const built = new Map<A, S>();
  return (arg) => {
    let schema = built.get(arg);
    if (schema === undefined) built.set(arg, (schema = build(arg)));
    return schema;
  };
}
/** `shared` for a rule without an argument. */
const once = <S>(build: () => S): (() => S) => {
  let schema: S | undefined;
  return () => (schema ??= build());
};

/** A string of at most `max` characters (UTF-16 code units), '' when not entered. */
const text = shared((max: number) => z.string().max(max).default(''));
const isoDate = once(() => z.string().max(10).default(''));
/** An ISO date-time (`2026-11-25T08:00:00.000Z`); 40 leaves room for offsets and extra precision. */
const instant = once(() => z.string().max(40));
/** An object whose unknown keys are refused (see the comment at the top). */
const record = z.strictObject;
/** A list of at most `max` items ([] when none). */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).default([]);
/** Several values of an enum, each at most once. */
const enumSet = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .max(values.length)
    .refine((chosen) => new Set(chosen).size === chosen.length, { message: 'each value at most once' })
    .default([]);
/**
 * A map of strings with at most `maxEntries` entries ({} when none). The entries are counted before any is
 * parsed, stopping at the first one over, so a hostile map of 100,000 keys costs nothing.
 */
const textMap = (key: z.ZodString, value: z.ZodString, maxEntries: number) =>
  z
    .custom<Record<string, string>>((raw) => fewKeys(raw, maxEntries), {
      message: `at most ${maxEntries} entries`,
    })
    .pipe(z.record(key, value))
    .meta({ maxEntries })
    .default({});

function fewKeys(raw: unknown, max: number): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return true; // the record says why
  let count = 0;
  for (const k in raw) if (Object.hasOwn(raw, k) && ++count > max) return false;
  return true;
}
/** A share of equity, 0–100; null while not entered. */
/**
 * Amounts in CNY: at most 10 trillion (10 万亿), far above any registered capital (the largest are under one
 * trillion), so that 1e308 is refused instead of printed as a capital.
 */
const MAX_CNY = 10_000_000_000_000;
const percent = once(() => z.number().min(0).max(100).nullable().default(null));

/**
 * The largest lists the domain has. Where a law or a portal sets the number, it is cited; elsewhere the limit
 * is far above any real case and only stops a hostile file.
 */
export const LIST_LIMITS = {
  /** Company Law of the PRC (2023) Art. 42: a limited liability company has at most 50 shareholders. */
  shareholders: 50,
  /** A shareholder's own owners, traced one level (the same cap as a company's shareholders). */
  owners: 50,
  formerNames: 20,
  /** One pre-approval per regulated sector, and room for renewals. */
  preApprovals: 28,
  attachmentsPerPermit: 20,
  languages: 20,
  /** Websites, Apps and mini-programs of one filing subject. */
  services: 200,
  domains: 100,
  ipAddresses: 100,
  platforms: 10,
  sdks: 100,
  /** WeChat applyIcpFiling takes at most 5 (field-limits.json); more are kept so the pre-flight can say so. */
  serviceContentTypes: 50,
  staff: 100,
  contacts: 50,
  personalData: 300,
  /** Every checklist item with several pages or files each. */
  attachments: 500,
  acknowledged: 2000,
  journal: 1000,
  returnReasons: 100,
  /** Export records: the app keeps the newest (core/model/list-edits.ts appendCapped). */
  exports: 200,
  serviceNumbers: 200,
  plannedChanges: 200,
  englishMeanings: 2000,
  /** Versions of documents printed for signing: a few per document (core/documents/signing.ts keeps the newest). */
  signingPrints: 60,
  /** Values one printed document version records (its fingerprints, to name what changed). */
  printedFields: 400,
} as const;

// ---------------------------------------------------------------- pathway answers (DESIGN.md §2.1)

/** What is launched. `mini_program` covers WeChat, Alipay, Douyin and other platforms' mini-programs. */
export const SURFACES = ['website', 'app', 'mini_program'] as const;
export type Surface = (typeof SURFACES)[number];

/** Who would apply (pathways.md §12.1 `subject`). */
export const SUBJECT_KINDS = [
  'cn_individual',
  'foreign_individual',
  'domestic_company',
  'wfoe',
  'jv',
  'rep_office',
  'foreign_no_entity',
  'other_org',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const PILOT_LOCATIONS = [
  'none',
  'beijing',
  'shanghai_lingang_pudong',
  'hainan',
  'shenzhen',
  'other_2025_plan_city',
] as const;
export type PilotLocation = (typeof PILOT_LOCATIONS)[number];

/** Who the mini-program's platform account is (or will be) registered to (pathways.md §4, §11). */
export const MINI_PROGRAM_ACCOUNT_OWNERS = ['mainland_entity', 'overseas_entity'] as const;
export type MiniProgramAccountOwner = (typeof MINI_PROGRAM_ACCOUNT_OWNERS)[number];

/**
 * The licence category the applicant means to apply for (pathways.md §1 2015 catalogue: B25, B21). It is the
 * case's only record of the categories: the licence documents print what core/rules/licence-categories.ts
 * derives from it and the pathway decision ('not_sure' or unanswered: what the decision calls for).
 */
export const LICENCE_CATEGORIES = ['b25', 'b21', 'both', 'not_sure'] as const;
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

/** A licence category as the catalogue and the documents name it. */
export type LicenceCategoryCode = 'B25' | 'B21';

/** The categories an answer names, B25 first ([] for 'not_sure' or no answer). */
export function answeredLicenceCategories(answer: LicenceCategory | null): LicenceCategoryCode[] {
  if (answer === 'b25') return ['B25'];
  if (answer === 'b21') return ['B21'];
  if (answer === 'both') return ['B25', 'B21'];
  return [];
}

/** How the service earns money or what it does (pathways.md §12.1 `activities`, without the sector flags). */
export const ACTIVITIES = [
  'info_only',
  'paid_content',
  'paid_membership',
  'ads_revenue',
  'affiliate',
  'own_goods_sales',
  'marketplace_third_party',
  'payments_for_others',
  'ugc_platform',
  'app_store',
  'games_paid',
  'iot_data',
  'webpage_production_for_fee',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Regulated content that needs a sector pre-approval first (pathways.md §12.1 sector flags, pre-approvals.md). */
export const SECTORS = [
  'news',
  'publishing',
  'audio_video',
  'culture',
  'drugs_devices',
  'medical',
  'religion',
  'education',
  'off_campus_tutoring',
  'finance',
  'ride_hailing',
  'maps',
  'games',
  'bulletin_board',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * Generative AI in the service (rules for 2025–2026): none; the company's own model, trained or fine-tuned
 * (CAC filing, 备案); or a feature calling another company's filed model (provincial registration, 登记).
 */
export const GENERATIVE_AI_USES = ['none', 'own_model', 'uses_filed_model'] as const;
export type GenerativeAiUse = (typeof GENERATIVE_AI_USES)[number];

export const MINI_PROGRAM_PLATFORMS = ['wechat', 'alipay', 'douyin', 'baidu', 'other'] as const;
export type MiniProgramPlatform = (typeof MINI_PROGRAM_PLATFORMS)[number];

export const PathwayAnswersSchema = record({
  surfaces: enumSet(SURFACES),
  /** Servers, CDN or backend of the websites and Apps are in mainland China. */
  mainlandHosting: z.boolean().nullable().default(null),
  /** Who registers the mini-program's platform account: a mainland entity or an overseas one. */
  miniProgramAccount: z.enum(MINI_PROGRAM_ACCOUNT_OWNERS).nullable().default(null),
  subject: z.enum(SUBJECT_KINDS).nullable().default(null),
  /** Foreign share of the applicant's equity, 0–100 (companies only). */
  foreignEquityPct: percent(),
  pilotLocation: z.enum(PILOT_LOCATIONS).default('none'),
  scope: z.enum(['single_province', 'multi_province']).nullable().default(null),
  /** GB/T 2260 code of the filing province (e.g. '310000' Shanghai). */
  province: text(6),
  activities: enumSet(ACTIVITIES),
  /** A user-content platform earns money (fees, ads, commissions): licensable once monetised (pathways.md §3). */
  platformMonetised: z.boolean().nullable().default(null),
  /** Which licence the applicant plans to apply for, if it already knows. */
  licenceCategory: z.enum(LICENCE_CATEGORIES).nullable().default(null),
  sectors: enumSet(SECTORS),
  /** Generative AI in the service: none, the company's own model, or a filed model's API. */
  generativeAi: z.enum(GENERATIVE_AI_USES).nullable().default(null),
  /** Content is recommended, ranked or selected for users by algorithm (feeds, hot lists, search ranking). */
  recommendation: z.boolean().nullable().default(null),
  /**
   * Users can publish what others see (posts, comments, reviews, live streams, group chats), or the service can
   * mobilise the public: public-opinion attributes (具有舆论属性或者社会动员能力) that make algorithm filing due.
   */
  publicOpinion: z.boolean().nullable().default(null),
});
export type PathwayAnswers = z.infer<typeof PathwayAnswersSchema>;

/**
 * Whether some surface would be filed in the mainland: a website or App hosted there, or a mini-program whose
 * account a mainland entity registers. `null` while the answers that decide it are missing.
 */
export function filesInMainland(answers: PathwayAnswers): boolean | null {
  const hosted = answers.surfaces.some((s) => s === 'website' || s === 'app');
  const mini = answers.surfaces.includes('mini_program');
  const parts: (boolean | null)[] = [];
  if (hosted) parts.push(answers.mainlandHosting);
  if (mini)
    parts.push(answers.miniProgramAccount === null ? null : answers.miniProgramAccount === 'mainland_entity');
  if (parts.includes(true)) return true;
  if (parts.length === 0 || parts.includes(null)) return null;
  return false;
}

// ---------------------------------------------------------------- people

/** Identity documents a natural person can present (identifiers.md §2–§6). */
export const PERSON_ID_TYPES = [
  'resident_id',
  'passport',
  'hk_mo_permit',
  'tw_permit',
  'hmt_residence_permit',
  'foreign_permanent_residence',
] as const;
export type PersonIdType = (typeof PERSON_ID_TYPES)[number];

export const PersonSchema = record({
  /**
   * Name as on the ID document; Chinese characters for mainland IDs. For a passport holder this may be the
   * Chinese name the person uses in China: the documents then print `nameLatin` (the passport's name) with
   * this name beside it (see core/documents/names.ts).
   */
  name: text(100),
  /** Latin-script name as printed in the passport (e.g. MUELLER ANNA), and for the English review copy. */
  nameLatin: text(200),
  /** ISO 3166-1 alpha-2 nationality, e.g. 'CN', 'DE'. */
  nationality: text(2),
  idType: z.enum(PERSON_ID_TYPES).default('resident_id'),
  idNumber: text(40),
  idValidFrom: isoDate(),
  /** '' when not entered; ignored when `idLongTerm`. */
  idValidTo: isoDate(),
  /** The ID never expires (长期). */
  idLongTerm: z.boolean().default(false),
  mobile: text(30),
  /** Emergency contact number: must be the person's own and differ from `mobile` (wechat-filing-fields.md §3.6). */
  emergencyPhone: text(30),
  landline: text(30),
  email: text(254),
  /** Job title, e.g. 总经理. */
  title: text(100),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * The subject's person in charge (负责人). `isLegalRepresentative` is the People step's "also the legal
 * representative" choice: then the case holds one person (core/model/principal.ts), which is why it starts on.
 */
export const PrincipalSchema = PersonSchema.extend({
  /** The principal is the legal representative: no authorization letter needed. */
  isLegalRepresentative: z.boolean().default(true),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/**
 * A service's own person in charge: someone other than the subject's (else the service has none of its own).
 * Whether they are the legal representative is a fact the user states, never a default: it starts off, and
 * the pre-flight compares the person with the legal representative (core/rules/cross-checks.ts).
 */
export const ServicePrincipalSchema = PersonSchema.extend({
  isLegalRepresentative: z.boolean().default(false),
});

// ---------------------------------------------------------------- subject (the applicant entity)

/** Certificates a subject can file with (wechat-filing-fields.md §4.2, app-and-website-filing-fields.md §3.3). */
/** An individual files with their own identity document, so every person ID type is a subject certificate too. */
export const SUBJECT_CERTIFICATE_TYPES = [
  'business_licence',
  'rep_office_certificate',
  'public_institution_certificate',
  'social_org_certificate',
  'government_uscc_certificate',
  ...PERSON_ID_TYPES,
] as const;
export type SubjectCertificateType = (typeof SUBJECT_CERTIFICATE_TYPES)[number];

/** An owner of a company shareholder, for the ownership chart traced to natural persons. */
export const OwnerSchema = record({
  name: text(200),
  nameLatin: text(200),
  kind: z.enum(['company', 'individual']).default('individual'),
  country: text(2),
  certificateNumber: text(40),
  /** Share of the shareholder's equity, 0–100. */
  sharePct: percent(),
});

export const ShareholderSchema = record({
  name: text(200),
  nameLatin: text(200),
  /** ISO 3166-1 alpha-2 of the shareholder's country (of incorporation or nationality). */
  country: text(2),
  kind: z.enum(['company', 'individual']).default('company'),
  /** Share of the equity, 0–100. */
  sharePct: percent(),
  /** Subscribed capital contribution in RMB yuan. */
  contributionCny: z.number().min(0).max(MAX_CNY).nullable().default(null),
  /** USCC of a company shareholder, or the ID number of a natural person (company overview, 第八条). */
  certificateNumber: text(40),
  /**
   * The shareholder's own owners, for the ownership chart traced to natural persons (a company shareholder
   * only; a natural-person shareholder is an owner already).
   */
  owners: list(OwnerSchema, LIST_LIMITS.owners),
});
export type Shareholder = z.infer<typeof ShareholderSchema>;

export const FormerNameSchema = record({
  name: text(200),
  /** Date the name change was registered. */
  changedOn: isoDate(),
  /**
   * An ICP filing was made under this name, so the filing must be moved to the current name (the rename
   * letter, citing the subject's filing number); false: nothing was filed under it. null until answered.
   */
  filedUnder: z.boolean().nullable().default(null),
});

export const SubjectSchema = record({
  /** 主办单位名称: exactly as on the certificate. */
  name: text(200),
  nameLatin: text(200),
  certificateType: z.enum(SUBJECT_CERTIFICATE_TYPES).default('business_licence'),
  /** 主体证件号码: the USCC for companies. */
  certificateNumber: text(40),
  /** 主体证件住所: address exactly as on the certificate. */
  certificateAddress: text(300),
  /** Filing region: GB/T 2260 codes of province, city and district. */
  province: text(6),
  city: text(6),
  district: text(6),
  /** 通讯地址 without the leading province/city/district, down to the house number. */
  mailingAddress: text(300),
  /** 邮政编码 of the mailing address (six digits), for the licence application letter. */
  postalCode: text(10),
  /** 投资人或主管单位: investor or supervising unit. */
  investor: text(200),
  /** Registered capital in RMB yuan. */
  registeredCapitalCny: z.number().min(0).max(MAX_CNY).nullable().default(null),
  establishedOn: isoDate(),
  /** Validity end of the business licence; '' with `certificateLongTerm` for 长期. */
  certificateValidTo: isoDate(),
  certificateLongTerm: z.boolean().default(false),
  /** 经营范围 as on the business licence. */
  businessScope: text(4000),
  shareholders: list(ShareholderSchema, LIST_LIMITS.shareholders),
  /** Names the subject held before (a rename letter is needed when a filing was made under an old name). */
  formerNames: list(FormerNameSchema, LIST_LIMITS.formerNames),
  /** Company telephone for the licence application. */
  phone: text(30),
  /** The subject's ICP filing number once filed (主体备案号, e.g. 粤ICP备2024061234号); '' before. */
  filingNumber: text(60),
  /** Mailbox for personal-information requests (个人信息保护联系邮箱), not a person's own mailbox. */
  privacyContactEmail: text(254),
  /** Who answers personal-information requests, e.g. 个人信息保护负责人 or a department. */
  privacyContactName: text(100),
  /** Number of employees, for the company overview. */
  employeeCount: z.number().int().min(0).max(10_000_000).nullable().default(null),
  remarks: text(1000),
});
export type Subject = z.infer<typeof SubjectSchema>;

// ---------------------------------------------------------------- services

export const PreApprovalSchema = record({
  sector: z.enum(SECTORS),
  /** Name of the permit, e.g. 互联网药品信息服务资格证书. */
  permitName: text(200),
  /** 前置审批号, e.g. (沪)-非经营性-2024-0001. */
  approvalNumber: text(100),
  issuedBy: text(200),
  validTo: isoDate(),
  /** Attachment ids (SHA-256) of the permit scans. */
  attachmentIds: list(z.string().max(64), LIST_LIMITS.attachmentsPerPermit),
});
export type PreApproval = z.infer<typeof PreApprovalSchema>;

const serviceBase = {
  id: z.string().min(1).max(64),
  /** Display name: website name, App name, or mini-program name as registered on the platform. */
  name: text(100),
  /** Service content (服务内容), free text in Chinese. */
  contentDescription: text(500),
  /** 语种, e.g. ['zh-CN', 'en']. */
  languages: z.array(z.string().max(10)).max(LIST_LIMITS.languages).default(['zh-CN']),
  preApprovals: list(PreApprovalSchema, LIST_LIMITS.preApprovals),
  /** The service's person in charge; null = same as the subject's principal. */
  principal: ServicePrincipalSchema.nullable().default(null),
  /** 备注 for the reviewer: actual business and main services. */
  remarks: text(500),
  /**
   * The service's ICP filing number once filed (e.g. 粤ICP备2024061234号-1); absent before. Optional (like
   * `courseScope`) so services built in code before these fields existed still type-check.
   */
  filingNumber: z.string().max(60).optional(),
  /**
   * Courses offered in the service: none, or adult vocational training only (no academic education, no
   * K-12 subject tutoring) — the pre-approval statement then states that scope instead of denying education.
   */
  courseScope: z.enum(['none', 'adult_vocational']).optional(),
  /**
   * The day the service went live to the public (YYYY-MM-DD): the licence renewal's evidence that the
   * licensed business was actually launched. Optional, like `filingNumber`.
   */
  launchedOn: z.string().max(10).optional(),
};

export const WebsiteSchema = record({
  kind: z.literal('website'),
  ...serviceBase,
  /** Registrable domains to file, e.g. ['example.cn']. */
  domains: list(z.string().max(253), LIST_LIMITS.domains),
  homeUrl: text(2048),
  /** Registrant of the domains as WHOIS shows it: must be the subject (app-and-website-filing-fields.md §3.2). */
  domainHolder: text(200),
  domainExpiresOn: isoDate(),
  /** Hosting / access provider (接入服务单位), e.g. 阿里云计算有限公司. */
  accessProvider: text(200),
  serverLocation: text(200),
  ipAddresses: list(z.string().max(45), LIST_LIMITS.ipAddresses),
});
export type Website = z.infer<typeof WebsiteSchema>;

export const AppPlatformSchema = record({
  platform: z.enum(['android', 'ios', 'harmony']),
  /** Android package name, iOS Bundle ID or HarmonyOS bundle name. */
  packageName: text(255),
  /** Signing-certificate public key (RSA modulus, hex). */
  publicKey: text(4096),
  /** Signing-certificate fingerprint: MD5 (32 hex) for Android, SHA-1 (40 hex) for iOS. */
  signatureFingerprint: text(128),
});
export type AppPlatform = z.infer<typeof AppPlatformSchema>;

export const AppServiceSchema = record({
  kind: z.literal('app'),
  ...serviceBase,
  platforms: list(AppPlatformSchema, LIST_LIMITS.platforms),
  /** Domains the App contacts at run time. */
  domains: list(z.string().max(253), LIST_LIMITS.domains),
  /** Third-party SDKs: provider and function (payment, login, location…). */
  sdks: list(record({ provider: text(200), purpose: text(200) }), LIST_LIMITS.sdks),
  accessProvider: text(200),
  ipAddresses: list(z.string().max(45), LIST_LIMITS.ipAddresses),
});
export type AppService = z.infer<typeof AppServiceSchema>;

export const MiniProgramSchema = record({
  kind: z.literal('mini_program'),
  ...serviceBase,
  platform: z.enum(MINI_PROGRAM_PLATFORMS).default('wechat'),
  /** WeChat AppID (wx + 16 hex) or the platform's app id. */
  appId: text(64),
  /** WeChat service content types: second-level ids of query_icp_service_content_types (at most 5). */
  serviceContentTypes: list(z.number().int().min(0).max(9_999), LIST_LIMITS.serviceContentTypes),
});
export type MiniProgram = z.infer<typeof MiniProgramSchema>;

export const ServiceSchema = z.discriminatedUnion('kind', [
  WebsiteSchema,
  AppServiceSchema,
  MiniProgramSchema,
]);
export type Service = z.infer<typeof ServiceSchema>;

// ---------------------------------------------------------------- commercial licence data (B25 / B21)

export const StaffMemberSchema = record({
  name: text(100),
  /** Role in the licensed business, e.g. 技术负责人, 信息安全负责人, 客服负责人. */
  role: text(100),
  title: text(100),
  education: text(100),
  /** Professional background in one or two sentences (Chinese). */
  experience: text(500),
  phone: text(30),
  /** Identity document of the staff member (the key-staff table lists its number). */
  idType: z.enum(PERSON_ID_TYPES).default('resident_id'),
  idNumber: text(40),
  /** Has social-insurance records with the applicant (practitioners report reviewers check it). */
  socialInsurance: z.boolean().default(false),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** The licence business data. The categories applied for are the Pathway answer `answers.licenceCategory`. */
export const LicenceSchema = record({
  /**
   * Where the service is offered: the filing province only (provincial administration), a list of
   * provinces, or nationwide (both MIIT).
   */
  coverage: z.enum(['province', 'multi_province', 'nationwide']).default('province'),
  /** With coverage 'multi_province': the provinces covered, by code (440000) or name (广东省 / Guangdong). */
  provinces: list(text(30), 34),
  /** Planned business in Chinese: what is sold, to whom, how it is charged. */
  businessModel: text(4000),
  targetUsers: text(1000),
  /** Revenue sources in plain Chinese, e.g. 会员费、商品销售. */
  revenueModel: text(1000),
  plannedLaunchOn: isoDate(),
  /** Technical plan: architecture, hosting, security design (Chinese). */
  architecture: text(4000),
  hosting: text(1000),
  /** Customer-service channel (phone / e-mail) for user complaints. */
  complaintPhone: text(30),
  complaintEmail: text(254),
  staff: list(StaffMemberSchema, LIST_LIMITS.staff),
});
export type Licence = z.infer<typeof LicenceSchema>;

// ---------------------------------------------------------------- personal-information inventory (PIPL)

/** Sensitive personal information under PIPL Art. 28 (post-approval.md §6). */
export const SENSITIVE_CATEGORIES = [
  'biometric',
  'religion',
  'specific_identity',
  'health',
  'financial',
  'location',
  'minor_under_14',
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** Legal bases of PIPL Art. 13 (post-approval.md §6). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'hr_management',
  'legal_duty',
  'public_health',
  'news_reporting',
  'already_public',
  'other_law',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Mechanisms for a cross-border transfer (PIPL Art. 38); '' = not chosen yet. */
export const CROSS_BORDER_MECHANISMS = [
  '',
  'security_assessment',
  'certification',
  'standard_contract',
  'other_legal_ground',
] as const;

export const DataItemSchema = record({
  /** What is collected, e.g. 手机号码. */
  item: text(200),
  purpose: text(500),
  /** Sensitive personal information under PIPL Art. 28 (needs separate consent). */
  sensitive: z.boolean().default(false),
  retention: text(200),
  /** Third parties it is shared with, '' if none. */
  sharedWith: text(300),
  /** Leaves mainland China (needs PIPL Ch. III mechanism). */
  crossBorder: z.boolean().default(false),
  /** PIPL Art. 13 basis for processing this item. */
  legalBasis: z.enum(LEGAL_BASES).default('consent'),
  /** Which Art. 28 categories make it sensitive (any one sets `sensitive`). */
  sensitiveCategories: enumSet(SENSITIVE_CATEGORIES),
  /** Where a cross-border transfer goes (country, recipient). */
  crossBorderRecipient: text(300),
  crossBorderMechanism: z.enum(CROSS_BORDER_MECHANISMS).default(''),
});
export type DataItem = z.infer<typeof DataItemSchema>;

/**
 * How much personal information the service handles, for the duties that scale with it (rules for 2025–2026):
 * the compliance audit every two years above 10 million people, and which of the three cross-border routes a
 * transfer takes. '' = not answered yet.
 */
export const PersonalDataScaleSchema = record({
  /** People whose personal information the service processes in all. */
  peopleProcessed: z.enum(['', 'under_1m', 'from_1m_to_10m', 'over_10m']).default(''),
  /** Since 1 January of this year: people whose personal information (not sensitive) leaves mainland China. */
  crossBorderPeople: z.enum(['', 'none', 'under_100k', 'from_100k_to_1m', 'over_1m']).default(''),
  /** Since 1 January of this year: people whose sensitive personal information leaves mainland China. */
  crossBorderSensitivePeople: z.enum(['', 'none', 'under_10k', 'from_10k']).default(''),
  /** A critical information infrastructure operator (关键信息基础设施运营者), as the sector regulator notified. */
  ciio: z.boolean().default(false),
  /** Data the authorities have notified or published as important data leaves mainland China. */
  importantData: z.boolean().default(false),
});
export type PersonalDataScale = z.infer<typeof PersonalDataScaleSchema>;

// ---------------------------------------------------------------- attachments, journal, exports

export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** Fingerprints of what a version of a document prints (core/documents/signing.ts `printedFields`). */
const PrintedFieldsSchema = list(
  z.tuple([z.string().max(200), z.string().max(16)]),
  LIST_LIMITS.printedFields,
);

/**
 * What the app read from a signed scan when it was attached (core/documents/signed-scan.ts): the document
 * it is the signed copy of, the content version printed in its marks, and the pages it holds.
 */
export const SignedCopySchema = record({
  templateId: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]{1,80}$/),
  /** The content version the scan's marks carry; the copy is out of date once the document prints otherwise. */
  contentVersion: z
    .string()
    .max(10)
    .regex(/^[0-9A-F]{10}$/),
  /** The pages of the document this file holds (1-based, in order). */
  pages: z.array(z.number().int().min(1).max(999)).min(1).max(100),
  /** How many pages the printed document has. */
  pageCount: z.number().int().min(1).max(999),
  /** What that version printed, to name what changed when it goes out of date. */
  fields: PrintedFieldsSchema,
});
export type SignedCopy = z.infer<typeof SignedCopySchema>;

/** A document version printed for signing: what a scan of it printed, to explain why it is out of date. */
export const SigningPrintSchema = record({
  templateId: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]{1,80}$/),
  contentVersion: z
    .string()
    .max(10)
    .regex(/^[0-9A-F]{10}$/),
  printedAt: instant(),
  fields: PrintedFieldsSchema,
});
export type SigningPrint = z.infer<typeof SigningPrintSchema>;

export const AttachmentMetaSchema = record({
  /** SHA-256 of the plaintext bytes, lower-case hex: the content address in the store. */
  id: z
    .string()
    .max(64)
    .regex(/^[0-9a-f]{64}$/),
  /** The checklist item this file satisfies (ids from the checklist rules). */
  checklistItemId: z.string().max(100),
  /** Original file name, kept for display only — never used as a path. */
  originalName: z.string().max(255),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  widthPx: z.number().int().min(0).max(1_000_000).optional(),
  heightPx: z.number().int().min(0).max(1_000_000).optional(),
  pages: z.number().int().min(0).max(1_000_000).optional(),
  addedAt: instant(),
  /** Validity of the document shown in the file (user-entered), for expiry checks. */
  validFrom: isoDate(),
  validTo: isoDate(),
  /** Set when the file is the checked signed scan of a document the app generated. */
  signedCopy: SignedCopySchema.optional(),
  /**
   * Degrees the scan must be turned clockwise to be upright, found from its text when it was attached (a
   * page lying on its side or upside down). Absent: upright, or not checked. A turned copy replaces it.
   */
  turnToUpright: z.union([z.literal(90), z.literal(180), z.literal(270)]).optional(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMetaSchema>;

/**
 * Events of the status journal (DESIGN.md §2.6). Filing: submitted to the provider or platform → its
 * pre-review passed or returned → MIIT text-message check → provincial review → approved or rejected.
 * Licence: application accepted → granted or refused.
 */
export const CASE_STATUSES = [
  'draft',
  'submitted',
  'provider_passed',
  'provider_returned',
  'sms_verification',
  'authority_review',
  'approved',
  'rejected',
  'withdrawn',
  'licence_accepted',
  'licence_granted',
  'licence_refused',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A reason a reviewer gave, attached to the field it concerns (a pre-flight field path, '' = general). */
export const ReturnReasonSchema = record({
  path: text(200),
  text: text(2000),
  /** The user has dealt with it. */
  resolved: z.boolean().default(false),
});
export type ReturnReason = z.infer<typeof ReturnReasonSchema>;

export const JournalEntrySchema = record({
  /** Stable id of the entry (UUID; also the .ics UID seed of reminders it causes). */
  id: z.string().max(64).default(''),
  /** When it was recorded. */
  at: instant(),
  /** The day it happened (YYYY-MM-DD), which the timers count from. */
  on: isoDate(),
  status: z.enum(CASE_STATUSES),
  note: text(2000),
  /** Filing or licence number once approved, e.g. 沪ICP备2026012345号-1X. */
  number: text(60),
  /** Returned / rejected / refused: the reasons, each attached to a field. */
  reasons: list(ReturnReasonSchema, LIST_LIMITS.returnReasons),
  /** Submitted: the manifest SHA-256 of the packet version sent ('' = not linked). */
  packetManifestSha256: z.string().max(64).default(''),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const ExportRecordSchema = record({
  at: instant(),
  folderName: z.string().max(200),
  profile: z.string().max(40),
  fileCount: z.number().int().min(0).max(1_000_000),
  /** SHA-256 of the manifest.json written. */
  manifestSha256: z.string().max(64),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

// ---------------------------------------------------------------- after approval (DESIGN.md §2.6)

/** Which number a footer shows: the province rule (post-approval.md §1), the subject's, or the service's. */
export const DISPLAY_NUMBER_CHOICES = ['province_rule', 'subject', 'service'] as const;

export const AfterApprovalSchema = record({
  /** The subject's filing number (主体备案号), e.g. 京ICP备16020626号. */
  filingNumber: text(60),
  /** Each service's own number (…号-1, -2A, -3X), by service id. */
  serviceNumbers: list(record({ serviceId: text(64), number: text(60) }), LIST_LIMITS.serviceNumbers),
  /** Licence holders: 粤B2-20090059. */
  licenceNumber: text(60),
  licenceValidTo: isoDate(),
  /** 京公网安备 11010202009201号. */
  publicSecurityNumber: text(60),
  /** The site went online (the public-security filing is due 30 days later). */
  wentLiveOn: isoDate(),
  publicSecurityFiledOn: isoDate(),
  displayNumber: z.enum(DISPLAY_NUMBER_CHOICES).default('province_rule'),
  /** Planned changes of registered information (a change filing is due 30 days before). */
  plannedChanges: list(
    record({ id: text(64), description: text(500), on: isoDate() }),
    LIST_LIMITS.plannedChanges,
  ),
  /** The ad copy or store listing last checked with the Advertising Law checker. */
  adCopy: text(100_000),
  /**
   * Generative-AI models the product uses, each with its CAC filing number (备案号) or the provincial online
   * number (上线编号): shown on the product (go-live kit).
   */
  aiModels: list(record({ name: text(100), number: text(100) }), 10),
});
export type AfterApproval = z.infer<typeof AfterApprovalSchema>;

// ---------------------------------------------------------------- the years after the licence

/** A count the user enters (users, complaints, staff): a whole number, null while not entered. */
const count = once(() => z.number().int().min(0).max(10_000_000_000).nullable().default(null));
/** An amount of money in RMB yuan, null while not entered. */
const amountCny = once(() => z.number().min(0).max(10_000_000_000_000).nullable().default(null));

/** The licence categories an annual report's business rows can name. */
export const REPORT_CATEGORIES = ['B25', 'B21'] as const;

/** A licensed category's business development row: opened (开通) or not, its users and its revenue. */
export const AnnualServiceRowSchema = record({
  category: z.enum(REPORT_CATEGORIES),
  open: z.boolean().default(true),
  users: count(),
  revenueCny: amountCny(),
});

/**
 * The figures of one year's licence annual report (年报) that the case itself does not hold: what the user
 * types once and the dry run turns into every table's values (core/after/annual-report.ts).
 */
export const AnnualFiguresSchema = record({
  /** 企业性质 as the system's list names it; '' = the app's suggestion from the applicant kind. */
  enterpriseNature: text(50),
  /** 上市情况: listed on a stock exchange. */
  listed: z.boolean().nullable().default(null),
  /** 分支机构: the branches, '' when there are none. */
  branches: text(500),
  /** Staff at the end of the year reported. */
  employees: count(),
  /** 人员及机构变动情况: changes of staff and organisation during the year. */
  staffChanges: text(1000),
  /** 网络建设情况: servers, hosting, bandwidth added or changed. */
  networkBuildout: text(2000),
  /** 营业收入, 营业成本, 电信业务收入 of the year's financial statements, in RMB yuan. */
  revenueCny: amountCny(),
  costCny: amountCny(),
  telecomRevenueCny: amountCny(),
  /** The 是否公示 tick of the finance table: revenue, cost and telecom revenue published. */
  discloseFinancials: z.boolean().default(false),
  /** 用户投诉量 and 用户投诉回复率 (0–100). */
  complaints: count(),
  complaintResponseRatePct: percent(),
  /** 网络与信息安全: the management rules and the technical measures in force. */
  securityRules: text(2000),
  securityMeasures: text(2000),
  /** Users of all the company's internet services (互联网及相关业务统计表). */
  users: count(),
  /** One row per licensed category: opened (开通) or not, its users and its revenue. */
  services: z.array(AnnualServiceRowSchema).max(REPORT_CATEGORIES.length).default([]),
});
export type AnnualFigures = z.infer<typeof AnnualFiguresSchema>;

export const AnnualReportSchema = record({
  /** The year reported (the report is filed in the first quarter of the next year). */
  year: z.number().int().min(2000).max(2100),
  figures: AnnualFiguresSchema.default(() => AnnualFiguresSchema.parse({})),
  /**
   * The underlined text of the system's 承诺书 for this year, pasted from the system: our sources do not
   * have it, and the system compares what is typed character for character.
   */
  commitmentText: text(4000),
  /** The day the report was submitted (未报 → 已报); '' while it is not. */
  submittedOn: isoDate(),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

/**
 * Changes of the licence holder the journal records (lifecycle.md §2.6): a new legal representative, a new
 * name, a registered-capital change, a shareholder change, a new domain on the licence, and a new person in
 * charge of the filing subject (主体负责人).
 */
export const CHANGE_KINDS = [
  'legal_representative',
  'name',
  'registered_capital',
  'shareholders',
  'licence_domain',
  'filing_subject',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The values a change is about: the new ones in `next`, the ones they replaced in `before`. */
export const ChangeValuesSchema = record({
  /** The legal representative (legal_representative) or the subject's person in charge (filing_subject). */
  person: PersonSchema.nullable().default(null),
  /** The subject's person in charge as it was or became (legal_representative, filing_subject). */
  principal: PrincipalSchema.nullable().default(null),
  name: text(200),
  nameLatin: text(200),
  registeredCapitalCny: z.number().min(0).max(MAX_CNY).nullable().default(null),
  shareholders: z.array(ShareholderSchema).max(50).default([]),
  /** licence_domain: the website's domains. */
  domains: z.array(z.string().max(253)).max(50).default([]),
});
export type ChangeValues = z.infer<typeof ChangeValuesSchema>;

export const ChangeEventSchema = record({
  id: z.string().min(1).max(64),
  kind: z.enum(CHANGE_KINDS),
  /** When it was recorded (ISO date-time). */
  recordedAt: z.string().max(40).default(''),
  /** The company-registration change was registered with the market regulator (name, legal rep, capital). */
  registeredOn: isoDate(),
  /** The company decided it (shareholders' resolution): shareholder changes count from here. */
  decidedOn: isoDate(),
  /** The day the change takes effect (a new person in charge, a new domain put to use). */
  effectiveOn: isoDate(),
  note: text(1000),
  /** legal_representative: the new legal representative also becomes the subject's person in charge. */
  principalFollows: z.boolean().default(true),
  /** licence_domain: the website the domain is added to. */
  serviceId: text(64),
  /** licence_domain: the domain added. */
  domain: text(253),
  next: ChangeValuesSchema.default(() => ChangeValuesSchema.parse({})),
  /** What the case held before the change: its history, never shown as current again. */
  before: ChangeValuesSchema.default(() => ChangeValuesSchema.parse({})),
  /** The licence change was applied for (变更申请 submitted); '' while not. */
  licenceChangeFiledOn: isoDate(),
  /** The authority approved it (a shareholder change must be approved before it is implemented). */
  approvedOn: isoDate(),
  /** The filing-side change (变更备案) of each filed service, once submitted. */
  filingChanges: z
    .array(record({ serviceId: text(64), filedOn: isoDate() }))
    .max(50)
    .default([]),
});
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/** The licence holder's years after approval: annual reports and recorded changes. */
export const LifecycleSchema = record({
  annualReports: z.array(AnnualReportSchema).max(50).default([]),
  changes: z.array(ChangeEventSchema).max(200).default([]),
});
export type Lifecycle = z.infer<typeof LifecycleSchema>;

// ---------------------------------------------------------------- the case

export const CaseSchema = record({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1).max(64),
  /** The user's name for the case, e.g. "Acme mini-program shop". */
  name: text(200),
  createdAt: instant(),
  updatedAt: instant(),
  /**
   * Date the packet is expected to be submitted; validity windows are measured from it ('' = today). It is
   * also the one date printed on every signed document; '' leaves 年 月 日 blank for dating by hand.
   */
  plannedSubmissionOn: isoDate(),
  answers: PathwayAnswersSchema.default(() => PathwayAnswersSchema.parse({})),
  subject: SubjectSchema.default(() => SubjectSchema.parse({})),
  legalRepresentative: PersonSchema.default(() => PersonSchema.parse({})),
  /** 主体负责人: the subject's person in charge. */
  principal: PrincipalSchema.default(() => PrincipalSchema.parse({})),
  /** Other contacts (agency, IT), for the cover index only. */
  contacts: list(
    record({ role: text(100), name: text(100), mobile: text(30), email: text(254) }),
    LIST_LIMITS.contacts,
  ),
  services: list(ServiceSchema, LIST_LIMITS.services),
  licence: LicenceSchema.default(() => LicenceSchema.parse({})),
  personalData: list(DataItemSchema, LIST_LIMITS.personalData),
  personalDataScale: PersonalDataScaleSchema.default(() => PersonalDataScaleSchema.parse({})),
  attachments: list(AttachmentMetaSchema, LIST_LIMITS.attachments),
  /**
   * Identifies the case in the marks of the documents printed for signing: the id the case had when it
   * was first exported, so paper printed before an export still checks after the import ('' = the id).
   */
  markId: text(64),
  /** The versions of documents printed for signing, newest last (a few per document). */
  signingPrints: list(SigningPrintSchema, LIST_LIMITS.signingPrints),
  /** Pre-flight warnings the user has acknowledged, by issue key (code + path). */
  acknowledged: list(z.string().max(300), LIST_LIMITS.acknowledged),
  journal: list(JournalEntrySchema, LIST_LIMITS.journal),
  exports: list(ExportRecordSchema, LIST_LIMITS.exports),
  /**
   * The English meaning of free-text Chinese fields, by concrete field path (`services.0.contentDescription`),
   * typed beside the field; printed in the bilingual review copy. Optional: a missing one prints a
   * "no English given" mark.
   */
  englishMeanings: textMap(z.string().max(200), z.string().max(4000), LIST_LIMITS.englishMeanings),
  afterApproval: AfterApprovalSchema.default(() => AfterApprovalSchema.parse({})),
  /** Annual reports and recorded changes of a licence holder (core/after/annual-report.ts, changes.ts). */
  lifecycle: LifecycleSchema.default(() => LifecycleSchema.parse({})),
});
export type Case = z.infer<typeof CaseSchema>;
