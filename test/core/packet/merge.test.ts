import type { PDFHexString } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { jpegFrame } from '../../../core/packet/jpeg';
import { loadPdf, mergeWithOutline, mergeWithOutlineStreamed } from '../../../core/packet/merge';
import type { ScanSource } from '../../../core/packet/types';
import { extractText } from '../documents/pdf-reader';

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

  it('merges a part parsed beforehand (to count its pages) into the same bytes as one parsed from its bytes', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 3; i++)
      doc.addPage([595.28, 841.89]).drawText(`page ${i + 1}`, { x: 72, y: 700, font });
    const bytes = await doc.save();
    const meta = {
      title: 'packet',
      now: new Date('2026-11-25T00:00:00Z'),
      producer: 'test',
      stampPages: true,
    };
    const parsed = await loadPdf(bytes);
    expect(parsed?.getPageCount()).toBe(3);
    const fromBytes = await mergeWithOutline([{ title: '承诺书', kind: 'pdf', bytes }], meta);
    const fromParsed = await mergeWithOutline(
      [{ title: '承诺书', kind: 'pdf', bytes, ...(parsed ? { parsed } : {}) }],
      meta,
    );
    expect(Buffer.from(fromParsed.bytes).equals(Buffer.from(fromBytes.bytes))).toBe(true);
    expect(await loadPdf(new Uint8Array([1, 2, 3]))).toBeNull();
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

  it('streams scans: none is read while the PDF is laid out, one at a time while it is written', async () => {
    const colours = ['#c03030', '#30a030', '#3030c0'];
    const jpegs = await Promise.all(
      colours.map(
        async (background, i) =>
          new Uint8Array(
            await sharp({
              create: { width: 1600 - i * 200, height: 1000 + i * 300, channels: 3, background },
            })
              .jpeg()
              .toBuffer(),
          ),
      ),
    );
    let reading = 0;
    let mostAtOnce = 0;
    const reads: number[] = [];
    const scans: ScanSource[] = jpegs.map((bytes, i) => {
      const frame = jpegFrame(bytes);
      if (!frame) throw new Error('not a jpeg');
      return {
        size: bytes.length,
        sha256: String(i),
        width: frame.width,
        height: frame.height,
        components: frame.components,
        reencoded: false,
        read: async () => {
          reading++;
          mostAtOnce = Math.max(mostAtOnce, reading);
          reads.push(i);
          await new Promise((resolve) => setTimeout(resolve, 1));
          reading--;
          return bytes;
        },
      };
    });
    const merged = await mergeWithOutlineStreamed(
      [
        { title: '申报材料目录', kind: 'pdf', bytes: await pdfWithPages(2) },
        ...scans.map((scan, i) => ({ title: `附件${i + 1}`, kind: 'scan' as const, scan })),
      ],
      { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test' },
    );
    expect(reads).toEqual([]);
    expect(merged.ranges).toEqual([
      { first: 1, last: 2 },
      { first: 3, last: 3 },
      { first: 4, last: 4 },
      { first: 5, last: 5 },
    ]);

    const chunks: Uint8Array[] = [];
    // No chunk is bigger than one scan plus the writer's 256 KB buffer: the file is never whole in memory.
    let biggest = 0;
    for await (const chunk of merged.file.chunks()) {
      chunks.push(chunk.slice());
      biggest = Math.max(biggest, chunk.length);
    }
    expect(reads).toEqual([0, 1, 2]);
    expect(mostAtOnce).toBe(1);
    expect(biggest).toBeLessThanOrEqual(Math.max(...jpegs.map((j) => j.length), 256 * 1024));
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    expect(bytes.length).toBe(merged.file.size);

    // pdf-lib and pdf.js both read it; every scan is embedded byte for byte, on a page of its orientation.
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(5);
    expect((await extractText(bytes)).pageCount).toBe(5);
    const images = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images.map((i) => Buffer.from(i.contents).toString('hex'))).toEqual(
      jpegs.map((j) => Buffer.from(j).toString('hex')),
    );
    const landscape = doc.getPage(2).getSize();
    expect(landscape.width).toBeGreaterThan(landscape.height);
    const portrait = doc.getPage(4).getSize();
    expect(portrait.height).toBeGreaterThan(portrait.width);

    // A second pass (hash, then write) reads the scans again and gives the same bytes.
    let size = 0;
    for await (const chunk of merged.file.chunks()) size += chunk.length;
    expect(size).toBe(merged.file.size);
    expect(reads).toEqual([0, 1, 2, 0, 1, 2]);
  });
});
