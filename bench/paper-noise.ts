/**
 * Raw RGB pixels for the benches' scans: light paper with sensor-like noise, `base` ± `spread` / 2 per
 * channel from an xorshift32 generator. Incompressible like real paper texture, so a JPEG of it costs what a
 * scan costs to decode, encrypt and copy; the same seed gives the same pixels.
 */
export function paperNoise(
  width: number,
  height: number,
  seed: number,
  base: number,
  spread: number,
): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < pixels.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pixels[i] = base + ((x >>> 0) % spread) - spread / 2;
  }
  return pixels;
}
