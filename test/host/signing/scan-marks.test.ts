/**
 * Every export reads each signed scan's marks back (host/signing `confirmSignedCopies`). The marks are a
 * function of the file's bytes alone, so a file read before in the process is answered without decoding
 * and searching its pixels again — and a file that differs by one byte is read afresh.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { markText } from '../../../core/documents/signing';
import * as qr from '../../../host/qr';
import { readScanMarks } from '../../../host/signing/scan-marks';

vi.mock('../../../host/qr', async (importOriginal) => {
  const original = await importOriginal<typeof qr>();
  return { ...original, decodeQrCodes: vi.fn(original.decodeQrCodes) };
});

const mark = (page: number) => ({
  templateId: 'filing-commitment',
  caseTag: '0123456789',
  version: 'ABCDEF0123',
  page,
  pageCount: 2,
});

describe('reading a scan’s marks again', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.mocked(qr.decodeQrCodes).mockClear();
  });

  it('answers the same bytes from what was read, and reads other bytes afresh', async () => {
    const first = await qr.qrPng(markText(mark(1)), { errorCorrection: 'Q' });
    const second = await qr.qrPng(markText(mark(2)), { errorCorrection: 'Q' });

    const read = await readScanMarks(first, 'image/png');
    expect(read).toEqual({ pages: [[mark(1)]], undecodablePages: [] });
    // What a caller does with its answer does not change the next one.
    read.pages[0]!.pop();
    expect(await readScanMarks(Uint8Array.from(first), 'image/png')).toEqual({
      pages: [[mark(1)]],
      undecodablePages: [],
    });
    expect(qr.decodeQrCodes).toHaveBeenCalledTimes(1);

    expect(await readScanMarks(second, 'image/png')).toEqual({ pages: [[mark(2)]], undecodablePages: [] });
    expect(qr.decodeQrCodes).toHaveBeenCalledTimes(2);
  });

  it('does not remember a file it could not read', async () => {
    const damaged = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await expect(readScanMarks(damaged, 'image/png')).rejects.toThrow();
    await expect(readScanMarks(damaged, 'image/png')).rejects.toThrow();
    expect(qr.decodeQrCodes).toHaveBeenCalledTimes(2);
  });
});
