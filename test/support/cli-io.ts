/** TEST ONLY — a CliIo that keeps what the CLI writes, with the repository's resources (as the bin script's). */
import type { CliIo } from '../../cli/main';
import { RESOURCES_DIR } from './paths';

export function capturingIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    resourcesDir: RESOURCES_DIR,
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  };
}
