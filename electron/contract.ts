/**
 * The one IPC contract between the renderer and the main process. Types only: nothing here runs.
 *
 * - Main registers one handler per channel (`electron/ipc/*`); a channel without a handler fails to compile.
 * - The preload builds `window.api` from it and checks it with `satisfies RendererApi`.
 * - The renderer's types derive from it; nothing is hand-written twice.
 *
 * Channel names are `area:verb`; the renderer method is `areaVerb` (`settings:get` → `settingsGet`).
 * Every response crosses as a {@link Result}: a handler never throws across the bridge.
 */

/** Error codes a handler may return; the renderer shows `t('errors.' + code)`. */
export type ErrorCode =
  'invalidPayload' | 'untrustedSender' | 'urlNotAllowed' | 'notFound' | 'ioFailed' | 'diskFull' | 'internal';

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; details?: Record<string, string | number | boolean> };

export type LanguagePreference = 'system' | 'en' | 'zh-CN';
export type Language = 'en' | 'zh-CN';

export interface Settings {
  /** What the user chose in Settings; `system` follows the OS locale. */
  language: LanguagePreference;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Language resolved from the preference and the OS locale. */
  systemLanguage: Language;
  platform: 'win32' | 'darwin' | 'linux' | 'other';
}

/** Request and response types of every renderer → main channel. `void` requests take no argument. */
export interface IpcContract {
  'app:info': { request: void; response: AppInfo };
  'settings:get': { request: void; response: Settings };
  'settings:set': { request: Partial<Settings>; response: Settings };
  /** Opens a URL in the user's browser, if the allow-check accepts it. */
  'shell:openExternal': { request: { url: string }; response: { opened: boolean } };
}

/** Main → renderer events (sent with webContents.send, received through `api.on…`). */
export interface IpcEvents {
  /** A native menu item the renderer must act on. */
  'menu:command': { command: MenuCommand };
  /** The effective language changed (from the menu or Settings in another window). */
  'settings:changed': Settings;
}

export type MenuCommand = 'newCase' | 'openSettings' | 'goHome' | 'showAbout';

export type Channel = keyof IpcContract;
export type EventChannel = keyof IpcEvents;
export type RequestOf<C extends Channel> = IpcContract[C]['request'];
export type ResponseOf<C extends Channel> = IpcContract[C]['response'];

type CamelChannel<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;
type EventMethod<E extends string> = E extends `${infer A}:${infer B}`
  ? `on${Capitalize<A>}${Capitalize<B>}`
  : E;

/** The renderer's `window.api`: one named function per channel, one subscriber per event. */
export type RendererApi = {
  [C in Channel as CamelChannel<C>]: RequestOf<C> extends void
    ? () => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  /** Subscribes; returns the unsubscribe function. */
  [E in EventChannel as EventMethod<E>]: (listener: (payload: IpcEvents[E]) => void) => () => void;
};

/** What main registers: every channel, payload `unknown` until the handler's zod schema parses it. */
export type HandlerMap = { [C in Channel]: (payload: unknown) => Promise<Result<ResponseOf<C>>> };
