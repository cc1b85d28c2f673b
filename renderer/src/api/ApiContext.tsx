import { createContext, useContext, type ReactNode } from 'react';
import type { RendererApi } from '../../../electron/contract';

const ApiContext = createContext<RendererApi | null>(null);

/** Hands `window.api` (or a test double) to every screen, so no component reaches for the global. */
export function ApiProvider({ api, children }: { api: RendererApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): RendererApi {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}
