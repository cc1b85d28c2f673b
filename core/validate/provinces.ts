import provincesData from '../../templates/rules/provinces.json' with { type: 'json' };

/** A provincial-level division as listed in templates/rules/provinces.json (GB/T 2260, identifiers.md §9). */
export interface Province {
  /** First two digits of the GB/T 2260 code, e.g. "44". */
  code: string;
  /** Six-digit GB/T 2260 code, e.g. "440000". */
  gbCode: string;
  /** `province` = one of the 31 mainland divisions that run ICP filing; `hmt` = Hong Kong, Macao, Taiwan. */
  kind: 'province' | 'hmt';
  nameZh: string;
  nameEn: string;
  /** One-character short name (简称). */
  abbreviation: string;
  /** Prefixes seen at the start of real ICP numbers of this province (Sichuan and Gansu have two). */
  icpPrefixes: string[];
  communicationsAdministration?: string;
  communicationsAdministrationSeen?: boolean;
  /** Address code used by residence permits for Hong Kong, Macao and Taiwan residents. */
  residencePermitPrefix?: string;
}

export const PROVINCES: readonly Province[] = provincesData.provinces as Province[];

/** The 31 mainland divisions, whose communications administrations handle ICP filings. */
export const MAINLAND_PROVINCES: readonly Province[] = PROVINCES.filter((p) => p.kind === 'province');

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
const byIcpPrefix = new Map(MAINLAND_PROVINCES.flatMap((p) => p.icpPrefixes.map((prefix) => [prefix, p])));

/** Looks a division up by the first two digits of any GB/T 2260 code (or by the full code). */
export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code.slice(0, 2));
}

/** The mainland province for a 2-digit or 6-digit code; Hong Kong, Macao and Taiwan give `undefined`. */
export function mainlandProvinceByCode(code: string): Province | undefined {
  const province = provinceByCode(code);
  return province?.kind === 'province' ? province : undefined;
}

/** The province whose communications administration issues numbers with this one-character prefix. */
export function provinceByIcpPrefix(prefix: string): Province | undefined {
  return byIcpPrefix.get(prefix);
}

/** Every prefix that may start an ICP filing or licence number, e.g. 京, 粤, 蜀, 川. */
export const ICP_PREFIXES: readonly string[] = [...byIcpPrefix.keys()];

const bare = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
const byName = new Map(
  MAINLAND_PROVINCES.flatMap((p) => [
    [bare(p.nameZh), p],
    [bare(p.nameEn), p],
    [bare(p.abbreviation), p],
  ]),
);

/**
 * A mainland province as the user wrote it: its code (44 / 440000), Chinese name (广东省, or 广东 without the
 * suffix), English name (Guangdong) or one-character short name (粤). Undefined when nothing matches.
 */
export function mainlandProvinceByInput(input: string): Province | undefined {
  const value = bare(input);
  if (!value) return undefined;
  if (/^\d{2}(\d{4})?$/.test(value)) return mainlandProvinceByCode(value);
  return (
    byName.get(value) ??
    MAINLAND_PROVINCES.find((p) => p.nameZh.startsWith(value) && value.length >= 2) ??
    MAINLAND_PROVINCES.find((p) => bare(p.nameEn).startsWith(value) && value.length >= 4)
  );
}
