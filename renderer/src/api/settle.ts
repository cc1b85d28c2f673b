import type { Result } from '../../../electron/contract';

/** A call's result, with a rejected call (the bridge gone, a thrown handler) reported as `internal`. */
export async function settle<T>(pending: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await pending;
  } catch {
    return { ok: false, code: 'internal' };
  }
}
