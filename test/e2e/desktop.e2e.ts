/**
 * Desktop conventions in real Chromium: an `.icpcase` dropped on the window is imported (its bytes cross to
 * main, never a path), and the File menu's Open / Import and Export case reach Home's import and export —
 * in English and 简体中文.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CaseStore } from '../../host/store/case-store';
import { PassphraseKeyProvider } from '../../host/store/keys';
import { useAppSession, useChromium } from './support/fixture';

const TEXT = { en, 'zh-CN': zhCN } as const;
const CASE_FILE = 'from-menu.icpcase';

let exported: { name: string; bytes: Uint8Array };
let senderDir: string;

beforeAll(async () => {
  senderDir = await mkdtemp(path.join(tmpdir(), 'icp-e2e-sender-'));
  const store = new CaseStore({
    root: senderDir,
    keyProvider: new PassphraseKeyProvider('sender', { costLog2: 10 }),
  });
  const created = await store.create({ name: '北风 Northwind shop' });
  exported = { name: created.name, bytes: (await store.exportCase(created.id)).bytes };
});

afterAll(async () => {
  await rm(senderDir, { recursive: true, force: true });
});

const chromium = useChromium();

/** A fresh app session per test, with the UI in `lang` and the Open dialog picking CASE_FILE. */
function session(lang: keyof typeof TEXT) {
  return useAppSession({
    chromium,
    server: { caseFileName: CASE_FILE },
    prepare: async (opened) => {
      await writeFile(
        path.join(opened.server.userDataDir, 'settings.json'),
        JSON.stringify({ language: lang }),
      );
    },
  });
}

// One language per flow: each costs a browser session, and the unit tests cover both flows in both languages.
describe('dropping a case file (en)', () => {
  const lang = 'en';
  const t = TEXT[lang];
  const e2e = session(lang);

  it('an .icpcase dropped on the window is imported', async () => {
    await e2e.app.open();
    const dataTransfer = await e2e.page.evaluateHandle(
      ({ bytes, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name));
        return transfer;
      },
      { bytes: [...exported.bytes], name: 'Dropped case.icpcase' },
    );
    await e2e.page.dispatchEvent('main#main', 'dragover', { dataTransfer });
    await e2e.page.dispatchEvent('main#main', 'drop', { dataTransfer });
    await e2e.page.locator('[data-toast="imported"]').waitFor();
    await expect(e2e.page.locator('[data-toast="imported"] .toast__message').textContent()).resolves.toBe(
      t.home.imported.replace('{{name}}', exported.name),
    );
    // The list is read again after the toast shows: wait for it rather than count at once (a race that failed
    // on a busy machine).
    await expect.poll(() => e2e.page.getByRole('link', { name: exported.name }).count()).toBe(1);
    await e2e.capture(`desktop-dropped-${lang}`);

    // Anything else dropped is explained, not imported.
    const other = await e2e.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF-1.7'], 'licence.pdf'));
      return transfer;
    });
    await e2e.page.dispatchEvent('main#main', 'drop', { dataTransfer: other });
    await expect(e2e.app.alerts().first().textContent()).resolves.toContain(t.errors.notCaseFile);
    expect(e2e.session.consoleErrors).toEqual([]);
    expect(e2e.a11yFindings).toEqual([]);
  });
});

describe('the File menu (zh-CN)', () => {
  const lang = 'zh-CN';
  const e2e = session(lang);

  it('File → Open / Import imports the file the Open dialog picks; File → Export case opens that case’s export', async () => {
    await writeFile(path.join(e2e.session.server.userDataDir, CASE_FILE), exported.bytes);
    await e2e.app.open();
    await e2e.app.menuCommand('importCase');
    await e2e.page.locator('[data-toast="imported"]').waitFor();
    const row = e2e.page.getByRole('link', { name: exported.name });
    await row.waitFor();
    const caseId = (await row.getAttribute('href'))?.split('/')[2];

    await e2e.app.go(`#/case/${caseId}/people`);
    await e2e.app.menuCommand('exportCase');
    const passphrase = e2e.page.locator(`#case-${caseId}-name-passphrase`);
    await passphrase.waitFor();
    await e2e.page.waitForFunction(
      (id) => document.activeElement?.id === id,
      `case-${caseId}-name-passphrase`,
    );
    await e2e.capture(`desktop-menu-export-${lang}`);
    expect(e2e.session.consoleErrors).toEqual([]);
    expect(e2e.a11yFindings).toEqual([]);
  });
});
