/**
 * The scan reader in this thread, behind the {@link ScanPort} interface: the worker thread runs it
 * (scan-worker.ts), and so do tests and the e2e bridge.
 */
import { CancelledError } from './errors';
import { ScanReader, fieldCrops } from './read-scan';
import type { ScanPort } from './scan-port';

/**
 * A port that works in this thread (tests, the e2e bridge, the worker itself). One request at a time: the
 * models' sessions are not re-entrant, and a second page would only slow the first.
 */
export function inProcessScanPort(resourcesDir: string): ScanPort {
  let reader: Promise<ScanReader> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const open = () => {
    reader ??= ScanReader.create(resourcesDir);
    // A reader that failed to load is tried again on the next request.
    reader.catch(() => (reader = undefined));
    return reader;
  };
  return {
    read: (request, signal) =>
      serial(async () => {
        if (signal?.aborted) throw new CancelledError();
        const result = await (
          await open()
        ).read(request.bytes, {
          today: request.today,
          ...(request.kind ? { kind: request.kind } : {}),
          ...(signal ? { signal } : {}),
        });
        const crops = result.reading
          ? await fieldCrops(result.image, result.page.rotation, result.reading.fields)
          : {};
        return { reading: result.reading, rotation: result.page.rotation, crops };
      }),
    orient: (bytes, signal) =>
      serial(async () => {
        if (signal?.aborted) throw new CancelledError();
        return (await open()).orient(bytes, signal);
      }),
    close: () =>
      serial(async () => {
        const loaded = reader;
        reader = undefined;
        if (loaded) await (await loaded).release();
      }),
  };
}
