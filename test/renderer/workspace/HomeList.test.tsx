import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import { useFakeStore } from '../support/fake-store';
import { createFakeApi, renderApp } from '../support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

async function homeWithCases(names: string[]) {
  const fake = createFakeApi();
  const store = useFakeStore(fake);
  for (const name of names) await fake.api.caseCreate({ name });
  renderApp({ fake });
  await screen.findByRole('heading', { level: 1, name: en.home.title });
  return { fake, store };
}

function row(name: string): HTMLElement {
  const link = screen.getByRole('link', { name });
  const item = link.closest('li');
  if (!item) throw new Error(`no row for ${name}`);
  return item;
}

describe('Home case list', () => {
  it('lists each case with its pathway, progress, status and last edit', async () => {
    await homeWithCases(['Acme shop']);
    const item = row('Acme shop');
    expect(item.textContent).toContain(en.home.pathwayNotAnswered);
    expect(item.textContent).toContain(en.home.statuses.draft);
    expect(item.querySelector('progress')?.getAttribute('value')).toBe('0');
    expect(item.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-25T14:32:00.000Z');
  });

  it('filters by name', async () => {
    await homeWithCases(['Acme shop', 'Northwind app']);
    fireEvent.change(screen.getByLabelText(en.home.search), { target: { value: 'north' } });
    expect(screen.queryByRole('link', { name: 'Acme shop' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Northwind app' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(en.home.search), { target: { value: 'zzz' } });
    expect(screen.getByText(en.home.noMatch)).toBeTruthy();
  });

  it('deletes a case to the trash and brings it back with Undo', async () => {
    const { fake, store } = await homeWithCases(['Acme shop']);
    const id = [...store.cases.keys()][0] as string;
    fireEvent.click(within(row('Acme shop')).getByRole('button', { name: en.home.delete }));
    await screen.findByText(en.home.deleted.replace('{{name}}', 'Acme shop'));
    expect(fake.api.caseDelete).toHaveBeenCalledWith({ id });
    expect(store.cases.has(id)).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: en.home.undoDelete }));
    await screen.findByRole('link', { name: 'Acme shop' });
    expect(fake.api.trashRestore).toHaveBeenCalledWith({ id });
    expect(store.cases.has(id)).toBe(true);
  });

  it('duplicates a case under a new name', async () => {
    const { store } = await homeWithCases(['Acme shop']);
    fireEvent.click(within(row('Acme shop')).getByRole('button', { name: en.home.duplicate }));
    await screen.findByRole('link', { name: 'Acme shop (copy)' });
    expect([...store.cases.values()].map((c) => c.name).sort()).toEqual(['Acme shop', 'Acme shop (copy)']);
  });

  it('creates a named case from New and opens its pathway check', async () => {
    const { store } = await homeWithCases(['Acme shop']);
    fireEvent.click(screen.getByRole('button', { name: en.home.newCase }));
    fireEvent.change(screen.getByLabelText(en.home.caseName), { target: { value: 'Blue app' } });
    fireEvent.click(screen.getByRole('button', { name: en.home.create }));
    await screen.findByRole('heading', { level: 1, name: en.steps.pathway.title });
    const created = [...store.cases.values()].find((c) => c.name === 'Blue app');
    expect(window.location.hash).toBe(`#/case/${created?.id}/pathway`);
  });

  it('exports with an optional passphrase and says whether the file is encrypted', async () => {
    const { fake, store } = await homeWithCases(['Acme shop']);
    const id = [...store.cases.keys()][0] as string;
    fake.api.caseExport.mockResolvedValue({
      ok: true,
      value: { saved: true, fileName: 'Acme shop.icpcase', encrypted: true },
    });
    fireEvent.click(within(row('Acme shop')).getByRole('button', { name: en.home.export }));
    fireEvent.change(screen.getByLabelText(en.home.exportPassphrase), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: en.home.exportNow }));
    await screen.findByText(en.home.exportedEncrypted.replace('{{file}}', 'Acme shop.icpcase'));
    expect(fake.api.caseExport).toHaveBeenCalledWith({ id, passphrase: 'correct horse' });
  });

  it('opens the sample case from the empty state', async () => {
    const fake = createFakeApi();
    const store = useFakeStore(fake);
    renderApp({ fake });
    fireEvent.click(await screen.findByRole('button', { name: en.home.openSample }));
    await screen.findByRole('heading', { level: 1, name: en.steps.pathway.title });
    await waitFor(() => expect([...store.cases.values()][0]?.name).toContain('样本 SAMPLE'));
    // The sample's answers are complete, so the pathway step opens on its result.
    expect(document.querySelector('[data-bottom-line]')).not.toBeNull();
  });

  it('never says nothing blocks export while warnings still wait to be acknowledged', async () => {
    const fake = createFakeApi();
    useFakeStore(fake);
    await fake.api.caseCreate({ name: 'Acme shop' });
    const listed = await fake.api.casesList();
    if (!listed.ok) throw new Error('no case listed');
    // No error left, two warnings not yet acknowledged: Export stays disabled, and Home must say why.
    fake.api.casesList.mockResolvedValue({
      ok: true,
      value: listed.value.map((entry) => ({ ...entry, exportBlockers: 0, openWarnings: 2 })),
    });
    renderApp({ fake });
    await screen.findByRole('link', { name: 'Acme shop' });
    expect(row('Acme shop').textContent).toContain(
      en.workspaceGuide.home.toAcknowledge_other.replace('{{count}}', '2'),
    );
    expect(row('Acme shop').textContent).not.toContain(en.workspaceGuide.home.ready);
  });
});
