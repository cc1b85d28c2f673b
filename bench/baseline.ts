/**
 * The code the packet bench compares against: a git revision of this repository, extracted once into the temp
 * folder (`git archive`, so no worktree is registered and an interrupted bench leaves nothing in `.git`) with
 * this checkout's node_modules linked in, so both builds run on the same libraries in the same bench run.
 *
 * The revision is `BENCH_BASELINE` when set (any commit-ish), else the commit before issue 26's packet work.
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** main when issue 26's packet work merged it last: everything but that work, so old and new differ only by it. */
export const DEFAULT_BASELINE = 'fc47e2968273bbb0ad328013ca1c2d9abc4a1035';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** The extracted baseline tree for `root`'s repository; made on first use and kept for later runs. */
export async function baselineTree(root: string): Promise<{ commit: string; dir: string }> {
  const wanted = process.env.BENCH_BASELINE || DEFAULT_BASELINE;
  const { stdout } = await exec('git', ['-C', root, 'rev-parse', '--verify', `${wanted}^{commit}`]);
  const commit = stdout.trim();
  const dir = path.join(tmpdir(), `icp-packet-bench-baseline-${commit.slice(0, 12)}`);
  if (await exists(path.join(dir, 'package.json'))) return { commit, dir };
  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const archive = path.join(partial, '.baseline.tar');
    await exec('git', ['-C', root, 'archive', '--format=tar', '-o', archive, commit]);
    await exec('tar', ['-xf', archive, '-C', partial]);
    await rm(archive);
    await symlink(path.join(root, 'node_modules'), path.join(partial, 'node_modules'), 'dir');
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return { commit, dir };
}
