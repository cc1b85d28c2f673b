/**
 * The worker thread the app reads scans in (bundled as dist/electron/scan-worker.cjs). It keeps one reader
 * with its models loaded and works on one request at a time. Messages: `{ id, read: ScanRequest }`,
 * `{ id, orient: bytes }`, and `{ cancel: id }` to stop one; answered with `{ id, value }` or
 * `{ id, error, cancelled, unreadable }`. The resources folder comes in as workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CancelledError, UnreadableImageError } from './errors';
import { inProcessScanPort } from './in-process-port';
import type { ScanRequest } from './scan-port';

export type WorkerMessage =
  { id: number; read: ScanRequest } | { id: number; orient: Uint8Array } | { cancel: number };

export type WorkerReply =
  | { id: number; value: unknown }
  | { id: number; error: string; cancelled: boolean; unreadable?: { reason: string; problem: string } };

const port = inProcessScanPort((workerData as { resourcesDir: string }).resourcesDir);
const running = new Map<number, AbortController>();

parentPort?.on('message', (message: WorkerMessage) => {
  if ('cancel' in message) {
    running.get(message.cancel)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const work =
    'read' in message
      ? port.read(message.read, controller.signal)
      : port.orient(message.orient, controller.signal);
  work
    .then((value) => parentPort?.postMessage({ id: message.id, value } satisfies WorkerReply))
    .catch((error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
        cancelled: error instanceof CancelledError || controller.signal.aborted,
        ...(error instanceof UnreadableImageError
          ? { unreadable: { reason: error.reason, problem: error.problem } }
          : {}),
      } satisfies WorkerReply),
    )
    .finally(() => running.delete(message.id));
});
