/**
 * The Chinese UI and CLI call a case 申请 (an application), never 案件, which reads as a legal or criminal case.
 * Checked over every file that carries user-facing Chinese: the UI locale, the CLI, core messages, rule data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(?:ts|tsx|json)$/u.test(name) ? [path] : [];
  });
}

describe('Chinese terminology', () => {
  it('never calls a case 案件 in the UI, the CLI, core messages or rule data', () => {
    const files = [
      'locales/zh-CN.json',
      ...['cli', 'core', 'renderer/src', 'electron', 'host', 'templates'].flatMap(filesUnder),
    ];
    const offenders = files.filter((file) => readFileSync(join(root, file), 'utf8').includes('案件'));
    expect(offenders).toEqual([]);
    const caseWords = files.filter((file) => /本案/u.test(readFileSync(join(root, file), 'utf8')));
    expect(caseWords).toEqual([]);
  });

  it('writes App one way in the Chinese UI, as MIIT’s App filing notice does (not APP in some strings)', () => {
    const zh = readFileSync(join(root, 'locales/zh-CN.json'), 'utf8');
    expect(zh.match(/.{0,12}\bAPP\b.{0,12}/gu) ?? []).toEqual([]);
  });

  it('ends a button, a menu item or a status that goes on with one ellipsis, as the menus do (not …… in some)', () => {
    const zh = readFileSync(join(root, 'locales/zh-CN.json'), 'utf8');
    expect(zh.match(/.{0,12}……/gu) ?? []).toEqual([]);
  });
});
