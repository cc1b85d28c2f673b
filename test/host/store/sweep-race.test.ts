/**
 * Issue 22 point 0 — "a race loses the first export": the scans of a new case are normalised in the
 * background, and their copies and notes are written outside the case lock; `open()` (which `packet:build`
 * calls) swept every temp file of the case, so it deleted one between its write and its rename, and the
 * export failed with ENOENT. These tests hold a write exactly there (a latch in the injected file system)
 * and run the sweep in between. On the code before the fix both writes failed with ENOENT.
 *
 * Issue 22 point 11 — renames on Windows fail for a moment while an antivirus holds the file (EPERM, EBUSY,
 * EACCES): they are retried, as graceful-fs does. Before the fix the save failed at the first EPERM.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeFs, type StoreFs } from '../../../host/store/atomic-file';
import { newStore, removeTempDirs } from './helpers';

afterEach(removeTempDirs);

/** A file system whose first rename of a temp file (once armed) waits until the test releases it. */
function latchedFs() {
  let armed = false;
  let reached!: () => void;
  let release!: () => void;
  const atRename = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fs: StoreFs = {
    ...nodeFs,
    rename: async (from, to) => {
      if (armed && String(from).endsWith('.tmp')) {
        armed = false;
        reached();
        await gate;
      }
      return fsp.rename(from, to);
    },
  };
  return { fs, arm: () => (armed = true), atRename, release };
}

describe('the temp-file sweep of open() and writes outside the case lock (issue 22 point 0)', () => {
  it.each(['writeScanNote', 'storeDerivedBlob'] as const)(
    'a %s paused between its write and its rename survives an open() in between',
    async (write) => {
      const latch = latchedFs();
      const store = await newStore({ fs: latch.fs });
      const c = await store.create({ name: 'Race' });
      const blob = randomBytes(600);
      latch.arm();
      const pending =
        write === 'writeScanNote'
          ? store.writeScanNote(c.id, 'a'.repeat(64), '0123456789abcdef', Buffer.from('{"n":1}'))
          : store.storeDerivedBlob(c.id, blob);
      await latch.atRename;
      await store.open(c.id); // the sweep runs while the write waits at its rename
      latch.release();
      await pending;
      if (write === 'writeScanNote')
        expect((await store.readScanNote(c.id, 'a'.repeat(64), '0123456789abcdef'))?.toString()).toBe(
          '{"n":1}',
        );
      else
        expect(
          await store.hasBlob(c.id, (await import('../../../host/store/attachments')).sha256Hex(blob)),
        ).toBe(true);
    },
  );

  it('still clears temp files a crash left long ago, and leaves young ones another process may own', async () => {
    const store = await newStore();
    const c = await store.create({ name: 'Leftovers' });
    const dir = path.join(store.root, 'cases', c.id, 'attachments');
    await fsp.mkdir(dir, { recursive: true });
    const old = path.join(dir, `.${'b'.repeat(64)}.enc.0123456789abcdef.tmp`);
    const young = path.join(dir, `.${'c'.repeat(64)}.enc.fedcba9876543210.tmp`);
    await writeFile(old, 'left by a crash');
    await writeFile(young, 'being written elsewhere');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(old, anHourAgo, anHourAgo);
    await store.open(c.id);
    expect(await readdir(dir)).toEqual([path.basename(young)]);
  });
});

describe('renames retried while another program holds the file (issue 22 point 11)', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])(
    'a save whose rename fails twice with %s still saves',
    async (code) => {
      let failures = 0;
      let armed = false;
      const fs: StoreFs = {
        ...nodeFs,
        rename: async (from, to) => {
          if (armed && failures < 2 && String(from).endsWith('.tmp')) {
            failures++;
            throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
          }
          return fsp.rename(from, to);
        },
      };
      const store = await newStore({ fs });
      const c = await store.create({ name: 'Before' });
      armed = true;
      const saved = await store.save({ ...(await store.open(c.id)).case, name: 'After' });
      expect(failures).toBe(2);
      expect(saved.name).toBe('After');
      expect((await (await newStore({ root: store.root })).open(c.id)).case.name).toBe('After');
    },
  );

  it('gives up on an error that is not passing (ENOENT) at once', async () => {
    let calls = 0;
    const fs: StoreFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (String(from).endsWith('.tmp') && String(to).endsWith('case.json.enc') && calls++ >= 0)
          throw Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' });
        return fsp.rename(from, to);
      },
    };
    const store = await newStore({ fs });
    await expect(store.create({ name: 'x' })).rejects.toThrow(/ENOENT/);
    expect(calls).toBe(1);
  });
});
