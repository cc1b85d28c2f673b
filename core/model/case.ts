/**
 * The case: one ICP application — the pathway answers, the applicant (subject), its people, its services,
 * attachments, status journal and packet history.
 *
 * The schema stores what the user typed even when it is not valid yet: a half-typed USCC must survive a
 * save. Format rules live in core/validate and the pre-flight, not here. Structure is strict: every field has
 * a default, so an older or partial file restores to a complete case (see {@link restore}).
 *
 * Dates are ISO `YYYY-MM-DD` strings ('' when not entered); instants are ISO date-times.
 */
import { z } from 'zod';

export const CURRENT_SCHEMA_VERSION = 4;

const text = (max = 2000) => z.string().max(max).default('');
const isoDate = () => z.string().max(10).default('');
/** A share of equity, 0–100; null while not entered. */
const percent = () => z.number().min(0).max(100).nullable().default(null);

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

export const MINI_PROGRAM_PLATFORMS = ['wechat', 'alipay', 'douyin', 'baidu', 'other'] as const;
export type MiniProgramPlatform = (typeof MINI_PROGRAM_PLATFORMS)[number];

export const PathwayAnswersSchema = z.object({
  surfaces: z.array(z.enum(SURFACES)).default([]),
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
  activities: z.array(z.enum(ACTIVITIES)).default([]),
  /** A user-content platform earns money (fees, ads, commissions): licensable once monetised (pathways.md §3). */
  platformMonetised: z.boolean().nullable().default(null),
  /** Which licence the applicant plans to apply for, if it already knows. */
  licenceCategory: z.enum(LICENCE_CATEGORIES).nullable().default(null),
  sectors: z.array(z.enum(SECTORS)).default([]),
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

export const PersonSchema = z.object({
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

/** A person in charge (负责人): the subject's, or a service's. */
export const PrincipalSchema = PersonSchema.extend({
  /** The principal is the legal representative: no authorization letter needed. */
  isLegalRepresentative: z.boolean().default(true),
});
export type Principal = z.infer<typeof PrincipalSchema>;

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

export const ShareholderSchema = z.object({
  name: text(200),
  nameLatin: text(200),
  /** ISO 3166-1 alpha-2 of the shareholder's country (of incorporation or nationality). */
  country: text(2),
  kind: z.enum(['company', 'individual']).default('company'),
  /** Share of the equity, 0–100. */
  sharePct: percent(),
  /** Subscribed capital contribution in RMB yuan. */
  contributionCny: z.number().min(0).nullable().default(null),
  /** USCC of a company shareholder, or the ID number of a natural person (company overview, 第八条). */
  certificateNumber: text(40),
  /**
   * The shareholder's own owners, for the ownership chart traced to natural persons (a company shareholder
   * only; a natural-person shareholder is an owner already).
   */
  owners: z
    .array(
      z.object({
        name: text(200),
        nameLatin: text(200),
        kind: z.enum(['company', 'individual']).default('individual'),
        country: text(2),
        certificateNumber: text(40),
        /** Share of the shareholder's equity, 0–100. */
        sharePct: percent(),
      }),
    )
    .default([]),
});
export type Shareholder = z.infer<typeof ShareholderSchema>;

export const FormerNameSchema = z.object({
  name: text(200),
  /** Date the name change was registered. */
  changedOn: isoDate(),
});

export const SubjectSchema = z.object({
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
  /** 投资人或主管单位: investor or supervising unit. */
  investor: text(200),
  /** Registered capital in RMB yuan. */
  registeredCapitalCny: z.number().min(0).nullable().default(null),
  establishedOn: isoDate(),
  /** Validity end of the business licence; '' with `certificateLongTerm` for 长期. */
  certificateValidTo: isoDate(),
  certificateLongTerm: z.boolean().default(false),
  /** 经营范围 as on the business licence. */
  businessScope: text(4000),
  shareholders: z.array(ShareholderSchema).default([]),
  /** Names the subject held before (a rename letter is needed when a filing was made under an old name). */
  formerNames: z.array(FormerNameSchema).default([]),
  /** Company telephone for the licence application. */
  phone: text(30),
  /** The subject's ICP filing number once filed (主体备案号, e.g. 粤ICP备2024061234号); '' before. */
  filingNumber: text(60),
  /** Mailbox for personal-information requests (个人信息保护联系邮箱), not a person's own mailbox. */
  privacyContactEmail: text(254),
  /** Who answers personal-information requests, e.g. 个人信息保护负责人 or a department. */
  privacyContactName: text(100),
  /** Number of employees, for the company overview. */
  employeeCount: z.number().int().min(0).nullable().default(null),
  remarks: text(1000),
});
export type Subject = z.infer<typeof SubjectSchema>;

// ---------------------------------------------------------------- services

export const PreApprovalSchema = z.object({
  sector: z.enum(SECTORS),
  /** Name of the permit, e.g. 互联网药品信息服务资格证书. */
  permitName: text(200),
  /** 前置审批号, e.g. (沪)-非经营性-2024-0001. */
  approvalNumber: text(100),
  issuedBy: text(200),
  validTo: isoDate(),
  /** Attachment ids (SHA-256) of the permit scans. */
  attachmentIds: z.array(z.string()).default([]),
});
export type PreApproval = z.infer<typeof PreApprovalSchema>;

const serviceBase = {
  id: z.string().min(1).max(64),
  /** Display name: website name, App name, or mini-program name as registered on the platform. */
  name: text(100),
  /** Service content (服务内容), free text in Chinese. */
  contentDescription: text(500),
  /** 语种, e.g. ['zh-CN', 'en']. */
  languages: z.array(z.string().max(10)).default(['zh-CN']),
  preApprovals: z.array(PreApprovalSchema).default([]),
  /** The service's person in charge; null = same as the subject's principal. */
  principal: PrincipalSchema.nullable().default(null),
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
};

export const WebsiteSchema = z.object({
  kind: z.literal('website'),
  ...serviceBase,
  /** Registrable domains to file, e.g. ['example.cn']. */
  domains: z.array(z.string().max(253)).default([]),
  homeUrl: text(2048),
  /** Registrant of the domains as WHOIS shows it: must be the subject (app-and-website-filing-fields.md §3.2). */
  domainHolder: text(200),
  domainExpiresOn: isoDate(),
  /** Hosting / access provider (接入服务单位), e.g. 阿里云计算有限公司. */
  accessProvider: text(200),
  serverLocation: text(200),
  ipAddresses: z.array(z.string().max(45)).default([]),
});
export type Website = z.infer<typeof WebsiteSchema>;

export const AppPlatformSchema = z.object({
  platform: z.enum(['android', 'ios', 'harmony']),
  /** Android package name, iOS Bundle ID or HarmonyOS bundle name. */
  packageName: text(255),
  /** Signing-certificate public key (RSA modulus, hex). */
  publicKey: text(4096),
  /** Signing-certificate fingerprint: MD5 (32 hex) for Android, SHA-1 (40 hex) for iOS. */
  signatureFingerprint: text(128),
});
export type AppPlatform = z.infer<typeof AppPlatformSchema>;

export const AppServiceSchema = z.object({
  kind: z.literal('app'),
  ...serviceBase,
  platforms: z.array(AppPlatformSchema).default([]),
  /** Domains the App contacts at run time. */
  domains: z.array(z.string().max(253)).default([]),
  /** Third-party SDKs: provider and function (payment, login, location…). */
  sdks: z.array(z.object({ provider: text(200), purpose: text(200) })).default([]),
  accessProvider: text(200),
  ipAddresses: z.array(z.string().max(45)).default([]),
});
export type AppService = z.infer<typeof AppServiceSchema>;

export const MiniProgramSchema = z.object({
  kind: z.literal('mini_program'),
  ...serviceBase,
  platform: z.enum(MINI_PROGRAM_PLATFORMS).default('wechat'),
  /** WeChat AppID (wx + 16 hex) or the platform's app id. */
  appId: text(64),
  /** WeChat service content types: second-level ids of query_icp_service_content_types (at most 5). */
  serviceContentTypes: z.array(z.number().int()).default([]),
});
export type MiniProgram = z.infer<typeof MiniProgramSchema>;

export const ServiceSchema = z.discriminatedUnion('kind', [
  WebsiteSchema,
  AppServiceSchema,
  MiniProgramSchema,
]);
export type Service = z.infer<typeof ServiceSchema>;

// ---------------------------------------------------------------- commercial licence data (B25 / B21)

export const StaffMemberSchema = z.object({
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
export const LicenceSchema = z.object({
  /**
   * Where the service is offered: the filing province only (provincial administration), a list of
   * provinces, or nationwide (both MIIT).
   */
  coverage: z.enum(['province', 'multi_province', 'nationwide']).default('province'),
  /** With coverage 'multi_province': the provinces covered, by code (440000) or name (广东省 / Guangdong). */
  provinces: z.array(text(30)).max(34).default([]),
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
  staff: z.array(StaffMemberSchema).default([]),
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

export const DataItemSchema = z.object({
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
  sensitiveCategories: z.array(z.enum(SENSITIVE_CATEGORIES)).default([]),
  /** Where a cross-border transfer goes (country, recipient). */
  crossBorderRecipient: text(300),
  crossBorderMechanism: z.enum(CROSS_BORDER_MECHANISMS).default(''),
});
export type DataItem = z.infer<typeof DataItemSchema>;

// ---------------------------------------------------------------- attachments, journal, exports

export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** Fingerprints of what a version of a document prints (core/documents/signing.ts `printedFields`). */
const PrintedFieldsSchema = z.array(z.tuple([z.string().max(200), z.string().max(16)])).max(400).default([]);

/**
 * What the app read from a signed scan when it was attached (core/documents/signed-scan.ts): the document
 * it is the signed copy of, the content version printed in its marks, and the pages it holds.
 */
export const SignedCopySchema = z.object({
  templateId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  /** The content version the scan's marks carry; the copy is out of date once the document prints otherwise. */
  contentVersion: z.string().regex(/^[0-9A-F]{10}$/),
  /** The pages of the document this file holds (1-based, in order). */
  pages: z.array(z.number().int().min(1).max(999)).min(1).max(100),
  /** How many pages the printed document has. */
  pageCount: z.number().int().min(1).max(999),
  /** What that version printed, to name what changed when it goes out of date. */
  fields: PrintedFieldsSchema,
});
export type SignedCopy = z.infer<typeof SignedCopySchema>;

/** A document version printed for signing: what a scan of it printed, to explain why it is out of date. */
export const SigningPrintSchema = z.object({
  templateId: z.string().regex(/^[a-z0-9-]{1,80}$/),
  contentVersion: z.string().regex(/^[0-9A-F]{10}$/),
  printedAt: z.string().max(40),
  fields: PrintedFieldsSchema,
});
export type SigningPrint = z.infer<typeof SigningPrintSchema>;

export const AttachmentMetaSchema = z.object({
  /** SHA-256 of the plaintext bytes, lower-case hex: the content address in the store. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  /** The checklist item this file satisfies (ids from the checklist rules). */
  checklistItemId: z.string().max(100),
  /** Original file name, kept for display only — never used as a path. */
  originalName: z.string().max(255),
  mediaType: z.enum(ATTACHMENT_MEDIA_TYPES),
  bytes: z.number().int().min(0),
  widthPx: z.number().int().min(0).optional(),
  heightPx: z.number().int().min(0).optional(),
  pages: z.number().int().min(0).optional(),
  addedAt: z.string(),
  /** Validity of the document shown in the file (user-entered), for expiry checks. */
  validFrom: isoDate(),
  validTo: isoDate(),
  /** Set when the file is the checked signed scan of a document the app generated. */
  signedCopy: SignedCopySchema.optional(),
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
export const ReturnReasonSchema = z.object({
  path: text(200),
  text: text(2000),
  /** The user has dealt with it. */
  resolved: z.boolean().default(false),
});
export type ReturnReason = z.infer<typeof ReturnReasonSchema>;

export const JournalEntrySchema = z.object({
  /** Stable id of the entry (UUID; also the .ics UID seed of reminders it causes). */
  id: z.string().max(64).default(''),
  /** When it was recorded. */
  at: z.string(),
  /** The day it happened (YYYY-MM-DD), which the timers count from. */
  on: isoDate(),
  status: z.enum(CASE_STATUSES),
  note: text(2000),
  /** Filing or licence number once approved, e.g. 沪ICP备2026012345号-1X. */
  number: text(60),
  /** Returned / rejected / refused: the reasons, each attached to a field. */
  reasons: z.array(ReturnReasonSchema).default([]),
  /** Submitted: the manifest SHA-256 of the packet version sent ('' = not linked). */
  packetManifestSha256: z.string().max(64).default(''),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const ExportRecordSchema = z.object({
  at: z.string(),
  folderName: z.string().max(200),
  profile: z.string().max(40),
  fileCount: z.number().int().min(0),
  /** SHA-256 of the manifest.json written. */
  manifestSha256: z.string().max(64),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

// ---------------------------------------------------------------- after approval (DESIGN.md §2.6)

/** Which number a footer shows: the province rule (post-approval.md §1), the subject's, or the service's. */
export const DISPLAY_NUMBER_CHOICES = ['province_rule', 'subject', 'service'] as const;

export const AfterApprovalSchema = z.object({
  /** The subject's filing number (主体备案号), e.g. 京ICP备16020626号. */
  filingNumber: text(60),
  /** Each service's own number (…号-1, -2A, -3X), by service id. */
  serviceNumbers: z.array(z.object({ serviceId: text(64), number: text(60) })).default([]),
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
  plannedChanges: z.array(z.object({ id: text(64), description: text(500), on: isoDate() })).default([]),
  /** The ad copy or store listing last checked with the Advertising Law checker. */
  adCopy: text(100_000),
});
export type AfterApproval = z.infer<typeof AfterApprovalSchema>;

// ---------------------------------------------------------------- the case

export const CaseSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1).max(64),
  /** The user's name for the case, e.g. "Acme mini-program shop". */
  name: text(200),
  createdAt: z.string(),
  updatedAt: z.string(),
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
  contacts: z
    .array(z.object({ role: text(100), name: text(100), mobile: text(30), email: text(254) }))
    .default([]),
  services: z.array(ServiceSchema).default([]),
  licence: LicenceSchema.default(() => LicenceSchema.parse({})),
  personalData: z.array(DataItemSchema).default([]),
  attachments: z.array(AttachmentMetaSchema).default([]),
  /**
   * Identifies the case in the marks of the documents printed for signing: the id the case had when it
   * was first exported, so paper printed before an export still checks after the import ('' = the id).
   */
  markId: z.string().max(64).default(''),
  /** The versions of documents printed for signing, newest last (a few per document). */
  signingPrints: z.array(SigningPrintSchema).max(60).default([]),
  /** Pre-flight warnings the user has acknowledged, by issue key (code + path). */
  acknowledged: z.array(z.string().max(300)).default([]),
  journal: z.array(JournalEntrySchema).default([]),
  exports: z.array(ExportRecordSchema).default([]),
  /**
   * The English meaning of free-text Chinese fields, by concrete field path (`services.0.contentDescription`),
   * typed beside the field; printed in the bilingual review copy. Optional: a missing one prints a
   * "no English given" mark.
   */
  englishMeanings: z.record(z.string().max(200), z.string().max(4000)).default({}),
  afterApproval: AfterApprovalSchema.default(() => AfterApprovalSchema.parse({})),
});
export type Case = z.infer<typeof CaseSchema>;
