/**
 * Terminal output of text that may come from someone else's case: its own module, with no imports, so the
 * CLI's entry (cli/main.ts, loaded by every run) can use it without loading the font coverage tables.
 */

/** Terminal-active characters: every C0 control but tab and newline, DEL, C1, and the bidi controls. */
const TERMINAL_ACTIVE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every terminal-active character written out as `\u001b` (also a valid escape inside a JSON
 * string, so `--json` output stays JSON and means the same). Tab and newline stay: reports are laid out with them.
 */
export function neutraliseForTerminal(text: string): string {
  return text.replace(
    TERMINAL_ACTIVE,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
