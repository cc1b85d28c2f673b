/**
 * IPC handlers of Settings → Encryption and of the unlock at start: which protection guards the case
 * store's key (OS keychain or passphrase), unlocking a passphrase store, setting, changing and switching.
 *
 * Switching and changing re-wrap the one data key (host/store/keys.ts changeKeyProvider): only keyring.json
 * and its mirror are rewritten, never a case file. A wrong passphrase counts against a limit per run of the
 * app ({@link MAX_PASSPHRASE_ATTEMPTS}); at the limit further attempts are refused until the app restarts.
 * Nothing is ever deleted for a wrong passphrase.
 */
import { z } from 'zod';
import type { EncryptionStatus, HandlerMap } from '../contract';
import { nodeFs } from '../../host/store/atomic-file';
import { StoreError } from '../../host/store/errors';
import {
  PassphraseKeyProvider,
  changeKeyProvider,
  keyringProvider,
  type KeyProvider,
} from '../../host/store/keys';
import { caseStoreFor, viaStore } from './cases';
import type { HandlerDeps } from './deps';
import { keySessionFor, storeRootOf } from './key-session';
import { HandlerError } from './result';

type EncryptionChannels =
  'encryption:status' | 'encryption:unlock' | 'encryption:usePassphrase' | 'encryption:useKeychain';

export const MAX_PASSPHRASE_ATTEMPTS = 5;
export const MIN_PASSPHRASE_LENGTH = 8;

const passphrase = z.string().min(1).max(1024);

export function createEncryptionHandlers(deps: HandlerDeps): Pick<HandlerMap, EncryptionChannels> {
  const store = caseStoreFor(deps);
  const session = keySessionFor(deps);
  const root = storeRootOf(deps);
  let attemptsLeft = MAX_PASSPHRASE_ATTEMPTS;
  const newPassphrase = (value: string) =>
    new PassphraseKeyProvider(
      value,
      deps.passphraseCostLog2 === undefined ? {} : { costLog2: deps.passphraseCostLog2 },
    );

  async function keychainState(): Promise<EncryptionStatus['keychain']> {
    if (!deps.keychain) return { available: false, reason: 'unavailable' };
    const status = await deps.keychain.status();
    return status.available ? { available: true } : { available: false, reason: status.reason };
  }

  async function status(): Promise<EncryptionStatus> {
    await session.ready();
    let unlocked = false;
    let problem: EncryptionStatus['problem'];
    if (session.current) {
      try {
        await store.unlock();
        unlocked = true;
      } catch (error) {
        if (error instanceof StoreError && error.code === 'keyringDamaged') problem = 'keyringDamaged';
        else if (!(error instanceof StoreError) || error.code !== 'keyUnavailable') throw error;
        const reason = String(error instanceof StoreError ? (error.details?.reason ?? '') : '');
        if (problem) {
          // keyringDamaged: shown as it is.
        } else if (reason === 'keychainRefused') problem = 'keychainRefused';
        else if (reason.startsWith('keychain')) problem = 'keychainUnavailable';
        else throw error;
      }
    }
    const kind = await keyringProvider(nodeFs, root);
    const protection = kind === 'safeStorage' ? 'keychain' : kind === 'passphrase' ? 'passphrase' : 'unset';
    return {
      protection,
      unlocked,
      keychain: await keychainState(),
      attemptsLeft,
      ...(problem ? { problem } : {}),
    };
  }

  /** Runs a check of a typed passphrase against the keyring, counting a wrong one. */
  async function checked<T>(work: () => Promise<T>): Promise<T> {
    if (attemptsLeft <= 0) throw new HandlerError('unlockLimit', { max: MAX_PASSPHRASE_ATTEMPTS });
    try {
      const result = await work();
      attemptsLeft = MAX_PASSPHRASE_ATTEMPTS;
      return result;
    } catch (error) {
      if (error instanceof StoreError && error.code === 'wrongPassphrase') {
        attemptsLeft--;
        if (attemptsLeft <= 0) throw new HandlerError('unlockLimit', { max: MAX_PASSPHRASE_ATTEMPTS });
        throw new HandlerError('wrongPassphrase', { attemptsLeft });
      }
      throw error;
    }
  }

  /** The provider guarding the key now, proved: the current passphrase when one guards it. */
  async function currentGuard(currentPassphrase: string | undefined): Promise<KeyProvider | undefined> {
    const kind = await keyringProvider(nodeFs, root);
    if (kind === undefined) return undefined;
    if (kind === 'safeStorage') {
      if (!deps.keychain) throw new StoreError('keyUnavailable', { reason: 'keychainUnavailable' });
      return deps.keychain.provider;
    }
    if (currentPassphrase === undefined) throw new StoreError('passphraseRequired');
    return newPassphrase(currentPassphrase);
  }

  /** Re-wraps the key from the current guard to `next`, or creates the keyring with `next` on a first start. */
  async function switchTo(
    next: KeyProvider,
    currentPassphrase: string | undefined,
  ): Promise<EncryptionStatus> {
    const current = await currentGuard(currentPassphrase);
    if (!current) {
      session.set(next);
      await store.unlock();
      return status();
    }
    await checked(() => changeKeyProvider(nodeFs, root, current, next));
    session.set(next);
    return status();
  }

  return {
    'encryption:status': viaStore(z.undefined(), () => status()),
    'encryption:unlock': viaStore(z.strictObject({ passphrase }), async (r) => {
      if ((await keyringProvider(nodeFs, root)) !== 'passphrase')
        throw new HandlerError('invalidPayload', { reason: 'notPassphraseProtected' });
      const open = await status();
      if (open.unlocked) return open;
      const candidate = newPassphrase(r.passphrase);
      await checked(async () => {
        session.set(candidate);
        try {
          await store.unlock();
        } catch (error) {
          session.set(undefined);
          throw error;
        }
      });
      return status();
    }),
    'encryption:usePassphrase': viaStore(
      z.strictObject({ passphrase, currentPassphrase: passphrase.optional() }),
      async (r) => {
        if (Array.from(r.passphrase).length < MIN_PASSPHRASE_LENGTH)
          throw new HandlerError('passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH });
        return switchTo(newPassphrase(r.passphrase), r.currentPassphrase);
      },
    ),
    'encryption:useKeychain': viaStore(
      z.strictObject({ currentPassphrase: passphrase.optional() }),
      async (r) => {
        const keychain = await keychainState();
        if (!deps.keychain || !keychain.available) {
          throw new HandlerError('keyUnavailable', {
            reason: keychain.reason === 'basicText' ? 'keychainBasicText' : 'keychainUnavailable',
          });
        }
        if ((await keyringProvider(nodeFs, root)) === 'safeStorage') return status();
        return switchTo(deps.keychain.provider, r.currentPassphrase);
      },
    ),
  };
}
