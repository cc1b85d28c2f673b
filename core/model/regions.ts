/**
 * Province → city → district codes (GB/T 2260 six-digit form) for the region pickers and the address checks.
 * Data: templates/rules/regions.json (National Bureau of Statistics division codes; see its `source`).
 */
import data from '../../templates/rules/regions.json' with { type: 'json' };
import latinData from '../../templates/rules/regions-latin.json' with { type: 'json' };

export interface Region {
  code: string;
  name: string;
  /** A Latin-script name to find it by (English for provinces, Pinyin below; regions-latin.json). */
  latin: string;
}
interface Named {
  code: string;
  name: string;
}
type District = Named;
interface City extends Named {
  districts: District[];
}
interface Province extends Named {
  cities: City[];
}

const latinNames = (latinData as { names: Record<string, string> }).names;

/** The Latin-script name of a region code ('' for an unknown code). */
export function regionLatin(code: string): string {
  return latinNames[code] ?? '';
}

const region = ({ code, name }: Named): Region => ({ code, name, latin: regionLatin(code) });

const provinces = (data as { provinces: Province[] }).provinces;
const byCode = new Map<string, Named>();
for (const p of provinces) {
  byCode.set(p.code, p);
  for (const c of p.cities) {
    byCode.set(c.code, c);
    for (const d of c.districts) byCode.set(d.code, d);
  }
}

export const REGIONS_AS_OF: string = (data as { asOf: string }).asOf;

export function provinceList(): Region[] {
  return provinces.map(region);
}

export function citiesOf(provinceCode: string): Region[] {
  return (provinces.find((p) => p.code === provinceCode)?.cities ?? []).map(region);
}

export function districtsOf(cityCode: string): Region[] {
  for (const p of provinces) {
    const city = p.cities.find((c) => c.code === cityCode);
    if (city) return city.districts.map(region);
  }
  return [];
}

/** The name of a province, city or district code, or undefined for an unknown code. */
export function regionName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/** The province code (xx0000) a division code belongs to. */
export function provinceOfCode(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * Whether province, city and district codes form a real chain (the district lies in the city, the city in
 * the province). Empty parts are skipped, so a half-filled address is not reported as inconsistent.
 */
export function isRegionChain(province: string, city: string, district: string): boolean {
  if (province && !provinces.some((p) => p.code === province)) return false;
  if (city && (!byCode.has(city) || (province && city.slice(0, 2) !== province.slice(0, 2)))) return false;
  if (district && (!byCode.has(district) || (city && !districtsOf(city).some((d) => d.code === district)))) {
    return false;
  }
  return true;
}
