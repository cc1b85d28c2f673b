/**
 * The shapes of an `icp-packet` command: a function of (args, io) → exit code, so tests call it in-process.
 * Its own module, so cli/main.ts (which lists the commands) and the commands do not import each other.
 */
import type { TrustedRulePackKey } from '../host/rules/pack-file';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The process environment (ICP_PACKET_PASSPHRASE); tests pass their own or none. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * The resources folder: fonts/ for the documents (`sample`, `render`, `build`), ocr/ for `read-scan`. The
   * bin script passes the package's resources/. Passed in, never derived from a module's location, which a bundle moves.
   */
  resourcesDir: string;
  /**
   * Commands whose modules are already loaded, by name: run instead of importing the module. Each file of the
   * built CLI holds one command, imported statically (scripts/build-cli.mjs).
   */
  loaded?: Readonly<Record<string, CliCommand>>;
  /** Keys `rules --verify` trusts instead of those shipped in icp-packet: tests sign with a throwaway key. */
  trustedRulePackKeys?: readonly TrustedRulePackKey[];
}

/** What `icp-packet --help` says about a command, known without loading its module. */
export interface CommandInfo {
  name: string;
  /** The arguments after `icp-packet`, as `--help` and usage errors print them. */
  usage: string;
  /** One line for `--help`. */
  summary: string;
}

/** A command's body: its module's default export (`defineCommand(…)`), loaded only when it runs. */
export interface CliCommand {
  run: (args: string[], io: CliIo, info: CommandInfo) => Promise<number>;
}

/** One line of the command table (cli/main.ts): what --help shows, and how to load the command. */
export interface CommandEntry extends CommandInfo {
  load: () => Promise<{ default: CliCommand }>;
}
