/**
 * Writes an assembled packet to disk: the folder, and optionally a zip of it beside the folder.
 *
 * - An existing folder or zip is never replaced unless the caller says so (`replace`, after the user
 *   confirmed); the check happens before any byte is written.
 * - The folder is built under a temporary name in the same parent and renamed into place, so a crash or a
 *   full disk leaves either the old packet or the new one, never half of each. A packet it replaces is
 *   first renamed aside (a file open in another program then stops the export before anything changed, on
 *   Windows) and deleted once the new one is in place, after the export has returned: deleting ~100 MB of
 *   files took 40–50 ms the user waited for. {@link replacedPacketsRemoved} waits for those deletions; one
 *   a crash interrupted is finished by the next export of the same packet.
 * - Files assembly did not keep in memory (the scans, the full packet) are written chunk by chunk from their
 *   source; the zip is then streamed from the folder on disk entry by entry (fflate), so a 100 MB packet is
 *   never held in memory, let alone twice.
 *   JPEGs and PDFs are stored, not deflated: they are compressed already and deflating them costs time for
 *   nothing; their CRC-32 comes from node:zlib. Names are UTF-8 with the zip's language-encoding flag, so 附件 opens right on Windows 10+ and macOS.
 */
import { closeSync, fdatasync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Zip, ZipDeflate, strToU8, type ZipInputFile } from 'fflate';
import { PacketError } from '../../core/packet/errors';
import type { AssembledPacket, PacketFile, ScanSink, ScanSource } from '../../core/packet/types';

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

/** What writing a file into the folder learnt about it, for its zip entry. */
interface WrittenFile {
  path: string;
  file: string;
  size: number;
  crc: number;
}

const READ_CHUNK = 1024 * 1024;
const EARLY_FLUSH_BYTES = 16 * 1024 * 1024;

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let at = 0;
  while (at < chunk.length) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
}

/**
 * Writes one packet file, in memory or from its source, and returns its size and CRC-32 for the zip. A file
 * that embeds scans hands each scan's bytes to `onScan` as it reads them.
 */
async function writeOne(entry: PacketFile, file: string, onScan?: ScanSink): Promise<WrittenFile> {
  const handle = await open(file, 'w');
  let size = 0;
  let crc = 0;
  try {
    const chunks: AsyncIterable<Uint8Array> | Uint8Array[] =
      'lazy' in entry ? entry.lazy.chunks(onScan) : [entry.bytes];
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      await writeAll(handle, chunk);
    }
  } finally {
    await handle.close();
  }
  if ('lazy' in entry && size !== entry.lazy.size)
    throw new Error(`${entry.path}: size changed while written`);
  return { path: entry.path, file, size, crc };
}

function writeZip(folderName: string, written: WrittenFile[], file: string, now: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = openSync(file, 'w');
    let failed = false;
    // The zip is flushed to disk while it is still being written: every EARLY_FLUSH_BYTES a data sync
    // starts on libuv's threads, so the final fsync waits for the tail only (it waited for all ~100 MB).
    // Their errors are the final fsync's to report; the file is closed only once none is running.
    let flushing = 0;
    let unflushed = 0;
    let afterFlushes: (() => void) | undefined;
    const whenFlushed = (next: () => void) => {
      if (flushing === 0) next();
      else afterFlushes = next;
    };
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      whenFlushed(() => {
        closeSync(fd);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    };
    const zip = new Zip((error, chunk, final) => {
      if (failed) return;
      try {
        if (error) throw error;
        writeSync(fd, chunk);
        unflushed += chunk.length;
        if (!final && unflushed >= EARLY_FLUSH_BYTES) {
          unflushed = 0;
          flushing++;
          fdatasync(fd, () => {
            flushing--;
            if (flushing === 0 && afterFlushes) {
              const next = afterFlushes;
              afterFlushes = undefined;
              next();
            }
          });
        }
        if (final)
          whenFlushed(() => {
            try {
              fsyncSync(fd);
              closeSync(fd);
              resolve();
            } catch (syncError) {
              failed = true;
              closeSync(fd);
              reject(syncError instanceof Error ? syncError : new Error(String(syncError)));
            }
          });
      } catch (writeError) {
        fail(writeError);
      }
    });
    try {
      const buffer = new Uint8Array(READ_CHUNK);
      for (const entry of written) {
        const name = `${folderName}/${entry.path}`;
        if (STORED.test(entry.path)) {
          // fflate's ZipInputFile contract, with the CRC zlib worked out while the file was written: the
          // bytes are read back from the folder a megabyte at a time and passed straight through.
          const stored: ZipInputFile = {
            filename: name,
            size: entry.size,
            crc: entry.crc,
            compression: 0,
            mtime: now,
            extra: unicodePathExtra(name),
          };
          zip.add(stored);
          const source = openSync(entry.file, 'r');
          try {
            let left = entry.size;
            while (left > 0) {
              const n = readSync(source, buffer, 0, Math.min(buffer.length, left), null);
              if (n === 0) throw new Error(`${entry.path}: shorter than written`);
              left -= n;
              // fflate hands the chunk to the callback synchronously, which writes it before the next read.
              stored.ondata?.(null, buffer.subarray(0, n) as Uint8Array<ArrayBuffer>, left === 0);
            }
            if (entry.size === 0) stored.ondata?.(null, new Uint8Array(0), true);
          } finally {
            closeSync(source);
          }
        } else {
          const stream = new ZipDeflate(name, { level: 6 });
          stream.mtime = now;
          stream.extra = unicodePathExtra(name);
          zip.add(stream);
          stream.push(new Uint8Array(readFileSync(entry.file)), true);
        }
        if (failed) return;
      }
      zip.end();
    } catch (error) {
      fail(error);
    }
  });
}

/** Deletions of replaced packets under way (see the module comment). */
const removing = new Set<Promise<void>>();

/** Resolves once every packet this process has replaced is deleted from disk. */
export async function replacedPacketsRemoved(): Promise<void> {
  while (removing.size > 0) await Promise.all(removing);
}

const ASIDE = '.replaced-';

/** Deletes `paths` (replaced packets moved aside) after the caller has returned; a failure leaves them. */
function removeLater(paths: string[]): void {
  if (paths.length === 0) return;
  const removal = (async () => {
    for (const target of new Set(paths))
      await rm(target, { recursive: true, force: true }).catch(() => undefined);
  })();
  removing.add(removal);
  void removal.finally(() => removing.delete(removal));
}

/** Earlier replaced copies of `name` in `outDir` that a crash or a failed delete left behind. */
async function leftAside(outDir: string, name: string): Promise<string[]> {
  const prefix = `.${name}${ASIDE}`;
  const entries = await readdir(outDir).catch(() => [] as string[]);
  return entries.filter((entry) => entry.startsWith(prefix)).map((entry) => path.join(outDir, entry));
}

/**
 * Renames `staged` to `target`, first moving an existing `target` aside when `replace` allows it; returns
 * where the old one went. If the second rename fails, the old one is moved back.
 */
async function moveIntoPlace(staged: string, target: string, replace: boolean): Promise<string | undefined> {
  let aside: string | undefined;
  if (replace) {
    aside = path.join(
      path.dirname(target),
      `.${path.basename(target)}${ASIDE}${randomBytes(4).toString('hex')}`,
    );
    try {
      await rename(target, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      aside = undefined;
    }
  }
  try {
    await rename(staged, target);
  } catch (error) {
    if (aside) await rename(aside, target).catch(() => undefined);
    throw error;
  }
  return aside;
}

/** Writes any packet's folder (and zip): the submission packet, or a renewal or change packet. */
export async function writePacket(
  packet: Pick<AssembledPacket, 'folderName' | 'files'>,
  options: WriteOptions,
): Promise<WrittenPacket> {
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
  const written: WrittenFile[] = [];
  let closeScanOutputs = async () => {};
  try {
    const folders = new Set(packet.files.map((f) => path.dirname(path.join(staging, ...f.path.split('/')))));
    for (const dir of folders) await mkdir(dir, { recursive: true });
    const target = (entry: PacketFile) => path.join(staging, ...entry.path.split('/'));
    // A scan's own file is written from the read that puts it into the full packet: each scan is read (and
    // decrypted) once for the folder, not once per file it appears in. Written in packet order for the zip.
    const scanFiles = new Map<ScanSource, number[]>();
    packet.files.forEach((entry, i) => {
      if ('lazy' in entry && entry.lazy.scan)
        scanFiles.set(entry.lazy.scan, [...(scanFiles.get(entry.lazy.scan) ?? []), i]);
    });
    const writeScanFiles = async (indices: number[]) => {
      for (const i of indices) {
        const entry = packet.files[i];
        if (entry) written[i] = await writeOne(entry, target(entry));
      }
    };
    // The scan files being written from the full packet's read: each chunk goes to them as it goes by.
    interface ScanOutput {
      indices: number[];
      handles: FileHandle[];
      size: number;
      crc: number;
      /** The writes of the pieces so far, in order: they run while the full packet's own write does. */
      writing: Promise<void>;
    }
    const scanOutputs = new Map<ScanSource, ScanOutput>();
    const fromFullPacket: ScanSink = {
      chunk: async (scan, bytes) => {
        let output = scanOutputs.get(scan);
        if (!output) {
          const indices = scanFiles.get(scan);
          if (!indices) return;
          scanFiles.delete(scan);
          output = { indices, handles: [], size: 0, crc: 0, writing: Promise.resolve() };
          scanOutputs.set(scan, output);
          for (const i of indices) {
            const entry = packet.files[i];
            if (entry) output.handles.push(await open(target(entry), 'w'));
          }
        }
        output.size += bytes.length;
        output.crc = crc32(bytes, output.crc);
        const handles = output.handles;
        output.writing = output.writing.then(async () => {
          for (const handle of handles) await writeAll(handle, bytes);
        });
        // Awaited by `end` (or the clean-up); marked handled so a failed write waits there, not crashes.
        output.writing.catch(() => undefined);
      },
      end: async (scan) => {
        const output = scanOutputs.get(scan);
        if (!output) return;
        scanOutputs.delete(scan);
        try {
          await output.writing;
        } finally {
          for (const handle of output.handles) await handle.close();
        }
        for (const i of output.indices) {
          const entry = packet.files[i];
          if (!entry) continue;
          if ('lazy' in entry && output.size !== entry.lazy.size)
            throw new Error(`${entry.path}: size changed while written`);
          written[i] = { path: entry.path, file: target(entry), size: output.size, crc: output.crc };
        }
      },
    };
    // A scan that fails its source's checks mid-way leaves its files open: closed before the folder goes.
    closeScanOutputs = async () => {
      for (const output of scanOutputs.values()) {
        await output.writing.catch(() => undefined);
        for (const handle of output.handles) await handle.close().catch(() => undefined);
      }
      scanOutputs.clear();
    };
    for (const [i, entry] of packet.files.entries())
      if (!('lazy' in entry && entry.lazy.scan))
        written[i] = await writeOne(entry, target(entry), fromFullPacket);
    // Scans no other file embedded (none today) are read on their own.
    for (const indices of scanFiles.values()) await writeScanFiles(indices);
    if (packet.files.some((_, i) => !written[i])) throw new Error('a packet file was not written');
    if (!zipFile) {
      const aside = await moveIntoPlace(staging, folder, options.replace);
      removeLater([...(aside ? [aside] : []), ...(await leftAside(options.outDir, packet.folderName))]);
      return { folder };
    }
  } catch (error) {
    await closeScanOutputs();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  // The zip is read from the staged folder, which moves into place only once the zip is complete too.
  const partialZip = `${zipFile}.partial-${randomBytes(4).toString('hex')}`;
  const asides: string[] = [];
  try {
    await writeZip(packet.folderName, written, partialZip, options.now);
    const folderAside = await moveIntoPlace(staging, folder, options.replace);
    if (folderAside) asides.push(folderAside);
    try {
      const zipAside = await moveIntoPlace(partialZip, zipFile, options.replace);
      if (zipAside) asides.push(zipAside);
    } catch (error) {
      // The old packet back in place whole: the new folder goes back to its temporary name.
      if (folderAside) {
        await rename(folder, staging).catch(() => undefined);
        await rename(folderAside, folder).catch(() => undefined);
        asides.length = 0;
      }
      throw error;
    }
  } catch (error) {
    await rm(partialZip, { force: true });
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  removeLater([
    ...asides,
    ...(await leftAside(options.outDir, packet.folderName)),
    ...(await leftAside(options.outDir, path.basename(zipFile))),
  ]);
  return { folder, zip: zipFile };
}
