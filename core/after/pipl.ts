/**
 * The PIPL personal-information inventory (post-approval.md §6): what each item needs beyond the notice —
 * separate consent (Arts. 23, 29, 39), a personal-information protection impact assessment (Art. 55), a
 * cross-border mechanism (Art. 38), guardian consent for children under 14 (Art. 31) — and what is missing
 * from a row before it can drive the privacy policy.
 */
import type { DataItem, PersonalDataScale } from '../model/case';
import { evaluate, recordLookup } from '../rules/condition';
import { AFTER_APPROVAL_RULES, type CrossBorderRoute } from './rules';

export type InventoryFlag =
  | 'separateConsentSensitive'
  | 'separateConsentSharing'
  | 'separateConsentCrossBorder'
  | 'impactAssessment'
  | 'crossBorderMechanismMissing'
  | 'crossBorderRecipientMissing'
  | 'guardianConsent'
  | 'sensitiveCategoryMissing'
  /** The chosen mechanism is not one the volumes allow (e.g. a standard contract where an assessment is due). */
  | 'crossBorderMechanismNotAllowed'
  /** Certification chosen before the certification measures are in force (1 January 2026). */
  | 'certificationNotYet';

/** What the inventory needs to judge a transfer: the route the volumes call for, and the day. */
export interface InventoryContext {
  route?: CrossBorderRoute;
  today?: string;
}

export type InventoryGap = 'item' | 'purpose' | 'retention';

export function isSensitive(item: DataItem): boolean {
  return item.sensitive || item.sensitiveCategories.length > 0;
}

/** The flags of one row, in a fixed order. */
export function inventoryFlags(item: DataItem, context: InventoryContext = {}): InventoryFlag[] {
  const flags: InventoryFlag[] = [];
  const shared = item.sharedWith.trim() !== '';
  if (isSensitive(item)) flags.push('separateConsentSensitive');
  if (shared) flags.push('separateConsentSharing');
  if (item.crossBorder) flags.push('separateConsentCrossBorder');
  if (isSensitive(item) || shared || item.crossBorder) flags.push('impactAssessment');
  if (item.crossBorder && item.crossBorderMechanism === '') flags.push('crossBorderMechanismMissing');
  if (item.crossBorder && item.crossBorderRecipient.trim() === '') flags.push('crossBorderRecipientMissing');
  if (item.sensitiveCategories.includes('minor_under_14')) flags.push('guardianConsent');
  if (item.sensitive && item.sensitiveCategories.length === 0) flags.push('sensitiveCategoryMissing');
  const mechanism = item.crossBorderMechanism;
  const { route, today } = context;
  if (item.crossBorder && mechanism !== '' && route && !route.mechanisms.includes(mechanism))
    flags.push('crossBorderMechanismNotAllowed');
  const certificationFrom =
    route?.certificationFrom ?? crossBorderRouteById('standard_contract_or_certification')?.certificationFrom;
  if (
    item.crossBorder &&
    mechanism === 'certification' &&
    today &&
    certificationFrom &&
    today < certificationFrom
  )
    flags.push('certificationNotYet');
  return flags;
}

function crossBorderRouteById(id: CrossBorderRoute['id']): CrossBorderRoute | undefined {
  return AFTER_APPROVAL_RULES.personalInformation.crossBorder.routes.find((r) => r.id === id);
}

/** The scale as facts: '' is not answered yet. */
function scaleLookup(scale: PersonalDataScale) {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scale)) facts[key] = value === '' ? null : value;
  return recordLookup(facts);
}

/**
 * Which of the three routes of PIPL Art. 38 the volumes call for (security assessment; standard contract or
 * certification; none below the thresholds), from the rule data: the first route whose condition holds.
 * Undefined while the answers that decide it are missing.
 */
export function crossBorderRoute(scale: PersonalDataScale): CrossBorderRoute | undefined {
  const lookup = scaleLookup(scale);
  return AFTER_APPROVAL_RULES.personalInformation.crossBorder.routes.find(
    (r) => evaluate(r.when, lookup).result === 'true',
  );
}

/** The compliance audit every two years, when the number of people processed calls for it. */
export function complianceAudit(scale: PersonalDataScale) {
  const audit = AFTER_APPROVAL_RULES.personalInformation.audit;
  return evaluate(audit.when, scaleLookup(scale)).result === 'true' ? audit : undefined;
}

/** Fields a row still needs for the privacy policy (each prints a blank to fill in otherwise). */
export function inventoryGaps(item: DataItem): InventoryGap[] {
  const gaps: InventoryGap[] = [];
  if (item.item.trim() === '') gaps.push('item');
  if (item.purpose.trim() === '') gaps.push('purpose');
  if (item.retention.trim() === '') gaps.push('retention');
  return gaps;
}

/** Case-wide summary: how many rows need each flag. */
export function inventorySummary(
  items: readonly DataItem[],
  context: InventoryContext = {},
): Record<InventoryFlag, number> {
  const summary = {
    separateConsentSensitive: 0,
    separateConsentSharing: 0,
    separateConsentCrossBorder: 0,
    impactAssessment: 0,
    crossBorderMechanismMissing: 0,
    crossBorderRecipientMissing: 0,
    guardianConsent: 0,
    sensitiveCategoryMissing: 0,
    crossBorderMechanismNotAllowed: 0,
    certificationNotYet: 0,
  } satisfies Record<InventoryFlag, number>;
  for (const item of items) for (const flag of inventoryFlags(item, context)) summary[flag] += 1;
  return summary;
}
