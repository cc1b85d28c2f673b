/**
 * Field validators of ICP Packet Studio. Every validator takes the raw user input, never throws, and returns
 * `ValidationIssue[]` (empty = valid) with stable codes and English + Chinese message and fix.
 * Blank input gives `value.empty` and non-string input `value.notText`: whether a field is required is the
 * caller's decision, so skip optional fields that are empty rather than validating them.
 * Sources: shared/domain/identifiers.md, wechat-filing-fields.md, app-and-website-filing-fields.md,
 * materials.md §0; rule data in templates/rules/ (provinces, validity, naming-rules, field-limits,
 * public-suffixes).
 */
export type { Bilingual, Severity, ValidationIssue, Validator } from './types';
export {
  MESSAGES,
  makeIssue,
  placeholdersOf,
  type MessageCode,
  type MessageTemplate,
  type IssueParams,
} from './messages';
export { compactIdentifier, countCodePoints } from './normalize';
export {
  PROVINCES,
  MAINLAND_PROVINCES,
  ICP_PREFIXES,
  provinceByCode,
  mainlandProvinceByCode,
  provinceByIcpPrefix,
  type Province,
} from './provinces';
export {
  validateUscc,
  normalizeUscc,
  parseUscc,
  usccSubjectCategory,
  usccCheckCharacter,
  organizationCodeCheckCharacter,
  USCC_REGISTRATION_AUTHORITIES,
  type UsccParts,
} from './uscc';
export {
  validateResidentId,
  validateHmtResidencePermit,
  normalizeResidentId,
  upgradeLegacyResidentId,
  residentIdBirthDate,
  residentIdGender,
  mod112CheckCharacter,
  MAX_AGE_YEARS,
  type DateCheckOptions,
} from './resident-id';
export {
  validateHomeReturnPermit,
  homeReturnPermitRegion,
  validateTaiwanPermit,
  validatePassport,
  mrzCheckDigit,
  validatePermanentResidenceId,
  permanentResidenceIdVersion,
  type PassportOptions,
} from './permits';
export {
  validateMobile,
  normalizeMobile,
  validateLandline,
  parseLandline,
  validatePhone,
  type LandlineParts,
} from './phone';
export { validateEmail } from './email';
export { validatePostalCode } from './postal-code';
export {
  validateDomain,
  validateWebsiteDomain,
  parseDomain,
  toAsciiDomain,
  registrableDomain,
  type ParsedDomain,
} from './domain';
export {
  validateWechatAppId,
  validateAndroidPackage,
  validateIosBundleId,
  validateCertificateFingerprint,
  normalizeFingerprint,
  formatFingerprintWithColons,
  validateRsaModulus,
  normalizeRsaModulus,
  type FingerprintAlgorithm,
} from './app-ids';
export {
  validateIcpNumber,
  parseIcpNumber,
  normalizeIcpNumber,
  ICP_SERVICE_LABELS,
  type IcpNumberKind,
  type IcpNumberOptions,
  type IcpService,
  type ParsedIcpNumber,
} from './icp-number';
export {
  parseDateInput,
  toIsoDate,
  toWechatDate,
  validateDate,
  addMonths,
  validUntilAtLeast,
  requiredValidityMonths,
  validateValidityPeriod,
  type DateInput,
  type ValidityContext,
  type ValidityDocumentKind,
  type ValidityPeriodOptions,
  type ValidityRequirement,
} from './dates';
export {
  validateChineseText,
  checkLength,
  checkItemCount,
  checkFieldLimit,
  fieldLimit,
  measureLength,
  FIELD_LIMITS,
  type ChineseTextOptions,
  type FieldLimit,
  type LengthCountMode,
  type LengthLimit,
} from './text';
export {
  validateServiceName,
  NAMING_RULES,
  type NamedService,
  type NamingRule,
  type ServiceNameOptions,
} from './naming';
