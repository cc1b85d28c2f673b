import { z } from 'zod';
import { resolveLanguage } from '../../core/i18n/language';
import type { AppInfo, HandlerMap } from '../contract';
import type { HandlerDeps } from './deps';
import { handle } from './result';

function platformOf(p: NodeJS.Platform): AppInfo['platform'] {
  return p === 'win32' || p === 'darwin' || p === 'linux' ? p : 'other';
}

export function createAppHandlers(deps: HandlerDeps): Pick<HandlerMap, 'app:info'> {
  return {
    'app:info': handle(z.undefined(), () => ({
      name: deps.appName,
      version: deps.appVersion,
      systemLanguage: resolveLanguage('system', deps.systemLocale),
      platform: platformOf(deps.platform),
    })),
  };
}
