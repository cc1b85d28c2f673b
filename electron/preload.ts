/**
 * The preload: the renderer's only door to main. It exposes one named function per contract channel and one
 * subscriber per event — never ipcRenderer itself, a generic invoke, or process.env. `satisfies RendererApi`
 * makes a missing or extra channel a compile error.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type {
  Channel,
  EventChannel,
  IpcEvents,
  RendererApi,
  RequestOf,
  ResponseOf,
  Result,
} from './contract';

function invoke<C extends Channel>(
  channel: C,
  ...request: [] | [RequestOf<C>]
): Promise<Result<ResponseOf<C>>> {
  return ipcRenderer.invoke(channel, ...request) as Promise<Result<ResponseOf<C>>>;
}

function subscriber<E extends EventChannel>(channel: E) {
  return (listener: (payload: IpcEvents[E]) => void): (() => void) => {
    // The Electron event (with its `sender`) never reaches the page: only the payload does.
    const forward = (_event: IpcRendererEvent, payload: IpcEvents[E]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  };
}

export const api = {
  appInfo: () => invoke('app:info'),
  settingsGet: () => invoke('settings:get'),
  settingsSet: (request) => invoke('settings:set', request),
  shellOpenExternal: (request) => invoke('shell:openExternal', request),
  onMenuCommand: subscriber('menu:command'),
  onSettingsChanged: subscriber('settings:changed'),
} satisfies RendererApi;

contextBridge.exposeInMainWorld('api', api);
