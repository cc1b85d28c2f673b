import { describe, expect, it } from 'vitest';
import { inventoryFlags, inventoryGaps, inventorySummary } from '../../../core/after/pipl';
import { DataItemSchema } from '../../../core/model';

const row = (fields: Record<string, unknown>) =>
  DataItemSchema.parse({ item: '手机号码', purpose: '登录', retention: '注销后15日', ...fields });

describe('PIPL inventory flags', () => {
  it('an ordinary item needs nothing beyond the notice', () => {
    expect(inventoryFlags(row({}))).toEqual([]);
  });
  it('sensitive, shared and cross-border items need separate consent and an impact assessment', () => {
    expect(inventoryFlags(row({ sensitiveCategories: ['location'] }))).toEqual([
      'separateConsentSensitive',
      'impactAssessment',
    ]);
    expect(inventoryFlags(row({ sharedWith: '顺丰速运' }))).toEqual([
      'separateConsentSharing',
      'impactAssessment',
    ]);
    expect(inventoryFlags(row({ crossBorder: true }))).toEqual([
      'separateConsentCrossBorder',
      'impactAssessment',
      'crossBorderMechanismMissing',
      'crossBorderRecipientMissing',
    ]);
    expect(
      inventoryFlags(
        row({
          crossBorder: true,
          crossBorderRecipient: 'Northwind GmbH（德国）',
          crossBorderMechanism: 'standard_contract',
        }),
      ),
    ).toEqual(['separateConsentCrossBorder', 'impactAssessment']);
  });
  it('children under 14 need guardian consent; "sensitive" without a category asks for one', () => {
    expect(inventoryFlags(row({ sensitiveCategories: ['minor_under_14'] }))).toContain('guardianConsent');
    expect(inventoryFlags(row({ sensitive: true }))).toContain('sensitiveCategoryMissing');
  });
  it('names the gaps of a half-filled row and sums the flags', () => {
    expect(inventoryGaps(DataItemSchema.parse({ item: '身份证号' }))).toEqual(['purpose', 'retention']);
    expect(inventorySummary([row({ crossBorder: true }), row({ sharedWith: 'x' })]).impactAssessment).toBe(2);
  });
});
