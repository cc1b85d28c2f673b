import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { useFakeStore } from '../support/fake-store';
import { createFakeApi, renderApp } from '../support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

describe('English meaning beside a free-text Chinese field', () => {
  it('offers an optional English meaning input and stores what is typed in case.englishMeanings', async () => {
    const fake = createFakeApi();
    const store = useFakeStore(fake);
    const created = await fake.api.caseCreate({ name: 'Meanings' });
    if (!created.ok) throw new Error('fake store refused');
    window.location.hash = `#/case/${created.value.id}/applicant`;
    renderApp({ fake });
    await screen.findByRole('heading', { level: 1, name: en.steps.applicant.title });

    const input = document.getElementById('field-subject-businessScope-en') as HTMLInputElement | null;
    expect(input).not.toBeNull();
    const label = document.querySelector(`label[for="${input?.id}"]`);
    expect(label?.textContent).toBe(en.englishMeaning.label);
    // A field with a Latin form of its own (the subject's English name) gets no second English input.
    expect(document.getElementById('field-subject-nameLatin-en')).toBeNull();

    fireEvent.change(input as HTMLInputElement, { target: { value: 'Wholesale and retail of homeware' } });
    await waitFor(() =>
      expect(store.cases.get(created.value.id)?.englishMeanings['subject.businessScope']).toBe(
        'Wholesale and retail of homeware',
      ),
    );
    // Clearing it removes the entry rather than storing an empty meaning.
    fireEvent.change(input as HTMLInputElement, { target: { value: '' } });
    await waitFor(() =>
      expect(store.cases.get(created.value.id)?.englishMeanings).not.toHaveProperty('subject.businessScope'),
    );
    expect(zhCN.englishMeaning.label).toMatch(/英文含义/);
  });
});
