// Shared fixtures for the store tests: real temp folders, fast key providers, and small real media files.
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { CaseStore, type CaseStoreOptions } from '../../../host/store/case-store';
import { PassphraseKeyProvider } from '../../../host/store/keys';
import { nodeFs, type StoreFs } from '../../../host/store/atomic-file';
import { isStoreError } from '../../../host/store/errors';

const made: string[] = [];

export async function tempDir(prefix = 'icp-store-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** scrypt at 2^10 keeps each unlock ~2 ms; the production cost is tested in keys.test.ts. */
export function fastPassphrase(passphrase = 'correct horse battery staple'): PassphraseKeyProvider {
  return new PassphraseKeyProvider(passphrase, { costLog2: 10 });
}

export async function newStore(options: Partial<CaseStoreOptions> = {}): Promise<CaseStore> {
  const root = options.root ?? (await tempDir());
  return new CaseStore({ keyProvider: fastPassphrase(), ...options, root });
}

/** The code and details of the StoreError `promise` rejects with; fails when it resolves or throws anything else. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error))
      return { code: error.code, ...(error.details ? { details: error.details } : {}) };
    throw error;
  }
  throw new Error('expected a StoreError, the call succeeded');
}

/** Every file under `dir` with the SHA-256 of its bytes: compare before and after to prove nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string): Promise<void> {
    let names: string[];
    try {
      names = await readdir(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const full = path.join(d, name);
      try {
        out[path.relative(dir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
      } catch {
        await walk(full);
      }
    }
  }
  await walk(dir);
  return out;
}

/**
 * A real baseline JPEG of `width` × `height` grey pixels that every decoder reads to the end (the media check
 * decodes every pixel), carrying `payload` bytes of comments so files of the same size differ by `seed`. Made
 * by hand, synchronously: one-code Huffman tables, every 8×8 block "DC 0, end of block" (2 bits).
 */
export function jpeg(width: number, height: number, payload = 256, seed = 1): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.alloc(4);
    head[0] = 0xff;
    head[1] = marker;
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const comments: Buffer[] = [];
  let x = seed * 2654435761;
  for (let left = payload; left > 0; left -= 65000) {
    const body = Buffer.alloc(Math.min(65000, left));
    for (let i = 0; i < body.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      body[i] = 0x20 + ((x >>> 16) % 0x5f); // printable ASCII
    }
    comments.push(segment(0xfe, body));
  }
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof = segment(
    0xc0,
    Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
  );
  // One code ("0", length 1) per table: DC category 0 and AC end-of-block.
  const table = (tc: number) =>
    Buffer.concat([Buffer.from([tc << 4]), Buffer.from([1, ...Array(15).fill(0)]), Buffer.from([0])]);
  const dht = segment(0xc4, Buffer.concat([table(0), table(1)]));
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = Buffer.alloc(Math.ceil(bits / 8)); // all-zero codes
  if (bits % 8) scan[scan.length - 1] = (1 << (8 - (bits % 8))) - 1; // pad with ones
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    ...comments,
    dqt,
    sof,
    dht,
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A real RGB PNG of `width` × `height` grey pixels (valid CRCs and zlib stream). */
export function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const row = Buffer.alloc(1 + width * 3, 0x80);
  row[0] = 0;
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function pdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

export function caseFile(root: string, id: string): string {
  return path.join(root, 'cases', id, 'case.json.enc');
}

/**
 * A file system whose disk fills up: once `armed()` is true, every file write stores its first few bytes
 * and then fails with ENOSPC, as a real full disk does.
 */
export function diskFullFs(armed: () => boolean = () => true, allowBytes = 3): StoreFs {
  return {
    ...nodeFs,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      if (!armed()) return handle;
      const failingWrite = async (data: string | Uint8Array) => {
        await handle.write(Buffer.from(data).subarray(0, allowBytes));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
        });
      };
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile') return failingWrite;
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as StoreFs['open'],
  };
}
