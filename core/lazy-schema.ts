/**
 * A zod schema built when it is first used, not when its module loads.
 *
 * Building a zod schema is not free: every `.min()`, `.max()` or `.strict()` clones the schema it is called on,
 * and the rule files' schemas hold hundreds of them. A run that never parses a rule file — `icp-packet check`
 * uses the rule data its build already checked (core/bundled-data.ts) — would otherwise build them all at
 * start-up for nothing (≈ 20 ms of a cold `check`, and the garbage they leave).
 *
 * The value stands in for the schema everywhere: `.parse`, `.safeParse`, `.extend`, `.nullable()`, nesting in
 * another schema, `instanceof` (zod's checks read `_zod`, which is forwarded) and `z.infer<typeof …>`. The
 * schema is built once, on the first property read.
 */
import type { z } from 'zod';

export function lazySchema<S extends z.ZodType>(build: () => S): S {
  let schema: S | undefined;
  const real = (): S => (schema ??= build());
  return new Proxy({} as S, {
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may not report a property as non-configurable when its (empty) target lacks it.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
