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

contextBridge.exposeInMainWorld('api', api);
