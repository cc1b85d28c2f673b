import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentMeta, Case, ExportRecord } from '../../core/model/case';
import { buildChecklist } from '../../core/rules/checklist';
import { decidePathway } from '../../core/rules/decide';
import { checkCase } from '../../core/rules/preflight';
import en from '../../locales/en.json';
import { checkFile } from '../../renderer/src/screens/Documents/fileChecks';
import { issueTargets } from '../../renderer/src/screens/Review/IssueList';
import { signedCopyNow } from '../core/rules/helpers';
import { useFakeStore } from './support/fake-store';
import { createFakeApi, renderApp } from './support/render-app';

beforeEach(() => {
  window.location.hash = '';
});

/**
 * The fake store's sample has no scans: give every item that takes files one that meets its rules (a
 * document signed by hand: its signed copy).
 */
function withScans(c: Case): Case {
  const items = buildChecklist(c, decidePathway(c.answers)).filter(
    (item) => item.status === 'missing' && (item.origin === 'user' || item.origin === 'generated_signed'),
  );
  const attachments = items.map((item, index): AttachmentMeta => ({
    id: String(index + 1).padStart(64, '0'),
    checklistItemId: item.id,
    originalName: `${item.entryId}.jpg`,
    mediaType: 'image/jpeg',
    bytes: 200_000,
    widthPx: 2400,
    heightPx: 1700,
    addedAt: '2026-11-25T00:00:00Z',
    validFrom: '',
    validTo: '',
    // A document signed by hand takes only its checked signed scan of the version it prints now.
    ...(item.signing ? { signedCopy: signedCopyNow(c, item.signing.templateId) } : {}),
  }));
  const scanned = { ...c, attachments: [...c.attachments, ...attachments] };
  // As the bundled sample does: its warnings are read and acknowledged.
  const warnings = checkCase(scanned).filter((issue) => issue.severity === 'warning');
  return { ...scanned, acknowledged: warnings.map((issue) => issue.key) };
}

async function openSampleAt(step: string, scans = true) {
  const fake = createFakeApi();
  useFakeStore(fake);
  const created = await fake.api.caseCreateSample();
  if (!created.ok) throw new Error('no sample');
  const sample = await fake.api.caseSave({ case: scans ? withScans(created.value) : created.value });
  if (!sample.ok) throw new Error('not saved');
  fake.api.caseSave.mockClear();
  window.location.hash = `#/case/${sample.value.id}/${step}`;
  const view = renderApp({ fake });
  await screen.findByRole('heading', { level: 1 });
  return { fake, caseId: sample.value.id, view };
}

describe('checkFile', () => {
  const file: AttachmentMeta = {
    id: 'a'.repeat(64),
    checklistItemId: 'x',
    originalName: 'scan.png',
    mediaType: 'image/png',
    bytes: 3_000_000,
    widthPx: 800,
    heightPx: 1300,
    addedAt: '2026-11-25T00:00:00Z',
    validFrom: '',
    validTo: '',
  };

  it('applies each rule the item sets to the file, orientation-independent for pixels', () => {
    const checks = checkFile(file, {
      mediaTypes: ['image/jpeg', 'application/pdf'],
      maxBytes: 2_000_000,
      minLongEdgePx: 1200,
      minShortEdgePx: 800,
      colour: true,
      checkValidity: false,
      minFiles: 1,
      maxFiles: 1,
      source: 'test',
    });
    expect(checks.map((c) => [c.id, c.pass])).toEqual([
      ['type', false],
      ['size', false],
      ['pixels', true],
    ]);
    expect(checkFile(file, undefined)).toEqual([]);
  });
});

describe('issueTargets', () => {
  it('tries the field, then its listed parents; documents open their checklist item', () => {
    expect(issueTargets('services.0.domains.1')).toEqual([
      'field-services-0-domains-1',
      'field-services-0-domains',
      'field-services-0',
      'field-services',
    ]);
    expect(issueTargets('attachments:service-principal-id-front@svc-mini-1')).toEqual([
      'checklist-item-service-principal-id-front@svc-mini-1',
    ]);
  });
});

describe('Review step', () => {
  it('lists the pre-flight by step and stores an acknowledgement withdrawn by the user', async () => {
    const { fake } = await openSampleAt('review');
    const summary = await screen.findByTestId('preflight-summary');
    expect(summary.getAttribute('data-errors')).toBe('0');
    expect(summary.getAttribute('data-open-warnings')).toBe('0');
    // The sample's foreign legal representative in Shanghai: a finding the sources leave open, said so.
    const unclear = screen
      .getAllByTestId('issue-unclear')
      .find(
        (note) =>
          note.closest('[data-code]')?.getAttribute('data-code') === 'people.foreignLegalRepPrincipal',
      );
    expect(unclear?.textContent).toBe(en.reviewStep.unclear);
    const boxes = screen.getAllByRole('checkbox', { name: en.reviewStep.acknowledge });
    expect(boxes.length).toBeGreaterThan(0);
    expect((boxes[0] as HTMLInputElement).checked).toBe(true);
    fireEvent.click(boxes[0] as HTMLElement);
    await vi.waitFor(() => expect(summary.getAttribute('data-open-warnings')).toBe('1'), { timeout: 3000 });
    await vi.waitFor(() => expect(fake.api.caseSave).toHaveBeenCalled(), { timeout: 3000 });
    const saved = fake.api.caseSave.mock.calls.at(-1)?.[0].case;
    expect(saved?.acknowledged.length).toBe(boxes.length - 1);
  });
});

describe('Export step', () => {
  it('builds the packet with progress and Cancel, records it in the history and shows it in its folder', async () => {
    const { fake, caseId } = await openSampleAt('export');
    const record: ExportRecord = {
      at: '2026-11-25T15:00:00.000Z',
      folderName: 'sample-icp-filing-20261125',
      profile: 'wechat',
      fileCount: 18,
      manifestSha256: 'f'.repeat(64),
    };
    let finish: (value: Awaited<ReturnType<typeof fake.api.packetBuild>>) => void = () => undefined;
    fake.api.packetBuild.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    fake.api.packetReveal.mockResolvedValue({ ok: true, value: { shown: true } });
    fake.api.packetCancel.mockResolvedValue({ ok: true, value: { cancelled: true } });

    expect(screen.getByText(en.exportStep.historyEmpty)).toBeTruthy();
    fireEvent.click(screen.getByTestId('export-button'));
    await vi.waitFor(() => expect(fake.api.packetBuild).toHaveBeenCalledWith({ caseId, profile: 'wechat' }));
    act(() => fake.sendPacketProgress({ caseId, done: 3, total: 9, step: '承诺书' }));
    // The bar appears once the work has run for half a second.
    const panel = await screen.findByTestId('progress-panel', {}, { timeout: 3000 });
    expect((within(panel).getByRole('progressbar') as HTMLProgressElement).value).toBe(3);
    // Stages say what is happening in words, never the packet writer's internal names.
    act(() => fake.sendPacketProgress({ caseId, done: 4, total: 9, step: 'manifest' }));
    await within(panel).findByText(en.workspaceGuide.exportStages.manifest);
    fireEvent.click(within(panel).getByRole('button', { name: en.progress.cancel }));
    expect(fake.api.packetCancel).toHaveBeenCalledWith({ caseId });

    await act(async () =>
      finish({
        ok: true,
        value: {
          built: true,
          folderName: record.folderName,
          folderPath: `/home/user/Packets/${record.folderName}`,
          fileCount: 18,
          zip: true,
          record,
        },
      }),
    );
    await screen.findByTestId('export-result');
    expect(screen.getByTestId('export-guide').textContent).toContain(en.workspaceGuide.exportGuide.wechat);
    expect(screen.getByTestId('export-guide').textContent).toContain('12381');
    expect(screen.getByTestId('export-history').textContent).toContain(record.folderName);
    expect(screen.getByTestId('export-folder-path').textContent).toContain(
      `/home/user/Packets/${record.folderName}`,
    );
    fireEvent.click(screen.getByTestId('reveal-button'));
    await vi.waitFor(() => expect(fake.api.packetReveal).toHaveBeenCalledWith({ caseId }));
    await vi.waitFor(() => expect(fake.api.caseSave.mock.calls.at(-1)?.[0].case.exports).toEqual([record]), {
      timeout: 3000,
    });
  });

  it('refuses while the pre-flight has errors and links each one', async () => {
    const fake = createFakeApi();
    useFakeStore(fake);
    const sample = await fake.api.caseCreateSample();
    if (!sample.ok) throw new Error('no sample');
    const broken = {
      ...sample.value,
      subject: { ...sample.value.subject, certificateNumber: '91310115MA1K4R7C5B' },
    };
    await fake.api.caseSave({ case: broken });
    window.location.hash = `#/case/${sample.value.id}/export`;
    renderApp({ fake });
    const refused = await screen.findByTestId('export-refused');
    expect(refused.querySelector('li.issue[data-code="uscc.checksum"]')).not.toBeNull();
    expect((screen.getByTestId('export-button') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Documents step', () => {
  it('sends a dropped file to main as bytes and shows a refusal in the UI language', async () => {
    const { fake } = await openSampleAt('documents', false);
    expect(document.querySelector('[data-item-id="subject-certificate"]')?.getAttribute('data-status')).toBe(
      'missing',
    );
    fake.api.attachmentAdd.mockResolvedValue({
      ok: false,
      code: 'attachmentType',
      details: { found: 'gif' },
    });
    const target = screen.getAllByTestId('drop-zone')[0] as HTMLElement;
    const file = new File([new Uint8Array([0x47, 0x49, 0x46, 0x38])], 'scan.gif', { type: 'image/gif' });
    fireEvent.drop(target, { dataTransfer: { files: [file] } });
    await vi.waitFor(() => expect(fake.api.attachmentAdd).toHaveBeenCalled());
    const request = fake.api.attachmentAdd.mock.calls[0]?.[0];
    expect(request?.fileName).toBe('scan.gif');
    expect([...(request?.bytes ?? [])]).toEqual([0x47, 0x49, 0x46, 0x38]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errors.attachmentKind.gif);
  });
});

describe('documents that the case already dates', () => {
  it('does not ask again for the business licence term Applicant holds, and lists only checked rules', async () => {
    await openSampleAt('documents');
    const licence = document.querySelector('[data-item-id="subject-certificate"]') as HTMLElement;
    expect(licence).not.toBeNull();
    expect(licence.querySelector('input[type="date"]')).toBeNull();
    expect(licence.textContent).toContain(
      en.workspaceGuide.documents.validityFromCase.replace('{{step}}', en.steps.applicant.label),
    );
    // "In colour" is not checked by the app: it is advice, not one of the listed format rules.
    expect(licence.querySelector('.checklist-item__rules')?.textContent).not.toContain('In colour');
    expect(licence.textContent).toContain(en.workspaceGuide.documents.colourAdvice);
  });
});

describe('review previews', () => {
  it('draw pages large enough that the smallest English gloss reads at 9.5 px or more', async () => {
    const { REVIEW_PAGE_WIDTH } = await import('../../renderer/src/screens/Review/DocumentPreviews');
    const { PAGE, SMALLEST_GLOSS_PT } = await import('../../core/documents/layout');
    expect((REVIEW_PAGE_WIDTH / PAGE.width) * SMALLEST_GLOSS_PT).toBeGreaterThanOrEqual(9.5);
  });
});
