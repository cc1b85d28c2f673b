import type { TFunction } from 'i18next';
import type { EncryptionStatus, Result } from '../../../../electron/contract';

/** The message for a failed encryption call, shown beside the form (not in the app-wide notices). */
export function encryptionErrorText(t: TFunction, result: Extract<Result<unknown>, { ok: false }>): string {
  const message = t(`errors.${result.code}`, { ...result.details });
  const left = result.details?.attemptsLeft;
  return result.code === 'wrongPassphrase' && typeof left === 'number'
    ? `${message} ${t('encryption.attemptsLeft', { count: left })}`
    : message;
}

/** The minimum passphrase length main enforces (electron/ipc/encryption.ts), for the hint. */
export const MIN_PASSPHRASE_LENGTH = 8;

export type OnStatus = (status: EncryptionStatus) => void;
