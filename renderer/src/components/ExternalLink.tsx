import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/useUiLanguage';

/**
 * A link to an official site. It is a plain anchor: the app's link guard sends it to main, which opens it
 * in the user's browser after the allow-check — the app page itself never navigates.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <a href={href} className="external-link">
      {children}
      {/* The tooltip is the icon's, hidden from screen readers: a title on the link would be read after the
          hidden text below, saying the same thing twice. */}
      <svg className="external-link__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <title>{t('links.opensInBrowser')}</title>
        <path d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5" />
      </svg>
      {/* UI text in the UI's language, also where the link sits in Chinese content (a footer preview). */}
      <span className="visually-hidden" lang={lang}>
        {t('links.opensInBrowser')}
      </span>
    </a>
  );
}
