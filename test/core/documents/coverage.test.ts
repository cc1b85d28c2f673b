/**
 * Issue 11 item 2, multi-province licences: the coverage printed in the licence application letter, the
 * business plan and their review copies is the list of provinces the case holds (read back from the PDFs),
 * the letter goes to MIIT, and the cross-document check compares the list like any other coverage.
 */
import { describe, expect, it } from 'vitest';
import { checkDocumentConsistency } from '../../../core/documents/consistency';
import { renderDocument } from '../../../core/documents/render';
import { formatCoverage, NO_ENGLISH } from '../../../core/documents/resolve';
import type { Case } from '../../../core/model/case';
import { CaseSchema } from '../../../core/model/case';
import { decidePathway } from '../../../core/rules/decide';
import { checkCase } from '../../../core/rules/preflight';
import { planPacket } from '../../../core/packet/gate';
import { mainlandProvinceByInput } from '../../../core/validate/provinces';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, compact, extractText } from './pdf-reader';

function multiProvinceCase(provinces: string[]): Case {
  const c = licenceCase();
  c.answers.scope = 'multi_province';
  c.licence.coverage = 'multi_province';
  c.licence.provinces = provinces;
  return c;
}

async function pdfText(c: Case, id: string, variant: 'submission' | 'review'): Promise<string> {
  const plan = planPacket(c, decidePathway(c.answers));
  const bytes = await renderDocument(id, c, {
    variant,
    fonts: bundledFonts(),
    now: DOCUMENT_NOW,
    decision: plan.documents,
  });
  return (await extractText(bytes)).items.map((i) => i.text).join('');
}

describe('licence coverage of several provinces', () => {
  it('finds a province by code, Chinese name (with or without 省), English name or short name', () => {
    for (const input of ['440000', '44', '广东省', '广东', 'Guangdong', 'guangdong', '粤'])
      expect(mainlandProvinceByInput(input)?.nameZh, input).toBe('广东省');
    expect(mainlandProvinceByInput('上海')?.nameZh).toBe('上海市');
    expect(mainlandProvinceByInput('810000')).toBeUndefined(); // Hong Kong runs no ICP licensing
    expect(mainlandProvinceByInput('Atlantis')).toBeUndefined();
  });

  it('formats the list in the order given, each province once, in both languages', () => {
    const c = multiProvinceCase(['广东省', 'Shanghai', '330000', '广东']);
    expect(formatCoverage('multi_province', c, 'zh')).toBe('广东省、上海市、浙江省');
    expect(formatCoverage('multi_province', c, 'en')).toBe('Guangdong, Shanghai, Zhejiang');
    // An entry naming no province is printed as typed, never as Chinese in the English line.
    const odd = multiProvinceCase(['广东省', '粤港澳大湾区']);
    expect(formatCoverage('multi_province', odd, 'zh')).toBe('广东省、粤港澳大湾区');
    expect(formatCoverage('multi_province', odd, 'en')).toBe(`Guangdong, ${NO_ENGLISH}`);
    // Old cases (no list, one province) parse with the default and still print the filing province.
    const old = CaseSchema.parse({
      ...licenceCase(),
      licence: { ...licenceCase().licence, provinces: undefined },
    });
    expect(old.licence.provinces).toEqual([]);
    expect(formatCoverage(old.licence.coverage, old, 'zh')).toBe('广东省');
  });

  it('prints the list in the licence letter and the business plan, submission and review copy', async () => {
    const c = multiProvinceCase(['广东省', 'Shanghai', '330000']);
    const letter = compact(await pdfText(c, 'licence-application-letter', 'submission'));
    expect(letter).toContain('二、业务覆盖范围：广东省、上海市、浙江省。');
    expect(letter).toContain('中华人民共和国工业和信息化部：');
    expect(letter).not.toContain('广东省通信管理局：');
    const plan = compact(await pdfText(c, 'business-plan', 'submission'));
    expect(plan).toContain('业务覆盖范围为广东省、上海市、浙江省');
    const review = await pdfText(c, 'licence-application-letter', 'review');
    expect(review.replace(/\s+/g, ' ')).toContain('2. Coverage: Guangdong, Shanghai, Zhejiang.');
    expect(review).toContain('To the Ministry of Industry and Information Technology:');
    const planReview = (await pdfText(c, 'business-plan', 'review')).replace(/\s+/g, ' ');
    expect(planReview).toContain('covering Guangdong, Shanghai, Zhejiang');
  }, 60_000);

  it('is consistent across the packet, and an empty list is a blank, not a province', () => {
    const c = multiProvinceCase(['广东省', '上海市']);
    const decision = planPacket(c, decidePathway(c.answers)).documents;
    expect(checkDocumentConsistency(c, decision, { today: '2026-11-25' })).toEqual([]);
    expect(formatCoverage('multi_province', multiProvinceCase([]), 'zh')).toBe('');
  });
});

describe('coverage and the authority addressed', () => {
  it('fails when a multi-province letter is addressed to one province, naming the document', async () => {
    const { documentTemplates } = await import('../../../core/documents/templates');
    const c = multiProvinceCase(['广东省', '上海市']);
    const decision = planPacket(c, decidePathway(c.answers)).documents;
    // Planted: the letter's provincial addressee shown whatever the coverage.
    const templates = documentTemplates()
      .filter((t) => t.pathway !== 'filing')
      .map((t) =>
        t.id !== 'licence-application-letter'
          ? t
          : {
              ...t,
              blocks: t.blocks
                .filter((b) => !(b.type === 'addressee' && b.when && 'in' in b.when))
                .map((b) => (b.type === 'addressee' ? { ...b, when: undefined } : b)),
            },
      );
    const issues = checkDocumentConsistency(c, decision, { today: '2026-11-25', templates });
    const authority = issues.filter((i) => i.fact === 'authority');
    expect(authority).toHaveLength(1);
    expect(authority[0]!.documents[0].id).toBe('licence-application-letter');
    expect(authority[0]!.values).toEqual(['广东省、上海市', '广东省通信管理局']);
    // The unplanted packet is consistent, and so is the single-province one.
    expect(checkDocumentConsistency(c, decision, { today: '2026-11-25' })).toEqual([]);
  });
});

describe('pre-flight on the coverage', () => {
  const codes = (c: Case) =>
    checkCase(c, { today: '2026-11-25' })
      .filter((i) => i.code.startsWith('licence.coverage'))
      .map((i) => `${i.code}@${i.path}`);

  it('accepts a list of two or more provinces that agrees with the pathway answer', () => {
    expect(codes(multiProvinceCase(['广东省', 'Shanghai']))).toEqual([]);
    expect(codes(licenceCase())).toEqual([]);
  });

  it('reports an empty or one-province list and an entry that is no province, in both languages', () => {
    expect(codes(multiProvinceCase([]))).toEqual(['licence.coverageProvinces@licence.provinces']);
    expect(codes(multiProvinceCase(['广东省']))).toEqual(['licence.coverageProvinces@licence.provinces']);
    const [issue] = checkCase(multiProvinceCase(['广东省', '粤港澳大湾区']), { today: '2026-11-25' }).filter(
      (i) => i.code === 'licence.coverageProvinces',
    );
    expect(issue?.severity).toBe('error');
    expect(issue?.message.en).toContain('“粤港澳大湾区” is not a province of mainland China');
    expect(issue?.message['zh-CN']).toContain('不是中国大陆的省级行政区');
  });

  it('warns when the coverage and the pathway answer disagree', () => {
    const c = multiProvinceCase(['广东省', '上海市']);
    c.answers.scope = 'single_province';
    expect(codes(c)).toEqual(['licence.coverageDiffersFromScope@licence.coverage']);
  });
});
