import { describe, expect, it } from 'vitest';
import {
  citiesOf,
  districtsOf,
  isRegionChain,
  provinceList,
  provinceOfCode,
  regionName,
} from '../../../core/model';

describe('regions', () => {
  it('lists the 31 mainland provincial-level divisions', () => {
    const list = provinceList();
    expect(list).toHaveLength(31);
    expect(list.map((p) => p.name)).toContain('上海市');
    expect(list.every((p) => /^\d{2}0000$/.test(p.code))).toBe(true);
  });

  it('walks province → city → district', () => {
    expect(citiesOf('310000').map((c) => c.code)).toContain('310100');
    expect(districtsOf('310100').find((d) => d.code === '310115')?.name).toBe('浦东新区');
    expect(citiesOf('440000').find((c) => c.code === '440300')?.name).toBe('深圳市');
    expect(citiesOf('999999')).toEqual([]);
    expect(districtsOf('999900')).toEqual([]);
  });

  it('names codes and finds their province', () => {
    expect(regionName('110105')).toBe('朝阳区');
    expect(regionName('000000')).toBeUndefined();
    expect(provinceOfCode('310115')).toBe('310000');
  });

  it('accepts real chains and partial entries, refuses mixed-up ones', () => {
    expect(isRegionChain('310000', '310100', '310115')).toBe(true);
    expect(isRegionChain('310000', '', '')).toBe(true);
    expect(isRegionChain('', '', '')).toBe(true);
    expect(isRegionChain('310000', '440300', '')).toBe(false);
    expect(isRegionChain('310000', '310100', '110105')).toBe(false);
    expect(isRegionChain('990000', '', '')).toBe(false);
  });
});

describe('Latin-script region names', () => {
  it('names every province, city and district in Latin script as well', async () => {
    const { regionLatin } = await import('../../../core/model/regions');
    expect(provinceList().find((p) => p.code === '310000')?.latin).toBe('Shanghai');
    expect(districtsOf('310100').find((d) => d.code === '310115')?.latin).toBe('Pudong New Area');
    expect(citiesOf('440000').find((c) => c.code === '440300')?.latin).toBe('Shenzhen');
    expect(regionLatin('422800')).toBe('Enshi Tujia Miao Autonomous Prefecture');
    for (const p of provinceList()) {
      expect(p.latin).toMatch(/^[A-Z][A-Za-z'() -]+$/);
      for (const c of citiesOf(p.code)) {
        expect(c.latin).toMatch(/^[A-Z][A-Za-z'() -]+$/);
        for (const d of districtsOf(c.code)) expect(d.latin).toMatch(/^[A-Z][A-Za-z'() -]+$/);
      }
    }
  });

  it.each([
    ['310112', 'Minhang District'],
    ['330382', 'Yueqing City'],
    ['420116', 'Huangpi District'],
    ['371722', 'Shan County'],
    ['510117', 'Pidu District'],
    ['360730', 'Ningdu County'],
    ['341500', "Lu'an"],
    ['610100', "Xi'an"],
    ['650100', 'Urumqi'],
    ['653100', 'Kashgar Prefecture'],
    ['540100', 'Lhasa'],
    ['150100', 'Hohhot'],
    ['533400', 'Diqing Tibetan Autonomous Prefecture'],
  ])('reads place names as places are read, not character by character: %s is %s', async (code, latin) => {
    const { regionLatin } = await import('../../../core/model/regions');
    expect(regionLatin(code)).toBe(latin);
  });

  it('finds 闵行区 by typing "Minhang"', async () => {
    const { matchRegions } = await import('../../../renderer/src/components/fields/RegionSelect');
    expect(matchRegions(districtsOf('310100'), 'minhang').map((d) => d.name)).toEqual(['闵行区']);
  });
});
