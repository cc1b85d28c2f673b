/**
 * The bounds of the case schema (case.ts), read from the schema itself so they are stated once: how many
 * items a list may hold (the forms stop offering "Add" there), and a walk over every node for the test that
 * keeps every string, list and map bounded and every object strict.
 */
import * as z from 'zod';
import { CaseSchema } from './case';

type Node = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: Node;
  element?: Node;
  shape?: Record<string, Node>;
  options?: Node[];
  catchall?: Node;
  keyType?: Node;
  valueType?: Node;
  in?: Node;
  out?: Node;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (node: Node): Def => (node as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under defaults, optionals and nullables; a pipe (a pre-check, then the schema) gives its end. */
export function unwrapSchema(node: Node): Node {
  let current = node;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.out) current = def.out;
    else return current;
  }
}

/** The `maxEntries` a map's schema declares (case.ts textMap), looked up on it or on the pipe around it. */
export function maxEntriesOf(node: Node): number | undefined {
  let current: Node | undefined = node;
  while (current) {
    const meta = z.globalRegistry.get(current as z.ZodType) as { maxEntries?: unknown } | undefined;
    if (typeof meta?.maxEntries === 'number') return meta.maxEntries;
    const def = defOf(current);
    current = def.innerType ?? (def.type === 'pipe' ? def.out : undefined);
  }
  return undefined;
}

/** The `max_length` check of a string or array schema, if it has one. */
export function maxLengthOf(node: Node): number | undefined {
  const checks = defOf(node).checks ?? [];
  const max = checks
    .map((c) => c._zod.def)
    .filter((d) => d.check === 'max_length' && typeof d.maximum === 'number')
    .map((d) => d.maximum as number);
  return max.length ? Math.min(...max) : undefined;
}

/** The schema of the child `segment` (a key, or `*` / an index for a list item); union options are searched. */
function childOf(node: Node, segment: string): Node | undefined {
  const inner = unwrapSchema(node);
  const def = defOf(inner);
  if (def.type === 'array') return /^(\*|\d+)$/.test(segment) ? def.element : undefined;
  if (def.type === 'object') return def.shape?.[segment];
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const found = childOf(option, segment);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The most items the list at `path` (`subject.shareholders`, `services.0.domains`, `services.*.domains`) may
 * hold, or undefined when the path is not a bounded list of the case.
 */
export function maxItemsAt(path: string): number | undefined {
  let node: Node | undefined = CaseSchema;
  for (const segment of path.split('.')) {
    if (!node) return undefined;
    node = childOf(node, segment);
  }
  if (!node) return undefined;
  const list = unwrapSchema(node);
  return defOf(list).type === 'array' ? maxLengthOf(list) : undefined;
}

/** Every node of a schema with its path (`*` for list items, `{}` for map values); each union option too. */
export function* walkSchema(
  node: Node,
  path = '',
): Generator<{ path: string; node: Node; type: string; maxEntries?: number }> {
  const inner = unwrapSchema(node);
  const def = defOf(inner);
  const maxEntries = maxEntriesOf(node);
  yield { path, node: inner, type: def.type, ...(maxEntries === undefined ? {} : { maxEntries }) };
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (def.type === 'object')
    for (const [key, child] of Object.entries(def.shape ?? {})) yield* walkSchema(child, at(key));
  if (def.type === 'array' && def.element) yield* walkSchema(def.element, at('*'));
  if (def.type === 'union') for (const option of def.options ?? []) yield* walkSchema(option, path);
  if (def.type === 'record') {
    if (def.keyType) yield* walkSchema(def.keyType, at('{key}'));
    if (def.valueType) yield* walkSchema(def.valueType, at('{}'));
  }
}

/** Whether an object schema refuses unknown keys (z.strictObject). */
export function isStrictObject(node: Node): boolean {
  return defOf(node).catchall !== undefined && defOf(defOf(node).catchall as Node).type === 'never';
}
