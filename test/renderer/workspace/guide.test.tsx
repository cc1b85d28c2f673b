/**
 * The workspace a manager who reads no Chinese can finish alone (issue 12): one person in charge linked to
 * the legal representative, what blocks export on Home, a header language switch that keeps the place,
 * region pickers in both scripts, list buttons in real words.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { WebsiteSchema } from '../../../core/model/case';
import { checkCase } from '../../../core/rules/preflight';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { useFakeStore } from '../support/fake-store';
import { createFakeApi, renderApp } from '../support/render-app';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
  document.documentElement.lang = '';
});

const openNewCase = (step: string) => renderCaseAt(step, { name: 'Guide' });

const WEBSITE = WebsiteSchema.parse({ kind: 'website', id: 'svc-web-1', name: '青禾数字' });

const input = (path: string) => document.getElementById(`field-${path.replaceAll('.', '-')}`);

describe('People: the person in charge linked to the legal representative', () => {
  it('shows one set of fields and stores the same details for both, so an expiry is fixed once', async () => {
    const { store, id } = await openNewCase('people');
    const linked = screen.getByLabelText(en.workspaceGuide.people.linked) as HTMLInputElement;
    expect(linked.checked).toBe(true);
    // One person: the principal's fields, no second copy of the legal representative's.
    expect(input('principal.name')).not.toBeNull();
    expect(input('legalRepresentative.name')).toBeNull();
    expect(screen.queryByText(/copied below/)).toBeNull();

    fireEvent.change(input('principal.name') as HTMLElement, { target: { value: '王丽' } });
    fireEvent.change(input('principal.idValidTo') as HTMLElement, { target: { value: '2026-12-20' } });
    await waitFor(() => expect(store.cases.get(id)?.principal.name).toBe('王丽'));
    const stored = store.cases.get(id);
    expect(stored?.legalRepresentative.name).toBe('王丽');
    expect(stored?.legalRepresentative.idValidTo).toBe('2026-12-20');
    // The pre-flight reports the expiring ID once, on the field the user sees.
    const expiring = checkCase(stored!, { today: '2026-11-25' }).filter(
      (issue) => issue.code === 'document.expiresBeforeReviewEnds',
    );
    expect(expiring.map((issue) => issue.path)).toEqual(['principal.idValidTo']);
  });

  it('asks for the legal representative separately once the box is cleared, starting from a copy', async () => {
    const { store, id } = await openNewCase('people');
    fireEvent.change(input('principal.name') as HTMLElement, { target: { value: '王丽' } });
    fireEvent.click(screen.getByLabelText(en.workspaceGuide.people.linked));
    expect(screen.getByText(en.workspaceGuide.people.separateHelp)).toBeTruthy();
    const legalRepName = input('legalRepresentative.name') as HTMLInputElement;
    expect(legalRepName.value).toBe('王丽');
    fireEvent.change(legalRepName, { target: { value: '李强' } });
    await waitFor(() => expect(store.cases.get(id)?.legalRepresentative.name).toBe('李强'));
    expect(store.cases.get(id)?.principal).toMatchObject({ name: '王丽', isLegalRepresentative: false });
  });

  it('asks whose details to keep when linking two people with different details, and drops none unasked', async () => {
    const { store, id } = await renderCaseAt('people', {
      edit: (c) => ({
        ...c,
        principal: {
          ...c.principal,
          name: '王丽',
          idNumber: '310115199003152346',
          isLegalRepresentative: false,
        },
        legalRepresentative: { ...c.legalRepresentative, name: '李强', idNumber: '110108198809204613' },
      }),
    });
    const linked = screen.getByLabelText(en.workspaceGuide.people.linked) as HTMLInputElement;
    fireEvent.click(linked);
    const dialog = await screen.findByRole('dialog', { name: en.workspaceGuide.people.keep.title });
    // Cancelling keeps both people as they were.
    fireEvent.click(within(dialog).getByRole('button', { name: en.workspaceGuide.people.keep.cancel }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.cases.get(id)?.legalRepresentative.name).toBe('李强');
    fireEvent.click(linked);
    const again = await screen.findByRole('dialog', { name: en.workspaceGuide.people.keep.title });
    fireEvent.click(within(again).getByLabelText(/the legal representative: 李强/));
    fireEvent.click(within(again).getByRole('button', { name: en.workspaceGuide.people.keep.confirm }));
    await waitFor(() => expect(store.cases.get(id)?.principal.isLegalRepresentative).toBe(true));
    expect(store.cases.get(id)?.principal).toMatchObject({ name: '李强', idNumber: '110108198809204613' });
    expect(store.cases.get(id)?.legalRepresentative.name).toBe('李强');
  });

  it('asks in Chinese too', async () => {
    await renderCaseAt('people', {
      edit: (c) => ({
        ...c,
        principal: { ...c.principal, name: '王丽', isLegalRepresentative: false },
        legalRepresentative: { ...c.legalRepresentative, name: '李强' },
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: '简体中文' }));
    fireEvent.click(await screen.findByLabelText(zhCN.workspaceGuide.people.linked));
    const dialog = await screen.findByRole('dialog', { name: zhCN.workspaceGuide.people.keep.title });
    expect(dialog.textContent).toContain('主体负责人：王丽');
    expect(dialog.textContent).toContain('法定代表人：李强');
  });

  it("a service's own person in charge starts empty, not ticked as the legal representative", async () => {
    const { store, id } = await renderCaseAt('services', {
      edit: (c) => ({
        ...c,
        principal: { ...c.principal, name: '王丽', isLegalRepresentative: true },
        services: [{ ...WEBSITE, id: 'svc-web-1' }],
      }),
    });
    fireEvent.click(screen.getByLabelText(en.forms.services.ownPrincipal));
    await waitFor(() => expect(store.cases.get(id)?.services[0]?.principal).not.toBeNull());
    expect(store.cases.get(id)?.services[0]?.principal).toMatchObject({
      name: '',
      isLegalRepresentative: false,
    });
  });

  it('splits the long form into sections with their own heading and completeness', async () => {
    await openNewCase('people');
    const sections = [...document.querySelectorAll('section.form-section[data-section^="people-principal"]')];
    expect(sections.length).toBeGreaterThanOrEqual(2);
    for (const section of sections) {
      expect(section.querySelector('h2')?.textContent).not.toBe('');
      expect(section.querySelector('.form-section__state')).not.toBeNull();
    }
  });
});

describe('Home: what blocks export', () => {
  it('says how many items block the export of a new case, beside its progress', async () => {
    const fake = createFakeApi();
    const store = useFakeStore(fake);
    await fake.api.caseCreate({ name: 'Blocked case' });
    const c = [...store.cases.values()][0]!;
    const errors = checkCase(c).filter((issue) => issue.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    renderApp({ fake });
    const link = await screen.findByRole('link', { name: 'Blocked case' });
    const row = link.closest('li') as HTMLElement;
    expect(row.textContent).toContain(en.workspaceGuide.home.blocking.replace('{{count}}', String(errors)));
    expect(row.querySelector('[data-blockers]')?.getAttribute('data-blockers')).toBe(String(errors));
  });
});

describe('header language switch', () => {
  it('switches between EN and 中文 in place: same step of the same case, choice saved', async () => {
    const { fake, id } = await openNewCase('applicant');
    fireEvent.click(screen.getByRole('button', { name: '简体中文' }));
    await screen.findByRole('heading', { level: 1, name: zhCN.steps.applicant.title });
    expect(window.location.hash).toBe(`#/case/${id}/applicant`);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(fake.api.settingsSet).toHaveBeenCalledWith({ language: 'zh-CN' });
    expect(screen.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { level: 1, name: en.steps.applicant.title });
    expect(window.location.hash).toBe(`#/case/${id}/applicant`);
  });
});

describe('region pickers', () => {
  it('list every region in both scripts and search by either', async () => {
    await openNewCase('applicant');
    const province = input('subject.province') as HTMLSelectElement;
    const texts = [...province.options].map((option) => option.textContent);
    expect(texts).toContain('上海市 Shanghai');
    const search = screen.getByRole('searchbox', { name: /Filing province/ });
    fireEvent.change(search, { target: { value: 'shang' } });
    expect([...province.options].map((o) => o.value).filter(Boolean)).toEqual(['310000']);
    fireEvent.change(search, { target: { value: '广东' } });
    expect([...province.options].map((o) => o.textContent)).toContain('广东省 Guangdong');
    fireEvent.change(province, { target: { value: '440000' } });
    const city = input('subject.city') as HTMLSelectElement;
    expect([...city.options].map((o) => o.textContent)).toContain('深圳市 Shenzhen');
  });
});

describe('list buttons', () => {
  it('use real words in the UI language, not the portal label', async () => {
    const { fake, store, id } = await openNewCase('services');
    void fake;
    fireEvent.click(document.querySelector('[data-add-service="website"]') as HTMLElement);
    await waitFor(() => expect(store.cases.get(id)?.services.length).toBe(1));
    const card = document.querySelector('section.service') as HTMLElement;
    expect(within(card).getByRole('button', { name: en.workspaceGuide.lists.domains.add })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /语种|Add to/ })).toBeNull();
  });
});
