import { describe, expect, it } from 'vitest';
import {
  complianceAudit,
  crossBorderRoute,
  inventoryFlags,
  inventoryGaps,
  inventorySummary,
} from '../../../core/after/pipl';
import { AFTER_APPROVAL_RULES } from '../../../core/after/rules';
import { DataItemSchema, PersonalDataScaleSchema, type PersonalDataScale } from '../../../core/model/case';
import { evaluate, recordLookup } from '../../../core/rules/condition';
import { citedSourceUrls } from '../../../core/rules/sources';

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

describe('PI duties that scale with volume (rules for 2025–2026)', () => {
  const scale = (fields: Partial<PersonalDataScale>) => PersonalDataScaleSchema.parse(fields);

  it('a compliance audit every two years only above 10 million people (in force 2025-05-01)', () => {
    const audit = complianceAudit(scale({ peopleProcessed: 'over_10m' }));
    expect(audit?.everyYears).toBe(2);
    expect(audit?.inForceFrom).toBe('2025-05-01');
    expect(audit?.sources.map((s) => s.title).join(' ')).toContain('个人信息保护合规审计管理办法');
    for (const below of ['', 'under_1m', 'from_1m_to_10m'] as const)
      expect(complianceAudit(scale({ peopleProcessed: below })), below).toBeUndefined();
  });

  it('picks the cross-border route from the volumes of the year, and none while they are unanswered', () => {
    const route = (fields: Partial<PersonalDataScale>) => crossBorderRoute(scale(fields))?.id;
    expect(route({})).toBeUndefined();
    expect(route({ crossBorderPeople: 'under_100k' })).toBeUndefined();
    expect(route({ crossBorderPeople: 'over_1m' })).toBe('security_assessment');
    expect(route({ crossBorderPeople: 'none', crossBorderSensitivePeople: 'from_10k' })).toBe(
      'security_assessment',
    );
    expect(route({ ciio: true })).toBe('security_assessment');
    expect(route({ importantData: true, crossBorderPeople: 'none' })).toBe('security_assessment');
    expect(route({ crossBorderPeople: 'from_100k_to_1m', crossBorderSensitivePeople: 'none' })).toBe(
      'standard_contract_or_certification',
    );
    expect(route({ crossBorderPeople: 'under_100k', crossBorderSensitivePeople: 'under_10k' })).toBe(
      'standard_contract_or_certification',
    );
    expect(route({ crossBorderPeople: 'under_100k', crossBorderSensitivePeople: 'none' })).toBe('exempt');
    expect(route({ crossBorderPeople: 'none', crossBorderSensitivePeople: 'none' })).toBe('exempt');
  });

  it('every fully answered scale falls under exactly one route', () => {
    const people = PersonalDataScaleSchema.shape.crossBorderPeople.removeDefault().options.filter(Boolean);
    const sensitive = PersonalDataScaleSchema.shape.crossBorderSensitivePeople
      .removeDefault()
      .options.filter(Boolean);
    const routes = AFTER_APPROVAL_RULES.personalInformation.crossBorder.routes;
    for (const p of people)
      for (const s of sensitive)
        for (const ciio of [false, true])
          for (const importantData of [false, true]) {
            const facts = scale({ crossBorderPeople: p, crossBorderSensitivePeople: s, ciio, importantData });
            const holding = routes.filter(
              (r) => evaluate(r.when, recordLookup({ ...facts })).result === 'true',
            );
            expect(holding, JSON.stringify(facts)).toHaveLength(1);
          }
  });

  it('flags a mechanism the route does not allow, and certification before 2026-01-01', () => {
    const transfer = row({
      crossBorder: true,
      crossBorderRecipient: 'Northwind GmbH（德国）',
      crossBorderMechanism: 'standard_contract',
    });
    const assessment = crossBorderRoute(scale({ crossBorderPeople: 'over_1m' }));
    const contract = crossBorderRoute(
      scale({ crossBorderPeople: 'from_100k_to_1m', crossBorderSensitivePeople: 'none' }),
    );
    expect(inventoryFlags(transfer, { route: assessment })).toContain('crossBorderMechanismNotAllowed');
    expect(inventoryFlags(transfer, { route: contract })).not.toContain('crossBorderMechanismNotAllowed');
    const certified = { ...transfer, crossBorderMechanism: 'certification' as const };
    expect(inventoryFlags(certified, { route: contract, today: '2025-12-31' })).toContain(
      'certificationNotYet',
    );
    expect(inventoryFlags(certified, { route: contract, today: '2026-01-01' })).not.toContain(
      'certificationNotYet',
    );
    expect(inventoryFlags(certified, { today: '2025-06-01' })).toContain('certificationNotYet');
    expect(inventorySummary([transfer, certified], { route: assessment, today: '2026-02-01' })).toMatchObject(
      {
        crossBorderMechanismNotAllowed: 2,
        certificationNotYet: 0,
      },
    );
  });

  it('cites its sources, each one the app can open', () => {
    const pi = AFTER_APPROVAL_RULES.personalInformation;
    const cited = citedSourceUrls();
    for (const source of [...pi.audit.sources, ...pi.crossBorder.routes.flatMap((r) => r.sources)]) {
      expect(source.title).not.toMatch(/\.md\b|§/);
      if (source.url) expect(cited.has(source.url), source.url).toBe(true);
    }
  });
});
