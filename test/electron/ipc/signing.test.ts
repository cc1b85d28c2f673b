/**
 * The sign-and-return loop through main's handlers: `signing:print` saves the marked copy where the Save
 * dialog says and records the version printed; `attachment:add` on the document's line takes only its
 * signed scan of the current version and detaches the copy it supersedes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signingLineOf } from '../../../core/rules/checklist';
import type * as NormaliseImage from '../../../host/packet/normalise-image';
import { normaliseAttached } from '../../../host/packet/normalise-image';
import type * as VerifyMedia from '../../../host/store/verify-media';
import { verifyImage } from '../../../host/store/verify-media';
import { removeTempDirs, tempDir } from '../../host/store/helpers';
import { renderPdfPage, signPage } from '../../fixtures/signing';
import { tempHandlers, value } from './harness';

// The two decodes that prove an image whole, watched (and still run) to count how often a scan is decoded.
vi.mock('../../../host/packet/normalise-image', async (original) => {
  const actual = await original<typeof NormaliseImage>();
  return { ...actual, normaliseAttached: vi.fn(actual.normaliseAttached) };
});
vi.mock('../../../host/store/verify-media', async (original) => {
  const actual = await original<typeof VerifyMedia>();
  return { ...actual, verifyImage: vi.fn(actual.verifyImage) };
});

afterEach(removeTempDirs);

const LINE = signingLineOf('pre-approval-statement')!.id;

/** Page `index` of a printed PDF, signed and "scanned" as a JPEG. */
async function signedScan(pdf: Uint8Array, index: number): Promise<Uint8Array> {
  const jpeg = await sharp(await signPage(await renderPdfPage(pdf, index, 150)))
    .jpeg({ quality: 85 })
    .toBuffer();
  return new Uint8Array(jpeg);
}

// Rendering loads the 10 MB font, pdf.js and the QR .wasm; a loaded machine needs more than 5 s.
describe('signing:print and the signed scan on attachment:add', { timeout: 90_000 }, () => {
  it('prints, takes the signed scan, refuses another document and a stale version', async () => {
    const folder = await tempDir('icp-signing-ipc-');
    let answer: string | undefined;
    const asked: string[] = [];
    const { h } = await tempHandlers('icp-signing-ipc-', {
      showSigningSaveDialog: async ({ defaultFileName }) => {
        asked.push(defaultFileName);
        return answer;
      },
    });
    const sample = value(await h['case:createSample'](undefined));
    const print = (templateId: string) =>
      h['signing:print']({ caseId: sample.id, templateId, language: 'en' });

    // Cancelled: nothing written, nothing recorded.
    expect(value(await print('pre-approval-statement'))).toEqual({ saved: false });
    expect(asked).toEqual(['前置审批事项说明 Statement on Sector Pre-approvals - for signing.pdf']);
    expect(value(await h['case:open']({ id: sample.id })).case.signingPrints).toEqual([]);

    answer = path.join(folder, 'statement.pdf');
    const printed = value(await print('pre-approval-statement'));
    if (!printed.saved) throw new Error('not saved');
    const pdf = new Uint8Array(await readFile(answer));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(printed.case.signingPrints).toMatchObject([
      { templateId: 'pre-approval-statement', contentVersion: printed.version },
    ]);

    // Not a document signed by hand, or not an id at all.
    expect(await print('filing-info-sheet')).toMatchObject({ ok: false, code: 'notFound' });
    expect(await print('../../etc/passwd')).toMatchObject({ ok: false, code: 'invalidPayload' });

    const scan = await signedScan(pdf, 1);
    const add = (bytes: Uint8Array, fileName = 'signed.jpg') =>
      h['attachment:add']({ caseId: sample.id, checklistItemId: LINE, fileName, bytes });

    // Another document's signed page on this line.
    answer = path.join(folder, 'form.pdf');
    const form = value(await print('verification-form'));
    if (!form.saved) throw new Error('not saved');
    expect(await add(await signedScan(new Uint8Array(await readFile(answer)), 1))).toMatchObject({
      ok: false,
      code: 'signedScanRefused',
      details: { reason: 'otherDocument', found: 'verification-form' },
    });

    vi.mocked(normaliseAttached).mockClear();
    vi.mocked(verifyImage).mockClear();
    const added = value(await add(scan));
    // Checked before its marks are read and again as the store takes it, the scan is decoded whole once.
    expect(vi.mocked(normaliseAttached).mock.calls.length + vi.mocked(verifyImage).mock.calls.length).toBe(1);
    expect(added.attachment).toMatchObject({
      checklistItemId: LINE,
      signedCopy: { templateId: 'pre-approval-statement', contentVersion: printed.version, pages: [1] },
    });

    // The company's name changes: the statement prints it, so the scan signed before is out of date.
    const renamed = value(
      await h['case:save']({
        case: { ...added.case, subject: { ...added.case.subject, name: '上海澜岸商贸有限公司' } },
      }),
    );
    expect(await add(scan, 'again.jpg')).toMatchObject({
      ok: false,
      code: 'signedScanRefused',
      details: { reason: 'otherVersion', found: printed.version, changed: 'subject.name' },
    });

    // The new version printed and signed replaces the stale copy on the line.
    answer = path.join(folder, 'statement-2.pdf');
    const reprinted = value(await print('pre-approval-statement'));
    if (!reprinted.saved) throw new Error('not saved');
    expect(reprinted.version).not.toBe(printed.version);
    const replaced = value(await add(await signedScan(new Uint8Array(await readFile(answer)), 1)));
    expect(replaced.case.attachments.filter((a) => a.checklistItemId === LINE)).toEqual([
      expect.objectContaining({ signedCopy: expect.objectContaining({ contentVersion: reprinted.version }) }),
    ]);
    expect(renamed.attachments.some((a) => a.id === added.attachment.id)).toBe(true);
  });
});
