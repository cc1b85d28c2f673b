/**
 * The facts of a JPEG the merged PDF needs before it has the image's bytes in hand: pixel size and number of
 * colour components, read from the first start-of-frame marker. Pure: used on a header or on a whole file.
 */
export interface JpegFrame {
  width: number;
  height: number;
  /** 1 grey, 3 YCbCr/RGB, 4 CMYK (Adobe). */
  components: 1 | 3 | 4;
}

/** The first frame header, or undefined when `bytes` is not a JPEG or stops before its frame header. */
export function jpegFrame(bytes: Uint8Array): JpegFrame | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2) return undefined;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 10 > bytes.length) return undefined;
      const height = ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0);
      const width = ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0);
      const components = bytes[i + 9];
      if (width === 0 || height === 0) return undefined;
      if (components !== 1 && components !== 3 && components !== 4) return undefined;
      return { width, height, components };
    }
    i += 2 + length;
  }
  return undefined;
}
