import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EncryptionStatus } from '../../electron/contract';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { createFakeApi, renderApp } from './support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

const locked: EncryptionStatus = {
  protection: 'passphrase',
  unlocked: false,
  keychain: { available: true },
  attemptsLeft: 5,
};
const open = (status: Partial<EncryptionStatus> = {}): EncryptionStatus => ({
  ...locked,
  unlocked: true,
  ...status,
});

/** Types `value` into the field labelled `label` (a passphrase box). */
const typeInto = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('unlock at start', () => {
  it('asks for the passphrase before anything, says when it is wrong and how many tries are left', async () => {
    const fake = createFakeApi();
    fake.api.encryptionUnlock
      .mockResolvedValueOnce({ ok: false, code: 'wrongPassphrase', details: { attemptsLeft: 4 } })
      .mockResolvedValueOnce({ ok: true, value: open() });
    renderApp({ fake, encryption: locked });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.encryption.unlockHeading);
    // Nothing of the store is asked for while it is locked.
    expect(fake.api.casesList).not.toHaveBeenCalled();

    typeInto(en.home.passphrase, 'wrong guess');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.unlockButton }));
    const alert = await screen.findByTestId('unlock-error');
    expect(alert.textContent).toBe(
      `${en.errors.wrongPassphrase} ${en.encryption.attemptsLeft.replace('{{count}}', '4')}`,
    );
    expect(fake.api.encryptionUnlock).toHaveBeenCalledWith({ passphrase: 'wrong guess' });

    typeInto(en.home.passphrase, 'right one');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.unlockButton }));
    expect(await screen.findByRole('heading', { level: 1, name: en.home.emptyHeading })).toBeTruthy();
    expect(fake.api.casesList).toHaveBeenCalled();
  });

  it('at the retry limit says nothing was deleted, in Chinese too', async () => {
    const fake = createFakeApi();
    fake.api.encryptionUnlock.mockResolvedValue({ ok: false, code: 'unlockLimit', details: { max: 5 } });
    renderApp({ fake, encryption: locked, preference: 'zh-CN' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zhCN.encryption.unlockHeading);
    typeInto(zhCN.home.passphrase, 'x');
    fireEvent.click(screen.getByRole('button', { name: zhCN.encryption.unlockButton }));
    expect((await screen.findByTestId('unlock-error')).textContent).toBe(zhCN.errors.unlockLimit);
  });

  it('a first start without a usable keychain asks to choose a passphrase (twice, long enough)', async () => {
    const fake = createFakeApi();
    fake.api.encryptionUsePassphrase.mockResolvedValue({ ok: true, value: open() });
    renderApp({
      fake,
      encryption: { ...locked, protection: 'unset', keychain: { available: false, reason: 'basicText' } },
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.encryption.setupHeading);
    typeInto(en.encryption.newPassphrase, 'one two three');
    typeInto(en.encryption.repeatPassphrase, 'one two four');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.setupButton }));
    expect((await screen.findByTestId('setup-error')).textContent).toBe(en.encryption.mismatch);
    expect(fake.api.encryptionUsePassphrase).not.toHaveBeenCalled();
    typeInto(en.encryption.repeatPassphrase, 'one two three');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.setupButton }));
    expect(await screen.findByRole('heading', { level: 1, name: en.home.emptyHeading })).toBeTruthy();
    expect(fake.api.encryptionUsePassphrase).toHaveBeenCalledWith({ passphrase: 'one two three' });
  });
});

describe('Settings → Encryption', () => {
  it('shows the OS keychain in use and offers a passphrase instead', async () => {
    const fake = createFakeApi();
    fake.api.encryptionUsePassphrase.mockResolvedValue({
      ok: true,
      value: open({ protection: 'passphrase' }),
    });
    window.location.hash = '#/settings';
    renderApp({ fake, encryption: open({ protection: 'keychain' }) });
    expect((await screen.findByTestId('encryption-in-use')).textContent).toBe(
      en.encryption.protection.keychain,
    );
    typeInto(en.encryption.newPassphrase, 'a long passphrase');
    typeInto(en.encryption.repeatPassphrase, 'a long passphrase');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.usePassphraseButton }));
    expect((await screen.findByTestId('encryption-done')).textContent).toBe(en.encryption.done);
    expect(screen.getByTestId('encryption-in-use').textContent).toBe(en.encryption.protection.passphrase);
  });

  it('never calls basic_text a keychain: says why a passphrase is used, and offers no switch', async () => {
    const fake = createFakeApi();
    const status = open({ protection: 'passphrase', keychain: { available: false, reason: 'basicText' } });
    fake.api.encryptionStatus.mockResolvedValue({ ok: true, value: status });
    window.location.hash = '#/settings';
    renderApp({ fake, encryption: status });
    expect((await screen.findByTestId('encryption-in-use')).textContent).toBe(
      en.encryption.protection.passphrase,
    );
    expect(screen.getByTestId('keychain-not-available').textContent).toBe(en.encryption.keychainBasicText);
    expect(screen.queryByRole('button', { name: en.encryption.useKeychainButton })).toBeNull();
    expect(screen.getByTestId('encryption-section').textContent).not.toContain(
      en.encryption.protection.keychain,
    );
  });

  it('changes the passphrase with the current one; a wrong current one is said beside the form', async () => {
    const fake = createFakeApi();
    const status = open({ protection: 'passphrase' });
    fake.api.encryptionStatus.mockResolvedValue({ ok: true, value: status });
    fake.api.encryptionUsePassphrase.mockResolvedValue({
      ok: false,
      code: 'wrongPassphrase',
      details: { attemptsLeft: 3 },
    });
    window.location.hash = '#/settings';
    renderApp({ fake, encryption: status });
    await screen.findByTestId('encryption-in-use');
    fireEvent.change(
      screen.getByLabelText(en.encryption.currentPassphrase, { selector: '#change-current' }),
      {
        target: { value: 'not it' },
      },
    );
    typeInto(en.encryption.newPassphrase, 'brand new one');
    typeInto(en.encryption.repeatPassphrase, 'brand new one');
    fireEvent.click(screen.getByRole('button', { name: en.encryption.changeButton }));
    await waitFor(() =>
      expect(screen.getByTestId('change-error').textContent).toContain(en.errors.wrongPassphrase),
    );
    expect(fake.api.encryptionUsePassphrase).toHaveBeenCalledWith({
      passphrase: 'brand new one',
      currentPassphrase: 'not it',
    });
    expect(screen.getByRole('button', { name: en.encryption.useKeychainButton })).toBeTruthy();
  });
});
