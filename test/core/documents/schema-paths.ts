/**
 * Walks a zod schema along a template's bind path (`services[].name`), through defaults, optionals and unions:
 * how the template contract tests check that a template binds only fields the case model has.
 */
import type { z } from 'zod';

export type Schema = z.ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  getter?: () => Schema;
}
const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (
      def.innerType &&
      ['default', 'nullable', 'optional', 'prefault', 'readonly', 'catch'].includes(def.type)
    ) {
      current = def.innerType;
    } else if (def.type === 'lazy' && def.getter) {
      current = def.getter();
    } else {
      return current;
    }
  }
}

/** The schemas a bind path reaches (several through a union); empty when the model lacks the path. */
export function schemasAt(root: Schema, bindPath: string): Schema[] {
  const steps = bindPath
    .split('.')
    .flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part]));
  let current = [root];
  for (const step of steps) {
    current = current.flatMap((schema) => {
      const def = defOf(unwrap(schema));
      if (def.type === 'union') return (def.options ?? []).flatMap((o) => next(o, step));
      return next(schema, step);
    });
  }
  return current;

  function next(schema: Schema, step: string): Schema[] {
    const def = defOf(unwrap(schema));
    if (def.type === 'union') return (def.options ?? []).flatMap((o) => next(o, step));
    if (step === '[]') return def.type === 'array' && def.element ? [def.element] : [];
    if (def.type === 'object' && def.shape && step in def.shape) return [def.shape[step] as Schema];
    return [];
  }
}
