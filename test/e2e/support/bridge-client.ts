/**
 * TEST ONLY — the loopback bridge's browser half. It gives the built renderer the same `window.api` the
 * preload gives it in the app (same method names, checked with `satisfies RendererApi`), but each call is a
 * POST to the test server, which runs it through the app's real handlers. It is bundled and injected by the
 * e2e suite with `page.addInitScript`; nothing in renderer/ imports it, so it never ships in the app.
 */
import type {
  Channel,
  EventChannel,
  IpcEvents,
  RendererApi,
  RequestOf,
  ResponseOf,
  Result,
} from '../../../electron/contract';
import { decodeWire, encodeWire } from './wire';

async function invoke<C extends Channel>(
  channel: C,
  ...request: [] | [RequestOf<C>]
): Promise<Result<ResponseOf<C>>> {
  // `void` requests send no payload at all, as ipcRenderer.invoke(channel) does.
  const body = request.length === 0 ? {} : { payload: request[0] };
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: encodeWire(body),
  });
  return decodeWire(await response.text()) as Result<ResponseOf<C>>;
}

const listeners = new Map<EventChannel, Set<(payload: never) => void>>();

function subscriber<E extends EventChannel>(channel: E) {
  return (listener: (payload: IpcEvents[E]) => void): (() => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
}

const api = {
  appInfo: () => invoke('app:info'),
  settingsGet: () => invoke('settings:get'),
  settingsSet: (request) => invoke('settings:set', request),
  shellOpenExternal: (request) => invoke('shell:openExternal', request),
  casesList: () => invoke('cases:list'),
  caseCreate: (request) => invoke('case:create', request),
  caseCreateSample: () => invoke('case:createSample'),
  caseOpen: (request) => invoke('case:open', request),
  caseSave: (request) => invoke('case:save', request),
  caseDuplicate: (request) => invoke('case:duplicate', request),
  caseRename: (request) => invoke('case:rename', request),
  caseDelete: (request) => invoke('case:delete', request),
  trashList: () => invoke('trash:list'),
  trashRestore: (request) => invoke('trash:restore', request),
  caseUndo: (request) => invoke('case:undo', request),
  caseHistory: (request) => invoke('case:history', request),
  caseRestoreBackup: (request) => invoke('case:restoreBackup', request),
  attachmentAdd: (request) => invoke('attachment:add', request),
  attachmentRead: (request) => invoke('attachment:read', request),
  attachmentRemove: (request) => invoke('attachment:remove', request),
  caseExport: (request) => invoke('case:export', request),
  caseImport: (request) => invoke('case:import', request),
  packetBuild: (request) => invoke('packet:build', request),
  packetCancel: (request) => invoke('packet:cancel', request),
  packetReveal: (request) => invoke('packet:reveal', request),
  documentRender: (request) => invoke('document:render', request),
  encryptionStatus: () => invoke('encryption:status'),
  encryptionUnlock: (request) => invoke('encryption:unlock', request),
  encryptionUsePassphrase: (request) => invoke('encryption:usePassphrase', request),
  encryptionUseKeychain: (request) => invoke('encryption:useKeychain', request),
  remindersExport: (request) => invoke('reminders:export', request),
  onMenuCommand: subscriber('menu:command'),
  onSettingsChanged: subscriber('settings:changed'),
  onPacketProgress: subscriber('packet:progress'),
} satisfies RendererApi;

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
