/**
 * The app shell in real Chromium, through the loopback bridge: it loads with its font under the CSP, the
 * step rail reaches every step, the menu commands land, and 简体中文 replaces every English string and
 * survives a reload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { AppPage, type StepId } from './support/app-page';
import { launchChromium, openAppSession, REPO_ROOT, type AppSession } from './support/browser';
import { untranslatedWords } from './support/latin';

const STEPS: readonly StepId[] = [
  'pathway',
  'applicant',
  'people',
  'services',
  'documents',
  'review',
  'export',
  'afterApproval',
];

let browser: Browser;
let session: AppSession;
let app: AppPage;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

async function packageVersion(): Promise<string> {
  return (JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** settings.json as main wrote it into the session's user-data folder (undefined until it exists). */
async function savedSettings(current: AppSession): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(current.server.userDataDir, 'settings.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function expectOnlyLoopbackTraffic(current: AppSession): void {
  expect(current.requests.length).toBeGreaterThan(0);
  const outside = current.requests.filter((url) => !url.startsWith(`${current.server.origin}/`));
  expect(outside).toEqual([]);
}

describe('app shell', () => {
  beforeEach(async () => {
    session = await openAppSession(browser);
    app = new AppPage(session.page, session.server.origin);
  });

  afterEach(async () => {
    await session.close();
  });

  it('loads Home in English with Noto Sans SC under the CSP, and no console error', async () => {
    const response = await session.page.goto(`${session.server.origin}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await app.waitUntilReady();

    await expect(app.heading().textContent()).resolves.toBe(en.home.emptyHeading);
    await expect(app.htmlLang()).resolves.toBe('en');
    await expect(session.page.title()).resolves.toBe(en.app.name);
    const fonts = await session.page.evaluate(() =>
      [...document.fonts].filter((face) => face.family.includes('Noto Sans SC')).map((face) => face.status),
    );
    expect(fonts).toContain('loaded');
    // Both shipped weights are the faces that draw Chinese text (this machine has no CJK system font).
    const chineseFaces = await session.page.evaluate(async () =>
      (
        await Promise.all([
          document.fonts.load('400 16px "Noto Sans SC"', '备案'),
          document.fonts.load('700 16px "Noto Sans SC"', '备案'),
        ])
      ).map((faces) => faces.map((face) => `${face.family} ${face.weight} ${face.status}`)),
    );
    expect(chineseFaces).toEqual([['Noto Sans SC 400 loaded'], ['Noto Sans SC 700 loaded']]);
    await app.screenshot('home-en');

    await app.home.startPathway.click();
    // The case is created in the store first, then its pathway check opens.
    await session.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    await expect(app.heading().textContent()).resolves.toBe(en.steps.pathway.title);
    expect(session.page.url()).toMatch(new RegExp(`^${session.server.origin}/#/case/[0-9a-f-]{36}/pathway$`));

    expect(session.consoleErrors).toEqual([]);
    expectOnlyLoopbackTraffic(session);
  });

  it('opens every step from the rail, in order and out of order', async () => {
    await app.openNewCase('pathway');
    for (const step of [...STEPS, 'people', 'pathway'] as const) {
      await app.openStep(step);
      await expect(app.heading().textContent()).resolves.toBe(en.steps[step].title);
      await expect(app.railLink(step).getAttribute('aria-current')).resolves.toBe('step');
      await expect(session.page.locator('nav.step-rail [aria-current="step"]').count()).resolves.toBe(1);
    }
    for (const step of STEPS) {
      await app.openStep(step);
      await app.screenshot(`step-${step}-en`);
    }
    expectOnlyLoopbackTraffic(session);
  });

  it('acts on the native menu commands', async () => {
    await app.open();
    await app.menuCommand('openSettings');
    await expect(app.heading().textContent()).resolves.toBe(en.settings.title);
    await app.menuCommand('newCase');
    await session.page.locator('#new-case-name:focus').waitFor();
    await app.menuCommand('showAbout');
    await session.page.waitForFunction(
      () => document.activeElement?.id === 'settings-about-heading',
      undefined,
      { timeout: 5_000 },
    );
    await app.menuCommand('goHome');
    await expect(app.heading().textContent()).resolves.toBe(en.home.emptyHeading);
  });

  it('switches to 简体中文 everywhere, keeps the choice on disk and after a reload, and switches back', async () => {
    await app.open('#/settings');
    await expect(app.settings.version.textContent()).resolves.toBe(`Version ${await packageVersion()}`);
    await app.screenshot('settings-en');

    await app.chooseLanguage('zh-CN', 'zh-CN');
    await expect(app.heading().textContent()).resolves.toBe(zhCN.settings.title);
    expect(untranslatedWords(await app.visibleStrings())).toEqual([]);
    await expect.poll(() => savedSettings(session)).toEqual({ language: 'zh-CN' });
    await app.screenshot('settings-zh-CN');

    await app.reload();
    await expect(app.htmlLang()).resolves.toBe('zh-CN');
    await expect(app.heading().textContent()).resolves.toBe(zhCN.settings.title);
    await expect(app.settings.language.inputValue()).resolves.toBe('zh-CN');

    await app.header.home.click();
    await expect(app.heading().textContent()).resolves.toBe(zhCN.home.emptyHeading);
    expect(untranslatedWords(await app.visibleStrings())).toEqual([]);
    await app.screenshot('home-zh-CN');

    await app.home.startPathway.click();
    await session.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    for (const step of STEPS) {
      await app.openStep(step);
      await expect(app.heading().textContent()).resolves.toBe(zhCN.steps[step].title);
      expect(untranslatedWords(await app.visibleStrings()), step).toEqual([]);
      await app.screenshot(`step-${step}-zh-CN`);
    }

    await app.header.settings.click();
    await app.chooseLanguage('system', 'en');
    await expect(app.heading().textContent()).resolves.toBe(en.settings.title);
    await expect.poll(() => savedSettings(session)).toEqual({ language: 'system' });
    expect(session.consoleErrors).toEqual([]);
    expectOnlyLoopbackTraffic(session);
  });
});

describe('system language', () => {
  afterEach(async () => {
    await session.close();
  });

  it('follows a Chinese OS locale while the preference is “System default”', async () => {
    session = await openAppSession(browser, { systemLocale: 'zh-Hans-CN' });
    app = new AppPage(session.page, session.server.origin);
    await app.open('#/settings');
    await expect(app.htmlLang()).resolves.toBe('zh-CN');
    await expect(app.settings.language.inputValue()).resolves.toBe('system');
    expect(untranslatedWords(await app.visibleStrings())).toEqual([]);
    expectOnlyLoopbackTraffic(session);
  });
});
