/**
 * The `--out` of the `renewal` and `change` commands: writes the lifecycle packet through host/lifecycle
 * (loaded only when a packet is asked for, as it brings pdf-lib and the fonts) and turns a refusal of the
 * packet writer into its message in the user's language.
 */
import path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import type { Language } from '../core/i18n/language';
import { PacketError } from '../core/packet/errors';
import { chinaDate } from '../core/packet/safe-names';
import type * as LifecycleHost from '../host/lifecycle';
import type { LifecyclePacketRequest, WrittenLifecyclePacket } from '../host/lifecycle';
import type { CliIo } from './command';
import { packetErrorText } from './messages';

/** The command's options, day, language and terminal. */
export interface LifecycleOut {
  values: {
    out?: string | undefined;
    force?: boolean | undefined;
    date?: string | undefined;
    today?: string | undefined;
  };
  today: string;
  lang: Language;
  io: CliIo;
}

/**
 * Writes the packet `write` chooses into `--out` (nothing without it). Returns the folder written, or
 * `refused` once the refusal is on stderr (the command then exits 2).
 */
export async function writeLifecyclePacketOut(
  write: (host: typeof LifecycleHost, request: LifecyclePacketRequest) => Promise<WrittenLifecyclePacket>,
  { values, today, lang, io }: LifecycleOut,
): Promise<{ folder?: string } | 'refused'> {
  if (!values.out) return {};
  const host = await import('../host/lifecycle');
  const now = new Date();
  try {
    const written = await write(host, {
      outDir: path.resolve(io.cwd, values.out),
      replace: values.force ?? false,
      today,
      // Dated as the packet folder and its 目录 are, by China's calendar — unless a day was given.
      signOn: values.date ?? (values.today ? today : chinaDate(now)),
      now,
      appVersion: packageJson.version,
      resourcesDir: io.resourcesDir,
    });
    return { folder: written.folder };
  } catch (error) {
    if (!(error instanceof PacketError)) throw error;
    io.stderr(packetErrorText(lang, error));
    return 'refused';
  }
}

/** The line that says where the packet went. */
export function packetWrittenLine(folder: string, lang: Language): string {
  return `${lang === 'en' ? 'Packet written' : '材料包已生成'}: ${folder}\n`;
}
