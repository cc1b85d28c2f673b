import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { jpegFrame } from '../../../core/packet/jpeg';
import { mergeWithOutlineStreamed } from '../../../core/packet/merge';
import type { AssembledPacket, PacketFile, ScanSource } from '../../../core/packet/types';
import { replacedPacketsRemoved, writePacket } from '../../../host/packet/write-packet';

/** A rename the file system refuses (as Windows does for a file another program has open), when set. */
const refuse = vi.hoisted(() => ({ rename: undefined as ((from: string) => boolean) | undefined }));
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof FsPromises>();
  return {
    ...actual,
    rename: (from: string, to: string) =>
      refuse.rename?.(from)
        ? Promise.reject(
            Object.assign(new Error(`EBUSY: resource busy, rename '${from}'`), { code: 'EBUSY' }),
          )
        : actual.rename(from, to),
  };
});
afterEach(() => {
  refuse.rename = undefined;
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'write-packet-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writePacket', () => {
  it('reads each scan once for the folder and the zip: its own file comes from the full packet’s read', async () => {
    const reads: number[] = [];
    const jpegs = await Promise.all(
      ['#c03030', '#30a030'].map(
        async (background) =>
          new Uint8Array(
            await sharp({ create: { width: 1200, height: 900, channels: 3, background } })
              .jpeg()
              .toBuffer(),
          ),
      ),
    );
    const scans: ScanSource[] = jpegs.map((bytes, i) => {
      const frame = jpegFrame(bytes);
      if (!frame) throw new Error('not a jpeg');
      return {
        size: bytes.length,
        sha256: String(i).repeat(64),
        width: frame.width,
        height: frame.height,
        components: frame.components,
        reencoded: false,
        read: async () => {
          reads.push(i);
          return bytes;
        },
      };
    });
    const index = await PDFDocument.create();
    index.addPage();
    const full = await mergeWithOutlineStreamed(
      [
        { title: '目录', kind: 'pdf', bytes: await index.save() },
        ...scans.map((scan, i) => ({ title: `附件${i + 1}`, kind: 'scan' as const, scan })),
      ],
      { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test' },
    );
    const scanFile = (scan: ScanSource, i: number): PacketFile => ({
      path: `附件 Attachments/${i + 1}.jpg`,
      lazy: {
        size: scan.size,
        sha256: scan.sha256,
        scan,
        chunks: async function* () {
          yield await scan.read();
        },
      },
    });
    const packet: AssembledPacket = {
      folderName: 'packet',
      files: [
        { path: 'index.txt', bytes: new TextEncoder().encode('index') },
        ...scans.map(scanFile),
        { path: 'full.pdf', lazy: full.file },
      ],
      seal: () => Promise.reject(new Error('not sealed here')),
    };

    await writePacket(packet, {
      outDir: dir,
      zip: true,
      replace: false,
      now: new Date('2026-11-25T00:00:00Z'),
    });

    expect(reads).toEqual([0, 1]);
    const folder = path.join(dir, 'packet');
    for (const [i, bytes] of jpegs.entries())
      expect(
        (await readFile(path.join(folder, `附件 Attachments/${i + 1}.jpg`))).equals(Buffer.from(bytes)),
      ).toBe(true);
    const fullBytes = await readFile(path.join(folder, 'full.pdf'));
    expect(fullBytes.length).toBe(full.file.size);
    expect((await PDFDocument.load(fullBytes)).getPageCount()).toBe(3);
    // The zip holds the same files in the packet's order.
    const zip = unzipSync(new Uint8Array(await readFile(path.join(dir, 'packet.zip'))));
    expect(Object.keys(zip)).toEqual([
      'packet/index.txt',
      'packet/附件 Attachments/1.jpg',
      'packet/附件 Attachments/2.jpg',
      'packet/full.pdf',
    ]);
    expect(Buffer.from(zip['packet/附件 Attachments/2.jpg'] ?? []).equals(Buffer.from(jpegs[1] ?? []))).toBe(
      true,
    );
    expect(Buffer.from(zip['packet/full.pdf'] ?? []).equals(fullBytes)).toBe(true);
  });
});

/** Two distinct JPEG scans. */
async function twoScans(): Promise<Uint8Array[]> {
  return Promise.all(
    ['#c03030', '#30a030'].map(
      async (background) =>
        new Uint8Array(
          await sharp({ create: { width: 1200, height: 900, channels: 3, background } })
            .jpeg()
            .toBuffer(),
        ),
    ),
  );
}

/**
 * A packet of an index, the scans' own files and the full packet, as assembly makes it, from scans whose
 * bytes come only piece by piece (as the case store streams them); `read()` is never allowed.
 */
async function streamedPacket(
  jpegs: Uint8Array[],
  pieces: (i: number, bytes: Uint8Array) => AsyncIterable<Uint8Array>,
): Promise<{ packet: AssembledPacket; fullSize: number }> {
  const scans: ScanSource[] = jpegs.map((bytes, i) => {
    const frame = jpegFrame(bytes);
    if (!frame) throw new Error('not a jpeg');
    return {
      size: bytes.length,
      sha256: String(i).repeat(64),
      width: frame.width,
      height: frame.height,
      components: frame.components,
      reencoded: false,
      read: () => Promise.reject(new Error('a streamed scan is never read whole')),
      stream: () => pieces(i, bytes),
    };
  });
  const index = await PDFDocument.create();
  index.addPage();
  const full = await mergeWithOutlineStreamed(
    [
      { title: '目录', kind: 'pdf', bytes: await index.save() },
      ...scans.map((scan, i) => ({ title: `附件${i + 1}`, kind: 'scan' as const, scan })),
    ],
    { title: 'packet', now: new Date('2026-11-25T00:00:00Z'), producer: 'test' },
  );
  const scanFile = (scan: ScanSource, i: number): PacketFile => ({
    path: `附件 Attachments/${i + 1}.jpg`,
    lazy: { size: scan.size, sha256: scan.sha256, scan, chunks: () => scan.stream!() },
  });
  return {
    packet: {
      folderName: 'packet',
      files: [
        { path: 'index.txt', bytes: new TextEncoder().encode('index') },
        ...scans.map(scanFile),
        { path: 'full.pdf', lazy: full.file },
      ],
      seal: () => Promise.reject(new Error('not sealed here')),
    },
    fullSize: full.file.size,
  };
}

async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    // Each piece is a fresh copy, as a decipher hands them out; they come faster than a disk takes them.
    yield bytes.slice(at, at + size);
  }
}

describe('writePacket with streamed scans', () => {
  const options = { zip: true, replace: false, now: new Date('2026-11-25T00:00:00Z') };

  it('writes each scan piece by piece into its own file, the full packet and the zip, streaming it once', async () => {
    const jpegs = await twoScans();
    const streamed: number[] = [];
    const { packet, fullSize } = await streamedPacket(jpegs, (i, bytes) => {
      streamed.push(i);
      return inPieces(bytes, 1000);
    });

    await writePacket(packet, { ...options, outDir: dir });

    expect(streamed).toEqual([0, 1]);
    const folder = path.join(dir, 'packet');
    for (const [i, bytes] of jpegs.entries())
      expect(
        (await readFile(path.join(folder, `附件 Attachments/${i + 1}.jpg`))).equals(Buffer.from(bytes)),
      ).toBe(true);
    const fullBytes = await readFile(path.join(folder, 'full.pdf'));
    expect(fullBytes.length).toBe(fullSize);
    expect((await PDFDocument.load(fullBytes)).getPageCount()).toBe(3);
    const zip = unzipSync(new Uint8Array(await readFile(path.join(dir, 'packet.zip'))));
    for (const [i, bytes] of jpegs.entries())
      expect(Buffer.from(zip[`packet/附件 Attachments/${i + 1}.jpg`] ?? []).equals(Buffer.from(bytes))).toBe(
        true,
      );
    expect(Buffer.from(zip['packet/full.pdf'] ?? []).equals(fullBytes)).toBe(true);
  });

  it('leaves nothing behind when a scan fails its check after its pieces went by (damaged in the store)', async () => {
    const jpegs = await twoScans();
    const { packet } = await streamedPacket(jpegs, (i, bytes) =>
      (async function* () {
        yield* inPieces(bytes, 1000);
        // What the case store does when the GCM tag or the SHA-256 does not match: after the last piece.
        if (i === 1) throw new Error('attachmentDamaged');
      })(),
    );

    await expect(writePacket(packet, { ...options, outDir: dir })).rejects.toThrow('attachmentDamaged');
    // No packet folder, no zip, no staging folder: the unchecked pieces went nowhere the user sees.
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writePacket replacing a packet', () => {
  const textPacket = (text: string): AssembledPacket => ({
    folderName: 'packet',
    files: [{ path: 'index.txt', bytes: new TextEncoder().encode(text) }],
    seal: () => Promise.reject(new Error('not sealed here')),
  });
  const options = { zip: true, replace: true, now: new Date('2026-11-25T00:00:00Z') };

  it('puts the new packet in place, deletes the old one after, and finishes a deletion a crash cut short', async () => {
    await writePacket(textPacket('old'), { ...options, outDir: dir, replace: false });
    // What a crash in the middle of deleting an earlier replaced packet leaves: its renamed-aside copies.
    for (const aside of ['.packet.replaced-0badc0de', '.packet.zip.replaced-0badc0de'])
      await mkdir(path.join(dir, aside, 'left'), { recursive: true });

    await writePacket(textPacket('new'), { ...options, outDir: dir });
    await replacedPacketsRemoved();

    expect((await readdir(dir)).sort()).toEqual(['packet', 'packet.zip']);
    expect(await readFile(path.join(dir, 'packet', 'index.txt'), 'utf8')).toBe('new');
    const zip = unzipSync(new Uint8Array(await readFile(path.join(dir, 'packet.zip'))));
    expect(new TextDecoder().decode(zip['packet/index.txt'])).toBe('new');
  });

  it('keeps the old packet whole when the new one cannot take its place', async () => {
    await writePacket(textPacket('old'), { ...options, outDir: dir, replace: false });
    // The old zip is open in another program: it cannot be moved, after the new folder took its place.
    refuse.rename = (from) => from === path.join(dir, 'packet.zip');

    await expect(writePacket(textPacket('new'), { ...options, outDir: dir })).rejects.toThrow(/EBUSY/);
    refuse.rename = undefined;
    await replacedPacketsRemoved();

    expect((await readdir(dir)).sort()).toEqual(['packet', 'packet.zip']);
    expect(await readFile(path.join(dir, 'packet', 'index.txt'), 'utf8')).toBe('old');
    const zip = unzipSync(new Uint8Array(await readFile(path.join(dir, 'packet.zip'))));
    expect(new TextDecoder().decode(zip['packet/index.txt'])).toBe('old');
  });
});
