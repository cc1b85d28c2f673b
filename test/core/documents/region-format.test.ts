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
