import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus, Result } from '../../../../electron/contract';
import { encryptionErrorText } from './encryption-errors';

/**
 * What every encryption form does with its call to main: one at a time (`busy` while it runs), the
 * refusal shown beside the form as `error`, cleared when a call succeeds.
 */
export function useEncryptionCall() {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (
    call: () => Promise<Result<EncryptionStatus>>,
    onDone: (status: EncryptionStatus) => void,
    onRefused?: () => void,
  ) => {
    if (busy) return;
    setBusy(true);
    void call()
      .then((result) => {
        if (result.ok) {
          setError('');
          onDone(result.value);
        } else {
          setError(encryptionErrorText(t, result));
          onRefused?.();
        }
      })
      .finally(() => setBusy(false));
  };
  return { busy, error, setError, run };
}
