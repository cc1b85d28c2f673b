/**
 * Reading a scan instead of typing it, in real Chromium through the loopback bridge with the real recogniser
 * (PP-OCRv4 on onnxruntime-web, the project's models): on the sample case the business licence's scan is
 * replaced by a generated licence lying on its side. It is marked sideways and not "provided" until it is
 * turned with one click; then it is read, and the confirmation panel shows each value beside its crop with
 * the label as printed and its meaning — in English, and in 简体中文 after a live language switch, the review
 * kept. The licence's legal representative is not the sample's person in charge, whom the case calls the legal
 * representative: that value is refused with its reason, not written over her. Nothing is written before the
 * user writes the accepted values; then they are in the stored case and on the Applicant step, in both
 * languages.
 */
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { capitalInYuan } from '../../core/ocr/apply';
import { chineseDate } from '../../core/validate/dates';
import { LICENCE, degrade, licenceScan } from '../../host/sample/synthetic-scans';
import { useAppSession } from './support/fixture';

const LICENCE_ITEM = 'subject-certificate';

const e2e = useAppSession();
const item = () => e2e.page.locator(`[data-item-id="${LICENCE_ITEM}"]`);
const panel = () => item().locator('[data-testid="scan-review"]');
const row = (key: string) => panel().locator(`li.scan-field[data-field="${key}"]`);

/** What the UI shows for each written field on Applicant. */
const APPLICANT_VALUES: Readonly<Record<string, string>> = {
  'subject.name': LICENCE.name,
  'subject.certificateNumber': LICENCE.uscc,
  'subject.establishedOn': LICENCE.establishedOn,
  'subject.certificateAddress': LICENCE.address,
  'subject.businessScope': LICENCE.businessScope,
};

/** A date as the date fields show it: 2019-07-22 in English, 2019年7月22日 in Chinese. */
const shownDate = (iso: string, lang: 'en' | 'zh-CN') => (lang === 'en' ? iso : chineseDate(iso));

async function expectWrittenOnSteps(lang: 'en' | 'zh-CN'): Promise<void> {
  await e2e.app.openStep('applicant');
  for (const [path, value] of Object.entries(APPLICANT_VALUES))
    await expect(e2e.ws.field(path).inputValue(), path).resolves.toBe(
      path === 'subject.establishedOn' ? shownDate(value, lang) : value,
    );
  await expect(e2e.ws.field('subject.registeredCapitalCny').inputValue()).resolves.toMatch(/^10,?000,?000$/);
}

describe('reading a scan into the application', () => {
  it(
    'a sideways licence is turned upright, read, confirmed and written to Applicant, in both languages',
    { timeout: 300_000 },
    async () => {
      await e2e.app.open();
      await e2e.ws.home.openSample.click();
      await e2e.ws.waitForStep('pathway');
      const caseId = await e2e.ws.caseId();
      const before = await e2e.ws.storedCase(caseId);
      expect(before.subject.name).not.toBe(LICENCE.name);
      expect(before.principal.isLegalRepresentative).toBe(true);
      expect(before.principal.name).not.toBe(LICENCE.legalRepresentative);

      // The sample's licence scan is replaced by one lying on its left side.
      await e2e.app.openStep('documents');
      await item().locator('.file-row button.button--danger').click();
      await e2e.page.locator(`[data-item-id="${LICENCE_ITEM}"][data-status="missing"]`).waitFor();
      await e2e.page.locator(`[data-testid="file-input-${LICENCE_ITEM}"]`).setInputFiles({
        name: 'licence-sideways.jpg',
        mimeType: 'image/jpeg',
        buffer: await degrade(await licenceScan(), 'sideways'),
      });
      // Found from the text when attached: not provided, and it says which way to turn it.
      await item().locator('[data-testid="sideways"]').waitFor({ timeout: 120_000 });
      await expect(item().locator('[data-testid="sideways"]').textContent()).resolves.toContain(
        en.scanReader.sideways.replace('{{degrees}}', '90'),
      );
      await expect(item().getAttribute('data-status')).resolves.not.toBe('provided');
      await item().locator('[data-action="turn-upright"]').click();
      await e2e.page.locator(`[data-item-id="${LICENCE_ITEM}"][data-status="provided"]`).waitFor();
      await expect(item().locator('[data-testid="sideways"]').count()).resolves.toBe(0);
      const upright = (await e2e.ws.storedCase(caseId)).attachments.find(
        (a) => a.checklistItemId === LICENCE_ITEM,
      );
      expect(upright).toBeDefined();
      expect(upright!.widthPx).toBeGreaterThan(upright!.heightPx!);
      expect(upright!.turnToUpright).toBeUndefined();

      // Read it: each value beside the piece of the scan it came from, label as printed and its meaning.
      await item().locator('[data-action="read-scan"]').click();
      await panel().waitFor({ timeout: 180_000 });
      await expect(panel().locator('h4').textContent()).resolves.toBe(
        en.scanReader.heading.replace('{{kind}}', 'Business licence'),
      );
      for (const [key, value] of Object.entries(LICENCE))
        await expect(row(key).locator('input.scan-field__value').inputValue(), key).resolves.toBe(value);
      await expect(row('uscc').locator('.scan-field__printed').textContent()).resolves.toBe(
        '统一社会信用代码',
      );
      await expect(
        row('uscc')
          .locator('img.scan-field__crop')
          .evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth / img.naturalHeight)),
      ).resolves.toBeGreaterThan(3);
      await expect(panel().locator('.file-check--fail').count()).resolves.toBe(0);
      await expect(panel().locator('.file-check--pass').count()).resolves.toBe(2);
      // Nothing is written before the user writes it.
      expect((await e2e.ws.storedCase(caseId)).subject.name).toBe(before.subject.name);

      // The language switched live (as the menu does: main saves the setting and tells the window): the same
      // review, now in Chinese.
      await e2e.page.evaluate(() =>
        (
          window as unknown as { api: { settingsSet: (s: { language: string }) => Promise<unknown> } }
        ).api.settingsSet({ language: 'zh-CN' }),
      );
      await e2e.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await expect(panel().locator('h4').textContent()).resolves.toBe(
        zhCN.scanReader.heading.replace('{{kind}}', '营业执照'),
      );
      await expect(row('uscc').locator('label').textContent()).resolves.toBe('统一社会信用代码');
      await expect(row('name').locator('input.scan-field__value').inputValue()).resolves.toBe(LICENCE.name);
      // Another person than the one the case calls the legal representative: said why, no way to accept it.
      await expect(row('legalRepresentative').textContent()).resolves.toContain(
        zhCN.scanReader.problem.legalRepIsOtherPerson,
      );
      await expect(row('legalRepresentative').locator('[data-action="accept-field"]').count()).resolves.toBe(
        0,
      );

      // Accept every value without a flag, then any flagged one after a look at its crop; write.
      await panel().locator('[data-action="accept-clean"]').click();
      const flagged = panel().locator('li.scan-field--pending [data-action="accept-field"]');
      while ((await flagged.count()) > 0) await flagged.first().click();
      // The company type has no field in the application: shown for reference, never written.
      await expect(row('type').locator('[data-action="accept-field"]').count()).resolves.toBe(0);
      await panel().locator('[data-action="write-scan"]').click();
      await item().locator('[data-testid="scan-written"]').waitFor();
      await expect(item().locator('[data-testid="scan-written"]').textContent()).resolves.toContain(
        zhCN.steps.applicant.label,
      );
      await e2e.ws.waitUntilSaved();

      const stored = await e2e.ws.storedCase(caseId);
      expect(stored.subject).toMatchObject({
        name: LICENCE.name,
        certificateNumber: LICENCE.uscc,
        certificateType: 'business_licence',
        registeredCapitalCny: capitalInYuan(LICENCE.registeredCapital),
        establishedOn: LICENCE.establishedOn,
        certificateLongTerm: true,
        certificateValidTo: '',
        certificateAddress: LICENCE.address,
        businessScope: LICENCE.businessScope,
      });
      expect(stored.subject.registeredCapitalCny).toBe(10_000_000);
      expect(stored.legalRepresentative.name).toBe(before.legalRepresentative.name);
      expect(stored.principal.name).toBe(before.principal.name);

      // On the steps, in Chinese, then in English.
      await expectWrittenOnSteps('zh-CN');
      await e2e.capture('scan-written-applicant-zh-CN');
      await e2e.app.header.settings.click();
      await e2e.app.chooseLanguage('en', 'en');
      await e2e.app.go(`#/case/${caseId}/documents`);
      await expectWrittenOnSteps('en');
      expect(e2e.a11yFindings).toEqual([]);
    },
  );
});
