/**
 * TEST ONLY — page objects for the renderer. Selectors use hrefs, ids and roles, never visible text, so the
 * same steps drive the app in either language.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { LanguagePreference, MenuCommand } from '../../../electron/contract';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { routeForMenuCommand, routeHref } from '../../../renderer/src/navigation/routes';
import { SCREENSHOT_DIR, sessionOf } from './browser';

const HOME_LINK_TEXT: Readonly<Record<string, string>> = { en: en.nav.home, 'zh-CN': zhCN.nav.home };

export type StepId =
  'pathway' | 'applicant' | 'people' | 'services' | 'documents' | 'review' | 'export' | 'afterApproval';

export class AppPage {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  /** Opens the app and waits until it has rendered with its font loaded. */
  async open(hash = '#/'): Promise<void> {
    await this.page.goto(`${this.origin}/${hash}`);
    await this.waitUntilReady();
  }

  /** Moves to another screen the way the app's own links do (a fragment change, no page load). */
  async go(hash: string): Promise<void> {
    await this.page.evaluate((target) => {
      window.location.hash = target;
    }, hash);
    // The screen has changed once main says it shows the new route (it renders after the hashchange event).
    await this.page.locator(`main#main[data-route="${hash}"] h1`).first().waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await this.page.locator('main#main h1').first().waitFor();
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  heading(): Locator {
    return this.page.locator('main#main h1');
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  get header() {
    return {
      home: this.page.locator('header a[href="#/"]'),
      settings: this.page.locator('header a[href="#/settings"]'),
    };
  }

  railLink(step: StepId): Locator {
    return this.page.locator(`nav.step-rail a[href$="/${step}"]`);
  }

  async openStep(step: StepId): Promise<void> {
    await this.railLink(step).click();
    await this.page.locator(`main#main[data-route$="/${step}"] h1`).waitFor();
  }

  /** Creates an empty case through window.api (as Home's New does) and opens it at `step`. */
  async openNewCase(step: StepId = 'pathway', name = 'e2e case'): Promise<string> {
    // main's window starts at index.html; the app's own links live at `/#/…`.
    if (!this.page.url().startsWith(`${this.origin}/#`)) await this.open();
    const id = await this.page.evaluate(async (caseName) => {
      type Api = { caseCreate: (r: { name: string }) => Promise<{ ok: boolean; value: { id: string } }> };
      const result = await (window as unknown as { api: Api }).api.caseCreate({ name: caseName });
      if (!result.ok) throw new Error('case:create failed');
      return result.value.id;
    }, name);
    await this.go(`#/case/${id}/${step}`);
    return id;
  }

  get home() {
    return {
      startPathway: this.page.locator('.empty-state [data-action="start-pathway"]'),
      openSample: this.page.locator('.empty-state [data-action="open-sample"]'),
    };
  }

  get settings() {
    return {
      language: this.page.locator('#settings-language'),
      version: this.page.locator('[data-testid="app-version"]'),
      miitLink: this.page.locator('.about a.external-link'),
      aboutHeading: this.page.locator('#settings-about-heading'),
    };
  }

  /** Chooses a language in Settings and waits until the page shows it. */
  async chooseLanguage(preference: LanguagePreference, expectedLang: 'en' | 'zh-CN'): Promise<void> {
    await this.settings.language.selectOption(preference);
    await this.page.waitForFunction(
      ([lang, homeText]) =>
        document.documentElement.lang === lang &&
        document.querySelector('header a[href="#/"]')?.textContent === homeText,
      [expectedLang, HOME_LINK_TEXT[expectedLang]] as const,
    );
  }

  alerts(): Locator {
    return this.page.locator('[role="alert"]');
  }

  /**
   * Clicks main's application menu item for `command` (the item's id is the command): main sends
   * `menu:command` to the window, and the screen it opens is awaited.
   */
  async menuCommand(command: MenuCommand): Promise<void> {
    const delivered = await sessionOf(this.page).server.clickMenuItem(command);
    if (delivered === 0) throw new Error('no renderer listener for menu:command');
    // Export case opens on Home the export of the case that was open: the test waits for what it expects.
    const route = routeForMenuCommand(command);
    if (route) await this.page.locator(`main#main[data-route="${routeHref(route)}"]`).waitFor();
  }

  /**
   * Every string a user can see or hear in the UI language: visible text nodes, the options of selects,
   * accessible names and tooltips, and the window title. Text marked as another language (`lang`) or as not
   * to be translated (`translate="no"`: the user's own data, examples, codes) is left out on purpose.
   */
  /**
   * The visible text of the page as it reads, one line per block (paragraph, list item, cell, label), with
   * each control (button, input, select, badge, progress bar) written as ⎀: what stands between two phrases
   * the UI joined. The space before a control is layout and not part of the text.
   */
  runningText(): Promise<string> {
    return this.page.evaluate(() => {
      const CONTROL = 'button, input, select, textarea, progress, .button, [class*="badge"]';
      const BLOCK = 'p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, label, legend, summary, div';
      let text = '';
      let block: Element | null = null;
      let control: Element | null = null;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent === null || !parent.checkVisibility({ visibilityProperty: true })) continue;
        if (parent.closest('option') !== null) continue;
        const nextBlock = parent.closest(BLOCK);
        if (nextBlock !== block) text += '\n';
        block = nextBlock;
        const inControl = parent.closest(CONTROL);
        if (inControl !== null) {
          if (inControl !== control) text += '⎀';
          control = inControl;
          continue;
        }
        control = null;
        text += node.textContent ?? '';
      }
      return text;
    });
  }

  visibleStrings(): Promise<string[]> {
    return this.page.evaluate(() => {
      const strings: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (text === '' || parent === null) continue;
        if (parent.closest('[translate="no"]') !== null) continue;
        if ((parent.closest('[lang]')?.getAttribute('lang') ?? '') !== document.documentElement.lang)
          continue;
        const shown =
          parent.closest('option') !== null || parent.checkVisibility({ visibilityProperty: true });
        if (shown) strings.push(text);
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (!(element instanceof HTMLElement) || !element.checkVisibility()) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = element.getAttribute(name)?.trim();
          if (value) strings.push(value);
        }
      }
      return strings;
    });
  }

  /** The visible text declared Chinese (`lang="zh-CN"`) while the UI is in English, not marked translate="no". */
  declaredChinese(): Promise<string[]> {
    return this.page.evaluate(() => {
      const strings: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (text === '' || parent === null || parent.closest('[translate="no"]') !== null) continue;
        if (parent.closest('[lang]')?.getAttribute('lang') !== 'zh-CN') continue;
        if (parent.closest('option') !== null || parent.checkVisibility({ visibilityProperty: true }))
          strings.push(text);
      }
      return strings;
    });
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    // Park the pointer in a corner so no hover state shows in the picture.
    await this.page.mouse.move(0, (this.page.viewportSize()?.height ?? 1) - 1);
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
  }
}
