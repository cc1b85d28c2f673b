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
   * The folder holding fonts/ for the documents (`sample`, `render`, `build`): the bin script passes the
   * package's resources/. Passed in, never derived from a module's location, which a bundle moves.
   */
  resourcesDir: string;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
