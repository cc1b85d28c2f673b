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
