import type { MenuCommand } from '../../../electron/contract';
import { isStepId, type StepId } from '../screens/Case/steps';

/**
 * Where the user is. Routes live in the URL fragment (`#/case/people`), so moving between screens never
 * loads a page: nothing leaves the bundle, and main's navigation guard never has to decide.
 */
export type Route =
  { screen: 'home' } | { screen: 'settings'; section?: 'about' } | { screen: 'case'; step: StepId };

export const HOME: Route = { screen: 'home' };

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    case 'case':
      return `#/case/${route.step}`;
  }
}

/** Any fragment the app did not write (a stale bookmark, a typo) opens Home rather than a blank screen. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  const [screen, detail] = parts;
  if (screen === 'settings' && parts.length <= 2) {
    if (detail === undefined || detail === '') return { screen: 'settings' };
    if (detail === 'about') return { screen: 'settings', section: 'about' };
  }
  if (screen === 'case' && parts.length === 2 && detail !== undefined && isStepId(detail)) {
    return { screen: 'case', step: detail };
  }
  return HOME;
}

/** Where each native menu command takes the user. A new case starts, as every case does, with the pathway check. */
export function routeForMenuCommand(command: MenuCommand): Route {
  switch (command) {
    case 'newCase':
      return { screen: 'case', step: 'pathway' };
    case 'openSettings':
      return { screen: 'settings' };
    case 'goHome':
      return HOME;
    case 'showAbout':
      return { screen: 'settings', section: 'about' };
  }
}
