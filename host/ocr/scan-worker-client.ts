/**
 * The main process's side of the scan worker: starts it on first use with the resources folder, sends
 * requests, and turns an aborted signal into a cancel message. The worker file is passed in (the bundle's
 * path in the app), never worked out here.
 */
import { Worker } from 'node:worker_threads';
import { CancelledError, UnreadableImageError, type UnreadableProblem } from './errors';
import type { Orientation, ScanPort, ScanResponse } from './scan-port';
import type { WorkerMessage, WorkerReply } from './scan-worker';

export function workerScanPort(workerFile: string, resourcesDir: string): ScanPort {
  let worker: Worker | undefined;
  let next = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  const start = () => {
    if (worker) return worker;
    const started = new Worker(workerFile, { workerData: { resourcesDir } });
    started.on('message', (reply: WorkerReply) => {
      const pending = waiting.get(reply.id);
      if (!pending) return;
      waiting.delete(reply.id);
      if ('value' in reply) pending.resolve(reply.value);
      else if (reply.cancelled) pending.reject(new CancelledError());
      else if (reply.unreadable)
        pending.reject(
          new UnreadableImageError(reply.unreadable.reason, reply.unreadable.problem as UnreadableProblem),
        );
      else pending.reject(new Error(reply.error));
    });
    // A crashed worker fails what it was doing; the next request starts a new one.
    started.on('error', (error) => {
      failAll(error);
      if (worker === started) worker = undefined;
    });
    started.on('exit', (code) => {
      failAll(new Error(`The scan worker stopped (exit code ${code})`));
      if (worker === started) worker = undefined;
    });
    // The worker never keeps the app from quitting.
    started.unref();
    worker = started;
    return started;
  };
  const send = <T>(message: (id: number) => WorkerMessage, signal?: AbortSignal): Promise<T> => {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const id = next++;
    const target = start();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      signal?.addEventListener('abort', () => target.postMessage({ cancel: id }), { once: true });
      target.postMessage(message(id));
    });
  };
  return {
    read: (request, signal) => send<ScanResponse>((id) => ({ id, read: request }), signal),
    orient: (bytes, signal) => send<Orientation>((id) => ({ id, orient: bytes }), signal),
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
