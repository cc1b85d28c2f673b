/**
 * Durable file writes. A file is replaced by writing a temp file in the same folder, fsyncing it, renaming it
 * over the target and fsyncing the folder, so after a crash or power cut the target holds either the old or
 * the new bytes — never a mix. Rolling backups are hard links to earlier versions (no copy, no extra I/O),
 * which is safe because no file is ever rewritten in place.
 *
 * All file-system access goes through a {@link StoreFs} so tests can inject failures such as ENOSPC.
 */
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { translateFsError } from './errors';

/** The subset of node:fs/promises the store uses; pass a wrapper to inject failures in tests. */
export type StoreFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'readFile' | 'readdir' | 'mkdir' | 'rm' | 'stat' | 'copyFile' | 'link' | 'cp'
>;

export const nodeFs: StoreFs = fsp;

const TEMP_NAME = /^\..+\.[0-9a-f]{16}\.tmp$/;

/**
 * Temp files this process is writing right now. The sweep of leftovers (removeStaleTemps) never takes one:
 * writes that are not under the case lock — a scan's normalised copy and its note, made in the background —
 * once lost their temp file to the sweep between write and rename (issue 22 point 0).
 */
const tempsInFlight = new Set<string>();

/**
 * A temp file younger than this may still be written by another process, or by this one before a restart
 * reached the rename: only older ones are leftovers of a crash.
 */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Renames that fail only because another program holds the file for a moment — on Windows an antivirus or
 * the search indexer scanning what was just written (EPERM, EBUSY, EACCES) — are retried with a growing
 * pause, as graceful-fs does: for up to 10 s on Windows, 0.5 s elsewhere (where these codes are rarely
 * passing). Any other error, or one that outlasts the budget, is thrown as it is.
 */
export const RENAME_RETRY = {
  codes: ['EPERM', 'EBUSY', 'EACCES'] as readonly string[],
  budgetMs: process.platform === 'win32' ? 10_000 : 500,
  firstPauseMs: 10,
  maxPauseMs: 250,
};

export async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  const started = Date.now();
  let pause = RENAME_RETRY.firstPauseMs;
  for (;;) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const retryable = RENAME_RETRY.codes.includes(errnoOf(error) ?? '');
      if (!retryable || Date.now() - started + pause > RENAME_RETRY.budgetMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, RENAME_RETRY.maxPauseMs);
    }
  }
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function isMissing(error: unknown): boolean {
  return errnoOf(error) === 'ENOENT';
}

/** Makes a rename (or a new file) in `dir` durable. Windows cannot fsync a folder; NTFS journals the rename. */
async function syncDir(fs: StoreFs, dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES'].includes(errnoOf(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

export function backupPath(file: string, n: number): string {
  return `${file}.${n}`;
}

/**
 * Shifts `file.1 … file.(count-1)` up by one (dropping the oldest) and makes `file.1` the current version.
 * Every step is a single rename or link, so a crash in between leaves a gap in the numbering, never a
 * damaged file.
 */
async function rotateBackups(fs: StoreFs, file: string, count: number): Promise<void> {
  for (let i = count - 1; i >= 1; i--) {
    try {
      await renameWithRetry(fs, backupPath(file, i), backupPath(file, i + 1));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  const newest = backupPath(file, 1);
  await fs.rm(newest, { force: true });
  try {
    await fs.link(file, newest);
  } catch (error) {
    if (isMissing(error)) return;
    // File systems without hard links (FAT, some network shares): fall back to a copy.
    if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EOPNOTSUPP', 'EMLINK'].includes(errnoOf(error) ?? '')) throw error;
    await fs.copyFile(file, newest);
  }
}

export interface WriteOptions {
  /** Keep this many earlier versions as `file.1` (newest) … `file.N`. */
  backups?: number;
  /** Permissions of a new file (the umask applies): 0o600 for the store's files, the default. */
  mode?: number;
}

/** Replaces `file` with `data` atomically and durably. On failure the old file is untouched and no temp file remains. */
export async function writeFileAtomic(
  fs: StoreFs,
  file: string,
  data: Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  tempsInFlight.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.backups) await rotateBackups(fs, file, options.backups);
    await renameWithRetry(fs, temp, file);
    await syncDir(fs, dir);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw translateFsError(error);
  } finally {
    tempsInFlight.delete(temp);
  }
}

/**
 * Appends one newline-terminated record and fsyncs it. A failed write is cut back off. A crash can leave only
 * the last line partial; the next append starts on a fresh line so the partial one cannot swallow it, and
 * readers skip a line that does not decode.
 */
export async function appendLineDurable(fs: StoreFs, file: string, line: string): Promise<void> {
  try {
    const handle = await fs.open(file, 'a+', 0o600);
    let isNew = false;
    try {
      const { size } = await handle.stat();
      isNew = size === 0;
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      try {
        await handle.writeFile(`${prefix}${line}\n`, 'utf8');
        await handle.sync();
      } catch (error) {
        // A full disk may have taken part of the line: cut it off so the log is exactly as before.
        await handle.truncate(size).catch(() => undefined);
        throw error;
      }
    } finally {
      await handle.close();
    }
    if (isNew) await syncDir(fs, path.dirname(file));
  } catch (error) {
    throw translateFsError(error);
  }
}

export async function readFileIfExists(fs: StoreFs, file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw translateFsError(error);
  }
}

export async function exists(fs: StoreFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw translateFsError(error);
  }
}

/**
 * Removes temp files a crash left behind in `dir` (they hold only encrypted, superseded data): those older
 * than {@link STALE_TEMP_MS} that no write of this process holds. A younger one stays until a later sweep.
 */
export async function removeStaleTemps(
  fs: StoreFs,
  dir: string,
  now: () => number = Date.now,
): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return;
    throw translateFsError(error);
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    const temp = path.join(dir, name);
    if (tempsInFlight.has(temp)) continue;
    const info = await fs.stat(temp).catch(() => undefined);
    if (!info || now() - info.mtimeMs < STALE_TEMP_MS) continue;
    await fs.rm(temp, { force: true });
  }
}
