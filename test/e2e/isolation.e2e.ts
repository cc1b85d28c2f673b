/**
 * The app page cannot be replaced and talks to nothing but its own origin: official links go to main (which
 * opens them in the browser after the allow-check), other links and scripted navigations are refused with a
 * translated message, and every request the page makes stays on the loopback server.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { AppPage } from './support/app-page';
import { launchChromium, openAppSession, type AppSession } from './support/browser';

let browser: Browser;
let session: AppSession;
let app: AppPage;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  session = await openAppSession(browser);
  app = new AppPage(session.page, session.server.origin);
});

afterEach(async () => {
  await session.close();
});

function appUrl(hash: string): string {
  return `${session.server.origin}/${hash}`;
}

/** Every request of the session went to the loopback server; none left the machine or the origin. */
function expectOnlyLoopbackTraffic(): void {
  expect(session.requests.length).toBeGreaterThan(0);
  expect(session.requests.filter((url) => !url.startsWith(`${session.server.origin}/`))).toEqual([]);
}

async function injectLink(attributes: Record<string, string>): Promise<void> {
  await session.page.evaluate((attrs) => {
    const link = document.createElement('a');
    for (const [name, value] of Object.entries(attrs)) link.setAttribute(name, value);
    link.id = 'injected-link';
    link.textContent = 'outside';
    document.querySelector('main')?.prepend(link);
  }, attributes);
}

describe('the app page stays in place', () => {
  it('opens the MIIT filing system through main, without leaving the page', async () => {
    await app.open('#/settings');
    await expect(app.settings.miitLink.getAttribute('href')).resolves.toBe('https://beian.miit.gov.cn/');
    await app.settings.miitLink.click();
    await expect.poll(() => session.server.openedExternally).toEqual(['https://beian.miit.gov.cn/']);
    expect(session.page.url()).toBe(appUrl('#/settings'));
    await expect(app.alerts().count()).resolves.toBe(0);
    expect(session.context.pages()).toHaveLength(1);
    expectOnlyLoopbackTraffic();
  });

  it('refuses an injected link to another site and says why, in the UI language', async () => {
    await app.open('#/settings');
    await app.chooseLanguage('zh-CN', 'zh-CN');
    await injectLink({ href: 'https://example.com/' });
    await session.page.locator('#injected-link').click();

    await expect(app.alerts().first().textContent()).resolves.toContain(zhCN.errors.urlNotAllowed);
    expect(session.page.url()).toBe(appUrl('#/settings'));
    expect(session.server.openedExternally).toEqual([]);
    expectOnlyLoopbackTraffic();
  });

  it('opens no new window for a target=_blank link', async () => {
    await app.open();
    await injectLink({ href: 'https://example.com/', target: '_blank' });
    await session.page.locator('#injected-link').click();

    await expect(app.alerts().first().textContent()).resolves.toContain(en.errors.urlNotAllowed);
    expect(session.context.pages()).toHaveLength(1);
    expect(session.page.url()).toBe(appUrl('#/'));
    expectOnlyLoopbackTraffic();
  });

  it('cancels a script that sets window.location to another site', async () => {
    const caseId = await app.openNewCase('documents');
    await session.page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });

    // Without the guard the page would be gone by now and this wait would fail.
    await app.alerts().first().waitFor({ timeout: 10_000 });
    await expect(app.alerts().first().getAttribute('data-code')).resolves.toBe('urlNotAllowed');
    expect(session.page.url()).toBe(appUrl(`#/case/${caseId}/documents`));
    await expect(app.heading().textContent()).resolves.toBe(en.steps.documents.title);
    expectOnlyLoopbackTraffic();
  });

  it('dismisses an error notice', async () => {
    await app.open();
    await injectLink({ href: 'file:///etc/passwd' });
    await session.page.locator('#injected-link').click();
    await app.alerts().first().waitFor();
    await app.alerts().first().getByRole('button').click();
    await expect(app.alerts().count()).resolves.toBe(0);
    expect(session.page.url()).toBe(appUrl('#/'));
    expectOnlyLoopbackTraffic();
  });
});

describe('the content security policy', () => {
  it('refuses inline script and style, and every remote origin', async () => {
    await app.open();
    const outcome = await session.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.effectiveDirective),
      );
      const flag = window as unknown as { inlineScriptRan?: boolean };

      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true;';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { background-color: rgb(255, 0, 0); }';
      document.head.append(style);
      const image = new Image();
      image.src = 'https://example.com/pixel.png';
      document.body.append(image);
      let remoteFetchRefused = false;
      try {
        await fetch('https://example.com/data.json');
      } catch {
        remoteFetchRefused = true;
      }
      // Violation reports are queued as tasks; let them arrive.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        inlineScriptRan: flag.inlineScriptRan === true,
        inlineStyleApplied: getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 0)',
        remoteFetchRefused,
        violations: [...new Set(violations)].sort(),
      };
    });

    expect(outcome).toEqual({
      inlineScriptRan: false,
      inlineStyleApplied: false,
      remoteFetchRefused: true,
      violations: ['connect-src', 'img-src', 'script-src-elem', 'style-src-elem'],
    });
    // The image request is announced, then refused by the CSP before it reaches the network.
    const outside = () => session.requests.filter((url) => !url.startsWith(`${session.server.origin}/`));
    await expect.poll(() => session.blockedByCsp).toEqual(['https://example.com/pixel.png']);
    expect(outside()).toEqual(session.blockedByCsp);
  });
});

describe('the loopback bridge', () => {
  it('runs the app handlers, with their validation', async () => {
    await app.open();
    const results = await session.page.evaluate(async () => {
      const api = window.api;
      if (api === undefined) throw new Error('no window.api');
      return {
        info: await api.appInfo(),
        bad: await api.settingsSet({ language: 'fr' } as never),
        extra: await api.settingsSet({ language: 'en', theme: 'dark' } as never),
      };
    });
    expect(results.info).toMatchObject({ ok: true, value: { name: en.app.name, systemLanguage: 'en' } });
    expect(results.bad).toMatchObject({ ok: false, code: 'invalidPayload' });
    expect(results.extra).toMatchObject({ ok: false, code: 'invalidPayload' });
    expectOnlyLoopbackTraffic();
  });

  it('refuses a call from another origin as an untrusted sender', async () => {
    const foreignOrMissing: Record<string, string>[] = [{ Origin: 'https://example.com' }, {}];
    for (const headers of foreignOrMissing) {
      const response = await fetch(`${session.server.origin}/api/settings%3Aget`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(403);
      await expect(response.json()).resolves.toEqual({ ok: false, code: 'untrustedSender' });
    }
  });
});
