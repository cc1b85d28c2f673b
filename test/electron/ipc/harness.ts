/**
 * The handler tests' stand-in for main: what `createHandlers` gets in a test — a user-data folder, a fast
 * passphrase guarding the store, dialogs that cancel, links that go nowhere — and the unwrapping of a reply.
 */
import type { Result } from '../../../electron/contract';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import type { KeyProvider } from '../../../host/store/keys';
import { fastPassphrase, tempDir } from '../../host/store/helpers';
import { RESOURCES_DIR } from '../../support/paths';

/** The deps main would pass, on `userDataDir`; `overrides` replace or add any of them. */
export function handlerDeps(userDataDir: string, overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    userDataDir,
    resourcesDir: RESOURCES_DIR,
    appName: 'ICP Packet Studio',
    appVersion: '0.1.0',
    systemLocale: 'en-US',
    platform: 'linux',
    openExternal: async () => undefined,
    keyProvider: fastPassphrase() as KeyProvider,
    showSaveDialog: async () => undefined,
    showOpenDialog: async () => undefined,
    ...overrides,
  };
}

/** `handlerDeps` on a fresh temp folder (`prefix…`), removed by the store helpers' `removeTempDirs`. */
export async function tempHandlerDeps(
  prefix: string,
  overrides: Partial<HandlerDeps> = {},
): Promise<HandlerDeps> {
  return handlerDeps(await tempDir(prefix), overrides);
}

/** A handler set on a fresh temp folder, with the deps it was made from. */
export async function tempHandlers(prefix: string, overrides: Partial<HandlerDeps> = {}) {
  const deps = await tempHandlerDeps(prefix, overrides);
  return { h: createHandlers(deps), deps };
}

/** The value of an `ok` reply; any refusal fails the test with its code and details. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${JSON.stringify(result.details)}`);
  return result.value;
}
