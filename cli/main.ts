/**
 * `icp-packet`: the command-line interface over core/. Every command is a function of
 * (args, io) → exit code, so tests call it in-process and the bin script stays two lines.
 *
 * Exit codes: 0 success, 1 the case has problems (pre-flight errors), 2 bad input or usage.
 */
import packageJson from '../package.json' with { type: 'json' };
import { checkCommand } from './commands/check';
import { decideCommand } from './commands/decide';
import { buildCommand } from './commands/build';
import { sampleCommand } from './commands/sample';
import { renderCommand } from './commands/render';
import type { CliCommand, CliIo } from './command';
import { remindersCommand } from './commands/reminders';
import { adcheckCommand } from './commands/adcheck';
import { readScanCommand } from './commands/read-scan';

export type { CliCommand, CliIo } from './command';

/** Commands register here as the features that back them land. */
const commands: CliCommand[] = [
  decideCommand,
  checkCommand,
  buildCommand,
  sampleCommand,
  renderCommand,
  remindersCommand,
  adcheckCommand,
  readScanCommand,
];

function helpText(): string {
  const lines = [
    `icp-packet ${packageJson.version} — ICP Packet Studio on the command line`,
    '',
    'Usage: icp-packet <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  icp-packet ${c.usage}`, `      ${c.summary}`]),
    '',
    'A case is a case.json (icp-packet sample writes one) or an .icpcase exported by the app (File → Export',
    'case); an encrypted .icpcase needs --passphrase or the ICP_PACKET_PASSPHRASE environment variable. Every',
    'command takes --lang en|zh-CN (default: the system locale) and -h/--help.',
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 success · 1 the case has errors (decide: not eligible) · 2 unreadable or invalid input',
    '',
  ];
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`icp-packet: unknown command "${first}". Run icp-packet --help for the list.\n`);
    return 2;
  }
  return command.run(rest, io);
}
