/**
 * After submission and after approval in real Chromium on the shipped bundles, with the real store on
 * a temp folder: the sample case is exported, recorded as submitted, returned by the provider with a reason
 * attached to a field (opened from the reason), exported again as a new packet version and resubmitted,
 * passed, approved (a malformed number refused first), its footer snippet copied from the go-live kit, the
 * public-security number validated, and the reminders exported as an .ics read back by ical.js. The same
 * walk runs in English and in 简体中文; each new screen is captured as test-results/after-<screen>-<lang>.png
 * and axe-core finds no serious or critical violation on any of them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { chineseDate } from '../../core/validate/dates';
import { useAppSession } from './support/fixture';

const SERVICE = 'svc-mini-1';
const TEXT = { en, 'zh-CN': zhCN } as const;

const e2e = useAppSession({
  prepare: (session) =>
    session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.server.origin,
    }),
});

async function exportPacket(): Promise<void> {
  await e2e.app.openStep('export');
  await e2e.page.locator('[data-testid="export-button"]').click();
  await e2e.page.locator('[data-testid="export-result"]').waitFor({ timeout: 120_000 });
  await e2e.ws.waitUntilSaved();
}

const $ = (testId: string) => e2e.page.locator(`[data-testid="${testId}"]`);

async function recordEvent(status: string, today: string, extra?: () => Promise<void>): Promise<void> {
  await $('journal-event').selectOption(status);
  await $('journal-date').fill(today);
  await extra?.();
  await $('journal-record').click();
  await e2e.page.locator(`[data-testid="journal-history"] li[data-status="${status}"]`).first().waitFor();
  await e2e.ws.waitUntilSaved();
}

async function walk(lang: 'en' | 'zh-CN'): Promise<void> {
  const text = TEXT[lang];
  const page = e2e.page;
  if (lang === 'zh-CN') {
    await e2e.app.open('#/settings');
    await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
    await e2e.app.header.home.click();
  } else await e2e.app.open();
  await e2e.ws.home.openSample.click();
  await e2e.ws.waitForStep('pathway');
  const caseId = await e2e.ws.caseId();
  const today = await page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

  // Export, then the After approval step with nothing recorded yet.
  await exportPacket();
  await e2e.app.openStep('afterApproval');
  await expect(e2e.app.heading().textContent()).resolves.toBe(text.steps.afterApproval.title);
  await e2e.capture(`after-start-${lang}`);

  // Submitted: the provider's pre-review timer runs in working days.
  await recordEvent('submitted', today);
  await $('timer-filing').waitFor();
  await expect($('timer-filing').textContent()).resolves.toContain(
    lang === 'en' ? 'Provider pre-review' : '接入商初审',
  );

  // A date before the previous event is refused, and what was typed stays.
  await $('journal-event').selectOption('provider_returned');
  await $('journal-date').fill('2020-01-01');
  await $('reason-text-0').fill('主办单位住所与营业执照不一致');
  await $('journal-record').click();
  await page.locator('[data-testid="journal-form"] [role="alert"]').first().waitFor();
  await expect(page.locator('[data-testid="journal-form"]').textContent()).resolves.toContain(
    text.afterApproval.journal.problems.dateBeforePrevious.split('{{')[0]!,
  );
  await expect($('reason-text-0').inputValue()).resolves.toBe('主办单位住所与营业执照不一致');

  // Returned with the reason attached to the certificate address.
  await $('reason-field-0').selectOption('subject.certificateAddress');
  await $('journal-date').fill(today);
  await $('journal-record').click();
  await $('open-reasons').waitFor();
  await e2e.ws.waitUntilSaved();
  await e2e.capture(`after-returned-${lang}`);

  // The reason opens its field on the Applicant step.
  await page.locator('[data-testid="open-reasons"] button').first().click();
  await e2e.ws.waitForStep('applicant');
  await page.waitForFunction(() => document.activeElement?.id === 'field-subject-certificateAddress');

  // A new packet version, sent again.
  await exportPacket();
  await e2e.app.openStep('afterApproval');
  await recordEvent('submitted', today);
  await expect.poll(() => page.locator('[data-testid="packet-versions"] li').count()).toBe(2);
  // Dates read as the UI language writes them (2026年12月7日 in Chinese).
  await expect(page.locator('[data-testid="packet-versions"] li').nth(1).textContent()).resolves.toContain(
    lang === 'en' ? today : chineseDate(today),
  );
  await expect.poll(() => $('open-reasons').count()).toBe(0);

  await recordEvent('provider_passed', today);
  await expect($('timer-filing').textContent()).resolves.toContain(
    lang === 'en' ? 'Provincial review' : '管局审核',
  );

  // Approved: a number without 号 is refused by the ICP-number validator, then the real one is recorded.
  await $('journal-event').selectOption('approved');
  await $('journal-date').fill(today);
  await $('journal-number').fill('沪ICP备2026012345');
  await $('journal-record').click();
  await page.locator('[data-testid="journal-form"] [role="alert"]').first().waitFor();
  await expect(
    page.locator('[data-testid="journal-form"] [role="alert"]').first().textContent(),
  ).resolves.toContain('号');
  await $('journal-number').fill('沪ICP备2026012345号-1X');
  await $('journal-record').click();
  await page.locator('[data-testid="journal-history"] li[data-status="approved"]').waitFor();
  await expect($('golive-filing-number').inputValue()).resolves.toBe('沪ICP备2026012345号');
  await e2e.ws.waitUntilSaved();

  // Go-live kit: the mini-program's own number, the WXML snippet copied.
  await $(`golive-service-${SERVICE}`).fill('沪ICP备2026012345号-1X');
  await $(`copy-wxml-${SERVICE}`).click();
  const snippet = await $(`snippet-wxml-${SERVICE}`).textContent();
  expect(snippet).toContain('沪ICP备2026012345号-1X');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page
    .locator('.after-snippet [role="status"]', { hasText: text.afterApproval.goLive.copied })
    .first()
    .waitFor();

  // Reminders: the public-security filing is due 30 days after going live; one .ics is exported.
  await $('golive-went-live').fill(today);
  const psReminder = page.locator('[data-testid="obligations-timeline"] li[data-kind="publicSecurity"]');
  await psReminder.waitFor();
  await expect($('ps-timer').textContent()).resolves.toContain('30');
  await e2e.ws.waitUntilSaved();
  await $('export-reminders').click();
  await $('reminders-saved').waitFor();
  const [file] = await readdir(e2e.session.server.calendarDir);
  expect(file).toMatch(/\.ics$/);
  const events = new ICAL.Component(
    ICAL.parse(await readFile(path.join(e2e.session.server.calendarDir, file!), 'utf8')),
  )
    .getAllSubcomponents('vevent')
    .map((e) => new ICAL.Event(e));
  const ps = events.find((e) => e.uid.startsWith('public-security'));
  expect(ps?.startDate.isDate).toBe(true);
  expect(ps?.summary).toContain(lang === 'en' ? 'Public-security filing due' : '公安联网备案截止');
  await e2e.capture(`after-reminders-${lang}`);

  // The public-security number: a malformed one is refused; the valid one marks the filing done.
  await $('golive-ps-number').fill('沪公网安备 3101150200001号');
  await page.locator('#golive-ps-number ~ .field__issues [role="alert"]').waitFor();
  await expect.poll(() => psReminder.count()).toBe(1);
  await $('golive-ps-number').fill('沪公网安备 31011502000001号');
  await expect.poll(() => page.locator('#golive-ps-number ~ .field__issues').count()).toBe(0);
  await expect.poll(() => psReminder.count()).toBe(0);
  await e2e.ws.waitUntilSaved();
  await e2e.capture(`after-golive-${lang}`);

  // Ad checker on a store listing.
  await $('ad-copy').fill(
    lang === 'en'
      ? 'The best home-goods shop in Shanghai — No. 1 for Nordic furniture. Use my code LANAN10.'
      : '澜岸家居，全网销量第一的北欧家具，国家级匠心工艺，最佳选择！品牌合作，点击链接购买。',
  );
  await $('ad-findings').waitFor();
  await expect(page.locator('[data-testid="ad-findings"] li').count()).resolves.toBeGreaterThanOrEqual(3);
  await expect(page.locator('[data-testid="ad-highlight"] mark').count()).resolves.toBeGreaterThanOrEqual(3);
  await e2e.ws.waitUntilSaved();
  await e2e.capture(`after-adcheck-${lang}`);

  const stored = await e2e.ws.storedCase(caseId);
  expect(stored.journal.map((e) => e.status)).toEqual([
    'draft',
    'submitted',
    'provider_returned',
    'submitted',
    'provider_passed',
    'approved',
  ]);
  expect(stored.journal[2]?.reasons).toEqual([
    { path: 'subject.certificateAddress', text: '主办单位住所与营业执照不一致', resolved: false },
  ]);
  expect(stored.exports).toHaveLength(2);
  expect(stored.journal[3]?.packetManifestSha256).toBe(stored.exports[1]?.manifestSha256);
  expect(stored.afterApproval.publicSecurityNumber).toBe('沪公网安备 31011502000001号');
  expect(e2e.session.consoleErrors).toEqual([]);
  expect(e2e.session.blockedByCsp).toEqual([]);
  expect(e2e.a11yFindings).toEqual([]);
}

describe('after submission and after approval', () => {
  it('walks the sample from Export to approval, footer and reminders in English', { timeout: 300_000 }, () =>
    walk('en'),
  );
  it('walks the same in 简体中文', { timeout: 300_000 }, () => walk('zh-CN'));
});
