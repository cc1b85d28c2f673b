// Writes templates/rules/regions-latin.json: a Latin-script name for every region code of regions.json, so
// the region pickers show 上海市 Shanghai and can be searched in either script. Provinces take their English
// names from provinces.json; cities and districts are romanised in Hanyu Pinyin (pinyin-pro, a dev
// dependency) with the administrative suffix in English. Run: node scripts/build-region-latin.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const regions = JSON.parse(readFileSync('templates/rules/regions.json', 'utf8'));
const provinces = JSON.parse(readFileSync('templates/rules/provinces.json', 'utf8')).provinces;
const readings = JSON.parse(readFileSync('templates/rules/region-readings.json', 'utf8'));
const pinyinVersion = JSON.parse(readFileSync('node_modules/pinyin-pro/package.json', 'utf8')).version;

// Longest suffix first. Placeholder "cities" of the municipalities are named as the portal lists them.
const WHOLE = new Map([
  ['市辖区', 'City districts'],
  ['县', 'Counties'],
  ['省直辖县级行政区划', 'County-level divisions under the province'],
  ['自治区直辖县级行政区划', 'County-level divisions under the region'],
]);
const SUFFIXES = [
  // Development zones and parks: the generic term in English, the place before it in Pinyin.
  ['高新技术产业开发区', 'Hi-tech Industrial Development Zone'],
  ['高新技术产业园区', 'Hi-tech Industrial Park'],
  ['高新技术开发区', 'Hi-tech Development Zone'],
  ['现代产业园区', 'Modern Industrial Park'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['经济开发区', 'Economic Development Zone'],
  ['工业园区', 'Industrial Park'],
  ['风景名胜区', 'Scenic Area'],
  ['管理区', 'Administrative Zone'],
  ['示范区', 'Demonstration Zone'],
  ['开发区', 'Development Zone'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['街道', 'Subdistrict'],
  ['新区', 'New Area'],
  ['林区', 'Forestry District'],
  ['矿区', 'Mining District'],
  ['地区', 'Prefecture'],
  ['盟', 'League'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['县', 'County'],
  ['区', 'District'],
  ['市', ''],
];

/**
 * Pinyin syllables of a name, reading place-name characters (都 du) as region-readings.json says; pinyin-pro
 * reads the name as words, so polyphones take their reading in context (重庆 Chongqing, 长沙 Changsha).
 */
const syllablesOf = (text) => {
  const read = pinyin(text, { toneType: 'none', type: 'array', v: true });
  return [...text].map((char, i) => readings.characters[char] ?? read[i] ?? '');
};

/**
 * Syllables joined into one word by the place-name rules (GB 17733, Hanyu Pinyin orthography): a syllable
 * starting with a, o or e after another takes an apostrophe (Xi'an, Lin'an, Ha'erbin); ü is written ü, not
 * the keyboard's v.
 */
const joinSyllables = (syllables) =>
  syllables
    .filter((syllable) => syllable !== '')
    .map((syllable, i) => (i > 0 && /^[aoe]/i.test(syllable) ? `'${syllable}` : syllable))
    .join('')
    .replace(/v/g, 'ü');

const capitalise = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** Province names a zone's name may start with (河北唐山… → Hebei Tangshan …), longest first, in English. */
const PROVINCE_ENGLISH = new Map(
  regions.provinces.map((p) => [
    p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, ''),
    // "Tibet (Xizang) Autonomous Region" → Tibet, as a zone's name uses it.
    provinces
      .find((entry) => entry.gbCode === p.code)
      ?.nameEn.replace(/\s*\(.*?\)/u, '')
      .replace(/\s+((Zhuang|Hui|Uygur)\s+)?(Autonomous|Special Administrative) Region$/u, ''),
  ]),
);
const PROVINCE_STEMS = [...PROVINCE_ENGLISH.keys()].sort((a, b) => b.length - a.length);

/** City names a zone's name may start with (唐山市汉沽 → Tangshan Hangu), longest first. */
const CITY_STEMS = regions.provinces
  .flatMap((p) => p.cities.map((c) => c.name.replace(/(市|地区|盟)$/u, '')))
  .filter((stem) => stem.length >= 2 && !WHOLE.has(`${stem}`) && !/[区县划]$/u.test(stem))
  .sort((a, b) => b.length - a.length);

/**
 * A name's Latin form: the reading table's entry for its longest listed start (闵行 Minhang, 喀什 Kashgar), the
 * rest in Pinyin joined as one word; per-character Pinyin alone reads 闵行 "Minxing". A leading province name
 * and a leading city name are words of their own (河北唐山芦台 → Hebei Tangshan Lutai).
 */
const roman = (text) => {
  if (text.endsWith('市') && CITY_STEMS.includes(text.slice(0, -1))) return roman(text.slice(0, -1));
  const place = [...PROVINCE_STEMS, ...CITY_STEMS].find(
    (stem) => text.startsWith(stem) && text.replace(/^市/u, '').length > stem.length + 1,
  );
  if (place !== undefined) {
    const name = PROVINCE_ENGLISH.get(place) ?? roman(place);
    return `${name} ${roman(text.slice(place.length).replace(/^市/u, ''))}`;
  }
  const word = Object.keys(readings.words)
    .filter((stem) => text === stem || (stem.length > 1 && text.startsWith(stem)))
    .sort((a, b) => b.length - a.length)[0];
  const syllables = syllablesOf(word === undefined ? text : text.slice(word.length));
  return capitalise(joinSyllables(word === undefined ? syllables : [readings.words[word], ...syllables]));
};

// Ethnic groups named in autonomous areas (恩施土家族苗族自治州 → Enshi Tujia Miao Autonomous Prefecture).
const ETHNIC = (
  '土家 苗 回 藏 彝 壮 蒙古 哈萨克 柯尔克孜 傣 景颇 白 哈尼 布依 侗 朝鲜 傈僳 羌 黎 瑶 满 畲 维吾尔 ' +
  '达斡尔 鄂温克 鄂伦春 仫佬 毛南 仡佬 水 纳西 拉祜 佤 布朗 普米 独龙 怒 撒拉 土 保安 东乡 裕固 锡伯 塔吉克 ' +
  '各 京 阿昌 德昂 基诺 门巴 珞巴 蒙古族藏 俄罗斯'
).split(' ');

/** "恩施土家族苗族" → "Enshi Tujia Miao": the place, then each group without 族. */
function withGroups(stem) {
  if (!stem.includes('族')) return roman(stem);
  const parts = stem.split('族').filter((part) => part !== '');
  const first = parts.shift() ?? '';
  const group = [...ETHNIC].sort((a, b) => b.length - a.length).find((g) => first.endsWith(g) && first !== g);
  const place = group ? first.slice(0, -group.length) : first;
  const groups = [...(group ? [group] : []), ...parts];
  return [place, ...groups]
    .filter((x) => x !== '')
    .map(roman)
    .join(' ');
}

function latin(name, level) {
  if (WHOLE.has(name)) return WHOLE.get(name);
  if (readings.names[name] !== undefined) return readings.names[name];
  for (const [suffix, english] of SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      const stem = withGroups(name.slice(0, -suffix.length));
      // A county-level city says so; a prefecture-level city is just its name.
      const word = suffix === '市' && level === 'district' ? 'City' : english;
      return word === '' ? stem : `${stem} ${word}`;
    }
  }
  return roman(name);
}

const names = {};
for (const p of regions.provinces) {
  const official = provinces.find((entry) => entry.gbCode === p.code);
  names[p.code] = official?.nameEn ?? latin(p.name, 'province');
  for (const c of p.cities) {
    names[c.code] = latin(c.name, 'city');
    for (const d of c.districts) names[d.code] = latin(d.name, 'district');
  }
}

const out = {
  kind: 'icp-packet/regions-latin',
  version: 1,
  asOf: regions.asOf,
  source: `Latin-script names for the codes of regions.json (as of ${regions.asOf}). Provinces: the English names of provinces.json. Cities and districts: the place-name readings and official transliterations of region-readings.json (${readings.source}), else Hanyu Pinyin generated with pinyin-pro ${pinyinVersion}, with the administrative suffix in English (区 District, 县 County, 自治州 Autonomous Prefecture …); a romanisation to find a name by, not an official translation. The portal takes the Chinese name.`,
  names,
};
writeFileSync('templates/rules/regions-latin.json', `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(names).length} names`);
