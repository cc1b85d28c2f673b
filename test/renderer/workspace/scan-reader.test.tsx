/**
 * Reading a scan on the Documents step: the values the main process read come back beside their crops, the
 * user accepts, edits or skips each one, and only what was accepted is written to the case. A scan read
 * lying on its side is marked so (its item is not "provided"), turned with one click (the review survives
 * the replaced attachment) or declared upright by the user.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentMeta, Case } from '../../../core/model/case';
import { sampleCase } from '../../../core/model/sample-case';
import type { ScanReadResult } from '../../../electron/contract';
import en from '../../../locales/en.json';
import { useFakeStore } from '../support/fake-store';
import { createFakeApi, renderApp, type FakeApi } from '../support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

const LICENCE_ID = 'a'.repeat(64);
const TURNED_ID = 'b'.repeat(64);

function licence(overrides: Partial<AttachmentMeta> = {}): AttachmentMeta {
  return {
    id: LICENCE_ID,
    checklistItemId: 'subject-certificate',
    originalName: 'licence.jpg',
    mediaType: 'image/jpeg',
    bytes: 480_000,
    widthPx: 2400,
    heightPx: 1700,
    addedAt: '2026-11-25T09:00:00Z',
    validFrom: '',
    validTo: '',
    ...overrides,
  };
}

const box = { x: 10, y: 10, width: 300, height: 40 };
const crop = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

function reading(rotation: ScanReadResult['rotation'] = 0): ScanReadResult {
  const field = (key: string, value: string, confidence = 0.99) => ({
    key,
    value,
    confidence,
    lowConfidence: confidence < 0.8,
    source: box,
    crop,
  });
  return {
    kind: 'business_licence',
    fields: [
      field('name', '深圳市星河云帆科技有限公司'),
      // A misread check character: flagged, offered for editing, not among the "clean" values.
      field('uscc', '91440300MA5FQ8K2X1'),
      field('type', '有限责任公司（自然人投资或控股）'),
      field('legalRepresentative', '陈志坤', 0.41),
      field('registeredCapital', '人民币1000万元整'),
      field('establishedOn', '2019-07-22'),
    ],
    checks: [
      { id: 'uscc.checkCharacter', field: 'uscc', status: 'fail', expected: '7', actual: '1' },
      { id: 'uscc.qrCode', field: 'uscc', status: 'unavailable' },
    ],
    rotation,
  };
}

async function openDocuments(edit: (c: Case) => Case = (c) => c) {
  const fake = createFakeApi();
  const store = useFakeStore(fake);
  const created = await fake.api.caseCreate({ name: 'Scan test' });
  if (!created.ok) throw new Error('fake store refused');
  const id = created.value.id;
  const c = edit({ ...sampleCase(new Date('2026-11-25T09:00:00Z')), id, attachments: [licence()] });
  store.cases.set(id, c);
  fake.api.attachmentRead.mockResolvedValue({
    ok: true,
    value: { bytes: crop, mediaType: 'image/jpeg', originalName: 'licence.jpg' },
  });
  window.location.hash = `#/case/${id}/documents`;
  renderApp({ fake });
  await screen.findByRole('heading', { level: 1, name: en.steps.documents.title });
  const card = () => document.getElementById('checklist-item-subject-certificate') as HTMLElement;
  await vi.waitFor(() => expect(card()).not.toBeNull());
  return { fake, store, id, card };
}

const lastSaved = (fake: FakeApi) => fake.api.caseSave.mock.calls.at(-1)?.[0].case;

async function read(fake: FakeApi, card: () => HTMLElement, result: ScanReadResult) {
  fake.api.scanRead.mockResolvedValue({ ok: true, value: result });
  fireEvent.click(within(card()).getByRole('button', { name: en.scanReader.read }));
  return within(card()).findByTestId('scan-review');
}

const fieldRow = (review: HTMLElement, key: string) =>
  review.querySelector(`[data-field="${key}"]`) as HTMLElement;

describe('reading a business licence on the Documents step', { timeout: 20_000 }, () => {
  it('shows each value with its meaning, the printed label and its crop; writes only what was accepted', async () => {
    const { fake, card, id } = await openDocuments();
    const review = await read(fake, card, reading());
    expect(fake.api.scanRead).toHaveBeenCalledWith({
      caseId: id,
      attachmentId: LICENCE_ID,
      checklistItemId: 'subject-certificate',
    });

    // Meaning in English, the label as the licence prints it, the crop it came from, the field it fills.
    const name = fieldRow(review, 'name');
    expect(within(name).getByLabelText('Company name')).toHaveProperty('value', '深圳市星河云帆科技有限公司');
    expect(name.textContent).toContain('名称');
    expect(within(name).getByRole('img', { name: 'Where Company name was read on the scan' })).toBeTruthy();
    expect(name.textContent).toMatch(/Goes to: .*Applicant/);
    // Flags: the failed check character and the uncertain character.
    expect(fieldRow(review, 'uscc').textContent).toContain(en.scanReader.checkFailed);
    expect(fieldRow(review, 'legalRepresentative').textContent).toContain(en.scanReader.lowConfidence);
    // The company type has no field in the case: reference only, nothing to accept.
    const type = fieldRow(review, 'type');
    expect(type.textContent).toContain(en.scanReader.noField);
    expect(within(type).queryByRole('button', { name: en.scanReader.accept })).toBeNull();
    expect(review.textContent).toContain('The credit code’s check character does not match');
    expect(review.textContent).toContain('Not found on the scan: Licence term ends, Registered address');

    // "Accept every value without a flag" takes name, capital and date, not the flagged two.
    fireEvent.click(within(review).getByRole('button', { name: 'Accept every value without a flag (3)' }));
    expect(fieldRow(review, 'uscc').className).toContain('scan-field--pending');
    // The user corrects the code from the scan and accepts it; skips the uncertain name.
    fireEvent.change(within(fieldRow(review, 'uscc')).getByLabelText('Unified social credit code (USCC)'), {
      target: { value: '91440300MA5FQ8K2X7' },
    });
    fireEvent.click(within(fieldRow(review, 'uscc')).getByRole('button', { name: en.scanReader.accept }));
    fireEvent.click(
      within(fieldRow(review, 'legalRepresentative')).getByRole('button', { name: en.scanReader.skip }),
    );
    fireEvent.click(within(review).getByRole('button', { name: 'Write the accepted values (4)' }));

    expect(await within(card()).findByTestId('scan-written')).toHaveProperty(
      'textContent',
      'Written to the application (4). Review in: Applicant.',
    );
    await vi.waitFor(() => expect(lastSaved(fake)?.subject.name).toBe('深圳市星河云帆科技有限公司'), {
      timeout: 3000,
    });
    const saved = lastSaved(fake)!;
    expect(saved.subject.certificateNumber).toBe('91440300MA5FQ8K2X7');
    expect(saved.subject.registeredCapitalCny).toBe(10_000_000);
    expect(saved.subject.establishedOn).toBe('2019-07-22');
    // Skipped: the legal representative keeps what the case had.
    expect(saved.legalRepresentative.name).toBe(sampleCase(new Date()).legalRepresentative.name);
  });

  it('says why a PDF cannot be read, and stops a reading on request', async () => {
    const { fake, card, id } = await openDocuments((c) => ({
      ...c,
      attachments: [
        licence({ mediaType: 'application/pdf', widthPx: undefined, heightPx: undefined, pages: 1 }),
      ],
    }));
    fake.api.scanRead.mockResolvedValue({
      ok: false,
      code: 'scanUnreadable',
      details: { problem: 'pdfNoImage' },
    });
    fireEvent.click(within(card()).getByRole('button', { name: en.scanReader.read }));
    expect((await within(card()).findByRole('alert')).textContent).toBe(en.scanReader.unreadable.pdfNoImage);

    let finish: (r: Awaited<ReturnType<FakeApi['api']['scanRead']>>) => void = () => undefined;
    fake.api.scanRead.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    fireEvent.click(within(card()).getByRole('button', { name: en.scanReader.read }));
    fireEvent.click(await within(card()).findByRole('button', { name: en.scanReader.stop }));
    expect(fake.api.scanCancel).toHaveBeenCalledWith({ caseId: id });
    await act(async () => finish({ ok: false, code: 'scanCancelled' }));
    // Stopped by the user: no error, the offer is back.
    expect(within(card()).queryByRole('alert')).toBeNull();
    expect(within(card()).getByRole('button', { name: en.scanReader.read })).toBeTruthy();
  });
});

describe('a scan lying on its side', { timeout: 20_000 }, () => {
  it('is marked when read so, is not provided, and is turned with one click keeping the review', async () => {
    const { fake, store, card, id } = await openDocuments();
    expect(card().getAttribute('data-status')).toBe('provided');
    const review = await read(fake, card, reading(90));
    await vi.waitFor(() => expect(card().getAttribute('data-status')).toBe('invalid'));
    const alert = within(card()).getByTestId('sideways');
    expect(alert.textContent).toContain('This scan lies on its side: it must be turned 90° clockwise');
    expect(card().textContent).toContain('licence.jpg: the scan lies on its side (turn it 90° clockwise).');
    fireEvent.click(within(review).getByRole('button', { name: 'Accept every value without a flag (3)' }));

    fake.api.attachmentRotate.mockImplementation(async () => {
      const turned = { ...store.cases.get(id)!, attachments: [licence({ id: TURNED_ID })] };
      store.cases.set(id, turned);
      return { ok: true, value: turned };
    });
    fireEvent.click(within(alert).getByRole('button', { name: en.scanReader.rotate }));
    await vi.waitFor(() => expect(card().getAttribute('data-status')).toBe('provided'));
    expect(fake.api.attachmentRotate).toHaveBeenCalledWith({
      caseId: id,
      attachmentId: LICENCE_ID,
      checklistItemId: 'subject-certificate',
      turn: 90,
    });
    expect(within(card()).queryByTestId('sideways')).toBeNull();
    // The review moved to the turned scan, decisions and all.
    const kept = within(card()).getByTestId('scan-review');
    expect(kept.closest('[data-attachment-id]')?.getAttribute('data-attachment-id')).toBe(TURNED_ID);
    expect(within(kept).getByRole('button', { name: 'Write the accepted values (3)' })).toBeTruthy();
  });

  it('can be declared the right way up by the user (a page the text misled)', async () => {
    const { fake, card } = await openDocuments((c) => ({
      ...c,
      attachments: [licence({ turnToUpright: 180 })],
    }));
    expect(card().getAttribute('data-status')).toBe('invalid');
    const alert = within(card()).getByTestId('sideways');
    expect(alert.textContent).toContain('This scan is upside down');
    fireEvent.click(within(alert).getByRole('button', { name: en.scanReader.keepAsIs }));
    await vi.waitFor(() => expect(card().getAttribute('data-status')).toBe('provided'));
    await vi.waitFor(() => expect(lastSaved(fake)?.attachments[0]).not.toHaveProperty('turnToUpright'), {
      timeout: 3000,
    });
    expect(fake.api.attachmentRotate).not.toHaveBeenCalled();
  });
});
