/**
 * What a hostile probe runs against: a checkout of the project (`root`, this one or a baseline such as main),
 * loaded through its own modules, and scratch folders under `base`. Fixtures (the sample case and its scans,
 * damaged and hostile media, archives) are made once per runner process through the checkout's own code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, createDeflate, crc32 } from 'node:zlib';
import type { CliRun } from './verdicts';

export interface CliIoLike {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** The parts of the checkout's modules the probes use: the same on main and after the fixes. */
export interface CheckoutApi {
  main: (argv: string[], io: CliIoLike) => Promise<number>;
  createHandlers: (deps: Record<string, unknown>) => Record<string, (payload?: unknown) => Promise<unknown>>;
  CaseStore: new (options: Record<string, unknown>) => StoreLike;
  PassphraseKeyProvider: new (passphrase: string, options?: { costLog2?: number }) => KeyProviderLike;
  loadDataKey: (fs: unknown, root: string, provider: unknown, mayCreate: boolean) => Promise<Buffer>;
  encrypt: (key: Buffer, plaintext: Uint8Array, purpose: number, context?: string) => Buffer;
  Purpose: { caseDocument: number };
  nodeFs: Record<string, (...args: never[]) => unknown>;
  writeZip: (entries: { name: string; data: Uint8Array; stored?: boolean }[]) => Uint8Array;
  exportCaseArchive: (
    c: unknown,
    attachments: Map<string, Buffer>,
    options: { passphrase?: string; now: Date; passphraseCostLog2?: number },
  ) => Promise<Uint8Array>;
}

export interface KeyProviderLike {
  kind: string;
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(blob: Buffer): Promise<Buffer>;
}

export interface StoreLike {
  root: string;
  list(): Promise<{ id: string; readable: boolean }[]>;
  create(init: { name: string }): Promise<{ id: string }>;
  open(id: string): Promise<{ case: Record<string, unknown> }>;
  save(c: unknown): Promise<Record<string, unknown>>;
  undo(id: string): Promise<unknown>;
  delete(id: string): Promise<void>;
  duplicate(id: string, name?: string): Promise<{ id: string }>;
  history(id: string): Promise<unknown[]>;
  restoreFromBackup(id: string, n: number): Promise<unknown>;
  addAttachment(
    caseId: string,
    input: { checklistItemId: string; fileName: string; bytes: Uint8Array },
  ): Promise<unknown>;
  readAttachment(caseId: string, id: string): Promise<unknown>;
  storeDerivedBlob(caseId: string, bytes: Uint8Array): Promise<string>;
  writeScanNote(caseId: string, sourceId: string, key: string, note: Uint8Array): Promise<void>;
  exportCase(id: string, options?: { passphrase?: string }): Promise<{ bytes: Uint8Array }>;
  importCase(bytes: Uint8Array, options?: { passphrase?: string }): Promise<{ id: string }>;
}

export interface Fixtures {
  /** `icp-packet sample` output: case.json + attachments/ (copy it before changing anything). */
  sampleDir: string;
  sampleCase: Record<string, unknown> & { attachments: { id: string; mediaType: string }[] };
  /** A real JPEG scan of the sample. */
  jpeg: Buffer;
  png: Buffer;
  pdf: Buffer;
  /** A PNG whose IHDR says 30,000 × 30,000 and whose IDAT really inflates to that (2.7 GB of pixels). */
  pngBomb: Buffer;
  svg: Buffer;
  /** The sample case as a plain and an encrypted .icpcase (passphrase `PASSPHRASE`, scrypt 2^10). */
  icpcase: Uint8Array;
  icpcaseEncrypted: Uint8Array;
}

export const PASSPHRASE = 'correct horse battery staple';

export interface Ctx {
  root: string;
  base: string;
  /** A small tmpfs that is full (`full`) and a read-only one (`ro`), when the runner could mount them. */
  mounts: { full?: string; ro?: string };
  api: () => Promise<CheckoutApi>;
  fixtures: () => Promise<Fixtures>;
  tmp: (label: string) => Promise<string>;
  cli: (
    argv: string[],
    options?: { cwd?: string; env?: Record<string, string | undefined> },
  ) => Promise<CliRun>;
  /** A fresh handler set on its own user-data folder (fast passphrase). */
  handlers: (overrides?: Record<string, unknown>) => Promise<{
    h: Record<string, (payload?: unknown) => Promise<unknown>>;
    userData: string;
  }>;
  /** A fresh store on its own folder (fast passphrase), optionally over a wrapped file system. */
  store: (options?: { root?: string; fs?: unknown }) => Promise<StoreLike>;
  /**
   * Clears what the previous probe left on the full mount, runs `prepare` on it (files that must exist before
   * the disk fills), then fills it so that at most `freeBytes` remain.
   */
  refillFull: (freeBytes: number, prepare?: (dir: string) => Promise<void>) => Promise<string | undefined>;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function importFrom<T>(root: string, rel: string): Promise<T> {
  return (await import(pathToFileURL(path.join(root, rel)).href)) as T;
}

async function loadApi(root: string): Promise<CheckoutApi> {
  const cli = await importFrom<Pick<CheckoutApi, 'main'>>(root, 'cli/main.ts');
  const handlers = await importFrom<Pick<CheckoutApi, 'createHandlers'>>(root, 'electron/ipc/handlers.ts');
  const store = await importFrom<Pick<CheckoutApi, 'CaseStore'>>(root, 'host/store/case-store.ts');
  const keys = await importFrom<Pick<CheckoutApi, 'PassphraseKeyProvider' | 'loadDataKey'>>(
    root,
    'host/store/keys.ts',
  );
  const crypto = await importFrom<Pick<CheckoutApi, 'encrypt' | 'Purpose'>>(root, 'host/store/crypto.ts');
  const atomic = await importFrom<Pick<CheckoutApi, 'nodeFs'>>(root, 'host/store/atomic-file.ts');
  const zip = await importFrom<Pick<CheckoutApi, 'writeZip'>>(root, 'host/store/zip.ts');
  const icpcase = await importFrom<Pick<CheckoutApi, 'exportCaseArchive'>>(root, 'host/store/icpcase.ts');
  return {
    main: cli.main,
    createHandlers: handlers.createHandlers,
    CaseStore: store.CaseStore,
    PassphraseKeyProvider: keys.PassphraseKeyProvider,
    loadDataKey: keys.loadDataKey,
    encrypt: crypto.encrypt,
    Purpose: crypto.Purpose,
    nodeFs: atomic.nodeFs,
    writeZip: zip.writeZip,
    exportCaseArchive: icpcase.exportCaseArchive,
  };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A grey RGB PNG whose pixels really inflate to width × height (streamed through deflate, never held). */
export async function realPng(width: number, height: number): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const rowsPerWrite = Math.max(1, Math.floor((4 << 20) / row.length));
  const block = Buffer.concat(Array.from({ length: rowsPerWrite }, () => row));
  for (let y = 0; y < height; y += rowsPerWrite) {
    const rows = Math.min(rowsPerWrite, height - y);
    const ok = deflate.write(rows === rowsPerWrite ? block : block.subarray(0, rows * row.length));
    if (!ok) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(chunks)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function makeContext(root: string, base: string, mounts: Ctx['mounts']): Ctx {
  let api: Promise<CheckoutApi> | undefined;
  let fixtures: Promise<Fixtures> | undefined;
  const getApi = () => (api ??= loadApi(root));

  const tmp = async (label: string) => {
    await mkdir(path.join(base, 'tmp'), { recursive: true });
    return mkdtemp(path.join(base, 'tmp', `${label.replace(/[^\w-]/g, '_').slice(0, 40)}-`));
  };

  const cli: Ctx['cli'] = async (argv, options = {}) => {
    const { main } = await getApi();
    const run: CliRun = { code: undefined, stdout: '', stderr: '' };
    try {
      run.code = await main(argv, {
        stdout: (s) => (run.stdout += s),
        stderr: (s) => (run.stderr += s),
        cwd: options.cwd ?? base,
        env: options.env ?? {},
      });
    } catch (error) {
      run.threw = error;
    }
    return run;
  };

  const fixtureDir = path.join(base, 'fixtures');
  const FIXTURE_FILES = ['jpeg', 'png', 'pdf', 'pngBomb', 'svg', 'icpcase', 'icpcaseEncrypted'] as const;

  /** Fixtures an earlier runner process made (run.ts makes them once, before any probe runs). */
  const loadFixtures = async (): Promise<Fixtures | undefined> => {
    const ready = await readFile(path.join(fixtureDir, 'ready'), 'utf8').catch(() => undefined);
    if (ready === undefined) return undefined;
    const sampleDir = path.join(fixtureDir, 'sample');
    const files = Object.fromEntries(
      await Promise.all(
        FIXTURE_FILES.map(async (k) => [k, await readFile(path.join(fixtureDir, k))] as const),
      ),
    ) as Record<(typeof FIXTURE_FILES)[number], Buffer>;
    const sampleCase = JSON.parse(
      await readFile(path.join(sampleDir, 'case.json'), 'utf8'),
    ) as Fixtures['sampleCase'];
    return { sampleDir, sampleCase, ...files };
  };

  const makeFixtures = async (): Promise<Fixtures> => {
    const loaded = await loadFixtures();
    if (loaded) return loaded;
    const a = await getApi();
    const dir = fixtureDir;
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const sampleDir = path.join(dir, 'sample');
    const sample = await cli(['sample', '--out', sampleDir, '--lang', 'en']);
    if (sample.code !== 0) throw new Error(`sample failed: ${sample.stderr}`);
    const sampleCase = JSON.parse(
      await readFile(path.join(sampleDir, 'case.json'), 'utf8'),
    ) as Fixtures['sampleCase'];
    const names = await readdir(path.join(sampleDir, 'attachments'));
    const jpegName = names.find((n) => n.endsWith('.jpg'));
    if (!jpegName) throw new Error('sample has no scan');
    const jpeg = await readFile(path.join(sampleDir, 'attachments', jpegName));
    const sharp = (await import('sharp')).default;
    const png = await sharp(jpeg).png().toBuffer();
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 20, y: 20, width: 555, height: 800 });
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    const pngBomb = await realPng(30_000, 30_000);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1400"><rect width="2000" height="1400" fill="#fff"/><text x="50" y="200" font-size="120">营业执照</text></svg>',
    );
    const scans = new Map<string, Buffer>();
    for (const n of names.filter((n) => /^[0-9a-f]{64}\.jpg$/.test(n)))
      scans.set(n.slice(0, 64), await readFile(path.join(sampleDir, 'attachments', n)));
    const now = new Date();
    const icpcase = await a.exportCaseArchive(sampleCase, scans, { now });
    const icpcaseEncrypted = await a.exportCaseArchive(sampleCase, scans, {
      now,
      passphrase: PASSPHRASE,
      passphraseCostLog2: 10,
    });
    const made = { sampleDir, sampleCase, jpeg, png, pdf, pngBomb, svg, icpcase, icpcaseEncrypted };
    for (const k of FIXTURE_FILES) await writeFile(path.join(dir, k), made[k]);
    await writeFile(path.join(dir, 'ready'), new Date().toISOString());
    return made;
  };

  const newStore: Ctx['store'] = async (options = {}) => {
    const a = await getApi();
    return new a.CaseStore({
      root: options.root ?? (await tmp('store')),
      keyProvider: new a.PassphraseKeyProvider(PASSPHRASE, { costLog2: 10 }),
      ...(options.fs ? { fs: options.fs } : {}),
    });
  };

  const handlers: Ctx['handlers'] = async (overrides = {}) => {
    const a = await getApi();
    const userData = await tmp('userdata');
    const deps = {
      userDataDir: userData,
      appName: 'ICP Packet Studio',
      appVersion: '0.1.0',
      systemLocale: 'en-US',
      platform: 'linux',
      openExternal: async () => undefined,
      keyProvider: new a.PassphraseKeyProvider(PASSPHRASE, { costLog2: 10 }),
      showSaveDialog: async () => undefined,
      showOpenDialog: async () => undefined,
      ...overrides,
    };
    return { h: a.createHandlers(deps), userData };
  };

  const refillFull: Ctx['refillFull'] = async (freeBytes, prepare) => {
    const full = mounts.full;
    if (!full) return undefined;
    for (const name of await readdir(full)) await rm(path.join(full, name), { recursive: true, force: true });
    await prepare?.(full);
    const { statfs } = await import('node:fs/promises');
    const info = await statfs(full);
    const free = info.bavail * info.bsize;
    if (free > freeBytes) await writeFile(path.join(full, '.filler'), randomBytes(free - freeBytes));
    return full;
  };

  return {
    root,
    base,
    mounts,
    api: getApi,
    fixtures: () => (fixtures ??= makeFixtures()),
    tmp,
    cli,
    handlers,
    store: newStore,
    refillFull,
  };
}
