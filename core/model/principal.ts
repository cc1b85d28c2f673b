/**
 * The subject's person in charge (主体负责人) and the legal representative (法定代表人) are often one person.
 * Then the case holds one set of details: the principal's, and the legal representative's record is kept as
 * an exact copy of it, so the pre-flight, the documents and the packet all read the same data and the user
 * fixes a field (an expiry date, a mobile number) once.
 */
import { PersonSchema, type Case, type Person } from './case';

/** The fields of a natural person that the principal and the legal representative share. */
export const PERSON_KEYS = Object.keys(PersonSchema.shape) as (keyof Person)[];

function personOf(source: Person): Person {
  return Object.fromEntries(PERSON_KEYS.map((key) => [key, source[key]])) as unknown as Person;
}

function hasDetails(person: Person): boolean {
  return PERSON_KEYS.some((key) => {
    const value = person[key];
    return typeof value === 'string' && key !== 'idType' && value.trim() !== '';
  });
}

function samePerson(a: Person, b: Person): boolean {
  return PERSON_KEYS.every((key) => a[key] === b[key]);
}

/**
 * The case with the principal linked to the legal representative when `principal.isLegalRepresentative`:
 * the principal's details, copied to the legal representative. A principal with no details yet (a case
 * whose legal representative was entered first) takes the legal representative's instead, so nothing
 * typed is dropped. Returns the same object when nothing changes.
 */
export function linkPrincipal(c: Case): Case {
  if (!c.principal.isLegalRepresentative) return c;
  const source =
    hasDetails(c.principal) || !hasDetails(c.legalRepresentative) ? c.principal : c.legalRepresentative;
  const person = personOf(source);
  if (samePerson(person, c.principal) && samePerson(person, c.legalRepresentative)) return c;
  return {
    ...c,
    principal: { ...c.principal, ...person },
    legalRepresentative: { ...c.legalRepresentative, ...person },
  };
}

const compactId = (id: string) => id.normalize('NFKC').replace(/[\s-]/gu, '').toUpperCase();
const compactName = (name: string) =>
  name
    .normalize('NFKC')
    .replace(/[\s·・.,，]/gu, '')
    .toLowerCase();

/**
 * Whether two records describe the same natural person, as a reviewer tells: by the ID number when both
 * have one, else by the name (Chinese or as in the passport) when both have one. `null` when neither can
 * tell — nothing entered yet.
 */
export function sameIdentity(a: Person, b: Person): boolean | null {
  const idA = compactId(a.idNumber);
  const idB = compactId(b.idNumber);
  if (idA && idB) return idA === idB;
  const names = (p: Person) => [p.name, p.nameLatin].map(compactName).filter(Boolean);
  const namesA = names(a);
  const namesB = names(b);
  if (namesA.length === 0 || namesB.length === 0) return null;
  return namesA.some((n) => namesB.includes(n));
}

/**
 * Whether ticking "the person in charge is also the legal representative" would drop details: both records
 * hold details and they differ. The user then chooses whose details to keep ({@link linkKeeping}).
 */
export function linkingDropsDetails(c: Case): boolean {
  if (c.principal.isLegalRepresentative) return false;
  return (
    hasDetails(c.principal) &&
    hasDetails(c.legalRepresentative) &&
    !samePerson(personOf(c.principal), personOf(c.legalRepresentative))
  );
}

/** The case with the principal linked to the legal representative, keeping the details the user chose. */
export function linkKeeping(c: Case, keep: 'principal' | 'legalRepresentative'): Case {
  const person = personOf(keep === 'principal' ? c.principal : c.legalRepresentative);
  return {
    ...c,
    principal: { ...c.principal, ...person, isLegalRepresentative: true },
    legalRepresentative: { ...c.legalRepresentative, ...person },
  };
}
