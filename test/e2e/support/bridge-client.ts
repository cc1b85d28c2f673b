/**
 * TEST ONLY — the loopback bridge's browser half. It gives the built renderer the same `window.api` the
 * preload gives it in the app (built by the same electron/renderer-api.ts), but each call is a
 * POST to the test server, which runs it through the app's real handlers. It is bundled and injected by the
 * e2e suite with `page.addInitScript`; nothing in renderer/ imports it, so it never ships in the app.
 */
import type { EventChannel, IpcEvents, Invoke, Subscribe } from '../../../electron/contract';
import { buildRendererApi } from '../../../electron/renderer-api';
import { decodeWire, encodeWire } from './wire';

const invoke: Invoke = async (channel, ...request) => {
  // `void` requests send no payload at all, as ipcRenderer.invoke(channel) does.
  const body = request.length === 0 ? {} : { payload: request[0] };
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: encodeWire(body),
  });
  return decodeWire(await response.text()) as Awaited<ReturnType<Invoke>>;
};

const listeners = new Map<EventChannel, Set<(payload: never) => void>>();

const subscribe: Subscribe = (channel, listener) => {
  const set = listeners.get(channel) ?? new Set();
  listeners.set(channel, set);
  set.add(listener as (payload: never) => void);
  return () => {
    set.delete(listener as (payload: never) => void);
  };
};

// The same builder the preload uses, over this loopback transport: the page gets the app's window.api.
const api = buildRendererApi(invoke, subscribe);

/** Stands in for main's `webContents.send(channel, payload)`: tests call it to send a menu command or event. */
function emit<E extends EventChannel>(channel: E, payload: IpcEvents[E]): number {
  const set = listeners.get(channel) ?? new Set();
  for (const listener of set) (listener as (payload: IpcEvents[E]) => void)(payload);
  return set.size;
}

// Main's webContents.send for events the handlers raise themselves (packet:progress): a server-sent stream.
const events = new EventSource('/api-events');
events.onmessage = (message: MessageEvent<string>) => {
  const { channel, payload } = decodeWire(message.data) as { channel: EventChannel; payload: never };
  emit(channel, payload);
};

Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true });
Object.defineProperty(window, '__e2eEmit', { value: emit });
