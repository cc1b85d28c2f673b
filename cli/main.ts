/**
 * `icp-packet`: the command-line interface over core/. Every command is a function of
 * (args, io) → exit code, so tests call it in-process; cli/bin.ts is the process around it.
 *
 * Exit codes: 0 success, 1 the case has problems (pre-flight errors), 2 bad input or usage.
 *
 * This module is what every run loads, `--version` and `--help` included: it imports nothing but the
 * command table's types and the version. Each command's module is imported only when that command runs.
 */
import packageJson from '../package.json' with { type: 'json' };
import type { CommandEntry, CliIo } from './command';
import { neutraliseForTerminal } from '../core/validate/terminal';

export type { CliCommand, CliIo, CommandEntry, CommandInfo } from './command';

/** The operand of every command that reads a case (cli/case-reader.ts reads either form). */
const CASE = '<case.json|case.icpcase>';

/**
 * Every command, in the order `--help` lists them. Adding a command is one entry here: its name; its usage
 * (the arguments after `icp-packet`, as --help, `<command> --help` and usage errors print them — the README's
 * list must match, test/cli/usage.test.ts checks); a one-line summary; and `load`, a dynamic import of its
 * module `cli/commands/<name>.ts`, whose default export is `defineCommand(…)` (cli/define-command.ts).
 * Keep heavy imports (pdf-lib, fontkit, sharp, OCR) inside the command modules, never here: this table is
 * loaded by every run, and `check` must not pay for what `build` needs (test/cli/bundle.test.ts checks).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'decide',
    usage: 'decide <answers.json|case.json|case.icpcase> [--json] [--passphrase <p>] [--lang en|zh-CN]',
    summary: 'pathway check: ICP filing, commercial licence or not eligible, with reasons and sources',
    load: () => import('./commands/decide'),
  },
  {
    name: 'check',
    usage: `check ${CASE} [--json] [--today YYYY-MM-DD] [--passphrase <p>] [--lang en|zh-CN]`,
    summary: 'pre-flight: every error and warning a reviewer would raise, with fixes',
    load: () => import('./commands/check'),
  },
  {
    name: 'build',
    usage: `build ${CASE} --out <dir> [--zip] [--profile wechat|aliyun|tencent] [--accept-warnings] [--force] [--passphrase <p>] [--lang en|zh-CN]`,
    summary: 'build the submission packet (folder, and zip with --zip)',
    load: () => import('./commands/build'),
  },
  {
    name: 'sample',
    usage: 'sample --out <dir> [--force] [--lang en|zh-CN]',
    summary: 'write the bundled sample case (case.json + attachments/<sha256>.jpg)',
    load: () => import('./commands/sample'),
  },
  {
    name: 'render',
    usage: `render ${CASE} <templateId> --out <file.pdf> [--review | --for-signing] [--force] [--passphrase <p>] [--lang en|zh-CN]`,
    summary:
      'render one document of a case as PDF (--review: bilingual review copy; --for-signing: the copy to print, sign and return, with how to sign it)',
    load: () => import('./commands/render'),
  },
  {
    name: 'reminders',
    usage: `reminders ${CASE} --out <reminders.ics> [--today YYYY-MM-DD] [--json] [--force] [--passphrase <p>] [--lang en|zh-CN]`,
    summary: 'write the obligations and reminders of a case as one .ics calendar file',
    load: () => import('./commands/reminders'),
  },
  {
    name: 'annual-report',
    usage: `annual-report ${CASE} --year YYYY [--figures figures.json] [--out sheet.pdf] [--force] [--json] [--today YYYY-MM-DD] [--passphrase <p>] [--lang en|zh-CN]`,
    summary:
      'dry-run the licence annual report: every form, what to type, the checks (--out: bilingual sheet PDF)',
    load: () => import('./commands/annual-report'),
  },
  {
    name: 'renewal',
    usage: `renewal ${CASE} [--out <dir>] [--date YYYY-MM-DD] [--force] [--json] [--today YYYY-MM-DD] [--passphrase <p>] [--lang en|zh-CN]`,
    summary: 'licence renewal: countdown, pre-checks and (--out) the renewal packet',
    load: () => import('./commands/renewal'),
  },
  {
    name: 'change',
    // The event kinds are CHANGE_KINDS (core/model/case.ts), written out so that this table loads nothing.
    usage: `change ${CASE} --event <legal_representative|name|registered_capital|shareholders|licence_domain|filing_subject> [--details event.json] [--out <dir>] [--date YYYY-MM-DD] [--force] [--json] [--today YYYY-MM-DD] [--passphrase <p>] [--lang en|zh-CN]`,
    summary: 'a recorded change: its deadline, the filing-side changes and (--out) the change packet',
    load: () => import('./commands/change'),
  },
  {
    name: 'adcheck',
    usage: 'adcheck <file.txt> [--json] [--lang en|zh-CN]',
    summary: 'check ad copy or a store listing for Advertising Law problems (exit 1 when flagged)',
    load: () => import('./commands/adcheck'),
  },
  {
    name: 'read-scan',
    usage:
      'read-scan <file> [--kind business_licence|id_card_front|id_card_back|passport] [--json] [--lang en|zh-CN]',
    summary: 'read a business licence, ID card or passport scan offline (exit 1 when a check fails)',
    load: () => import('./commands/read-scan'),
  },
  {
    name: 'rules',
    usage: 'rules [--verify <file.icprules>] [--json] [--lang en|zh-CN]',
    summary: "the rules' edition and dates; --verify checks a signed rule-pack file",
    load: () => import('./commands/rules'),
  },
];

function helpText(): string {
  const lines = [
    `icp-packet ${packageJson.version} — ICP Packet Studio on the command line`,
    '',
    'Usage: icp-packet <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.flatMap((c) => [`  icp-packet ${c.usage}`, `      ${c.summary}`]),
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
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    io.stderr(
      neutraliseForTerminal(`icp-packet: unknown command "${first}". Run icp-packet --help for the list.\n`),
    );
    return 2;
  }
  const command = io.loaded?.[entry.name] ?? (await entry.load()).default;
  return command.run(rest, io, entry);
}
