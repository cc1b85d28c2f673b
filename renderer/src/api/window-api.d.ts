import type { RendererApi } from '../../../electron/contract';

declare global {
  interface Window {
    /** Provided by the preload in the app (and by the loopback bridge in end-to-end tests). */
    readonly api: RendererApi | undefined;
  }
}

export {};
