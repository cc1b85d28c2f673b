/**
 * One source for what the packet prints, reachable before Export: the licence categories on the licence form
 * are the Pathway answer itself, and the personal-information inventory is edited on the Documents step (the
 * pre-flight's "open" leads there) with the same editor and data as the After approval step.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../core/model/case';
import en from '../../../locales/en.json';
import { licenceCase } from '../../fixtures/documents/cases';
import { useFakeStore } from '../support/fake-store';
import { createFakeApi, renderApp, type FakeApi } from '../support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

/** Stores `c` under a new id in the fake store and opens it at `step`. */
async function openCaseAt(c: Case, step: string) {
  const fake = createFakeApi();
  const store = useFakeStore(fake);
  const created = await fake.api.caseCreate({ name: c.name });
  if (!created.ok) throw new Error('fake store refused');
  const saved = await fake.api.caseSave({ case: { ...c, id: created.value.id } });
  if (!saved.ok) throw new Error('not saved');
  fake.api.caseSave.mockClear();
  window.location.hash = `#/case/${created.value.id}/${step}`;
  renderApp({ fake });
  await screen.findByRole('heading', { level: 1 });
  return { fake, store, id: created.value.id };
}

async function goTo(id: string, step: keyof typeof en.steps & string) {
  await act(async () => {
    window.location.hash = `#/case/${id}/${step}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const title = (en.steps as Record<string, { title?: string }>)[step]?.title ?? '';
  await screen.findByRole('heading', { level: 1, name: title });
}

const lastSaved = (fake: FakeApi) => fake.api.caseSave.mock.calls.at(-1)?.[0].case;

/** The licence fixture, also hosting other merchants (B21), answering "B25 only" on the Pathway step. */
function marketplaceB25(): Case {
  const c = licenceCase();
  c.answers = {
    ...c.answers,
    activities: ['paid_membership', 'marketplace_third_party'],
    licenceCategory: 'b25',
  };
  return c;
}

describe('licence categories: one answer, shown on the Pathway step and the licence form', () => {
  it('flags the missing B21 on the licence form; choosing both there changes the Pathway answer', async () => {
    const { fake, id } = await openCaseAt(marketplaceB25(), 'applicant');
    const field = await screen.findByTestId('licence-categories-applied');
    const box = field.closest('[data-path="answers.licenceCategory"]') as HTMLElement;
    expect(box.id).toBe('field-answers-licenceCategory');
    expect(field.getAttribute('data-codes')).toBe('B25');
    expect(field.textContent).toContain('第二类增值电信业务中的信息服务业务（B25');
    expect(within(box).getByText('申请业务种类')).toBeTruthy();
    await vi.waitFor(
      () => expect(box.querySelector('[data-code="licence.categoryMissing"]')).not.toBeNull(),
      { timeout: 3000 },
    );

    fireEvent.click(within(box).getByRole('radio', { name: en.pathway.licenceCategories.both }));
    await vi.waitFor(() => expect(field.getAttribute('data-codes')).toBe('B25 + B21'));
    expect(field.textContent).toContain('在线数据处理与交易处理业务（B21）和信息服务业务（B25');
    await vi.waitFor(() => expect(box.querySelector('[data-code="licence.categoryMissing"]')).toBeNull(), {
      timeout: 3000,
    });
    await vi.waitFor(() => expect(lastSaved(fake)?.answers.licenceCategory).toBe('both'), { timeout: 3000 });

    await goTo(id, 'pathway');
    fireEvent.click(screen.getByRole('button', { name: en.pathway.groups.money }));
    const question = document.querySelector('[data-question="licenceCategory"]') as HTMLElement;
    const both = within(question).getByRole('radio', { name: en.pathway.licenceCategories.both });
    expect((both as HTMLInputElement).checked).toBe(true);

    // And the other way: the Pathway answer is what the licence form then shows.
    fireEvent.click(within(question).getByRole('radio', { name: en.pathway.licenceCategories.notSure }));
    await goTo(id, 'applicant');
    const applied = await screen.findByTestId('licence-categories-applied');
    expect(applied.getAttribute('data-codes')).toBe('B25 + B21');
    expect(applied.textContent).toContain('Not chosen: the packet applies for B25 + B21');
    const notSure = screen.getByRole('radio', { name: en.pathway.licenceCategories.notSure });
    expect((notSure as HTMLInputElement).checked).toBe(true);
  });
});

describe('personal-information inventory: edited before export, on the Documents step', () => {
  it('the empty inventory is a Documents finding that opens the editor; a row typed there is the After approval row', async () => {
    const c = licenceCase();
    c.personalData = [];
    const { fake, id } = await openCaseAt(c, 'review');
    const issue = await screen.findByText(/The personal-information inventory is empty/);
    const item = issue.closest('li.issue') as HTMLElement;
    expect(item.getAttribute('data-code')).toBe('privacy.inventoryEmpty');
    expect(item.closest('[data-step]')?.getAttribute('data-step')).toBe('documents');

    fireEvent.click(within(item).getByTestId('open-issue'));
    await screen.findByRole('heading', { level: 1, name: en.steps.documents.title });
    const section = screen.getByRole('region', { name: en.documentsStep.inventory.heading });
    const add = within(section).getByTestId('pi-add');
    await vi.waitFor(() => expect(document.activeElement).toBe(add), { timeout: 3000 });

    fireEvent.click(add);
    fireEvent.change(await screen.findByLabelText(en.piInventory.item), { target: { value: '手机号码' } });
    fireEvent.change(screen.getByLabelText(en.piInventory.purpose), { target: { value: '账号注册和登录' } });
    await vi.waitFor(() => expect(lastSaved(fake)?.personalData[0]?.purpose).toBe('账号注册和登录'), {
      timeout: 3000,
    });
    // Still no retention: the editor and the pre-flight both say so, at that field.
    expect(within(section).getByText(en.piInventory.gaps.retention)).toBeTruthy();
    expect(screen.getByLabelText(en.piInventory.retention).id).toBe('field-personalData-0-retention');

    await goTo(id, 'afterApproval');
    const after = screen.getByRole('region', { name: en.afterApproval.inventory.heading });
    expect((within(after).getByLabelText(en.piInventory.item) as HTMLInputElement).value).toBe('手机号码');
    expect((within(after).getByLabelText(en.piInventory.purpose) as HTMLInputElement).value).toBe(
      '账号注册和登录',
    );
  });
});

describe('personal-information scale: the audit and the cross-border route follow the volumes', () => {
  it('asks the volumes, names the route and checks each row against it; the audit shows above 10 million', async () => {
    const c = licenceCase();
    c.personalData = [
      {
        ...c.personalData[0]!,
        crossBorder: true,
        crossBorderRecipient: 'Northwind GmbH（德国）',
        crossBorderMechanism: 'standard_contract',
      },
    ];
    const { fake } = await openCaseAt(c, 'documents');
    const scale = await screen.findByTestId('pi-scale');
    expect(within(scale).getByTestId('pi-route-unknown')).toBeTruthy();
    expect(within(scale).queryByTestId('pi-audit')).toBeNull();

    fireEvent.change(within(scale).getByLabelText(en.piInventory.scale.crossBorderPeople), {
      target: { value: 'over_1m' },
    });
    const route = await within(scale).findByTestId('pi-route');
    expect(route.getAttribute('data-route')).toBe('security_assessment');
    expect(screen.getByText(en.piInventory.flags.crossBorderMechanismNotAllowed)).toBeTruthy();

    fireEvent.change(within(scale).getByLabelText(en.piInventory.scale.peopleProcessed), {
      target: { value: 'over_10m' },
    });
    expect(await within(scale).findByTestId('pi-audit')).toBeTruthy();
    await vi.waitFor(
      () =>
        expect(lastSaved(fake)?.personalDataScale).toMatchObject({
          crossBorderPeople: 'over_1m',
          peopleProcessed: 'over_10m',
        }),
      { timeout: 3000 },
    );
  });
});

describe('a signed document whose text lists the files that go with it', () => {
  const hintOn = (itemId: string) =>
    document.querySelector(`[data-item-id="${itemId}"] [data-testid="signing-attach-first"]`)?.textContent ??
    '';

  it('names, before it is printed, the files it lists that are not attached yet, in the UI language', async () => {
    // Attached after the letter is printed, a file changes its 附件 list, and the signed letter is out of date.
    const c = licenceCase();
    c.attachments = [
      {
        id: 'a'.repeat(64),
        checklistItemId: 'audit-report',
        originalName: 'audit.pdf',
        mediaType: 'application/pdf',
        bytes: 1000,
        pages: 1,
        addedAt: '2026-11-25T08:00:00.000Z',
        validFrom: '',
        validTo: '',
      },
    ];
    await openCaseAt(c, 'documents');
    const letter = hintOn('licence-application-letter');
    expect(letter).toContain('Not attached yet:');
    expect(letter).toContain('IDs, CVs and social-insurance records of key staff');
    expect(letter).toContain('Screenshot of the ICP filing record');
    // Attached already, or not a file the letter lists: not named.
    expect(letter).not.toContain('Audit report');
    expect(letter).not.toContain('Articles of association');
    // Documents whose text lists no files say nothing.
    expect(hintOn('lawful-operation-commitment')).toBe('');
  });

  it('says the same in Chinese', async () => {
    const fake = createFakeApi('zh-CN');
    useFakeStore(fake);
    const created = await fake.api.caseCreate({ name: 'Licence' });
    if (!created.ok) throw new Error('fake store refused');
    await fake.api.caseSave({ case: { ...licenceCase(), id: created.value.id } });
    window.location.hash = `#/case/${created.value.id}/documents`;
    renderApp({ fake });
    await screen.findByRole('heading', { level: 1 });
    const letter = hintOn('licence-application-letter');
    expect(letter).toContain('尚未上传：');
    expect(letter).toContain('审计报告 / 验资报告');
    expect(letter).toContain('、');
  });
});
