/**
 * What the pre-flight calls a field and which step edits it, from the field catalogue
 * (templates/fields/case-fields.json): a concrete path (`licence.staff.1.idNumber`) is named by its
 * catalogue label, and — for a row of a list — by the row it is in (王强, website 云帆知学, item 2).
 */
import { getAt } from '../model/access';
import type { Case, Service } from '../model/case';
import { fieldDef } from '../model/fields';
import type { Bilingual } from '../validate/types';
import type { Step } from './data';

/** The catalogue entry of a path or, for list items (`services.0.domains.1`), of the nearest listed parent. */
export function nearestDef(path: string, kind?: Service['kind']) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const def = fieldDef(parts.slice(0, n).join('.'), kind);
    if (def) return def;
  }
  return undefined;
}

const STEP_BY_ROOT: Record<string, Step> = {
  answers: 'pathway',
  subject: 'applicant',
  licence: 'applicant',
  plannedSubmissionOn: 'applicant',
  principal: 'people',
  legalRepresentative: 'people',
  contacts: 'people',
  services: 'services',
  personalData: 'documents',
};

export function stepOf(path: string, kind?: Service['kind']): Step {
  if (path.startsWith('attachments:')) return 'documents';
  if (path.startsWith('answers')) return 'pathway';
  return nearestDef(path, kind)?.step ?? STEP_BY_ROOT[path.split('.')[0] ?? ''] ?? 'applicant';
}

export function labelOf(path: string, kind?: Service['kind']): Bilingual {
  return nearestDef(path, kind)?.label ?? { en: path, 'zh-CN': path };
}

/** The kind of the service a `services.<i>…` path is in. */
export function serviceKindAt(caseData: Case, path: string): Service['kind'] | undefined {
  const index = /^services\.(\d+)/.exec(path)?.[1];
  return index === undefined ? undefined : caseData.services[Number(index)]?.kind;
}

/** How a row of each list is named: by what the user typed in it, else by its number. */
const ROWS: Record<string, { name?: string; en: string; zh: (n: number) => string }> = {
  services: { name: 'name', en: 'service', zh: (n) => `第${n}项服务` },
  'licence.staff': { name: 'name', en: 'staff member', zh: (n) => `第${n}名人员` },
  'subject.shareholders': { name: 'name', en: 'shareholder', zh: (n) => `第${n}名股东` },
  owners: { name: 'name', en: 'owner', zh: (n) => `第${n}名出资人` },
  'subject.formerNames': { name: 'name', en: 'former name', zh: (n) => `第${n}个原名称` },
  personalData: { name: 'item', en: 'item', zh: (n) => `第${n}项` },
  preApprovals: { en: 'pre-approval', zh: (n) => `第${n}项前置审批` },
  platforms: { en: 'platform', zh: (n) => `第${n}个平台` },
  contacts: { name: 'name', en: 'contact', zh: (n) => `第${n}名联系人` },
};

/**
 * The field's catalogue label with the rows it sits in: “Key staff: ID number (王强)”, “证件号码（王强）”.
 * A row is named by its name where it has one, else by its number.
 */
export function describeField(caseData: Case, path: string): Bilingual {
  const label = labelOf(path, serviceKindAt(caseData, path));
  const parts = path.split('.');
  const rows: Bilingual[] = [];
  parts.forEach((part, i) => {
    if (!/^\d+$/.test(part) || i === 0) return;
    const listPath = parts.slice(0, i).join('.');
    const row = ROWS[listPath] ?? ROWS[parts[i - 1] ?? ''];
    if (!row) return;
    const number = Number(part) + 1;
    const named = row.name ? getAt(caseData, `${listPath}.${part}.${row.name}`) : undefined;
    const name = typeof named === 'string' ? named.trim() : '';
    rows.push(name ? { en: name, 'zh-CN': name } : { en: `${row.en} ${number}`, 'zh-CN': row.zh(number) });
  });
  if (rows.length === 0) return label;
  return {
    en: `${label.en} (${rows.map((r) => r.en).join(', ')})`,
    'zh-CN': `${label['zh-CN']}（${rows.map((r) => r['zh-CN']).join('，')}）`,
  };
}
