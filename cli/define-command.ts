/**
 * The frame every `icp-packet` command runs in, so they all behave alike: arguments parsed one way
 * (node:util parseArgs, strict), `--lang en|zh-CN` (else the system locale) and `-h/--help` on each, a usage
 * line on bad usage, and every refusal of input printed in the chosen language as
 * `icp-packet <command>: <why>` with exit code 2. A command declares its options and operands and gets them
 * parsed and checked; it throws InputError for anything else it refuses.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Language } from '../core/i18n/language';
import { neutraliseForTerminal } from '../core/validate/terminal';
import type { Bilingual } from '../core/validate/types';
import type { CliCommand, CliIo, CommandInfo } from './command';
import { cliLanguage, message, type InputMessageKey, type Params } from './messages';

/** Input the command refuses: a message key and its values, printed by the frame in the chosen language. */
export class InputError extends Error {
  constructor(
    readonly key: InputMessageKey,
    readonly params: Params = {},
    /** Also print the command's usage (bad usage rather than a bad file). */
    readonly showUsage = false,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof COMMON; allowPositionals: true; strict: true }>
>;

export interface CommandInput<O extends Options> {
  values: Parsed<O>['values'];
  positionals: string[];
  lang: Language;
}

/**
 * How a command parses its arguments. Its name, usage line and summary are not here: they are its entry in
 * the command table (cli/main.ts), which --help reads without loading the command.
 */
export interface CommandSpec<O extends Options> {
  /** The command's own options; `--lang` and `--help` are added. A `today` option is checked as a date. */
  options: O;
  /** How many operands, and what they are in words ("a case file and a template id"). */
  operands: { count: number; what: Bilingual };
  /** Options that must be given, with how usage writes them: `{ out: '--out <dir>' }`. */
  required?: Partial<Record<keyof O & string, string>>;
  /** Printed after the usage line (render lists its templates). */
  usageNote?: () => string;
}

class HelpRequest extends Error {}

/** `--lang` as given, read before parsing so that a refusal of the other arguments is in that language. */
function languageOf(args: string[]): Language {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const arg = args[at] ?? '';
  return cliLanguage(arg.startsWith('--lang=') ? arg.slice('--lang='.length) : args[at + 1]);
}

/** parseArgs's own refusals, in the user's language: which option, and what is wrong with it. */
function optionError(error: unknown, lang: Language): InputError {
  const { code, message: detail } = error as NodeJS.ErrnoException;
  const option = /(--[\w-]+)/.exec(detail)?.[1] ?? /'(-[^'\s,]+)/.exec(detail)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option && lang === 'zh-CN')
    return new InputError('unknownOption', { option }, true);
  return new InputError('badOptionValue', { option, detail }, true);
}

function parseCommand<O extends Options>(spec: CommandSpec<O>, args: string[], lang: Language) {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({
      args,
      options: { ...spec.options, ...COMMON },
      allowPositionals: true,
      strict: true,
    }) as Parsed<O>;
  } catch (error) {
    throw optionError(error, lang);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) throw new HelpRequest();
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh-CN')
    throw new InputError('badLang', { value: String(values.lang) });
  if (parsed.positionals.length !== spec.operands.count)
    throw new InputError('wrongOperands', { what: spec.operands.what[lang] }, true);
  for (const [key, shown] of Object.entries(spec.required ?? {})) {
    if (values[key] === undefined) throw new InputError('optionRequired', { option: String(shown) }, true);
  }
  const today = values.today;
  if (typeof today === 'string' && !isCalendarDate(today)) throw new InputError('badToday', { value: today });
  return parsed;
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not), in 1900–2199. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A failure no command foresaw, as one line with exit 2 (1 means "the case has errors"): an errno names the
 * file and the problem in words; anything else its message. ICP_PACKET_DEBUG=1 adds the stack.
 */
function unexpectedRefusal(error: unknown): InputError {
  const e = error as NodeJS.ErrnoException;
  const firstLine = (text: string) => text.split('\n')[0]?.slice(0, 300) ?? '';
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.path === 'string')
    return new InputError(e.syscall === 'open' || e.syscall === 'read' ? 'fileUnreadable' : 'cannotWrite', {
      file: e.path,
      errno: e.code,
      reason: firstLine(e.message),
    });
  return new InputError('unexpected', {
    reason: firstLine(error instanceof Error ? error.message || error.name : String(error)),
  });
}

function usageText(info: CommandInfo, spec: Pick<CommandSpec<Options>, 'usageNote'>, lang: Language): string {
  const note = spec.usageNote?.();
  return `${message(lang, 'usage', { usage: info.usage })}\n${note ? `\n${note}\n` : ''}`;
}

/** `icp-packet <command>: `, with the colon of the language. */
export function commandPrefix(name: string, lang: Language): string {
  return `icp-packet ${name}${lang === 'zh-CN' ? '：' : ': '}`;
}

/**
 * A command from its declaration and its body; the body sees parsed, checked arguments. A command module
 * exports it as its default export, which the command table loads when the command runs.
 */
export function defineCommand<O extends Options>(
  spec: CommandSpec<O>,
  body: (input: CommandInput<O>, io: CliIo) => Promise<number>,
): CliCommand {
  return {
    run: async (args, rawIo, info) => {
      const lang = languageOf(args);
      // Every report and refusal, --json too, reaches the terminal neutralised: ESC, C1 and bidi controls from
      // someone else's case are written out as \u001b, never acted on (issue 22 point 7). In JSON that is the
      // same string, escaped.
      const io: CliIo = {
        ...rawIo,
        stdout: (text) => rawIo.stdout(neutraliseForTerminal(text)),
        stderr: (text) => rawIo.stderr(neutraliseForTerminal(text)),
      };
      try {
        const { values, positionals } = parseCommand(spec, args, lang);
        return await body({ values, positionals, lang }, io);
      } catch (error) {
        if (error instanceof HelpRequest) {
          io.stdout(usageText(info, spec, lang));
          return 0;
        }
        const refusal = error instanceof InputError ? error : unexpectedRefusal(error);
        io.stderr(`${commandPrefix(info.name, lang)}${message(lang, refusal.key, refusal.params)}\n`);
        if (refusal !== error && io.env?.ICP_PACKET_DEBUG === '1' && error instanceof Error && error.stack)
          io.stderr(`${error.stack}\n`);
        if (refusal.showUsage) io.stderr(usageText(info, spec, lang));
        return 2;
      }
    },
  };
}
