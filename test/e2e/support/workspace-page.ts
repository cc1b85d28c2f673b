/**
 * TEST ONLY — page objects for Home's case list and the case workspace (pathway check, catalogue forms,
 * autosave). Fields are found by their model path (`#field-subject-certificateNumber`), never by visible text,
 * so the same steps work in both languages.
 */
import type { Locator, Page } from 'playwright-core';
import type { Case } from '../../../core/model/case';
import type { StepId } from './app-page';
import { waitForDrawnPage } from './drawn';

export const fieldId = (path: string): string => `#field-${path.replaceAll('.', '-')}`;

export class WorkspacePage {
  constructor(readonly page: Page) {}

  get home() {
    const page = this.page;
    return {
      startPathway: page.locator('.empty-state [data-action="start-pathway"]'),
      openSample: page.locator('[data-action="open-sample"]').first(),
      rows: page.locator('.case-list .case-row'),
      row: (id: string) => page.locator(`.case-row[data-case-id="${id}"]`),
      search: page.locator('#home-search'),
      toast: page.locator('.toast'),
    };
  }

  /** The id of the open case, from the route (`#/case/<id>/<step>`). */
  async caseId(): Promise<string> {
    const match = /#\/case\/([0-9a-f-]{36})\//.exec(this.page.url());
    if (!match?.[1]) throw new Error(`no case open at ${this.page.url()}`);
    return match[1];
  }

  async waitForStep(step: string): Promise<void> {
    await this.page.locator(`main#main[data-route$="/${step}"] h1`).waitFor();
  }

  /**
   * Opens `step` from the rail and waits until it has settled for a screenshot: the Review previews drawn,
   * the first scan previewed on Documents (a case with attachments, like the sample).
   */
  async showStep(step: StepId): Promise<void> {
    await this.page.locator(`nav.step-rail a[href$="/${step}"]`).click();
    await this.waitForStep(step);
    if (step === 'review') await waitForDrawnPage(this.page, '.previews');
    if (step === 'documents') await this.page.locator('img.attachment-preview__image').first().waitFor();
  }

  field(path: string): Locator {
    return this.page.locator(fieldId(path));
  }

  /** The pre-flight findings shown under a field, or only those with `code`. */
  issues(path: string, code?: string): Locator {
    return this.page.locator(`${fieldId(path)}-issues li${code ? `[data-code="${code}"]` : ''}`);
  }

  async fill(path: string, value: string): Promise<void> {
    await this.field(path).fill(value);
  }

  async select(path: string, value: string): Promise<void> {
    await this.field(path).selectOption(value);
  }

  /** Waits until everything typed is stored (the case bar says "Saved at …"). */
  async waitUntilSaved(): Promise<void> {
    await this.page.locator('.case-bar [data-save-state="saved"]').waitFor();
  }

  get pathway() {
    const page = this.page;
    return {
      choice: (question: string, value: string) => page.locator(`#q-${question}-${value}`),
      next: page.locator('[data-action="next-group"]'),
      equity: page.locator('#q-foreignEquityPct'),
      province: page.locator('#q-province'),
      /** The result's bottom line (its `data-pathway` is the decision's pathway). */
      verdict: page.locator('[data-bottom-line]'),
      /** Every conclusion: the obstacles first, the rest in the collapsed details. */
      conclusions: page.locator('.obstacle, .conclusion'),
    };
  }

  /**
   * A screenshot of the whole screen: the window is made as tall as the scrolled content first (the app
   * scrolls inside <main>, which a full-page capture alone would cut), then restored.
   */
  async screenshot(app: { screenshot: (name: string) => Promise<string> }, name: string): Promise<string> {
    const size = this.page.viewportSize() ?? { width: 1280, height: 860 };
    const height = await this.page.evaluate(() => {
      const main = document.querySelector('main#main');
      const header = document.querySelector('.app-header');
      return (main?.scrollHeight ?? 0) + (header?.getBoundingClientRect().height ?? 0);
    });
    await this.page.setViewportSize({
      width: size.width,
      height: Math.min(12_000, Math.max(size.height, Math.ceil(height))),
    });
    try {
      return await app.screenshot(name);
    } finally {
      await this.page.setViewportSize(size);
    }
  }

  /** The case as the store holds it now, read through window.api as the app reads it. */
  storedCase(id: string): Promise<Case> {
    return this.page.evaluate(async (caseId) => {
      const api = (window as unknown as { api: { caseOpen: (r: { id: string }) => Promise<unknown> } }).api;
      const result = (await api.caseOpen({ id: caseId })) as { ok: boolean; value: { case: unknown } };
      if (!result.ok) throw new Error('case:open failed');
      return result.value.case;
    }, id) as Promise<Case>;
  }
}
