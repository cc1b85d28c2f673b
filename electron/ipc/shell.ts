import { z } from 'zod';
import { isAllowedExternalUrl } from '../external-links';
import type { HandlerMap } from '../contract';
import type { HandlerDeps } from './handlers';
import { handle, HandlerError } from './result';

export function createShellHandlers(deps: HandlerDeps): Pick<HandlerMap, 'shell:openExternal'> {
  return {
    'shell:openExternal': handle(z.strictObject({ url: z.string().max(2048) }), async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new HandlerError('urlNotAllowed');
      await deps.openExternal(url);
      return { opened: true };
    }),
  };
}
