// Builds main and preload the way `npm run build` does and checks what each bundle still loads at run time:
// a sandboxed preload can require nothing but 'electron'; main only Electron, Node built-ins and sharp.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let outdir: string;

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'icp-bundles-'));
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], {
    cwd: root,
  });
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

async function requiredModules(file: string): Promise<string[]> {
  const code = await readFile(path.join(outdir, file), 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('electron bundles', () => {
  it('the preload requires only electron', async () => {
    expect(await requiredModules('preload.cjs')).toEqual(['electron']);
  });

  it('main requires only electron, Node built-ins and sharp', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const external = (await requiredModules('main.cjs')).filter((m) => !builtins.has(m));
    expect(external.filter((m) => m !== 'electron' && m !== 'sharp')).toEqual([]);
    expect(external).toContain('electron');
  });
});
