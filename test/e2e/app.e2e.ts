/**
 * The app shell in real Chromium, on the shipped bundles: it loads with its font under the CSP, the
 * step rail reaches every step, the menu commands land, and 简体中文 replaces every English string and
 * survives a reload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CASE_STEPS as STEPS } from '../../renderer/src/screens/Case/steps';
import { REPO_ROOT, type AppSession } from './support/browser';
import { expectOnlyLoopbackTraffic, useAppSession, useChromium } from './support/fixture';
import { bareChinese, englishInChinese, strayLatinSpaces, untranslatedWords } from './support/latin';

const chromium = useChromium();

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

describe('app shell', () => {
  const e2e = useAppSession({ chromium });

  it('loads Home in English with Noto Sans SC under the CSP, and no console error', async () => {
    const response = await e2e.page.goto(`${e2e.session.server.origin}/`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await e2e.app.waitUntilReady();

    await expect(e2e.app.heading().textContent()).resolves.toBe(en.home.emptyHeading);
    await expect(e2e.app.htmlLang()).resolves.toBe('en');
    await expect(e2e.page.title()).resolves.toBe(en.app.name);
    const fonts = await e2e.page.evaluate(() =>
      [...document.fonts].filter((face) => face.family.includes('Noto Sans SC')).map((face) => face.status),
    );
    expect(fonts).toContain('loaded');
    // Both shipped weights are the faces that draw Chinese text (this machine has no CJK system font).
    const chineseFaces = await e2e.page.evaluate(async () =>
      (
        await Promise.all([
          document.fonts.load('400 16px "Noto Sans SC"', '备案'),
          document.fonts.load('700 16px "Noto Sans SC"', '备案'),
        ])
      ).map((faces) => faces.map((face) => `${face.family} ${face.weight} ${face.status}`)),
    );
    expect(chineseFaces).toEqual([['Noto Sans SC 400 loaded'], ['Noto Sans SC 700 loaded']]);
    // The CJK font draws ’ and “” full-width by default ("app’ s"): English text sets them proportionally,
    // Chinese text keeps its own (wider) punctuation. Width of one ’ in em:
    const apostrophe = await e2e.page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position: absolute; visibility: hidden; white-space: nowrap';
      probe.textContent = '’'.repeat(10);
      document.querySelector('main#main')?.append(probe);
      const em = (lang?: string) => {
        if (lang) probe.lang = lang;
        return probe.getBoundingClientRect().width / 10 / parseFloat(getComputedStyle(probe).fontSize);
      };
      const widths = { en: em(), 'zh-CN': em('zh-CN') };
      probe.remove();
      return widths;
    });
    expect(apostrophe.en).toBeLessThan(0.5);
    expect(apostrophe['zh-CN']).toBeGreaterThan(0.5);
    await e2e.app.screenshot('home-en');

    await e2e.app.home.startPathway.click();
    // The case is created in the store first, then its pathway check opens.
    await e2e.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.steps.pathway.title);
    expect(e2e.page.url()).toMatch(new RegExp(`^${e2e.session.server.origin}/#/case/[0-9a-f-]{36}/pathway$`));

    expect(e2e.session.consoleErrors).toEqual([]);
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('opens every step from the rail, in order and out of order', async () => {
    await e2e.app.openNewCase('pathway');
    for (const step of [...STEPS, 'people', 'pathway'] as const) {
      await e2e.app.openStep(step);
      await expect(e2e.app.heading().textContent()).resolves.toBe(en.steps[step].title);
      await expect(e2e.app.railLink(step).getAttribute('aria-current')).resolves.toBe('step');
      await expect(e2e.page.locator('nav.step-rail [aria-current="step"]').count()).resolves.toBe(1);
    }
    for (const step of STEPS) {
      await e2e.app.openStep(step);
      await e2e.app.screenshot(`step-${step}-en`);
    }
    expectOnlyLoopbackTraffic(e2e.session);
  });

  it('acts on the native menu commands', async () => {
    await e2e.app.open();
    await e2e.app.menuCommand('openSettings');
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.settings.title);
    await e2e.app.menuCommand('newCase');
    await e2e.page.locator('#new-case-name:focus').waitFor();
    await e2e.app.menuCommand('showAbout');
    await e2e.page.waitForFunction(() => document.activeElement?.id === 'settings-about-heading', undefined, {
      timeout: 5_000,
    });
    await e2e.app.menuCommand('goHome');
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.home.emptyHeading);
  });

  it('switches to 简体中文 everywhere, keeps the choice on disk and after a reload, and switches back', async () => {
    await e2e.app.open('#/settings');
    await expect(e2e.app.settings.version.textContent()).resolves.toBe(`Version ${await packageVersion()}`);
    await e2e.app.screenshot('settings-en');

    await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
    await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.settings.title);
    expect(untranslatedWords(await e2e.app.visibleStrings())).toEqual([]);
    await expect.poll(() => savedSettings(e2e.session)).toEqual({ language: 'zh-CN' });
    await e2e.app.screenshot('settings-zh-CN');

    await e2e.app.reload();
    await expect(e2e.app.htmlLang()).resolves.toBe('zh-CN');
    await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.settings.title);
    await expect(e2e.app.settings.language.inputValue()).resolves.toBe('zh-CN');

    await e2e.app.header.home.click();
    await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.home.emptyHeading);
    expect(untranslatedWords(await e2e.app.visibleStrings())).toEqual([]);
    await e2e.app.screenshot('home-zh-CN');

    await e2e.app.home.startPathway.click();
    await e2e.page.locator('main#main[data-route$="/pathway"] h1').waitFor();
    for (const step of STEPS) {
      await e2e.app.openStep(step);
      await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.steps[step].title);
      expect(untranslatedWords(await e2e.app.visibleStrings()), step).toEqual([]);
      await e2e.app.screenshot(`step-${step}-zh-CN`);
    }

    await e2e.app.header.settings.click();
    await e2e.app.chooseLanguage('system', 'en');
    await expect(e2e.app.heading().textContent()).resolves.toBe(en.settings.title);
    await expect.poll(() => savedSettings(e2e.session)).toEqual({ language: 'system' });
    expect(e2e.session.consoleErrors).toEqual([]);
    expectOnlyLoopbackTraffic(e2e.session);
  });
});

describe('system language', () => {
  const e2e = useAppSession({ chromium, systemLocale: 'zh-Hans-CN' });

  it('follows a Chinese OS locale while the preference is “System default”', async () => {
    await e2e.app.open('#/settings');
    await expect(e2e.app.htmlLang()).resolves.toBe('zh-CN');
    await expect(e2e.app.settings.language.inputValue()).resolves.toBe('system');
    expect(untranslatedWords(await e2e.app.visibleStrings())).toEqual([]);
    expectOnlyLoopbackTraffic(e2e.session);
  });
});

/** Every string the case holds (its names, values, file names): the user's own words, in whatever language. */
function caseStrings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    // Codes made of digits only (a district's 310115) would cut into the app's own examples.
    if (node.trim().length >= 2 && /[\p{L}]/u.test(node)) out.push(node.trim());
  } else if (node !== null && typeof node === 'object')
    for (const value of Object.values(node)) caseStrings(value, out);
  return out;
}

describe('the sample case, screen by screen, in English and 简体中文', () => {
  const e2e = useAppSession({ chromium });

  /** The screen as it is now with every disclosure open, the case's own words (names, values) taken out. */
  async function screenText(
    userWords: readonly string[],
  ): Promise<{ strings: string[]; running: string; declaredChinese: string[] }> {
    await e2e.page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    const strip = (text: string) => userWords.reduce((rest, word) => rest.replaceAll(word, '⟦⟧'), text);
    return {
      strings: (await e2e.app.visibleStrings()).map(strip),
      running: strip(await e2e.app.runningText()),
      declaredChinese: (await e2e.app.declaredChinese()).map(strip),
    };
  }

  it(
    'shows no Chinese without its English in English, and natural Chinese in Chinese',
    { timeout: 240_000 },
    async () => {
      const findings: string[] = [];
      let sampleId = '';
      for (const language of ['en', 'zh-CN'] as const) {
        await e2e.app.open('#/settings');
        await e2e.app.chooseLanguage(language, language);
        await e2e.app.header.home.click();
        if (language === 'en') await e2e.ws.home.openSample.click();
        else await e2e.ws.home.row(sampleId).locator('a').first().click();
        await e2e.ws.pathway.verdict.waitFor();
        const caseId = await e2e.ws.caseId();
        sampleId = caseId;
        const userWords = [...new Set(caseStrings(await e2e.ws.storedCase(caseId)))].sort(
          (a, b) => b.length - a.length,
        );
        const check = async (screen: string) => {
          const { strings, running, declaredChinese } = await screenText(userWords);
          const found =
            language === 'en'
              ? [...bareChinese(strings), ...englishInChinese(declaredChinese)]
              : [
                  ...untranslatedWords(strings),
                  ...strayLatinSpaces(running).map((at) => `stray space: …${at}…`),
                ];
          findings.push(...new Set(found.map((finding) => `${language} ${screen}: ${finding}`)));
        };

        for (let group = 0; group < 6; group++) {
          await e2e.page.locator('.question-nav__item').nth(group).click();
          await check(`pathway ${group + 1}`);
        }
        await e2e.screenshot(`sample-pathway-${language}`);
        for (const step of STEPS.slice(1)) {
          await e2e.ws.showStep(step);
          await e2e.screenshot(`sample-${step}-${language}`);
          await check(step);
        }
        if (language === 'en') {
          // The sample becomes a licence holder: the annual report, renewal and changes open (the Chinese
          // walk then sees them too, on the same case).
          await e2e.page.locator('[data-testid="golive-filing-number"]').fill('沪ICP备2026012345号');
          await e2e.page.locator('[data-testid="golive-licence-number"]').fill('沪B2-20260001');
          await e2e.page.locator('[data-testid="golive-licence-valid-to"]').fill('2031-11-30');
          await e2e.ws.waitUntilSaved();
          await e2e.page.locator('[data-testid="renewal-countdown"]').waitFor();
          await check('afterApproval, licence holder');
        }
        await e2e.app.header.home.click();
        await e2e.ws.home.row(caseId).waitFor();
        await check('home');
        await e2e.app.header.settings.click();
        await check('settings');
        // An empty case: every question unanswered, every step as a new user first sees it.
        await e2e.app.openNewCase('pathway', language === 'en' ? 'Empty case' : '空白申请');
        for (let group = 0; group < 6; group++) {
          await e2e.page.locator('.question-nav__item').nth(group).click();
          await check(`empty case, pathway ${group + 1}`);
        }
        for (const step of STEPS.slice(1)) {
          await e2e.app.openStep(step);
          await check(`empty case, ${step}`);
        }
      }
      expect(findings).toEqual([]);
    },
  );
});
