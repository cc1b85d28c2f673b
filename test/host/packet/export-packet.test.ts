import { PDFDocument } from 'pdf-lib';
import { mergeWithOutline } from '../../../core/packet/merge';
import { keptReviewMerge } from '../../../host/packet/export-packet';

/** A small PDF whose content is its text (drawn in the standard font) on `pages` pages. */
async function pdf(text: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`${text} ${i + 1}`);
  return doc.save();
}

const meta = { title: 'Review', now: new Date('2026-11-25T08:00:00Z'), producer: 'test' };

describe('keptReviewMerge', () => {
  it('answers as mergeWithOutline does, for the same documents again and after one of them changed', async () => {
    const letter = await pdf('letter');
    const plan = await pdf('plan', 2);
    const parts = (planBytes: Uint8Array) => [
      { title: '函', kind: 'pdf' as const, bytes: letter },
      { title: '计划', kind: 'pdf' as const, bytes: planBytes },
    ];
    const first = await keptReviewMerge(parts(plan), meta);
    expect(
      Buffer.from(first.bytes).equals(Buffer.from((await mergeWithOutline(parts(plan), meta)).bytes)),
    ).toBe(true);
    const again = await keptReviewMerge(parts(plan.slice()), meta);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);

    // The plan re-drawn with other content, same title and length: a new merge, not the kept one.
    const changed = await pdf('PLAN', 2);
    expect(changed.length).toBe(plan.length);
    const after = await keptReviewMerge(parts(changed), meta);
    const fresh = await mergeWithOutline(parts(changed), meta);
    expect(Buffer.from(after.bytes).equals(Buffer.from(fresh.bytes))).toBe(true);
    expect(Buffer.from(after.bytes).equals(Buffer.from(first.bytes))).toBe(false);
    // Another date is another file (the PDF's dates): not the kept one either.
    const later = { ...meta, now: new Date('2026-11-26T08:00:00Z') };
    const dated = await keptReviewMerge(parts(plan), later);
    expect(
      Buffer.from(dated.bytes).equals(Buffer.from((await mergeWithOutline(parts(plan), later)).bytes)),
    ).toBe(true);
  });
});
