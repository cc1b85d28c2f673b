import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { CASE_STEPS } from '../../renderer/src/screens/Case/steps';
import { useFakeStore } from './support/fake-store';
import { createFakeApi, renderApp } from './support/render-app';
import { renderCaseAt } from './support/open-case';

beforeEach(() => {
  window.location.hash = '';
  document.documentElement.lang = '';
});

function heading(): HTMLElement {
  return screen.getByRole('heading', { level: 1 });
}

function rail(): HTMLElement {
  return screen.getByRole('navigation', { name: en.steps.railLabel });
}

describe('Home', () => {
  it('explains the app and starts a new case with the pathway check', async () => {
    const fake = createFakeApi();
    const store = useFakeStore(fake);
    renderApp({ fake });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(en.home.emptyHeading);
    expect(screen.getByText(en.home.intro)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.home.startPathway }));
    expect(await screen.findByRole('heading', { level: 1, name: en.steps.pathway.title })).toBeTruthy();
    const [created] = [...store.cases.values()];
    expect(created?.name).toBe(en.home.defaultCaseName);
    expect(window.location.hash).toBe(`#/case/${created?.id}/pathway`);
  });
});

/** Renders the app with one case in the fake store, opened at `step`. */
const openCase = (step: string) => renderCaseAt(step, { name: 'Rail test' });

describe('step rail', () => {
  it('lists the eight steps and opens each one', async () => {
    const { id } = await openCase('pathway');
    const links = within(rail()).getAllByRole('link');
    expect(links.map((link) => link.querySelector('.step-rail__label')?.textContent)).toEqual(
      CASE_STEPS.map((step) => en.steps[step].label),
    );
    for (const step of [...CASE_STEPS].reverse()) {
      fireEvent.click(within(rail()).getByRole('link', { name: new RegExp(en.steps[step].label) }));
      expect(heading().textContent).toBe(en.steps[step].title);
      expect(window.location.hash).toBe(`#/case/${id}/${step}`);
      const current = within(rail())
        .getAllByRole('link')
        .filter((link) => link.getAttribute('aria-current'));
      expect(current.map((link) => link.getAttribute('href'))).toEqual([`#/case/${id}/${step}`]);
    }
  });

  it('opens After approval with its journal, go-live kit, reminders, ad checker and inventory', async () => {
    await openCase('afterApproval');
    expect(heading().textContent).toBe(en.steps.afterApproval.title);
    for (const section of ['journal', 'goLive', 'obligations', 'adCheck', 'inventory'] as const)
      expect(screen.getByRole('heading', { level: 2, name: en.afterApproval[section].heading })).toBeTruthy();
    expect(screen.getByText('Step 8 of 8')).toBeTruthy();
  });

  it('moves to the neighbouring steps with Previous and Next', async () => {
    await openCase('applicant');
    fireEvent.click(screen.getByRole('button', { name: `Next: ${en.steps.people.label}` }));
    expect(heading().textContent).toBe(en.steps.people.title);
    fireEvent.click(screen.getByRole('button', { name: `Previous: ${en.steps.applicant.label}` }));
    fireEvent.click(screen.getByRole('button', { name: `Previous: ${en.steps.pathway.label}` }));
    expect(heading().textContent).toBe(en.steps.pathway.title);
    expect(screen.queryByRole('button', { name: /^Previous/ })).toBeNull();
  });

  it('follows Back and Forward (hash changes)', async () => {
    const { id } = await openCase('pathway');
    act(() => {
      window.location.hash = `#/case/${id}/review`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(heading().textContent).toBe(en.steps.review.title);
  });
});

describe('language', () => {
  it('switches live to 简体中文, saves the choice and sets <html lang>', async () => {
    const { fake } = renderApp();
    fireEvent.click(screen.getByRole('link', { name: en.nav.settings }));
    expect(document.documentElement.lang).toBe('en');
    const select = screen.getByLabelText(en.settings.language.label) as HTMLSelectElement;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      en.settings.language.system,
      'English',
      '简体中文',
    ]);

    fireEvent.change(select, { target: { value: 'zh-CN' } });

    expect(await screen.findByRole('heading', { level: 1, name: zhCN.settings.title })).toBeTruthy();
    expect(fake.api.settingsSet).toHaveBeenCalledWith({ language: 'zh-CN' });
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('link', { name: zhCN.nav.home })).toBeTruthy();
    const options = [...(screen.getByLabelText(zhCN.settings.language.label) as HTMLSelectElement).options];
    expect(options.map((option) => option.textContent)).toEqual([
      zhCN.settings.language.system,
      'English',
      '简体中文',
    ]);
  });

  it('names the system language in the UI language inside a sentence: 当前为英语, not 当前为 English', () => {
    window.location.hash = '#/settings';
    renderApp({ fake: createFakeApi('en'), preference: 'zh-CN' });
    expect(
      screen.getByText(zhCN.settings.language.systemResolved.replace('{{language}}', '英语')),
    ).toBeTruthy();
  });

  it('resolves “System default” with the OS language main reports', () => {
    window.location.hash = '#/settings';
    renderApp({ fake: createFakeApi('zh-CN'), preference: 'system' });
    expect(heading().textContent).toBe(zhCN.settings.title);
    expect(
      screen.getByText(zhCN.settings.language.systemResolved.replace('{{language}}', '简体中文')),
    ).toBeTruthy();
  });

  it('follows a settings change sent by main', async () => {
    const { fake } = renderApp();
    act(() => fake.sendSettingsChanged({ language: 'zh-CN' }));
    expect(await screen.findByRole('heading', { level: 1, name: zhCN.home.emptyHeading })).toBeTruthy();
    expect(fake.api.settingsSet).not.toHaveBeenCalled();
  });
});

describe('errors from main', () => {
  it('shows a failed save translated, in the current language, until dismissed', async () => {
    const fake = createFakeApi();
    fake.api.settingsSet.mockResolvedValue({ ok: false, code: 'diskFull' });
    window.location.hash = '#/settings';
    renderApp({ fake });

    fireEvent.change(screen.getByLabelText(en.settings.language.label), { target: { value: 'zh-CN' } });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(zhCN.errors.diskFull);
    fireEvent.click(within(alert).getByRole('button', { name: zhCN.notices.dismiss }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a call that rejected as an internal error', async () => {
    const fake = createFakeApi();
    fake.api.settingsSet.mockRejectedValue(new Error('bridge gone'));
    window.location.hash = '#/settings';
    renderApp({ fake });
    fireEvent.change(screen.getByLabelText(en.settings.language.label), { target: { value: 'en' } });
    expect((await screen.findByRole('alert')).textContent).toContain(en.errors.internal);
  });

  it('shows failures from start-up', () => {
    renderApp({ startupErrors: ['ioFailed'] });
    expect(screen.getByRole('alert').textContent).toContain(en.errors.ioFailed);
  });

  it('shows the same failure once, however often it happens', async () => {
    const fake = createFakeApi();
    fake.api.settingsSet.mockResolvedValue({ ok: false, code: 'ioFailed' });
    window.location.hash = '#/settings';
    renderApp({ fake });
    const select = screen.getByLabelText(en.settings.language.label);
    fireEvent.change(select, { target: { value: 'en' } });
    await screen.findByRole('alert');
    fireEvent.change(select, { target: { value: 'system' } });
    await act(async () => undefined);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});

describe('outside links and menu commands', () => {
  it('hands the MIIT link to main instead of following it', async () => {
    window.location.hash = '#/settings';
    const { fake } = renderApp();
    const link = screen.getByRole('link', { name: new RegExp(en.settings.about.miitLink) });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => void link.dispatchEvent(click));
    expect(click.defaultPrevented).toBe(true);
    expect(fake.api.shellOpenExternal).toHaveBeenCalledWith({ url: 'https://beian.miit.gov.cn/' });
    expect(window.location.hash).toBe('#/settings');
  });

  it('tells the user when main refuses a link', async () => {
    const fake = createFakeApi();
    fake.api.shellOpenExternal.mockResolvedValue({ ok: false, code: 'urlNotAllowed' });
    window.location.hash = '#/settings';
    renderApp({ fake });
    fireEvent.click(screen.getByRole('link', { name: new RegExp(en.settings.about.miitLink) }));
    expect((await screen.findByRole('alert')).textContent).toContain(en.errors.urlNotAllowed);
  });

  it('shows the app version in About', () => {
    window.location.hash = '#/settings';
    renderApp();
    expect(screen.getByText('Version 9.8.7')).toBeTruthy();
    expect(screen.getByText(en.settings.about.fontLicence)).toBeTruthy();
  });

  it('acts on every native menu command', async () => {
    const { fake } = renderApp();
    act(() => fake.sendMenuCommand('openSettings'));
    expect(heading().textContent).toBe(en.settings.title);
    act(() => fake.sendMenuCommand('newCase'));
    // A new case is named first (New case… dialog on Home), then opens at the pathway check.
    expect(await screen.findByRole('dialog', { name: en.home.newCaseHeading })).toBeTruthy();
    expect(document.activeElement?.id).toBe('new-case-name');
    act(() => fake.sendMenuCommand('showAbout'));
    expect(document.activeElement?.textContent).toBe(en.settings.about.heading);
    act(() => fake.sendMenuCommand('goHome'));
    expect(await screen.findByRole('heading', { level: 1, name: en.home.emptyHeading })).toBeTruthy();
  });

  it('stops listening to main when unmounted', () => {
    const { fake, unmount } = renderApp();
    expect(fake.listenerCount()).toBe(3);
    unmount();
    expect(fake.listenerCount()).toBe(0);
  });
});
