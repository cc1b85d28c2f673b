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
  return (await extractText(bytes)).items.map((i) => i.text).join('');
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
