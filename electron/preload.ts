/**
 * The preload: the renderer's only door to main. It exposes one named function per contract channel and one
 * subscriber per event (built by renderer-api.ts from the contract's channel table) — never ipcRenderer
 * itself, a generic invoke, or process.env.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Invoke, RendererApi, Subscribe } from './contract';
import { buildRendererApi } from './renderer-api';

const invoke: Invoke = (channel, ...request) => ipcRenderer.invoke(channel, ...request);

const subscribe: Subscribe = (channel, listener) => {
  // The Electron event (with its `sender`) never reaches the page: only the payload does.
  const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

export const api: RendererApi = buildRendererApi(invoke, subscribe);

contextBridge.exposeInMainWorld('api', api);
