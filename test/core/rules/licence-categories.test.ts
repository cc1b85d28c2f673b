/**
 * The licence categories are said once (the Pathway answer): the packet's documents, the portal sheet and the
 * index print what that answer — or, unanswered, the decision — says; the pre-flight flags a category the
 * answers call for but the packet does not apply for; cases written when the categories were kept twice
 * restore with both merged into the answer.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import { CURRENT_SCHEMA_VERSION, type Case, type LicenceCategory } from '../../../core/model/case';
import { restore } from '../../../core/model/restore';
import { applicationItem } from '../../../core/packet/index-document';
import { packetDocuments, planPacket } from '../../../core/packet/gate';
import { licencePortalSection } from '../../../core/packet/portal-fields';
import { PATHWAY_RULES } from '../../../core/rules/data';
import { decidePathway } from '../../../core/rules/decide';
import { licenceCategoryPlan } from '../../../core/rules/licence-categories';
import { checkCase } from '../../../core/rules/preflight';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, extractText } from '../documents/pdf-reader';
import { answers } from './helpers';

const MARKETPLACE = ['paid_membership', 'marketplace_third_party'] as const;

/** The licence fixture (a Shenzhen website with paid memberships) that also hosts other merchants. */
function marketplaceCase(licenceCategory: LicenceCategory | null): Case {
  const c = licenceCase();
  c.answers = { ...c.answers, activities: [...MARKETPLACE], licenceCategory };
  return c;
}

const compact = (s: string) => s.replace(/\s+/g, '');

async function pdfText(c: Case, id: string): Promise<string> {
  const plan = planPacket(c, decidePathway(c.answers));
  const bytes = await renderDocument(id, c, {
    variant: 'submission',
    fonts: bundledFonts(),
    now: DOCUMENT_NOW,
    decision: plan.documents,
  });
  return compact((await extractText(bytes)).items.map((i) => i.text).join(''));
}

describe('licenceCategoryPlan', () => {
  it('reads the category from the rule data: every licence rule names one', () => {
    const licenceRules = PATHWAY_RULES.rules.filter((r) => r.effect === 'licence');
    expect(licenceRules.length).toBeGreaterThan(0);
    for (const r of licenceRules) expect(r.licenceCategory, r.id).toMatch(/^B2[15]$/);
    expect(PATHWAY_RULES.rules.filter((r) => r.effect !== 'licence' && r.licenceCategory)).toEqual([]);
  });

  it('takes the categories the Pathway answer names', () => {
    const d = decidePathway(answers({ activities: [...MARKETPLACE] }));
    const plan = (licenceCategory: LicenceCategory) =>
      licenceCategoryPlan(answers({ activities: [...MARKETPLACE], licenceCategory }), d);
    expect(plan('b25')).toMatchObject({ categories: ['B25'], source: 'answer' });
    expect(plan('b21')).toMatchObject({ categories: ['B21'], source: 'answer' });
    expect(plan('both')).toMatchObject({ categories: ['B25', 'B21'], source: 'answer', missing: [] });
  });

  it('unanswered or "not sure": the categories the decision calls for, each with its conclusions', () => {
    for (const licenceCategory of [null, 'not_sure'] as const) {
      const a = answers({ activities: [...MARKETPLACE], licenceCategory });
      const plan = licenceCategoryPlan(a, decidePathway(a));
      expect(plan.source).toBe('decision');
      expect(plan.categories).toEqual(['B25', 'B21']);
      expect(plan.required.map((r) => [r.category, r.conclusions.map((c) => c.code)])).toEqual([
        ['B25', ['B25_LICENCE_REQUIRED']],
        ['B21', ['B21_LICENCE_REQUIRED']],
      ]);
    }
    const iot = answers({ activities: ['iot_data'] });
    expect(licenceCategoryPlan(iot, decidePathway(iot)).categories).toEqual(['B21']);
  });

  it('names what a narrower answer leaves out', () => {
    const a = answers({ activities: [...MARKETPLACE], licenceCategory: 'b25' });
    expect(licenceCategoryPlan(a, decidePathway(a)).missing.map((m) => m.category)).toEqual(['B21']);
  });
});

describe('the packet applies for the categories of the Pathway answer', () => {
  it('export gate, pre-flight and documents use one set: "both" gives B21 and B25 everywhere', async () => {
    const c = marketplaceCase('both');
    const plan = planPacket(c, decidePathway(c.answers));
    expect(plan.pathway).toBe('commercial_licence');
    expect(plan.documents.licenceCategories).toEqual(['B25', 'B21']);
    const letter = await pdfText(c, 'licence-application-letter');
    expect(letter).toContain(
      '一、业务种类：第二类增值电信业务中的在线数据处理与交易处理业务（B21）和信息服务业务（B25，仅限互联网信息服务）。',
    );
    for (const id of ['business-plan', 'lawful-operation-commitment'])
      expect(await pdfText(c, id), id).toContain('在线数据处理与交易处理业务（B21）和信息服务业务（B25');
    expect(applicationItem(c, 'icp-licence').zh).toBe(
      '第二类增值电信业务中的在线数据处理与交易处理业务（B21）和信息服务业务（B25，仅限互联网信息服务）经营许可',
    );
    const row = licencePortalSection(c).rows.find((r) => r.labelZh === '申请业务种类');
    expect(row?.path).toBe('answers.licenceCategory');
    expect(row?.value).toContain('（B21）和信息服务业务（B25');
    // The licence documents are the same set for B21 and B25: no template depends on the category itself.
    const b25 = licenceCase();
    const ids = (x: Case) =>
      packetDocuments(x, planPacket(x, decidePathway(x.answers)).documents).map((d) => d.templateId);
    expect(ids(c)).toEqual(ids(b25));
    expect(checkCase(c, { today: '2026-11-25' }).map((i) => i.code)).not.toContain('licence.categoryMissing');
  });

  it('a B21-only packet names B21 alone', async () => {
    const c = licenceCase();
    c.answers = { ...c.answers, activities: ['marketplace_third_party'], licenceCategory: 'b21' };
    const letter = await pdfText(c, 'licence-application-letter');
    expect(letter).toContain('一、业务种类：第二类增值电信业务中的在线数据处理与交易处理业务（B21）。');
    expect(letter).not.toContain('B25');
  });

  it('unanswered, the documents apply for what the decision calls for', async () => {
    const letter = await pdfText(marketplaceCase(null), 'licence-application-letter');
    expect(letter).toContain('在线数据处理与交易处理业务（B21）和信息服务业务（B25');
  });

  it('the pre-flight stops a B25-only packet for a marketplace, on the licence form, with the fix', () => {
    const issues = checkCase(marketplaceCase('b25'), { today: '2026-11-25' });
    const issue = issues.find((i) => i.code === 'licence.categoryMissing');
    expect(issue).toMatchObject({
      severity: 'error',
      path: 'answers.licenceCategory',
      step: 'applicant',
      ruleId: 'PF34',
    });
    expect(issue?.message.en).toBe(
      'The packet applies for B25 only, but your answers also need B21: Online data and transaction processing licence (B21, "EDI") required.',
    );
    expect(issue?.message['zh-CN']).toContain('还须申请 B21');
    expect(issue?.fix.en).toContain('Business plan for the licence');
    expect(issue?.fix['zh-CN']).toContain('许可证业务计划');
  });

  it('a category only a disputed rule calls for is a warning to check, not an error', () => {
    const c = licenceCase();
    c.answers = {
      ...c.answers,
      activities: ['ads_revenue', 'marketplace_third_party'],
      licenceCategory: 'b21',
    };
    const codes = checkCase(c, { today: '2026-11-25' }).map((i) => [i.code, i.severity]);
    expect(codes).toContainEqual(['licence.categoryMaybeMissing', 'warning']);
    expect(codes.map(([code]) => code)).not.toContain('licence.categoryMissing');
  });
});

describe('restore: cases that kept the categories twice (schema 3)', () => {
  const v3 = (licenceCategory: LicenceCategory | null, categories: string[]) =>
    restore({
      schemaVersion: 3,
      id: 'old',
      createdAt: '2026-11-01T00:00:00Z',
      updatedAt: '2026-11-01T00:00:00Z',
      answers: { licenceCategory },
      licence: { categories, businessModel: '会员费' },
    });

  it.each([
    [null, ['B25', 'B21'], 'both'],
    ['not_sure', ['B21'], 'b21'],
    [null, ['B25'], 'b25'],
    ['b25', ['B21'], 'both'],
    ['both', ['B25'], 'both'],
    ['b21', [], 'b21'],
    ['not_sure', [], 'not_sure'],
    [null, [], null],
  ] as const)('answer %s with licence.categories %j → %s', (answer, categories, expected) => {
    const r = v3(answer, [...categories]);
    if (!r.ok) throw new Error(r.details);
    expect(r.migratedFrom).toBe(3);
    expect(r.case.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(r.case.answers.licenceCategory).toBe(expected);
    expect('categories' in r.case.licence).toBe(false);
    expect(r.case.licence.businessModel).toBe('会员费');
  });
});
