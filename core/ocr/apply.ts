/**
 * Where values read off a scan go in the case, and putting the ones the user confirmed there. Which person a
 * scan belongs to follows from the checklist item it is attached to: the subject's certificate (the business
 * licence), the person in charge's, the legal representative's or a service's person in charge's ID card or
 * passport. Nothing is written that the user did not confirm.
 */
import type { Case, Person } from '../model/case';
import { PrincipalSchema } from '../model/case';
import { linkPrincipal } from '../model/principal';
import { NO_END } from './labels';
import type { ScanKind } from './types';

export type PersonRef =
  { role: 'principal' } | { role: 'legalRepresentative' } | { role: 'servicePrincipal'; serviceId: string };

export interface ScanTarget {
  kind: ScanKind;
  /** The person an ID card or passport belongs to. */
  person?: PersonRef;
}

const PERSON_ENTRIES: Readonly<Record<string, PersonRef['role']>> = {
  principal: 'principal',
  'legal-rep': 'legalRepresentative',
  'service-principal': 'servicePrincipal',
};

/** The document and person a checklist item's scan is, or undefined when the reader does not read it. */
export function scanTargetOf(c: Case, checklistItemId: string): ScanTarget | undefined {
  const [entryId = '', suffix = ''] = checklistItemId.split('@');
  if (entryId === 'subject-certificate')
    return c.subject.certificateType === 'business_licence' ? { kind: 'business_licence' } : undefined;
  const match = /^(principal|legal-rep|service-principal)-(id-front|id-back|passport)$/.exec(entryId);
  if (!match) return undefined;
  const role = PERSON_ENTRIES[match[1]!]!;
  const kind: ScanKind =
    match[2] === 'id-front' ? 'id_card_front' : match[2] === 'id-back' ? 'id_card_back' : 'passport';
  if (role === 'servicePrincipal') {
    if (!c.services.some((s) => s.id === suffix)) return undefined;
    return { kind, person: { role, serviceId: suffix } };
  }
  return { kind, person: { role } };
}

/**
 * Whose record a person's values go to: the legal representative's are the principal's while the principal
 * is linked to the legal representative (the case then keeps one set of details, the principal's, and copies
 * it over the legal representative's on every change — a value written to the copy would be lost).
 */
function recordOf(c: Case, person: PersonRef): PersonRef {
  return person.role === 'legalRepresentative' && c.principal.isLegalRepresentative
    ? { role: 'principal' }
    : person;
}

/** The case path of a person, for the field catalogue's labels (`services.*.principal` for a service's). */
export function personPath(c: Case, person: PersonRef): string {
  if (person.role !== 'servicePrincipal') return recordOf(c, person).role;
  return `services.${c.services.findIndex((s) => s.id === person.serviceId)}.principal`;
}

/**
 * The case field each read field lands in (a concrete path such as `subject.name` or
 * `services.0.principal.idNumber`), or undefined when the case keeps no such field (a licence's company
 * type, an ID card's address and issuing authority, a date of birth): those are shown for reference only.
 */
export function scanFieldPath(c: Case, target: ScanTarget, key: string): string | undefined {
  if (target.kind === 'business_licence') {
    const paths: Record<string, string> = {
      name: 'subject.name',
      uscc: 'subject.certificateNumber',
      legalRepresentative: `${personPath(c, { role: 'legalRepresentative' })}.name`,
      registeredCapital: 'subject.registeredCapitalCny',
      establishedOn: 'subject.establishedOn',
      validTo: 'subject.certificateValidTo',
      address: 'subject.certificateAddress',
      businessScope: 'subject.businessScope',
    };
    return paths[key];
  }
  if (!target.person) return undefined;
  const person = personPath(c, target.person);
  const fields: Record<string, string> =
    target.kind === 'id_card_front'
      ? { name: 'name', idNumber: 'idNumber' }
      : target.kind === 'id_card_back'
        ? { validFrom: 'idValidFrom', validTo: 'idValidTo' }
        : {
            surname: 'nameLatin',
            givenNames: 'nameLatin',
            number: 'idNumber',
            nationality: 'nationality',
            expiryDate: 'idValidTo',
          };
  const field = fields[key];
  return field ? `${person}.${field}` : undefined;
}

/** 人民币500万元整 → 5,000,000 yuan; undefined for another currency or a figure that cannot be read. */
export function capitalInYuan(text: string): number | undefined {
  const s = text.normalize('NFKC').replace(/[,，\s]/g, '');
  if (/美元|欧元|港元|港币|日元|英镑|USD|EUR|HKD/i.test(s)) return undefined;
  const match = /(\d+(?:\.\d+)?)(亿|万)?元/.exec(s);
  if (!match) return undefined;
  const scale = match[2] === '亿' ? 100_000_000 : match[2] === '万' ? 10_000 : 1;
  return Math.round(Number(match[1]) * scale);
}

/** ICAO nationality codes (Doc 9303-3) → ISO 3166-1 alpha-2, for the passports foreign applicants hold most. */
const ICAO_TO_ISO2: Readonly<Record<string, string>> = {
  D: 'DE',
  CHN: 'CN',
  USA: 'US',
  GBR: 'GB',
  FRA: 'FR',
  ITA: 'IT',
  ESP: 'ES',
  NLD: 'NL',
  BEL: 'BE',
  CHE: 'CH',
  AUT: 'AT',
  SWE: 'SE',
  NOR: 'NO',
  DNK: 'DK',
  FIN: 'FI',
  IRL: 'IE',
  PRT: 'PT',
  POL: 'PL',
  CZE: 'CZ',
  GRC: 'GR',
  CAN: 'CA',
  AUS: 'AU',
  NZL: 'NZ',
  JPN: 'JP',
  KOR: 'KR',
  SGP: 'SG',
  MYS: 'MY',
  THA: 'TH',
  IND: 'IN',
  IDN: 'ID',
  PHL: 'PH',
  VNM: 'VN',
  HKG: 'HK',
  MAC: 'MO',
  TWN: 'TW',
  RUS: 'RU',
  TUR: 'TR',
  ISR: 'IL',
  ARE: 'AE',
  SAU: 'SA',
  BRA: 'BR',
  MEX: 'MX',
  ARG: 'AR',
  ZAF: 'ZA',
  LUX: 'LU',
  HUN: 'HU',
  ROU: 'RO',
  UKR: 'UA',
};

export function iso2OfIcao(code: string): string | undefined {
  return ICAO_TO_ISO2[code.replace(/<+$/, '')];
}

/**
 * Why a confirmed value cannot be written as it stands (the user then types it in the field itself):
 * `legalRepIsOtherPerson` — the licence names a legal representative other than the person in charge the
 * case says is the legal representative; writing it would rename that person and keep their ID.
 */
export type ApplyProblem = 'capitalNotRmb' | 'unknownNationality' | 'legalRepIsOtherPerson';

/** Whether a value can be written to its field in case `c`; the problem when it cannot. */
export function applyProblem(
  c: Case,
  target: ScanTarget,
  key: string,
  value: string,
): ApplyProblem | undefined {
  if (target.kind === 'business_licence' && key === 'registeredCapital' && capitalInYuan(value) === undefined)
    return 'capitalNotRmb';
  if (
    target.kind === 'business_licence' &&
    key === 'legalRepresentative' &&
    c.principal.isLegalRepresentative &&
    c.principal.name.trim() !== '' &&
    c.principal.name.trim() !== value.trim()
  )
    return 'legalRepIsOtherPerson';
  if (target.kind === 'passport' && key === 'nationality' && iso2OfIcao(value) === undefined)
    return 'unknownNationality';
  return undefined;
}

function setPerson(c: Case, person: PersonRef, change: (p: Person) => Person): Case {
  const ref = recordOf(c, person);
  if (ref.role === 'principal') {
    // Linked first, so that details only the legal representative's record held are not dropped.
    const linked = linkPrincipal(c);
    return linkPrincipal({ ...linked, principal: { ...linked.principal, ...change(linked.principal) } });
  }
  if (ref.role === 'legalRepresentative') return { ...c, legalRepresentative: change(c.legalRepresentative) };
  return {
    ...c,
    services: c.services.map((s) => {
      if (s.id !== ref.serviceId) return s;
      // A service whose person in charge was "the subject's" gets its own, from this scan.
      const principal = s.principal ?? PrincipalSchema.parse({ isLegalRepresentative: false });
      return { ...s, principal: { ...principal, ...change(principal) } };
    }),
  };
}

/**
 * The case with the confirmed values written to their fields. `values` holds only what the user accepted
 * (possibly edited); a value with an {@link applyProblem} or without a field is left out.
 */
export function applyScanFields(c: Case, target: ScanTarget, values: Readonly<Record<string, string>>): Case {
  const has = (key: string) => values[key] !== undefined && scanFieldPath(c, target, key) !== undefined;
  const usable = (key: string) => has(key) && applyProblem(c, target, key, values[key]!) === undefined;
  if (target.kind === 'business_licence') {
    const subject = { ...c.subject };
    if (usable('name')) subject.name = values.name!;
    if (usable('uscc')) {
      subject.certificateNumber = values.uscc!;
      subject.certificateType = 'business_licence';
    }
    if (usable('registeredCapital'))
      subject.registeredCapitalCny = capitalInYuan(values.registeredCapital!) ?? null;
    if (usable('establishedOn')) subject.establishedOn = values.establishedOn!;
    if (usable('validTo')) {
      const longTerm = values.validTo === NO_END;
      subject.certificateLongTerm = longTerm;
      subject.certificateValidTo = longTerm ? '' : values.validTo!;
    }
    if (usable('address')) subject.certificateAddress = values.address!;
    if (usable('businessScope')) subject.businessScope = values.businessScope!;
    const next = { ...c, subject };
    return usable('legalRepresentative')
      ? setPerson(next, { role: 'legalRepresentative' }, (p) => ({
          ...p,
          name: values.legalRepresentative!,
        }))
      : next;
  }
  const ref = target.person;
  if (!ref) return c;
  return setPerson(c, ref, (p) => {
    const next = { ...p };
    if (target.kind === 'id_card_front') {
      if (usable('name')) next.name = values.name!;
      if (usable('idNumber')) {
        next.idNumber = values.idNumber!;
        next.idType = 'resident_id';
        next.nationality = next.nationality || 'CN';
      }
    } else if (target.kind === 'id_card_back') {
      if (usable('validFrom')) next.idValidFrom = values.validFrom!;
      if (usable('validTo')) {
        next.idLongTerm = values.validTo === NO_END;
        next.idValidTo = next.idLongTerm ? '' : values.validTo!;
      }
    } else {
      // The passport's name as its data page prints it: surname first (PersonSchema.nameLatin).
      const surname = usable('surname') ? values.surname! : '';
      const given = usable('givenNames') ? values.givenNames! : '';
      if (surname || given) {
        const [oldSurname = '', ...oldGiven] = p.nameLatin.split(' ');
        next.nameLatin = `${surname || oldSurname} ${given || oldGiven.join(' ')}`.trim();
      }
      if (usable('number')) {
        next.idNumber = values.number!;
        next.idType = 'passport';
      }
      if (usable('nationality')) next.nationality = iso2OfIcao(values.nationality!) ?? next.nationality;
      if (usable('expiryDate')) {
        next.idValidTo = values.expiryDate!;
        next.idLongTerm = false;
      }
    }
    return next;
  });
}
