import { describe, expect, it } from 'vitest';
import { isInAppLink } from '../../renderer/src/navigation/linkGuard';
import { parseRoute, routeForMenuCommand, routeHref, type Route } from '../../renderer/src/navigation/routes';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';

const CASE_ID = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('routes', () => {
  it('round-trip through the URL fragment', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'home', dialog: 'newCase' },
      { screen: 'settings' },
      { screen: 'settings', section: 'about' },
      ...CASE_STEPS.map((step): Route => ({ screen: 'case', caseId: CASE_ID, step })),
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
      '#/case/pathway',
      `#/case/${CASE_ID}`,
      `#/case/${CASE_ID}/nowhere`,
      `#/case/not-a-uuid/pathway`,
      `#/case/${CASE_ID}/pathway/x`,
      '#/new/x',
      '#main',
    ]) {
      expect(parseRoute(hash), hash).toEqual({ screen: 'home' });
    }
  });

  it('name a new case on Home before it opens', () => {
    expect(routeForMenuCommand('newCase')).toEqual({ screen: 'home', dialog: 'newCase' });
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
