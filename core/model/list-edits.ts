/**
 * Removing and reordering rows of a list in the case (services, personal-data rows, shareholders, staff,
 * app platforms …) while keeping what is keyed by a row's concrete path on the right row.
 *
 * The English meanings the user types beside Chinese free text live in `case.englishMeanings`, keyed by
 * the field's concrete path (`services.1.contentDescription`). When row 0 of `services` is removed, row 1
 * becomes row 0: its meanings must move with it, and row 0's must go, or the review copy prints one
 * service's English under another's Chinese. Pure: a case in, a new case out.
 */
import { getAt, setAt } from './access';
import type { Case } from './case';

/** The list at `path`, or undefined when there is none. */
function listAt(root: unknown, path: string): unknown[] | undefined {
  const node = getAt(root, path);
  return Array.isArray(node) ? node : undefined;
}

/**
 * Path-keyed entries after the rows of the list at `listPath` were rearranged: `order[i]` is the old index
 * of the row now at index i. Entries of rows not in `order` (removed) are dropped; entries outside the list
 * are kept as they are. Works for nested lists (`services.2.platforms`) and for rows inside moved rows.
 */
export function remapRowKeys<T>(
  entries: Readonly<Record<string, T>>,
  listPath: string,
  order: readonly number[],
): Record<string, T> {
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const prefix = `${listPath}.`;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (!key.startsWith(prefix)) {
      out[key] = value;
      continue;
    }
    const rest = key.slice(prefix.length);
    const match = /^(\d+)(\..*)?$/.exec(rest);
    if (!match) {
      out[key] = value;
      continue;
    }
    const moved = newIndex.get(Number(match[1]));
    if (moved !== undefined) out[`${prefix}${moved}${match[2] ?? ''}`] = value;
  }
  return out;
}

/** The case with the rows of `listPath` in `order` (old indices), English meanings following their rows. */
export function reorderListRows(caseData: Case, listPath: string, order: readonly number[]): Case {
  const rows = listAt(caseData, listPath);
  if (!rows) return caseData;
  const valid = order.filter((i) => Number.isInteger(i) && i >= 0 && i < rows.length);
  const next = setAt(
    caseData,
    listPath,
    valid.map((i) => rows[i]),
  );
  return { ...next, englishMeanings: remapRowKeys(caseData.englishMeanings, listPath, valid) };
}

/** The case without row `index` of the list at `listPath`; later rows keep their English meanings. */
export function removeListRow(caseData: Case, listPath: string, index: number): Case {
  const rows = listAt(caseData, listPath);
  if (!rows || index < 0 || index >= rows.length) return caseData;
  return reorderListRows(
    caseData,
    listPath,
    rows.map((_, i) => i).filter((i) => i !== index),
  );
}

/** The case with row `from` of the list at `listPath` moved to position `to`. */
export function moveListRow(caseData: Case, listPath: string, from: number, to: number): Case {
  const rows = listAt(caseData, listPath);
  if (!rows || from < 0 || from >= rows.length || to < 0 || to >= rows.length || from === to) return caseData;
  const order = rows.map((_, i) => i).filter((i) => i !== from);
  order.splice(to, 0, from);
  return reorderListRows(caseData, listPath, order);
}
