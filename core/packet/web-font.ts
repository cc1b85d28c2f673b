/**
 * A TrueType subset a browser accepts, for portal-fields.html to embed: the sheet must show its Chinese on a
 * machine without a CJK font (it showed empty boxes there).
 *
 * fontkit's subsetter writes the outline tables a PDF needs (glyf, loca, hmtx, head, hhea, maxp, cvt, fpgm,
 * prep) but no character map: a PDF maps codes itself, a browser cannot. This adds what a browser's font
 * sanitiser requires — a cmap (format 4, the characters used → their new glyph ids), OS/2 and name copied
 * from the original, a version-3 post — and writes a valid sfnt with table checksums.
 */
import type { Font as FontkitFont } from 'fontkit';

interface Table {
  tag: string;
  data: Uint8Array;
}

interface FontWithDirectory {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

function readTables(bytes: Uint8Array): Table[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.push({ tag, data: bytes.slice(offset, offset + length) });
  }
  return tables;
}

function originalTable(font: FontkitFont, tag: string): Uint8Array | undefined {
  const raw = font as unknown as FontWithDirectory;
  const entry = raw.directory.tables[tag];
  if (!entry) return undefined;
  return raw.stream.buffer.slice(entry.offset, entry.offset + entry.length);
}

/** cmap with one format-4 subtable (Windows Unicode BMP): each code point → its glyph, in runs. */
function cmapTable(mapping: [number, number][]): Uint8Array {
  const sorted = [...mapping].filter(([cp]) => cp <= 0xffff).sort((a, b) => a[0] - b[0]);
  // Runs of consecutive code points with consecutive glyph ids share one segment (idDelta).
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of sorted) {
    const last = segments.at(-1);
    if (last && cp === last.end + 1 && (gid - cp) % 65536 === last.delta % 65536) last.end = cp;
    else segments.push({ start: cp, end: cp, delta: gid - cp });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const length = 16 + segCount * 8;
  const sub = new DataView(new ArrayBuffer(length));
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= segCount) {
    searchRange *= 2;
    entrySelector++;
  }
  searchRange *= 2;
  sub.setUint16(0, 4);
  sub.setUint16(2, length);
  sub.setUint16(4, 0);
  sub.setUint16(6, segCount * 2);
  sub.setUint16(8, searchRange);
  sub.setUint16(10, entrySelector);
  sub.setUint16(12, segCount * 2 - searchRange);
  segments.forEach((s, i) => {
    sub.setUint16(14 + i * 2, s.end);
    sub.setUint16(16 + segCount * 2 + i * 2, s.start);
    sub.setInt16(16 + segCount * 4 + i * 2, ((s.delta + 32768) % 65536) - 32768);
    sub.setUint16(16 + segCount * 6 + i * 2, 0);
  });
  sub.setUint16(14 + segCount * 2, 0); // reservedPad
  const table = new Uint8Array(12 + length);
  const head = new DataView(table.buffer);
  head.setUint16(0, 0);
  head.setUint16(2, 1);
  head.setUint16(4, 3); // Windows
  head.setUint16(6, 1); // Unicode BMP
  head.setUint32(8, 12);
  table.set(new Uint8Array(sub.buffer), 12);
  return table;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeSfnt(tables: Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const count = sorted.length;
  let offset = 12 + count * 16;
  const layout = sorted.map((t) => {
    const at = offset;
    offset += Math.ceil(t.data.length / 4) * 4;
    return { ...t, at };
  });
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= count) {
    searchRange *= 2;
    entrySelector++;
  }
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchRange * 16);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange * 16);
  layout.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[at + c] = t.tag.charCodeAt(c);
    view.setUint32(at + 4, checksum(t.data));
    view.setUint32(at + 8, t.at);
    view.setUint32(at + 12, t.data.length);
    out.set(t.data, t.at);
  });
  const head = layout.find((t) => t.tag === 'head');
  if (head) view.setUint32(head.at + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** A TrueType font holding exactly the characters of `text` (plus space), for a CSS @font-face. */
export function webFontSubset(font: FontkitFont, text: string): Uint8Array {
  const subset = font.createSubset() as unknown as {
    includeGlyph(glyph: unknown): number;
    encode(): Uint8Array;
  };
  const mapping: [number, number][] = [];
  for (const char of new Set([...text, ' '])) {
    const codePoint = char.codePointAt(0) ?? 0;
    const glyph = font.glyphForCodePoint(codePoint);
    if (glyph.id === 0) continue;
    mapping.push([codePoint, subset.includeGlyph(glyph)]);
  }
  const tables = readTables(subset.encode()).map((t) => {
    if (t.tag !== 'head') return t;
    // indexToLocFormat and the rest come from fontkit; the checksum adjustment is recomputed on write.
    const data = t.data.slice();
    new DataView(data.buffer).setUint32(8, 0);
    return { tag: t.tag, data };
  });
  const post = new Uint8Array(32);
  const originalPost = originalTable(font, 'post');
  if (originalPost) post.set(originalPost.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  const extra: Table[] = [
    { tag: 'cmap', data: cmapTable(mapping) },
    { tag: 'post', data: post },
  ];
  for (const tag of ['OS/2', 'name']) {
    const data = originalTable(font, tag);
    if (data) extra.push({ tag, data });
  }
  return writeSfnt([...tables.filter((t) => !extra.some((e) => e.tag === t.tag)), ...extra]);
}
