import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveListRow, remapRowKeys, removeListRow, reorderListRows } from '../../../core/model/list-edits';
import { sampleCase } from '../../../core/model/sample-case';
import { WebsiteSchema, DataItemSchema, type Case } from '../../../core/model/case';

const NOW = new Date('2026-11-25T00:00:00Z');

/** The sample with three websites and three personal-data rows, each with English meanings of its own. */
function threeOfEach(): Case {
  const c = sampleCase(NOW);
  c.services = ['甲', '乙', '丙'].map((name, i) =>
    WebsiteSchema.parse({ kind: 'website', id: `s${i}`, name, contentDescription: `${name}的内容` }),
  );
  c.personalData = ['手机号码', '收货地址', '支付记录'].map((item) => DataItemSchema.parse({ item }));
  c.englishMeanings = {
    'subject.businessScope': 'Retail of homeware',
    'services.0.contentDescription': 'A content',
    'services.1.contentDescription': 'B content',
    'services.1.remarks': 'B remarks',
    'services.2.contentDescription': 'C content',
    'personalData.0.purpose': 'purpose 0',
    'personalData.2.purpose': 'purpose 2',
  };
  return c;
}

describe('remapRowKeys', () => {
  it('moves keys of rows by the new order, drops removed rows, keeps other keys', () => {
    const entries = { 'a.0.x': 0, 'a.1.x': 1, 'a.1': 11, 'a.10.x': 10, 'ab.0.x': 99, 'b.0': 5 };
    expect(remapRowKeys(entries, 'a', [1, 10])).toEqual({
      'a.0.x': 1,
      'a.0': 11,
      'a.1.x': 10,
      'ab.0.x': 99,
      'b.0': 5,
    });
  });

  it('handles nested lists and rows inside a moved row', () => {
    const entries = {
      'services.1.platforms.0.x': 'p0',
      'services.1.platforms.1.x': 'p1',
      'services.0.x': 's0',
    };
    expect(remapRowKeys(entries, 'services.1.platforms', [1])).toEqual({
      'services.1.platforms.0.x': 'p1',
      'services.0.x': 's0',
    });
    expect(remapRowKeys(entries, 'services', [1])).toEqual({
      'services.0.platforms.0.x': 'p0',
      'services.0.platforms.1.x': 'p1',
    });
  });
});

describe('removeListRow', () => {
  it('removing the first service moves the others’ English meanings with them', () => {
    const after = removeListRow(threeOfEach(), 'services', 0);
    expect(after.services.map((s) => s.name)).toEqual(['乙', '丙']);
    expect(after.englishMeanings).toEqual({
      'subject.businessScope': 'Retail of homeware',
      'services.0.contentDescription': 'B content',
      'services.0.remarks': 'B remarks',
      'services.1.contentDescription': 'C content',
      'personalData.0.purpose': 'purpose 0',
      'personalData.2.purpose': 'purpose 2',
    });
  });

  it('removing a personal-data row in the middle shifts the rows after it', () => {
    const after = removeListRow(threeOfEach(), 'personalData', 1);
    expect(after.personalData.map((d) => d.item)).toEqual(['手机号码', '支付记录']);
    expect(after.englishMeanings['personalData.0.purpose']).toBe('purpose 0');
    expect(after.englishMeanings['personalData.1.purpose']).toBe('purpose 2');
    expect(after.englishMeanings).not.toHaveProperty('personalData.2.purpose');
  });

  it('leaves the case alone for an index out of range or a path that is no list', () => {
    const c = threeOfEach();
    expect(removeListRow(c, 'services', 3)).toBe(c);
    expect(removeListRow(c, 'subject.name', 0)).toBe(c);
  });

  it('does not change the case it is given', () => {
    const c = threeOfEach();
    const before = structuredClone(c);
    removeListRow(c, 'services', 1);
    expect(c).toEqual(before);
  });
});

describe('moveListRow / reorderListRows', () => {
  it('moving a row carries its meanings to its new position', () => {
    const after = moveListRow(threeOfEach(), 'services', 2, 0);
    expect(after.services.map((s) => s.name)).toEqual(['丙', '甲', '乙']);
    expect(after.englishMeanings['services.0.contentDescription']).toBe('C content');
    expect(after.englishMeanings['services.1.contentDescription']).toBe('A content');
    expect(after.englishMeanings['services.2.contentDescription']).toBe('B content');
    expect(after.englishMeanings['services.2.remarks']).toBe('B remarks');
  });

  it('every meaning stays with its row under any reordering', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 0, maxLength: 3 }), (order) => {
        const c = threeOfEach();
        const after = reorderListRows(c, 'services', order);
        for (const [i, service] of after.services.entries()) {
          const old = c.services.findIndex((s) => s.id === service.id);
          expect(after.englishMeanings[`services.${i}.contentDescription`]).toBe(
            c.englishMeanings[`services.${old}.contentDescription`],
          );
        }
        const kept = Object.keys(after.englishMeanings).filter((k) => k.startsWith('services.'));
        expect(kept.every((k) => Number(k.split('.')[1]) < order.length)).toBe(true);
      }),
    );
  });
});
