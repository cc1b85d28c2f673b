/**
 * A scanned PDF's page image, taken out as it is stored (no renderer): a JPEG stream byte for byte, deflated
 * pixels (with PNG predictors) rebuilt, turned as the page displays it (/Rotate and the drawing matrix), and
 * a clear refusal for a PDF with no scan in it.
 */
import {
  PDFDocument,
  PDFName,
  PDFNumber,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { UnreadableImageError } from '../../../host/ocr/errors';
import { drawTurn, scanImage } from '../../../host/ocr/scan-image';

/** 400 × 200, white with a black block at the top left. */
async function landscape(format: 'jpeg' | 'png'): Promise<Buffer> {
  const block = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const image = sharp({ create: { width: 400, height: 200, channels: 3, background: '#fff' } }).composite([
    { input: block, left: 0, top: 0 },
  ]);
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 95 }).toBuffer();
}

/** Width, height, and whether the corner at (fx, fy) is dark. */
async function look(bytes: Uint8Array, fx: number, fy: number) {
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  const x = Math.min(info.width - 1, Math.floor(info.width * fx));
  const y = Math.min(info.height - 1, Math.floor(info.height * fy));
  return { width: info.width, height: info.height, dark: data[y * info.width + x]! < 128 };
}

async function scannedPdf(
  image: Buffer,
  format: 'jpeg' | 'png',
  options: { rotate?: number; quarterTurnMatrix?: boolean } = {},
) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const embedded = format === 'png' ? await doc.embedPng(image) : await doc.embedJpg(image);
  if (options.quarterTurnMatrix) {
    // Drawn turned a quarter clockwise, as some scanning apps store a portrait page.
    page.drawImage(embedded, { x: 0, y: 842, width: 842, height: 595, rotate: degrees(-90) });
  } else page.drawImage(embedded, { x: 0, y: 0, width: 595, height: 842 });
  if (options.rotate) page.setRotation(degrees(options.rotate));
  return new Uint8Array(await doc.save());
}

describe('the picture of a scan', () => {
  it('is the file itself for a JPEG or PNG', async () => {
    const jpeg = new Uint8Array(await landscape('jpeg'));
    expect(await scanImage(jpeg)).toBe(jpeg);
  });

  it('is a scanned PDF’s JPEG stream, byte for byte', async () => {
    const jpeg = await landscape('jpeg');
    const picture = await scanImage(await scannedPdf(jpeg, 'jpeg'));
    expect(Buffer.from(picture).equals(jpeg)).toBe(true);
  });

  it('rebuilds deflated pixels (pdf-lib stores a PNG as deflated RGB)', async () => {
    const picture = await scanImage(await scannedPdf(await landscape('png'), 'png'));
    expect(await look(picture, 0.05, 0.05)).toEqual({ width: 400, height: 200, dark: true });
    expect((await look(picture, 0.9, 0.9)).dark).toBe(false);
  });

  it('undoes PNG predictors (Predictor 15, as scanners write)', async () => {
    const width = 64;
    const height = 32;
    // Grey rows, dark in the left half, each row with the "Up" filter (2) against the row above.
    const raw: number[] = [];
    let previous = new Array<number>(width).fill(0);
    for (let y = 0; y < height; y++) {
      const row = Array.from({ length: width }, (_, x) => (x < width / 2 ? 20 : 230));
      raw.push(2, ...row.map((v, x) => (v - previous[x]! + 256) & 0xff));
      previous = row;
    }
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 100]);
    const stream = doc.context.flateStream(new Uint8Array(raw), {});
    // flateStream deflated it already: give it the predictor's parameters.
    stream.dict.set(
      PDFName.of('DecodeParms'),
      doc.context.obj({ Predictor: 15, Colors: 1, BitsPerComponent: 8, Columns: width }),
    );
    stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
    stream.dict.set(PDFName.of('Subtype'), PDFName.of('Image'));
    stream.dict.set(PDFName.of('Width'), PDFNumber.of(width));
    stream.dict.set(PDFName.of('Height'), PDFNumber.of(height));
    stream.dict.set(PDFName.of('ColorSpace'), PDFName.of('DeviceGray'));
    stream.dict.set(PDFName.of('BitsPerComponent'), PDFNumber.of(8));
    const ref = doc.context.register(stream);
    const name = page.node.newXObject('Scan', ref);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(200, 0, 0, 100, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
    const picture = await scanImage(new Uint8Array(await doc.save({ useObjectStreams: false })));
    expect(await look(picture, 0.1, 0.5)).toEqual({ width, height, dark: true });
    expect((await look(picture, 0.9, 0.5)).dark).toBe(false);
  });

  it('is turned as the page shows it: /Rotate and a drawing matrix turned a quarter', async () => {
    const jpeg = await landscape('jpeg');
    const rotated = await scanImage(await scannedPdf(jpeg, 'jpeg', { rotate: 90 }));
    // Turned a quarter clockwise: 200 × 400, the block at the top right.
    expect(await look(rotated, 0.95, 0.05)).toEqual({ width: 200, height: 400, dark: true });
    const drawn = await scanImage(await scannedPdf(jpeg, 'jpeg', { quarterTurnMatrix: true }));
    expect(await look(drawn, 0.95, 0.05)).toEqual({ width: 200, height: 400, dark: true });
  });

  it('reads the quarter turn of the matrix an image is drawn with', () => {
    expect(drawTurn('q 595 0 0 842 0 0 cm /Im1 Do Q', '/Im1')).toBe(0);
    expect(drawTurn('q -595 0 0 -842 595 842 cm /Im1 Do Q', '/Im1')).toBe(180);
    expect(drawTurn('q 0 -842 595 0 0 842 cm /Im1 Do Q', '/Im1')).toBe(90);
    expect(drawTurn('q 0 842 -595 0 595 0 cm /Im1 Do Q', '/Im1')).toBe(270);
    expect(drawTurn('q 1 0 0 1 0 0 cm /Other Do Q', '/Im1')).toBe(0);
  });

  it('refuses a PDF without a scan, and a damaged one, saying which', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Made on a computer');
    const typed = await scanImage(new Uint8Array(await doc.save())).catch((e: unknown) => e);
    expect(typed).toBeInstanceOf(UnreadableImageError);
    expect(typed).toMatchObject({ problem: 'pdfNoImage' });
    const damaged = await scanImage(new Uint8Array(Buffer.from('%PDF-1.7\n garbage'))).catch(
      (e: unknown) => e,
    );
    expect(damaged).toMatchObject({ problem: 'pdfDamaged' });
  });
});
