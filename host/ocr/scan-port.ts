/**
 * What the app's handlers need from a scan reader: read one scan's bytes (with crops of each value), tell
 * which way up a scan is, and be able to stop. The app runs it in a worker thread (scan-worker-client.ts),
 * so recognition never blocks the main process; tests and the e2e bridge use the same reader in-process
 * (in-process-port.ts). This module is light on purpose: the main process imports it, never the recogniser.
 */
import type { ScanKind, ScanReading } from '../../core/ocr/types';
import type { QuarterTurn } from './raster';

export interface ScanRequest {
  /** A JPEG, PNG or scanned PDF. */
  bytes: Uint8Array;
  kind?: ScanKind;
  today: string;
}

export interface ScanResponse {
  reading: ScanReading | undefined;
  rotation: QuarterTurn;
  crops: Record<string, Uint8Array>;
}

export interface Orientation {
  /** Degrees the scan must be turned clockwise to be upright. */
  rotation: QuarterTurn;
  /** Lines of text it was judged on: with none, there was nothing to tell by (rotation 0). */
  lines: number;
}

export interface ScanPort {
  read(request: ScanRequest, signal?: AbortSignal): Promise<ScanResponse>;
  orient(bytes: Uint8Array, signal?: AbortSignal): Promise<Orientation>;
  close(): Promise<void>;
}

/** Fewer lines of text than this are too few to call a page sideways by (a photo, a stamp). */
export const MIN_ORIENTATION_LINES = 3;

/**
 * Longest an attach waits for the look at a scan's text. The first look after the app starts loads the
 * models (9–16 s measured on a loaded 2-core machine); a reader stuck for longer must not hold the attach.
 */
export const ORIENTATION_TIMEOUT_MS = 30_000;

/**
 * The quarter turn a scan needs to be upright, when its text says so clearly; undefined when it is upright,
 * has too little text to tell, cannot be looked at, or the look was stopped or took longer than
 * {@link ORIENTATION_TIMEOUT_MS} (the store then judges the file on its own). Never rejects.
 */
export async function uprightTurnOf(
  port: ScanPort,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<90 | 180 | 270 | undefined> {
  const stop = new AbortController();
  const stopLooking = () => stop.abort();
  if (signal?.aborted) stop.abort();
  signal?.addEventListener('abort', stopLooking, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Not only a cancel message: a reader that never answers it is given up on all the same.
  const givenUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      stop.abort();
      resolve(undefined);
    }, ORIENTATION_TIMEOUT_MS);
  });
  try {
    const looked = Promise.resolve()
      .then(() => port.orient(bytes, stop.signal))
      .then(
        ({ rotation, lines }) => (rotation !== 0 && lines >= MIN_ORIENTATION_LINES ? rotation : undefined),
        () => undefined,
      );
    return await Promise.race([looked, givenUp]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stopLooking);
  }
}
