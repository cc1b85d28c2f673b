/**
 * Field-level changes between two versions of a case: what the history log records (time, path, old, new)
 * and what undo applies backwards. Pure functions over plain JSON.
 */

export type ChangePath = (string | number)[];

/** One changed value. `old` or `new` is absent when the field did not exist on that side. */
export interface FieldChange {
  path: ChangePath;
  old?: unknown;
  new?: unknown;
}

/** Fields that change on every save and carry no user edit. */
const IGNORED_TOP_LEVEL = new Set(['updatedAt']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function change(path: ChangePath, before: unknown, after: unknown): FieldChange {
  const c: FieldChange = { path };
  if (before !== undefined) c.old = before;
  if (after !== undefined) c.new = after;
  return c;
}

function walk(before: unknown, after: unknown, path: ChangePath, out: FieldChange[]): void {
  if (deepEqual(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (path.length === 0 && IGNORED_TOP_LEVEL.has(key)) continue;
      walk(before[key], after[key], [...path, key], out);
    }
    return;
  }
  // Same-length arrays are compared item by item (an edited person, a changed domain); a list that grew or
  // shrank is recorded whole, so undo restores it exactly without index bookkeeping.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => walk(item, after[i], [...path, i], out));
    return;
  }
  out.push(change(path, before, after));
}

/** The changes that turn `before` into `after`, leaf by leaf. */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out;
}

function setAt(root: unknown, path: ChangePath, value: unknown, present: boolean): unknown {
  if (path.length === 0) return present ? structuredClone(value) : undefined;
  const [head, ...rest] = path as [string | number, ...ChangePath];
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : isPlainObject(root)
      ? { ...root }
      : typeof head === 'number'
        ? []
        : {};
  const next = setAt((container as Record<string | number, unknown>)[head], rest, value, present);
  if (next === undefined && rest.length === 0 && !Array.isArray(container)) {
    delete (container as Record<string | number, unknown>)[head];
  } else {
    (container as Record<string | number, unknown>)[head] = next;
  }
  return container;
}

/** `doc` with every change put back to its `old` value (a change without `old` removes the field). */
export function revertChanges<T>(doc: T, changes: readonly FieldChange[]): T {
  let out: unknown = doc;
  for (const c of [...changes].reverse()) out = setAt(out, c.path, c.old, 'old' in c);
  return out as T;
}
