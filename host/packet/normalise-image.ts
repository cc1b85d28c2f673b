/**
 * Brings a scan to a portal's upload profile with sharp (libvips, prebuilt per platform): JPEG, sRGB,
 * EXIF orientation applied and then every metadata block dropped (phone photos carry GPS positions), long
 * edge capped, and quality stepped down — then size — until the file fits the byte limit.
 *
 * A scan that already meets the profile and carries no metadata is passed through byte for byte: re-encoding
 * a compliant JPEG only loses quality (and time, for a 20-scan licence packet).
 */
import { createHash } from 'node:crypto';
import type { NormalisedImage } from '../../core/packet/types';
import { PacketError } from '../../core/packet/errors';
import { meetsMinPixels, type UploadProfile } from '../../core/packet/profiles';
import { loadSharp, type Sharp } from './sharp';
import { MAX_IMAGE_PIXELS } from '../store/verify-media';

type SharpPipeline = ReturnType<Sharp>;

export { SHARP_LIMITS } from './sharp';
/** At most this many images are decoded at once (each with SHARP_LIMITS.threads threads). */
export const SHARP_JOBS = 1;

/**
 * Version of what normaliseImage produces: bump it when its output changes, and cached copies are redone.
 * 2: every scan is decoded to its last pixel first (issue 22 point 2) — copies made by version 1 may have passed
 * a damaged JPEG through byte for byte, so they are made again.
 * Not bumped when copies became standard-Huffman (OPTIMISED_SHARE): a version-2 copy with optimised tables
 * decodes to the very pixels a new one does, so it is kept rather than made again.
 */
export const NORMALISER_VERSION = 2;

/**
 * The name of a profile's normalisation: a hash of every setting that changes the output. Profiles with the
 * same settings share their normalised copies (today all three portals' profiles do).
 */
export function normalisationKey(profile: UploadProfile): string {
  const settings = JSON.stringify([
    NORMALISER_VERSION,
    profile.format,
    profile.colour,
    profile.jpegQuality,
    profile.maxBytes.value,
    profile.maxLongEdgePx.value,
    profile.minPixels.longEdge,
    profile.minPixels.shortEdge,
  ]);
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when fewer than {@link SHARP_JOBS} normalisations are running. */
async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finishing job hands its slot straight to the next in line, so a newcomer cannot slip in between.
  if (running >= SHARP_JOBS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

const QUALITY_STEPS = [0, 6, 12, 20, 28, 36];
/**
 * Each quality is encoded first with the standard Huffman tables, in one pass, then, only if that file is
 * over the byte limit, with tables optimised for the image: the same pixels (Huffman coding is lossless) in
 * fewer bytes (7.6 % fewer for the bench's 12-megapixel photo), but libjpeg then holds every coefficient of the
 * image (2 bytes each, ~28 MB for that photo's copy) for a second pass. Optimised tables everywhere cost that
 * photo 60–250 ms more to normalise, and 12 of them in a row 504–521 MB of peak RSS instead of 244–267 MB
 * (measured 2026-12-07 on the 2-core Linux bench machine), to save ~170 KB of a 2.4 MB file that fits the
 * portals' 4 MB anyway. A photo that fits only with optimised tables keeps its quality instead of losing a
 * step; one that would not fit even then goes straight to the next step: this is what optimised tables leave
 * of a standard-table file at most.
 */
const OPTIMISED_SHARE = 0.85;
const SHRINK_STEP = 0.85;

interface OrientedInfo {
  /** Pixels once upright (EXIF orientation applied). */
  width: number;
  height: number;
  format: string;
  space: string;
  hasMetadata: boolean;
  /** EXIF orientation, 1 (upright as stored) to 8. */
  orientation: number;
}

/**
 * What makes a stored image upright for each EXIF orientation, applied after the resize: a turn clockwise,
 * and a mirror left-to-right, which sharp applies before the turn. sharp's autoOrient() does the same before
 * the resize, then resizes the turned copy; turning the smaller, resized image is less work. The output is the
 * same byte for byte (test/host/packet/normalise-image.test.ts checks every orientation).
 */
const UPRIGHT: Record<number, { turn: 0 | 90 | 180 | 270; mirror: boolean }> = {
  1: { turn: 0, mirror: false },
  2: { turn: 0, mirror: true },
  3: { turn: 180, mirror: false },
  4: { turn: 180, mirror: true },
  5: { turn: 270, mirror: true },
  6: { turn: 90, mirror: false },
  7: { turn: 90, mirror: true },
  8: { turn: 270, mirror: false },
};

async function inspect(sharp: Sharp, bytes: Uint8Array, name: string): Promise<OrientedInfo> {
  try {
    const meta = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
    // Only scans: sharp would as readily rasterise an SVG, a GIF or a TIFF given the name of a JPEG.
    if (meta.format !== 'jpeg' && meta.format !== 'png')
      throw new Error(`not a JPEG or PNG (${meta.format})`);
    if (meta.width * meta.height > MAX_IMAGE_PIXELS)
      throw new Error(`${meta.width}×${meta.height} px is more than a scan has`);
    const orientation = UPRIGHT[meta.orientation ?? 1] ? (meta.orientation ?? 1) : 1;
    const swap = orientation >= 5;
    const width = meta.width;
    const height = meta.height;
    return {
      width: swap ? height : width,
      height: swap ? width : height,
      format: meta.format,
      space: meta.space ?? '',
      hasMetadata: Boolean(meta.exif || meta.icc || meta.xmp || meta.iptc || meta.comments?.length),
      orientation,
    };
  } catch (error) {
    throw new PacketError('attachmentUnreadable', {
      name,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Converts `bytes` (JPEG or PNG) to the profile; `name` only labels errors. sharp is loaded here, the first
 * time (host/packet/sharp.ts): when it cannot be, this fails with `imageLibraryUnavailable`.
 */
export async function normaliseImage(
  bytes: Uint8Array,
  profile: UploadProfile,
  name: string,
): Promise<NormalisedImage> {
  const sharp = await loadSharp();
  return (await limited(() => normalise(sharp, bytes, profile, name))).image;
}

/**
 * normaliseImage for a file being attached, with `provesWhole`: whether making the copy decoded every pixel of
 * a `mediaType` image at full size with failOn 'warning' — the store's attach check (verify-media.ts), done by
 * the same decode. Not when the file is shrunk to half its size or less: libjpeg then decodes it reduced, and a
 * reduced decode can miss damage in the last rows.
 */
export async function normaliseAttached(
  bytes: Uint8Array,
  profile: UploadProfile,
  mediaType: 'image/jpeg' | 'image/png',
): Promise<{ image: NormalisedImage; provesWhole: boolean }> {
  const sharp = await loadSharp();
  const { image, info, fullSize } = await limited(() => normalise(sharp, bytes, profile, 'scan'));
  return { image, provesWhole: fullSize && `image/${info.format}` === mediaType };
}

async function normalise(
  sharp: Sharp,
  bytes: Uint8Array,
  profile: UploadProfile,
  name: string,
): Promise<{ image: NormalisedImage; info: OrientedInfo; fullSize: boolean }> {
  const info = await inspect(sharp, bytes, name);
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
    info.orientation === 1 &&
    Math.max(info.width, info.height) <= maxLongEdge &&
    bytes.length <= maxBytes;
  if (compliant) {
    // Passed through byte for byte, so it must be whole: decode every pixel (a copy made below is decoded anyway).
    await fromFile(sharp, bytes, { sequentialRead: true })
      .stats()
      .catch((error: unknown) => {
        throw new PacketError('attachmentUnreadable', {
          name,
          reason: error instanceof Error ? error.message : String(error),
        });
      });
    return {
      image: { bytes, width: info.width, height: info.height, reencoded: false },
      info,
      fullSize: true,
    };
  }

  let scale = Math.min(1, maxLongEdge / Math.max(info.width, info.height));
  // At half size or less sharp decodes a JPEG reduced (shrink-on-load); otherwise the first pipeline decodes
  // every pixel, whether or not its copy fits the byte limit.
  const fullSize =
    Math.round(info.width * scale) * 2 > info.width && Math.round(info.height * scale) * 2 > info.height;
  // A JPEG photo to resize or turn is decoded whole first, once for every copy tried (`decodeWhole`).
  const source: Source =
    info.format === 'jpeg' &&
    fullSize &&
    (scale < 1 || info.orientation !== 1) &&
    info.width * info.height <= WHOLE_DECODE_MAX_PIXELS
      ? await decodeWhole(sharp, bytes, info, name)
      : { kind: 'file', bytes };
  for (;;) {
    const width = Math.round(info.width * scale);
    const height = Math.round(info.height * scale);
    if (!meetsMinPixels(profile, width, height)) break;
    for (const step of QUALITY_STEPS) {
      const quality = profile.jpegQuality - step;
      const copy = (optimiseCoding: boolean) =>
        encode(sharp, source, info, { width, height, quality, optimiseCoding }, name);
      const standard = await copy(false);
      if (standard.bytes.length <= maxBytes) return { image: standard, info, fullSize };
      if (standard.bytes.length * OPTIMISED_SHARE > maxBytes) continue;
      const optimised = await copy(true);
      if (optimised.bytes.length <= maxBytes) return { image: optimised, info, fullSize };
    }
    scale *= SHRINK_STEP;
  }
  throw new PacketError('attachmentTooLarge', { name, bytes: bytes.length, maxBytes });
}

/**
 * What a copy is made from: the file, decoded row by row as the pipeline takes them; or its pixels, decoded
 * whole into memory once (`decodeWhole`), in the file's own orientation, sRGB.
 */
type Source = { kind: 'file'; bytes: Uint8Array } | ({ kind: 'pixels' } & Held);

/** An image written out whole into memory, padded (see TURN_BUFFER_BYTES): `height` rows, then `padding`. */
interface Held {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  padding: number;
}

/** The file, read with the checks every decode of an attached scan makes. */
function fromFile(sharp: Sharp, bytes: Uint8Array, options: { sequentialRead: boolean }): SharpPipeline {
  return sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_IMAGE_PIXELS, ...options });
}

/** Writes `image` (8-bit, `sides` pixels) out whole, padded with white rows (see TURN_BUFFER_BYTES). */
async function hold(image: SharpPipeline, sides: { width: number; height: number }): Promise<Held> {
  const padding = Math.max(0, Math.ceil(TURN_BUFFER_BYTES / (sides.width * 3)) - sides.height);
  if (padding > 0) image = image.extend({ bottom: padding, background: '#ffffff' });
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height - padding, channels: info.channels, padding };
}

/** A pipeline reading a held image, its padding left out. */
function fromHeld(sharp: Sharp, held: Held): SharpPipeline {
  const { data, width, height, channels, padding } = held;
  return sharp(data, { raw: { width, height: height + padding, channels } }).extract({
    left: 0,
    top: 0,
    width,
    height,
  });
}

/** The error for a file whose header read fine but whose pixels end early or are damaged. */
function unreadable(name: string): (error: unknown) => never {
  return (error) => {
    throw new PacketError('attachmentUnreadable', {
      name,
      reason: error instanceof Error ? error.message : String(error),
    });
  };
}

/**
 * The largest JPEG decoded whole (`decodeWhole`): 16 megapixels, 48 MB decoded. A larger photo is decoded as
 * the resize takes its rows, which holds less (a 24-megapixel photo would take 72 MB whole) but is slower.
 */
const WHOLE_DECODE_MAX_PIXELS = 16_000_000;

/**
 * Decodes a JPEG whole into memory, padded (see TURN_BUFFER_BYTES). For a photo to be resized or turned this
 * is faster than decoding it as the resize takes its rows: a 12-megapixel photo took 149 ms to decode and then
 * resize, turn and encode from memory against 228 ms in one pipeline, the same bytes out (median of 8,
 * 2026-12-07, 2-core Linux). The decode is at full size with failOn 'warning': it proves the file whole.
 */
async function decodeWhole(
  sharp: Sharp,
  bytes: Uint8Array,
  info: OrientedInfo,
  name: string,
): Promise<Source> {
  const sideways = info.orientation >= 5;
  const stored = { width: sideways ? info.height : info.width, height: sideways ? info.width : info.height };
  const decoded = fromFile(sharp, bytes, { sequentialRead: true }).toColourspace('srgb');
  return { kind: 'pixels', ...(await hold(decoded, stored).catch(unreadable(name))) };
}

/** One re-encoded copy of the source: `width` × `height` once upright, at `quality`. */
async function encode(
  sharp: Sharp,
  source: Source,
  info: OrientedInfo,
  encoding: { width: number; height: number; quality: number; optimiseCoding: boolean },
  name: string,
): Promise<NormalisedImage> {
  const { width, height, quality, optimiseCoding } = encoding;
  const upright = UPRIGHT[info.orientation] ?? { turn: 0, mirror: false };
  const sideways = info.orientation >= 5;
  // The stored image's sides: a photo lying on its side is resized before it is turned.
  const stored = { width: sideways ? height : width, height: sideways ? width : height };
  let pipeline =
    source.kind === 'file'
      ? // Rows are decoded as the resize takes them: the full-size image is never held whole.
        fromFile(sharp, source.bytes, { sequentialRead: true })
      : fromHeld(sharp, source);
  pipeline = pipeline.resize({ ...stored, fit: 'fill', withoutEnlargement: true });
  if (upright.mirror) pipeline = pipeline.flop();
  pipeline = pipeline.flatten({ background: '#ffffff' }).toColourspace('srgb');
  if (upright.turn) {
    // From memory, sharp turns the image as the encoder takes it; from the file, it would first copy it whole.
    pipeline =
      source.kind === 'pixels'
        ? pipeline.rotate(upright.turn)
        : await turned(sharp, pipeline, upright.turn, stored).catch(unreadable(name));
  }
  const { data, info: out } = await pipeline
    .jpeg({ quality, chromaSubsampling: '4:2:0', optimiseCoding })
    .toBuffer({ resolveWithObject: true })
    .catch(unreadable(name));
  return {
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: out.width,
    height: out.height,
    reencoded: true,
  };
}

/**
 * The least an image held whole in memory takes (`hold`): above 32 MiB, the largest block
 * glibc's malloc (Linux) adapts its mmap threshold to on 64-bit systems. Smaller images are padded with white
 * rows to this size, and the padding is left out when the image is read back.
 *
 * Why: glibc serves a block of a few MB or more with mmap and, when that block is freed, raises its mmap
 * threshold to the block's size and its trim threshold to twice that. From then on each thread's arena keeps
 * up to that much freed memory instead of giving it back. sharp held such a block for every photo it turned —
 * to turn an image decoded row by row it first copies it whole (27.7 MB for a 12-megapixel photo, resized),
 * on whichever libuv thread runs the job — and RSS grew by ~150 MB over 20 such photos (peak 366–388 MB where
 * issue 26's goal is 300 MB). A block above 32 MiB is mapped and unmapped without raising either threshold:
 * 20 such photos now peak at 224–243 MB (measured 2026-12-07 on the 2-core Linux bench machine). Windows' and
 * macOS's allocators have no such thresholds; the padding costs them a few milliseconds.
 */
const TURN_BUFFER_BYTES = 33 * 1024 * 1024;

/**
 * `resized` (sRGB, flattened, read from the file) turned clockwise by `turn`, as a pipeline for the encode:
 * written out whole (padded, see TURN_BUFFER_BYTES), then turned as the encoder reads it. The same pixels as
 * sharp's own rotate() in the same pipeline, byte for byte (test/host/packet/normalise-image.test.ts). Only
 * for images not decoded whole first: PNGs, and JPEGs decoded reduced (shrunk to half or less).
 */
async function turned(
  sharp: Sharp,
  resized: SharpPipeline,
  turn: 90 | 180 | 270,
  stored: { width: number; height: number },
): Promise<SharpPipeline> {
  return fromHeld(sharp, await hold(resized, stored)).rotate(turn);
}
