import { presenceIssues, todayIso } from './common';
import { error, warning } from './messages';
import { provinceByIcpPrefix, type Province } from './provinces';
import type { Bilingual, ValidationIssue } from './types';

/** What a number identifies: the subject itself, or one of its services (suffix -N, -NA, -NX, -NK). */
export type IcpService = 'subject' | 'website' | 'app' | 'miniProgram' | 'quickApp';

export type IcpNumberKind =
  /** 京ICP备11018762号(-11) — filing number (identifiers.md §8.1). */
  | 'filing'
  /** 粤B2-20090059(-1626X), or B2-… without prefix for MIIT cross-regional licences (§8.2). */
  | 'licence'
  /** 京ICP证030173号(-1) — the displayed "ICP证" number (§8.2). */
  | 'icpCertificate'
  /** 京公网安备11010802035340号 — public-security filing number (§8.3). */
  | 'publicSecurity';

export interface ParsedIcpNumber {
  kind: IcpNumberKind;
  /** Canonical form: whitespace removed, full-width characters folded. */
  normalized: string;
  /** The one-character prefix; absent for MIIT cross-regional licences. */
  prefix?: string;
  /** Issuing province (GB/T 2260 code and names); absent for MIIT licences. */
  province?: Pick<Province, 'gbCode' | 'nameZh' | 'nameEn'>;
  serial: string;
  /** Year of first approval where the serial encodes it (10-digit filing serials, licence numbers). */
  year?: number;
  service: IcpService;
  /** Sequence number of the service under the subject (the N of -N / -NA / -NX / -NK). */
  serviceIndex?: number;
  suffix?: 'A' | 'X' | 'K';
}

const SERVICE_BY_SUFFIX: Record<string, IcpService> = {
  '': 'website',
  A: 'app',
  X: 'miniProgram',
  K: 'quickApp',
};

export const ICP_SERVICE_LABELS: Record<IcpService, Bilingual> = {
  subject: { en: 'subject filing', 'zh-CN': '主体备案' },
  website: { en: 'website filing', 'zh-CN': '网站备案' },
  app: { en: 'App filing', 'zh-CN': 'App 备案' },
  miniProgram: { en: 'mini-program filing', 'zh-CN': '小程序备案' },
  quickApp: { en: 'quick-app filing', 'zh-CN': '快应用备案' },
};

/**
 * Prefixes found in some public code tables but not in real numbers (identifiers.md §9): the province they
 * were meant for and the prefix its numbers actually carry.
 */
const MISTAKEN_PREFIXES: Record<string, { province: Bilingual; suggestion: string }> = {
  云: { province: { en: 'Yunnan', 'zh-CN': '云南省' }, suggestion: '滇' },
  贵: { province: { en: 'Guizhou', 'zh-CN': '贵州省' }, suggestion: '黔' },
};

/** Removes display spaces ("京 ICP 备 11018762 号-11") and folds full-width letters, digits and dashes. */
export function normalizeIcpNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, '')
    .replace(/[‐-―−]/gu, '-')
    .replace(/icp/giu, 'ICP')
    .replace(/b2-/giu, 'B2-');
}

interface RawMatch {
  kind: IcpNumberKind;
  prefix: string;
  serial: string;
  hasHao: boolean;
  index?: string;
  suffix?: string;
}

/**
 * The four shapes, tried in order. Named groups: the province `prefix`, the `serial`, `hao` (号; licence
 * numbers carry none, so a shape without the group never lacks it), and a service's `index` and `suffix`.
 */
const SHAPES: { kind: IcpNumberKind; pattern: RegExp }[] = [
  {
    kind: 'filing',
    pattern: /^(?<prefix>\p{Script=Han})ICP备(?<serial>\d+)(?<hao>号?)(?:-(?<index>\d+)(?<suffix>[AXK])?)?$/u,
  },
  {
    kind: 'licence',
    pattern: /^(?<prefix>\p{Script=Han})?B2-(?<serial>\d+)(?:-(?<index>\d+)(?<suffix>[AXK])?)?$/u,
  },
  {
    kind: 'icpCertificate',
    pattern: /^(?<prefix>\p{Script=Han})ICP证(?<serial>\d+)(?<hao>号?)(?:-(?<index>\d+))?$/u,
  },
  { kind: 'publicSecurity', pattern: /^(?<prefix>\p{Script=Han})公网安备(?<serial>\d+)(?<hao>号?)$/u },
];

function matchShape(text: string): RawMatch | undefined {
  for (const { kind, pattern } of SHAPES) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    return {
      kind,
      prefix: groups.prefix ?? '',
      serial: groups.serial ?? '',
      hasHao: (groups.hao ?? '号') === '号',
      index: groups.index,
      suffix: groups.suffix,
    };
  }
  return undefined;
}

const SERIAL_LENGTHS: Record<IcpNumberKind, number[]> = {
  filing: [8, 10],
  licence: [8],
  icpCertificate: [6],
  publicSecurity: [14],
};

function analyse(value: string, today: string): { parsed?: ParsedIcpNumber; issues: ValidationIssue[] } {
  const normalized = normalizeIcpNumber(value);
  const raw = matchShape(normalized);
  if (!raw) return { issues: [error('icpNumber.format')] };

  const issues: ValidationIssue[] = [];
  let province: Province | undefined;
  if (raw.prefix !== '') {
    province = provinceByIcpPrefix(raw.prefix);
    const mistaken = MISTAKEN_PREFIXES[raw.prefix];
    if (mistaken) issues.push(error('icpNumber.wrongPrefix', { prefix: raw.prefix, ...mistaken }));
    else if (!province) issues.push(error('icpNumber.province', { prefix: raw.prefix }));
  }
  if (!SERIAL_LENGTHS[raw.kind].includes(raw.serial.length)) {
    if (raw.kind === 'filing') issues.push(error('icpNumber.serialLength', { length: raw.serial.length }));
    else issues.push(error('icpNumber.format'));
  }
  if (!raw.hasHao) issues.push(error('icpNumber.missingHao'));
  if (issues.length > 0) return { issues };

  const currentYear = Number(today.slice(0, 4));
  let year: number | undefined;
  if (raw.kind === 'filing' && raw.serial.length === 10) {
    year = Number(raw.serial.slice(0, 4));
    // 10-digit serials are seen from about 2020 (identifiers.md §8.1); earlier years mean a typo.
    if (year < 2000 || year > currentYear) issues.push(warning('icpNumber.year', { year }));
  } else if (raw.kind === 'licence') {
    year = Number(raw.serial.slice(0, 4));
    if (year < 1990 || year > currentYear) issues.push(warning('icpNumber.licenceYear', { year }));
  }

  const service: IcpService =
    raw.index === undefined || raw.kind === 'publicSecurity'
      ? 'subject'
      : (SERVICE_BY_SUFFIX[raw.suffix ?? ''] ?? 'website');
  const parsed: ParsedIcpNumber = { kind: raw.kind, normalized, serial: raw.serial, service };
  if (raw.prefix !== '') parsed.prefix = raw.prefix;
  if (province)
    parsed.province = { gbCode: province.gbCode, nameZh: province.nameZh, nameEn: province.nameEn };
  if (year !== undefined) parsed.year = year;
  if (raw.index !== undefined) parsed.serviceIndex = Number(raw.index);
  if (raw.suffix === 'A' || raw.suffix === 'X' || raw.suffix === 'K') parsed.suffix = raw.suffix;
  return { parsed, issues };
}

export interface IcpNumberOptions {
  /** Which kinds of number the field accepts (default: filing and licence numbers). */
  kinds?: IcpNumberKind[];
  /** The service the number must belong to, e.g. 'miniProgram' for a mini-program's own filing number. */
  service?: IcpService;
  /** Reference date (YYYY-MM-DD) for the year plausibility check; defaults to today. */
  today?: string;
}

/** Splits an ICP filing, licence, ICP证 or public-security number into its parts; undefined if invalid. */
export function parseIcpNumber(
  value: string,
  options: Pick<IcpNumberOptions, 'today'> = {},
): ParsedIcpNumber | undefined {
  if (typeof value !== 'string') return undefined;
  const { parsed, issues } = analyse(value, options.today ?? todayIso());
  return issues.some((issue) => issue.severity === 'error') ? undefined : parsed;
}

/**
 * Validates ICP numbers per identifiers.md §8: every province prefix of §9 (both 蜀/川 and 陇/甘), 8- or
 * 10-digit filing serials, -N / -NA / -NX / -NK service suffixes, licence numbers like 粤B2-20090059 (with or
 * without province prefix), ICP证 and public-security numbers when `kinds` allows them.
 */
export function validateIcpNumber(value: string, options: IcpNumberOptions = {}): ValidationIssue[] {
  const blocked = presenceIssues(value);
  if (blocked) return blocked;
  const kinds = options.kinds ?? ['filing', 'licence'];
  // A field that takes only a public-security number says so: "not an ICP number" would send the user to
  // the wrong system.
  if (kinds.every((kind) => kind === 'publicSecurity')) {
    const { parsed } = analyse(value, options.today ?? todayIso());
    return parsed?.kind === 'publicSecurity' ? [] : [error('icpNumber.publicSecurityFormat')];
  }
  const { parsed, issues } = analyse(value, options.today ?? todayIso());
  if (!parsed) return issues;
  if (!kinds.includes(parsed.kind)) return [error('icpNumber.format'), ...issues];
  if (options.service !== undefined && parsed.service !== options.service) {
    issues.push(
      error('icpNumber.kind', {
        found: ICP_SERVICE_LABELS[parsed.service],
        expected: ICP_SERVICE_LABELS[options.service],
      }),
    );
  }
  return issues;
}
