import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readZipSafely } from '../../../host/store/zip';
import { ICPCASE_LIMITS } from '../../../host/store/icpcase';
import { failure, jpeg, newStore, pdf, removeTempDirs, snapshot } from './helpers';
import type { CaseStore } from '../../../host/store/case-store';

afterEach(removeTempDirs);

async function caseWithFiles(store: CaseStore) {
  const c = await store.create({ name: '澜岸 export' });
  await store.save({
    ...c,
    subject: { ...c.subject, name: '上海澜岸贸易有限公司', certificateNumber: '91310115MA1K4R7C5A' },
  });
  await store.addAttachment(c.id, {
    checklistItemId: 'licence',
    fileName: '营业执照.jpg',
    bytes: jpeg(800, 600, 3000),
  });
  await store.addAttachment(c.id, { checklistItemId: 'permit', fileName: '许可证.pdf', bytes: await pdf(2) });
  return (await store.open(c.id)).case;
}

/** The central-directory record of entry `index` in a zip, for patching fields an attacker controls. */
function centralRecord(zip: Uint8Array, index: number): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < index; i++) {
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return p;
}

function setDeclaredSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const p = centralRecord(out, index);
  view.setUint32(p + 24, size, true);
  view.setUint32(view.getUint32(p + 42, true) + 22, size, true); // the local header too
  return out;
}

const manifestFor = (version: number) =>
  strToU8(
    JSON.stringify({
      format: 'icpcase',
      version,
      exportedAt: '',
      caseFile: 'case.json',
      encryption: null,
      attachments: [],
    }),
  );

describe('.icpcase export and import', () => {
  it('round-trips a case with its attachments as a plain zip a recipient can open', async () => {
    const sender = await newStore();
    const original = await caseWithFiles(sender);
    const { bytes, suggestedName } = await sender.exportCase(original.id);
    expect(suggestedName).toBe('澜岸 export.icpcase');

    const names = Object.keys(unzipSync(bytes)).sort();
    expect(names).toEqual(
      ['attachments', 'case.json', 'manifest.json']
        .flatMap((n) =>
          n === 'attachments'
            ? original.attachments.map(
                (a) => `attachments/${a.id}.${a.mediaType === 'image/jpeg' ? 'jpg' : 'pdf'}`,
              )
            : [n],
        )
        .sort(),
    );

    const recipient = await newStore();
    const imported = await recipient.importCase(bytes);
    expect(imported.id).not.toBe(original.id);
    const { case: opened } = await recipient.open(imported.id);
    expect(opened.subject.name).toBe('上海澜岸贸易有限公司');
    expect(opened.attachments.map((a) => a.originalName)).toEqual(['营业执照.jpg', '许可证.pdf']);
    for (const a of original.attachments) {
      expect(
        (await recipient.readAttachment(imported.id, a.id)).bytes.equals(
          (await sender.readAttachment(original.id, a.id)).bytes,
        ),
      ).toBe(true);
    }
    expect((await recipient.history(imported.id)).map((e) => e.kind)).toEqual(['imported']);
  });

  // Uses the production scrypt cost (three derivations), hence the longer timeout.
  it(
    'with a passphrase, encrypts every entry but the manifest; the wrong or no passphrase imports nothing',
    { timeout: 30_000 },
    async () => {
      const sender = await newStore();
      const original = await caseWithFiles(sender);
      const { bytes } = await sender.exportCase(original.id, { passphrase: '交接 2026' });
      const entries = unzipSync(bytes);
      expect(
        Object.keys(entries)
          .filter((n) => n !== 'manifest.json')
          .every((n) => n.endsWith('.enc')),
      ).toBe(true);
      expect(Buffer.from(bytes).includes(Buffer.from('上海澜岸'))).toBe(false);
      expect(Buffer.from(entries['manifest.json']!).includes(Buffer.from('澜岸'))).toBe(false);

      const recipient = await newStore();
      await recipient.list();
      const before = await snapshot(recipient.root);
      expect((await failure(recipient.importCase(bytes))).code).toBe('passphraseRequired');
      expect((await failure(recipient.importCase(bytes, { passphrase: 'wrong' }))).code).toBe(
        'wrongPassphrase',
      );
      expect(await snapshot(recipient.root)).toEqual(before);
      const imported = await recipient.importCase(bytes, { passphrase: '交接 2026' });
      expect((await recipient.open(imported.id)).case.attachments).toHaveLength(2);
    },
  );
});

describe('.icpcase import refuses hostile files, writing nothing', { timeout: 20_000 }, () => {
  let store: CaseStore;
  let valid: Uint8Array;
  let before: Record<string, string>;

  beforeEach(async () => {
    store = await newStore();
    const c = await caseWithFiles(store);
    valid = (await store.exportCase(c.id)).bytes;
    before = await snapshot(store.root);
  });

  afterEach(async () => {
    expect(await snapshot(store.root)).toEqual(before);
  });

  const withEntries = (extra: Zippable): Uint8Array => zipSync({ ...unzipSync(valid), ...extra });
  /** Another case.json, with the manifest's checksum of it updated: what a damaged or hand-made export holds. */
  const withCase = (json: string): Uint8Array => {
    const files = unzipSync(valid);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
    manifest.caseSha256 = createHash('sha256').update(json).digest('hex');
    return zipSync({
      ...files,
      'case.json': strToU8(json),
      'manifest.json': strToU8(JSON.stringify(manifest)),
    });
  };

  it('path traversal', async () => {
    const error = await failure(store.importCase(withEntries({ '../../evil.sh': strToU8('rm -rf ~') })));
    expect(error).toEqual({
      code: 'importUnsafeEntry',
      details: { reason: 'pathTraversal', name: '../../evil.sh' },
    });
    expect((await failure(store.importCase(withEntries({ 'attachments/../../x': strToU8('x') })))).code).toBe(
      'importUnsafeEntry',
    );
    expect((await failure(store.importCase(withEntries({ 'a\\..\\..\\x': strToU8('x') })))).code).toBe(
      'importUnsafeEntry',
    );
  });

  it('absolute paths and drive letters', async () => {
    expect(await failure(store.importCase(withEntries({ '/etc/cron.d/x': strToU8('x') })))).toMatchObject({
      code: 'importUnsafeEntry',
      details: { reason: 'absolutePath' },
    });
    expect(await failure(store.importCase(withEntries({ 'C:/Windows/x.dll': strToU8('x') })))).toMatchObject({
      code: 'importUnsafeEntry',
      details: { reason: 'absolutePath' },
    });
  });

  it('symlink entries (Unix mode in the external attributes)', async () => {
    const link: Zippable = {
      'attachments/link': [strToU8('/home/user/.ssh/id_rsa'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
    };
    expect(await failure(store.importCase(withEntries(link)))).toEqual({
      code: 'importUnsafeEntry',
      details: { reason: 'link', name: 'attachments/link' },
    });
  });

  it('too many entries', async () => {
    const many: Zippable = {};
    for (let i = 0; i <= ICPCASE_LIMITS.maxEntries; i++) many[`pad/${i}`] = strToU8('x');
    expect((await failure(store.importCase(withEntries(many)))).code).toBe('importTooManyEntries');
  });

  it('an entry declared over the size limit', async () => {
    const zip = zipSync({ 'attachments/huge': strToU8('small, but declared huge'), ...unzipSync(valid) });
    expect(
      await failure(store.importCase(setDeclaredSize(zip, 0, ICPCASE_LIMITS.maxEntryBytes + 1))),
    ).toMatchObject({
      code: 'importTooLarge',
      details: { name: 'attachments/huge' },
    });
  });

  it('a zip bomb that declares a small size and inflates to far more', async () => {
    const bomb = zipSync({ 'manifest.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await failure(store.importCase(setDeclaredSize(bomb, 0, 1000)))).code).toBe('importTooLarge');
  });

  it('a total declared size over the limit', async () => {
    const entries: Zippable = {};
    for (let i = 0; i < 60; i++) entries[`pad/${i}`] = strToU8('x');
    let zip: Uint8Array = zipSync(entries);
    for (let i = 0; i < 60; i++) zip = setDeclaredSize(zip, i, ICPCASE_LIMITS.maxEntryBytes - 1);
    expect(await failure(store.importCase(zip))).toMatchObject({
      code: 'importTooLarge',
      details: { limitBytes: ICPCASE_LIMITS.maxTotalBytes },
    });
  });

  it('an unknown format version', async () => {
    expect(await failure(store.importCase(withEntries({ 'manifest.json': manifestFor(2) })))).toEqual({
      code: 'importUnknownVersion',
      details: { version: 2, supported: 1 },
    });
  });

  it('bad case data, a case from a newer app, a missing manifest', async () => {
    expect(
      await failure(store.importCase(withCase('{"schemaVersion":1,"id":"x","answers":{"surfaces":[7]}}'))),
    ).toMatchObject({
      code: 'importInvalid',
      details: { reason: 'caseInvalid' },
    });
    // The same case.json swapped in without its checksum: the manifest no longer matches.
    expect(
      await failure(
        store.importCase(
          withEntries({ 'case.json': strToU8('{"schemaVersion":1,"id":"x","answers":{"surfaces":[7]}}') }),
        ),
      ),
    ).toMatchObject({ code: 'importInvalid', details: { reason: 'checksumMismatch' } });
    expect((await failure(store.importCase(withCase('{"schemaVersion":9,"id":"x"}')))).code).toBe(
      'caseNewerVersion',
    );
    expect((await failure(store.importCase(withEntries({ 'case.json': strToU8('not json') })))).code).toBe(
      'importInvalid',
    );
    const noManifest = unzipSync(valid);
    delete noManifest['manifest.json'];
    expect(await failure(store.importCase(zipSync(noManifest)))).toEqual({
      code: 'importInvalid',
      details: { reason: 'noManifest' },
    });
  });

  it('a tampered attachment (content no longer matches its SHA-256)', async () => {
    const entries = unzipSync(valid);
    const name = Object.keys(entries).find((n) => n.endsWith('.jpg'))!;
    const tampered = Uint8Array.from(entries[name]!);
    tampered[tampered.length - 10]! ^= 0x01;
    expect(await failure(store.importCase(zipSync({ ...entries, [name]: tampered })))).toMatchObject({
      code: 'importInvalid',
      details: { reason: 'attachmentMismatch' },
    });
  });

  it('a truncated or bit-flipped .icpcase and a file that is no zip', async () => {
    expect((await failure(store.importCase(valid.subarray(0, valid.length - 30)))).code).toBe(
      'importInvalid',
    );
    // Flip a bit inside the first entry's data (after its local header, so no size or name field changes):
    // the entry's CRC no longer matches.
    const flipped = Uint8Array.from(valid);
    const header = new DataView(flipped.buffer);
    const dataStart = 30 + header.getUint16(26, true) + header.getUint16(28, true);
    flipped[dataStart + 5]! ^= 0x10;
    expect((await failure(store.importCase(flipped))).code).toBe('importInvalid');
    expect((await failure(store.importCase(strToU8('%PDF-1.7 definitely not a zip')))).code).toBe(
      'importInvalid',
    );
  });
});

describe('readZipSafely', () => {
  it('reads what fflate writes, stored and deflated', () => {
    const zip = zipSync({
      'a.txt': [strToU8('hello '.repeat(100)), { level: 9 }],
      'b/c.bin': [new Uint8Array([1, 2, 3]), { level: 0 }],
    });
    const files = readZipSafely(zip, ICPCASE_LIMITS);
    expect(Buffer.from(files.get('a.txt')!).toString()).toBe('hello '.repeat(100));
    expect([...files.get('b/c.bin')!]).toEqual([1, 2, 3]);
  });
});
