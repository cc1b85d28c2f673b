/**
 * The sign-and-return loop in real Chromium through the loopback bridge, in English and in 简体中文: the
 * sample's pre-approval statement is printed for signing from the Documents step (main's Save dialog stand-in
 * keeps the PDF), its page is rendered, signed and sealed, and attached as the scan; the instruction page
 * and, after the company is renamed, the same scan of the older version are refused with the reason in the
 * UI language, and the line reads out of date; once the name is back the copy is current again, and the
 * exported packet carries the signed scan as the statement's submission copy.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { useAppSession } from './support/fixture';
import { renderPdfPage, signPage } from '../fixtures/signing';

const STATEMENT = 'no-preapproval-statement';
const RENAMED = '上海澜岸商贸有限公司';

const e2e = useAppSession();

const item = (id: string) => e2e.page.locator(`[data-item-id="${id}"]`);
const refusal = (id: string) => item(id).locator('xpath=..').locator('[role="alert"]');
const status = (id: string, value: string) =>
  e2e.page.locator(`[data-item-id="${id}"][data-status="${value}"]`).waitFor();

/** The text of a message up to its first placeholder. */
const lead = (message: string) => message.split('{{')[0]!;

/** Page `index` of a printed PDF as a "scanned" JPEG, signed and sealed when `sign`. */
async function scanOf(pdf: Uint8Array, index: number, sign: boolean): Promise<Buffer> {
  const page = await renderPdfPage(pdf, index, 150);
  return sharp(sign ? await signPage(page) : page)
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function attach(name: string, buffer: Buffer): Promise<void> {
  await e2e.page
    .locator(`[data-testid="file-input-${STATEMENT}"]`)
    .setInputFiles({ name, mimeType: 'image/jpeg', buffer });
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('sign and return', () => {
  for (const [lang, text] of [
    ['en', en],
    ['zh-CN', zhCN],
  ] as const) {
    it(
      `prints, takes the signed scan, refuses a wrong and a stale one, exports the signed copy (${lang})`,
      { timeout: 300_000 },
      async () => {
        if (lang === 'zh-CN') {
          await e2e.app.open('#/settings');
          await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
          await e2e.app.header.home.click();
        } else {
          await e2e.app.open();
        }
        await e2e.ws.home.openSample.click();
        await e2e.ws.waitForStep('pathway');
        const caseId = await e2e.ws.caseId();
        const original = (await e2e.ws.storedCase(caseId)).subject.name;

        // Print / save for signing: the PDF lands where the Save dialog said, the version is recorded.
        await e2e.app.openStep('documents');
        await status(STATEMENT, 'missing');
        await expect(
          item(STATEMENT).locator('[data-testid="signing-panel"]').getAttribute('data-state'),
        ).resolves.toBe('none');
        await item(STATEMENT).locator(`[data-testid="sign-print-${STATEMENT}"]`).click();
        await item(STATEMENT).locator('[data-testid="signing-saved"]').waitFor({ timeout: 60_000 });
        const [printedName] = await readdir(e2e.session.server.signingDir);
        expect(printedName).toBe(
          lang === 'en'
            ? '前置审批事项说明 Statement on Sector Pre-approvals - for signing.pdf'
            : '前置审批事项说明（签字盖章用）.pdf',
        );
        const pdf = new Uint8Array(await readFile(path.join(e2e.session.server.signingDir, printedName!)));
        const stored = await e2e.ws.storedCase(caseId);
        expect(stored.signingPrints.map((p) => p.templateId)).toEqual(['pre-approval-statement']);
        // The notes come first (Chinese, then English, for a Chinese UI); the statement is the last page.
        const documentPage = lang === 'en' ? 1 : 2;
        await e2e.screenshot(`signing-panel-${lang}`);

        // The instruction page scanned instead of the document: refused, with what to do.
        await attach('note.jpg', await scanOf(pdf, 0, false));
        await expect(refusal(STATEMENT).textContent()).resolves.toContain(
          text.signing.refused.instructionSheet,
        );
        await status(STATEMENT, 'missing');

        // The signed page: checked and attached.
        const signed = await scanOf(pdf, documentPage, true);
        await attach('statement-signed.jpg', signed);
        await status(STATEMENT, 'provided');
        await expect(
          item(STATEMENT).locator('[data-testid="signed-as"]').getAttribute('data-tone'),
        ).resolves.toBe('pass');

        // The company is renamed: the statement prints the name, so its signed copy is out of date and
        // the same scan is refused as an older version.
        await e2e.app.openStep('applicant');
        await e2e.ws.fill('subject.name', RENAMED);
        await e2e.ws.waitUntilSaved();
        await e2e.app.openStep('documents');
        await status(STATEMENT, 'stale');
        await expect(
          item(STATEMENT).locator('[data-testid="signed-as"]').getAttribute('data-tone'),
        ).resolves.toBe('fail');
        await attach('statement-again.jpg', signed);
        await expect(refusal(STATEMENT).textContent()).resolves.toContain(
          lead(text.signing.refused.otherVersion),
        );
        await e2e.screenshot(`signing-stale-${lang}`);
        await e2e.checkAccessibility(`signing stale ${lang}`);

        // The name back as printed: the same content, the same version — the copy is current again.
        await e2e.app.openStep('applicant');
        await e2e.ws.fill('subject.name', original);
        await e2e.ws.waitUntilSaved();
        await e2e.app.openStep('documents');
        await status(STATEMENT, 'provided');

        // Export: the statement goes in as the signed scan, never as the unsigned original.
        await e2e.app.openStep('export');
        await e2e.page.locator('input[name="export-profile"][value="wechat"]').check();
        await e2e.page.locator('[data-testid="export-button"]').click();
        await e2e.page.locator('[data-testid="export-result"]').waitFor({ timeout: 120_000 });
        // The export is recorded in the case before the session closes.
        await e2e.page.locator('[data-testid="export-history"] li').first().waitFor();
        await e2e.ws.waitUntilSaved();
        await e2e.screenshot(`signing-exported-${lang}`);
        const [folder] = await readdir(e2e.session.server.packetParentDir);
        const packetDir = path.join(e2e.session.server.packetParentDir, folder!);
        const manifest = JSON.parse(await readFile(path.join(packetDir, 'manifest.json'), 'utf8')) as {
          attachments: { checklistItemId: string; originalName?: string }[];
        };
        expect(manifest.attachments.filter((a) => a.checklistItemId === STATEMENT)).toHaveLength(1);
        const statementFiles = (await filesUnder(packetDir)).filter((f) => f.includes('前置审批事项说明'));
        expect(statementFiles).toEqual([expect.stringMatching(/^\d\d 前置审批事项说明\.jpg$/)]);

        expect(e2e.session.consoleErrors).toEqual([]);
        expect(e2e.session.blockedByCsp).toEqual([]);
        expect(e2e.a11yFindings).toEqual([]);
      },
    );
  }
});
