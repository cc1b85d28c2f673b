import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ICP_PREFIXES,
  MAINLAND_PROVINCES,
  PROVINCES,
  provinceByCode,
  provinceByIcpPrefix,
} from '../../../core/validate';

const rulesDir = join(import.meta.dirname, '../../../templates/rules');
const readRules = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(rulesDir, name), 'utf8')) as Record<string, unknown>;

describe('templates/rules/provinces.json (identifiers.md §9)', () => {
  it('lists the 31 mainland divisions plus Hong Kong, Macao and Taiwan', () => {
    expect(MAINLAND_PROVINCES).toHaveLength(31);
    expect(PROVINCES.filter((p) => p.kind === 'hmt').map((p) => p.nameEn)).toEqual([
      'Hong Kong SAR',
      'Macao SAR',
      'Taiwan',
    ]);
  });

  it('has unique GB/T 2260 codes whose first two digits are the short code', () => {
    expect(new Set(PROVINCES.map((p) => p.gbCode)).size).toBe(PROVINCES.length);
    for (const province of PROVINCES) {
      expect(province.gbCode, province.nameEn).toMatch(/^\d{2}0000$/);
      expect(province.gbCode.slice(0, 2)).toBe(province.code);
      expect(province.nameZh).toMatch(/^\p{Script=Han}+$/u);
      expect(province.abbreviation).toMatch(/^\p{Script=Han}$/u);
    }
  });

  it('gives every mainland division its communications administration and ICP prefixes', () => {
    for (const province of MAINLAND_PROVINCES) {
      expect(province.communicationsAdministration).toBe(`${province.nameZh}通信管理局`);
      expect(province.icpPrefixes.length).toBeGreaterThan(0);
    }
    expect(ICP_PREFIXES).toHaveLength(33); // 31 + the second prefixes of Sichuan (川/蜀) and Gansu (甘/陇)
    expect(provinceByIcpPrefix('黔')?.nameEn).toBe('Guizhou');
    expect(provinceByIcpPrefix('滇')?.nameEn).toBe('Yunnan');
    expect(provinceByIcpPrefix('贵')).toBeUndefined();
    expect(provinceByIcpPrefix('云')).toBeUndefined();
  });

  it('carries the residence-permit address codes of Hong Kong, Macao and Taiwan (830000, not 710000)', () => {
    expect(provinceByCode('81')?.residencePermitPrefix).toBe('810000');
    expect(provinceByCode('82')?.residencePermitPrefix).toBe('820000');
    expect(provinceByCode('710000')?.residencePermitPrefix).toBe('830000');
  });

  it.each([
    ['110000', 'Beijing', '京'],
    ['440000', 'Guangdong', '粤'],
    ['650000', 'Xinjiang Uygur Autonomous Region', '新'],
  ])('%s is %s (%s)', (code, nameEn, abbreviation) => {
    expect(provinceByCode(code)).toMatchObject({ nameEn, abbreviation });
  });
});

describe('rule files carry a source and an as-of date', () => {
  it.each([
    'provinces.json',
    'field-choices.json',
    'validity.json',
    'field-limits.json',
    'naming-rules.json',
  ])('%s', (name) => {
    const data = readRules(name);
    expect(data.type).toMatch(/^icp-packet\//);
    expect(data.version).toBe(1);
    expect(String(data.source ?? '')).not.toBe('');
    expect(String(data.asOf)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('every validity rule has a source, an as-of date and a confidence', () => {
    const data = readRules('validity.json') as {
      default: { source: string; asOf: string; confidence: string };
      rules: { id: string; source: string; asOf: string; confidence: string; province?: string }[];
    };
    for (const rule of [data.default, ...data.rules]) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['law', 'official', 'practitioner', 'unclear']).toContain(rule.confidence);
    }
    for (const rule of data.rules.filter((r) => r.province)) {
      expect(provinceByCode(rule.province ?? '')?.kind, rule.id).toBe('province');
    }
  });
});
