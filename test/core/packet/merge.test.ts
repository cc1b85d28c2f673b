import type { PDFHexString } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { mergeWithOutline } from '../../../core/packet/merge';

async function pdfWithPages(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < count; i++) doc.addPage([595.28, 841.89]);
  return doc.save();
}

describe('mergeWithOutline', () => {
  it('puts every part in order and links one bookmark per part to its first page', async () => {
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#ccc' } })
        .jpeg()
        .toBuffer(),
    );
    const merged = await mergeWithOutline(
      [
        { title: '申报材料目录', kind: 'pdf', bytes: await pdfWithPages(2) },
        { title: '互联网信息服务备案承诺书', kind: 'pdf', bytes: await pdfWithPages(3) },
        { title: '营业执照', kind: 'jpeg', bytes: jpeg, width: 1600, height: 1000 },
      ],
      { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test' },
    );
    expect(merged.ranges).toEqual([
      { first: 1, last: 2 },
      { first: 3, last: 5 },
      { first: 6, last: 6 },
    ]);
    const doc = await PDFDocument.load(merged.bytes);
    expect(doc.getPageCount()).toBe(6);
    // A landscape scan gets a landscape page.
    const last = doc.getPage(5).getSize();
    expect(last.width).toBeGreaterThan(last.height);

    const outlines = doc.context.lookup(doc.catalog.get(PDFName.of('Outlines')), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('3');
    const pageRefs = doc.getPages().map((p) => p.ref);
    const seen: { title: string; page: number }[] = [];
    let ref = outlines.get(PDFName.of('First'));
    let previous: PDFRef | undefined;
    while (ref instanceof PDFRef) {
      const item = doc.context.lookup(ref, PDFDict);
      expect(item.get(PDFName.of('Parent'))).toBe(doc.catalog.get(PDFName.of('Outlines')));
      if (previous) expect(item.get(PDFName.of('Prev'))).toBe(previous);
      const title = (item.lookup(PDFName.of('Title')) as PDFHexString).decodeText();
      const destination = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): PDFRef };
      seen.push({ title, page: pageRefs.indexOf(destination.get(0)) + 1 });
      previous = ref;
      ref = item.get(PDFName.of('Next'));
    }
    expect(outlines.get(PDFName.of('Last'))).toBe(previous);
    expect(seen).toEqual([
      { title: '申报材料目录', page: 1 },
      { title: '互联网信息服务备案承诺书', page: 3 },
      { title: '营业执照', page: 6 },
    ]);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });
});
