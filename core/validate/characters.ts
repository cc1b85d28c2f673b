/**
 * Characters that must not reach a document, a terminal or a log as they are (issue 22 point 7):
 *
 * - control characters — C0 (ESC starts the terminal sequences that clear a screen or, as OSC 52, write the
 *   clipboard), DEL and C1 (U+009B is a one-byte CSI);
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), which make text read in another
 *   order than it is stored ("商城\u202Egnp.exe" shows as 商城exe.png);
 * - invisible format characters (zero-width space and joiners, word joiner, BOM), which make a name differ from
 *   the registered one while looking the same.
 *
 * Names and other fields refuse them as the user types ({@link unsafeCharacterIssues}, in the pre-flight);
 * every human-readable report neutralises them ({@link neutraliseForTerminal}).
 */
import { unprintableCharacters } from '../documents/coverage';
import { error } from './messages';
import type { ValidationIssue } from './types';

export { neutraliseForTerminal } from './terminal';

/** What a field of the case may not hold: the terminal-active set and the invisible format characters. */
const UNSAFE_IN_FIELDS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const codePoint = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct unsafe characters of a field value, as U+XXXX (at most 10). */
export function unsafeCharacters(value: string): string[] {
  return [...new Set(value.match(UNSAFE_IN_FIELDS) ?? [])].slice(0, 10).map(codePoint);
}

/** An error when the value holds control, direction or invisible characters; [] otherwise. */
export function unsafeCharacterIssues(value: string): ValidationIssue[] {
  const found = unsafeCharacters(value);
  return found.length ? [error('text.unsafeCharacters', { chars: found.join(' ') })] : [];
}

/**
 * The character issues of a field the documents print: unsafe characters first (they are unprintable too, and
 * one issue says it), else the characters the document font has no glyph for (the build would refuse them).
 */
export function characterIssues(value: string): ValidationIssue[] {
  const unsafe = unsafeCharacterIssues(value);
  if (unsafe.length) return unsafe;
  const unprintable = unprintableCharacters(value);
  return unprintable.length ? [error('text.unprintable', { chars: unprintable.join(' ') })] : [];
}
