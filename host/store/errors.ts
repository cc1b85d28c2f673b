/**
 * Errors the case store raises on purpose. Each carries a code the IPC layer passes to the renderer
 * unchanged (see `ErrorCode` in electron/contract.ts) and the CLI prints; `details` holds only plain values
 * (never file contents or key material), because it crosses the bridge.
 */
export type StoreErrorCode =
  | 'notFound'
  | 'caseDamaged'
  | 'caseNewerVersion'
  | 'caseInvalid'
  | 'wrongPassphrase'
  | 'passphraseRequired'
  | 'keyUnavailable'
  /** Every copy of keyring.json is damaged (not a wrong passphrase: the passphrase could not be checked). */
  | 'keyringDamaged'
  | 'diskFull'
  | 'attachmentType'
  | 'attachmentTooLarge'
  | 'attachmentUnreadable'
  | 'attachmentTooManyPixels'
  | 'attachmentDamaged'
  | 'importUnsafeEntry'
  | 'importTooLarge'
  | 'importTooManyEntries'
  | 'importUnknownVersion'
  | 'importInvalid';

export type StoreErrorDetails = Record<string, string | number | boolean>;

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly details?: StoreErrorDetails,
  ) {
    super(details ? `${code} ${JSON.stringify(details)}` : code);
    this.name = 'StoreError';
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** A full disk must read as `diskFull` everywhere (the CLI too), not as a generic I/O failure. */
export function translateFsError(error: unknown): unknown {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return new StoreError('diskFull', { errno });
  return error;
}
