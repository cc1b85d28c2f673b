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
      expect(p.latin).toMatch(/^[A-Z][A-Za-zü'() -]+$/);
      for (const c of citiesOf(p.code)) {
        expect(c.latin).toMatch(/^[A-ZÜ][A-Za-zü'() -]+$/);
        for (const d of districtsOf(c.code)) expect(d.latin).toMatch(/^[A-ZÜ][A-Za-zü'() -]+$/);
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
    ['500000', 'Chongqing'],
    ['430100', 'Changsha'],
    ['340300', 'Bengbu'],
    // 蚌 is beng in the names of Bengbu's districts too, not the common bang (clam).
    ['340303', 'Bengshan District'],
    // An a/o/e syllable after another takes an apostrophe, so the syllables cannot be misread.
    ['511600', "Guang'an"],
    ['320685', "Hai'an City"],
    ['330381', "Rui'an City"],
    ['330112', "Lin'an District"],
    ['410323', "Xin'an County"],
    ['130728', "Huai'an County"],
    ['152200', 'Hinggan League'],
    ['230100', "Ha'erbin"],
    // ü is written ü (Lüliang), never the keyboard's v.
    ['141100', 'Lüliang'],
    ['610727', 'Lüeyang County'],
    // Minority-language names in their official transliteration.
    ['152501', 'Erenhot City'],
    ['152900', 'Alxa League'],
    // A zone: the place in Pinyin, the generic term in English.
    ['540173', 'Tibet Wenhualüyouchuangyiyuan District'],
    ['152971', 'Inner Mongolia Alashan Hi-tech Industrial Development Zone'],
    ['130171', 'Shijiazhuang Hi-tech Industrial Development Zone'],
  ])('reads place names as places are read, not character by character: %s is %s', async (code, latin) => {
    const { regionLatin } = await import('../../../core/model/regions');
    expect(regionLatin(code)).toBe(latin);
  });

  it("finds 吕梁市 by typing Lüliang, Luliang or Lvliang, and 六安 by Luan or Lu'an", async () => {
    const { matchRegions } = await import('../../../renderer/src/components/fields/RegionSelect');
    for (const typed of ['Lüliang', 'luliang', 'lvliang'])
      expect(matchRegions(citiesOf('140000'), typed).map((c) => c.name)).toEqual(['吕梁市']);
    for (const typed of ['luan', "Lu'an"])
      expect(matchRegions(citiesOf('340000'), typed).map((c) => c.name)).toEqual(['六安市']);
  });

  it('finds 闵行区 by typing "Minhang"', async () => {
    const { matchRegions } = await import('../../../renderer/src/components/fields/RegionSelect');
    expect(matchRegions(districtsOf('310100'), 'minhang').map((d) => d.name)).toEqual(['闵行区']);
  });
});
