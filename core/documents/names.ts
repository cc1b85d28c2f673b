/**
 * How a person's name is printed in a document and on the portal sheet: as in the identity document the
 * person files with. A passport prints the Latin name (MUELLER ANNA); a Chinese name the person uses in
 * China stands beside it in brackets, so a reviewer can match the form to the passport scan at a glance.
 * Mainland and Hong Kong / Macao / Taiwan documents carry the Chinese name, which is printed as it is.
 */
import type { Person } from '../model/case';

const CJK = /[\u3400-\u9fff]/;

/** Identity documents whose holder's name is printed in Latin letters. */
const LATIN_NAME_DOCUMENTS: ReadonlySet<Person['idType']> = new Set(['passport']);

type NamedPerson = Pick<Person, 'name' | 'nameLatin' | 'idType'>;

/** The name exactly as the identity document prints it ('' when nothing is entered). */
export function idDocumentName(person: NamedPerson): string {
  const latin = person.nameLatin.trim();
  if (LATIN_NAME_DOCUMENTS.has(person.idType) && latin) return latin;
  return person.name.trim() || latin;
}

/** The Chinese name to print beside the document name, when the person has one and it differs. */
export function chineseNameBeside(person: NamedPerson): string {
  const name = person.name.trim();
  return name && CJK.test(name) && name !== idDocumentName(person) ? name : '';
}

/** 「MUELLER ANNA（安娜·穆勒）」 in Chinese text; the document name alone in English. */
export function printedName(person: NamedPerson, lang: 'zh' | 'en'): string {
  const documentName = idDocumentName(person);
  if (lang === 'en') return person.nameLatin.trim() || documentName;
  const beside = chineseNameBeside(person);
  return beside ? `${documentName}（${beside}）` : documentName;
}
