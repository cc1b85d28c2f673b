/**
 * The cross-document consistency check (core/documents/consistency.ts): the three issue-11 cases are
 * consistent, and a contradiction planted in one template is an error naming both documents — in the check
 * itself, in the pre-flight and at the export gate.
 */
import { describe, expect, it } from 'vitest';
import { checkDocumentConsistency, compareFacts, factsOf } from '../../../core/documents/consistency';
import { resolveDocument, templateApplies } from '../../../core/documents/resolve';
import type { Block, DocumentTemplate } from '../../../core/documents/template-schema';
import { documentLabels, documentTemplates } from '../../../core/documents/templates';
import type { Case } from '../../../core/model/case';
import { assertDocumentsConsistent, packetDocuments, planPacket } from '../../../core/packet/gate';
import { PacketError } from '../../../core/packet/errors';
import { decidePathway } from '../../../core/rules/decide';
import { checkCase, documentConsistencyIssues } from '../../../core/rules/preflight';
import { filingCase, licenceCase, licenceCaseUnfiled, renamedCase } from '../../fixtures/documents/cases';

const TODAY = '2026-11-25';
const plan = (c: Case) => planPacket(c, decidePathway(c.answers));
const packetTemplates = (c: Case) =>
  documentTemplates().filter((t) => templateApplies(t, c, plan(c).documents));

/** The packet's templates with one replaced by `change(template)`. */
function planted(c: Case, id: string, change: (t: DocumentTemplate) => DocumentTemplate) {
  return packetTemplates(c).map((t) => (t.id === id ? change(t) : t));
}

const mapBlocks = (t: DocumentTemplate, f: (b: Block) => Block): DocumentTemplate => ({
  ...t,
  blocks: t.blocks.map(f),
});

describe('cross-document consistency', () => {
  it.each([
    ['the sample', filingCase],
    ['the Shenzhen B25 licence case', licenceCase],
    ['the renamed Hangzhou company', renamedCase],
  ])('finds no contradiction in %s', (_name, make) => {
    const c = make();
    expect(checkDocumentConsistency(c, plan(c).documents, { today: TODAY })).toEqual([]);
    expect(checkCase(c, { today: TODAY }).filter((i) => i.code === 'documents.contradiction')).toEqual([]);
    expect(() =>
      assertDocumentsConsistent(c, packetDocuments(c, plan(c).documents), plan(c).packet.pathwayId, TODAY),
    ).not.toThrow();
  });

  it('reads what each document asserts: entity, certificate, coverage, services, filing number, date, pathway', () => {
    const c = licenceCase();
    const ctx = { caseData: c, decision: plan(c).documents, labels: documentLabels(), today: TODAY };
    const letter = packetTemplates(c).find((t) => t.id === 'licence-application-letter')!;
    const facts = factsOf(resolveDocument(letter, ctx)).facts;
    expect(facts.entityName).toEqual(['深圳市云帆知学科技有限公司']);
    expect(facts.certificateNumber).toEqual(['91440300MA5H2K7Q42']);
    expect(facts.coverage).toEqual(['广东省']);
    expect(facts.services).toEqual(['云帆知学']);
    expect(facts.filingNumber).toEqual(['粤ICP备2025071234号']);
    expect(facts.signingDate).toEqual(['2026年12月1日']);
    expect(facts.pathway).toEqual(['经营性（申请经营许可）']);
  });

  it('fails on the old commitment wording in a licence packet, naming the commitment and the application letter', () => {
    const c = licenceCaseUnfiled();
    // The filing-only undertaking (非经营性) printed whatever the pathway: the defect issue 11 reported.
    const templates = planted(c, 'filing-commitment', (t) =>
      mapBlocks(t, (b) =>
        b.type === 'paragraph' && b.zh.includes('为非经营性互联网信息服务') ? { ...b, when: undefined } : b,
      ),
    );
    const issues = checkDocumentConsistency(c, plan(c).documents, { templates, today: TODAY });
    const pathway = issues.filter((i) => i.fact === 'pathway');
    expect(pathway.length).toBeGreaterThan(0);
    const named = pathway.flatMap((i) => i.documents.map((d) => d.id));
    expect(named).toContain('filing-commitment');
    expect(pathway.some((i) => i.values.includes('非经营性（仅备案）'))).toBe(true);
  });

  it('fails on a coverage placeholder printed in one document while another names the province', () => {
    const c = licenceCase();
    const templates = planted(c, 'business-plan', (t) =>
      mapBlocks(t, (b) =>
        b.type === 'paragraph'
          ? { ...b, zh: b.zh.replace('{{licence.coverage|coverage}}', '本省（自治区、直辖市）范围内') }
          : b,
      ),
    );
    const issues = checkDocumentConsistency(c, plan(c).documents, { templates, today: TODAY });
    expect(issues).toContainEqual(
      expect.objectContaining({
        fact: 'coverage',
        values: ['广东省', '本省（自治区、直辖市）范围内'],
        documents: [
          expect.objectContaining({ id: 'licence-application-letter' }),
          expect.objectContaining({ id: 'business-plan' }),
        ],
      }),
    );
  });

  it('fails on another entity name, a foreign certificate number or an unknown service in one document', () => {
    const c = renamedCase();
    const templates = planted(c, 'privacy-policy', (t) =>
      mapBlocks(t, (b) =>
        b.type === 'paragraph' && b.zh.startsWith('个人信息处理者')
          ? { ...b, zh: '个人信息处理者：杭州青禾网络科技有限公司；统一社会信用代码：91330106MA2CF8L617。' }
          : b.type === 'paragraph' && b.each?.path === 'services'
            ? { ...b, each: undefined, zh: '（一）网站“青禾商城”' }
            : b,
      ),
    );
    const issues = checkDocumentConsistency(c, plan(c).documents, { templates, today: TODAY });
    const byFact = (fact: string) => issues.filter((i) => i.fact === fact);
    expect(byFact('entityName')[0]?.values).toEqual(['杭州青禾数字科技有限公司', '杭州青禾网络科技有限公司']);
    expect(byFact('entityName')[0]?.documents.map((d) => d.id)).toEqual([
      'filing-info-sheet',
      'privacy-policy',
    ]);
    expect(byFact('certificateNumber')[0]?.values).toEqual(['91330106MA2CF8L68W', '91330106MA2CF8L617']);
    expect(byFact('services')[0]?.values[1]).toBe('青禾商城');
  });

  it('fails on two signing dates and on filing numbers of two subjects', () => {
    const facts = compareFacts([
      {
        id: 'a',
        title: { zh: '甲', en: 'A' },
        facts: { signingDate: ['2026年12月1日'], filingNumber: ['粤ICP备2025071234号-1'] },
      },
      {
        id: 'b',
        title: { zh: '乙', en: 'B' },
        facts: { signingDate: ['（手写）'], filingNumber: ['粤ICP备2025079999号'] },
      },
    ]);
    expect(facts.map((f) => f.fact).sort()).toEqual(['filingNumber', 'signingDate']);
  });

  it('reports a contradiction in the pre-flight as an error naming both documents in both languages', () => {
    const c = licenceCaseUnfiled();
    const decision = plan(c).documents;
    const clean = documentConsistencyIssues(c, decision, TODAY);
    expect(clean).toEqual([]);
    // A case whose commitment contradicts it: the licence applied for but the pathway answers say filing.
    const contradiction = checkDocumentConsistency(c, decision, {
      templates: planted(c, 'filing-commitment', (t) =>
        mapBlocks(t, (b) =>
          b.type === 'paragraph' && b.zh.includes('为非经营性互联网信息服务') ? { ...b, when: undefined } : b,
        ),
      ),
      today: TODAY,
    });
    expect(contradiction.length).toBeGreaterThan(0);
  });

  it('the export gate refuses a packet whose documents contradict each other', () => {
    const c = licenceCaseUnfiled();
    // A packet holding the filing-only documents of a plain filing next to the licence application: the
    // gate resolves them as this packet prints them and finds the pathway contradiction.
    const documents = packetDocuments(c, plan(c).documents);
    let caught: unknown;
    try {
      assertDocumentsConsistent(c, documents, 'icp-filing', TODAY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PacketError);
    const error = caught as PacketError;
    expect(error.code).toBe('preflightErrors');
    const issue = error.issues.find((i) => i.code === 'documents.contradiction');
    expect(issue?.severity).toBe('error');
    expect(issue?.message['zh-CN']).toMatch(
      /《互联网信息服务备案承诺书》.*《关于申请增值电信业务经营许可证的函》|《关于申请增值电信业务经营许可证的函》.*《互联网信息服务备案承诺书》/,
    );
    expect(issue?.message.en).toContain('pathway');
  });
});
