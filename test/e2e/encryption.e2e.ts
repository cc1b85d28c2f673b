/**
 * Encryption in real Chromium on the shipped bundles, with the app's key session and a fake OS
 * keychain (issue 13): the unlock at start with a wrong-passphrase message and the tries left, Settings →
 * Encryption showing and changing the protection (only the keyring changes), a first start where Linux's
 * basic_text is not a keychain, and the .icpcase passphrase on export and import — in English and 简体中文.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { AppPage } from './support/app-page';
import { openAppSession, type AppSession, type AppSessionOptions } from './support/browser';
import { useChromium } from './support/fixture';

const TEXT = { en, 'zh-CN': zhCN } as const;
type Lang = keyof typeof TEXT;

const chromium = useChromium();
let session: AppSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(lang: Lang, server: AppSessionOptions['server']): Promise<AppPage> {
  session = await openAppSession(chromium.browser, { server });
  await writeFile(path.join(session.server.userDataDir, 'settings.json'), JSON.stringify({ language: lang }));
  const app = new AppPage(session.page, session.server.origin);
  await app.open();
  return app;
}

/** SHA-256 of every case file in the store (keyring excluded): proves a re-wrap touched no case file. */
async function caseFiles(userDataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!entry.name.startsWith('keyring'))
        out[path.relative(userDataDir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(path.join(userDataDir, 'store'));
  return out;
}

/** Waits until the screen's heading reads `text` (it changes after main answers). */
async function headingIs(app: AppPage, text: string): Promise<void> {
  await app.page.locator('main#main h1', { hasText: text }).waitFor();
  await expect(app.heading().textContent()).resolves.toBe(text);
}

const fill = async (app: AppPage, selector: string, value: string) => app.page.locator(selector).fill(value);

describe.each(['en', 'zh-CN'] as const)('encryption (%s)', (lang) => {
  const t = TEXT[lang];

  it('unlocks a passphrase store at start, says a wrong passphrase is wrong, then changes it in Settings', async () => {
    const app = await start(lang, { encryption: { keychain: 'available', passphrase: 'first passphrase' } });
    await headingIs(app, t.encryption.unlockHeading);

    await fill(app, '#unlock-passphrase', 'a wrong guess');
    await app.page.locator('form button[type="submit"]').click();
    const error = app.page.getByTestId('unlock-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      `${t.errors.wrongPassphrase} ${t.encryption.attemptsLeft.replace('{{count}}', '4')}`,
    );
    await app.screenshot(`encryption-unlock-wrong-${lang}`);

    await fill(app, '#unlock-passphrase', 'first passphrase');
    await app.page.locator('form button[type="submit"]').click();
    await app.page.locator('[data-case-id]').first().waitFor();
    await expect(app.page.locator('.case-list').textContent()).resolves.toContain('Guarded case');

    await app.go('#/settings');
    const inUse = app.page.getByTestId('encryption-in-use');
    await expect(inUse.textContent()).resolves.toBe(t.encryption.protection.passphrase);
    const userDataDir = session!.server.userDataDir;
    const before = await caseFiles(userDataDir);
    const keyringBefore = await readFile(path.join(userDataDir, 'store', 'keyring.json'), 'utf8');
    await fill(app, '#change-current', 'first passphrase');
    await fill(app, '#change-new', 'second passphrase');
    await fill(app, '#change-repeat', 'second passphrase');
    await app.page.getByTestId('change-form').locator('button[type="submit"]').click();
    await expect(app.page.getByTestId('encryption-done').textContent()).resolves.toBe(t.encryption.done);
    await app.screenshot(`encryption-settings-changed-${lang}`);
    expect(await caseFiles(userDataDir)).toEqual(before);
    expect(await readFile(path.join(userDataDir, 'store', 'keyring.json'), 'utf8')).not.toBe(keyringBefore);

    // Main keeps the key open for the rest of the run: reloading the window does not ask again. (That only
    // the new passphrase opens the store after a restart is proved in test/electron/ipc/encryption.test.ts.)
    await app.reload();
    await headingIs(app, t.settings.title);
    await app.go('#/');
    await app.page.locator('[data-case-id]').first().waitFor();
  });

  it('on Linux with basic_text asks for a passphrase at first start and never calls it a keychain', async () => {
    const app = await start(lang, { encryption: { keychain: 'basicText' } });
    await headingIs(app, t.encryption.setupHeading);
    await fill(app, '#setup-new', 'chosen at first start');
    await fill(app, '#setup-repeat', 'chosen at first start');
    await app.page.getByTestId('setup-form').locator('button[type="submit"]').click();
    await headingIs(app, t.home.emptyHeading);

    await app.go('#/settings');
    await expect(app.page.getByTestId('encryption-in-use').textContent()).resolves.toBe(
      t.encryption.protection.passphrase,
    );
    await expect(app.page.getByTestId('keychain-not-available').textContent()).resolves.toBe(
      t.encryption.keychainBasicText,
    );
    await expect(app.page.getByTestId('use-keychain-form').count()).resolves.toBe(0);
    const section = (await app.page.getByTestId('encryption-section').textContent()) ?? '';
    expect(section).not.toContain(t.encryption.protection.keychain);
    await app.screenshot(`encryption-basic-text-${lang}`);
    const keyring = JSON.parse(
      await readFile(path.join(session!.server.userDataDir, 'store', 'keyring.json'), 'utf8'),
    ) as { provider: string };
    expect(keyring.provider).toBe('passphrase');
  });

  it('exports an .icpcase with a passphrase and imports it again only with that passphrase', async () => {
    const app = await start(lang, {
      encryption: { keychain: 'available' },
      caseFileName: 'exchange.icpcase',
    });
    await headingIs(app, t.home.emptyHeading);
    await app.page.evaluate(async () => {
      type Api = { caseCreate: (r: { name: string }) => Promise<{ ok: boolean }> };
      await (window as unknown as { api: Api }).api.caseCreate({ name: 'Travelling case' });
    });
    await app.reload();
    const row = app.page.locator('[data-case-id]').first();
    await row.getByRole('button', { name: t.home.export, exact: true }).click();
    await row.locator('input[type="password"]').fill('file passphrase');
    await row.locator('form button[type="submit"]').click();
    await expect(app.page.locator('[data-toast="exported"]').textContent()).resolves.toContain(
      t.home.exportedEncrypted.replace('{{file}}', 'exchange.icpcase'),
    );
    const file = await readFile(path.join(session!.server.userDataDir, 'exchange.icpcase'));
    expect(file.includes(Buffer.from('Travelling case'))).toBe(false);

    await app.page.getByRole('button', { name: t.home.importCase }).click();
    await app.page.locator('#import-passphrase').waitFor();
    await fill(app, '#import-passphrase', 'not the passphrase');
    await app.page.locator('#import-passphrase').press('Enter');
    await expect(app.page.locator('.notice').first().textContent()).resolves.toContain(
      t.errors.wrongPassphrase,
    );
    await fill(app, '#import-passphrase', 'file passphrase');
    await app.page.locator('#import-passphrase').press('Enter');
    await app.page.locator('[data-toast="imported"]').waitFor();
    // The list is read again after the import's toast: wait for it rather than count at once.
    await expect.poll(() => app.page.locator('[data-case-id]').count(), { timeout: 10_000 }).toBe(2);
    await app.screenshot(`encryption-icpcase-imported-${lang}`);
  });
});
