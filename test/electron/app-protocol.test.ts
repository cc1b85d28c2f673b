import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveBundlePath } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'icp-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>ICP</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'NotoSansSC.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(root, 'assets', '中文 name.svg'), '<svg/>');
  await writeFile(path.join(base, 'secret.txt'), 'outside the bundle');
  await writeFile(path.join(base, 'renderer-evil.txt'), 'sibling with the same prefix');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link-out.txt'));
  serve = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html for the root with the CSP and nosniff', async () => {
    const response = await get('app://bundle/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>ICP</title>');
  });

  it('serves bundle files with their MIME types', async () => {
    const js = await get('app://bundle/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://bundle/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const font = await get('app://bundle/assets/NotoSansSC.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
    expect((await get('app://bundle/index.html?x=1#/settings')).status).toBe(200);
  });

  it('decodes percent-encoded names inside the bundle', async () => {
    const response = await get('app://bundle/assets/%E4%B8%AD%E6%96%87%20name.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets%2F..%2F..%2Fsecret.txt',
    'app://bundle/..%5Csecret.txt',
    'app://bundle/%2E%2E%5C%2E%2E%5Csecret.txt',
    'app://bundle/../renderer-evil.txt',
    'app://bundle/C:%5Cwindows%5Cwin.ini',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://bundle//etc/passwd',
    'app://bundle/assets/link-out.txt',
    'app://bundle/assets',
    'app://bundle/missing.js',
    'app://other/index.html',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveBundlePath', () => {
  it('maps URLs to files strictly inside the root', () => {
    const r = path.resolve('/srv/renderer');
    expect(resolveBundlePath(r, 'app://bundle/')).toBe(path.join(r, 'index.html'));
    expect(resolveBundlePath(r, 'app://bundle')).toBe(path.join(r, 'index.html'));
    expect(resolveBundlePath(r, 'app://bundle/assets/')).toBe(path.join(r, 'assets', 'index.html'));
    expect(resolveBundlePath(r, 'app://bundle/assets/a.js')).toBe(path.join(r, 'assets', 'a.js'));
    expect(resolveBundlePath(r, 'https://bundle/a.js')).toBeNull();
    expect(resolveBundlePath(r, 'app://user:pw@bundle/index.html')).toBeNull();
    expect(resolveBundlePath(r, 'not a url')).toBeNull();
  });
});

describe('resolveBundlePath refuses before touching the disk', () => {
  it.each([
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/assets%2F..%2F..%2Fsecret.txt',
    'app://bundle/..%5Csecret.txt',
    'app://bundle/C:%5Cwindows%5Cwin.ini',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://bundle//etc/passwd',
    'app://bundle/a//b.js',
  ])('%s', (url) => {
    expect(resolveBundlePath(path.resolve('/srv/renderer'), url)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['A.PNG', 'image/png'],
    ['f.ttf', 'font/ttf'],
    ['f.woff', 'font/woff'],
    ['data.json', 'application/json; charset=utf-8'],
    ['x.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});
