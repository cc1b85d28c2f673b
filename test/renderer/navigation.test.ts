import { describe, expect, it } from 'vitest';
import { isInAppLink } from '../../renderer/src/navigation/linkGuard';
import { parseRoute, routeForMenuCommand, routeHref, type Route } from '../../renderer/src/navigation/routes';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';

describe('routes', () => {
  it('round-trip through the URL fragment', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'settings' },
      { screen: 'settings', section: 'about' },
      ...CASE_STEPS.map((step): Route => ({ screen: 'case', step })),
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('open Home for fragments the app did not write', () => {
    for (const hash of [
      '',
      '#',
      '#/nowhere',
      '#/case',
      '#/case/',
      '#/case/toString',
      '#/case/pathway/x',
      '#main',
    ]) {
      expect(parseRoute(hash), hash).toEqual({ screen: 'home' });
    }
  });

  it('start a new case at the pathway check', () => {
    expect(routeForMenuCommand('newCase')).toEqual({ screen: 'case', step: 'pathway' });
    expect(routeForMenuCommand('showAbout')).toEqual({ screen: 'settings', section: 'about' });
  });
});

describe('isInAppLink', () => {
  const page = 'app://bundle/index.html#/settings';

  it('keeps moves within the page', () => {
    expect(isInAppLink('#/case/people', page)).toBe(true);
    expect(isInAppLink('app://bundle/index.html#/', page)).toBe(true);
  });

  it('treats everything that would replace the page as outside', () => {
    for (const href of [
      'https://example.com/',
      'https://beian.miit.gov.cn/',
      'app://bundle/other.html',
      'app://bundle/index.html?x=1',
      'app://evil/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://[',
    ]) {
      expect(isInAppLink(href, page), href).toBe(false);
    }
  });
});
