/**
 * The set of field paths a case can hold, read from the zod schema itself, so that the field catalogue,
 * the templates and the portal sheet can be checked against the model: a path that the model drops fails
 * a test instead of printing an empty line in a document.
 *
 * Paths are dotted, with `*` for any array index: `services.*.principal.mobile`.
 */
import type { z } from 'zod';
import { CaseSchema } from './case';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function collect(schema: z.ZodType, prefix: string, out: Set<string>): void {
  const def = defOf(schema);
  if (prefix) out.add(prefix);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {}))
        collect(child, prefix ? `${prefix}.${key}` : key, out);
      return;
    case 'array':
      if (def.element) collect(def.element, `${prefix}.*`, out);
      return;
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      if (def.innerType) collect(def.innerType, prefix, out);
      return;
    case 'pipe':
      if (def.in) collect(def.in, prefix, out);
      return;
    case 'union':
      for (const option of def.options ?? []) collect(option, prefix, out);
      return;
    default:
      return;
  }
}

let cached: ReadonlySet<string> | undefined;

/** Every path of the case model, containers included (`subject`, `services.*`, `services.*.domains.*`). */
export function caseModelPaths(): ReadonlySet<string> {
  cached ??= (() => {
    const out = new Set<string>();
    collect(CaseSchema, '', out);
    return out;
  })();
  return cached;
}

/** Turns a concrete path (`services.0.appId`) into its model pattern (`services.*.appId`). */
export function toPattern(path: string): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? '*' : part))
    .join('.');
}

export function isCaseModelPath(path: string): boolean {
  return caseModelPaths().has(toPattern(path));
}
