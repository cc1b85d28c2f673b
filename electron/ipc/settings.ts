import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { HandlerMap, Settings } from '../contract';
import type { HandlerDeps } from './deps';
import { handle } from './result';

const settingsSchema = z.object({
  language: z.enum(['system', 'en', 'zh-CN']).default('system'),
});

const settingsPatch = z.strictObject({ language: z.enum(['system', 'en', 'zh-CN']).optional() });

export const DEFAULT_SETTINGS: Settings = { language: 'system' };

/** Reads settings.json; a missing or damaged file yields the defaults (settings hold nothing the user typed). */
export async function readSettings(file: string): Promise<Settings> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

async function writeSettings(file: string, settings: Settings): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(settings, null, 2) + '\n', { encoding: 'utf8', flush: true });
  await rename(temp, file);
}

export function createSettingsHandlers(deps: HandlerDeps): Pick<HandlerMap, 'settings:get' | 'settings:set'> {
  const file = path.join(deps.userDataDir, 'settings.json');
  return {
    'settings:get': handle(z.undefined(), () => readSettings(file)),
    'settings:set': handle(settingsPatch, async (patch) => {
      const next: Settings = { ...(await readSettings(file)), ...patch };
      await writeSettings(file, next);
      deps.onSettingsChanged?.(next);
      return next;
    }),
  };
}
