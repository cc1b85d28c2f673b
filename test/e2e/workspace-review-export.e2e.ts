/**
 * The second half of the guided workspace in real Chromium on the shipped bundles, with the real store
 * on a temp folder: from an empty app the sample case opens to a clean pre-flight; an invalid USCC and an
 * expiring ID card are shown on the Review step, opened from there and fixed; a JPEG made here and the
 * scanned PDF of the statement printed for signing and signed are attached (and a GIF refused, translated);
 * the documents are previewed through pdf.js; the packet is exported with progress, shown in its folder and
 * recorded; after a reload everything is still there. A key part is repeated in 简体中文. Every step is captured as test-results/step-<step>-<lang>.png, and axe-core
 * finds no serious or critical violation on any of them.
 *
 * The data-entry steps themselves (pathway questions, forms, autosave, undo) are driven in
 * workspace-flow.e2e.ts with the same page objects.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';
import { isoInDays, waitForDrawnPage as drawn } from './support/drawn';
import { useAppSession } from './support/fixture';
import { renderPdfPage, scannedPdf, signPage } from '../fixtures/signing';

const ID_FRONT = 'service-principal-id-front@svc-mini-1';
const STATEMENT = 'no-preapproval-statement';

const e2e = useAppSession();

const item = (id: string) => e2e.page.locator(`[data-item-id="${id}"]`);
const issue = (code: string) => e2e.page.locator(`.review-step li.issue[data-code="${code}"]`);

async function waitForCleanPreflight(): Promise<void> {
  await e2e.page
    .locator('[data-testid="preflight-summary"][data-errors="0"][data-open-warnings="0"]')
    .waitFor();
}

/** The first preview page under `scope` has been drawn (support/drawn.ts counts its ink). */
const waitForDrawnPage = (scope: string, timeout?: number) => drawn(e2e.page, scope, timeout);

/** Visits every step: screenshot step-<step>-<lang>.png and axe on each. */
async function captureEveryStep(lang: 'en' | 'zh-CN'): Promise<void> {
  for (const step of CASE_STEPS) {
    await e2e.ws.showStep(step);
    await e2e.capture(`step-${step}-${lang}`);
  }
}

async function sampleJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 196, g: 72, b: 48 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

describe('the drawn-page check', () => {
  it('refuses a canvas that was never drawn on and accepts one with ink', async () => {
    await e2e.app.open();
    // A blank canvas (transparent black) where the previews would be: the old check took it for a page.
    await e2e.page.evaluate(() => {
      const holder = document.createElement('div');
      holder.className = 'ink-check';
      const canvas = document.createElement('canvas');
      canvas.className = 'pdf-pages__page';
      canvas.width = 200;
      canvas.height = 280;
      holder.append(canvas);
      document.body.append(holder);
    });
    await expect(waitForDrawnPage('.ink-check', 1_500)).rejects.toThrow(/Timeout/);
    // White paper alone is not ink either; text on it is.
    await e2e.page.evaluate(() => {
      const context = document.querySelector<HTMLCanvasElement>('.ink-check canvas')!.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, 200, 280);
    });
    await expect(waitForDrawnPage('.ink-check', 1_500)).rejects.toThrow(/Timeout/);
    await e2e.page.evaluate(() => {
      const context = document.querySelector<HTMLCanvasElement>('.ink-check canvas')!.getContext('2d')!;
      context.fillStyle = '#1b2430';
      context.fillRect(20, 20, 120, 40);
    });
    await waitForDrawnPage('.ink-check', 5_000);
  });
});

describe('documents, review and export', () => {
  it(
    'takes the sample case to a clean pre-flight, fixes findings, attaches files, exports, and keeps it all after a reload',
    { timeout: 240_000 },
    async () => {
      await e2e.app.open();
      await e2e.ws.home.openSample.click();
      await e2e.ws.waitForStep('pathway');
      const caseId = await e2e.ws.caseId();

      await e2e.app.openStep('review');
      await waitForCleanPreflight();
      await waitForDrawnPage('.previews');

      // An invalid USCC: the Review step lists it under Applicant with its fix, and opens the field.
      await e2e.app.openStep('applicant');
      await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
      await e2e.ws.waitUntilSaved();
      await e2e.app.openStep('review');
      await issue('uscc.checksum').waitFor();
      await expect(issue('uscc.checksum').textContent()).resolves.toContain('should be A, not B');
      await expect(
        e2e.page.locator('.issue-group[data-step="applicant"] li.issue[data-code="uscc.checksum"]').count(),
      ).resolves.toBe(1);
      await issue('uscc.checksum').locator('[data-testid="open-issue"]').click();
      await e2e.ws.waitForStep('applicant');
      await e2e.page.waitForFunction(() => document.activeElement?.id === 'field-subject-certificateNumber');
      await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
      await e2e.ws.waitUntilSaved();

      // An ID card that expires during the review: an error on the field, "expiring" on the checklist.
      await e2e.app.openStep('services');
      await e2e.ws.fill('services.0.principal.idValidTo', isoInDays(40));
      await e2e.ws.waitUntilSaved();
      await e2e.app.openStep('documents');
      await expect(item(ID_FRONT).getAttribute('data-status')).resolves.toBe('expiring');
      await e2e.app.openStep('review');
      await issue('document.expiresBeforeReviewEnds').waitFor();
      await issue('document.expiresBeforeReviewEnds').locator('[data-testid="open-issue"]').click();
      await e2e.ws.waitForStep('services');
      await e2e.page.waitForFunction(
        () => document.activeElement?.id === 'field-services-0-principal-idValidTo',
      );
      await e2e.ws.fill('services.0.principal.idValidTo', '2039-04-02');
      await e2e.ws.waitUntilSaved();
      await e2e.app.openStep('documents');
      await expect(item(ID_FRONT).getAttribute('data-status')).resolves.toBe('provided');

      // Attach: the sample's ID scan is replaced by a JPEG made here; a PDF goes onto the statement.
      await item(ID_FRONT).locator('.file-row button.button--danger').click();
      await e2e.page.locator(`[data-item-id="${ID_FRONT}"][data-status="missing"]`).waitFor();
      await e2e.page.locator(`[data-testid="file-input-${ID_FRONT}"]`).setInputFiles({
        name: 'id-front-e2e.jpg',
        mimeType: 'image/jpeg',
        buffer: await sampleJpeg(),
      });
      await e2e.page.locator(`[data-item-id="${ID_FRONT}"][data-status="provided"]`).waitFor();
      await item(ID_FRONT).locator('img.attachment-preview__image').waitFor();
      await expect(
        item(ID_FRONT)
          .locator('img.attachment-preview__image')
          .evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
      ).resolves.toBe(1600);
      // Type and pixels at least; every rule the item sets passes.
      await expect(item(ID_FRONT).locator('.file-check--pass').count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(item(ID_FRONT).locator('.file-check--fail').count()).resolves.toBe(0);

      // A GIF is refused, and the refusal says why in the UI language.
      await e2e.page.locator(`[data-testid="file-input-${STATEMENT}"]`).setInputFiles({
        name: 'scan.gif',
        mimeType: 'image/gif',
        buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      });
      await expect(
        item(STATEMENT).locator('xpath=..').locator('[role="alert"]').textContent(),
      ).resolves.toContain(en.errors.attachmentKind.gif);
      // The statement is signed by hand: printed for signing, its page signed and scanned into a PDF.
      await item(STATEMENT).locator(`[data-testid="sign-print-${STATEMENT}"]`).click();
      await item(STATEMENT).locator('[data-testid="signing-saved"]').waitFor({ timeout: 60_000 });
      const [printed] = await readdir(e2e.session.server.signingDir);
      const printout = new Uint8Array(await readFile(path.join(e2e.session.server.signingDir, printed!)));
      await e2e.page.locator(`[data-testid="file-input-${STATEMENT}"]`).setInputFiles({
        name: 'statement-e2e.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await scannedPdf([await signPage(await renderPdfPage(printout, 1, 150))])),
      });
      await e2e.page.locator(`[data-item-id="${STATEMENT}"][data-status="provided"]`).waitFor();
      await waitForDrawnPage(`[data-item-id="${STATEMENT}"]`);
      await expect(item(STATEMENT).locator('.file-row__meta').textContent()).resolves.toContain('PDF');

      await captureEveryStep('en');
      await e2e.app.openStep('review');
      await waitForCleanPreflight();

      // Export: progress, the packet on disk, "Show in folder" and the history entry.
      await e2e.app.openStep('export');
      await e2e.page.locator('input[name="export-profile"][value="wechat"]').check();
      await e2e.page.locator('[data-testid="export-button"]').click();
      await e2e.page.locator('[data-testid="export-result"]').waitFor({ timeout: 120_000 });
      const [folder] = await readdir(e2e.session.server.packetParentDir);
      expect(folder).toBeDefined();
      // The user is told where the packet is, by its full path.
      expect(await e2e.page.locator('[data-testid="export-folder-path"]').textContent()).toContain(
        path.join(e2e.session.server.packetParentDir, folder!),
      );
      const manifest = JSON.parse(
        await readFile(path.join(e2e.session.server.packetParentDir, folder!, 'manifest.json'), 'utf8'),
      ) as { profile: { id: string }; attachments: { checklistItemId: string }[] };
      expect(manifest.profile.id).toBe('wechat');
      expect(manifest.attachments.map((a) => a.checklistItemId)).toEqual(
        expect.arrayContaining([ID_FRONT, STATEMENT]),
      );
      await e2e.page.locator('[data-testid="reveal-button"]').click();
      await expect.poll(() => e2e.session.server.shownInFolder.length).toBe(1);
      expect(e2e.session.server.shownInFolder[0]).toBe(
        path.join(e2e.session.server.packetParentDir, folder!),
      );
      await e2e.page.locator('[data-testid="export-history"] li').first().waitFor();
      await e2e.ws.waitUntilSaved();
      await e2e.screenshot('export-done-en');
      await e2e.checkAccessibility('export done en');

      // Reload: the fixes, both files, their previews and the export record come back from the store.
      await e2e.app.reload();
      await e2e.ws.waitForStep('export');
      await expect(e2e.page.locator('[data-testid="export-history"] li').count()).resolves.toBe(1);
      await e2e.app.openStep('documents');
      await expect(item(ID_FRONT).locator('.file-row__name').textContent()).resolves.toBe('id-front-e2e.jpg');
      await expect(item(STATEMENT).locator('.file-row__name').textContent()).resolves.toBe(
        'statement-e2e.pdf',
      );
      await waitForDrawnPage(`[data-item-id="${STATEMENT}"]`);
      const stored = await e2e.ws.storedCase(caseId);
      expect(stored.subject.certificateNumber).toBe('91310115MA1K4R7C5A');
      expect(stored.services[0]?.principal?.idValidTo).toBe('2039-04-02');
      expect(stored.exports).toHaveLength(1);
      expect(stored.exports[0]).toMatchObject({ folderName: folder, profile: 'wechat' });
      await e2e.app.openStep('review');
      await waitForCleanPreflight();

      expect(e2e.session.consoleErrors).toEqual([]);
      expect(e2e.session.blockedByCsp).toEqual([]);
      expect(e2e.a11yFindings).toEqual([]);
    },
  );

  it(
    'repeats the review in 简体中文: the finding and its fix in Chinese, every step captured',
    { timeout: 240_000 },
    async () => {
      await e2e.app.open('#/settings');
      await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
      await e2e.app.header.home.click();
      await e2e.ws.home.openSample.click();
      await e2e.ws.waitForStep('pathway');

      await e2e.app.openStep('review');
      await waitForCleanPreflight();
      await expect(e2e.app.heading().textContent()).resolves.toBe(zhCN.steps.review.title);

      await e2e.app.openStep('applicant');
      // A date is written the UI language's way whatever the browser's locale (a native date input showed
      // the OS's 03/17/2051 here), and one typed the Chinese way is read.
      const term = e2e.ws.field('subject.certificateValidTo');
      await expect(term.inputValue()).resolves.toBe('2051年3月17日');
      await term.fill('2051年3月18日');
      await e2e.page.locator('#field-subject-certificateValidTo ~ [data-testid="date-confirmed"]').waitFor();
      await term.fill('2051-03-17');
      await term.blur();
      await expect(term.inputValue()).resolves.toBe('2051年3月17日');
      await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
      await e2e.ws.waitUntilSaved();
      await e2e.app.openStep('review');
      await issue('uscc.checksum').waitFor();
      await expect(issue('uscc.checksum').textContent()).resolves.toContain('第 18 位校验码应为 A');
      await expect(issue('uscc.checksum').textContent()).resolves.toContain(zhCN.reviewStep.fix);
      await e2e.app.openStep('export');
      await e2e.page.locator('[data-testid="export-refused"]').waitFor();
      await expect(e2e.page.locator('[data-testid="export-button"]').isDisabled()).resolves.toBe(true);
      await e2e.screenshot('export-refused-zh-CN');
      await e2e.checkAccessibility('export refused zh-CN');
      await e2e.page
        .locator(
          '[data-testid="export-refused"] li.issue[data-code="uscc.checksum"] [data-testid="open-issue"]',
        )
        .click();
      await e2e.ws.waitForStep('applicant');
      await e2e.page.waitForFunction(() => document.activeElement?.id === 'field-subject-certificateNumber');
      await e2e.ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
      await e2e.ws.waitUntilSaved();

      // The bilingual review copy: main renders the review variant and the pages are drawn again.
      await e2e.app.openStep('review');
      await waitForDrawnPage('.previews');
      const reviewRender = e2e.session.server.nextInvoke(
        'document:render',
        (request) => (request as { variant?: string }).variant === 'review',
      );
      await e2e.page.locator('input[name="preview-variant"][value="review"]').check();
      await reviewRender;
      // Every document rendered again (none waiting), then the first one's pages drawn.
      await e2e.page.waitForFunction(
        () =>
          document.querySelectorAll('.preview').length > 0 &&
          [...document.querySelectorAll('.preview__state')].every((state) => state.textContent === '') &&
          document.querySelector('[data-testid="progress-panel"]') === null &&
          document.querySelector('.preview canvas.pdf-pages__page') !== null,
        undefined,
        { timeout: 60_000 },
      );
      await waitForDrawnPage('.previews');
      await e2e.screenshot('review-bilingual-zh-CN');

      await captureEveryStep('zh-CN');
      await e2e.app.openStep('review');
      await waitForCleanPreflight();

      expect(e2e.session.consoleErrors).toEqual([]);
      expect(e2e.session.blockedByCsp).toEqual([]);
      expect(e2e.a11yFindings).toEqual([]);
    },
  );
});
