import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, RecentFiles } from '../../electron/recent-files';

let dir: string;
let listFile: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-recent-'));
  listFile = path.join(dir, 'userData', 'recent-files.json');
  await mkdir(path.dirname(listFile), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function caseFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, 'PK\x05\x06');
  return file;
}

describe('RecentFiles', () => {
  it('lists imported and exported files newest first, once each, and keeps them across restarts', async () => {
    const [a, b] = [await caseFile('a.icpcase'), await caseFile('b.icpcase')];
    const recent = new RecentFiles(listFile, 'linux');
    expect(await recent.list()).toEqual([]);
    await recent.add(a);
    await recent.add(b);
    expect(await recent.add(a)).toEqual([a, b]);

    const afterRestart = new RecentFiles(listFile, 'linux');
    expect(await afterRestart.list()).toEqual([a, b]);
    expect(JSON.parse(await readFile(listFile, 'utf8'))).toEqual({ version: 1, files: [a, b] });
  });

  it('two files used at once are both listed (each change starts from the one before)', async () => {
    const [a, b, c] = [await caseFile('a.icpcase'), await caseFile('b.icpcase'), await caseFile('c.icpcase')];
    const recent = new RecentFiles(listFile, 'linux');
    await Promise.all([recent.add(a), recent.add(b), recent.add(c)]);
    expect(await new RecentFiles(listFile, 'linux').list()).toEqual([c, b, a]);
  });

  it(`keeps the ${MAX_RECENT_FILES} newest`, async () => {
    const recent = new RecentFiles(listFile, 'linux');
    const files: string[] = [];
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) {
      files.push(await caseFile(`case-${i}.icpcase`));
      await recent.add(files.at(-1)!);
    }
    expect(await recent.list()).toEqual(files.slice(3).reverse());
  });

  it('drops files that no longer exist, on disk too', async () => {
    const [a, b] = [await caseFile('a.icpcase'), await caseFile('b.icpcase')];
    const recent = new RecentFiles(listFile, 'linux');
    await recent.add(a);
    await recent.add(b);
    await rm(a);
    expect(await recent.list()).toEqual([b]);
    expect(await new RecentFiles(listFile, 'linux').list()).toEqual([b]);
  });

  it('on Windows and macOS one file in two spellings is one entry', async () => {
    const a = await caseFile('Acme.icpcase');
    const recent = new RecentFiles(listFile, 'win32', async () => true);
    await recent.add(a);
    expect(await recent.add(a.toUpperCase())).toEqual([a.toUpperCase()]);
    const linux = new RecentFiles(path.join(dir, 'linux.json'), 'linux', async () => true);
    await linux.add(a);
    expect(await linux.add(a.toUpperCase())).toEqual([a.toUpperCase(), a]);
  });

  it('clears, and removes one', async () => {
    const [a, b] = [await caseFile('a.icpcase'), await caseFile('b.icpcase')];
    const recent = new RecentFiles(listFile, 'linux');
    await recent.add(a);
    await recent.add(b);
    expect(await recent.remove(b)).toEqual([a]);
    await recent.clear();
    expect(await new RecentFiles(listFile, 'linux').list()).toEqual([]);
  });

  it('a damaged or foreign list file costs only the list', async () => {
    await writeFile(listFile, '{ "version": 1, "files": [');
    expect(await new RecentFiles(listFile, 'linux').list()).toEqual([]);
    await writeFile(listFile, JSON.stringify({ version: 1, files: Array(50).fill('/x.icpcase') }));
    expect(await new RecentFiles(listFile, 'linux').list()).toEqual([]);
    const a = await caseFile('a.icpcase');
    const recent = new RecentFiles(listFile, 'linux');
    expect(await recent.add(a)).toEqual([a]);
  });
});
