/**
 * The English of the bilingual review copy, as a manager who reads no Chinese checks the licence packet
 * (review6): sentences read as English, and a note that names a table column names it as the header does.
 */
import { describe, expect, it } from 'vitest';
import { lifecycleTemplates } from '../../../core/after/lifecycle-templates';
import { renderDocument } from '../../../core/documents/render';
import { documentTemplates } from '../../../core/documents/templates';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, compact, extractText } from './pdf-reader';

describe('review copy English', () => {
  it('a name ending in a full stop (Co., Ltd.) closes its sentence once, not "Ltd.."', async () => {
    const c = licenceCase();
    for (const id of ['key-staff', 'business-plan']) {
      const bytes = await renderDocument(id, c, {
        variant: 'review',
        fonts: bundledFonts(),
        now: DOCUMENT_NOW,
      });
      const text = compact((await extractText(bytes)).items.map((i) => i.text).join(''));
      // Both print a company name in the English: the applicant's, the access provider's.
      expect(text, id).toMatch(/Co\.,Ltd\./);
      expect(text, id).not.toContain('Ltd..');
    }
  }, 60_000);

  it('备案信息表: the investors in English are the shareholders’ Latin names (the line printed no English)', async () => {
    const bytes = await renderDocument('filing-info-sheet', licenceCase(), {
      variant: 'review',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
    });
    const text = compact((await extractText(bytes)).items.map((i) => i.text).join(''));
    expect(text).toContain(compact('Zhang Wei, Shenzhen Yunfan Investment Partnership (LP)'));
  }, 60_000);

  it('a note naming a column (“社保”一栏) names it in English as the column header does', () => {
    const checked: string[] = [];
    for (const template of [...documentTemplates(), ...lifecycleTemplates()]) {
      const columns = template.blocks.flatMap((b) => (b.type === 'table' ? b.columns : []));
      const notes = template.blocks.flatMap((b) => (b.type === 'notes' ? b.items : []));
      for (const note of notes) {
        for (const [, term] of note.zh.matchAll(/“([^”]+)”/g)) {
          const column = columns.find((col) => term && col.zh.startsWith(term));
          if (!column) continue;
          const quoted = [...note.en.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
          checked.push(`${template.id}: ${term}`);
          expect(
            quoted.some((q) => q && column.en.startsWith(q)),
            `${template.id}: note on “${term}” quotes ${JSON.stringify(quoted)}; the header is "${column.en}"`,
          ).toBe(true);
        }
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['key-staff: 社保', 'key-staff: 拟任岗位']));
  });
});
