/**
 * File → Open Recent: the `.icpcase` files the user last imported or exported, newest first, kept in
 * `<userData>/recent-files.json`. Every path in it came from a dialog main opened itself or from main's own
 * checks of a file the OS handed it (electron/open-files.ts), never from the renderer. Files that no
 * longer exist are dropped whenever the list is read. No electron import: bootstrap mirrors the list into
 * the menu and, on macOS and Windows, the system's recent documents (app.addRecentDocument).
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { nodeFs, writeFileAtomic } from '../host/store/atomic-file';

/** How many files Open Recent lists (the length of most applications' lists). */
export const MAX_RECENT_FILES = 10;

const RecentFilesSchema = z.strictObject({
  version: z.literal(1),
  files: z.array(z.string().min(1).max(4096)).max(MAX_RECENT_FILES),
});

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

export class RecentFiles {
  #files: string[] | undefined;
  /**
   * Every operation runs after the one before it: two exports a moment apart must both end up listed, and
   * the file on disk as the last change left it.
   */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    /** Windows and macOS compare paths without case: `C:\A.icpcase` and `c:\a.icpcase` are one file. */
    private readonly platform: NodeJS.Platform,
    private readonly exists: (file: string) => Promise<boolean> = isFile,
  ) {}

  /** The recent files that still exist, newest first (the gone ones are forgotten). */
  list(): Promise<string[]> {
    return this.#serial(() => this.#present());
  }

  /** Puts `file` first (once), keeping at most MAX_RECENT_FILES. */
  add(file: string): Promise<string[]> {
    return this.#serial(async () => {
      const others = (await this.#load()).filter((f) => !this.#same(f, file));
      await this.#save([file, ...others].slice(0, MAX_RECENT_FILES));
      return this.#present();
    });
  }

  remove(file: string): Promise<string[]> {
    return this.#serial(async () => {
      await this.#save((await this.#load()).filter((f) => !this.#same(f, file)));
      return this.#present();
    });
  }

  clear(): Promise<void> {
    return this.#serial(() => this.#save([]));
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #present(): Promise<string[]> {
    const files = await this.#load();
    const present: string[] = [];
    for (const file of files) if (await this.exists(file)) present.push(file);
    if (present.length !== files.length) await this.#save(present);
    return [...present];
  }

  #same(a: string, b: string): boolean {
    return this.platform === 'win32' || this.platform === 'darwin'
      ? a.toLowerCase() === b.toLowerCase()
      : a === b;
  }

  async #load(): Promise<string[]> {
    if (this.#files) return this.#files;
    let files: string[] = [];
    try {
      const parsed = RecentFilesSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      // A damaged or foreign file only costs the list, never the start-up.
      if (parsed.success) files = parsed.data.files;
    } catch {
      files = [];
    }
    this.#files = files;
    return files;
  }

  async #save(files: string[]): Promise<void> {
    this.#files = files;
    const text = `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
    await writeFileAtomic(nodeFs, this.file, Buffer.from(text, 'utf8'));
  }
}
