/**
 * The personal-information inventory feeds the privacy policy and the inventory table of every packet. Left
 * empty, both print 尚未填写个人信息清单 — the pre-flight says so as an error on the Documents step, where the
 * inventory is edited; a row without its item, purpose or retention is an error at that field.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../core/documents/render';
import type { Case } from '../../../core/model/case';
import { planPacket } from '../../../core/packet/gate';
import { decidePathway } from '../../../core/rules/decide';
import { checkCase } from '../../../core/rules/preflight';
import { DOCUMENT_NOW, filingCase, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, extractText } from '../documents/pdf-reader';

const TODAY = '2026-11-25';
const inventoryIssues = (c: Case) =>
  checkCase(c, { today: TODAY }).filter((i) => i.code.startsWith('privacy.inventory'));

async function pdfText(c: Case, id: string): Promise<string> {
  const bytes = await renderDocument(id, c, {
    variant: 'submission',
    fonts: bundledFonts(),
    now: DOCUMENT_NOW,
    decision: planPacket(c, decidePathway(c.answers)).documents,
  });
  // Without the folios, so a sentence that runs over a page break reads whole.
  return (await extractText(bytes)).items
    .map((i) => i.text)
    .filter((t) => !/^第\s*\d+\s*页\s*共\s*\d+\s*页$/.test(t.trim()))
    .join('');
}

describe('pre-flight: the personal-information inventory', () => {
  it('an empty inventory prints "not filled in" in both documents, and the pre-flight stops it', async () => {
    for (const base of [filingCase, licenceCase]) {
      const c = base();
      c.personalData = [];
      expect(await pdfText(c, 'privacy-policy')).toContain('尚未填写个人信息清单');
      expect(await pdfText(c, 'pi-inventory')).toContain('尚未填写个人信息清单');
      const issues = inventoryIssues(c);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: 'privacy.inventoryEmpty',
        severity: 'error',
        path: 'personalData',
        step: 'documents',
      });
      expect(issues[0]?.message.en).toContain(
        'so the Personal Information Protection Policy and the Personal Information Inventory list no personal information',
      );
      expect(issues[0]?.message.en).toContain('尚未填写个人信息清单');
      expect(issues[0]?.message['zh-CN']).toContain('《个人信息保护政策》');
      expect(issues[0]?.fix.en).toContain('Documents step');
    }
  });

  it('names each missing item, purpose or retention at its field', () => {
    const c = filingCase();
    const [first, second] = c.personalData;
    if (!first || !second) throw new Error('the sample lists personal information');
    first.purpose = '';
    second.item = ' ';
    second.retention = '';
    const issues = inventoryIssues(c);
    expect(issues.map((i) => [i.code, i.path, i.step, i.severity])).toEqual([
      ['privacy.inventoryIncomplete', 'personalData.0.purpose', 'documents', 'error'],
      ['privacy.inventoryIncomplete', 'personalData.1.item', 'documents', 'error'],
      ['privacy.inventoryIncomplete', 'personalData.1.retention', 'documents', 'error'],
    ]);
    expect(issues[0]?.message.en).toMatch(/^Personal-information item 1 has no “Purpose”/);
    expect(issues[0]?.message['zh-CN']).toContain('第 1 项缺少“处理目的”');
  });

  it('says nothing of a complete inventory', () => {
    expect(inventoryIssues(filingCase())).toEqual([]);
    expect(inventoryIssues(licenceCase())).toEqual([]);
  });

  it('says nothing when no packet would print it (nothing to file)', () => {
    const c = filingCase();
    c.personalData = [];
    c.answers.subject = 'foreign_no_entity';
    expect(inventoryIssues(c)).toEqual([]);
  });
});

describe('pre-flight and privacy policy: transfers abroad and the route their volumes call for', () => {
  /** The filing sample with its first item sent abroad by `mechanism`, at the given volumes. */
  function abroad(
    mechanism: Case['personalData'][number]['crossBorderMechanism'],
    people: Case['personalDataScale']['crossBorderPeople'],
  ): Case {
    const c = filingCase();
    const first = c.personalData[0];
    if (!first) throw new Error('the sample lists personal information');
    first.crossBorder = true;
    first.crossBorderRecipient = 'Example Analytics GmbH（德国）';
    first.crossBorderMechanism = mechanism;
    c.personalDataScale.crossBorderPeople = people;
    c.personalDataScale.crossBorderSensitivePeople = 'none';
    return c;
  }
  const routeIssues = (c: Case) =>
    checkCase(c, { today: TODAY }).filter((i) => i.code === 'privacy.crossBorderRouteMismatch');

  it('a standard contract where the volumes call for the security assessment is a finding at the mechanism', () => {
    const issues = routeIssues(abroad('standard_contract', 'over_1m'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      path: 'personalData.0.crossBorderMechanism',
      step: 'documents',
      severity: 'warning',
    });
    expect(issues[0]?.message.en).toContain('by “CAC standard contract”');
    expect(issues[0]?.message.en).toContain('call for: CAC security assessment');
    expect(issues[0]?.message['zh-CN']).toContain('应当适用：国家网信办数据出境安全评估');
    expect(issues[0]?.fix.en).toContain('Choose “CAC security assessment”');
    expect(issues[0]?.fix['zh-CN']).toContain('改选“通过国家网信部门组织的安全评估”');
    expect(issues[0]?.related?.map((r) => r.path)).toContain('personalDataScale.crossBorderPeople');
  });

  it('says nothing when the mechanism fits the volumes, or while the volumes are unanswered', () => {
    expect(routeIssues(abroad('security_assessment', 'over_1m'))).toEqual([]);
    expect(routeIssues(abroad('standard_contract', 'from_100k_to_1m'))).toEqual([]);
    expect(routeIssues(abroad('standard_contract', ''))).toEqual([]);
  });

  it('the privacy policy states the route of the volumes; unanswered volumes are a gap at their field', async () => {
    const contract = await pdfText(abroad('standard_contract', 'from_100k_to_1m'), 'privacy-policy');
    expect(contract).toContain(
      '按照国家网信部门制定的标准合同与境外接收方订立合同并备案，或者通过个人信息出境认证后',
    );
    const assessment = await pdfText(abroad('security_assessment', 'over_1m'), 'privacy-policy');
    expect(assessment).toContain('申报并通过国家网信部门组织的数据出境安全评估后');
    const exempt = await pdfText(abroad('other_legal_ground', 'under_100k'), 'privacy-policy');
    expect(exempt).toContain('无需申报数据出境安全评估');
    const unanswered = abroad('standard_contract', '');
    const gaps = checkCase(unanswered, { today: TODAY }).filter(
      (i) => i.code === 'document.valueMissing' && i.path === 'personalDataScale.crossBorderPeople',
    );
    expect(gaps).toHaveLength(1);
  });
});

describe('pre-flight: the privacy contact (review6)', () => {
  it('a job title where the name of the officer or department goes is a warning at that field; a name is not', async () => {
    const c = licenceCase();
    c.subject.privacyContactName = '个人信息保护负责人';
    // What the reviewer would read in the policy: a role printed as the contact.
    expect(await pdfText(c, 'privacy-policy')).toContain('个人信息保护联系人：个人信息保护负责人');
    const found = checkCase(c, { today: TODAY }).filter((i) => i.code === 'privacy.contactIsTitle');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', path: 'subject.privacyContactName' });
    expect(found[0]!.message['zh-CN']).toContain('个人信息保护负责人');
    for (const name of ['法务部', '陈芳', '个人信息保护负责人陈芳']) {
      c.subject.privacyContactName = name;
      expect(
        checkCase(c, { today: TODAY }).filter((i) => i.code === 'privacy.contactIsTitle'),
        name,
      ).toEqual([]);
    }
  });
});
