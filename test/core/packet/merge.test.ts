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
        { title: '互联网信息服务备案承诺书', kind: 'pdf', bytes: await pdfWithPages(3), group: '申报文件' },
        { title: '营业执照', kind: 'jpeg', bytes: jpeg, width: 1600, height: 1000, group: '附件' },
      ],
      { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test', stampPages: true },
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
    // Three top-level entries and two children, all open (positive counts).
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe('5');
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
      const first = item.get(PDFName.of('First'));
      if (first instanceof PDFRef) {
        const child = doc.context.lookup(first, PDFDict);
        expect(child.get(PDFName.of('Parent'))).toBe(ref);
        expect(item.get(PDFName.of('Count'))?.toString()).toBe('1');
        const childTitle = (child.lookup(PDFName.of('Title')) as PDFHexString).decodeText();
        const childDest = child.lookup(PDFName.of('Dest')) as unknown as { get(i: number): PDFRef };
        seen.push({ title: `  ${childTitle}`, page: pageRefs.indexOf(childDest.get(0)) + 1 });
      }
      previous = ref;
      ref = item.get(PDFName.of('Next'));
    }
    expect(outlines.get(PDFName.of('Last'))).toBe(previous);
    expect(seen).toEqual([
      { title: '申报材料目录', page: 1 },
      { title: '申报文件', page: 3 },
      { title: '  互联网信息服务备案承诺书', page: 3 },
      { title: '附件', page: 6 },
      { title: '  营业执照', page: 6 },
    ]);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('stamps every page with its packet page number, so the index page numbers can be found', async () => {
    const merged = await mergeWithOutline(
      [
        { title: '目录', kind: 'pdf', bytes: await pdfWithPages(1) },
        { title: '文件', kind: 'pdf', bytes: await pdfWithPages(2) },
      ],
      { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test', stampPages: true },
    );
    const { extractText } = await import('../documents/pdf-reader');
    const { items } = await extractText(merged.bytes);
    expect(items.map((i) => `${i.page}:${i.text.trim()}`)).toEqual(['0:1 / 3', '1:2 / 3', '2:3 / 3']);
  });
});
