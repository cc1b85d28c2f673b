/**
 * uprightTurnOf, the look at a scan's text that attachment:add waits for: it answers a clear turn, and
 * never holds the attach — not when the reader fails, is stopped, or never answers at all.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ORIENTATION_TIMEOUT_MS, uprightTurnOf, type ScanPort } from '../../../host/ocr/scan-port';

afterEach(() => {
  vi.useRealTimers();
});

function port(orient: ScanPort['orient']): ScanPort {
  return { orient, read: () => Promise.reject(new Error('not here')), close: async () => undefined };
}

describe('uprightTurnOf', () => {
  it('gives up on a reader that never answers, stopping it, and lets the attach go on', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    // A stuck reader: it takes the request and never answers, not even its cancel.
    const stuck = port((_bytes, signal) => {
      if (signal) signals.push(signal);
      return new Promise(() => undefined);
    });
    let answer: unknown = 'none yet';
    void uprightTurnOf(stuck, new Uint8Array([1])).then((turn) => (answer = turn));
    await vi.advanceTimersByTimeAsync(ORIENTATION_TIMEOUT_MS - 1);
    expect(answer).toBe('none yet');
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toBeUndefined();
    expect(signals[0]?.aborted).toBe(true);
  });

  it('answers a clear turn, and nothing for too few lines, a failure, or a look stopped by the caller', async () => {
    expect(
      await uprightTurnOf(
        port(async () => ({ rotation: 90, lines: 9 })),
        new Uint8Array([1]),
      ),
    ).toBe(90);
    expect(
      await uprightTurnOf(
        port(async () => ({ rotation: 180, lines: 2 })),
        new Uint8Array([1]),
      ),
    ).toBe(undefined);
    expect(
      await uprightTurnOf(
        port(() => {
          throw new Error('models missing');
        }),
        new Uint8Array([1]),
      ),
    ).toBe(undefined);
    const caller = new AbortController();
    const stoppable = port(
      (_bytes, signal) =>
        new Promise((_resolve, reject) => {
          if (signal?.aborted) reject(new Error('stopped'));
          signal?.addEventListener('abort', () => reject(new Error('stopped')));
        }),
    );
    const looking = uprightTurnOf(stoppable, new Uint8Array([1]), caller.signal);
    caller.abort();
    expect(await looking).toBe(undefined);
  });
});
