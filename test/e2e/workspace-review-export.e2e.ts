/**
 * The second half of the guided workspace in real Chromium through the loopback bridge, with the real store
 * on a temp folder: from an empty app the sample case opens to a clean pre-flight; an invalid USCC and an
 * expiring ID card are shown on the Review step, opened from there and fixed; a JPEG and a PDF made here are
 * attached (and a GIF refused, translated); the documents are previewed through pdf.js; the packet is
 * exported with progress, shown in its folder and recorded; after a reload everything is still there. A key
 * part is repeated in 简体中文. Every step is captured as test-results/step-<step>-<lang>.png, and axe-core
 * finds no serious or critical violation on any of them.
 *
 * The data-entry steps themselves (pathway questions, forms, autosave, undo) are driven in
 * workspace-flow.e2e.ts with the same page objects.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';
import { AppPage } from './support/app-page';
import { seriousAccessibilityViolations } from './support/axe';
import { launchChromium, openAppSession, type AppSession } from './support/browser';
import { isoInDays, waitForDrawnPage as drawn } from './support/drawn';
import { WorkspacePage } from './support/workspace-page';

const STEPS = CASE_STEPS;
const ID_FRONT = 'service-principal-id-front@svc-mini-1';
const STATEMENT = 'no-preapproval-statement';

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
  a11yFindings.length = 0;
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

async function openStep(step: string): Promise<void> {
  await session.page.locator(`nav.step-rail a[href$="/${step}"]`).click();
  await ws.waitForStep(step);
}

const item = (id: string) => session.page.locator(`[data-item-id="${id}"]`);
const issue = (code: string) => session.page.locator(`.review-step li.issue[data-code="${code}"]`);

async function waitForCleanPreflight(): Promise<void> {
  await session.page
    .locator('[data-testid="preflight-summary"][data-errors="0"][data-open-warnings="0"]')
    .waitFor();
}

/** The first preview page under `scope` has been drawn (support/drawn.ts counts its ink). */
const waitForDrawnPage = (scope: string, timeout?: number) => drawn(session.page, scope, timeout);

/** Visits every step: screenshot step-<step>-<lang>.png and axe on each. */
async function captureEveryStep(lang: 'en' | 'zh-CN'): Promise<void> {
  for (const step of STEPS) {
    await openStep(step);
    if (step === 'review') await waitForDrawnPage('.previews');
    if (step === 'documents') await session.page.locator('img.attachment-preview__image').first().waitFor();
    await ws.screenshot(app, `step-${step}-${lang}`);
    await checkAccessibility(`${step} ${lang}`);
  }
}

async function sampleJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 196, g: 72, b: 48 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function samplePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of ['Statement page 1', 'Statement page 2']) {
    pdf.addPage([595, 842]).drawText(line, { x: 72, y: 760, size: 28, font });
  }
  return Buffer.from(await pdf.save());
}

describe('the drawn-page check', () => {
  it('refuses a canvas that was never drawn on and accepts one with ink', async () => {
    await app.open();
    // A blank canvas (transparent black) where the previews would be: the old check took it for a page.
    await session.page.evaluate(() => {
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
    await session.page.evaluate(() => {
      const context = document.querySelector<HTMLCanvasElement>('.ink-check canvas')!.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, 200, 280);
    });
    await expect(waitForDrawnPage('.ink-check', 1_500)).rejects.toThrow(/Timeout/);
    await session.page.evaluate(() => {
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
      await app.open();
      await ws.home.openSample.click();
      await ws.waitForStep('pathway');
      const caseId = await ws.caseId();

      await openStep('review');
      await waitForCleanPreflight();
      await waitForDrawnPage('.previews');

      // An invalid USCC: the Review step lists it under Applicant with its fix, and opens the field.
      await openStep('applicant');
      await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
      await ws.waitUntilSaved();
      await openStep('review');
      await issue('uscc.checksum').waitFor();
      await expect(issue('uscc.checksum').textContent()).resolves.toContain('should be A, not B');
      await expect(
        session.page
          .locator('.issue-group[data-step="applicant"] li.issue[data-code="uscc.checksum"]')
          .count(),
      ).resolves.toBe(1);
      await issue('uscc.checksum').locator('[data-testid="open-issue"]').click();
      await ws.waitForStep('applicant');
      await session.page.waitForFunction(
        () => document.activeElement?.id === 'field-subject-certificateNumber',
      );
      await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
      await ws.waitUntilSaved();

      // An ID card that expires during the review: an error on the field, "expiring" on the checklist.
      await openStep('services');
      await ws.fill('services.0.principal.idValidTo', isoInDays(40));
      await ws.waitUntilSaved();
      await openStep('documents');
      await expect(item(ID_FRONT).getAttribute('data-status')).resolves.toBe('expiring');
      await openStep('review');
      await issue('document.expiresBeforeReviewEnds').waitFor();
      await issue('document.expiresBeforeReviewEnds').locator('[data-testid="open-issue"]').click();
      await ws.waitForStep('services');
      await session.page.waitForFunction(
        () => document.activeElement?.id === 'field-services-0-principal-idValidTo',
      );
      await ws.fill('services.0.principal.idValidTo', '2039-04-02');
      await ws.waitUntilSaved();
      await openStep('documents');
      await expect(item(ID_FRONT).getAttribute('data-status')).resolves.toBe('provided');

      // Attach: the sample's ID scan is replaced by a JPEG made here; a PDF goes onto the statement.
      await item(ID_FRONT).locator('.file-row button.button--danger').click();
      await session.page.locator(`[data-item-id="${ID_FRONT}"][data-status="missing"]`).waitFor();
      await session.page.locator(`[data-testid="file-input-${ID_FRONT}"]`).setInputFiles({
        name: 'id-front-e2e.jpg',
        mimeType: 'image/jpeg',
        buffer: await sampleJpeg(),
      });
      await session.page.locator(`[data-item-id="${ID_FRONT}"][data-status="provided"]`).waitFor();
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
      await session.page.locator(`[data-testid="file-input-${STATEMENT}"]`).setInputFiles({
        name: 'scan.gif',
        mimeType: 'image/gif',
        buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      });
      await expect(
        item(STATEMENT).locator('xpath=..').locator('[role="alert"]').textContent(),
      ).resolves.toContain(en.errors.attachmentKind.gif);
      await session.page.locator(`[data-testid="file-input-${STATEMENT}"]`).setInputFiles({
        name: 'statement-e2e.pdf',
        mimeType: 'application/pdf',
        buffer: await samplePdf(),
      });
      await session.page.locator(`[data-item-id="${STATEMENT}"][data-status="provided"]`).waitFor();
      await waitForDrawnPage(`[data-item-id="${STATEMENT}"]`);
      await expect(item(STATEMENT).locator('.file-row__meta').textContent()).resolves.toContain('PDF');

      await captureEveryStep('en');
      await openStep('review');
      await waitForCleanPreflight();

      // Export: progress, the packet on disk, "Show in folder" and the history entry.
      await openStep('export');
      await session.page.locator('input[name="export-profile"][value="wechat"]').check();
      await session.page.locator('[data-testid="export-button"]').click();
      await session.page.locator('[data-testid="export-result"]').waitFor({ timeout: 120_000 });
      const [folder] = await readdir(session.server.packetParentDir);
      expect(folder).toBeDefined();
      // The user is told where the packet is, by its full path.
      expect(await session.page.locator('[data-testid="export-folder-path"]').textContent()).toContain(
        path.join(session.server.packetParentDir, folder!),
      );
      const manifest = JSON.parse(
        await readFile(path.join(session.server.packetParentDir, folder!, 'manifest.json'), 'utf8'),
      ) as { profile: { id: string }; attachments: { checklistItemId: string }[] };
      expect(manifest.profile.id).toBe('wechat');
      expect(manifest.attachments.map((a) => a.checklistItemId)).toEqual(
        expect.arrayContaining([ID_FRONT, STATEMENT]),
      );
      await session.page.locator('[data-testid="reveal-button"]').click();
      await expect.poll(() => session.server.shownInFolder.length).toBe(1);
      expect(session.server.shownInFolder[0]).toBe(path.join(session.server.packetParentDir, folder!));
      await session.page.locator('[data-testid="export-history"] li').first().waitFor();
      await ws.waitUntilSaved();
      await ws.screenshot(app, 'export-done-en');
      await checkAccessibility('export done en');

      // Reload: the fixes, both files, their previews and the export record come back from the store.
      await app.reload();
      await ws.waitForStep('export');
      await expect(session.page.locator('[data-testid="export-history"] li').count()).resolves.toBe(1);
      await openStep('documents');
      await expect(item(ID_FRONT).locator('.file-row__name').textContent()).resolves.toBe('id-front-e2e.jpg');
      await expect(item(STATEMENT).locator('.file-row__name').textContent()).resolves.toBe(
        'statement-e2e.pdf',
      );
      await waitForDrawnPage(`[data-item-id="${STATEMENT}"]`);
      const stored = await ws.storedCase(caseId);
      expect(stored.subject.certificateNumber).toBe('91310115MA1K4R7C5A');
      expect(stored.services[0]?.principal?.idValidTo).toBe('2039-04-02');
      expect(stored.exports).toHaveLength(1);
      expect(stored.exports[0]).toMatchObject({ folderName: folder, profile: 'wechat' });
      await openStep('review');
      await waitForCleanPreflight();

      expect(session.consoleErrors).toEqual([]);
      expect(session.blockedByCsp).toEqual([]);
      expect(a11yFindings).toEqual([]);
    },
  );

  it(
    'repeats the review in 简体中文: the finding and its fix in Chinese, every step captured',
    { timeout: 240_000 },
    async () => {
      await app.open('#/settings');
      await app.chooseLanguage('zh-CN', 'zh-CN');
      await app.header.home.click();
      await ws.home.openSample.click();
      await ws.waitForStep('pathway');

      await openStep('review');
      await waitForCleanPreflight();
      await expect(app.heading().textContent()).resolves.toBe(zhCN.steps.review.title);

      await openStep('applicant');
      await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5B');
      await ws.waitUntilSaved();
      await openStep('review');
      await issue('uscc.checksum').waitFor();
      await expect(issue('uscc.checksum').textContent()).resolves.toContain('第 18 位校验码应为 A');
      await expect(issue('uscc.checksum').textContent()).resolves.toContain(zhCN.reviewStep.fix);
      await openStep('export');
      await session.page.locator('[data-testid="export-refused"]').waitFor();
      await expect(session.page.locator('[data-testid="export-button"]').isDisabled()).resolves.toBe(true);
      await ws.screenshot(app, 'export-refused-zh-CN');
      await checkAccessibility('export refused zh-CN');
      await session.page
        .locator(
          '[data-testid="export-refused"] li.issue[data-code="uscc.checksum"] [data-testid="open-issue"]',
        )
        .click();
      await ws.waitForStep('applicant');
      await session.page.waitForFunction(
        () => document.activeElement?.id === 'field-subject-certificateNumber',
      );
      await ws.fill('subject.certificateNumber', '91310115MA1K4R7C5A');
      await ws.waitUntilSaved();

      // The bilingual review copy: main renders the review variant and the pages are drawn again.
      await openStep('review');
      await waitForDrawnPage('.previews');
      const reviewRender = session.page.waitForRequest(
        (request) =>
          decodeURIComponent(request.url()).endsWith('/api/document:render') &&
          (request.postData() ?? '').includes('"variant":"review"'),
      );
      await session.page.locator('input[name="preview-variant"][value="review"]').check();
      await reviewRender;
      // Every document rendered again (none waiting), then the first one's pages drawn.
      await session.page.waitForFunction(
        () =>
          document.querySelectorAll('.preview').length > 0 &&
          [...document.querySelectorAll('.preview__state')].every((state) => state.textContent === '') &&
          document.querySelector('[data-testid="progress-panel"]') === null &&
          document.querySelector('.preview canvas.pdf-pages__page') !== null,
        undefined,
        { timeout: 60_000 },
      );
      await waitForDrawnPage('.previews');
      await ws.screenshot(app, 'review-bilingual-zh-CN');

      await captureEveryStep('zh-CN');
      await openStep('review');
      await waitForCleanPreflight();

      expect(session.consoleErrors).toEqual([]);
      expect(session.blockedByCsp).toEqual([]);
      expect(a11yFindings).toEqual([]);
    },
  );
});
