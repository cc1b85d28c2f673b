import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

async function openApplicant() {
  const opened = await renderCaseAt('applicant', { name: 'Autosave' });
  await screen.findByRole('heading', { level: 1, name: en.steps.applicant.title });
  return opened;
}

const status = () => document.querySelector('.case-bar [role="status"]');

describe('case session', () => {
  it('autosaves what is typed and says when it was saved', async () => {
    const { store, id } = await openApplicant();
    fireEvent.change(document.getElementById('field-subject-name') as HTMLElement, {
      target: { value: '上海澜岸贸易有限公司' },
    });
    expect(status()?.getAttribute('data-save-state')).toBe('pending');
    await waitFor(() => expect(store.cases.get(id)?.subject.name).toBe('上海澜岸贸易有限公司'));
    await waitFor(() => expect(status()?.getAttribute('data-save-state')).toBe('saved'));
    expect(status()?.textContent).toMatch(/^Saved at /);
  });

  it('keeps the draft when a save fails, says so, and stores it on retry', async () => {
    const { fake, store, id } = await openApplicant();
    fake.api.caseSave.mockResolvedValueOnce({ ok: false, code: 'diskFull' });
    const input = document.getElementById('field-subject-name') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '不会丢失' } });
    await waitFor(() => expect(status()?.getAttribute('data-save-state')).toBe('failed'));
    expect(status()?.textContent).toContain(en.errors.diskFull);
    expect(input.value).toBe('不会丢失');
    expect(store.cases.get(id)?.subject.name).toBe('');

    fireEvent.click(screen.getByRole('button', { name: en.workspace.retrySave }));
    await waitFor(() => expect(store.cases.get(id)?.subject.name).toBe('不会丢失'));
    await waitFor(() => expect(status()?.getAttribute('data-save-state')).toBe('saved'));
  });

  it('undoes the last stored change with Ctrl+Z outside a text field, but not inside one', async () => {
    const { fake, store, id } = await openApplicant();
    const input = document.getElementById('field-subject-name') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'First' } });
    await waitFor(() => expect(store.cases.get(id)?.subject.name).toBe('First'));

    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(fake.api.caseUndo).not.toHaveBeenCalled();

    fireEvent.keyDown(screen.getByRole('heading', { level: 1 }), { key: 'z', ctrlKey: true });
    await waitFor(() => expect(fake.api.caseUndo).toHaveBeenCalledWith({ id }));
    await waitFor(() => expect(input.value).toBe(''));
    expect(await screen.findByText(en.workspace.undone)).toBeTruthy();
  });

  it('counts each step’s open findings in the rail', async () => {
    await openApplicant();
    const applicant = document.querySelector('nav.step-rail a[href$="/applicant"]');
    await waitFor(() => expect(applicant?.getAttribute('data-step-state')).toBe('open'));
    expect(applicant?.textContent).toMatch(/\d+ to fix/);
    // Steps the pre-flight does not cover carry no state.
    expect(
      document.querySelector('nav.step-rail a[href$="/export"]')?.getAttribute('data-step-state'),
    ).toBeNull();
  });

  it('says "Not started" for a step of a new case until the user has been there', async () => {
    const { id } = await openApplicant();
    const link = (step: string) => document.querySelector(`nav.step-rail a[href$="/${step}"]`);
    // People has empty required fields, but the user has not been there: no "6 to fix" yet.
    expect(link('people')?.getAttribute('data-step-state')).toBe('notStarted');
    expect(link('people')?.textContent).toContain(en.workspaceGuide.rail.notStarted);
    expect(link('people')?.textContent).not.toMatch(/\d+ to fix/);
    fireEvent.click(link('people') as HTMLElement);
    await screen.findByRole('heading', { level: 1, name: en.steps.people.title });
    expect(window.location.hash).toBe(`#/case/${id}/people`);
    await waitFor(() => expect(link('people')?.getAttribute('data-step-state')).toBe('open'));
    expect(link('people')?.textContent).toMatch(/\d+ to fix/);
  });
});
