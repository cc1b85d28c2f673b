import { availableParallelism } from 'node:os';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { PacketError } from '../../../core/packet/errors';
import { uploadProfile } from '../../../core/packet/profiles';
import type * as NormaliseImage from '../../../host/packet/normalise-image';
import {
  SHARP_JOBS,
  SHARP_LIMITS,
  normalisationKey,
  normaliseAttached,
  normaliseImage,
} from '../../../host/packet/normalise-image';
import {
  ScanCache,
  distinctProfiles,
  folderScanStore,
  storeScanStore,
} from '../../../host/packet/scan-cache';
import { sha256Hex } from '../../../host/store/attachments';
import { failure, newStore, removeTempDirs, tempDir } from '../store/helpers';
import { loadSharp } from '../../../host/packet/sharp';

// The attach check's decode, watched (and still run) to count how often a file is decoded.
vi.mock('../../../host/packet/normalise-image', async (original) => {
  const actual = await original<typeof NormaliseImage>();
  return { ...actual, normaliseAttached: vi.fn(actual.normaliseAttached) };
});

afterEach(removeTempDirs);

/** A phone photo: EXIF orientation 6 and a GPS block, so the profile needs a re-encoded copy. */
async function phonePhoto(width = 2000, height = 1400): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#d0d0c8' } })
      .withMetadata({ orientation: 6, exif: { IFD3: { GPSLatitudeRef: 'N' } } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

/** A flatbed scan already within the profile: used byte for byte. */
async function compliantScan(): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width: 2000, height: 1400, channels: 3, background: '#eeeeee' } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
}

async function attach(bytes: Uint8Array, fileName = 'IMG_0001.jpg') {
  const store = await newStore();
  const c = await store.create({ name: 'Scans' });
  const { attachment } = await store.addAttachment(c.id, {
    checklistItemId: 'subject-certificate',
    fileName,
    bytes,
  });
  const originalReads: string[] = [];
  const cache = () =>
    new ScanCache(storeScanStore(store, c.id), async (id) => {
      originalReads.push(id);
      return new Uint8Array((await store.readAttachment(c.id, id)).bytes);
    });
  return { store, caseId: c.id, attachment, cache, originalReads };
}

describe('normalised scans in the case store', () => {
  it('makes the copy once when attached, encrypted beside the original, and exports only read it', async () => {
    const photo = await phonePhoto();
    const { store, caseId, attachment, cache, originalReads } = await attach(photo);
    await cache().prepare(attachment);
    expect(originalReads).toEqual([attachment.id]);

    const dir = path.join(store.root, 'cases', caseId, 'attachments');
    const names = (await readdir(dir)).sort();
    const key = normalisationKey(uploadProfile('aliyun'));
    expect(names).toContain(`${attachment.id}.${key}.scan.enc`);
    const copies = names.filter((n) => /^[0-9a-f]{64}\.enc$/.test(n) && n !== `${attachment.id}.enc`);
    expect(copies).toHaveLength(1);
    // Encrypted like the original: no JPEG start-of-image, no readable note.
    const blob = await readFile(path.join(dir, copies[0] ?? ''));
    expect(blob.subarray(0, 4).toString('latin1')).toBe('ICPE');
    expect(blob.indexOf(Buffer.from([0xff, 0xd8, 0xff]))).toBe(-1);
    expect((await readFile(path.join(dir, `${attachment.id}.${key}.scan.enc`))).toString()).not.toContain(
      'normalised-scan',
    );

    // A later export (a new process: a new cache) neither reads the original nor normalises again.
    originalReads.length = 0;
    const scan = await cache().scanSource(attachment, 'aliyun');
    expect(scan).toMatchObject({ reencoded: true, width: 1400, height: 2000, components: 3 });
    const bytes = await scan.read();
    expect(originalReads).toEqual([]);
    expect(sha256Hex(bytes)).toBe(scan.sha256);
    expect(bytes.length).toBe(scan.size);
    expect(`${scan.sha256}.enc`).toBe(copies[0]);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([1400, 2000]);
  });

  it('is the same copy for every profile with the same settings (one normalisation per attach)', async () => {
    expect(distinctProfiles()).toHaveLength(
      new Set(['wechat', 'aliyun', 'tencent'].map((p) => normalisationKey(uploadProfile(p as 'aliyun'))))
        .size,
    );
    const { attachment, cache } = await attach(await phonePhoto());
    const c = cache();
    await c.prepare(attachment);
    const [a, b] = [await c.scanSource(attachment, 'wechat'), await c.scanSource(attachment, 'tencent')];
    if (normalisationKey(uploadProfile('wechat')) === normalisationKey(uploadProfile('tencent')))
      expect(a.sha256).toBe(b.sha256);
  });

  it('uses a compliant scan byte for byte: no copy, the note points at the original', async () => {
    const scanBytes = await compliantScan();
    const { store, caseId, attachment, cache, originalReads } = await attach(scanBytes, 'scan.jpg');
    await cache().prepare(attachment);
    const dir = path.join(store.root, 'cases', caseId, 'attachments');
    expect((await readdir(dir)).filter((n) => /^[0-9a-f]{64}\.enc$/.test(n))).toEqual([
      `${attachment.id}.enc`,
    ]);
    originalReads.length = 0;
    const scan = await cache().scanSource(attachment, 'aliyun');
    expect(scan).toMatchObject({ reencoded: false, sha256: attachment.id, size: scanBytes.length });
    expect(originalReads).toEqual([]);
    expect(Buffer.from(await scan.read()).equals(Buffer.from(scanBytes))).toBe(true);
    // Read from the store by its content address, like a re-encoded copy: the case is not opened per scan.
    expect(originalReads).toEqual([]);
  });

  it('makes the copy at export when none was made (an imported case), and keeps it for the next export', async () => {
    const { attachment, cache, originalReads } = await attach(await phonePhoto());
    await cache().scanSource(attachment, 'aliyun');
    expect(originalReads).toHaveLength(1);
    originalReads.length = 0;
    await (await cache().scanSource(attachment, 'aliyun')).read();
    expect(originalReads).toEqual([]);
  });

  it('normalises a scan asked for twice at once only once', async () => {
    const { attachment, cache, originalReads } = await attach(await phonePhoto());
    const c = cache();
    const [a] = await Promise.all([c.scanSource(attachment, 'aliyun'), c.prepare(attachment)]);
    expect(a.reencoded).toBe(true);
    expect(originalReads).toHaveLength(1);
  });

  it('attaches a scan no profile can take without failing; the export then names the problem', async () => {
    const tiny = new Uint8Array(
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
    );
    const { attachment, cache } = await attach(tiny, 'tiny.jpg');
    await expect(cache().prepare(attachment)).resolves.toBeUndefined();
    const error = await cache()
      .scanSource(attachment, 'aliyun')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacketError);
    expect((error as PacketError).code).toBe('attachmentTooSmall');
  });
});

describe('attaching a photo with the scan cache’s check (one decode for the check and the copy)', () => {
  /** A store whose attachments are checked by the case's scan cache, as attachment:add does. */
  async function cachedStore() {
    const store = await newStore();
    const c = await store.create({ name: 'Scans' });
    const originalReads: string[] = [];
    const cache = new ScanCache(storeScanStore(store, c.id), async (id) => {
      originalReads.push(id);
      return new Uint8Array((await store.readAttachment(c.id, id)).bytes);
    });
    const add = (bytes: Uint8Array, fileName = 'IMG_0001.jpg') =>
      store.addAttachment(c.id, {
        checklistItemId: 'subject-certificate',
        fileName,
        bytes,
        checkImage: cache.checkImage,
      });
    return { store, caseId: c.id, cache, add, originalReads };
  }

  it('does not decode a photo the case already holds when it is attached to another line', async () => {
    const photo = await phonePhoto();
    const { store, caseId, cache, add } = await cachedStore();
    await cache.prepare((await add(photo)).attachment);
    vi.mocked(normaliseAttached).mockClear();
    const again = await store.addAttachment(caseId, {
      checklistItemId: 'office-premises-proof',
      fileName: 'IMG_0001.jpg',
      bytes: photo,
      checkImage: cache.checkImage,
    });
    await cache.prepare(again.attachment);
    expect(vi.mocked(normaliseAttached)).not.toHaveBeenCalled();
    expect((await store.open(caseId)).case.attachments.map((a) => a.checklistItemId)).toEqual([
      'subject-certificate',
      'office-premises-proof',
    ]);
  });

  it('stores the copy made while checking the photo, without reading the original back', async () => {
    const photo = await phonePhoto();
    const { store, caseId, cache, add, originalReads } = await cachedStore();
    const { attachment } = await add(photo);
    await cache.prepare(attachment);
    expect(originalReads).toEqual([]);
    // The copy is the one normalising the original makes: upright, no EXIF, stored encrypted and readable.
    const expected = await normaliseImage(photo, uploadProfile('aliyun'), 'IMG_0001.jpg');
    const scan = await new ScanCache(storeScanStore(store, caseId), () => {
      throw new Error('the original is not read');
    }).scanSource(attachment, 'aliyun');
    expect(scan).toMatchObject({ reencoded: true, width: 1400, height: 2000 });
    expect(Buffer.from(await scan.read()).equals(Buffer.from(expected.bytes))).toBe(true);
  });

  it.each([
    ['cut short behind its end marker', (b: Buffer) => Buffer.concat([b.subarray(0, -3000), b.subarray(-2)])],
    ['cut to half', (b: Buffer) => b.subarray(0, b.length >> 1)],
  ])('refuses a photo %s as the store’s own check does, and stores nothing', async (_label, damage) => {
    // Noise, so the cut loses pixels; EXIF orientation, so its copy is re-encoded (not passed through).
    const raw = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
    const whole = await sharp(raw, { raw: { width: 1600, height: 1200, channels: 3 } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const { store, caseId, add } = await cachedStore();
    expect(await failure(add(new Uint8Array(damage(whole))))).toMatchObject({ code: 'attachmentUnreadable' });
    expect((await store.open(caseId)).case.attachments).toEqual([]);
    await add(new Uint8Array(whole));
    expect((await store.open(caseId)).case.attachments).toHaveLength(1);
  });

  it('checks a scan no profile can take with the store’s own decode and attaches it', async () => {
    const tiny = new Uint8Array(
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
        .jpeg()
        .toBuffer(),
    );
    const { cache, add } = await cachedStore();
    const { attachment } = await add(tiny, 'tiny.jpg');
    await expect(cache.prepare(attachment)).resolves.toBeUndefined();
    expect(await failure(add(new Uint8Array(tiny.subarray(0, tiny.length >> 1))))).toMatchObject({
      code: 'attachmentUnreadable',
    });
  });
});

describe('normalised scans in a CLI case folder', () => {
  it('writes the copy and its note beside the original; a read-only folder only costs the cache', async () => {
    const dir = await tempDir('icp-scan-folder-');
    const photo = await phonePhoto();
    const id = sha256Hex(photo);
    let reads = 0;
    const read = async () => {
      reads++;
      return photo;
    };
    const meta = { id, mediaType: 'image/jpeg', originalName: 'IMG_0001.jpg' } as const;
    const first = await new ScanCache(folderScanStore(dir), read).scanSource(
      { ...meta, checklistItemId: 'x', bytes: photo.length, addedAt: '', validFrom: '', validTo: '' },
      'aliyun',
    );
    const names = await readdir(dir);
    expect(names).toContain(`${first.sha256}.jpg`);
    expect(names).toContain(`${id}.${normalisationKey(uploadProfile('aliyun'))}.scan.json`);
    reads = 0;
    const again = await new ScanCache(folderScanStore(dir), read).scanSource(
      { ...meta, checklistItemId: 'x', bytes: photo.length, addedAt: '', validFrom: '', validTo: '' },
      'aliyun',
    );
    expect(sha256Hex(await again.read())).toBe(first.sha256);
    expect(reads).toBe(0);

    // A folder that cannot be written: the build still gets its copy, from memory.
    const missing = path.join(dir, 'not-a-dir.txt');
    await (await import('node:fs/promises')).writeFile(missing, 'x');
    const unwritable = await new ScanCache(folderScanStore(path.join(missing, 'sub')), read).scanSource(
      { ...meta, checklistItemId: 'x', bytes: photo.length, addedAt: '', validFrom: '', validTo: '' },
      'aliyun',
    );
    expect(sha256Hex(await unwritable.read())).toBe(first.sha256);
  });
});

describe('sharp limits', () => {
  it('bounds libvips’ cache and threads, and runs one normalisation at a time', async () => {
    // The limits are set when sharp is first loaded (host/packet/sharp.ts), not when a module imports it.
    expect(await loadSharp()).toBe(sharp);
    // Two threads on two cores and more, also where sharp alone would choose one (Linux with glibc).
    expect(sharp.concurrency()).toBe(SHARP_LIMITS.threads);
    expect(SHARP_LIMITS.threads).toBe(Math.min(2, availableParallelism()));
    const cache = sharp.cache();
    expect(cache.memory.max).toBe(SHARP_LIMITS.cacheMemoryMb);
    expect(cache.items.max).toBe(SHARP_LIMITS.cacheItems);
    expect(cache.files.max).toBe(0);

    // Track how many sharp pipelines run at once while four photos are normalised together.
    const photos = await Promise.all([1, 2, 3, 4].map((i) => phonePhoto(1600 + i * 10, 1200)));
    let active = 0;
    let most = 0;
    const timer = setInterval(() => {
      active = sharp.counters().process;
      most = Math.max(most, active);
    }, 1);
    await Promise.all(photos.map((p) => normaliseImage(p, uploadProfile('aliyun'), 'p.jpg')));
    clearInterval(timer);
    expect(most).toBeLessThanOrEqual(SHARP_JOBS);
  });
});
