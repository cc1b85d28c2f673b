/**
 * Keyboard use and accessibility in real Chromium: the shell can be driven from the keyboard with a visible
 * focus ring, and axe-core finds no serious or critical violation on any screen in either language.
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';
import { useAppSession } from './support/fixture';

const e2e = useAppSession();

/** Presses Tab until `selector` has focus; fails if it never does within `limit` presses. */
async function tabTo(selector: string, limit = 30): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await e2e.page.keyboard.press('Tab');
    if (await e2e.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard', () => {
  it('reaches and opens a step from the rail, with a visible focus ring', async () => {
    await e2e.app.openNewCase('pathway');
    await tabTo('nav.step-rail a[href$="/people"]');
    const outline = await e2e.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline).toEqual({ style: 'solid', width: '3px' });

    await e2e.page.keyboard.press('Enter');
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.steps.people.title);
    await expect(e2e.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  });

  it('starts the pathway check and changes the language without a mouse', async () => {
    await e2e.app.open();
    await tabTo('.empty-state .button--primary');
    await e2e.page.keyboard.press('Enter');
    // The case is created in the store first, then its pathway check opens.
    await e2e.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.steps.pathway.title);

    await tabTo('header a[href="#/settings"]');
    await e2e.page.keyboard.press('Enter');
    await tabTo('#settings-language');
    await e2e.page.keyboard.press('ArrowDown');
    await e2e.page.keyboard.press('ArrowDown');
    await e2e.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

describe('axe-core', () => {
  it('finds no serious or critical violation on any screen, in English and 简体中文', async () => {
    await e2e.app.open('#/settings');
    const caseId = await e2e.app.openNewCase('pathway');
    for (const language of ['en', 'zh-CN'] as const) {
      await e2e.app.go('#/settings');
      await e2e.app.chooseLanguage(language, language);
      for (const hash of ['#/', '#/settings', ...CASE_STEPS.map((step) => `#/case/${caseId}/${step}`)]) {
        await e2e.app.go(hash);
        await e2e.checkAccessibility(`${language} ${hash}`);
      }
    }
    expect(e2e.a11yFindings).toEqual([]);
  });
});
