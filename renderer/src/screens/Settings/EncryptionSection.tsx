import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncryptionStatus } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import { Card, PassphraseField, SubmitRow } from '../../components/fields';
import { MIN_PASSPHRASE_LENGTH, type OnStatus } from './encryption-errors';
import { useEncryptionCall } from './useEncryptionCall';
import { WordSpace } from '../../i18n/WordSpace';

/**
 * Settings → Encryption: which protection guards the key of the case store (the OS keychain or the user's
 * passphrase), and switching, setting or changing it. Main only re-wraps the key; no case file changes.
 */
export function EncryptionSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<EncryptionStatus | undefined>();
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    void api.encryptionStatus().then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const changed: OnStatus = (next) => {
    setStatus(next);
    setDone(true);
  };

  return (
    <Card id="settings-encryption-heading" testId="encryption-section" heading={t('encryption.heading')}>
      <p>{t('encryption.intro')}</p>
      {status && (
        <>
          <p>
            <strong>{t('encryption.inUse')}</strong>
            <WordSpace />
            <span data-testid="encryption-in-use">{t(`encryption.protection.${status.protection}`)}</span>
          </p>
          <p className="hint">
            {t(status.protection === 'keychain' ? 'encryption.keychainHelp' : 'encryption.passphraseHelp')}
          </p>
          {!status.keychain.available && (
            <p className="hint" data-testid="keychain-not-available">
              {t(
                status.keychain.reason === 'basicText'
                  ? 'encryption.keychainBasicText'
                  : 'encryption.keychainUnavailable',
              )}
            </p>
          )}
          {done && (
            <p role="status" className="hint" data-testid="encryption-done">
              {t('encryption.done')}
            </p>
          )}

          {status.protection === 'passphrase' ? (
            <>
              <h3 className="about__subheading">{t('encryption.changeHeading')}</h3>
              <NewPassphraseForm
                idPrefix="change"
                askCurrent
                submitLabel={t('encryption.changeButton')}
                onDone={changed}
              />
              {status.keychain.available && <UseKeychainForm onDone={changed} />}
            </>
          ) : (
            <>
              <h3 className="about__subheading">{t('encryption.usePassphraseHeading')}</h3>
              <NewPassphraseForm
                idPrefix="use-passphrase"
                submitLabel={t('encryption.usePassphraseButton')}
                onDone={changed}
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** New passphrase twice (and the current one when changing): used by Settings and by the first start. */
export function NewPassphraseForm({
  idPrefix,
  askCurrent = false,
  submitLabel,
  onDone,
}: {
  idPrefix: string;
  askCurrent?: boolean;
  submitLabel: string;
  onDone: OnStatus;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, run } = useEncryptionCall();
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form
      data-testid={id('form')}
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        if (next !== repeat) {
          setError(t('encryption.mismatch'));
          return;
        }
        run(
          () =>
            api.encryptionUsePassphrase(
              askCurrent ? { passphrase: next, currentPassphrase: current } : { passphrase: next },
            ),
          (status) => {
            setCurrent('');
            setNext('');
            setRepeat('');
            onDone(status);
          },
        );
      }}
    >
      {askCurrent && (
        <PassphraseField
          id={id('current')}
          label={t('encryption.currentPassphrase')}
          value={current}
          onChange={setCurrent}
        />
      )}
      <PassphraseField
        id={id('new')}
        label={t('encryption.newPassphrase')}
        hint={t('encryption.lengthHint', { min: MIN_PASSPHRASE_LENGTH })}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
      <PassphraseField
        id={id('repeat')}
        label={t('encryption.repeatPassphrase')}
        autoComplete="new-password"
        value={repeat}
        onChange={setRepeat}
      />
      <SubmitRow label={submitLabel} disabled={busy || next === ''} error={error} errorTestId={id('error')} />
    </form>
  );
}

function UseKeychainForm({ onDone }: { onDone: OnStatus }) {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const { busy, error, run } = useEncryptionCall();
  return (
    <form
      data-testid="use-keychain-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || current === '') return;
        run(
          () => api.encryptionUseKeychain({ currentPassphrase: current }),
          (status) => {
            setCurrent('');
            onDone(status);
          },
        );
      }}
    >
      <h3 className="about__subheading">{t('encryption.useKeychainHeading')}</h3>
      <p className="hint">{t('encryption.keychainHelp')}</p>
      <PassphraseField
        id="use-keychain-current"
        label={t('encryption.currentPassphrase')}
        value={current}
        onChange={setCurrent}
      />
      <SubmitRow
        label={t('encryption.useKeychainButton')}
        variant="default"
        disabled={busy || current === ''}
        error={error}
        errorTestId="use-keychain-error"
      />
    </form>
  );
}
