/**
 * The paper round trip of a document signed by hand, on real pixels: the copy printed for signing is
 * rendered (pdf.js), signed and sealed, photographed at an angle or scanned into a PDF, and the QR marks
 * read back from it (zxing-wasm) decide whether it is that document's signed copy, of this case, in the
 * version the case prints now.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../core/model/case';
import { CaseSchema } from '../../../core/model/case';
import { compactText } from '../../core/documents/pdf-reader';
import { checkSignedScan, confirmSignedCopies, renderForSigning } from '../../../host/signing';
import { filingCase } from '../../fixtures/documents/cases';
import { RESOURCES_DIR } from '../../support/paths';
import { phonePhoto, renderPdfPage, scannedPdf, signPage } from '../../fixtures/signing';

const NOW = new Date('2026-12-07T03:00:00Z');

/** The sample without its attachments: nothing is signed yet. */
const unsigned: Case = { ...filingCase(), attachments: [] };

/** Dark pixels (below mid grey) in a PNG: a blank page has none. */
async function ink(png: Buffer, region?: { left: number; top: number; width: number; height: number }) {
  let image = sharp(png).greyscale();
  if (region) image = image.extract(region);
  const { data } = await image.raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const value of data) if (value < 128) dark++;
  return dark;
}

// pdf.js, the 10 MB font and the .wasm load on first use; a loaded machine needs more than 5 s.
describe('a copy printed for signing, signed and returned', { timeout: 90_000 }, () => {
  it('carries the note, then the document with a QR mark in the footer corner of every page', async () => {
    const printed = await renderForSigning(unsigned, 'verification-form', {
      languages: ['en'],
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    expect(printed).toMatchObject({ pageCount: 2, notePages: 1 });
    const text = await compactText(printed.bytes);
    expect(text).toContain('Howtosignandreturnthisdocument');
    expect(text).toContain('互联网信息服务备案信息真实性核验单');

    for (const index of [0, 1, 2]) {
      const png = await renderPdfPage(printed.bytes, index, 100);
      const { width = 0, height = 0 } = await sharp(png).metadata();
      // The mark is drawn in the bottom-right corner; the page above it carries the text.
      const corner = { left: Math.round(width * 0.8), top: Math.round(height * 0.9), width: 0, height: 0 };
      corner.width = width - corner.left;
      corner.height = height - corner.top;
      expect(await ink(png, corner)).toBeGreaterThan(500);
      expect(await ink(png, { left: 0, top: 0, width, height: Math.round(height * 0.5) })).toBeGreaterThan(
        2000,
      );
    }
  });

  it('a phone photo of the signed page is accepted; another document, the note and a stale version are not', async () => {
    const printed = await renderForSigning(unsigned, 'pre-approval-statement', {
      languages: ['en'],
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    expect(printed).toMatchObject({ pageCount: 1, notePages: 1 });
    const photo = await phonePhoto(await signPage(await renderPdfPage(printed.bytes, 1)), {
      rotate: 5,
      perspective: 0.1,
      blur: 1.2,
      size: 2400,
      jpegQuality: 80,
    });
    const file = { bytes: new Uint8Array(photo), mediaType: 'image/jpeg' as const };

    expect(await checkSignedScan(unsigned, 'pre-approval-statement', file)).toMatchObject({
      ok: true,
      signedCopy: {
        templateId: 'pre-approval-statement',
        contentVersion: printed.version,
        pages: [1],
        pageCount: 1,
      },
    });

    // The same photo offered for another document of the case.
    expect(await checkSignedScan(unsigned, 'filing-commitment', file)).toEqual({
      ok: false,
      refusal: { reason: 'otherDocument', found: 'pre-approval-statement' },
    });

    // The instruction sheet photographed instead of the document.
    const note = await phonePhoto(await renderPdfPage(printed.bytes, 0), {
      rotate: -3,
      perspective: 0.05,
      blur: 0.8,
      size: 2400,
      jpegQuality: 85,
    });
    expect(
      await checkSignedScan(unsigned, 'pre-approval-statement', {
        bytes: new Uint8Array(note),
        mediaType: 'image/jpeg',
      }),
    ).toEqual({ ok: false, refusal: { reason: 'instructionSheet' } });

    // The case changes what the statement prints after it was printed and signed: the scan is stale.
    const renamed = CaseSchema.parse({
      ...unsigned,
      subject: { ...unsigned.subject, name: '上海澜岸商贸有限公司' },
      signingPrints: [printed.print],
    });
    expect(await checkSignedScan(renamed, 'pre-approval-statement', file)).toMatchObject({
      ok: false,
      refusal: { reason: 'otherVersion', found: printed.version, changed: ['subject.name'] },
    });

    // A photo of a blank sheet carries no mark.
    const blank = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: 'white' } })
      .jpeg()
      .toBuffer();
    expect(
      await checkSignedScan(unsigned, 'pre-approval-statement', {
        bytes: new Uint8Array(blank),
        mediaType: 'image/jpeg',
      }),
    ).toEqual({ ok: false, refusal: { reason: 'noMark' } });
  });

  it('a scanned PDF of every signed page is accepted and confirmed at export; the unsigned PDF is not', async () => {
    const printed = await renderForSigning(unsigned, 'verification-form', {
      languages: ['en'],
      now: NOW,
      resourcesDir: RESOURCES_DIR,
    });
    const pages = await Promise.all(
      [1, 2].map(async (index) => signPage(await renderPdfPage(printed.bytes, index, 200))),
    );
    const scan = await scannedPdf(pages);

    const judgement = await checkSignedScan(unsigned, 'verification-form', {
      bytes: scan,
      mediaType: 'application/pdf',
    });
    expect(judgement).toMatchObject({
      ok: true,
      signedCopy: { contentVersion: printed.version, pages: [1, 2], pageCount: 2 },
    });
    if (!judgement.ok) return;

    // The export reads the attached file again: it must still say what was recorded.
    const meta = {
      id: 'a'.repeat(64),
      checklistItemId: 'x',
      originalName: 'scan.pdf',
      mediaType: 'application/pdf' as const,
      bytes: scan.length,
      widthPx: 0,
      heightPx: 0,
      addedAt: NOW.toISOString(),
      validFrom: '',
      validTo: '',
      signedCopy: judgement.signedCopy,
    };
    const withScan: Case = { ...unsigned, attachments: [meta] };
    const signed = new Map([['verification-form', [meta]]]);
    await expect(confirmSignedCopies(withScan, signed, async () => scan)).resolves.toBeUndefined();
    // A file swapped on disk for the unsigned print is caught at export.
    await expect(confirmSignedCopies(withScan, signed, async () => printed.bytes)).rejects.toMatchObject({
      code: 'unsignedDocument',
    });

    // The unsigned print itself, and its pages without the second one.
    expect(
      await checkSignedScan(unsigned, 'verification-form', {
        bytes: printed.bytes,
        mediaType: 'application/pdf',
      }),
    ).toEqual({ ok: false, refusal: { reason: 'unsignedOriginal' } });
    expect(
      await checkSignedScan(unsigned, 'verification-form', {
        bytes: await scannedPdf([pages[0]!, pages[0]!]),
        mediaType: 'application/pdf',
      }),
    ).toEqual({ ok: false, refusal: { reason: 'pageRepeated', page: 1 } });
  });
});
