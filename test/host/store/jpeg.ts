/** TEST ONLY — real, decodable baseline JPEGs of any size, made byte by byte (no image library). */
/**
 * A real baseline JPEG of `width` × `height` grey pixels that every decoder reads to the end (the media check
 * decodes every pixel), carrying `payload` bytes of comments so files of the same size differ by `seed`. Made
 * by hand, synchronously: one-code Huffman tables, every 8×8 block "DC 0, end of block" (2 bits).
 */
export function jpeg(width: number, height: number, payload = 256, seed = 1): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.alloc(4);
    head[0] = 0xff;
    head[1] = marker;
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const comments: Buffer[] = [];
  let x = seed * 2654435761;
  for (let left = payload; left > 0; left -= 65000) {
    const body = Buffer.alloc(Math.min(65000, left));
    for (let i = 0; i < body.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      body[i] = 0x20 + ((x >>> 16) % 0x5f); // printable ASCII
    }
    comments.push(segment(0xfe, body));
  }
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof = segment(
    0xc0,
    Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
  );
  // One code ("0", length 1) per table: DC category 0 and AC end-of-block.
  const table = (tc: number) =>
    Buffer.concat([Buffer.from([tc << 4]), Buffer.from([1, ...Array(15).fill(0)]), Buffer.from([0])]);
  const dht = segment(0xc4, Buffer.concat([table(0), table(1)]));
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8)); // all-zero codes
  if (bits % 8) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1; // pad with ones
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    ...comments,
    dqt,
    sof,
    dht,
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}
