/**
 * Issue 12 in real Chromium, in both languages: a new case's rail says "Not started" until a step is
 * visited (4); the person in charge is one person with the legal representative, and an expiring ID is
 * fixed once (1); Home says how many items block export (3); the Review previews are really drawn (2);
 * region pickers show and search both scripts (7); the rail and the case bar stay in view while a long form
 * scrolls (11); the header's language switch keeps the user exactly where they are (12). Every step of the
 * sample is captured full-page at 1280×800 and 1024×700 in each language (test-results/guide-*.png) and
 * axe-core finds no serious violation.
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';
import type { StepId } from './support/app-page';
import { isoInDays } from './support/drawn';
import { useAppSession } from './support/fixture';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
const LOCALES = { en, 'zh-CN': zhCN } as const;
type Lang = keyof typeof LOCALES;

const e2e = useAppSession();

/** Switches the UI language with the header's EN / 中文 switch and waits until the page shows it. */
async function switchLanguage(lang: Lang): Promise<void> {
  await e2e.page.locator(`.language-switch [data-language="${lang}"]`).click();
  await e2e.page.waitForFunction(
    ([language, home]) =>
      document.documentElement.lang === language &&
      document.querySelector('header a[href="#/"]')?.textContent === home,
    [lang, LOCALES[lang].nav.home] as const,
  );
}

const railState = (step: StepId) => e2e.app.railLink(step).getAttribute('data-step-state');

/** Where an element is in the window (its top and bottom, in CSS pixels). */
const box = (selector: string) =>
  e2e.page.locator(selector).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  });

async function newCaseFlow(lang: Lang): Promise<void> {
  const t = LOCALES[lang];
  await e2e.app.open();
  if (lang !== 'en') await switchLanguage(lang);
  await e2e.ws.home.startPathway.click();
  await e2e.ws.waitForStep('pathway');
  const caseId = await e2e.ws.caseId();

  // 4. A new case: the steps not visited say "Not started", not "6 to fix".
  for (const step of ['applicant', 'people', 'services', 'documents'] as const) {
    await expect(railState(step)).resolves.toBe('notStarted');
    await expect(
      e2e.page.locator(`nav.step-rail a[href$="/${step}"] .step-rail__state`).textContent(),
    ).resolves.toBe(t.workspaceGuide.rail.notStarted);
  }

  // 1. People: one person in charge who is the legal representative — one set of fields.
  await e2e.app.openStep('people');
  await expect(railState('people')).resolves.toBe('open');
  await expect(e2e.page.locator('#principal-same-as-legal-rep').isChecked()).resolves.toBe(true);
  await expect(e2e.ws.field('legalRepresentative.idValidTo').count()).resolves.toBe(0);
  await e2e.ws.fill('principal.name', '王丽');
  await e2e.ws.fill('principal.idNumber', '310115199003152346');
  await e2e.ws.fill('principal.idValidTo', isoInDays(40));
  await e2e.ws.issues('principal.idValidTo', 'document.expiresBeforeReviewEnds').waitFor();
  await expect(e2e.page.locator('[data-code="document.expiresBeforeReviewEnds"]').count()).resolves.toBe(1);
  await e2e.ws.fill('principal.idValidTo', '2039-04-02');
  await e2e.page.waitForFunction(
    () => document.querySelectorAll('[data-code="document.expiresBeforeReviewEnds"]').length === 0,
  );
  await e2e.ws.waitUntilSaved();
  const stored = await e2e.ws.storedCase(caseId);
  expect(stored.legalRepresentative).toMatchObject({ name: '王丽', idValidTo: '2039-04-02' });

  // 11. The rail and the case bar stay in view at the bottom of the long form.
  await e2e.page.locator('main#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
  await expect.poll(() => e2e.page.locator('main#main').evaluate((m) => m.scrollTop)).toBeGreaterThan(300);
  const header = await box('.app-header');
  for (const selector of ['.case-bar', 'nav.step-rail a[href$="/pathway"]']) {
    const place = await box(selector);
    expect(place.top, selector).toBeGreaterThanOrEqual(header.bottom - 1);
    expect(place.bottom, selector).toBeLessThanOrEqual(800);
  }
  await expect(e2e.page.locator('section.form-section').count()).resolves.toBeGreaterThanOrEqual(2);

  // 7. Applicant: the region pickers show both scripts and find a district by either.
  await e2e.app.openStep('applicant');
  const provinceText = await e2e.ws.field('subject.province').locator('option[value="310000"]').textContent();
  // The UI language's script first, so a closed select's type-ahead finds "Shanghai" in English.
  expect(provinceText).toBe(lang === 'en' ? 'Shanghai 上海市' : '上海市 Shanghai');
  await e2e.page.locator('#field-subject-province-search').fill('shang');
  await expect(
    e2e.ws
      .field('subject.province')
      .locator('option:not([value=""])')
      .evaluateAll((o) => o.length),
  ).resolves.toBe(1);
  await e2e.ws.select('subject.province', '310000');
  await e2e.ws.select('subject.city', '310100');
  await e2e.page.locator('#field-subject-district-search').fill(lang === 'en' ? 'pudong' : '浦东');
  await expect(
    e2e.ws.field('subject.district').locator('option:not([value=""])').allTextContents(),
    // Options lead with the UI language's script (typing "Pudong" finds it on the closed list).
  ).resolves.toEqual([lang === 'en' ? 'Pudong New Area 浦东新区' : '浦东新区 Pudong New Area']);
  await e2e.ws.select('subject.district', '310115');
  await e2e.ws.waitUntilSaved();

  // 12. The header switch changes the language in place: same case, same step, same scroll position.
  await e2e.page.locator('main#main').evaluate((main) => main.scrollTo(0, 600));
  const before = await e2e.page.locator('main#main').evaluate((m) => m.scrollTop);
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  await switchLanguage(other);
  expect(e2e.page.url()).toContain(`#/case/${caseId}/applicant`);
  await expect(e2e.app.heading().textContent()).resolves.toBe(LOCALES[other].steps.applicant.title);
  await expect(e2e.ws.field('subject.district').inputValue()).resolves.toBe('310115');
  const after = await e2e.page.locator('main#main').evaluate((m) => m.scrollTop);
  expect(Math.abs(after - before)).toBeLessThan(200);
  await e2e.checkAccessibility(`applicant after switch ${other}`);
  await switchLanguage(lang);

  // 3. Home says how many items block the export, beside the progress.
  await e2e.app.header.home.click();
  await e2e.ws.home.row(caseId).waitFor();
  const blockers = Number(
    await e2e.ws.home.row(caseId).locator('[data-blockers]').getAttribute('data-blockers'),
  );
  expect(blockers).toBeGreaterThan(0);
  await expect(e2e.ws.home.row(caseId).locator('[data-blockers]').textContent()).resolves.toBe(
    t.workspaceGuide.home.blocking.replace('{{count}}', String(blockers)),
  );
  await e2e.checkAccessibility(`home ${lang}`);
}

/** The sample: every step full-page at both sizes (the Review previews drawn first). */
async function captureSample(lang: Lang): Promise<void> {
  await e2e.app.header.home.click();
  await e2e.page.locator('[data-action="open-sample"]').first().click();
  await e2e.ws.waitForStep('pathway');
  for (const size of SIZES) {
    await e2e.page.setViewportSize(size);
    for (const step of CASE_STEPS) {
      await e2e.ws.showStep(step);
      await e2e.screenshot(`guide-${step}-${lang}-${size.width}x${size.height}`);
      if (size.width === 1024) await e2e.checkAccessibility(`${step} ${lang} ${size.width}`);
    }
    await e2e.app.header.home.click();
    await e2e.ws.home.rows.first().waitFor();
    await e2e.screenshot(`guide-home-${lang}-${size.width}x${size.height}`);
    await e2e.page.locator('.case-row').first().locator('a.case-row__name').click();
    await e2e.ws.waitForStep('pathway');
  }
}

describe('a workspace a manager who reads no Chinese can finish alone', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`guides a new case and the sample in ${lang}`, { timeout: 300_000 }, async () => {
      await e2e.page.setViewportSize(SIZES[0]);
      await newCaseFlow(lang);
      await captureSample(lang);
      expect(e2e.session.consoleErrors).toEqual([]);
      expect(e2e.a11yFindings).toEqual([]);
    });
  }
});
