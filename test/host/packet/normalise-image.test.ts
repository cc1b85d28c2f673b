import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { PacketError } from '../../../core/packet/errors';
import { uploadProfile } from '../../../core/packet/profiles';
import { normaliseImage } from '../../../host/packet/normalise-image';

const profile = uploadProfile('wechat');

/** A test scan: left half red, right half blue, so orientation is visible in the pixels. */
async function scan(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Sharp> {
  const half = Math.round(width / 2);
  const red = await sharp({ create: { width: half, height, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  const base = sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    { input: red, left: 0, top: 0 },
  ]);
  return sharp(await (format === 'png' ? base.png() : base.jpeg({ quality: 90 })).toBuffer());
}

const bytesOf = async (image: Sharp) => new Uint8Array(await image.toBuffer());

/** A photo of paper: light grey with noise (so its Huffman statistics differ from the standard tables'). */
async function paper(width: number, height: number, orientation: number): Promise<Sharp> {
  const noisy = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#d0d0d0',
      noise: { type: 'gaussian', mean: 200, sigma: 20 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
  return sharp(noisy).withMetadata({ orientation }).jpeg({ quality: 92 });
}

/** The copy the profile asks for, encoded with tables optimised for the image (the old normaliser's way). */
async function optimisedCopy(photo: Uint8Array, quality: number): Promise<Buffer> {
  return sharp(photo)
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality, chromaSubsampling: '4:2:0', optimiseCoding: true })
    .toBuffer();
}

/** The decoded pixels' SHA-256 (a hash: comparing megabytes with toEqual takes minutes). */
const pixels = async (jpeg: Uint8Array) =>
  createHash('sha256')
    .update(await sharp(jpeg).raw().toBuffer())
    .digest('hex');

/** The code-length counts (16 numbers) of each Huffman table a JPEG defines, in order. */
function huffmanCounts(jpeg: Uint8Array): number[][] {
  const tables: number[][] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    if (jpeg[at + 1] === 0xc4) {
      for (let t = at + 4; t < at + 2 + length;) {
        const counts = [...jpeg.subarray(t + 1, t + 17)];
        tables.push(counts);
        t += 17 + counts.reduce((sum, n) => sum + n, 0);
      }
    }
    at += 2 + length;
  }
  return tables;
}

/** The luminance DC table of ITU-T T.81 Annex K (K.3), libjpeg's standard table. */
const ANNEX_K_LUMINANCE_DC = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

describe('normaliseImage', () => {
  it('keeps a scan that already meets the profile byte for byte', async () => {
    const input = await bytesOf(await scan(2000, 1400));
    const out = await normaliseImage(input, profile, 'licence.jpg');
    expect(out.reencoded).toBe(false);
    expect(out.bytes).toBe(input);
    expect([out.width, out.height]).toEqual([2000, 1400]);
  });

  it('applies EXIF orientation, then drops EXIF (with its GPS position) and every other metadata block', async () => {
    const photo = await bytesOf(
      (await scan(2000, 1400)).withMetadata({ orientation: 6, exif: { IFD3: { GPSLatitudeRef: 'N' } } }),
    );
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const out = await normaliseImage(photo, profile, 'photo.jpg');
    const meta = await sharp(out.bytes).metadata();
    expect(out.reencoded).toBe(true);
    expect([meta.width, meta.height]).toEqual([1400, 2000]);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    // Orientation 6 turns the image clockwise: the red left half is now on top.
    const { data } = await sharp(out.bytes)
      .extract({ left: 700, top: 200, width: 1, height: 1 })
      .raw()
      .toBuffer({
        resolveWithObject: true,
      });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
  });

  it('makes a photo upright for every EXIF orientation, resized to the long edge first', async () => {
    // A small long-edge limit, so each photo is resized as a 12-megapixel one is to the real profile's.
    const smallEdge = { ...profile, maxLongEdgePx: { ...profile.maxLongEdgePx, value: 1300 } };
    // Stored quadrants: top left red, top right green, bottom left blue, bottom right white.
    const quadrant = (background: string) =>
      sharp({ create: { width: 800, height: 600, channels: 3, background } })
        .png()
        .toBuffer();
    const stored = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#000' } })
      .composite([
        { input: await quadrant('#ff0000'), left: 0, top: 0 },
        { input: await quadrant('#00ff00'), left: 800, top: 0 },
        { input: await quadrant('#0000ff'), left: 0, top: 600 },
        { input: await quadrant('#ffffff'), left: 800, top: 600 },
      ])
      .png()
      .toBuffer();
    // What the viewer shows, quadrant by quadrant (TL, TR, BL, BR), for each orientation (EXIF 2.3, 4.6.4).
    const shown: Record<number, string> = {
      1: 'RGBW',
      2: 'GRWB',
      3: 'WBGR',
      4: 'BWRG',
      5: 'RBGW',
      6: 'BRWG',
      7: 'WGBR',
      8: 'GWRB',
    };
    const colour = ([r = 0, g = 0, b = 0]: Iterable<number>) =>
      r > 200 && g > 200 && b > 200 ? 'W' : r > 200 ? 'R' : g > 200 ? 'G' : b > 200 ? 'B' : '?';
    for (let orientation = 1; orientation <= 8; orientation++) {
      const photo = await bytesOf(
        sharp(stored)
          .withMetadata({ orientation, exif: { IFD3: { GPSLatitudeRef: 'N' } } })
          .jpeg(),
      );
      const out = await normaliseImage(photo, smallEdge, 'photo.jpg');
      const meta = await sharp(out.bytes).metadata();
      const sideways = orientation >= 5;
      expect([meta.width, meta.height]).toEqual(sideways ? [975, 1300] : [1300, 975]);
      expect([meta.exif, meta.orientation ?? 1]).toEqual([undefined, 1]);
      const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => {
        const i = (Math.round(y * meta.height) * meta.width + Math.round(x * meta.width)) * 3;
        return colour(data.subarray(i, i + 3));
      };
      expect([orientation, at(0.25, 0.25) + at(0.75, 0.25) + at(0.25, 0.75) + at(0.75, 0.75)]).toEqual([
        orientation,
        shown[orientation],
      ]);
    }
  });

  it('makes the very bytes of one sharp pipeline, whether it decodes a photo whole or row by row', async () => {
    // What encode() did before it turned images in two passes (issue 26): resize, mirror, turn, all in one.
    const onePipeline = (
      photo: Uint8Array,
      stored: { width: number; height: number },
      orientation: number,
    ) => {
      const turn = { 3: 180, 4: 180, 5: 270, 6: 90, 7: 90, 8: 270 }[orientation] ?? 0;
      let image = sharp(photo, { sequentialRead: true }).resize({ ...stored, fit: 'fill' });
      if ([2, 4, 5, 7].includes(orientation)) image = image.flop();
      if (turn) image = image.rotate(turn);
      return image
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .jpeg({ quality: profile.jpegQuality, chromaSubsampling: '4:2:0', optimiseCoding: false })
        .toBuffer();
    };
    const grey = (orientation: number) =>
      paper(1500, 1000, 1).then(async (image) =>
        sharp(await image.greyscale().toBuffer())
          .withMetadata({ orientation })
          .jpeg({ quality: 90 }),
      );
    // Decoded whole, then resized to a 1300 px long edge and turned: far below the 33 MiB block, padded.
    // A 6000 × 2000 photo under a 6000 px limit: 36 MB decoded, not padded. A photo shrunk to less than half
    // is decoded reduced, as the resize takes its rows, and turned from its resized copy.
    const cases = [
      ...[2, 3, 4, 5, 6, 7, 8].map((o) => ({ image: paper(1500, 1000, o), orientation: o, edge: 1300 })),
      { image: grey(8), orientation: 8, edge: 1300 },
      { image: paper(6000, 2000, 6), orientation: 6, edge: 6000 },
      { image: paper(3000, 2000, 6), orientation: 6, edge: 1300 },
      { image: paper(3000, 2000, 3), orientation: 3, edge: 1300 },
    ];
    for (const { image, orientation, edge } of cases) {
      const photo = await bytesOf(await image);
      const meta = await sharp(photo).metadata();
      const scale = Math.min(1, edge / Math.max(meta.width, meta.height));
      const stored = { width: Math.round(meta.width * scale), height: Math.round(meta.height * scale) };
      const limits = {
        ...profile,
        maxLongEdgePx: { ...profile.maxLongEdgePx, value: edge },
        maxBytes: { ...profile.maxBytes, value: 50_000_000 },
      };
      const out = await normaliseImage(photo, limits, 'photo.jpg');
      expect([orientation, createHash('sha256').update(out.bytes).digest('hex')]).toEqual([
        orientation,
        createHash('sha256')
          .update(await onePipeline(photo, stored, orientation))
          .digest('hex'),
      ]);
    }
  }, 30_000);

  it('turns PNG and CMYK into sRGB JPEG', async () => {
    for (const input of [
      await bytesOf(await scan(1600, 1000, 'png')),
      await bytesOf((await scan(1600, 1000)).toColourspace('cmyk').jpeg()),
    ]) {
      const out = await normaliseImage(input, profile, 'scan');
      const meta = await sharp(out.bytes).metadata();
      expect([meta.format, meta.space, meta.channels]).toEqual(['jpeg', 'srgb', 3]);
    }
  });

  it('brings a huge, heavy scan under the byte limit and the maximum edge, never below the minimum', async () => {
    const noise = await sharp({
      create: {
        width: 5000,
        height: 3500,
        channels: 3,
        background: '#888888',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(profile.maxBytes.value);
    const out = await normaliseImage(new Uint8Array(noise), profile, 'noise.jpg');
    expect(out.bytes.length).toBeLessThanOrEqual(profile.maxBytes.value);
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(profile.maxLongEdgePx.value);
    expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(profile.minPixels.shortEdge);
  }, 60_000);

  it('encodes a copy with the standard Huffman tables when it fits, at full quality and the same pixels', async () => {
    const photo = await bytesOf(await paper(1600, 1200, 6));
    const out = await normaliseImage(photo, profile, 'photo.jpg');
    // One pass: the tables of ITU T.81 Annex K, not tables optimised for the image (a second pass over it).
    expect(huffmanCounts(out.bytes)[0]).toEqual(ANNEX_K_LUMINANCE_DC);
    expect(await pixels(out.bytes)).toEqual(await pixels(await optimisedCopy(photo, profile.jpegQuality)));
  });

  it('uses optimised Huffman tables, not a lower quality, for a copy that fits only with them', async () => {
    const photo = await bytesOf(await paper(1600, 1200, 6));
    const standard = await normaliseImage(photo, profile, 'photo.jpg');
    const optimised = await optimisedCopy(photo, profile.jpegQuality);
    expect(optimised.length).toBeLessThan(standard.bytes.length);
    const tight = {
      ...profile,
      maxBytes: { ...profile.maxBytes, value: Math.floor((optimised.length + standard.bytes.length) / 2) },
    };
    const out = await normaliseImage(photo, tight, 'photo.jpg');
    expect(out.bytes.length).toBeLessThanOrEqual(tight.maxBytes.value);
    expect(huffmanCounts(out.bytes)[0]).not.toEqual(ANNEX_K_LUMINANCE_DC);
    expect(await pixels(out.bytes)).toEqual(await pixels(optimised));
  });

  it('refuses a scan smaller than the profile instead of blowing it up', async () => {
    const small = await bytesOf(await scan(900, 600));
    await expect(normaliseImage(small, profile, 'tiny.jpg')).rejects.toMatchObject({
      code: 'attachmentTooSmall',
      details: { name: 'tiny.jpg', width: 900, height: 600 },
    });
  });

  it('refuses bytes that are not an image', async () => {
    const error = await normaliseImage(new TextEncoder().encode('not an image'), profile, 'x.jpg').catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(PacketError);
    expect((error as PacketError).code).toBe('attachmentUnreadable');
  });
});
