/**
 * The app page cannot be replaced and talks to nothing but its own origin: official links go to main (which
 * opens them in the browser after the allow-check), other links and scripted navigations are refused with a
 * translated message, and every request the page makes stays on the app's origin (main's app:// handler).
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { expectOnlyLoopbackTraffic, useAppSession } from './support/fixture';

const e2e = useAppSession();

function appUrl(hash: string): string {
  return `${e2e.session.server.origin}/${hash}`;
}

async function injectLink(attributes: Record<string, string>): Promise<void> {
  await e2e.page.evaluate((attrs) => {
    const link = document.createElement('a');
    for (const [name, value] of Object.entries(attrs)) link.setAttribute(name, value);
    link.id = 'injected-link';
    link.textContent = 'outside';
    document.querySelector('main')?.prepend(link);
  }, attributes);
}

describe('the app page stays in place', () => {
  it('opens the MIIT filing system through main, without leaving the page', async () => {
    await e2e.app.open('#/settings');
    await expect(e2e.app.settings.miitLink.getAttribute('href')).resolves.toBe('https://beian.miit.gov.cn/');
    await e2e.app.settings.miitLink.click();
    await expect.poll(() => e2e.session.server.openedExternally).toEqual(['https://beian.miit.gov.cn/']);
    expect(e2e.page.url()).toBe(appUrl('#/settings'));
    await expect(e2e.app.alerts().count()).resolves.toBe(0);
    expect(e2e.session.context.pages()).toHaveLength(1);
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('refuses an injected link to another site and says why, in the UI language', async () => {
    await e2e.app.open('#/settings');
    await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
    await injectLink({ href: 'https://example.com/' });
    await e2e.page.locator('#injected-link').click();

    await expect(e2e.app.alerts().first().textContent()).resolves.toContain(zhCN.errors.urlNotAllowed);
    expect(e2e.page.url()).toBe(appUrl('#/settings'));
    expect(e2e.session.server.openedExternally).toEqual([]);
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('opens no new window for a target=_blank link', async () => {
    await e2e.app.open();
    await injectLink({ href: 'https://example.com/', target: '_blank' });
    await e2e.page.locator('#injected-link').click();

    await expect(e2e.app.alerts().first().textContent()).resolves.toContain(en.errors.urlNotAllowed);
    expect(e2e.session.context.pages()).toHaveLength(1);
    expect(e2e.page.url()).toBe(appUrl('#/'));
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('cancels a script that sets window.location to another site', async () => {
    const caseId = await e2e.app.openNewCase('documents');
    await e2e.page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });

    // Without the guard the page would be gone by now and this wait would fail.
    await e2e.app.alerts().first().waitFor({ timeout: 10_000 });
    await expect(e2e.app.alerts().first().getAttribute('data-code')).resolves.toBe('urlNotAllowed');
    expect(e2e.page.url()).toBe(appUrl(`#/case/${caseId}/documents`));
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.steps.documents.title);
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('dismisses an error notice', async () => {
    await e2e.app.open();
    await injectLink({ href: 'file:///etc/passwd' });
    await e2e.page.locator('#injected-link').click();
    await e2e.app.alerts().first().waitFor();
    await e2e.app.alerts().first().getByRole('button').click();
    await expect(e2e.app.alerts().count()).resolves.toBe(0);
    expect(e2e.page.url()).toBe(appUrl('#/'));
    expectOnlyLoopbackTraffic(e2e.session);
  });
});

describe('the content security policy', () => {
  it('refuses inline script and style, and every remote origin', async () => {
    await e2e.app.open();
    const outcome = await e2e.page.evaluate(async () => {
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
    const outside = () =>
      e2e.session.requests.filter((url) => !url.startsWith(`${e2e.session.server.origin}/`));
    await expect.poll(() => e2e.session.blockedByCsp).toEqual(['https://example.com/pixel.png']);
    expect(outside()).toEqual(e2e.session.blockedByCsp);
  });
});

describe('IPC through the shipped preload', () => {
  it('runs the app handlers, with their validation', async () => {
    await e2e.app.open();
    const results = await e2e.page.evaluate(async () => {
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
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('refuses a call from a page that is not main’s window as an untrusted sender', async () => {
    await e2e.app.open();
    // The same app page, in a second page main never opened: the preload is there, main's trust is not.
    const stranger = await e2e.session.context.newPage();
    await stranger.goto(`${e2e.session.server.origin}/index.html`);
    const results = await stranger.evaluate(async () => {
      const api = window.api;
      if (api === undefined) throw new Error('no window.api');
      return [await api.settingsGet(), await api.casesList()];
    });
    expect(results).toEqual([
      { ok: false, code: 'untrustedSender' },
      { ok: false, code: 'untrustedSender' },
    ]);
    await stranger.close();
    // main's own window is still answered.
    await expect(e2e.page.evaluate(() => window.api!.settingsGet())).resolves.toMatchObject({ ok: true });
  });
});
