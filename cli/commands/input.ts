/**
 * What decide and check share: option parsing with node:util parseArgs and reading a JSON file with errors
 * the user can act on (file missing, not JSON, which field is wrong).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Language } from '../../core/i18n/language';
import type { Case } from '../../core/model/case';
import { restore } from '../../core/model/restore';
import type { CliIo } from '../command';

export class InputError extends Error {}

export interface CommonOptions {
  file: string;
  lang: Language;
  json: boolean;
  today?: string;
}

/** Parses `<file> [--lang en|zh-CN] [--json] [--today YYYY-MM-DD]`; throws InputError on bad usage. */
export function parseCommon(args: string[], usage: string, allowToday: boolean): CommonOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'en' },
        json: { type: 'boolean', default: false },
        ...(allowToday ? { today: { type: 'string' as const } } : {}),
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\nUsage: icp-packet ${usage}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new InputError(`expected exactly one file.\nUsage: icp-packet ${usage}`);
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'zh-CN')
    throw new InputError(`--lang must be en or zh-CN, not "${String(lang)}".`);
  const today = (values as { today?: string }).today;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    throw new InputError(`--today must be a date as YYYY-MM-DD, not "${today}".`);
  }
  return { file: positionals[0] as string, lang, json: values.json === true, ...(today ? { today } : {}) };
}

export async function readJsonFile(file: string, io: CliIo): Promise<unknown> {
  const full = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `file not found: ${full}` : `cannot read ${full}: ${(error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new InputError(`${full} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Runs a command body, turning InputError into exit code 2 with a one-line message. */
export async function withInputErrors(name: string, io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`icp-packet ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** A case.json read through restore(); what restore() refuses is an InputError saying why. */
export async function restoreCaseFile(file: string, io: CliIo): Promise<Case> {
  const restored = restore(await readJsonFile(file, io));
  if (!restored.ok) {
    const why =
      restored.code === 'newerVersion'
        ? 'it was written by a newer version of ICP Packet Studio'
        : restored.code === 'notACase'
          ? 'it is not an ICP Packet Studio case'
          : 'it does not match the case format';
    throw new InputError(`cannot use ${file}: ${why} (${restored.details}).`);
  }
  return restored.case;
}
