/**
 * The files a command reads and writes, with refusals the user can act on: the file is missing or
 * unreadable, is not JSON, is not UTF-8 text, or the output cannot be written. Messages name the file by its
 * full path.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './command';
import { InputError } from './define-command';

export interface InputFile {
  /** The full path, as messages name it. */
  file: string;
  bytes: Buffer;
}

export async function readInputFile(file: string, io: CliIo): Promise<InputFile> {
  const full = path.resolve(io.cwd, file);
  try {
    return { file: full, bytes: await readFile(full) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('fileNotFound', { file: full });
    throw new InputError('fileUnreadable', { file: full, reason: (error as Error).message });
  }
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
    throw new InputError('notJson', { file: input.file, reason: (error as Error).message });
  }
}

/** Writes `data` to `file` (relative to the working directory) and returns the full path. */
export async function writeOutput(io: CliIo, file: string, data: string | Uint8Array): Promise<string> {
  const out = path.resolve(io.cwd, file);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, data);
  } catch (error) {
    throw new InputError('cannotWrite', { file: out, reason: (error as Error).message });
  }
  return out;
}
