/**
 * Issue 22 point 2 — damaged scans shipped: a JPEG cut to half (or to its first 600 bytes) was accepted at
 * attach time from its header, passed through the normaliser byte for byte and packed as 营业执照.jpg. Every
 * image is now decoded and every PDF parsed before it is stored, imported or passed through. On the code
 * before the fix each refusal below was an acceptance (the SVG-as-PNG case aside, refused as "unknown"; the
 * 30,000 × 30,000 PNG was accepted at attach and failed only at export).
 */
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { inspectAttachment } from '../../../host/store/attachments';
import { importCaseArchive, exportCaseArchive } from '../../../host/store/icpcase';
import { normaliseImage } from '../../../host/packet/normalise-image';
import { uploadProfile } from '../../../core/packet/profiles';
import { PacketError } from '../../../core/packet/errors';
import { createCase } from '../../../core/model/restore';
import { failure, newStore, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

/** A real scan: noise, so that a cut file loses pixels rather than padding. */
async function scan(format: 'jpeg' | 'png'): Promise<Buffer> {
  const raw = Buffer.alloc(1400 * 1000 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  const image = sharp(raw, { raw: { width: 1400, height: 1000, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(await scan('jpeg'));
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** A PNG whose header says width × height, with a tiny IDAT (the header alone must refuse it). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    Buffer.alloc(64),
  ]);
}

describe('attachments are decoded to the end before they are stored (issue 22 point 2)', () => {
  it('accepts whole JPEG, PNG and PDF scans', async () => {
    expect(await inspectAttachment(await scan('jpeg'))).toMatchObject({ widthPx: 1400, heightPx: 1000 });
    expect(await inspectAttachment(await scan('png'))).toMatchObject({ mediaType: 'image/png' });
    expect(await inspectAttachment(await scannedPdf())).toMatchObject({ pages: 1 });
  });

  it.each([
    ['a JPEG cut to half', async () => (await scan('jpeg')).subarray(0, 60_000)],
    ['a JPEG cut to its first 600 bytes', async () => (await scan('jpeg')).subarray(0, 600)],
    [
      // Whole in length, damaged inside: the check must read the entropy-coded data of every block, not only
      // decode a reduced image from the first bytes or the header (a JPEG is decoded at an eighth of its size).
      'a JPEG with 1 KB of garbage in the middle of its data',
      async () => {
        const b = Buffer.from(await scan('jpeg'));
        let x = 12345;
        for (let i = b.length >> 1; i < (b.length >> 1) + 1024; i++) {
          x = (x * 1103515245 + 12345) >>> 0;
          b[i] = x >>> 24;
        }
        return b;
      },
    ],
    [
      'a JPEG whose last 2 KB of data are missing (end marker kept)',
      async () => {
        const b = await scan('jpeg');
        return Buffer.concat([b.subarray(0, b.length - 2050), b.subarray(b.length - 2)]);
      },
    ],
    [
      'a PNG cut to half',
      async () => {
        const b = await scan('png');
        return b.subarray(0, b.length >> 1);
      },
    ],
    [
      'a PDF cut to half',
      async () => {
        const b = await scannedPdf();
        return b.subarray(0, b.length >> 1);
      },
    ],
    ['a PDF cut to 600 bytes', async () => (await scannedPdf()).subarray(0, 600)],
    ['a PDF whose end is cut off', async () => (await scannedPdf()).subarray(0, -40)],
    [
      'an SVG behind a PNG signature',
      async () =>
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
        ]),
    ],
  ])('refuses %s as attachmentUnreadable', async (_label, bytes) => {
    expect((await failure(inspectAttachment(await bytes()))).code).toBe('attachmentUnreadable');
  });

  it('names an SVG drawing as what it is', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await failure(inspectAttachment(svg))).toMatchObject({
      code: 'attachmentType',
      details: { found: 'svg' },
    });
  });

  it('refuses a 30,000 × 30,000 PNG from its header, before decoding a pixel', async () => {
    const started = performance.now();
    expect(await failure(inspectAttachment(pngHeader(30_000, 30_000)))).toMatchObject({
      code: 'attachmentTooManyPixels',
      details: { width: 30_000, height: 30_000, maxMegapixels: 100 },
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a cut JPEG never reaches the store: nothing is written', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Scans' });
    const cut = (await scan('jpeg')).subarray(0, 600);
    const refused = await failure(
      store.addAttachment(c.id, { checklistItemId: 'licence', fileName: '营业执照.jpg', bytes: cut }),
    );
    expect(refused.code).toBe('attachmentUnreadable');
    expect((await store.open(c.id)).case.attachments).toEqual([]);
  });

  it('an .icpcase whose scan is whole by its hash but cut short is refused at import', async () => {
    const cut = (await scan('jpeg')).subarray(0, 600);
    const { sha256Hex } = await import('../../../host/store/attachments');
    const c = createCase({ id: 'c', name: 'x', now: new Date() });
    c.attachments = [
      {
        id: sha256Hex(cut),
        checklistItemId: 'licence',
        originalName: '营业执照.jpg',
        mediaType: 'image/jpeg',
        bytes: cut.length,
        addedAt: new Date().toISOString(),
        validFrom: '',
        validTo: '',
      },
    ];
    const archive = await exportCaseArchive(c, new Map([[sha256Hex(cut), cut]]), { now: new Date() });
    expect(await failure(importCaseArchive(archive, {}))).toMatchObject({
      code: 'importInvalid',
      details: { reason: 'attachmentDamaged', problem: 'attachmentUnreadable' },
    });
  });
});

describe('the normaliser decodes what it would pass through (issue 22 point 2, build time)', () => {
  it('refuses a compliant-looking JPEG cut short instead of passing the fragment on', async () => {
    const whole = await scan('jpeg');
    const passed = await normaliseImage(whole, uploadProfile('aliyun'), 'scan.jpg');
    expect(passed.reencoded).toBe(false); // the whole file is passed through as it is
    const error = await normaliseImage(
      whole.subarray(0, whole.length - 2000),
      uploadProfile('aliyun'),
      '营业执照.jpg',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketError);
    expect(error).toMatchObject({ code: 'attachmentUnreadable', details: { name: '营业执照.jpg' } });
  });

  it('refuses an SVG given the name and media type of a PNG (sharp would rasterise it)', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1400"><rect width="2000" height="1400" fill="#fff"/></svg>',
    );
    await expect(normaliseImage(svg, uploadProfile('aliyun'), 'licence.png')).rejects.toMatchObject({
      code: 'attachmentUnreadable',
    });
  });
});
