/**
 * What the app's scan handlers need from a reader: read one scan's bytes (with crops of each value), and be
 * able to stop. The app runs it in a worker thread (scan-worker.ts), so recognition never blocks the main
 * process; tests and the e2e bridge use the same reader in-process.
 */
import type { ScanKind, ScanReading } from '../../core/ocr/types';
import { ScanReader, fieldCrops } from './read-scan';

export interface ScanRequest {
  bytes: Uint8Array;
  kind?: ScanKind;
  today: string;
}

export interface ScanResponse {
  reading: ScanReading | undefined;
  rotation: 0 | 90 | 180 | 270;
  crops: Record<string, Uint8Array>;
}

export interface ScanPort {
  read(request: ScanRequest, signal?: AbortSignal): Promise<ScanResponse>;
  close(): Promise<void>;
}

/** A port that reads in this thread (tests, the e2e bridge, the worker itself). */
export function inProcessScanPort(resourcesDir: string): ScanPort {
  let reader: Promise<ScanReader> | undefined;
  return {
    async read(request, signal) {
      reader ??= ScanReader.create(resourcesDir);
      const result = await (
        await reader
      ).read(request.bytes, {
        today: request.today,
        ...(request.kind ? { kind: request.kind } : {}),
        ...(signal ? { signal } : {}),
      });
      const crops = result.reading
        ? await fieldCrops(request.bytes, result.page.rotation, result.reading.fields)
        : {};
      return { reading: result.reading, rotation: result.page.rotation, crops };
    },
    async close() {
      if (reader) await (await reader).release();
      reader = undefined;
    },
  };
}
