import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CaseStore } from '../../../host/store/case-store';
import { isStoreError } from '../../../host/store/errors';
import { PassphraseKeyProvider, changeKeyProvider, loadDataKey } from '../../../host/store/keys';
import { nodeFs } from '../../../host/store/atomic-file';
import { fastPassphrase, jpeg, removeTempDirs, snapshot, tempDir } from './helpers';

afterEach(removeTempDirs);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isStoreError(error) ? error.code : `not a StoreError: ${String(error)}`;
  }
  return 'resolved';
}

describe('PassphraseKeyProvider', () => {
  it('wraps with the production scrypt cost and unwraps with the stored parameters', async () => {
    const key = randomBytes(32);
    const blob = await new PassphraseKeyProvider('早上好 secret').wrap(key);
    expect(blob.subarray(0, 4).toString()).toBe('ICPP');
    expect(blob[4]).toBeGreaterThanOrEqual(15); // log2 N
    expect([blob[5], blob[6]]).toEqual([8, 1]);
    expect((await new PassphraseKeyProvider('早上好 secret').unwrap(blob)).equals(key)).toBe(true);
  });

  it('rejects a wrong passphrase with wrongPassphrase', async () => {
    const blob = await fastPassphrase('right').wrap(randomBytes(32));
    expect(await codeOf(fastPassphrase('wrong').unwrap(blob))).toBe('wrongPassphrase');
  });

  it('derives the same key from composed and decomposed Unicode input', async () => {
    const key = randomBytes(32);
    const blob = await fastPassphrase('caf\u00e9').wrap(key);
    expect((await fastPassphrase('cafe\u0301').unwrap(blob)).equals(key)).toBe(true);
  });

  it('refuses crafted KDF parameters instead of allocating unbounded memory', async () => {
    const blob = await fastPassphrase().wrap(randomBytes(32));
    blob[4] = 30;
    expect(await codeOf(fastPassphrase().unwrap(blob))).toBe('keyUnavailable');
  });
});

describe('the store key', () => {
  it('a wrong passphrase opens nothing and changes no file', async () => {
    const root = await tempDir();
    const store = new CaseStore({ root, keyProvider: fastPassphrase('right') });
    const c = await store.create({ name: 'Secret case' });
    await store.addAttachment(c.id, { checklistItemId: 'licence', fileName: 'a.jpg', bytes: jpeg(10, 10) });
    const before = await snapshot(root);
    const wrong = new CaseStore({ root, keyProvider: fastPassphrase('wrong') });
    expect(await codeOf(wrong.open(c.id))).toBe('wrongPassphrase');
    expect(await codeOf(wrong.list())).toBe('wrongPassphrase');
    expect(await codeOf(wrong.save({ ...c, name: 'overwrite?' }))).toBe('wrongPassphrase');
    expect(await codeOf(wrong.create({ name: 'new' }))).toBe('wrongPassphrase');
    expect(await snapshot(root)).toEqual(before);
  });

  it('changing the passphrase re-wraps the key only: every data file stays byte-identical', async () => {
    const root = await tempDir();
    const store = new CaseStore({ root, keyProvider: fastPassphrase('old') });
    const c = await store.create({ name: 'Rewrap' });
    await store.addAttachment(c.id, { checklistItemId: 'licence', fileName: 'a.jpg', bytes: jpeg(10, 10) });
    const before = await snapshot(path.join(root, 'cases'));

    expect(
      await codeOf(changeKeyProvider(nodeFs, root, fastPassphrase('not old'), fastPassphrase('new'))),
    ).toBe('wrongPassphrase');
    await changeKeyProvider(nodeFs, root, fastPassphrase('old'), fastPassphrase('new'));

    expect(await snapshot(path.join(root, 'cases'))).toEqual(before);
    expect(await codeOf(new CaseStore({ root, keyProvider: fastPassphrase('old') }).open(c.id))).toBe(
      'wrongPassphrase',
    );
    const reopened = new CaseStore({ root, keyProvider: fastPassphrase('new') });
    expect((await reopened.open(c.id)).case.attachments).toHaveLength(1);
    expect(
      (await reopened.readAttachment(c.id, (await reopened.open(c.id)).case.attachments[0]!.id)).bytes.length,
    ).toBeGreaterThan(0);
  });

  it('two stores starting at once on an empty folder end up with one key', async () => {
    const root = await tempDir();
    const a = new CaseStore({ root, keyProvider: fastPassphrase() });
    const b = new CaseStore({ root, keyProvider: fastPassphrase() });
    const [ca, cb] = await Promise.all([a.create({ name: 'from A' }), b.create({ name: 'from B' })]);
    const fresh = new CaseStore({ root, keyProvider: fastPassphrase() });
    expect((await fresh.open(ca.id)).case.name).toBe('from A');
    expect((await fresh.open(cb.id)).case.name).toBe('from B');
  });

  it('survives a damaged keyring through its mirror, and never invents a new key for existing cases', async () => {
    const root = await tempDir();
    const c = await new CaseStore({ root, keyProvider: fastPassphrase() }).create({ name: 'Mirror' });
    await writeFile(path.join(root, 'keyring.json'), '{"format":"icp-ke');
    expect((await new CaseStore({ root, keyProvider: fastPassphrase() }).open(c.id)).case.name).toBe(
      'Mirror',
    );

    await rm(path.join(root, 'keyring.json'));
    await rm(path.join(root, 'keyring.mirror.json'));
    const before = await snapshot(root);
    expect(await codeOf(new CaseStore({ root, keyProvider: fastPassphrase() }).open(c.id))).toBe(
      'keyUnavailable',
    );
    expect(await snapshot(root)).toEqual(before);
    expect(await codeOf(loadDataKey(nodeFs, root, fastPassphrase(), false))).toBe('keyUnavailable');
  });
});
