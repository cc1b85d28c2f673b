import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appendLineDurable, nodeFs, writeFileAtomic } from '../../../host/store/atomic-file';
import { isStoreError } from '../../../host/store/errors';
import { diskFullFs, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('writeFileAtomic', () => {
  it('replaces a file and keeps five rolling backups, newest first', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc');
    for (let v = 1; v <= 8; v++) await writeFileAtomic(nodeFs, file, Buffer.from(`v${v}`), { backups: 5 });
    expect(await readFile(file, 'utf8')).toBe('v8');
    for (let n = 1; n <= 5; n++) expect(await readFile(`${file}.${n}`, 'utf8')).toBe(`v${8 - n}`);
    expect((await readdir(dir)).sort()).toEqual(['doc', 'doc.1', 'doc.2', 'doc.3', 'doc.4', 'doc.5']);
  });

  it('on ENOSPC leaves the old file and its backups byte-identical, removes the temp file, and says diskFull', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc');
    await writeFileAtomic(nodeFs, file, Buffer.from('first'), { backups: 5 });
    await writeFileAtomic(nodeFs, file, Buffer.from('second'), { backups: 5 });
    const error = await writeFileAtomic(diskFullFs(), file, Buffer.from('third, never complete'), {
      backups: 5,
    }).catch((e) => e);
    expect(isStoreError(error, 'diskFull')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('second');
    expect(await readFile(`${file}.1`, 'utf8')).toBe('first');
    expect((await readdir(dir)).sort()).toEqual(['doc', 'doc.1']);
  });
});

describe('appendLineDurable', () => {
  it('starts a fresh line after a record a crash cut short', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'log');
    await appendLineDurable(nodeFs, file, 'one');
    await writeFile(file, 'one\ntw', { flag: 'w' });
    await appendLineDurable(nodeFs, file, 'three');
    expect((await readFile(file, 'utf8')).split('\n')).toEqual(['one', 'tw', 'three', '']);
  });
});
