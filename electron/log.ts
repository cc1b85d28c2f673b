/**
 * The app's local log, for support: `<userData>/logs/main.log`, rotated at 1 MB to `main.1.log` and
 * `main.2.log` (three files at most). It records start-up (versions, OS, locale) and errors (uncaught
 * exceptions, unhandled rejections, handler failures with their stack, a crashed window page or helper
 * process) — never case data. Everything written goes through `scrubLogText` first (except `fact` lines, which
 * main builds from Electron's own words and numbers): paths outside the app's own folders, e-mail addresses, identifiers and
 * other long numbers, Chinese text and quoted values are replaced, so a log can be sent to support as it is.
 * Help → Show Log File reveals it. Written synchronously: an entry must reach the disk even when the process
 * is about to die of the error it records.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_FILE_NAME = 'main.log';
/** Size at which the log rotates, and how many files (current + older) are kept. */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILES = 3;

export interface ScrubContext {
  /** The user's home folder: written as `~`, and any other path under it is hidden. */
  home: string;
  /** Folders whose paths stay readable (the app's own code, for stack traces). */
  appFolders: readonly string[];
}

/**
 * A path: POSIX absolute, Windows drive or UNC, or a file:// URL, up to the quote, bracket or line end that
 * closes it. Paths hold spaces ("Wang Fang", "Acme Ltd"), so a space does not end one: hiding a word too
 * many is safe, leaving half a folder name is not.
 */
const PATH = /(?:file:\/\/\/?|[A-Za-z]:[\\/]|\\\\[^\s\\/]+[\\/]|(?<![\w.:/-])\/(?=[^\s/]))[^'"`()<>\n]*/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Chinese text: names, addresses, anything a user typed in Chinese. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
/** Double-quoted values (error messages quote what they refused). */
const QUOTED = /"[^"\n]{1,500}"|“[^”\n]{1,500}”/g;
/**
 * Identifiers and numbers: a run of at least 6 letters and digits holding at least 4 digits (a USCC, an ID
 * or passport number, a phone number, an ICP number), or digits split by spaces or dashes. A stack's
 * `:line:column` follows a colon and is kept.
 */
const NUMBER =
  /(?<![:\w])(?=[\w-]*\d[\w-]*\d[\w-]*\d[\w-]*\d)[A-Za-z0-9][\w-]{4,}[A-Za-z0-9]|\+?\d[\d -]{6,}\d/g;

function normalise(p: string): string {
  return p.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase();
}

/** The path itself, without a `file://` prefix (and the slash before a drive letter in `file:///C:/`). */
function withoutUrlPrefix(found: string): string {
  const rest = found.replace(/^file:\/\//, '');
  return /^\/[A-Za-z]:/.test(rest) ? rest.slice(1) : rest;
}

/**
 * `text` with everything that could be case data or personal replaced by a placeholder. Paths inside the
 * app's own folders keep their shape (a stack trace must stay useful), with the home folder (which holds
 * the user's account name) written `~`; any other path becomes `<path>`.
 */
export function scrubLogText(text: string, context: ScrubContext): string {
  const kept = context.appFolders.filter(Boolean).map(normalise);
  const home = normalise(context.home);
  const homeLength = context.home.replace(/[\\/]+$/, '').length;
  return text
    .replace(PATH, (match) => {
      const found = match.trimEnd();
      const raw = withoutUrlPrefix(found);
      const plain = normalise(raw);
      const underHome = home !== '' && (plain === home || plain.startsWith(`${home}/`));
      const own = kept.some((folder) => plain === folder || plain.startsWith(`${folder}/`));
      const end = match.slice(found.length);
      if (own)
        return `${underHome ? `${found.slice(0, found.length - raw.length)}~${raw.slice(homeLength)}` : found}${end}`;
      return `${underHome ? '~/<path>' : '<path>'}${end}`;
    })
    .replace(EMAIL, '<email>')
    .replace(QUOTED, (q) => (q.startsWith('“') ? '“…”' : '"…"'))
    .replace(CJK, '<text>')
    .replace(NUMBER, '<number>');
}

export interface AppLog {
  /** The current log file (Help → Show Log File reveals it). */
  readonly file: string;
  info(message: string): void;
  /** `message`, then the error's name, message and stack, each line scrubbed. */
  error(message: string, error?: unknown): void;
  /**
   * A line main composed only from values it controls (Electron's reason words, exit codes), written as it
   * is: never pass it anything a user typed, a path or an error message.
   */
  fact(level: LogLevel, line: string): void;
}

export type LogLevel = 'INFO' | 'ERROR';

export interface LogOptions {
  dir: string;
  scrub: ScrubContext;
  maxBytes?: number;
  files?: number;
  now?: () => Date;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `non-error value of type ${typeof error}`;
}

export function openLog(options: LogOptions): AppLog {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const files = options.files ?? LOG_FILES;
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, LOG_FILE_NAME);
  const numbered = (n: number) => path.join(options.dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
  let size: number | undefined;

  const rotate = () => {
    rmSync(numbered(files - 1), { force: true });
    for (let n = files - 2; n >= 1; n--) {
      try {
        renameSync(numbered(n), numbered(n + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(file, numbered(1));
    size = 0;
  };

  const write = (level: LogLevel, text: string, scrub = true) => {
    const lines = (scrub ? scrubLogText(text, options.scrub) : text)
      .split(/\r?\n/)
      .map((line, i) => (i === 0 ? line : `    ${line}`));
    const entry = `${now().toISOString()} ${level} ${lines.join('\n')}\n`;
    try {
      if (size === undefined) {
        mkdirSync(options.dir, { recursive: true });
        size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      }
      const bytes = Buffer.byteLength(entry);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, entry);
      size += bytes;
    } catch {
      // Logging must never be the reason the app fails (a full disk, a read-only profile).
      size = undefined;
    }
  };

  return {
    file,
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write('ERROR', error === undefined ? message : `${message}\n${describe(error)}`),
    fact: (level, line) => write(level, line, false),
  };
}

/** What the start-up line says: the versions a support request needs first. */
export interface StartupFacts {
  appName: string;
  appVersion: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  os: { platform: string; release: string; arch: string };
  locale: string;
  packaged: boolean;
}

export function startupLine(facts: StartupFacts): string {
  const v = facts.versions;
  return [
    `${facts.appName} ${facts.appVersion} started${facts.packaged ? '' : ' (unpackaged)'}`,
    `Electron ${v.electron ?? '?'}, Chromium ${v.chrome ?? '?'}, Node ${v.node ?? '?'}`,
    `${facts.os.platform} ${facts.os.release} ${facts.os.arch}`,
    `locale ${facts.locale}`,
  ].join(' · ');
}

/**
 * Records the main process's uncaught exceptions and unhandled rejections. `uncaughtExceptionMonitor`
 * only watches: Electron still handles the exception as it would without the log.
 */
export function logProcessErrors(
  processEvents: Pick<NodeJS.Process, 'on'>,
  log: Pick<AppLog, 'error'>,
): void {
  processEvents.on('uncaughtExceptionMonitor', (error) => log.error('uncaught exception', error));
  processEvents.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));
}

/** What Electron reports when a renderer or a helper process ends (`app` events). */
interface GoneDetails {
  type?: string;
  reason: string;
  exitCode: number;
}

/** Electron's words for a process type or an end reason: letters, spaces and dashes, nothing a user typed. */
const ELECTRON_WORD = /^[A-Za-z][A-Za-z -]{0,39}$/;

/**
 * Records a window page or a helper process (GPU, network, utility…) that crashed, was killed or ran out of
 * memory: the first thing support asks about a window that went blank. Only Electron's own words and the exit
 * code are written, so the line needs no scrubbing (which would hide a Windows exit code as a number); a
 * helper that ended normally is not recorded.
 */
export function logCrashes(app: Pick<NodeJS.EventEmitter, 'on'>, log: Pick<AppLog, 'fact'>): void {
  const describeGone = (details: GoneDetails): string => {
    const reason = ELECTRON_WORD.test(details.reason) ? details.reason : 'unknown';
    const code = Number.isSafeInteger(details.exitCode) ? String(details.exitCode) : '?';
    return `${reason}, exit code ${code}`;
  };
  app.on('render-process-gone', (_event: unknown, _contents: unknown, details: GoneDetails) =>
    log.fact('ERROR', `the window’s page stopped: ${describeGone(details)}`),
  );
  app.on('child-process-gone', (_event: unknown, details: GoneDetails) => {
    if (details.reason === 'clean-exit') return;
    const type = details.type && ELECTRON_WORD.test(details.type) ? details.type : 'helper';
    log.fact('ERROR', `a ${type} process stopped: ${describeGone(details)}`);
  });
}
