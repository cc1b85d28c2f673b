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
 * - each image uses at most two threads (normalise-image.ts runs one image at a time), and one where sharp
 *   chooses one by itself: on Linux with glibc's allocator, whose per-thread arenas each keep the largest
 *   buffers an image needed (a 12-megapixel photo's pixels, its JPEG coefficients) long after it is done.
 *   Measured attaching 20 phone photos (3 runs each, machine loaded): peak RSS 459–471 MB with the 16 MB
 *   cache and two threads, 407–414 MB with neither; either change alone did not reliably lower it.
 *   glibc costs time too: normalising a 12-megapixel photo touched ~22,000 fresh pages (~86 MB: the copy the
 *   turn needs, mozjpeg's two coefficient buffers for optimised Huffman tables) each time, as sharp's jobs
 *   move between libuv's four threads and their arenas give memory back; 650 ms user + 190 ms system CPU,
 *   against 330 + 50 ms with MALLOC_ARENA_MAX=1 (or UV_THREADPOOL_SIZE=1), same bytes out. Only the
 *   environment a process starts with sets those (measured 2026-12-07, machine loaded).
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
      // sharp's own default is the number of cores, or 1 where the allocator fragments (see above).
      sharp.concurrency(Math.min(SHARP_LIMITS.threads, sharp.concurrency()));
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
