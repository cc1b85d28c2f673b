/**
 * The shape every `icp-packet` command has: a function of (args, io) → exit code, so tests call it in-process.
 * Its own module, so cli/main.ts (which lists the commands) and the commands do not import each other.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The process environment (ICP_PACKET_PASSPHRASE); tests pass their own or none. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The resources folder (fonts, OCR models): the bin script passes the one beside it, tests pass the
   * project's. Passed in, never worked out from a module's own location.
   */
  resourcesDir?: string;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
