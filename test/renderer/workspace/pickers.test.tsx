/**
 * Pick instead of type (issue 23 §3): job titles and access providers from bilingual lists (free text kept),
 * server location by province, WeChat service content types searchable in English or Chinese, at most five.
 * Each stores the Chinese the portal takes and shows the English beside it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../core/model/case';
import en from '../../../locales/en.json';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

const input = (path: string) => document.getElementById(`field-${path.replaceAll('.', '-')}`);

async function openWithService(kind: 'website' | 'mini_program') {
  const opened = await renderCaseAt('services', { name: 'Pickers' });
  fireEvent.click(document.querySelector(`[data-add-service="${kind}"]`) as HTMLElement);
  await waitFor(() => expect(opened.store.cases.get(opened.id)?.services.length).toBe(1));
  return opened;
}

describe('pickers', () => {
  it('job title: typing English offers the Chinese title, picking stores it and shows its meaning', async () => {
    const { store, id } = await renderCaseAt('people', { name: 'Pickers' });
    const title = input('principal.title') as HTMLInputElement;
    expect(title.getAttribute('role')).toBe('combobox');
    fireEvent.focus(title);
    fireEvent.change(title, { target: { value: 'operations man' } });
    const list = screen.getByRole('listbox');
    const option = within(list).getByRole('option', { name: /运营经理.*Operations manager/ });
    fireEvent.click(option);
    await waitFor(() => expect(store.cases.get(id)?.principal.title).toBe('运营经理'));
    expect(document.querySelector('.choice-input__meaning')?.textContent).toBe(
      'In English: Operations manager',
    );
    // Free text stays possible.
    fireEvent.change(title, { target: { value: '区域合规专员' } });
    await waitFor(() => expect(store.cases.get(id)?.principal.title).toBe('区域合规专员'));
  });

  it('access provider: the exact Chinese company name, found by its English name', async () => {
    const { store, id } = await openWithService('website');
    const provider = input('services.0.accessProvider') as HTMLInputElement;
    fireEvent.focus(provider);
    fireEvent.change(provider, { target: { value: 'tencent' } });
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: /Tencent Cloud/ }));
    await waitFor(() => {
      const service = store.cases.get(id)?.services[0] as Extract<
        Case['services'][number],
        { kind: 'website' }
      >;
      expect(service.accessProvider).toBe('深圳市腾讯计算机系统有限公司');
    });
  });

  it('server location: a province select, English first so typing "Shanghai" finds it; stores 上海市', async () => {
    const { store, id } = await openWithService('website');
    const location = input('services.0.serverLocation') as HTMLSelectElement;
    expect(location.tagName).toBe('SELECT');
    const texts = [...location.options].map((option) => option.textContent ?? '');
    expect(texts).toContain('Shanghai 上海市');
    fireEvent.change(location, { target: { value: '310000' } });
    await waitFor(() => {
      const service = store.cases.get(id)?.services[0] as Extract<
        Case['services'][number],
        { kind: 'website' }
      >;
      expect(service.serverLocation).toBe('上海市');
    });
  });

  it('WeChat service content types: searchable in English and Chinese, at most five', async () => {
    const { store, id } = await openWithService('mini_program');
    const types = () =>
      (store.cases.get(id)?.services[0] as Extract<Case['services'][number], { kind: 'mini_program' }>)
        .serviceContentTypes;
    const search = screen.getByRole('searchbox', { name: en.pickers.contentTypes.search });
    fireEvent.change(search, { target: { value: 'recruit' } });
    const group = search.closest('[role="group"]') as HTMLElement;
    expect(within(group).queryByText('生活缴费')).toBeNull();
    fireEvent.click(within(group).getByRole('checkbox', { name: /招聘.*Recruitment/ }));
    await waitFor(() => expect(types()).toEqual([2]));
    fireEvent.change(search, { target: { value: '缴费' } });
    fireEvent.click(within(group).getByRole('checkbox', { name: /生活缴费/ }));
    await waitFor(() => expect(types()).toEqual([2, 1]));
    // Ids WeChat lists online can be added by hand, up to five in all.
    const other = within(group).getByLabelText(en.pickers.contentTypes.otherLabel);
    for (const extra of ['31', '32', '33']) {
      fireEvent.change(other, { target: { value: extra } });
      fireEvent.click(within(group).getByRole('button', { name: en.pickers.contentTypes.add }));
    }
    await waitFor(() => expect(types()).toEqual([2, 1, 31, 32, 33]));
    expect((other as HTMLInputElement).disabled).toBe(true);
    expect(within(group).getByText(/the most WeChat accepts/)).toBeTruthy();
    expect(input('services.0.serviceContentTypes')?.getAttribute('type')).toBe('search');
  });

  it('备注: sentence patterns built from the case, each with its English meaning; one click fills both', async () => {
    const opened = await renderCaseAt('services', {
      name: 'Pickers',
      edit: (c) => ({
        ...c,
        subject: { ...c.subject, name: '上海澜岸家居有限公司' },
        answers: { ...c.answers, activities: ['own_goods_sales'] },
      }),
    });
    fireEvent.click(document.querySelector('[data-add-service="mini_program"]') as HTMLElement);
    await waitFor(() => expect(opened.store.cases.get(opened.id)?.services.length).toBe(1));
    fireEvent.change(input('services.0.name') as HTMLElement, { target: { value: '澜岸家居' } });
    const block = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-remark-patterns="services.0.remarks"]');
      if (!found?.textContent?.includes('澜岸家居')) throw new Error('no patterns yet');
      return found;
    });
    expect(block.textContent).toContain('上海澜岸家居有限公司');
    expect(block.textContent).toMatch(/In English: .*own online shop/);
    fireEvent.click(within(block).getAllByRole('button', { name: en.pickers.remarks.use })[0] as HTMLElement);
    await waitFor(() => {
      const stored = opened.store.cases.get(opened.id)!;
      expect(stored.services[0]?.remarks).toContain('上海澜岸家居有限公司');
      expect(stored.englishMeanings['services.0.remarks']).toContain('澜岸家居');
    });
  });
});
