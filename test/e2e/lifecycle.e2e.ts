/**
 * A licence holder's change in real Chromium through the loopback bridge, with the real store on a temp
 * folder: the sample is given a licence and a filing number in the go-live kit, a new legal representative
 * is recorded in the Changes section (a form with no date refused first, what was typed kept), the licence
 * deadline appears (30 calendar days after the registration), and the change packet is built through main's
 * folder dialog and read back with pdf.js: the letter names the old and the new legal representative, and
 * the stored case has the new one as THE legal representative with the old one in the change's history. The
 * same walk runs in English and in 简体中文; the screen with the built packet is captured and checked by axe-core.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../core/after/working-days';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { extractText } from '../core/documents/pdf-reader';
import { useAppSession } from './support/fixture';
import { chineseDate } from '../../core/validate/dates';

const TEXT = { en, 'zh-CN': zhCN } as const;
const e2e = useAppSession();
const $ = (testId: string) => e2e.page.locator(`[data-testid="${testId}"]`);

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

  // The sample becomes a licence holder with a filed mini-program.
  await e2e.app.openStep('afterApproval');
  await $('golive-filing-number').fill('沪ICP备2026012345号');
  await $('golive-service-svc-mini-1').fill('沪ICP备2026012345号-1X');
  await $('golive-licence-number').fill('沪B2-20260001');
  await $('golive-licence-valid-to').fill('2031-11-30');
  await e2e.ws.waitUntilSaved();
  await $('renewal-countdown').waitFor();

  // A new legal representative, registered a week ago: without the date it is refused, and nothing typed is lost.
  const registeredOn = addCalendarDays(today, -7);
  await $('change-kind').selectOption('legal_representative');
  await $('change-person-name').fill('王芳');
  await $('change-person-name-latin').fill('Wang Fang');
  await $('change-person-id').fill('440305199008162321');
  await $('change-person-mobile').fill('13912345678');
  await $('change-record').click();
  await page.locator('[data-testid="change-form"] [role="alert"]').first().waitFor();
  await expect($('change-person-name').inputValue()).resolves.toBe('王芳');
  await expect(page.locator('[data-testid="change-form"]').textContent()).resolves.toContain(
    lang === 'en' ? 'Enter the date' : '请填写变更的起算日期',
  );
  await $('change-date').fill(registeredOn);
  await $('change-record').click();
  const item = page.locator('[data-testid="change-list"] li[data-kind="legal_representative"]');
  await item.waitFor();
  await e2e.ws.waitUntilSaved();

  // The deadline: 30 calendar days after the registration, weekends included.
  const due = addCalendarDays(registeredOn, 30);
  await expect(item.locator('[data-testid="change-deadline"]').getAttribute('data-date')).resolves.toBe(due);
  const deadline = await item.locator('[data-testid="change-deadline"]').textContent();
  expect(deadline).toContain(lang === 'en' ? due : chineseDate(due));
  expect(deadline).toContain(text.lifecycle.changes.event.daysLeft.replace('{{count}}', '23'));
  await expect(item.locator('[data-testid="change-after"]').textContent()).resolves.toBe(
    lang === 'en' ? 'Wang Fang' : '王芳',
  );
  await expect(item.locator('[data-testid="change-filings"]').textContent()).resolves.toContain(
    '澜岸家居优选',
  );

  // The change packet, into the folder main's dialog "chose".
  await item.locator('[data-testid="change-build"]').click();
  await item.locator('[data-testid="change-built"]').waitFor({ timeout: 120_000 });
  const folders = (await readdir(e2e.session.server.packetParentDir)).filter((f) =>
    f.includes('-change-legal-rep-'),
  );
  expect(folders).toHaveLength(1);
  const folder = path.join(e2e.session.server.packetParentDir, folders[0]!);
  const files = await readdir(folder);
  expect(files).toEqual(
    expect.arrayContaining([
      '00 目录 Index.pdf',
      '01 增值电信业务经营许可证变更申请书.pdf',
      '02 股东决定.pdf',
      '备案变更对照表 Filing changes.pdf',
      'manifest.json',
    ]),
  );
  const letter = await extractText(
    new Uint8Array(await readFile(path.join(folder, '01 增值电信业务经营许可证变更申请书.pdf'))),
  );
  const letterText = letter.items.map((i) => i.text).join('');
  expect(letterText).toContain('上海市通信管理局');
  expect(letterText).toContain('MUELLER ANNA');
  expect(letterText).toContain('王芳');
  expect(letterText).toContain('沪B2-20260001');
  await e2e.capture(`lifecycle-change-${lang}`);

  const stored = await e2e.ws.storedCase(caseId);
  expect(stored.legalRepresentative.name).toBe('王芳');
  expect(stored.principal).toMatchObject({ name: '王芳', isLegalRepresentative: true });
  expect(stored.lifecycle.changes).toHaveLength(1);
  expect(stored.lifecycle.changes[0]?.before.person?.nameLatin).toBe('MUELLER ANNA');
  expect(stored.lifecycle.changes[0]?.registeredOn).toBe(registeredOn);
  expect(e2e.session.consoleErrors).toEqual([]);
  expect(e2e.session.blockedByCsp).toEqual([]);
  expect(e2e.a11yFindings).toEqual([]);
}

describe('a licence holder records a change', () => {
  it(
    'records a new legal representative, sees the deadline and builds the change packet in English',
    { timeout: 300_000 },
    () => walk('en'),
  );
  it('does the same in 简体中文', { timeout: 300_000 }, () => walk('zh-CN'));
});
