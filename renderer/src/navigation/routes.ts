import type { MenuCommand } from '../../../electron/contract';
import { isStepId, type StepId } from '../screens/Case/steps';

/**
 * Where the user is. Routes live in the URL fragment (`#/case/people`), so moving between screens never
 * loads a page: nothing leaves the bundle, and main's navigation guard never has to decide.
 */
export type Route =
  | { screen: 'home'; dialog?: 'newCase' }
  | { screen: 'settings'; section?: 'about' | 'rules' }
  | { screen: 'case'; caseId: string; step: StepId };

/** Case ids are the store's UUIDs; anything else in that place of the fragment is not a case. */
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const HOME: Route = { screen: 'home' };

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return route.dialog === 'newCase' ? '#/new' : '#/';
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    case 'case':
      return `#/case/${route.caseId}/${route.step}`;
  }
}

/** Any fragment the app did not write (a stale bookmark, a typo) opens Home rather than a blank screen. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [screen, detail, step] = parts;
  if (screen === 'new' && parts.length === 1) return { screen: 'home', dialog: 'newCase' };
  if (screen === 'settings' && parts.length <= 2) {
    if (detail === undefined || detail === '') return { screen: 'settings' };
    if (detail === 'about' || detail === 'rules') return { screen: 'settings', section: detail };
  }
  if (
    screen === 'case' &&
    parts.length === 3 &&
    detail !== undefined &&
    CASE_ID.test(detail) &&
    step !== undefined &&
    isStepId(step)
  ) {
    return { screen: 'case', caseId: detail, step };
  }
  return HOME;
}

/**
 * Where each native menu command takes the user. A new case is named first, then opens at the pathway check;
 * imports run on Home. Export case has no place of its own: it opens the export of the case that is open
 * (undefined here; App decides).
 */
export function routeForMenuCommand(command: MenuCommand): Route | undefined {
  switch (command) {
    case 'newCase':
      return { screen: 'home', dialog: 'newCase' };
    case 'openSettings':
      return { screen: 'settings' };
    case 'goHome':
    case 'closeCase':
    case 'importCase':
      return HOME;
    case 'showAbout':
      return { screen: 'settings', section: 'about' };
    case 'exportCase':
      return undefined;
  }
}
