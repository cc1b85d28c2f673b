/**
 * What `reminders` and `adcheck` share: the case read through restore(), and a text file read as UTF-8
 * with a clear refusal for anything else.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Case } from '../../core/model/case';
import type { CliIo } from '../command';
import { InputError, restoreCaseFile } from './input';

export async function readCaseJson(file: string, io: CliIo): Promise<Case> {
  if (file.endsWith('.icpcase'))
    throw new InputError(
      `${file} is an .icpcase archive; this command reads a case.json (icp-packet sample writes one; the app exports one per case).`,
    );
  return restoreCaseFile(file, io);
}

/** The file as text: UTF-8 (a BOM is dropped); bytes that are not UTF-8 are refused, never guessed at. */
export async function readUtf8File(file: string, io: CliIo): Promise<string> {
  const full = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `file not found: ${full}` : `cannot read ${full}: ${(error as Error).message}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(
      `${full} is not UTF-8 text (a binary file, or another encoding): save it as UTF-8 and try again.`,
    );
  }
}
