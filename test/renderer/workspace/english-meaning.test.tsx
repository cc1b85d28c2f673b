import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { ShareholderSchema, WebsiteSchema } from '../../../core/model/case';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

describe('English meaning beside a free-text Chinese field', () => {
  it('offers an optional English meaning input and stores what is typed in case.englishMeanings', async () => {
    const { store, id } = await renderCaseAt('applicant', { name: 'Meanings' });
    await screen.findByRole('heading', { level: 1, name: en.steps.applicant.title });

    const input = document.getElementById('field-subject-businessScope-en') as HTMLInputElement | null;
    expect(input).not.toBeNull();
    const label = document.querySelector(`label[for="${input?.id}"]`);
    expect(label?.textContent).toBe(en.englishMeaning.label);
    // A field with a Latin form of its own (the subject's English name) gets no second English input.
    expect(document.getElementById('field-subject-nameLatin-en')).toBeNull();

    fireEvent.change(input as HTMLInputElement, { target: { value: 'Wholesale and retail of homeware' } });
    await waitFor(() =>
      expect(store.cases.get(id)?.englishMeanings['subject.businessScope']).toBe(
        'Wholesale and retail of homeware',
      ),
    );
    // Clearing it removes the entry rather than storing an empty meaning.
    fireEvent.change(input as HTMLInputElement, { target: { value: '' } });
    await waitFor(() =>
      expect(store.cases.get(id)?.englishMeanings).not.toHaveProperty('subject.businessScope'),
    );
    expect(zhCN.englishMeaning.label).toMatch(/英文含义/);
  });
});

describe('English meanings follow their rows when a row is removed', () => {
  it('removing a service or a shareholder keeps every other row’s English meaning on that row', async () => {
    const { store, id } = await renderCaseAt('services', {
      name: 'Rows',
      edit: (base) => ({
        ...base,
        services: ['甲', '乙', '丙'].map((name, i) =>
          WebsiteSchema.parse({ kind: 'website', id: `s${i}`, name, contentDescription: `${name}的内容` }),
        ),
        subject: {
          ...base.subject,
          shareholders: ['甲公司', '乙公司'].map((name) => ShareholderSchema.parse({ name })),
        },
        englishMeanings: {
          'services.0.contentDescription': 'A content',
          'services.1.contentDescription': 'B content',
          'services.2.contentDescription': 'C content',
          'subject.shareholders.1.name': 'Yi Co.',
        },
      }),
    });
    await screen.findByRole('heading', { level: 1, name: en.steps.services.title });
    const website = en.forms.services.kinds.website;
    fireEvent.click(
      screen.getByRole('button', { name: en.forms.services.remove.replace('{{name}}', `甲 · ${website}`) }),
    );
    await waitFor(() => expect(store.cases.get(id)?.services.map((s) => s.name)).toEqual(['乙', '丙']));
    await waitFor(() =>
      expect(store.cases.get(id)?.englishMeanings).toEqual({
        'services.0.contentDescription': 'B content',
        'services.1.contentDescription': 'C content',
        'subject.shareholders.1.name': 'Yi Co.',
      }),
    );
    // The meaning input of the service now first shows that service's English.
    expect(
      (document.getElementById('field-services-0-contentDescription-en') as HTMLInputElement).value,
    ).toBe('B content');
  });
});

describe('English meanings in a row list (RowList)', () => {
  it('removing the first shareholder moves the second’s meanings to row 0', async () => {
    const { store, id } = await renderCaseAt('applicant', {
      name: 'Shareholders',
      edit: (base) => ({
        ...base,
        subject: {
          ...base.subject,
          shareholders: ['甲公司', '乙公司'].map((name) => ShareholderSchema.parse({ name })),
        },
        englishMeanings: {
          'subject.shareholders.0.name': 'Jia Co.',
          'subject.shareholders.1.name': 'Yi Co.',
        },
      }),
    });
    await screen.findByRole('heading', { level: 1, name: en.steps.applicant.title });
    fireEvent.click(
      screen.getByRole('button', { name: en.forms.applicant.removeShareholder.replace('{{number}}', '1') }),
    );
    await waitFor(() =>
      expect(store.cases.get(id)?.subject.shareholders.map((s) => s.name)).toEqual(['乙公司']),
    );
    await waitFor(() =>
      expect(store.cases.get(id)?.englishMeanings).toEqual({ 'subject.shareholders.0.name': 'Yi Co.' }),
    );
  });
});

describe('Chinese text is never marked as English', () => {
  /** The language an element's text is declared in (its nearest `lang`). */
  const declared = (element: Element | null | undefined) => element?.closest('[lang]')?.getAttribute('lang');

  it('the English-meaning input’s label and a picked title’s meaning read as Chinese in the Chinese UI', async () => {
    await renderCaseAt('people', { name: 'Lang', systemLanguage: 'zh-CN' });
    const label = document.querySelector('label[for="field-principal-title-en"]');
    expect(label?.textContent).toBe(zhCN.englishMeaning.label);
    expect(declared(label?.firstElementChild ?? label)).not.toBe('en');

    const title = document.getElementById('field-principal-title') as HTMLInputElement;
    fireEvent.focus(title);
    fireEvent.change(title, { target: { value: 'operations man' } });
    fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: /运营经理/ }));
    const meaning = await waitFor(() => {
      const found = document.querySelector('.choice-input__meaning');
      if (!found) throw new Error('no meaning yet');
      return found;
    });
    // The Chinese prefix in the UI language, the English meaning marked as English.
    expect(meaning.textContent).toBe(`${zhCN.pickers.meaningLabel}Operations manager`);
    expect(declared(meaning)).not.toBe('en');
    expect(declared(within(meaning as HTMLElement).getByText('Operations manager'))).toBe('en');
  });
});
