/**
 * Reading and writing a case by its dotted field path (`services.0.principal.mobile`), the same paths the
 * field catalogue, the pre-flight issues, the checklist's validity fields, the document templates and the
 * portal sheet use: every reader of a case path goes through {@link getAt}. Writes copy along the path, so the
 * old case is untouched (React sees a new one).
 */
import type { Case } from './case';

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** The value at `path`, or `undefined` when any step is missing or not an object. */
export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (!isContainer(node)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

function setIn(node: unknown, keys: readonly string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (Array.isArray(node)) {
    const copy = [...(node as unknown[])];
    copy[Number(key)] = setIn(copy[Number(key)], rest, value);
    return copy;
  }
  const record = isContainer(node) ? (node as Record<string, unknown>) : {};
  return { ...record, [key]: setIn(record[key], rest, value) };
}

export function setAt(root: Case, path: string, value: unknown): Case {
  return setIn(root, path.split('.'), value) as Case;
}
