/**
 * The usage of each command is written once (its definition) and shown three ways that must agree:
 * `icp-packet --help`, `icp-packet <command> --help` (and on bad usage), and the README's list of what each
 * command accepts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { RESOURCES_DIR } from '../support/paths';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: '/',
    resourcesDir: RESOURCES_DIR,
  });
  return { code, out, err };
}

const COMMANDS = [
  'decide',
  'check',
  'build',
  'sample',
  'render',
  'reminders',
  'annual-report',
  'renewal',
  'change',
  'adcheck',
  'read-scan',
  'rules',
];

describe('usage', () => {
  it('--help, each command’s --help and the README list the same usage lines', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    const listed = help.out.split('\n').filter((l) => l.startsWith('  icp-packet '));
    expect(listed.map((l) => l.trim().split(' ')[1])).toEqual(COMMANDS);

    const readme = await readFile(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /What each command accepts[^\n]*\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block.trimEnd().split('\n')).toEqual(listed.map((l) => l.trim()));

    for (const command of COMMANDS) {
      const own = await run(command, '--help');
      expect(own.code, command).toBe(0);
      const line = listed.find((l) => l.trim().split(' ')[1] === command)?.trim() ?? '';
      expect(own.out.split('\n')[0], command).toBe(`Usage: ${line}`);
      const zh = await run(command, '-h', '--lang', 'zh-CN');
      expect(zh.out.split('\n')[0], command).toBe(`用法：${line}`);
    }
    // Each command's module is loaded (and transformed) on its first --help: seconds on a loaded machine.
  }, 60_000);

  it('every command that reads a case names both forms and takes --passphrase', async () => {
    const help = (await run('--help')).out;
    for (const command of ['check', 'build', 'render', 'reminders', 'annual-report', 'renewal', 'change']) {
      expect(help).toMatch(
        new RegExp(`icp-packet ${command} <case\\.json\\|case\\.icpcase> .*\\[--passphrase <p>\\]`),
      );
    }
  });
});
