// The Electronegativity gate must be able to fail: run it on a small project with the classic mistakes and
// check that it exits non-zero and names them. (`npm test` runs it on the real sources.)
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '../../scripts/electronegativity.mjs');
let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'icp-eng-'));
  await mkdir(path.join(project, 'electron'));
  await mkdir(path.join(project, 'renderer'));
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ devDependencies: { electron: '45.5.0' } }),
  );
  await writeFile(
    path.join(project, 'electron', 'main.ts'),
    [
      "import { app, BrowserWindow } from 'electron';",
      'app.whenReady().then(() => {',
      '  const win = new BrowserWindow({',
      '    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },',
      '  });',
      "  void win.loadURL('http://example.com/');",
      '});',
    ].join('\n'),
  );
  await writeFile(
    path.join(project, 'renderer', 'index.html'),
    '<!doctype html><title>x</title><div id="root"></div>',
  );
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('scripts/electronegativity.mjs', () => {
  it('fails on HIGH/MEDIUM findings and lists them', async () => {
    const run = promisify(execFile)(process.execPath, [script, '--root', project]);
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    for (const check of [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'HTTP_RESOURCES_JS_CHECK',
      'CSP_GLOBAL_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(failure?.stderr).toContain(check);
    }
  }, 60_000);
});
