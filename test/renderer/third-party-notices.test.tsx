import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { ThirdPartyNotices } from '../../renderer/src/screens/Settings/ThirdPartyNotices';

function show(language: 'en' | 'zh-CN', load: () => Promise<string>) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ThirdPartyNotices load={load} />
    </I18nextProvider>,
  );
  const details = screen.getByTestId('third-party-notices') as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('Settings → About: third-party licence notices', () => {
  it('loads the notices only when opened, and shows them as published, in English', async () => {
    const load = vi.fn(async () => 'react 19.3.1 — MIT\n\nPermission is hereby granted…');
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ThirdPartyNotices load={load} />
      </I18nextProvider>,
    );
    expect(screen.getByText(zhCN.settings.about.noticesShow)).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
    const details = screen.getByTestId('third-party-notices') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const text = await screen.findByText(/Permission is hereby granted/);
    expect(load).toHaveBeenCalledTimes(1);
    expect(text.getAttribute('lang')).toBe('en');
    expect(text.getAttribute('translate')).toBe('no');
  });

  it.each([
    ['en', en.settings.about.noticesUnavailable],
    ['zh-CN', zhCN.settings.about.noticesUnavailable],
  ] as const)('says in %s when the notices cannot be loaded', async (language, message) => {
    show(language, async () => Promise.reject(new Error('404')));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });
});
