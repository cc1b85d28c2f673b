/**
 * Who guards the store's data key in this run of the app: the OS keychain, a passphrase the user typed, or
 * nobody yet (a passphrase store before unlock, or a first start where the keychain is not a real one).
 *
 * The case store holds a {@link KeySession} as its KeyProvider; Settings → Encryption and the start-up
 * unlock replace what the session delegates to. While nothing is set, every store operation fails with
 * `keyUnavailable` / `locked` — the renderer shows the unlock screen first. Nothing here imports electron.
 */
import path from 'node:path';
import { nodeFs } from '../../host/store/atomic-file';
import { StoreError } from '../../host/store/errors';
import { keyringProvider, type KeyProvider } from '../../host/store/keys';
import type { HandlerDeps } from './deps';

export class KeySession implements KeyProvider {
  #current: KeyProvider | undefined;
  #resolve: (() => Promise<KeyProvider | undefined>) | undefined;

  /** `resolve` picks the provider once, on first use (e.g. the keychain when the keyring says so). */
  constructor(initial?: KeyProvider | (() => Promise<KeyProvider | undefined>)) {
    if (typeof initial === 'function') this.#resolve = initial;
    else this.#current = initial;
  }

  async ready(): Promise<KeyProvider | undefined> {
    const resolve = this.#resolve;
    if (resolve) {
      this.#resolve = undefined;
      this.#current ??= await resolve();
    }
    return this.#current;
  }

  get kind(): KeyProvider['kind'] {
    return this.#current?.kind ?? 'passphrase';
  }

  get current(): KeyProvider | undefined {
    return this.#current;
  }

  set(provider: KeyProvider | undefined): void {
    this.#resolve = undefined;
    this.#current = provider;
  }

  async #provider(): Promise<KeyProvider> {
    const provider = await this.ready();
    if (!provider) throw new StoreError('keyUnavailable', { reason: 'locked' });
    return provider;
  }

  async wrap(key: Buffer): Promise<Buffer> {
    return (await this.#provider()).wrap(key);
  }

  async unwrap(blob: Buffer): Promise<Buffer> {
    return (await this.#provider()).unwrap(blob);
  }

  takeRewrap(): boolean {
    return this.#current?.takeRewrap?.() ?? false;
  }
}

const sessions = new WeakMap<HandlerDeps, KeySession>();

/** The store folder of a handler set (`<userData>/store`). */
export function storeRootOf(deps: HandlerDeps): string {
  return path.join(deps.userDataDir, 'store');
}

/**
 * The one key session of a handler set. With a fixed `keyProvider` (tests) it is that; otherwise it starts
 * with the OS keychain when the keyring was wrapped by it — or when there is no keyring yet and the
 * keychain is a real one — and with nothing (locked) when a passphrase guards the key.
 */
export function keySessionFor(deps: HandlerDeps): KeySession {
  let session = sessions.get(deps);
  if (!session) {
    session = deps.keyProvider
      ? new KeySession(deps.keyProvider)
      : new KeySession(async () => {
          if (!deps.keychain) return undefined;
          const kind = await keyringProvider(nodeFs, storeRootOf(deps));
          if (kind === 'safeStorage') return deps.keychain.provider;
          if (kind === undefined && (await deps.keychain.status()).available) return deps.keychain.provider;
          return undefined;
        });
    sessions.set(deps, session);
  }
  return session;
}
