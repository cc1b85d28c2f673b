/**
 * The guided workspace in real Chromium on the shipped bundles, with the real store on a temp folder:
 * from an empty app a case is created by the pathway check, Applicant, People and Services are filled for a
 * small case, an invalid USCC and an expiring ID card are shown and fixed, the sample case opens with its
 * scans, and after a reload everything is still there. A key part is repeated in 简体中文; screenshots of every
 * screen go to test-results/, and axe-core finds no serious or critical violation on them.
 */
import { describe, expect, it } from 'vitest';
import { decidePathway } from '../../core/rules/decide';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { WFOE_MINI_PROGRAM } from '../fixtures/pathway';
import { isoInDays } from './support/drawn';
import { useAppSession } from './support/fixture';

const e2e = useAppSession();

/** The answers `answerPathway` gives, and what the rules decide for them. */
const DECISION = decidePathway(WFOE_MINI_PROGRAM);

/** Answers the pathway questions for a WFOE in Shanghai selling its own goods through a WeChat mini-program. */
async function answerPathway(screenshotSuffix: string): Promise<void> {
  const p = e2e.ws.pathway;
  await p.choice('surfaces', 'mini_program').check();
  await p.choice('miniProgramAccount', 'mainland_entity').check();
  await e2e.screenshot(`pathway-questions-${screenshotSuffix}`);
  await e2e.checkAccessibility(`pathway questions ${screenshotSuffix}`);
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
    await e2e.app.open();
    await e2e.ws.home.startPathway.click();
    await e2e.ws.waitForStep('pathway');
    const caseId = await e2e.ws.caseId();

    await answerPathway('en');
    // The screen shows the rules' decision for these answers: the verdict and every conclusion.
    await expect(e2e.ws.pathway.verdict.getAttribute('data-pathway')).resolves.toBe(DECISION.pathway);
    await expect(e2e.ws.pathway.conclusions.count()).resolves.toBe(DECISION.conclusions.length);
    for (const conclusion of DECISION.conclusions) {
      await expect(
        e2e.page
          .locator(`[data-code="${conclusion.code}"], [data-obstacle="${conclusion.code}"]`)
          .first()
          .textContent(),
      ).resolves.toContain(conclusion.title.en);
    }
    await expect(e2e.page.locator('.pathway-result__version').textContent()).resolves.toMatch(
      /Rules edition \d+: facts checked on \d+\s\w+\s\d{4}/,
    );
    await e2e.screenshot('pathway-result-en');
    await e2e.checkAccessibility('pathway result en');

    // Applicant: an invalid USCC is shown with its fix, then corrected.
    await e2e.app.openStep('applicant');
    await e2e.ws.fill('subject.name', '上海澜岸贸易有限公司');
    await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
    await e2e.ws.issues('subject.certificateNumber', 'uscc.checksum').waitFor();
    await expect(e2e.ws.field('subject.certificateNumber').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(
      e2e.ws.issues('subject.certificateNumber', 'uscc.checksum').textContent(),
    ).resolves.toContain('should be A, not B');
    await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
    await e2e.page.waitForFunction(
      () => document.querySelectorAll('#field-subject-certificateNumber-issues li').length === 0,
    );
    await expect(e2e.ws.field('subject.certificateNumber').getAttribute('aria-invalid')).resolves.toBeNull();
    await e2e.ws.fill('subject.certificateAddress', '中国（上海）自由贸易试验区张杨路500号10楼1001室');
    await e2e.ws.select('subject.province', '310000');
    await e2e.ws.select('subject.city', '310100');
    await e2e.ws.select('subject.district', '310115');
    await e2e.ws.fill('subject.mailingAddress', '张杨路500号10楼1001室');
    await e2e.ws.fill('subject.investor', 'Northwind Home GmbH');
    await e2e.ws.waitUntilSaved();
    await e2e.screenshot('applicant-en');
    await e2e.checkAccessibility('applicant en');

    // People: the person in charge is the legal representative — one person, one set of fields; an ID card
    // expiring during the review is flagged once and fixed once.
    await e2e.app.openStep('people');
    await expect(e2e.page.locator('#principal-same-as-legal-rep').isChecked()).resolves.toBe(true);
    await expect(e2e.ws.field('legalRepresentative.name').count()).resolves.toBe(0);
    await e2e.ws.fill('principal.name', '王丽');
    await e2e.ws.fill('principal.idNumber', '310115199003152346');
    await e2e.ws.fill('principal.idValidFrom', '2019-04-02');
    await e2e.ws.fill('principal.idValidTo', isoInDays(40));
    await e2e.ws.fill('principal.mobile', '13816472059');
    await e2e.ws.fill('principal.emergencyPhone', '13917385264');
    await e2e.ws.fill('principal.email', 'wang.li@northwind-home.cn');
    await e2e.ws.issues('principal.idValidTo', 'document.expiresBeforeReviewEnds').waitFor();
    await e2e.screenshot('people-expiring-id-en');
    await e2e.ws.fill('principal.idValidTo', '2039-04-02');
    await e2e.page.waitForFunction(
      () => document.querySelectorAll('#field-principal-idValidTo-issues li').length === 0,
    );
    await e2e.ws.waitUntilSaved();
    const people = await e2e.ws.storedCase(caseId);
    expect(people.legalRepresentative).toMatchObject({ name: '王丽', idValidTo: '2039-04-02' });
    await e2e.screenshot('people-en');
    await e2e.checkAccessibility('people en');

    // Services: a mini-program and a website; the website is removed again.
    await e2e.app.openStep('services');
    await e2e.page.locator('[data-add-service="mini_program"]').click();
    await e2e.page.locator('[data-add-service="website"]').click();
    await expect(e2e.page.locator('section.service').count()).resolves.toBe(2);
    await e2e.ws.fill('services.0.name', '澜岸家居优选');
    await e2e.ws.fill('services.0.appId', 'wx3f8a1c92d4e6b705');
    await e2e.ws.fill('services.0.contentDescription', '家居用品网上零售（仅销售本公司自营商品）');
    await e2e.page.locator('section.service[data-service-kind="website"] .service__header button').click();
    await expect(e2e.page.locator('section.service').count()).resolves.toBe(1);
    await e2e.ws.waitUntilSaved();
    await e2e.screenshot('services-en');
    await e2e.checkAccessibility('services en');

    // Undo (Ctrl+Z outside a text field) brings the removed website back, in the store too.
    await e2e.page.locator('main h1').click();
    await e2e.page.keyboard.press('Control+z');
    await e2e.page.locator('section.service[data-service-kind="website"]').waitFor();
    await expect.poll(async () => (await e2e.ws.storedCase(caseId)).services.length).toBe(2);

    // Reload: everything typed is in the store and back on screen.
    await e2e.app.reload();
    await e2e.ws.waitForStep('services');
    await expect(e2e.ws.field('services.0.appId').inputValue()).resolves.toBe('wx3f8a1c92d4e6b705');
    await e2e.app.openStep('applicant');
    await expect(e2e.ws.field('subject.certificateNumber').inputValue()).resolves.toBe('91310115MA1K4R7C5A');
    await expect(e2e.ws.field('subject.district').inputValue()).resolves.toBe('310115');
    await e2e.app.openStep('people');
    await expect(e2e.ws.field('principal.idValidTo').inputValue()).resolves.toBe('2039-04-02');
    const stored = await e2e.ws.storedCase(caseId);
    expect(stored.answers).toMatchObject({ subject: 'wfoe', province: '310000', surfaces: ['mini_program'] });
    expect(stored.subject.certificateNumber).toBe('91310115MA1K4R7C5A');
    expect(stored.principal.isLegalRepresentative).toBe(true);
    expect(stored.services.map((s) => s.kind)).toEqual(['mini_program', 'website']);

    // Home lists the case with its pathway and progress; the sample opens with its scans.
    await e2e.app.header.home.click();
    await e2e.ws.home.row(caseId).waitFor();
    await expect(e2e.ws.home.row(caseId).textContent()).resolves.toContain(en.pathway.subjects.wfoe);
    await e2e.ws.home.openSample.click();
    await e2e.ws.waitForStep('pathway');
    const sampleId = await e2e.ws.caseId();
    await e2e.ws.pathway.verdict.waitFor();
    const sample = await e2e.ws.storedCase(sampleId);
    expect(sample.name).toContain('样本 SAMPLE');
    // Five scans and the signed copies of the two letters signed by hand.
    expect(sample.attachments.length).toBe(7);
    await e2e.app.header.home.click();
    await e2e.ws.home.row(sampleId).waitFor();
    await expect(e2e.ws.home.rows.count()).resolves.toBe(2);
    await e2e.screenshot('home-list-en');
    await e2e.checkAccessibility('home list en');

    expect(e2e.session.consoleErrors).toEqual([]);
    expect(e2e.a11yFindings).toEqual([]);
  });

  it('deletes a case with undo, searches, duplicates, and shows a failed save without losing the draft', async () => {
    await e2e.app.open();
    await e2e.ws.home.startPathway.click();
    await e2e.ws.waitForStep('pathway');
    const caseId = await e2e.ws.caseId();
    await e2e.app.header.home.click();
    await e2e.ws.home.row(caseId).waitFor();

    await e2e.ws.home.row(caseId).locator('button.button--danger').click();
    await e2e.ws.home.toast.waitFor();
    await expect(e2e.ws.home.rows.count()).resolves.toBe(0);
    await e2e.ws.home.toast.locator('button').first().click();
    await e2e.ws.home.row(caseId).waitFor();

    await e2e.ws.home.row(caseId).locator('.case-row__actions button').nth(1).click();
    await expect.poll(() => e2e.ws.home.rows.count()).toBe(2);
    await e2e.ws.home.search.fill('copy');
    await expect.poll(() => e2e.ws.home.rows.count()).toBe(1);

    // The store refuses a save (the case vanished under us): the draft stays, the bar says so and offers retry.
    await e2e.app.go(`#/case/${caseId}/applicant`);
    await e2e.page.evaluate(async (id) => {
      const api = (window as unknown as { api: { caseDelete: (r: { id: string }) => Promise<unknown> } }).api;
      await api.caseDelete({ id });
    }, caseId);
    await e2e.ws.fill('subject.name', '不会丢失的名称');
    await e2e.page.locator('.case-bar [data-save-state="failed"]').waitFor();
    await expect(e2e.ws.field('subject.name').inputValue()).resolves.toBe('不会丢失的名称');
    await e2e.page.evaluate(async (id) => {
      const api = (window as unknown as { api: { trashRestore: (r: { id: string }) => Promise<unknown> } })
        .api;
      await api.trashRestore({ id });
    }, caseId);
    await e2e.page.locator('.case-bar button', { hasText: en.workspace.retrySave }).click();
    await e2e.ws.waitUntilSaved();
    expect((await e2e.ws.storedCase(caseId)).subject.name).toBe('不会丢失的名称');
  });

  it('repeats the pathway check and the USCC finding in 简体中文, with screenshots of every screen', async () => {
    await e2e.app.open('#/settings');
    await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
    await e2e.app.header.home.click();
    await e2e.ws.home.startPathway.click();
    await e2e.ws.waitForStep('pathway');
    await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.steps.pathway.title);
    await answerPathway('zh-CN');
    await expect(e2e.ws.pathway.verdict.textContent()).resolves.toContain(
      zhCN.pathway.bottom.likely.replace('{{what}}', zhCN.pathway.bottom.what.icpFiling),
    );
    await e2e.screenshot('pathway-result-zh-CN');
    await e2e.checkAccessibility('pathway result zh-CN');

    await e2e.app.openStep('applicant');
    await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
    await e2e.ws.issues('subject.certificateNumber', 'uscc.checksum').waitFor();
    await expect(
      e2e.ws.issues('subject.certificateNumber', 'uscc.checksum').textContent(),
    ).resolves.toContain('第 18 位校验码应为 A');
    await e2e.ws.select('subject.province', '310000');
    await e2e.ws.select('subject.city', '310100');
    await e2e.screenshot('applicant-zh-CN');
    await e2e.checkAccessibility('applicant zh-CN');

    await e2e.app.openStep('people');
    await e2e.ws.fill('principal.idValidTo', isoInDays(40));
    await e2e.ws.issues('principal.idValidTo', 'document.expiresBeforeReviewEnds').waitFor();
    await e2e.screenshot('people-zh-CN');
    await e2e.checkAccessibility('people zh-CN');

    await e2e.app.openStep('services');
    await e2e.page.locator('[data-add-service="app"]').click();
    await e2e.ws.fill('services.0.name', '澜岸家居');
    await e2e.ws.waitUntilSaved();
    await e2e.screenshot('services-zh-CN');
    await e2e.checkAccessibility('services zh-CN');
    await e2e.ws.fill('services.0.name', '澜岸家居商城');
    await e2e.ws.waitUntilSaved();

    await e2e.app.header.home.click();
    await e2e.ws.home.rows.first().waitFor();
    await e2e.screenshot('home-list-zh-CN');
    await e2e.checkAccessibility('home list zh-CN');

    expect(e2e.session.consoleErrors).toEqual([]);
    expect(e2e.a11yFindings).toEqual([]);
  });
});
