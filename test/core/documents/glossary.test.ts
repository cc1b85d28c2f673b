/**
 * Issue 21 point 6: the bilingual review copy glosses fixed terms typed into free-text fields (degrees, job
 * titles, roles, providers' names, yes/no) from templates/documents/glossary.json, so "[no English given]" is
 * left only for the user's own text. Read back from the review PDF of the key-staff table.
 */
import { describe, expect, it } from 'vitest';
import { glossOf, placeInEnglish } from '../../../core/documents/glossary';
import { renderDocument } from '../../../core/documents/render';
import { NO_ENGLISH } from '../../../core/documents/resolve';
import { DOCUMENT_NOW, licenceCase } from '../../fixtures/documents/cases';
import { bundledFonts, compact, extractText } from './pdf-reader';

describe('glossary of fixed terms', () => {
  it('glosses terms, terms joined by 、，兼及和, numbered patterns and places; never free text', () => {
    expect(glossOf('本科')).toBe('Bachelor');
    expect(glossOf(' 硕士 ')).toBe('Master');
    expect(glossOf('执行董事兼总经理')).toBe('Executive Director and General Manager');
    expect(glossOf('总经理，负责业务经营')).toBe('General Manager, responsible for business operations');
    expect(glossOf('手机号码、电子邮箱')).toBe('Mobile number, E-mail address');
    expect(glossOf('账户注销后15日内删除')).toBe('Deleted within 15 days of account closure');
    expect(glossOf('交易完成后3年')).toBe('3 years after the transaction');
    expect(glossOf('阿里云计算有限公司')).toBe('Alibaba Cloud Computing Co., Ltd.');
    expect(placeInEnglish('广东省深圳市南山区')).toMatch(/^Nanshan District, Shenzhen, Guangdong$/);
    // The user's own text is not a term, nor is a term with something after it.
    expect(glossOf('十二年互联网系统研发经验')).toBeUndefined();
    expect(glossOf('总经理助理')).toBeUndefined();
    expect(glossOf('本科，十二年研发经验')).toBeUndefined();
    expect(placeInEnglish('广东省深圳市南山区科苑路15号')).toBeUndefined();
    expect(glossOf('')).toBeUndefined();
  });

  it('the review copy of the key-staff table prints the English of titles and degrees, not the no-English mark', async () => {
    const c = licenceCase();
    const bytes = await renderDocument('key-staff', c, {
      variant: 'review',
      fonts: bundledFonts(),
      now: DOCUMENT_NOW,
    });
    const text = compact((await extractText(bytes)).items.map((i) => i.text).join(''));
    for (const english of ['Bachelor', 'Master', 'TechnicalDirector', 'Headoftechnology']) {
      expect(text).toContain(english);
    }
    // What is left unglossed is free text (work experience): one mark per staff member at most.
    const marks = text.split(compact(NO_ENGLISH)).length - 1;
    expect(marks).toBeLessThanOrEqual(c.licence.staff.length);
  }, 60_000);
});
