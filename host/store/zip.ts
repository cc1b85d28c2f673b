/**
 * A defensive reader for `.icpcase` zips. The central directory is parsed here (not by a generic unzip) so
 * every entry is judged before a byte is inflated: names that escape the folder (`../`, absolute, drive
 * letters, backslashes), symlinks and special files (Unix mode in the external attributes), encrypted or
 * ZIP64 entries, too many entries, and declared sizes over the limits. Inflation is streamed and stopped as
 * soon as an entry produces more than it declared, so a zip bomb costs nothing.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { StoreError } from './errors';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const UNIX_HOSTS = new Set([3, 19]); // Unix, OS X
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
}

function unsafe(reason: string, name?: string): StoreError {
  return new StoreError(
    'importUnsafeEntry',
    name === undefined ? { reason } : { reason, name: name.slice(0, 200) },
  );
}

function invalid(reason: string): StoreError {
  return new StoreError('importInvalid', { reason });
}

/** A relative path of plain segments: no `..`, `.`, empty segments, backslashes, drive letters or NUL. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 512) return false;
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name))
    return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes(':'));
}

function findEndOfCentralDirectory(view: DataView): number {
  // The EOCD is 22 bytes plus a comment of at most 65535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  throw invalid('notAZip');
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw invalid('notAZip');
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw unsafe('zip64');
  if (count > limits.maxEntries)
    throw new StoreError('importTooManyEntries', { entries: count, limit: limits.maxEntries });
  if (cdOffset + cdSize > eocd) throw invalid('centralDirectoryOutOfBounds');

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: CentralEntry[] = [];
  let p = cdOffset;
  let declaredTotal = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE)
      throw invalid('centralDirectoryDamaged');
    const madeBy = view.getUint16(p + 4, true);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const externalAttributes = view.getUint32(p + 38, true);
    const localOffset = view.getUint32(p + 42, true);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd > eocd) throw invalid('centralDirectoryDamaged');
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(p + 46, nameEnd));
    } catch {
      throw unsafe('nameEncoding');
    }
    p = nameEnd + extraLength + commentLength;

    if (!isSafeEntryName(name))
      throw unsafe(name.startsWith('/') || /^[a-zA-Z]:/.test(name) ? 'absolutePath' : 'pathTraversal', name);
    if (UNIX_HOSTS.has(madeBy >> 8)) {
      const type = (externalAttributes >>> 16) & S_IFMT;
      if (type === S_IFLNK) throw unsafe('link', name);
      if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) throw unsafe('specialFile', name);
    }
    if (flags & 0x1) throw unsafe('encryptedEntry', name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw unsafe('zip64', name);
    if (method !== 0 && method !== 8) throw unsafe('compressionMethod', name);
    if (size > limits.maxEntryBytes) {
      throw new StoreError('importTooLarge', {
        name: name.slice(0, 200),
        bytes: size,
        limitBytes: limits.maxEntryBytes,
      });
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new StoreError('importTooLarge', { bytes: declaredTotal, limitBytes: limits.maxTotalBytes });
    }
    if (entries.some((e) => e.name === name)) throw unsafe('duplicateName', name);
    entries.push({ name, method, crc, compressedSize, size, localOffset, isDirectory: name.endsWith('/') });
  }
  return entries;
}

function inflateBounded(data: Uint8Array, entry: CentralEntry, limits: ZipLimits): Uint8Array {
  const out = new Uint8Array(entry.size);
  let written = 0;
  const tooLarge = new StoreError('importTooLarge', {
    name: entry.name.slice(0, 200),
    limitBytes: limits.maxEntryBytes,
  });
  const inflater = new Inflate((chunk) => {
    // More output than declared is how a zip bomb hides; stop at the first byte over.
    if (written + chunk.length > entry.size) throw tooLarge;
    out.set(chunk, written);
    written += chunk.length;
  });
  const step = 64 * 1024;
  try {
    for (let i = 0; i < data.length; i += step)
      inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error === tooLarge) throw error;
    throw invalid('inflateFailed');
  }
  if (written !== entry.size) throw invalid('sizeMismatch');
  return out;
}

/** Reads every file entry of a zip after checking it is safe; directories are skipped. */
export function readZipSafely(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, Uint8Array>();
  for (const entry of readCentralDirectory(bytes, limits)) {
    if (entry.isDirectory) continue;
    const p = entry.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIGNATURE)
      throw invalid('localHeaderDamaged');
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    const localName = Buffer.from(bytes.subarray(p + 30, p + 30 + nameLength)).toString('utf8');
    // A local name that differs from the central one is a known trick to fool one of two unzippers.
    if (localName !== entry.name) throw unsafe('nameMismatch', entry.name);
    const start = p + 30 + nameLength + extraLength;
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw invalid('truncated');
    const raw = bytes.subarray(start, end);
    const data = entry.method === 0 ? raw : inflateBounded(raw, entry, limits);
    if (entry.method === 0 && raw.length !== entry.size) throw invalid('sizeMismatch');
    if (crc32(data) >>> 0 !== entry.crc) throw invalid('checksumMismatch');
    files.set(entry.name, data);
  }
  return files;
}

/** 2000-01-01 00:00 in MS-DOS format: a fixed time, so the same case exports to the same bytes. */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

interface SharedFields {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/**
 * The fields a local header and its central directory record share, in the same order in both (APPNOTE
 * 4.3.7, 4.3.12: version needed to extract … file name length), written from `at`: 4 in a local header, 6 in
 * a central record (after "version made by").
 */
function writeSharedFields(header: Buffer, at: number, fields: SharedFields): void {
  header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(0, at + 6); // time 00:00
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}

/**
 * Builds a zip with node:zlib (native CRC-32 and deflate; fflate's pure-JS CRC made a 47 MB export take
 * ~0.7 s more). `stored` entries — already-compressed scans — are written as they are.
 */
export function writeZip(entries: { name: string; data: Uint8Array; stored?: boolean }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.stored
      ? Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength)
      : deflateRawSync(entry.data);
    const shared: SharedFields = {
      method: entry.stored ? 0 : 8,
      crc: crc32(entry.data) >>> 0,
      compressedSize: body.length,
      size: entry.data.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30); // extra field length (28) stays 0
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    writeSharedFields(local, 4, shared);
    const record = Buffer.alloc(46); // extra, comment, disk, attributes stay 0
    record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    record.writeUInt16LE(20, 4); // made by: MS-DOS host, so no Unix mode bits are implied
    writeSharedFields(record, 6, shared);
    record.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(record, name);
    offset += local.length + name.length + body.length;
    if (offset > 0xfffffffe)
      throw new StoreError('importTooLarge', { bytes: offset, limitBytes: 0xfffffffe });
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
