import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { PassphraseField, SubmitRow } from '../../components/fields';
import { NewPassphraseForm } from '../Settings/EncryptionSection';
import { useEncryptionCall } from '../Settings/useEncryptionCall';

/**
 * Shows the app only once the case store's key is open. A passphrase store asks for its passphrase (with a
 * clear message for a wrong one and the tries left; at the limit main refuses until restart, deleting
 * nothing); a first start without a usable keychain asks the user to choose a passphrase; a keychain that
 * is gone or refuses is explained. `status` undefined: no status from main, nothing to gate. The status
 * lives in the shell, so moving between screens after the unlock does not ask again.
 */
export function EncryptionGate({
  status,
  onStatus: setStatus,
  children,
}: {
  status: EncryptionStatus | undefined;
  onStatus: (status: EncryptionStatus) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (!status || status.unlocked) return <>{children}</>;

  if (status.problem) {
    return (
      <div className="settings">
        <ScreenHeading takeFocus>{t('encryption.heading')}</ScreenHeading>
        <section className="card" data-testid="keychain-problem">
          <p role="alert">
            {t(
              status.problem === 'keychainRefused'
                ? 'encryption.problemRefused'
                : status.problem === 'keyringDamaged'
                  ? 'encryption.problemKeyringDamaged'
                  : 'encryption.problemUnavailable',
            )}
          </p>
        </section>
      </div>
    );
  }

  if (status.protection === 'unset') {
    return (
      <div className="settings">
        <ScreenHeading takeFocus>{t('encryption.setupHeading')}</ScreenHeading>
        <section className="card" aria-labelledby="setup-intro">
          <p id="setup-intro">{t('encryption.setupIntro')}</p>
          <NewPassphraseForm idPrefix="setup" submitLabel={t('encryption.setupButton')} onDone={setStatus} />
        </section>
      </div>
    );
  }

  return <UnlockForm onUnlocked={setStatus} />;
}

function UnlockForm({ onUnlocked }: { onUnlocked: (status: EncryptionStatus) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useEncryptionCall();
  return (
    <div className="settings">
      <ScreenHeading takeFocus>{t('encryption.unlockHeading')}</ScreenHeading>
      <form
        className="card"
        aria-labelledby="unlock-intro"
        onSubmit={(event) => {
          event.preventDefault();
          if (passphrase === '') return;
          run(
            () => api.encryptionUnlock({ passphrase }),
            onUnlocked,
            () => setPassphrase(''),
          );
        }}
      >
        <p id="unlock-intro">{t('encryption.unlockIntro')}</p>
        <PassphraseField
          id="unlock-passphrase"
          label={t('home.passphrase')}
          value={passphrase}
          describedBy={error ? 'unlock-error' : undefined}
          invalid={Boolean(error)}
          onChange={setPassphrase}
        />
        <SubmitRow
          label={t('encryption.unlockButton')}
          disabled={busy}
          error={error}
          errorId="unlock-error"
          errorTestId="unlock-error"
        />
      </form>
    </div>
  );
}
