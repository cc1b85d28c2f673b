/**
 * How `window.api` is built from the IPC contract: one named function per channel, bound to that one channel,
 * and one subscriber per event. The preload passes in its ipcRenderer-backed `invoke` and `subscribe`; this
 * module imports nothing of Electron. What the page gets is only these named functions — never a generic
 * invoke: a function's channel is fixed here, not chosen by the caller.
 */
import type { Channel, EventChannel, IpcEvents, Invoke, RendererApi, RequestOf, Subscribe } from './contract';

/**
 * Every channel of the contract and whether its function takes a request. Checked against the contract: a
 * missing or unknown channel, or `none` for a channel that has a request (and the reverse), fails to compile.
 * A `none` function takes no argument and sends none, whatever the page passes it.
 */
export const CHANNEL_REQUESTS = {
  'app:info': 'none',
  'settings:get': 'none',
  'settings:set': 'request',
  'shell:openExternal': 'request',
  'cases:list': 'none',
  'case:create': 'request',
  'case:createSample': 'none',
  'case:open': 'request',
  'case:save': 'request',
  'case:duplicate': 'request',
  'case:rename': 'request',
  'case:delete': 'request',
  'trash:list': 'none',
  'trash:restore': 'request',
  'case:undo': 'request',
  'case:history': 'request',
  'case:restoreBackup': 'request',
  'attachment:add': 'request',
  'attachment:read': 'request',
  'attachment:remove': 'request',
  'case:export': 'request',
  'case:import': 'request',
  'case:importFile': 'request',
  'case:takeOpenRequests': 'none',
  'menu:setContext': 'request',
  'packet:build': 'request',
  'packet:cancel': 'request',
  'packet:reveal': 'request',
  'document:render': 'request',
  'signing:print': 'request',
  'encryption:status': 'none',
  'encryption:unlock': 'request',
  'encryption:usePassphrase': 'request',
  'encryption:useKeychain': 'request',
  'reminders:export': 'request',
  'rules:status': 'none',
  'rules:import': 'none',
  'rules:useBundled': 'none',
  'annualReport:saveSheet': 'request',
  'renewal:build': 'request',
  'change:build': 'request',
  'scan:read': 'request',
  'scan:cancel': 'request',
  'attachment:rotate': 'request',
} as const satisfies { [C in Channel]: RequestOf<C> extends void ? 'none' : 'request' };

/** Every main → renderer event of the contract (a missing or unknown one fails to compile). */
export const EVENT_CHANNELS = {
  'menu:command': true,
  'settings:changed': true,
  'packet:progress': true,
  'case:openRequested': true,
} as const satisfies Record<EventChannel, true>;

const camel = (channel: string) => channel.replace(/:(\w)/, (_colon, first: string) => first.toUpperCase());

/** The contract's naming rule: `area:verb` → `areaVerb` (RendererApi's keys). */
export function methodName(channel: Channel): string {
  return camel(channel);
}

/** …and for events: `area:event` → `onAreaEvent`. */
export function subscriberName(channel: EventChannel): string {
  const method = camel(channel);
  return `on${method.charAt(0).toUpperCase()}${method.slice(1)}`;
}

/** The renderer's API: a function per channel of {@link CHANNEL_REQUESTS}, a subscriber per event. */
export function buildRendererApi(invoke: Invoke, subscribe: Subscribe): RendererApi {
  const api: Record<string, unknown> = {};
  for (const [channel, takes] of Object.entries(CHANNEL_REQUESTS) as [Channel, 'none' | 'request'][]) {
    api[methodName(channel)] =
      takes === 'none'
        ? () => invoke(channel)
        : (request: RequestOf<typeof channel>) => invoke(channel, request);
  }
  for (const event of Object.keys(EVENT_CHANNELS) as EventChannel[]) {
    api[subscriberName(event)] = (listener: (payload: IpcEvents[typeof event]) => void) =>
      subscribe(event, listener);
  }
  // The names follow the contract's rule (methodName / subscriberName), the channels are the contract's.
  return api as RendererApi;
}
