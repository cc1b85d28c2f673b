/**
 * A scan's bytes → the RGB page the recogniser reads: decoded by sharp (JPEG, PNG), turned by its EXIF
 * orientation, shrunk to at most 1600 px on its longest side (a 300-dpi page at full size costs gigabytes
 * and reads no better) and its contrast stretched (a photo taken in poor light). Telling which way up a page
 * is needs less: it asks for a smaller page, which sharp decodes a JPEG straight into (shrink-on-load).
 */
import sharp from 'sharp';
import { UnreadableImageError } from './errors';
import type { RgbImage } from './raster';

/** Longest side of the page the recogniser reads. */
export const MAX_PAGE_SIDE = 1600;

export { UnreadableImageError };

/** The page prepared for the recogniser, at most `maxSide` px on its longest side. */
export async function pageImage(bytes: Uint8Array, maxSide = MAX_PAGE_SIDE): Promise<RgbImage> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: 120_000_000 })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .normalise({ lower: 1, upper: 99 })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgb = new Uint8Array(data.buffer, data.byteOffset, data.length);
    // Red seals, stamps and watermarks over the text vanish in the red channel, while black and blue ink
    // stays dark: the recogniser reads the red channel as grey.
    for (let i = 0; i < rgb.length; i += 3) {
      const red = rgb[i]!;
      rgb[i + 1] = red;
      rgb[i + 2] = red;
    }
    return { data: rgb, width: info.width, height: info.height };
  } catch (error) {
    throw new UnreadableImageError((error as Error).message);
  }
}
