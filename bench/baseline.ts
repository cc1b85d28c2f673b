/**
 * The code the packet bench compares against: a git revision of this repository, extracted once into the temp
 * folder (`git archive`, so no worktree is registered and an interrupted bench leaves nothing in `.git`) with
 * this checkout's node_modules linked in, so both builds run on the same libraries in the same bench run.
 *
 * The revision is `BENCH_BASELINE` when set (any commit-ish), else `DEFAULT_BASELINE`.
 */
import { execFile } from 'node:child_process';
import { mkdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/**
 * 62df023: the code of 35d6793 (2026-12-07: review9 and review9b, the seventh session's document fixes on
 * 1f34d27 — the sixth session's document and screen fixes, before its speed work — merged into main) with the
 * rule data main ships on 2026-12-08 (Chinese source titles, rule files' versions, rule pack edition 4; the old
 * code reads it as it is). A baseline must build the bench's packet as this checkout does: the packet's
 * manifest names each rule file's version, so a baseline with other rule data differs there (35d6793 itself
 * did, from the eighth session's titles on). And the bench case carries signed-and-returned copies of the
 * signed documents, drawn for this checkout's text: a revision from before a signed document's printed text
 * changed refuses them as stale at its export gate (26376b5, the baseline of issue 26's second round, since the
 * review fixes of that day; fc47e29, of the first round, even earlier: its case schema differs; 353449f since
 * the licence letter names the contact's post; 29cefe3 since the licence case asks for the legal
 * representative's ID and its letter and business plan changed; 1f34d27 since review9 changed what the licence
 * letter, 公司概况, business plan and security measures print). Move it forward when either happens again:
 * branch from the baseline, take the new templates or rule data, merge that branch into main.
 */
export const DEFAULT_BASELINE = '62df0239ee55dc72f8e737df4b9d504b9c308939';

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
  if (await exists(path.join(dir, 'package.json'))) {
    // A tree kept from an earlier run may link another checkout's node_modules, since moved or deleted:
    // link this checkout's, so both builds run on the same libraries.
    await rm(path.join(dir, 'node_modules'), { force: true });
    await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return { commit, dir };
  }
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
