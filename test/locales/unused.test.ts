/**
 * Every key of the UI text is used: a key no code reads is text nobody translates with care and nobody
 * sees change. A key counts as used when the app's source names it whole (in quotes or a template), when a
 * template builds it (`steps.${step}.label` uses every `steps.*.label`), or — for the areas main reads as
 * objects (the native menu, the packet dialogs) — when main names its leaf.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE_DIRS = ['renderer/src', 'electron', 'cli', 'host', 'core'];
/** Areas main reads whole (`TEXT[language].chooseFolder`), by the folder that reads them. */
const READ_AS_OBJECTS: Record<string, string> = { menu: 'electron', packetExport: 'electron' };

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [readFileSync(join(ROOT, path), 'utf8')] : [];
  });
}

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

describe('locale keys', () => {
  it('are all read by the app', () => {
    const bySource = Object.fromEntries(SOURCE_DIRS.map((dir) => [dir, sources(dir).join('\n')]));
    const all = Object.values(bySource).join('\n');
    // `afterApproval.${section}.heading` → the prefix `afterApproval.`, matched against every key.
    const templatePrefixes = [...all.matchAll(/`([A-Za-z0-9_.]+)\.\$\{/g)].map((match) => `${match[1]}.`);
    const unused = leaves(en).filter((key) => {
      const base = key.replace(/_(?:one|other)$/, '');
      if (new RegExp(`['"\`]${base.replaceAll('.', '\\.')}['"\`]`).test(all)) return false;
      if (templatePrefixes.some((prefix) => base.startsWith(prefix))) return false;
      const [area, ...rest] = base.split('.');
      const reader = READ_AS_OBJECTS[area ?? ''];
      return !(reader && new RegExp(`\\b${rest.at(-1)}\\b`).test(bySource[reader] ?? ''));
    });
    expect(unused).toEqual([]);
  });
});
