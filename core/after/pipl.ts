/**
 * The PIPL personal-information inventory (post-approval.md §6): what each item needs beyond the notice —
 * separate consent (Arts. 23, 29, 39), a personal-information protection impact assessment (Art. 55), a
 * cross-border mechanism (Art. 38), guardian consent for children under 14 (Art. 31) — and what is missing
 * from a row before it can drive the privacy policy.
 */
import type { DataItem } from '../model/case';

export type InventoryFlag =
  | 'separateConsentSensitive'
  | 'separateConsentSharing'
  | 'separateConsentCrossBorder'
  | 'impactAssessment'
  | 'crossBorderMechanismMissing'
  | 'crossBorderRecipientMissing'
  | 'guardianConsent'
  | 'sensitiveCategoryMissing';

export type InventoryGap = 'item' | 'purpose' | 'retention';

export function isSensitive(item: DataItem): boolean {
  return item.sensitive || item.sensitiveCategories.length > 0;
}

/** The flags of one row, in a fixed order. */
export function inventoryFlags(item: DataItem): InventoryFlag[] {
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
  return flags;
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
export function inventorySummary(items: readonly DataItem[]): Record<InventoryFlag, number> {
  const summary = {
    separateConsentSensitive: 0,
    separateConsentSharing: 0,
    separateConsentCrossBorder: 0,
    impactAssessment: 0,
    crossBorderMechanismMissing: 0,
    crossBorderRecipientMissing: 0,
    guardianConsent: 0,
    sensitiveCategoryMissing: 0,
  } satisfies Record<InventoryFlag, number>;
  for (const item of items) for (const flag of inventoryFlags(item)) summary[flag] += 1;
  return summary;
}
