/**
 * The main process's side of the scan worker: starts it on first use with the resources folder, sends
 * requests, and turns an aborted signal into a cancel message. The worker file is passed in (the bundle's
 * path in the app), never worked out here.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, UnreadableImageError } from './errors';
import type { ScanPort, ScanResponse } from './scan-port';

type Reply =
  | { id: number; response: ScanResponse }
  | { id: number; error: string; cancelled: boolean; unreadable: boolean };

export function workerScanPort(workerFile: string, resourcesDir: string): ScanPort {
  let worker: Worker | undefined;
  let next = 1;
  const waiting = new Map<number, { resolve: (r: ScanResponse) => void; reject: (e: Error) => void }>();
  const start = () => {
    if (worker) return worker;
    const started = new Worker(workerFile, { workerData: { resourcesDir } });
    started.on('message', (reply: Reply) => {
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      if ('response' in reply) pending.resolve(reply.response);
      else if (reply.cancelled) pending.reject(new CancelledError());
      else if (reply.unreadable) pending.reject(new UnreadableImageError(reply.error));
      else pending.reject(new Error(reply.error));
    });
    // A crashed worker fails what it was doing; the next request starts a new one.
    started.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
      worker = undefined;
    });
    started.on('exit', () => {
      worker = undefined;
    });
    worker = started;
    return started;
  };
  return {
    read(request, signal) {
      const id = next++;
      const target = start();
      return new Promise<ScanResponse>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        signal?.addEventListener('abort', () => target.postMessage({ cancel: id }), { once: true });
        target.postMessage({ id, request });
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
