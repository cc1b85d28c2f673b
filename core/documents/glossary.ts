/**
 * The English the bilingual review copy prints for fixed terms typed into free-text fields — degrees, job
 * titles, roles, the privacy contact, providers' registered names, common personal-information items and
 * retention periods — from templates/documents/glossary.json, and for place names from the division codes
 * (regions-latin.json). What is not a term stays the user's own text: its English is the meaning typed beside
 * the field, or the "no English given" mark.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';
import { bundledData } from '../bundled-data';
import glossaryJson from '../../templates/documents/glossary.json' with { type: 'json' };
import { citiesOf, districtsOf, provinceList, regionLatin } from '../model/regions';

const GlossarySchema = lazySchema(() =>
  z
    .object({
      type: z.literal('icp-packet/document-glossary'),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      source: z.string().min(1),
      terms: z.record(z.string().min(1), z.string().min(1)),
      patterns: z.array(
        z.object({ zh: z.string().includes('{n}'), en: z.string().includes('{n}') }).strict(),
      ),
    })
    .strict(),
);

export const GLOSSARY = bundledData('glossary', GlossarySchema, glossaryJson);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = GLOSSARY.patterns.map((p) => ({
  match: new RegExp(`^${escape(p.zh).replace('\\{n\\}', '(\\d+)')}$`, 'u'),
  en: p.en,
}));

/** A term, a pattern with its number, or a place; undefined when the text is none of them. */
function glossOne(text: string): string | undefined {
  const term = GLOSSARY.terms[text];
  if (term) return term;
  for (const pattern of PATTERNS) {
    const n = pattern.match.exec(text)?.[1];
    if (n) return pattern.en.replace('{n}', n);
  }
  return placeInEnglish(text);
}

/** Parts joined by a list mark or a conjunction, glossed when every part is: 执行董事兼总经理. */
const JOINS: [RegExp, string][] = [
  [/[、，,；;]/u, ', '],
  [/兼/u, ' and '],
  [/及|和/u, ' and '],
];

/** The English of a fixed term (or terms joined by 、，兼及和), or undefined for the user's own text. */
export function glossOf(chinese: string): string | undefined {
  const text = chinese.trim();
  if (!text) return undefined;
  const whole = glossOne(text);
  if (whole) return whole;
  for (const [mark, joiner] of JOINS) {
    const parts = text.split(mark).map((p) => p.trim());
    if (parts.length < 2 || parts.some((p) => !p)) continue;
    const glossed = parts.map((p) => glossOf(p));
    if (glossed.every((g): g is string => g !== undefined)) return glossed.join(joiner);
  }
  return undefined;
}

/**
 * 广东省深圳市南山区 → Nanshan District, Shenzhen, Guangdong: a place written as its province, city and
 * district names, in the Latin names of the division codes. Undefined when the text is not only a place.
 */
export function placeInEnglish(text: string): string | undefined {
  for (const province of provinceList()) {
    if (!text.startsWith(province.name)) continue;
    const names = [regionLatin(province.code) || province.latin];
    let rest = text.slice(province.name.length);
    const city = citiesOf(province.code).find((c) => rest.startsWith(c.name) && c.name !== '市辖区');
    const cities = city ? [city] : citiesOf(province.code).filter((c) => c.name === '市辖区');
    if (city) {
      rest = rest.slice(city.name.length);
      names.unshift(regionLatin(city.code) || city.latin);
    }
    for (const holder of cities) {
      const district = districtsOf(holder.code).find((d) => rest.startsWith(d.name));
      if (district) {
        rest = rest.slice(district.name.length);
        names.unshift(regionLatin(district.code) || district.latin);
        break;
      }
    }
    return rest === '' ? names.filter(Boolean).join(', ') : undefined;
  }
  return undefined;
}
