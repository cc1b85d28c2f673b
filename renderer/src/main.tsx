import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLanguage } from '../../core/i18n/language';
import type { AppInfo, ErrorCode } from '../../electron/contract';
import { App } from './App';
import { createI18n } from './i18n/i18n';
import { effectiveLanguage } from './i18n/languages';
import './styles.css';
import './workspace.css';
import { settle } from './api/settle';
import { installRulePack } from '../../core/rules/pack';

async function start(): Promise<void> {
  const api = window.api;
  const container = document.getElementById('root');
  if (api === undefined || container === null) {
    throw new Error('The renderer needs window.api (from the preload) and #root in index.html');
  }

  // Settings and app info decide the first frame's language, so the UI never flashes the wrong one.
  // The store's protection decides the first screen: a locked store asks for its passphrase first.
  const [settings, info, encryption, rules] = await Promise.all([
    settle(api.settingsGet()),
    settle(api.appInfo()),
    settle(api.encryptionStatus()),
    settle(api.rulesStatus()),
  ]);
  const startupErrors: ErrorCode[] = [];
  if (!settings.ok) startupErrors.push(settings.code);
  if (!info.ok) startupErrors.push(info.code);
  if (!encryption.ok) startupErrors.push(encryption.code);
  if (!rules.ok) startupErrors.push(rules.code);
  // An imported rule pack is put in use before the first frame, so no screen ever shows the older rules.
  let initialRules = rules.ok ? rules.value : undefined;
  if (initialRules?.content) {
    try {
      installRulePack(initialRules.content);
    } catch {
      // Main checked the same pack; if this renderer cannot read it, it says so and keeps the bundled rules.
      startupErrors.push('rulePackUnreadable');
      initialRules = undefined;
    }
  }

  const appInfo: AppInfo = info.ok
    ? info.value
    : {
        name: '',
        version: '',
        systemLanguage: resolveLanguage('system', navigator.language),
        platform: 'other',
      };
  const preference = settings.ok ? settings.value.language : 'system';
  const i18n = createI18n(effectiveLanguage(preference, appInfo.systemLanguage));

  createRoot(container).render(
    <StrictMode>
      <App
        api={api}
        i18n={i18n}
        appInfo={appInfo}
        initialPreference={preference}
        startupErrors={startupErrors}
        {...(encryption.ok ? { initialEncryption: encryption.value } : {})}
        {...(initialRules ? { initialRules } : {})}
      />
    </StrictMode>,
  );
}

void start();
