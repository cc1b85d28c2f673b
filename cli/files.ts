/**
 * The files a command reads and writes, with refusals the user can act on: the file is missing, unreadable,
 * not a regular file, too large, not JSON or not UTF-8 text; the output cannot be written. Messages name the
 * file by its full path.
 *
 * Reading is bounded: a path that is not a regular file (a folder, a pipe, /dev/zero) is refused before it is
 * opened, and a file is read only up to the limit of what it may be — `check /dev/zero` once grew to 6 GB.
 *
 * Writing follows one rule for every command (README "Outputs", `icp-packet --help`): an existing output is
 * replaced only with `--force`, and every output is written to a temporary file beside it and renamed into
 * place — a full or read-only disk, or an interrupted run, leaves the old file exactly as it was and no
 * half-written new one.
 */
import { constants, type Stats } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CASE_DOCUMENT_BYTES } from '../core/model/restore';
import { nodeFs, writeFileAtomic } from '../host/store/atomic-file';
import { StoreError } from '../host/store/errors';
import type { CliIo } from './command';
import { InputError } from './define-command';
import { formatNumber } from '../core/i18n/format';

export interface InputFile {
  /** The full path, as messages name it. */
  file: string;
  bytes: Buffer;
}

/** How much a command reads at most: a JSON file (a case, answers) and a zip (an .icpcase). */
export interface ReadLimits {
  maxBytes: number;
  /** What the file is, for the refusal ("a case file"). */
  what: { en: string; 'zh-CN': string };
  /** A larger limit for a file that starts as a zip (an .icpcase). */
  maxZipBytes?: number;
}

/** A case or answers file: JSON up to the largest case document, or an .icpcase up to the archive limit. */
export const CASE_FILE_LIMITS: ReadLimits = {
  maxBytes: MAX_CASE_DOCUMENT_BYTES,
  maxZipBytes: 1024 * 1024 * 1024,
  what: { en: 'a case file', 'zh-CN': '申请文件' },
};

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isSocket()) return 'socket';
  return 'other';
}

function readRefusal(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('fileNotFound', { file });
  return new InputError('fileUnreadable', {
    file,
    errno: code ?? '',
    reason: error instanceof Error ? error.message : String(error),
  });
}

export async function readInputFile(file: string, io: CliIo, limits: ReadLimits): Promise<InputFile> {
  const full = path.resolve(io.cwd, file);
  let info: Stats;
  try {
    info = await stat(full);
  } catch (error) {
    throw readRefusal(error, full);
  }
  // Before opening: opening a pipe waits for a writer that may never come.
  if (!info.isFile()) throw new InputError('notAFile', { file: full, kind: kindOf(info) });
  try {
    // O_NONBLOCK: should the path have become a pipe since, the open does not wait (POSIX; Windows has none).
    const handle = await open(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) throw new InputError('notAFile', { file: full, kind: kindOf(opened) });
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      const zip = head[0] === 0x50 && head[1] === 0x4b;
      const max = zip && limits.maxZipBytes ? limits.maxZipBytes : limits.maxBytes;
      if (opened.size > max) throw tooLarge(full, opened.size, max, limits);
      // One byte more than allowed tells a file that grew since stat() from one that did not.
      const buffer = Buffer.alloc(Math.min(opened.size, max) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > max) throw tooLarge(full, length, max, limits);
        if (length === buffer.length) break;
      }
      return { file: full, bytes: buffer.subarray(0, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readRefusal(error, full);
  }
}

function tooLarge(file: string, size: number, max: number, limits: ReadLimits): InputError {
  return new InputError('fileTooLarge', {
    file,
    size: formatNumber(size, 'en'),
    max: formatNumber(max, 'en'),
    what: limits.what.en,
    whatZh: limits.what['zh-CN'],
  });
}

/** The file as text: UTF-8 (a BOM is dropped); bytes that are not UTF-8 are refused, never guessed at. */
export function utf8Text({ file, bytes }: InputFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError('notUtf8', { file });
  }
}

export function jsonValue(input: InputFile): unknown {
  try {
    return JSON.parse(utf8Text(input)) as unknown;
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError('notJson', { file: input.file, reason: 'not UTF-8' });
    // V8 reports nesting deeper than its stack as RangeError: still "not JSON this program reads".
    throw new InputError('notJson', { file: input.file, reason: (error as Error).message.slice(0, 200) });
  }
}

/** The refusal for a write that failed, with its errno in words (disk full, read-only …). */
export function writeRefusal(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const errno =
    error instanceof StoreError
      ? String(error.details?.errno ?? error.code)
      : ((error as NodeJS.ErrnoException).code ?? '');
  return new InputError('cannotWrite', {
    file,
    errno,
    reason: error instanceof Error ? error.message.slice(0, 200) : String(error),
  });
}

/** `--out <dir>` naming an existing file (not a folder) is refused before anything is read or written. */
export async function refuseFileAsFolder(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new InputError('notAFolder', { file: dir });
}

/**
 * Writes `data` to `file` (relative to the working directory) the one way every command writes an output:
 * refused when it exists unless `force`, written to a temporary file and renamed into place. Returns the full
 * path.
 */
export async function writeOutput(
  io: CliIo,
  file: string,
  data: string | Uint8Array,
  options: { force: boolean },
): Promise<string> {
  const out = path.resolve(io.cwd, file);
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError('outputIsFolder', { file: out });
  if (existing && !options.force) throw new InputError('outputExists', { file: out });
  try {
    await mkdir(path.dirname(out), { recursive: true });
    // 0o666 less the umask: an output is the user's file like any other (the store keeps 0o600).
    await writeFileAtomic(nodeFs, out, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, {
      mode: 0o666,
    });
  } catch (error) {
    throw writeRefusal(error, out);
  }
  return out;
}
