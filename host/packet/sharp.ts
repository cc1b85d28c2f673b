/**
 * sharp (libvips, a native binary prebuilt per OS and CPU), loaded the first time an image is processed —
 * normalising a scan, drawing the sample's scans — never when the app or the CLI starts. Loaded at start, any
 * sharp problem (a binary for another CPU, a DLL an antivirus quarantined, a library missing on the system)
 * would stop the app from opening at all; loaded here, it fails only the operation that needs images, with
 * `imageLibraryUnavailable`, which the app and the CLI explain in the user's language.
 *
 * A failed load is not cached: the next operation tries again (after the user repaired the install).
 */
import { availableParallelism } from 'node:os';
import type SharpModule from 'sharp';
import { PacketError } from '../../core/packet/errors';

export type Sharp = typeof SharpModule;

/**
 * sharp's limits for the whole process (app main or CLI):
 * - no libvips operation cache: it kept decoded scans for reuse we never make (unbounded, a packet of phone
 *   photos held hundreds of MB in it; it was then bounded to 16 MB);
 * - each image uses two threads (normalise-image.ts runs one image at a time; one core, one thread), also on
 *   Linux with glibc, where sharp alone would choose one: glibc's per-thread arenas keep freed memory, and
 *   sharp guards against that. With copies encoded in one pass (normalise-image.ts, OPTIMISED_SHARE) the
 *   second thread costs no memory we could measure and overlaps the decode with the resize and the encode:
 *   attaching 12-megapixel photos one after another, 293 ms each (median of 18) with two threads against
 *   424 ms with one (2026-12-07, Linux, machine loaded). What made the arenas keep memory was a large block
 *   freed, which raises glibc's thresholds for giving memory back; normalise-image.ts (`turned`) keeps its
 *   big block above them, and 20 such photos peak at 219–234 MB.
 */
export const SHARP_LIMITS = {
  cacheMemoryMb: 0,
  cacheItems: 0,
  threads: Math.min(2, availableParallelism()),
};

let loading: Promise<Sharp> | undefined;

/** sharp, configured with {@link SHARP_LIMITS}; rejects with PacketError `imageLibraryUnavailable`. */
export function loadSharp(): Promise<Sharp> {
  loading ??= import('sharp').then(
    (module) => {
      // CommonJS through import(): the function is the default export (the namespace itself under some loaders).
      const sharp = (module.default ?? module) as Sharp;
      sharp.cache({ memory: SHARP_LIMITS.cacheMemoryMb, files: 0, items: SHARP_LIMITS.cacheItems });
      // sharp's own default is the number of cores, or 1 with glibc's allocator (see above).
      sharp.concurrency(SHARP_LIMITS.threads);
      return sharp;
    },
    (error: unknown) => {
      loading = undefined;
      // sharp's own message names the platform it was built for and how to fix the install: keep it.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      throw new PacketError('imageLibraryUnavailable', { reason: reason.slice(0, 300) });
    },
  );
  return loading;
}
