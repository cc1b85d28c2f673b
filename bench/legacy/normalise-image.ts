// BENCH ONLY: the packet path as it was before issue 13 (commit b566e52), kept for `npm run bench`'s
// old-vs-new comparison in the same run. Not used by the app or the CLI; do not fix or extend.

/**
 * Brings a scan to a portal's upload profile with sharp (libvips, prebuilt per platform): JPEG, sRGB,
 * EXIF orientation applied and then every metadata block dropped (phone photos carry GPS positions), long
 * edge capped, and quality stepped down — then size — until the file fits the byte limit.
 *
 * A scan that already meets the profile and carries no metadata is passed through byte for byte: re-encoding
 * a compliant JPEG only loses quality (and time, for a 20-scan licence packet).
 */
import sharp from 'sharp';
import type { NormalisedImage } from './types';
import { PacketError } from '../../core/packet/errors';
import { meetsMinPixels, type UploadProfile } from '../../core/packet/profiles';

// libvips' operation cache keeps decoded scans around for reuse we never make; for a 47 MB packet it only
// adds to the peak memory.
sharp.cache(false);

const QUALITY_STEPS = [0, 6, 12, 20, 28, 36];
const SHRINK_STEP = 0.85;

interface OrientedInfo {
  width: number;
  height: number;
  format: string;
  space: string;
  hasMetadata: boolean;
  oriented: boolean;
}

async function inspect(bytes: Uint8Array, name: string): Promise<OrientedInfo> {
  try {
    const meta = await sharp(bytes).metadata();
    const swap = (meta.orientation ?? 1) >= 5;
    const width = meta.width;
    const height = meta.height;
    return {
      width: swap ? height : width,
      height: swap ? width : height,
      format: meta.format,
      space: meta.space ?? '',
      hasMetadata: Boolean(meta.exif || meta.icc || meta.xmp || meta.iptc || meta.comments?.length),
      oriented: (meta.orientation ?? 1) !== 1,
    };
  } catch (error) {
    throw new PacketError('attachmentUnreadable', {
      name,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Converts `bytes` (JPEG or PNG) to the profile; `name` only labels errors. */
export async function normaliseImage(
  bytes: Uint8Array,
  profile: UploadProfile,
  name: string,
): Promise<NormalisedImage> {
  const info = await inspect(bytes, name);
  if (!meetsMinPixels(profile, info.width, info.height)) {
    throw new PacketError('attachmentTooSmall', {
      name,
      width: info.width,
      height: info.height,
      minLongEdge: profile.minPixels.longEdge,
      minShortEdge: profile.minPixels.shortEdge,
    });
  }
  const maxBytes = profile.maxBytes.value;
  const maxLongEdge = profile.maxLongEdgePx.value;
  const compliant =
    info.format === 'jpeg' &&
    info.space === 'srgb' &&
    !info.hasMetadata &&
    !info.oriented &&
    Math.max(info.width, info.height) <= maxLongEdge &&
    bytes.length <= maxBytes;
  if (compliant) return { bytes, width: info.width, height: info.height, reencoded: false };

  let scale = Math.min(1, maxLongEdge / Math.max(info.width, info.height));
  for (;;) {
    const width = Math.round(info.width * scale);
    const height = Math.round(info.height * scale);
    if (!meetsMinPixels(profile, width, height)) break;
    for (const step of QUALITY_STEPS) {
      const quality = profile.jpegQuality - step;
      const { data, info: out } = await sharp(bytes, { limitInputPixels: 200_000_000 })
        .autoOrient()
        .resize({ width, height, fit: 'fill', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .jpeg({ quality, chromaSubsampling: '4:2:0' })
        .toBuffer({ resolveWithObject: true });
      if (data.length <= maxBytes) {
        return {
          bytes: new Uint8Array(data.buffer, data.byteOffset, data.length),
          width: out.width,
          height: out.height,
          reencoded: true,
        };
      }
    }
    scale *= SHRINK_STEP;
  }
  throw new PacketError('attachmentTooLarge', { name, bytes: bytes.length, maxBytes });
}
