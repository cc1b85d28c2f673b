// BENCH ONLY: the packet path as it was before issue 13 (commit b566e52), kept for `npm run bench`'s
// old-vs-new comparison in the same run. Not used by the app or the CLI; do not fix or extend.

/**
 * Writes an assembled packet to disk: the folder, and optionally a zip of it beside the folder.
 *
 * - An existing folder or zip is never replaced unless the caller says so (`replace`, after the user
 *   confirmed); the check happens before any byte is written.
 * - The folder is built under a temporary name in the same parent and renamed into place, so a crash or a
 *   full disk leaves either the old packet or the new one, never half of each.
 * - The zip is streamed to disk entry by entry (fflate), so a 100 MB packet is not held twice in memory.
 *   JPEGs and PDFs are stored, not deflated: they are compressed already and deflating them costs time for
 *   nothing; their CRC-32 comes from node:zlib. Names are UTF-8 with the zip's language-encoding flag, so 附件 opens right on Windows 10+ and macOS.
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Zip, ZipDeflate, strToU8, type ZipInputFile } from 'fflate';
import { PacketError } from '../../core/packet/errors';
import type { AssembledPacket } from './types';

export interface WriteOptions {
  /** The parent folder the packet folder is created in. */
  outDir: string;
  zip: boolean;
  /** Replace an existing packet folder / zip of the same name (the user confirmed). */
  replace: boolean;
  /** The zip entries' timestamp (the packet time), so the same packet zips to the same bytes. */
  now: Date;
}

export interface WrittenPacket {
  folder: string;
  zip?: string;
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

const STORED = /\.(jpe?g|png|pdf|zip)$/i;

/**
 * The Info-ZIP Unicode Path extra field (0x7075): version 1, CRC-32 of the header's name bytes, the UTF-8
 * name. Info-ZIP's unzip (Linux, older macOS) ignores the language-encoding flag and shows 附件 as mojibake
 * without it; Windows Explorer and 7-Zip read the flag. Both, so every common tool gets the names right.
 */
function unicodePathExtra(name: string): Record<number, Uint8Array> {
  const utf8 = strToU8(name);
  const field = new Uint8Array(5 + utf8.length);
  field[0] = 1;
  new DataView(field.buffer).setUint32(1, crc32(utf8), true);
  field.set(utf8, 5);
  return { 0x7075: field };
}

function writeZip(packet: AssembledPacket, file: string, now: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(file, 'w');
    let failed = false;
    const zip = new Zip((error, chunk, final) => {
      if (failed) return;
      try {
        if (error) throw error;
        writeSync(fd, chunk);
        if (final) {
          fsyncSync(fd);
          closeSync(fd);
          resolve();
        }
      } catch (writeError) {
        failed = true;
        closeSync(fd);
        reject(writeError instanceof Error ? writeError : new Error(String(writeError)));
      }
    });
    for (const entry of packet.files) {
      const name = `${packet.folderName}/${entry.path}`;
      if (STORED.test(entry.path)) {
        // fflate's ZipInputFile contract, with the CRC from zlib's native crc32: ~25× faster than the
        // JavaScript CRC of ZipPassThrough over the ~100 MB a licence packet stores.
        const stored: ZipInputFile = {
          filename: name,
          size: entry.bytes.length,
          crc: crc32(entry.bytes),
          compression: 0,
          mtime: now,
          extra: unicodePathExtra(name),
        };
        zip.add(stored);
        stored.ondata?.(null, entry.bytes as Uint8Array<ArrayBuffer>, true);
      } else {
        const stream = new ZipDeflate(name, { level: 6 });
        stream.mtime = now;
        stream.extra = unicodePathExtra(name);
        zip.add(stream);
        stream.push(entry.bytes, true);
      }
    }
    zip.end();
  });
}

export async function writePacket(packet: AssembledPacket, options: WriteOptions): Promise<WrittenPacket> {
  const folder = path.join(options.outDir, packet.folderName);
  const zipFile = options.zip ? `${folder}.zip` : undefined;
  if (!options.replace) {
    if (await exists(folder)) throw new PacketError('folderExists', { path: folder });
    if (zipFile && (await exists(zipFile))) throw new PacketError('folderExists', { path: zipFile });
  }
  await mkdir(options.outDir, { recursive: true });

  const staging = path.join(
    options.outDir,
    `.${packet.folderName}.partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    const folders = new Set(packet.files.map((f) => path.dirname(path.join(staging, ...f.path.split('/')))));
    for (const dir of folders) await mkdir(dir, { recursive: true });
    for (const file of packet.files) await writeFile(path.join(staging, ...file.path.split('/')), file.bytes);
    if (options.replace) await rm(folder, { recursive: true, force: true });
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  if (!zipFile) return { folder };
  const partialZip = `${zipFile}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await writeZip(packet, partialZip, options.now);
    if (options.replace) await rm(zipFile, { force: true });
    await rename(partialZip, zipFile);
  } catch (error) {
    await rm(partialZip, { force: true });
    throw error;
  }
  return { folder, zip: zipFile };
}
