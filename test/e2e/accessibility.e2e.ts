/**
 * Keyboard use and accessibility in real Chromium: the shell can be driven from the keyboard with a visible
 * focus ring, and axe-core finds no serious or critical violation on any screen in either language.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import en from '../../locales/en.json';
import { AppPage, type StepId } from './support/app-page';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium, openAppSession, type AppSession } from './support/browser';

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

beforeEach(async () => {
  session = await openAppSession(browser);
  app = new AppPage(session.page, session.server.origin);
});

afterEach(async () => {
  await session.close();
});

/** Presses Tab until `selector` has focus; fails if it never does within `limit` presses. */
async function tabTo(selector: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await session.page.keyboard.press('Tab');
    if (await session.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard', () => {
  it('reaches and opens a step from the rail, with a visible focus ring', async () => {
    await app.openNewCase('pathway');
    await tabTo('nav.step-rail a[href$="/people"]');
    const outline = await session.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px' });

    await session.page.keyboard.press('Enter');
    await expect(app.heading().textContent()).resolves.toBe(en.steps.people.title);
    await expect(session.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  });

  it('starts the pathway check and changes the language without a mouse', async () => {
    await app.open();
    await tabTo('.empty-state .button--primary');
    await session.page.keyboard.press('Enter');
    // The case is created in the store first, then its pathway check opens.
    await session.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    await expect(app.heading().textContent()).resolves.toBe(en.steps.pathway.title);

    await tabTo('header a[href="#/settings"]');
    await session.page.keyboard.press('Enter');
    await tabTo('#settings-language');
    await session.page.keyboard.press('ArrowDown');
    await session.page.keyboard.press('ArrowDown');
    await session.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

describe('axe-core', () => {
  it('finds no serious or critical violation on any screen, in English and 简体中文', async () => {
    const findings: string[] = [];
    await app.open('#/settings');
    const caseId = await app.openNewCase('pathway');
    for (const language of ['en', 'zh-CN'] as const) {
      await app.go('#/settings');
      await app.chooseLanguage(language, language);
      for (const hash of ['#/', '#/settings', ...STEPS.map((step) => `#/case/${caseId}/${step}`)]) {
        await app.go(hash);
        for (const finding of await seriousAccessibilityViolations(session.page)) {
          findings.push(`${language} ${hash} ${finding}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });
});
