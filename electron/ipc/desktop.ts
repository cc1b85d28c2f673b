/**
 * IPC of the desktop shell: the `.icpcase` files the OS asked to open (double-click, command line, a second
 * launch, Open Recent) and what the native menu should enable. Main wires the deps (bootstrap.ts); without
 * them (tests of other handlers, the e2e bridge) there is nothing waiting and the menu has nothing to update.
 */
import { z } from 'zod';
import type { HandlerMap } from '../contract';
import type { HandlerDeps } from './deps';
import { handle } from './result';

export function createDesktopHandlers(
  deps: HandlerDeps,
): Pick<HandlerMap, 'case:takeOpenRequests' | 'menu:setContext'> {
  return {
    'case:takeOpenRequests': handle(z.undefined(), async () => (await deps.takeOpenRequests?.()) ?? []),
    'menu:setContext': handle(z.strictObject({ caseOpen: z.boolean() }), (context) => {
      deps.onMenuContext?.(context);
      return context;
    }),
  };
}
