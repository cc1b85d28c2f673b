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

export { jpeg } from './jpeg';

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
