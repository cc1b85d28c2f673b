import { describe, expect, it } from 'vitest';
import { createCase } from '../../../core/model';
import { BLANK, fill, type ResolveContext } from '../../../core/documents/resolve';

function ctxWith(province: string, city: string, district: string): ResolveContext {
  const caseData = createCase({ id: 'c', name: 'n', now: new Date('2026-11-25T00:00:00Z') });
  Object.assign(caseData.subject, { province, city, district });
  return {
    caseData,
    decision: {} as ResolveContext['decision'],
    labels: {} as ResolveContext['labels'],
    today: '2026-11-25',
  };
}

const ADDRESS = '{{subject.province|province}}{{subject.city|region}}{{subject.district|region}}';

describe('the region format', () => {
  it('names a prefecture-level city and its district', () => {
    expect(fill(ADDRESS, ctxWith('440000', '440300', '440305'), {}, 'zh')).toBe('广东省深圳市南山区');
  });

  it("drops a municipality's placeholder city (市辖区) instead of printing a blank", () => {
    expect(fill(ADDRESS, ctxWith('310000', '310100', '310115'), {}, 'zh')).toBe('上海市浦东新区');
  });

  it('prints a blank to fill in when the district is missing, and an unknown code as typed', () => {
    expect(fill(ADDRESS, ctxWith('310000', '310100', ''), {}, 'zh')).toBe(`上海市${BLANK}`);
    expect(fill('{{subject.district|region}}', ctxWith('', '', '999999'), {}, 'zh')).toBe('999999');
  });
});

describe('regions in the English gloss (review copy)', () => {
  it('prints the Latin names of regions-latin.json, smallest first, never the Chinese', () => {
    const area = '{{subject|area}}';
    expect(fill(area, ctxWith('440000', '440300', '440305'), {}, 'zh')).toBe('广东省深圳市南山区');
    expect(fill(area, ctxWith('440000', '440300', '440305'), {}, 'en')).toBe(
      'Nanshan District, Shenzhen, Guangdong',
    );
    // A municipality's placeholder city (市辖区) is left out in both languages.
    expect(fill(area, ctxWith('310000', '310100', '310115'), {}, 'zh')).toBe('上海市浦东新区');
    expect(fill(area, ctxWith('310000', '310100', '310115'), {}, 'en')).toBe('Pudong New Area, Shanghai');
    expect(fill('{{subject.district|region}}', ctxWith('440000', '440300', '440305'), {}, 'en')).toBe(
      'Nanshan District',
    );
    expect(fill(area, ctxWith('330000', '330100', '330106'), {}, 'en')).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('keeps a blank for a missing part and an unknown code as typed', () => {
    expect(fill('{{subject|area}}', ctxWith('310000', '310100', ''), {}, 'en')).toBe(`${BLANK}, Shanghai`);
    expect(fill('{{subject|area}}', ctxWith('440000', '', ''), {}, 'zh')).toBe(`广东省${BLANK}`);
    expect(fill('{{subject|area}}', ctxWith('440000', '440300', '999999'), {}, 'en')).toBe(
      '999999, Shenzhen, Guangdong',
    );
  });
});
