import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where main serves the licence notices the installer carries (resources/THIRD-PARTY-NOTICES.txt, written at
 * build time from the packages that ship): beside the page, on the app's own origin.
 */
export const NOTICES_URL = './THIRD-PARTY-NOTICES.txt';

type Notices = { state: 'closed' | 'loading' | 'failed' } | { state: 'shown'; text: string };

/**
 * Settings → About: the third-party licences (open-source software and the typeface), loaded when the user
 * opens them. The texts are the authors' own, in English, and are marked as such.
 */
export function ThirdPartyNotices({ load = defaultLoad }: { load?: () => Promise<string> }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notices>({ state: 'closed' });
  // Opened twice before React re-renders (two toggle events), the notices are still fetched once.
  const loading = useRef(false);

  const open = () => {
    if (loading.current || notices.state === 'shown') return;
    loading.current = true;
    setNotices({ state: 'loading' });
    load()
      .then(
        (text) => setNotices({ state: 'shown', text }),
        () => setNotices({ state: 'failed' }),
      )
      .finally(() => {
        loading.current = false;
      });
  };

  return (
    <details
      className="notices"
      data-testid="third-party-notices"
      onToggle={(event) => {
        if (event.currentTarget.open) open();
      }}
    >
      <summary>{t('settings.about.noticesShow')}</summary>
      {notices.state === 'loading' && <p className="hint">{t('settings.about.noticesLoading')}</p>}
      {notices.state === 'failed' && (
        <p className="hint" role="alert">
          {t('settings.about.noticesUnavailable')}
        </p>
      )}
      {notices.state === 'shown' && (
        // Licence texts are legal English: shown as published, never translated.
        <pre
          className="notices__text"
          lang="en"
          translate="no"
          tabIndex={0}
          aria-label={t('settings.about.noticesShow')}
        >
          {notices.text}
        </pre>
      )}
    </details>
  );
}

async function defaultLoad(): Promise<string> {
  const response = await fetch(NOTICES_URL);
  if (!response.ok) throw new Error(`notices: ${response.status}`);
  return response.text();
}
