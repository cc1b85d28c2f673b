/**
 * The shape every `icp-packet` command has: a function of (args, io) → exit code, so tests call it in-process.
 * Its own module, so cli/main.ts (which lists the commands) and the commands do not import each other.
 */
import type { TrustedRulePackKey } from '../host/rules/pack-file';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The process environment (ICP_PACKET_PASSPHRASE); tests pass their own or none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Keys `rules --verify` trusts instead of those shipped in icp-packet: tests sign with a throwaway key. */
  trustedRulePackKeys?: readonly TrustedRulePackKey[];
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
