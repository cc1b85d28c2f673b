/**
 * Case files reaching the app from outside Home — the File menu, the OS (double-click, command line, a second
 * launch, Open Recent: an import token from main) and a file dropped on the window — all go through Home's
 * one import flow: the same calls to main, the same passphrase prompt and the same messages, in both languages.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import type { Language } from '../../electron/contract';
import { ICPCASE_LIMITS } from '../../host/store/icpcase';
import { MAX_CASE_FILE_BYTES, installCaseFileDrop } from '../../renderer/src/screens/Home/caseFiles';
import { useFakeStore } from './support/fake-store';
import { createFakeApi, renderApp, type FakeApi } from './support/render-app';

const TEXT = { en, 'zh-CN': zhCN } as const;

beforeEach(() => {
  window.location.hash = '';
});

/** main's answer to an import: a new case named `name`, added to the fake store. */
async function importsAs(fake: FakeApi, name: string) {
  const created = await fake.api.caseCreate({ name });
  if (!created.ok) throw new Error('fake store');
  return { ok: true as const, value: { imported: true as const, case: created.value } };
}

async function start(language: Language = 'en') {
  const fake = createFakeApi(language);
  useFakeStore(fake);
  await fake.api.caseCreate({ name: 'Existing case' });
  const view = renderApp({ fake });
  await screen.findByRole('heading', { level: 1, name: TEXT[language].home.title });
  return view;
}

/** A drop on the window as Chromium delivers it: the files, and `Files` among the types. */
function dropOn(target: EventTarget, files: File[]): Event {
  const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
  const over = new Event('dragover', { bubbles: true, cancelable: true });
  Object.defineProperty(over, 'dataTransfer', { value: dataTransfer });
  const drop = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(drop, 'dataTransfer', { value: dataTransfer });
  act(() => {
    target.dispatchEvent(over);
    target.dispatchEvent(drop);
  });
  expect(over.defaultPrevented).toBe(true);
  return drop;
}

describe.each(['en', 'zh-CN'] as const)('case files from outside Home (%s)', (language) => {
  const t = TEXT[language];

  it('a file the OS opened before the page listened is imported by its token, with the usual message', async () => {
    const fake = createFakeApi(language);
    useFakeStore(fake);
    fake.api.caseTakeOpenRequests.mockResolvedValueOnce({ ok: true, value: [{ importToken: 'token-1' }] });
    fake.api.caseImport.mockImplementation(async () => importsAs(fake, '北风 Northwind'));
    renderApp({ fake });
    await waitFor(() => expect(fake.api.caseImport).toHaveBeenCalledWith({ importToken: 'token-1' }));
    expect(await screen.findByText(t.home.imported.replace('{{name}}', '北风 Northwind'))).toBeTruthy();
    expect(screen.getByRole('link', { name: '北风 Northwind' })).toBeTruthy();
    expect(fake.api.caseTakeOpenRequests).toHaveBeenCalled();
  });

  it('a file opened while a case is open: back to Home, where the protected file asks for its passphrase', async () => {
    const { fake } = await start(language);
    const list = await fake.api.casesList();
    const id = list.ok && list.value[0]?.id;
    window.location.hash = `#/case/${String(id)}/pathway`;
    await screen.findByRole('heading', { level: 1, name: t.steps.pathway.title });
    await waitFor(() => expect(fake.api.menuSetContext).toHaveBeenLastCalledWith({ caseOpen: true }));

    fake.api.caseImport
      .mockResolvedValueOnce({ ok: false, code: 'passphraseRequired', details: { importToken: 'token-7' } })
      .mockImplementationOnce(async () => importsAs(fake, 'Protected'));
    act(() => fake.sendOpenRequest({ importToken: 'token-7' }));
    const dialog = await screen.findByRole('dialog', { name: t.home.importPassphraseHeading });
    expect(fake.api.caseImport).toHaveBeenNthCalledWith(1, { importToken: 'token-7' });
    await waitFor(() => expect(fake.api.menuSetContext).toHaveBeenLastCalledWith({ caseOpen: false }));
    fireEvent.change(screen.getByLabelText(t.home.passphrase), { target: { value: 'hand-over 2026' } });
    fireEvent.submit(dialog.querySelector('form') ?? dialog);
    await waitFor(() =>
      expect(fake.api.caseImport).toHaveBeenNthCalledWith(2, {
        importToken: 'token-7',
        passphrase: 'hand-over 2026',
      }),
    );
    expect(await screen.findByText(t.home.imported.replace('{{name}}', 'Protected'))).toBeTruthy();
  });

  it('a file main refused (gone, unreadable, not a case) is explained, and nothing is imported', async () => {
    const { fake } = await start(language);
    act(() => fake.sendOpenRequest({ refused: 'caseFileMissing' }));
    expect((await screen.findByRole('alert')).textContent).toContain(t.errors.caseFileMissing);
    expect(fake.api.caseImport).not.toHaveBeenCalled();
  });

  it('File → Open / Import asks main for its Open dialog; File → Close case goes Home', async () => {
    const { fake } = await start(language);
    fake.api.caseImport.mockResolvedValueOnce({ ok: true, value: { imported: false } });
    act(() => fake.sendMenuCommand('importCase'));
    await waitFor(() => expect(fake.api.caseImport).toHaveBeenCalledWith({}));

    const list = await fake.api.casesList();
    window.location.hash = `#/case/${String(list.ok && list.value[0]?.id)}/applicant`;
    await screen.findByRole('heading', { level: 1, name: t.steps.applicant.title });
    act(() => fake.sendMenuCommand('closeCase'));
    expect(await screen.findByRole('heading', { level: 1, name: t.home.title })).toBeTruthy();
  });

  it('File → Export case opens the open case’s export on Home, its passphrase field ready', async () => {
    const { fake } = await start(language);
    await fake.api.caseCreate({ name: 'Second case' });
    const list = await fake.api.casesList();
    const existing = list.ok ? list.value.find((c) => c.readable && c.name === 'Existing case') : undefined;
    window.location.hash = `#/case/${String(existing?.id)}/people`;
    await screen.findByRole('heading', { level: 1, name: t.steps.people.title });
    act(() => fake.sendMenuCommand('exportCase'));
    await screen.findByRole('heading', { level: 1, name: t.home.title });
    const field = await screen.findByLabelText(t.home.exportPassphrase);
    expect(field.id).toBe(`case-${String(existing?.id)}-name-passphrase`);
    await waitFor(() => expect(document.activeElement).toBe(field));
    fake.api.caseExport.mockResolvedValueOnce({
      ok: true,
      value: { saved: true, fileName: 'Existing case.icpcase', encrypted: true },
    });
    fireEvent.change(field, { target: { value: 'secret 2026' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() =>
      expect(fake.api.caseExport).toHaveBeenCalledWith({ id: existing?.id, passphrase: 'secret 2026' }),
    );
  });

  it('an .icpcase dropped on the window is imported from its bytes; any other file is explained', async () => {
    const { fake } = await start(language);
    fake.api.caseImportFile.mockImplementation(async () => importsAs(fake, 'Dropped'));
    const bytes = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 1, 2, 3]);
    dropOn(document.body, [new File([bytes], 'Dropped.ICPCASE')]);
    await waitFor(() => expect(fake.api.caseImportFile).toHaveBeenCalledOnce());
    const [request] = fake.api.caseImportFile.mock.calls[0]!;
    expect(request.fileName).toBe('Dropped.ICPCASE');
    expect([...request.bytes]).toEqual([...bytes]);
    expect(await screen.findByText(t.home.imported.replace('{{name}}', 'Dropped'))).toBeTruthy();

    dropOn(document.body, [new File(['%PDF-1.7'], 'licence.pdf')]);
    expect((await screen.findByRole('alert')).textContent).toContain(t.errors.notCaseFile);
    expect(fake.api.caseImportFile).toHaveBeenCalledOnce();
  });
});

describe('drops the window leaves alone', () => {
  it('a drop a checklist item’s drop zone took (default prevented) is not the window’s', () => {
    const window = new EventTarget() as unknown as Window;
    const onCaseFile = vi.fn();
    const onOtherFile = vi.fn();
    const remove = installCaseFileDrop(window, { onCaseFile, onOtherFile });
    const zone = new EventTarget();
    zone.addEventListener('drop', (event) => event.preventDefault());
    // The zone's own handlers run first; the window sees the event as it bubbles (here: re-dispatched).
    const take = (files: File[], prevented: boolean) => {
      const drop = new Event('drop', { cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files } });
      if (prevented) zone.dispatchEvent(drop);
      window.dispatchEvent(drop);
    };
    take([new File(['PK'], 'case.icpcase'), new File(['x'], 'scan.jpg')], true);
    expect(onCaseFile).not.toHaveBeenCalled();
    expect(onOtherFile).not.toHaveBeenCalled();
    take([new File(['PK'], 'case.icpcase'), new File(['x'], 'scan.jpg')], false);
    expect(onCaseFile).toHaveBeenCalledOnce();
    expect(onOtherFile).toHaveBeenCalledOnce();
    remove();
    take([new File(['PK'], 'case.icpcase')], false);
    expect(onCaseFile).toHaveBeenCalledOnce();
  });

  it('refuses a file larger than main would import, before reading it', async () => {
    expect(MAX_CASE_FILE_BYTES).toBe(ICPCASE_LIMITS.maxTotalBytes);
    const { fake } = await start();
    const huge = new File(['PK'], 'huge.icpcase');
    Object.defineProperty(huge, 'size', { value: MAX_CASE_FILE_BYTES + 1 });
    dropOn(document.body, [huge]);
    expect((await screen.findByRole('alert')).textContent).toContain(en.errors.importTooLarge);
    expect(fake.api.caseImportFile).not.toHaveBeenCalled();
  });
});
