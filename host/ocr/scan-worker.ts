/**
 * The worker thread the app reads scans in (bundled as dist/electron/scan-worker.cjs). It keeps one reader
 * with its models loaded; messages are `{ id, request }` to read and `{ cancel: id }` to stop, answered with
 * `{ id, response }` or `{ id, error, cancelled }`. The resources folder comes in as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError, UnreadableImageError } from './errors';
import { inProcessScanPort, type ScanRequest } from './scan-port';

const port = inProcessScanPort((workerData as { resourcesDir: string }).resourcesDir);
const running = new Map<number, AbortController>();

parentPort?.on('message', (message: { id: number; request: ScanRequest } | { cancel: number }) => {
  if ('cancel' in message) {
    running.get(message.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  port
    .read(message.request, controller.signal)
    .then((response) => parentPort?.postMessage({ id: message.id, response }))
    .catch((error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
        cancelled: error instanceof CancelledError,
        unreadable: error instanceof UnreadableImageError,
      }),
    )
    .finally(() => running.delete(message.id));
});
