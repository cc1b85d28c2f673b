import { z } from 'zod';
import { isAllowedExternalUrl } from '../external-links';
import type { HandlerMap } from '../contract';
import type { HandlerDeps } from './deps';
import { handle, HandlerError } from './result';

export function createShellHandlers(deps: HandlerDeps): Pick<HandlerMap, 'shell:openExternal'> {
  return {
    'shell:openExternal': handle(z.strictObject({ url: z.string().max(2048) }), async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new HandlerError('urlNotAllowed');
      // Not Electron's shell: the injected opener, called only with a URL that passed the check above.
      await deps.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { opened: true };
    }),
  };
}
