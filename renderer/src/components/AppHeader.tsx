import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../electron/contract';
import { routeHref, type Route } from '../navigation/routes';

/** The header's language switch: each language under its own short name, whatever the UI language is. */
const SWITCH: readonly { language: Language; short: string; name: string }[] = [
  { language: 'en', short: 'EN', name: 'English' },
  { language: 'zh-CN', short: '中文', name: '简体中文' },
];

export function AppHeader({
  route,
  navigate,
  onLanguageChange,
}: {
  route: Route;
  navigate: (next: Route) => void;
  /** Switches the UI language in place: the screen, the open case and the scroll position stay. */
  onLanguageChange: (language: Language) => void;
}) {
  const { t, i18n } = useTranslation();
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
      <div className="app-header__end">
        <nav className="app-header__nav" aria-label={t('nav.label')}>
          {link({ screen: 'home' }, t('nav.home'))}
          {link({ screen: 'settings' }, t('nav.settings'))}
        </nav>
        <div className="language-switch" role="group" aria-label={t('workspaceGuide.languageSwitch')}>
          {SWITCH.map((choice) => (
            <button
              key={choice.language}
              type="button"
              className="language-switch__option"
              aria-pressed={i18n.language === choice.language}
              data-language={choice.language}
              onClick={() => {
                if (i18n.language !== choice.language) onLanguageChange(choice.language);
              }}
            >
              <span aria-hidden="true" lang={choice.language}>
                {choice.short}
              </span>
              <span className="visually-hidden" lang={choice.language}>
                {choice.name}
              </span>
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
