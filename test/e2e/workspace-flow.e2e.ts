/**
 * The guided workspace in real Chromium through the loopback bridge, with the real store on a temp folder:
 * from an empty app a case is created by the pathway check, Applicant, People and Services are filled for a
 * small case, an invalid USCC and an expiring ID card are shown and fixed, the sample case opens with its
 * scans, and after a reload everything is still there. A key part is repeated in 简体中文; screenshots of every
 * screen go to test-results/, and axe-core finds no serious or critical violation on them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PathwayAnswersSchema } from '../../core/model/case';
import { decidePathway } from '../../core/rules/decide';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { AppPage } from './support/app-page';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium, openAppSession, type AppSession } from './support/browser';
import { isoInDays } from './support/drawn';
import { WorkspacePage } from './support/workspace-page';

let browser: Browser;
let session: AppSession;
let app: AppPage;
let ws: WorkspacePage;
const a11yFindings: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  session = await openAppSession(browser);
  app = new AppPage(session.page, session.server.origin);
  ws = new WorkspacePage(session.page);
});

afterEach(async () => {
  await session.close();
});

async function checkAccessibility(label: string): Promise<void> {
  for (const finding of await seriousAccessibilityViolations(session.page))
    a11yFindings.push(`${label}: ${finding}`);
}

/** The answers `answerPathway` gives, and what the rules decide for them. */
const ANSWERS = PathwayAnswersSchema.parse({
  surfaces: ['mini_program'],
  miniProgramAccount: 'mainland_entity',
  subject: 'wfoe',
  foreignEquityPct: 100,
  pilotLocation: 'shanghai_lingang_pudong',
  scope: 'single_province',
  province: '310000',
  activities: ['own_goods_sales'],
});
const DECISION = decidePathway(ANSWERS);

/** Answers the pathway questions for a WFOE in Shanghai selling its own goods through a WeChat mini-program. */
async function answerPathway(screenshotSuffix: string): Promise<void> {
  const p = ws.pathway;
  await p.choice('surfaces', 'mini_program').check();
  await p.choice('miniProgramAccount', 'mainland_entity').check();
  await ws.screenshot(app, `pathway-questions-${screenshotSuffix}`);
  await checkAccessibility(`pathway questions ${screenshotSuffix}`);
  await p.next.click();
  await p.choice('subject', 'wfoe').check();
  await p.next.click();
  await p.province.selectOption('310000');
  await p.choice('pilotLocation', 'shanghai_lingang_pudong').check();
  await p.choice('scope', 'single_province').check();
  await p.next.click();
  await p.choice('activities', 'own_goods_sales').check();
  await p.next.click();
  await p.next.click();
  await p.verdict.waitFor();
}

describe('guided workspace', () => {
  it('takes an empty app through the pathway check and the forms, fixes findings, and keeps it all after a reload', async () => {
    await app.open();
    await ws.home.startPathway.click();
    await ws.waitForStep('pathway');
    const caseId = await ws.caseId();

    await answerPathway('en');
    // The screen shows the rules' decision for these answers: the verdict and every conclusion.
    await expect(ws.pathway.verdict.getAttribute('data-pathway')).resolves.toBe(DECISION.pathway);
    await expect(ws.pathway.conclusions.count()).resolves.toBe(DECISION.conclusions.length);
    for (const conclusion of DECISION.conclusions) {
      await expect(
        session.page
          .locator(`[data-code="${conclusion.code}"], [data-obstacle="${conclusion.code}"]`)
          .first()
          .textContent(),
      ).resolves.toContain(conclusion.title.en);
    }
    await expect(session.page.locator('.pathway-result__version').textContent()).resolves.toContain('2026-');
    await ws.screenshot(app, 'pathway-result-en');
    await checkAccessibility('pathway result en');

    // Applicant: an invalid USCC is shown with its fix, then corrected.
    await app.openStep('applicant');
    await ws.fill('subject.name', '上海澜岸贸易有限公司');
    await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
    await ws.issues('subject.certificateNumber', 'uscc.checksum').waitFor();
    await expect(ws.field('subject.certificateNumber').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(ws.issues('subject.certificateNumber', 'uscc.checksum').textContent()).resolves.toContain(
      'should be A, not B',
    );
    await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
    await session.page.waitForFunction(
      () => document.querySelectorAll('#field-subject-certificateNumber-issues li').length === 0,
    );
    await expect(ws.field('subject.certificateNumber').getAttribute('aria-invalid')).resolves.toBeNull();
    await ws.fill('subject.certificateAddress', '中国（上海）自由贸易试验区张杨路500号10楼1001室');
    await ws.select('subject.province', '310000');
    await ws.select('subject.city', '310100');
    await ws.select('subject.district', '310115');
    await ws.fill('subject.mailingAddress', '张杨路500号10楼1001室');
    await ws.fill('subject.investor', 'Northwind Home GmbH');
    await ws.waitUntilSaved();
    await ws.screenshot(app, 'applicant-en');
    await checkAccessibility('applicant en');

    // People: the person in charge is the legal representative — one person, one set of fields; an ID card
    // expiring during the review is flagged once and fixed once.
    await app.openStep('people');
    await expect(session.page.locator('#principal-same-as-legal-rep').isChecked()).resolves.toBe(true);
    await expect(ws.field('legalRepresentative.name').count()).resolves.toBe(0);
    await ws.fill('principal.name', '王丽');
    await ws.fill('principal.idNumber', '310115199003152346');
    await ws.fill('principal.idValidFrom', '2019-04-02');
    await ws.fill('principal.idValidTo', isoInDays(40));
    await ws.fill('principal.mobile', '13816472059');
    await ws.fill('principal.emergencyPhone', '13917385264');
    await ws.fill('principal.email', 'wang.li@northwind-home.cn');
    await ws.issues('principal.idValidTo', 'document.expiresBeforeReviewEnds').waitFor();
    await ws.screenshot(app, 'people-expiring-id-en');
    await ws.fill('principal.idValidTo', '2039-04-02');
    await session.page.waitForFunction(
      () => document.querySelectorAll('#field-principal-idValidTo-issues li').length === 0,
    );
    await ws.waitUntilSaved();
    const people = await ws.storedCase(caseId);
    expect(people.legalRepresentative).toMatchObject({ name: '王丽', idValidTo: '2039-04-02' });
    await ws.screenshot(app, 'people-en');
    await checkAccessibility('people en');

    // Services: a mini-program and a website; the website is removed again.
    await app.openStep('services');
    await session.page.locator('[data-add-service="mini_program"]').click();
    await session.page.locator('[data-add-service="website"]').click();
    await expect(session.page.locator('section.service').count()).resolves.toBe(2);
    await ws.fill('services.0.name', '澜岸家居优选');
    await ws.fill('services.0.appId', 'wx3f8a1c92d4e6b705');
    await ws.fill('services.0.contentDescription', '家居用品网上零售（仅销售本公司自营商品）');
    await session.page
      .locator('section.service[data-service-kind="website"] .service__header button')
      .click();
    await expect(session.page.locator('section.service').count()).resolves.toBe(1);
    await ws.waitUntilSaved();
    await ws.screenshot(app, 'services-en');
    await checkAccessibility('services en');

    // Undo (Ctrl+Z outside a text field) brings the removed website back, in the store too.
    await session.page.locator('main h1').click();
    await session.page.keyboard.press('Control+z');
    await session.page.locator('section.service[data-service-kind="website"]').waitFor();
    await expect.poll(async () => (await ws.storedCase(caseId)).services.length).toBe(2);

    // Reload: everything typed is in the store and back on screen.
    await app.reload();
    await ws.waitForStep('services');
    await expect(ws.field('services.0.appId').inputValue()).resolves.toBe('wx3f8a1c92d4e6b705');
    await app.openStep('applicant');
    await expect(ws.field('subject.certificateNumber').inputValue()).resolves.toBe('91310115MA1K4R7C5A');
    await expect(ws.field('subject.district').inputValue()).resolves.toBe('310115');
    await app.openStep('people');
    await expect(ws.field('principal.idValidTo').inputValue()).resolves.toBe('2039-04-02');
    const stored = await ws.storedCase(caseId);
    expect(stored.answers).toMatchObject({ subject: 'wfoe', province: '310000', surfaces: ['mini_program'] });
    expect(stored.subject.certificateNumber).toBe('91310115MA1K4R7C5A');
    expect(stored.principal.isLegalRepresentative).toBe(true);
    expect(stored.services.map((s) => s.kind)).toEqual(['mini_program', 'website']);

    // Home lists the case with its pathway and progress; the sample opens with its scans.
    await app.header.home.click();
    await ws.home.row(caseId).waitFor();
    await expect(ws.home.row(caseId).textContent()).resolves.toContain(en.pathway.subjects.wfoe);
    await ws.home.openSample.click();
    await ws.waitForStep('pathway');
    const sampleId = await ws.caseId();
    await ws.pathway.verdict.waitFor();
    const sample = await ws.storedCase(sampleId);
    expect(sample.name).toContain('样本 SAMPLE');
    expect(sample.attachments.length).toBe(5);
    await app.header.home.click();
    await ws.home.row(sampleId).waitFor();
    await expect(ws.home.rows.count()).resolves.toBe(2);
    await ws.screenshot(app, 'home-list-en');
    await checkAccessibility('home list en');

    expect(session.consoleErrors).toEqual([]);
    expect(a11yFindings).toEqual([]);
  });

  it('deletes a case with undo, searches, duplicates, and shows a failed save without losing the draft', async () => {
    await app.open();
    await ws.home.startPathway.click();
    await ws.waitForStep('pathway');
    const caseId = await ws.caseId();
    await app.header.home.click();
    await ws.home.row(caseId).waitFor();

    await ws.home.row(caseId).locator('button.button--danger').click();
    await ws.home.toast.waitFor();
    await expect(ws.home.rows.count()).resolves.toBe(0);
    await ws.home.toast.locator('button').first().click();
    await ws.home.row(caseId).waitFor();

    await ws.home.row(caseId).locator('.case-row__actions button').nth(1).click();
    await expect.poll(() => ws.home.rows.count()).toBe(2);
    await ws.home.search.fill('copy');
    await expect.poll(() => ws.home.rows.count()).toBe(1);

    // The store refuses a save (the case vanished under us): the draft stays, the bar says so and offers retry.
    await app.go(`#/case/${caseId}/applicant`);
    await session.page.evaluate(async (id) => {
      const api = (window as unknown as { api: { caseDelete: (r: { id: string }) => Promise<unknown> } }).api;
      await api.caseDelete({ id });
    }, caseId);
    await ws.fill('subject.name', '不会丢失的名称');
    await session.page.locator('.case-bar [data-save-state="failed"]').waitFor();
    await expect(ws.field('subject.name').inputValue()).resolves.toBe('不会丢失的名称');
    await session.page.evaluate(async (id) => {
      const api = (window as unknown as { api: { trashRestore: (r: { id: string }) => Promise<unknown> } })
        .api;
      await api.trashRestore({ id });
    }, caseId);
    await session.page.locator('.case-bar button', { hasText: en.workspace.retrySave }).click();
    await ws.waitUntilSaved();
    expect((await ws.storedCase(caseId)).subject.name).toBe('不会丢失的名称');
  });

  it('repeats the pathway check and the USCC finding in 简体中文, with screenshots of every screen', async () => {
    await app.open('#/settings');
    await app.chooseLanguage('zh-CN', 'zh-CN');
    await app.header.home.click();
    await ws.home.startPathway.click();
    await ws.waitForStep('pathway');
    await expect(app.heading().textContent()).resolves.toBe(zhCN.steps.pathway.title);
    await answerPathway('zh-CN');
    await expect(ws.pathway.verdict.textContent()).resolves.toContain(
      zhCN.pathway.bottom.likely.replace('{{what}}', zhCN.pathway.bottom.what.icpFiling),
    );
    await ws.screenshot(app, 'pathway-result-zh-CN');
    await checkAccessibility('pathway result zh-CN');

    await app.openStep('applicant');
    await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
    await ws.issues('subject.certificateNumber', 'uscc.checksum').waitFor();
    await expect(ws.issues('subject.certificateNumber', 'uscc.checksum').textContent()).resolves.toContain(
      '第 18 位校验码应为 A',
    );
    await ws.select('subject.province', '310000');
    await ws.select('subject.city', '310100');
    await ws.screenshot(app, 'applicant-zh-CN');
    await checkAccessibility('applicant zh-CN');

    await app.openStep('people');
    await ws.fill('principal.idValidTo', isoInDays(40));
    await ws.issues('principal.idValidTo', 'document.expiresBeforeReviewEnds').waitFor();
    await ws.screenshot(app, 'people-zh-CN');
    await checkAccessibility('people zh-CN');

    await app.openStep('services');
    await session.page.locator('[data-add-service="app"]').click();
    await ws.fill('services.0.name', '澜岸家居');
    await ws.waitUntilSaved();
    await ws.screenshot(app, 'services-zh-CN');
    await checkAccessibility('services zh-CN');
    await ws.fill('services.0.name', '澜岸家居商城');
    await ws.waitUntilSaved();

    await app.header.home.click();
    await ws.home.rows.first().waitFor();
    await ws.screenshot(app, 'home-list-zh-CN');
    await checkAccessibility('home list zh-CN');

    expect(session.consoleErrors).toEqual([]);
    expect(a11yFindings).toEqual([]);
  });
});
