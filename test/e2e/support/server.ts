/**
 * TEST ONLY — the loopback bridge's server half. It serves the built renderer (dist/renderer) on
 * 127.0.0.1 through the app's own app:// protocol handler (same files, same CSP header), and answers
 * `POST /api/<channel>` with the app's real IPC handlers from `createHandlers()`: the same zod validation,
 * settings written to a fresh temp user-data folder, external links recorded instead of opened.
 * A request from another origin is refused as `untrustedSender`, as main refuses a foreign frame.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN } from '../../../electron/security';
import { createAppProtocolHandler } from '../../../electron/app-protocol';
import { createHandlers } from '../../../electron/ipc/handlers';
import { PassphraseKeyProvider } from '../../../host/store/keys';
import { CaseStore } from '../../../host/store/case-store';
import { SafeStorageKeyProvider, keychainStatus, type SafeStorageLike } from '../../../electron/keychain';
import type { HandlerDeps } from '../../../electron/ipc/handlers';
import type { Channel, EventChannel, HandlerMap, IpcEvents } from '../../../electron/contract';
import { decodeWire, encodeWire } from './wire';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The temp folder standing in for app.getPath('userData'); removed by close(). */
  userDataDir: string;
  /** Every URL the app asked main to open in the browser (after the allow-check passed). */
  openedExternally: string[];
  /** Where the stand-in folder dialog puts packets (inside userDataDir). */
  packetParentDir: string;
  /** Paths main was asked to show in Explorer / Finder. */
  shownInFolder: string[];
  /** Existing packets the user was asked about before replacing them. */
  replaceConfirmations: string[];
  /** Where the stand-in Save dialog of `reminders:export` writes calendar files (inside userDataDir). */
  calendarDir: string;
  /** Where the stand-in Save dialog of `signing:print` saves the copies to sign (inside userDataDir). */
  signingDir: string;
  close(): Promise<void>;
}

export interface LoopbackServerOptions {
  /** The built renderer, e.g. dist/renderer. */
  bundleDir: string;
  /** The OS locale main would report (app.getLocale()). */
  systemLocale?: string;
  /**
   * Encryption as the app does it (key session, fake OS keychain) instead of the default fixed passphrase:
   * `keychain` is what the fake safeStorage reports on Linux; `passphrase` pre-creates a store guarded by
   * it, holding one case named `Guarded case`.
   */
  encryption?: { keychain: 'available' | 'basicText'; passphrase?: string };
  /** The native Save/Open dialogs of `.icpcase` export and import pick this file in the user-data folder. */
  caseFileName?: string;
}

// Attachments may be 20 MB; base64 makes that about 27 MB.
const MAX_BODY_BYTES = 32 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(encodeWire(body));
}

function isChannel(handlers: HandlerMap, name: string): name is Channel {
  return Object.hasOwn(handlers, name);
}

export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'icp-e2e-userdata-'));
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    productName: string;
    version: string;
  };
  const openedExternally: string[] = [];
  const shownInFolder: string[] = [];
  const replaceConfirmations: string[] = [];
  const packetParentDir = path.join(userDataDir, 'packets');
  await mkdir(packetParentDir, { recursive: true });
  const calendarDir = path.join(userDataDir, 'calendar');
  await mkdir(calendarDir, { recursive: true });
  const signingDir = path.join(userDataDir, 'for-signing');
  await mkdir(signingDir, { recursive: true });
  // Open event streams (GET /api-events): main's webContents.send, for events handlers raise themselves.
  const eventStreams = new Set<ServerResponse>();
  const sendEvent = <E extends EventChannel>(channel: E, payload: IpcEvents[E]) => {
    for (const stream of eventStreams) stream.write(`data: ${encodeWire({ channel, payload })}\n\n`);
  };
  let encryption: Partial<HandlerDeps> = {
    // A fresh store per run under a passphrase at a test-only scrypt cost.
    keyProvider: new PassphraseKeyProvider('e2e', { costLog2: 10 }),
  };
  if (options.encryption) {
    const backend = options.encryption.keychain === 'basicText' ? 'basic_text' : 'gnome_libsecret';
    const safeStorage: SafeStorageLike = {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text) => Buffer.from(`e2e-os|${text}`),
      decryptStringAsync: async (blob) => ({ shouldReEncrypt: false, result: blob.toString().slice(7) }),
      getSelectedStorageBackend: () => backend,
    };
    encryption = {
      keychain: {
        provider: new SafeStorageKeyProvider(safeStorage, 'linux'),
        status: () => keychainStatus(safeStorage, 'linux'),
      },
      passphraseCostLog2: 10,
    };
    if (options.encryption.passphrase) {
      const store = new CaseStore({
        root: path.join(userDataDir, 'store'),
        keyProvider: new PassphraseKeyProvider(options.encryption.passphrase, { costLog2: 10 }),
      });
      await store.create({ name: 'Guarded case' });
    }
  }
  const caseFile = options.caseFileName ? path.join(userDataDir, options.caseFileName) : undefined;
  const handlers = createHandlers({
    userDataDir,
    appName: pkg.productName,
    appVersion: pkg.version,
    systemLocale: options.systemLocale ?? 'en-US',
    platform: process.platform,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    ...encryption,
    // Native dialogs do not exist here: export/import behave as if the user cancelled, unless the test
    // names the file the dialogs "pick".
    showSaveDialog: async () => caseFile,
    showOpenDialog: async () => caseFile,
    // The packet folder "chosen" in the dialog; replacing an existing packet is confirmed (and recorded).
    showPacketFolderDialog: async () => packetParentDir,
    confirmReplacePacket: async (existing) => {
      replaceConfirmations.push(existing);
      return true;
    },
    showItemInFolder: (target) => shownInFolder.push(target),
    onPacketProgress: (progress) => sendEvent('packet:progress', progress),
    // The calendar file "chosen" in the Save dialog: the proposed name, in the test's calendar folder.
    showCalendarSaveDialog: async ({ defaultFileName }) =>
      path.join(calendarDir, path.basename(defaultFileName)),
    // The PDF to print for signing "saved" under the proposed name, in the test's signing folder.
    showSigningSaveDialog: async ({ defaultFileName }) => path.join(signingDir, path.basename(defaultFileName)),
  });
  const serveBundle = createAppProtocolHandler(options.bundleDir);
  let origin = '';

  async function answerApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
    if (request.headers.origin !== origin)
      return sendJson(response, 403, { ok: false, code: 'untrustedSender' });
    if (!isChannel(handlers, name)) return sendJson(response, 404, { ok: false, code: 'notFound' });
    let body: { payload?: unknown };
    try {
      body = decodeWire(await readBody(request)) as { payload?: unknown };
    } catch {
      return sendJson(response, 400, { ok: false, code: 'invalidPayload' });
    }
    sendJson(response, 200, await handlers[name](body.payload));
  }

  async function answerBundle(request: IncomingMessage, response: ServerResponse, pathname: string) {
    const answer = await serveBundle(new Request(`${APP_ORIGIN}${pathname}`, { method: request.method }));
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    // A Host other than our own address would mean another site reached us through DNS rebinding.
    if (request.headers.host !== url.host) {
      response.writeHead(421).end();
      return;
    }
    if (url.pathname === '/api-events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      response.write(': open\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    const apiMatch = /^\/api\/([^/]+)$/.exec(url.pathname);
    const work = apiMatch
      ? answerApi(request, response, decodeURIComponent(apiMatch[1] ?? ''))
      : answerBundle(request, response, url.pathname);
    work.catch(() => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, code: 'internal' });
      else response.end();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    userDataDir,
    openedExternally,
    packetParentDir,
    shownInFolder,
    replaceConfirmations,
    calendarDir,
    signingDir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
