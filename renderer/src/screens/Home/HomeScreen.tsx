import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Route } from '../../navigation/routes';

/**
 * Home. There is no case list yet, so Home is its empty state: what the app does, and where to start.
 * The sample case cannot be opened in this version, so its button is disabled and says why.
 */
export function HomeScreen({ navigate }: { navigate: (next: Route) => void }) {
  const { t } = useTranslation();
  return (
    <div className="home">
      <section className="empty-state">
        <svg className="empty-state__art" viewBox="0 0 96 96" aria-hidden="true" focusable="false">
          <rect x="20" y="12" width="52" height="68" rx="6" className="empty-state__sheet" />
          <rect
            x="28"
            y="20"
            width="52"
            height="68"
            rx="6"
            className="empty-state__sheet empty-state__sheet--front"
          />
          <path d="M38 38h32M38 48h32M38 58h20" className="empty-state__lines" />
          <circle cx="70" cy="70" r="12" className="empty-state__seal" />
        </svg>
        <ScreenHeading>{t('home.emptyHeading')}</ScreenHeading>
        <p className="empty-state__intro">{t('home.intro')}</p>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ screen: 'case', step: 'pathway' })}
          >
            {t('home.startPathway')}
          </button>
          <button
            type="button"
            className="button"
            disabled
            title={t('home.sampleUnavailable')}
            aria-describedby="sample-unavailable"
          >
            {t('home.openSample')}
          </button>
        </div>
        <p id="sample-unavailable" className="hint">
          {t('home.sampleUnavailable')}
        </p>
      </section>
    </div>
  );
}
