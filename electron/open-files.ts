/**
 * `.icpcase` files the OS hands the app — double-clicked in Finder (macOS `open-file`, possibly before the
 * app is ready) or Explorer (Windows and Linux: the command line of the first start, or of a second launch
 * that Electron forwards as `second-instance`) — and the files picked in File → Open Recent. Each goes into
 * the app's one import flow: main puts the checked path behind an import token (electron/ipc/cases.ts
 * `offerCaseFile`), the renderer imports it with `case:import { importToken }`, with the same checks,
 * passphrase prompt and messages as a file picked in the Open dialog.
 *
 * Nothing on a command line is trusted: only an argument naming an existing regular file that ends in
 * `.icpcase` and is no larger than an import may be, is offered; everything else is ignored with a log line
 * (which never holds the argument itself: it may be a path inside the user's documents).
 *
 * No electron import: the decisions run in plain Node under test; bootstrap wires them to `app`.
 */
import { stat as fsStat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenRequest } from './contract';
import { ICPCASE_LIMITS } from '../host/store/icpcase';

export const CASE_FILE_EXTENSION = '.icpcase';

export type CaseFileCheck =
  { ok: true; file: string } | { ok: false; refused: Extract<OpenRequest, { refused: unknown }>['refused'] };

type Stat = (file: string) => Promise<{ isFile(): boolean; size: number }>;

/** Whether `candidate` (made absolute against `cwd`) may be offered for import, and if not, why. */
export async function checkCaseFile(
  candidate: string,
  cwd: string,
  stat: Stat = fsStat,
): Promise<CaseFileCheck> {
  if (candidate.includes('\0') || !candidate.toLowerCase().endsWith(CASE_FILE_EXTENSION))
    return { ok: false, refused: 'notCaseFile' };
  const file = path.resolve(cwd, candidate);
  let info: Awaited<ReturnType<Stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      refused: code === 'ENOENT' || code === 'ENOTDIR' ? 'caseFileMissing' : 'caseFileUnreadable',
    };
  }
  if (!info.isFile()) return { ok: false, refused: 'notCaseFile' };
  if (info.size > ICPCASE_LIMITS.maxTotalBytes) return { ok: false, refused: 'importTooLarge' };
  return { ok: true, file };
}

/**
 * The arguments of a command line that may name files: everything after the executable (and, unpackaged,
 * after the app folder `electron .` is given), minus switches — Chromium adds its own to a second
 * instance's argv (`--allow-file-access-from-files`, `--original-process-start-time=…`).
 */
export function fileArguments(argv: readonly string[], isPackaged: boolean): string[] {
  return argv.slice(isPackaged ? 1 : 2).filter((arg) => arg !== '' && !arg.startsWith('-'));
}

export interface OpenFilesLog {
  info(message: string): void;
}

/** What the opener hands requests to, once the handlers and the window exist. */
export interface CaseFileOpenerLinks {
  /** Puts a checked file behind an import token (offerCaseFile). */
  offer: (file: string) => string;
  /** Sends `case:openRequested` to the window; false when there is no renderer to receive it. */
  send: (request: OpenRequest) => boolean;
}

type Queued = { file: string } | { refused: Extract<OpenRequest, { refused: unknown }>['refused'] };

/**
 * Collects what the OS asks to open and hands it to the renderer in order: queued until the renderer asks
 * for it (`take`, at start-up, before its first screen) and sent as an event once it listens. Requests
 * that arrive before the handlers exist (macOS `open-file` before `ready`) wait as checked paths.
 */
export class CaseFileOpener {
  readonly #queue: Queued[] = [];
  #links: CaseFileOpenerLinks | null = null;
  #rendererListening = false;
  /** Checks in flight, so `take` never overtakes an open that arrived before it. */
  #pending: Promise<void> = Promise.resolve();
  readonly #log: OpenFilesLog;
  readonly #stat: Stat | undefined;

  constructor(log: OpenFilesLog, stat?: Stat) {
    this.#log = log;
    this.#stat = stat;
  }

  /** Connects the opener to the handlers and the window, once they exist (after `ready`). */
  connect(links: CaseFileOpenerLinks): void {
    this.#links = links;
  }

  /**
   * A file the OS or Open Recent asks to open. `quiet`: a command-line argument that is not an `.icpcase`
   * (anything a shortcut or script passes) is ignored with a log line rather than shown to the user.
   */
  open(candidate: string, cwd: string, options: { quiet?: boolean } = {}): Promise<CaseFileCheck> {
    const work = this.#pending.then(async () => {
      const check = await checkCaseFile(candidate, cwd, this.#stat);
      if (!check.ok) {
        this.#log.info(`ignored a file the system asked to open: ${check.refused}`);
        if (!(options.quiet && check.refused === 'notCaseFile')) this.#deliver({ refused: check.refused });
      } else {
        this.#deliver({ file: check.file });
      }
      return check;
    });
    this.#pending = work.then(
      () => undefined,
      () => undefined,
    );
    return work;
  }

  /** Every file argument of a command line (first start, or a second instance's). */
  async openArguments(argv: readonly string[], cwd: string, isPackaged: boolean): Promise<void> {
    for (const arg of fileArguments(argv, isPackaged)) await this.open(arg, cwd, { quiet: true });
  }

  /** The requests waiting for the renderer, in order; from now on new ones are sent as they come. */
  async take(): Promise<OpenRequest[]> {
    await this.#pending;
    this.#rendererListening = true;
    return this.#queue.splice(0).map((item) => this.#request(item));
  }

  /** The window is gone or reloading: queue again until the renderer asks. */
  rendererGone(): void {
    this.#rendererListening = false;
  }

  #deliver(item: Queued): void {
    if (this.#links && this.#rendererListening && this.#links.send(this.#request(item))) return;
    this.#queue.push(item);
  }

  #request(item: Queued): OpenRequest {
    if ('refused' in item) return { refused: item.refused };
    if (!this.#links) throw new Error('CaseFileOpener used before connect()');
    return { importToken: this.#links.offer(item.file) };
  }
}
