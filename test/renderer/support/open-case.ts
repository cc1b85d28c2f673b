import { screen } from '@testing-library/react';
import type { Case } from '../../../core/model/case';
import type { Language } from '../../../electron/contract';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { useFakeStore } from './fake-store';
import { createFakeApi, renderApp } from './render-app';

/**
 * Renders the app with one new case in a fake store, opened at `step`, once the step rail shows. `edit`
 * changes the stored case before the app opens it; `systemLanguage` is the language the app starts in.
 */
export async function renderCaseAt(
  step: string,
  options: { name?: string; edit?: (c: Case) => Case; systemLanguage?: Language } = {},
) {
  const fake = createFakeApi(options.systemLanguage);
  const store = useFakeStore(fake);
  const created = await fake.api.caseCreate({ name: options.name ?? 'Test case' });
  if (!created.ok) throw new Error('fake store refused');
  const id = created.value.id;
  if (options.edit) store.cases.set(id, options.edit(store.cases.get(id)!));
  window.location.hash = `#/case/${id}/${step}`;
  const view = renderApp({ fake });
  const text = options.systemLanguage === 'zh-CN' ? zhCN : en;
  await screen.findByRole('navigation', { name: text.steps.railLabel });
  return { ...view, store, id };
}
