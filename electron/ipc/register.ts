/**
 * Registers the handler map on ipcMain behind a sender check. Electron objects are passed in, so this module
 * runs in plain Node under test.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Channel, HandlerMap, Result } from '../contract';
import { isAppUrl } from '../security';
import { fail, internalCauseOf } from './result';

/** What the sender check looks at, taken from an invoke event. */
export interface SenderInfo {
  /** URL of the frame that sent the message; null when the frame is already gone. */
  frameUrl: string | null;
  isMainFrame: boolean;
  webContentsId: number;
}

/**
 * Only our own window's top frame, showing a page of the bundle, may call main. A subframe, another
 * window, or our window after it was somehow navigated elsewhere is refused.
 */
export function isTrustedSender(sender: SenderInfo, trustedWebContentsId: number | null): boolean {
  return (
    trustedWebContentsId !== null &&
    sender.webContentsId === trustedWebContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppUrl(sender.frameUrl)
  );
}

/** Reads the sender facts from an Electron invoke event. */
export function senderInfoOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

const registered = new WeakMap<object, Set<string>>();

/**
 * Registers every channel of `handlers`. An untrusted sender gets `{ ok: false, code: 'untrustedSender' }`
 * and the handler never runs. Registering a channel twice on the same ipcMain throws, so two features can
 * never silently claim one channel. A handler that fails unexpectedly answers `internal`; its error (with
 * the stack) goes to `onInternalError`, main's log, and never to the renderer.
 */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: HandlerMap,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  onInternalError: (channel: Channel, error: unknown) => void = () => undefined,
): void {
  const channels = registered.get(ipcMain) ?? new Set<string>();
  registered.set(ipcMain, channels);
  for (const channel of Object.keys(handlers) as Channel[]) {
    if (channels.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
  }
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler: (payload: unknown) => Promise<Result<unknown>> = handlers[channel];
    channels.add(channel);
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrusted(event)) return fail('untrustedSender');
      try {
        const result = await handler(payload);
        if (!result.ok && result.code === 'internal') onInternalError(channel, internalCauseOf(result));
        return result;
      } catch (error) {
        onInternalError(channel, error);
        return fail('internal');
      }
    });
  }
}
