import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref, type Route } from '../navigation/routes';

export function AppHeader({ route, navigate }: { route: Route; navigate: (next: Route) => void }) {
  const { t } = useTranslation();
  const link = (target: Route, label: string) => (
    <a
      href={routeHref(target)}
      className="app-header__link"
      aria-current={route.screen === target.screen ? 'page' : undefined}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(target);
      }}
    >
      {label}
    </a>
  );
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect x="3" y="3" width="26" height="26" rx="6" />
          <path d="M10 11h12M10 16h12M10 21h7" />
        </svg>
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </div>
      <nav className="app-header__nav" aria-label={t('nav.label')}>
        {link({ screen: 'home' }, t('nav.home'))}
        {link({ screen: 'settings' }, t('nav.settings'))}
      </nav>
    </header>
  );
}
