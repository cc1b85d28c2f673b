import { mkdir, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../../core/model/case';
import { CaseStore, suggestedFileName } from '../../../host/store/case-store';
import { Purpose, decrypt, encrypt } from '../../../host/store/crypto';
import { loadDataKey } from '../../../host/store/keys';
import { nodeFs } from '../../../host/store/atomic-file';
import { sha256Hex } from '../../../host/store/attachments';
import {
  caseFile,
  diskFullFs,
  failure,
  fastPassphrase,
  jpeg,
  newStore,
  pdf,
  png,
  removeTempDirs,
  snapshot,
  tempDir,
} from './helpers';

afterEach(removeTempDirs);

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x40;
  return copy;
}

describe('CaseStore: create, list, open, save', () => {
  it('creates a case on disk, encrypted, and lists it with its summary', async () => {
    const store = await newStore();
    const c = await store.create({ name: '澜岸 mini-program' });
    const files = (await readdir(path.join(store.root, 'cases', c.id))).sort();
    expect(files).toEqual(['attachments', 'case.json.enc', 'history.jsonl.enc']);
    const onDisk = await readFile(caseFile(store.root, c.id));
    expect(onDisk.includes(Buffer.from('澜岸'))).toBe(false);
    expect(await store.list()).toEqual([
      expect.objectContaining({
        id: c.id,
        name: '澜岸 mini-program',
        readable: true,
        status: 'draft',
        progress: 0,
      }),
    ]);
  });

  it('saves edits and reopens them in a new store instance', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Acme' });
    const saved = await store.save({
      ...c,
      subject: { ...c.subject, name: '上海澜岸贸易有限公司' },
      answers: { ...c.answers, surfaces: ['website'] },
    });
    expect(saved.updatedAt >= c.updatedAt).toBe(true);
    const reopened = new CaseStore({ root: store.root, keyProvider: fastPassphrase() });
    const { case: back } = await reopened.open(c.id);
    expect(back.subject.name).toBe('上海澜岸贸易有限公司');
    expect(back.answers.surfaces).toEqual(['website']);
    expect((await reopened.list())[0]).toMatchObject({ pathway: { surfaces: ['website'], subject: null } });
  });

  it('keeps five backups, newest first, each a complete earlier version', async () => {
    const store = await newStore();
    let c = await store.create({ name: 'v0' });
    for (let v = 1; v <= 7; v++) c = await store.save({ ...c, name: `v${v}` });
    const dir = path.join(store.root, 'cases', c.id);
    const names = (await readdir(dir)).filter((n) => n.startsWith('case.json.enc')).sort();
    expect(names).toEqual(['case.json.enc', ...[1, 2, 3, 4, 5].map((n) => `case.json.enc.${n}`)]);
    const key = await loadDataKey(nodeFs, store.root, fastPassphrase(), false);
    for (let n = 1; n <= 5; n++) {
      const plain = decrypt(
        key,
        await readFile(path.join(dir, `case.json.enc.${n}`)),
        Purpose.caseDocument,
        `case:${c.id}`,
      );
      expect(JSON.parse(plain.toString('utf8')).name).toBe(`v${7 - n}`);
    }
  });

  it('does not write when nothing changed', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Same' });
    const before = await snapshot(store.root);
    await store.save({ ...c, updatedAt: '2030-01-01T00:00:00.000Z' });
    expect(await snapshot(store.root)).toEqual(before);
  });

  it('refuses invalid case data and unknown ids without touching files', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Valid' });
    const before = await snapshot(store.root);
    expect((await failure(store.save({ ...c, answers: { surfaces: ['carrier-pigeon'] } }))).code).toBe(
      'caseInvalid',
    );
    expect((await failure(store.save({ ...c, schemaVersion: 99 }))).code).toBe('caseNewerVersion');
    expect((await failure(store.open('../../etc'))).code).toBe('notFound');
    expect((await failure(store.open('00000000-0000-4000-8000-000000000000'))).code).toBe('notFound');
    expect((await failure(store.save({ ...c, id: '00000000-0000-4000-8000-000000000000' }))).code).toBe(
      'notFound',
    );
    expect(await snapshot(store.root)).toEqual(before);
  });

  it('serialises concurrent saves of one case', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'n' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.save({ ...c, name: `n${i}` })));
    expect((await store.open(c.id)).case.name).toBe('n19');
    expect((await store.history(c.id)).filter((e) => e.kind === 'edit')).toHaveLength(20);
  });
});

describe('CaseStore: concurrent work', () => {
  it('lists while cases are being created without disturbing them', async () => {
    const store = await newStore();
    await store.list();
    const work = await Promise.all([
      store.create({ name: 'one' }),
      store.list(),
      store.create({ name: 'two' }),
      store.list(),
      store.create({ name: 'three' }),
    ]);
    expect((await store.list()).map((e) => (e.readable ? e.name : '')).sort()).toEqual([
      'one',
      'three',
      'two',
    ]);
    expect(work).toHaveLength(5);
  });

  it('clears a half-built case folder a crash left behind', async () => {
    const store = await newStore();
    await store.create({ name: 'kept' });
    const leftover = path.join(store.root, 'cases', '.new-0123456789abcdef');
    await mkdir(path.join(leftover, 'attachments'), { recursive: true });
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(leftover, old, old);
    await store.list();
    expect(await readdir(path.join(store.root, 'cases'))).not.toContain('.new-0123456789abcdef');
  });
});

describe('CaseStore: rename, duplicate, trash', () => {
  it('renames', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Old' });
    await store.rename(c.id, '新名字');
    expect((await store.open(c.id)).case.name).toBe('新名字');
  });

  it('records a turn still coming in the one write that adds the file, and adds it without a look that failed', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Turns' });
    const before = (await store.history(c.id)).length;
    let answer!: (turn: 90) => void;
    const adding = store.addAttachment(c.id, {
      checklistItemId: 'licence',
      fileName: 'side.jpg',
      bytes: jpeg(100, 50),
      turnToUpright: new Promise<90>((resolve) => (answer = resolve)),
    });
    answer(90);
    expect((await adding).attachment.turnToUpright).toBe(90);
    expect((await store.open(c.id)).case.attachments).toEqual([
      expect.objectContaining({ turnToUpright: 90 }),
    ]);
    expect(await store.history(c.id)).toHaveLength(before + 1);
    const lost = Promise.reject(new Error('the reader stopped'));
    const { attachment } = await store.addAttachment(c.id, {
      checklistItemId: 'id',
      fileName: 'x.png',
      bytes: png(4, 4),
      turnToUpright: lost,
    });
    expect(attachment).not.toHaveProperty('turnToUpright');
    // A refused file whose look then fails: the store's refusal, and no rejection left unhandled (vitest
    // fails the run on one).
    const refused = store.addAttachment(c.id, {
      checklistItemId: 'id',
      fileName: 'x.gif',
      bytes: Buffer.from('GIF89a....'),
      turnToUpright: new Promise((_resolve, reject) => setImmediate(() => reject(new Error('stopped')))),
    });
    expect((await failure(refused)).code).toBe('attachmentType');
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('duplicates with a new id, the attachments and a fresh history', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Original' });
    const { attachment } = await store.addAttachment(c.id, {
      checklistItemId: 'licence',
      fileName: '执照.jpg',
      bytes: jpeg(100, 50),
    });
    const copy = await store.duplicate(c.id, 'Copy');
    expect(copy.id).not.toBe(c.id);
    expect((await store.open(copy.id)).case).toMatchObject({
      name: 'Copy',
      attachments: [expect.objectContaining({ originalName: '执照.jpg' })],
    });
    expect((await store.readAttachment(copy.id, attachment.id)).bytes.equals(jpeg(100, 50))).toBe(true);
    expect((await store.history(copy.id)).map((e) => e.kind)).toEqual(['duplicated']);
    expect((await store.list()).map((e) => e.id).sort()).toEqual([c.id, copy.id].sort());
  });

  it('deletes to a recoverable trash and restores from it intact', async () => {
    const store = await newStore();
    const keep = await store.create({ name: 'Keep' });
    const c = await store.create({ name: 'Delete me' });
    await store.addAttachment(c.id, { checklistItemId: 'id', fileName: 'x.png', bytes: png(4, 4) });
    const before = await snapshot(path.join(store.root, 'cases', c.id));

    await store.delete(c.id);
    expect((await store.list()).map((e) => e.id)).toEqual([keep.id]);
    expect(await store.listTrash()).toEqual([
      { id: c.id, name: 'Delete me', deletedAt: expect.any(String), readable: true },
    ]);
    expect((await failure(store.open(c.id))).code).toBe('notFound');

    const restored = await store.restoreFromTrash(c.id);
    expect(restored).toMatchObject({ id: c.id, readable: true, name: 'Delete me' });
    expect(await snapshot(path.join(store.root, 'cases', c.id))).toEqual(before);
    expect(await store.listTrash()).toEqual([]);
    expect((await failure(store.restoreFromTrash(c.id))).code).toBe('notFound');
  });

  it('purges from the trash only when asked', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Gone' });
    await store.delete(c.id);
    await store.purgeFromTrash(c.id);
    expect(await store.listTrash()).toEqual([]);
    expect((await failure(store.restoreFromTrash(c.id))).code).toBe('notFound');
  });
});

describe('CaseStore: history and undo', () => {
  it('records time, path, old and new value of every change', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'History' });
    await store.save({ ...c, subject: { ...c.subject, name: '甲公司' } });
    const log = await store.history(c.id);
    expect(log.map((e) => e.kind)).toEqual(['created', 'edit']);
    expect(log[1]).toMatchObject({
      at: expect.any(String),
      changes: [{ path: ['subject', 'name'], old: '', new: '甲公司' }],
    });
    const raw = await readFile(path.join(store.root, 'cases', c.id, 'history.jsonl.enc'), 'utf8');
    expect(raw.includes('甲公司')).toBe(false);
  });

  it('undoes edits one by one back to the created case, then reports nothing to undo', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'A' });
    const b = await store.save({ ...c, name: 'B' });
    await store.save({
      ...b,
      services: [{ kind: 'website', id: 's1', name: 'Shop', domains: ['example.cn'] }],
    });
    let r = await store.undo(c.id);
    expect(r).toMatchObject({ undone: true, case: { name: 'B', services: [] } });
    r = await store.undo(c.id);
    expect(r).toMatchObject({ undone: true, case: { name: 'A' } });
    expect((await store.undo(c.id)).undone).toBe(false);
    expect((await store.open(c.id)).case.name).toBe('A');
    expect((await store.history(c.id)).map((e) => e.kind)).toEqual([
      'created',
      'edit',
      'edit',
      'undo',
      'undo',
    ]);
  });

  it('undoes an attachment removal, bringing the file back', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Att' });
    const { attachment } = await store.addAttachment(c.id, {
      checklistItemId: 'licence',
      fileName: 'a.jpg',
      bytes: jpeg(20, 20),
    });
    await store.removeAttachment(c.id, attachment.id, 'licence');
    expect((await store.open(c.id)).case.attachments).toEqual([]);
    await store.undo(c.id);
    expect((await store.readAttachment(c.id, attachment.id)).bytes.equals(jpeg(20, 20))).toBe(true);
  });

  it('skips a logged edit whose document write never happened (crash between the two writes)', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'A' });
    await store.save({ ...c, name: 'B' });
    // Simulate the crash: the log gained a record for C, the document still says B.
    const file = caseFile(store.root, c.id);
    const saved = await readFile(file);
    await store.save({ ...(await store.open(c.id)).case, name: 'C' });
    await writeFile(file, saved);
    expect((await store.undo(c.id)).case.name).toBe('A');
  });

  it('skips a history line cut short by a crash', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'A' });
    await store.save({ ...c, name: 'B' });
    const log = path.join(store.root, 'cases', c.id, 'history.jsonl.enc');
    await writeFile(log, (await readFile(log, 'utf8')) + 'SUNQRQEDtruncat', { flag: 'w' });
    expect((await store.history(c.id)).map((e) => e.kind)).toEqual(['created', 'edit']);
    await store.save({ ...(await store.open(c.id)).case, name: 'C' });
    expect((await store.history(c.id)).map((e) => e.kind)).toEqual(['created', 'edit', 'edit']);
  });
});

describe('CaseStore: attachments', () => {
  it('stores each file once by SHA-256, encrypted, with its facts and original Chinese name', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Files' });
    const bytes = jpeg(1240, 1754, 5000);
    const first = await store.addAttachment(c.id, {
      checklistItemId: 'licence',
      fileName: '营业执照.jpg',
      bytes,
    });
    expect(first.attachment).toMatchObject({
      id: sha256Hex(bytes),
      checklistItemId: 'licence',
      originalName: '营业执照.jpg',
      mediaType: 'image/jpeg',
      bytes: bytes.length,
      widthPx: 1240,
      heightPx: 1754,
    });
    await store.addAttachment(c.id, { checklistItemId: 'licence', fileName: 'again.jpg', bytes });
    await store.addAttachment(c.id, { checklistItemId: 'other-item', fileName: 'same file.jpg', bytes });
    const dir = path.join(store.root, 'cases', c.id, 'attachments');
    expect(await readdir(dir)).toEqual([`${sha256Hex(bytes)}.enc`]);
    expect(
      (await readFile(path.join(dir, `${sha256Hex(bytes)}.enc`))).includes(bytes.subarray(200, 400)),
    ).toBe(false);
    expect((await store.open(c.id)).case.attachments.map((a) => a.checklistItemId)).toEqual([
      'licence',
      'other-item',
    ]);

    const pdfBytes = await pdf(2);
    const added = await store.addAttachment(c.id, {
      checklistItemId: 'permit',
      fileName: '许可证.pdf',
      bytes: pdfBytes,
    });
    expect(added.attachment).toMatchObject({ mediaType: 'application/pdf', pages: 2 });
    const read = await store.readAttachment(c.id, added.attachment.id);
    expect(read.bytes.equals(pdfBytes)).toBe(true);
    expect(read.meta.originalName).toBe('许可证.pdf');
  });

  it('refuses wrong types and oversized files before writing anything', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Refuse' });
    const before = await snapshot(store.root);
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect(
      await failure(store.addAttachment(c.id, { checklistItemId: 'x', fileName: 'photo.jpg', bytes: gif })),
    ).toEqual({
      code: 'attachmentType',
      details: { found: 'gif' },
    });
    const big = Buffer.concat([jpeg(1, 1), Buffer.alloc(21 * 1024 * 1024)]);
    expect(
      (await failure(store.addAttachment(c.id, { checklistItemId: 'x', fileName: 'big.jpg', bytes: big })))
        .code,
    ).toBe('attachmentTooLarge');
    expect(await snapshot(store.root)).toEqual(before);
  });

  it('detects a bit-flipped or truncated attachment on read', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Damaged' });
    const { attachment } = await store.addAttachment(c.id, {
      checklistItemId: 'x',
      fileName: 'a.png',
      bytes: png(2, 2),
    });
    const file = path.join(store.root, 'cases', c.id, 'attachments', `${attachment.id}.enc`);
    const good = await readFile(file);
    await writeFile(file, flipByte(good, 30));
    expect((await failure(store.readAttachment(c.id, attachment.id))).code).toBe('attachmentDamaged');
    await writeFile(file, good.subarray(0, good.length - 5));
    expect((await failure(store.readAttachment(c.id, attachment.id))).code).toBe('attachmentDamaged');
    await rm(file);
    expect((await failure(store.readAttachment(c.id, attachment.id))).code).toBe('attachmentDamaged');
    expect((await failure(store.readAttachment(c.id, 'f'.repeat(64)))).code).toBe('notFound');
  });

  it('refuses a saved case that lists an attachment the store does not hold', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Ghost' });
    const ghost = {
      id: 'a'.repeat(64),
      checklistItemId: 'x',
      originalName: 'ghost.jpg',
      mediaType: 'image/jpeg' as const,
      bytes: 1,
      addedAt: c.createdAt,
      validFrom: '',
      validTo: '',
    };
    expect((await failure(store.save({ ...c, attachments: [ghost] }))).code).toBe('caseInvalid');
  });
});

describe('CaseStore: damaged and newer files are refused, kept, and recoverable', () => {
  async function storeWithVersions() {
    const store = await newStore();
    let c = await store.create({ name: 'v0' });
    c = await store.save({ ...c, name: 'v1' });
    c = await store.save({ ...c, name: 'v2' });
    return { store, c, file: caseFile(store.root, c.id) };
  }

  it('a bit-flipped case file: caseDamaged, untouched, newest good backup offered and restorable', async () => {
    const { store, c, file } = await storeWithVersions();
    await writeFile(file, flipByte(await readFile(file), 40));
    const before = await snapshot(store.root);

    expect(await failure(store.open(c.id))).toEqual({
      code: 'caseDamaged',
      details: { reason: 'auth', recoverableFromBackup: 1 },
    });
    expect(await store.list()).toEqual([
      { id: c.id, readable: false, code: 'caseDamaged', recoverableFromBackup: 1 },
    ]);
    expect((await failure(store.save({ ...c, name: 'blind overwrite' }))).code).toBe('caseDamaged');
    expect((await failure(store.rename(c.id, 'x'))).code).toBe('caseDamaged');
    expect((await failure(store.undo(c.id))).code).toBe('caseDamaged');
    expect(await snapshot(store.root)).toEqual(before);

    const damaged = await readFile(file);
    const restored = await store.restoreFromBackup(c.id, 1);
    expect(restored.name).toBe('v1');
    expect((await store.open(c.id)).case.name).toBe('v1');
    const kept = (await readdir(path.dirname(file))).filter((n) => n.includes('unreadable'));
    expect(kept).toHaveLength(1);
    expect((await readFile(path.join(path.dirname(file), kept[0]!))).equals(damaged)).toBe(true);
  });

  it('a truncated case file: caseDamaged with the backup offered', async () => {
    const { store, c, file } = await storeWithVersions();
    await truncate(file, (await stat(file)).size - 7);
    expect(await failure(store.open(c.id))).toMatchObject({
      code: 'caseDamaged',
      details: { recoverableFromBackup: 1 },
    });
    await truncate(file, 0);
    expect((await failure(store.open(c.id))).code).toBe('caseDamaged');
  });

  it('offers an older backup when the newest backups are damaged too, and none when all are', async () => {
    const { store, c, file } = await storeWithVersions();
    await writeFile(file, 'garbage');
    await writeFile(`${file}.1`, 'garbage');
    expect(await failure(store.open(c.id))).toMatchObject({ details: { recoverableFromBackup: 2 } });
    await writeFile(`${file}.2`, 'garbage');
    expect(await failure(store.open(c.id))).toEqual({ code: 'caseDamaged', details: { reason: 'format' } });
  });

  it('a case written by a newer app version: caseNewerVersion, never overwritten', async () => {
    const { store, c, file } = await storeWithVersions();
    const key = await loadDataKey(nodeFs, store.root, fastPassphrase(), false);
    const newer = {
      ...(await store.open(c.id)).case,
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
      futureField: 'x',
    };
    await writeFile(
      file,
      encrypt(key, Buffer.from(JSON.stringify(newer)), Purpose.caseDocument, `case:${c.id}`),
    );
    const before = await snapshot(store.root);
    expect(await failure(store.open(c.id))).toEqual({
      code: 'caseNewerVersion',
      details: { reason: 'newerVersion', recoverableFromBackup: 1 },
    });
    expect((await failure(store.save({ ...c, name: 'downgrade' }))).code).toBe('caseNewerVersion');
    expect(await snapshot(store.root)).toEqual(before);
  });

  it('a case document moved into another case folder is refused', async () => {
    const store = await newStore();
    const a = await store.create({ name: 'A' });
    const b = await store.create({ name: 'B' });
    await writeFile(caseFile(store.root, b.id), await readFile(caseFile(store.root, a.id)));
    expect((await failure(store.open(b.id))).code).toBe('caseDamaged');
  });

  it('restoreFromBackup refuses a missing or damaged backup', async () => {
    const { store, c, file } = await storeWithVersions();
    expect((await failure(store.restoreFromBackup(c.id, 4))).code).toBe('notFound');
    expect((await failure(store.restoreFromBackup(c.id, 9))).code).toBe('notFound');
    await writeFile(`${file}.1`, flipByte(await readFile(`${file}.1`), 50));
    expect((await failure(store.restoreFromBackup(c.id, 1))).code).toBe('caseDamaged');
  });
});

describe('CaseStore: a full disk', () => {
  it('ENOSPC during save, attachment add, create and delete: diskFull, and every file byte-identical', async () => {
    const root = await tempDir();
    let full = false;
    const store = new CaseStore({ root, keyProvider: fastPassphrase(), fs: diskFullFs(() => full) });
    const c = await store.create({ name: 'Before' });
    await store.save({ ...c, name: 'Saved' });
    const before = await snapshot(root);
    full = true;

    expect((await failure(store.save({ ...c, name: 'Lost to a full disk' }))).code).toBe('diskFull');
    expect(await snapshot(root)).toEqual(before);
    expect(
      (
        await failure(
          store.addAttachment(c.id, { checklistItemId: 'x', fileName: 'a.jpg', bytes: jpeg(5, 5) }),
        )
      ).code,
    ).toBe('diskFull');
    expect(await snapshot(root)).toEqual(before);
    expect((await failure(store.create({ name: 'New' }))).code).toBe('diskFull');
    expect((await failure(store.delete(c.id))).code).toBe('diskFull');
    expect(await snapshot(root)).toEqual(before);

    full = false;
    expect((await store.open(c.id)).case.name).toBe('Saved');
    expect((await store.save({ ...(await store.open(c.id)).case, name: 'After' })).name).toBe('After');
  });
});

describe('suggestedFileName', () => {
  it('keeps Chinese and strips characters no OS allows', () => {
    expect(suggestedFileName('澜岸: shop/app?')).toBe('澜岸 shop app.icpcase');
    expect(suggestedFileName('...')).toBe('case.icpcase');
  });
});

describe('CaseStore: derived blobs streamed piece by piece', () => {
  const join = async (pieces: AsyncIterable<Uint8Array>) => {
    const got: Uint8Array[] = [];
    for await (const piece of pieces) got.push(piece);
    return { bytes: Buffer.concat(got), sizes: got.map((p) => p.length) };
  };

  it('gives the stored bytes in pieces of at most a megabyte, checked after the last; a damaged blob throws then', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Streamed' });
    // 2.5 MB of distinct bytes: three pieces, the last one short.
    const bytes = Buffer.alloc(2_500_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) >>> 5;
    const id = await store.storeDerivedBlob(c.id, bytes);

    const read = await join(store.derivedBlobPieces(c.id, id));
    expect(read.bytes.equals(bytes)).toBe(true);
    expect(read.sizes.length).toBeGreaterThan(1);
    expect(Math.max(...read.sizes)).toBeLessThanOrEqual(1024 * 1024);

    // A flipped byte in the middle: pieces still come (unchecked), then the GCM tag fails at the end.
    const file = path.join(store.root, 'cases', c.id, 'attachments', `${id}.enc`);
    await writeFile(file, flipByte(await readFile(file), 1_500_000));
    const seen: number[] = [];
    const damaged = (async () => {
      for await (const piece of store.derivedBlobPieces(c.id, id)) seen.push(piece.length);
    })();
    await expect(damaged).rejects.toMatchObject({
      code: 'attachmentDamaged',
      details: { reason: 'decrypt' },
    });
    expect(seen.length).toBeGreaterThan(0);

    await rm(file);
    await expect(join(store.derivedBlobPieces(c.id, id))).rejects.toMatchObject({
      code: 'attachmentDamaged',
      details: { reason: 'missing' },
    });
  });
});
