/**
 * Helpers that turn a handler body into a contract {@link Result}: the payload is parsed with zod first,
 * and anything thrown becomes `{ ok: false, code }` — a handler never throws across the bridge.
 */
import type { z } from 'zod';
import type { ErrorCode, Result } from '../contract';

/** An error a handler throws on purpose, carrying the code the renderer translates. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, string | number | boolean>,
  ) {
    super(code);
  }
}

export function fail(code: ErrorCode, details?: Record<string, string | number | boolean>): Result<never> {
  return details ? { ok: false, code, details } : { ok: false, code };
}

/** The error behind each `internal` result, for main's log; it never crosses the bridge. */
const internalCauses = new WeakMap<object, unknown>();

/** What made a handler answer `internal` (for the log), if this result is one. */
export function internalCauseOf(result: Result<unknown>): unknown {
  return internalCauses.get(result);
}

function errorToResult(error: unknown): Result<never> {
  if (error instanceof HandlerError) return fail(error.code, error.details);
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return fail('diskFull');
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return fail('ioFailed', { errno });
  const result = fail('internal');
  internalCauses.set(result, error);
  return result;
}

/**
 * Wraps a handler: `payload` stays `unknown` until `schema` parses it; the body's result or error
 * is turned into a Result.
 */
export function handle<S extends z.ZodType, T>(
  schema: S,
  body: (request: z.infer<S>) => Promise<T> | T,
): (payload: unknown) => Promise<Result<T>> {
  return async (payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail('invalidPayload', {
        path: first ? first.path.join('.') : '',
        reason: first?.code ?? 'invalid',
      });
    }
    try {
      return { ok: true, value: await body(parsed.data) };
    } catch (error) {
      return errorToResult(error);
    }
  };
}
