/**
 * Serves the built renderer (dist/renderer) on the app scheme, and beside it the folders the UI shares with
 * main (`mounts`: the typeface in resources/fonts, which the documents use too, so it ships once). Only files
 * inside those folders are ever read: encoded separators, dot segments and symlinks that lead outside are
 * refused with 404, so a page can never read the user's files through a crafted URL. Every response carries
 * the app's CSP.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

// The callback API, promisified: it is the part of node:fs that Electron's asar support patches for certain, and
// the bundle is read from inside app.asar once packaged.
const readFile = promisify(fs.readFile);
const realpath = promisify(fs.realpath);
const stat = promisify(fs.stat);

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a bundled file; unknown types are served as opaque bytes (with nosniff). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The third-party licence notices (scripts/third-party-notices.mjs writes them into resources/ at build time):
 * shipped beside app.asar for the installer, served at app://bundle/THIRD-PARTY-NOTICES.txt for About.
 */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** What is served beside the renderer bundle: files main shares with the UI, from resources/. */
export interface BundleMounts {
  /** Folders under a first path segment of their own: `{ fonts: '<resources>/fonts' }` serves /fonts/…. */
  folders?: Readonly<Record<string, string>>;
  /** Single files at a top-level name: `{ 'NOTICES.txt': '<resources>/NOTICES.txt' }` serves /NOTICES.txt. */
  files?: Readonly<Record<string, string>>;
}

/**
 * Maps an app-scheme URL to a path inside `rootDir` (or inside the folder its first segment mounts, or the
 * file its only segment mounts), or null when the URL is not ours or could point outside the folder. `/` means
 * `index.html`. Each segment is decoded on its own so `%2F`, `%5C` and `%2e%2e` cannot smuggle separators or
 * parent references past the check.
 */
export function resolveBundlePath(
  rootDir: string,
  requestUrl: string,
  mounts: BundleMounts = {},
): string | null {
  const target = bundleTarget(rootDir, requestUrl, mounts);
  return target === null ? null : target.file;
}

/**
 * The folder a request is served from and the file inside it (`root` is the file itself for a mounted file);
 * null as for {@link resolveBundlePath}.
 */
function bundleTarget(
  rootDir: string,
  requestUrl: string,
  mounts: BundleMounts,
): { root: string; file: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;

  const segments: string[] = [];
  for (const raw of url.pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('');
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  if (segments.includes('')) return null;

  const [first = '', ...rest] = segments;
  const { folders = {}, files = {} } = mounts;
  const file = rest.length === 0 && Object.hasOwn(files, first) ? files[first] : undefined;
  if (file !== undefined) return { root: path.resolve(file), file: path.resolve(file) };
  const mounted = rest.length > 0 && Object.hasOwn(folders, first) ? folders[first] : undefined;
  const root = path.resolve(mounted ?? rootDir);
  const resolved = path.resolve(root, ...(mounted === undefined ? segments : rest));
  return resolved.startsWith(root + path.sep) ? { root, file: resolved } : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Headers every response of the bundle carries. */
export function bundleResponseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** The `protocol.handle` handler for the app scheme, reading from `rootDir` and the `mounts`. */
export function createAppProtocolHandler(
  rootDir: string,
  mounts: BundleMounts = {},
): (request: Request) => Promise<Response> {
  // Every folder and file by its real path, so a symlinked install location still matches; a missing one
  // serves nothing.
  const realPath = async (dir: string) => realpath(path.resolve(dir)).catch(() => null);
  const realPaths = async (named: Readonly<Record<string, string>> = {}) => {
    const found: Record<string, string> = {};
    for (const [name, where] of Object.entries(named)) {
      const real = await realPath(where);
      if (real !== null) found[name] = real;
    }
    return found;
  };
  const folders = (async () => ({
    root: await realPath(rootDir),
    mounts: { folders: await realPaths(mounts.folders), files: await realPaths(mounts.files) },
  }))();
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const { root, mounts: realMounts } = await folders;
    const target = root === null ? null : bundleTarget(root, request.url, realMounts);
    if (target === null) return notFound();
    try {
      // A symlink inside a served folder must not lead out of it.
      const real = await realpath(target.file);
      const inside = real === target.root || real.startsWith(target.root + path.sep);
      if (!inside || !(await stat(real)).isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(real));
      return new Response(body, { status: 200, headers: bundleResponseHeaders(real) });
    } catch {
      return notFound();
    }
  };
}
