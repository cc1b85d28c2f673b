/**
 * How the hostile set judges one outcome (issue 22, "Done when"): every hostile input ends in exactly one of
 *
 * - `refused`  — turned away with one clear line (CLI: exit 1 or 2, the first stderr line names the problem, no
 *                stack; IPC: `{ ok: false, code }` with a specific code; store: a typed StoreError);
 * - `handled`  — accepted and done correctly (a valid edge case, a damaged store file recovered, output
 *                neutralised …);
 * - `wrong`    — accepted although it should have been refused (a fragment shipped, an unknown key dropped,
 *                escape sequences printed raw, an altered archive imported);
 * - `crashed`  — a stack trace, an exit code outside 0–2, an untyped error, or IPC `internal`;
 * - `hung`     — no answer within the time limit, or memory over the limit (the runner kills it);
 * - `lost`     — a half-written output, an existing file destroyed, or data the user had entered gone.
 */
export type Verdict = 'refused' | 'handled' | 'wrong' | 'crashed' | 'hung' | 'lost';

export const VERDICTS: readonly Verdict[] = ['refused', 'handled', 'wrong', 'crashed', 'hung', 'lost'];

export interface Outcome {
  verdict: Verdict;
  /** One line: what happened (an exit code and the first line printed, a reply code …). */
  note: string;
}

export const outcome = (verdict: Verdict, note: string): Outcome => ({
  verdict,
  note: note.replace(/\s+/g, ' ').slice(0, 240),
});

/** What a CLI run produced. `threw` is set when the command let an error escape (the bin prints a stack). */
export interface CliRun {
  code: number | undefined;
  stdout: string;
  stderr: string;
  threw?: unknown;
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Output a terminal would interpret: escape sequences, other C0/C1 controls, bidi overrides. */
export function hasRawControl(text: string): boolean {
  return RAW_CONTROL.test(text);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function crashNote(run: CliRun): string | undefined {
  if (run.threw !== undefined) {
    const error = run.threw as Error;
    return `threw ${error?.name ?? ''}: ${String(error?.message ?? error).slice(0, 160)}`;
  }
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(run.stderr)) return `stack trace: ${firstLine(run.stderr)}`;
  if (run.code === undefined || run.code < 0 || run.code > 2) return `exit ${String(run.code)}`;
  return undefined;
}

/**
 * A CLI run that should refuse its input. `caseErrors`: exit 1 is a right answer too (the input is a case
 * whose problems the pre-flight reports).
 */
export function judgeCliRefusal(run: CliRun, options: { caseErrors?: boolean } = {}): Outcome {
  const crash = crashNote(run);
  if (crash) return outcome('crashed', crash);
  if (hasRawControl(run.stdout) || hasRawControl(run.stderr))
    return outcome('wrong', `exit ${run.code}: raw control characters printed`);
  if (run.code === 2 || (run.code === 1 && options.caseErrors)) {
    const line = firstLine(run.stderr || run.stdout);
    if (line === '') return outcome('wrong', `exit ${run.code} without a message`);
    return outcome('refused', `exit ${run.code}: ${line}`);
  }
  if (run.code === 1) return outcome('wrong', `exit 1 (reserved for case errors): ${firstLine(run.stderr)}`);
  return outcome('wrong', `exit 0: accepted (${firstLine(run.stdout)})`);
}

/** A CLI run that should succeed (exit 0, or 1 where the case has errors), printing nothing raw. */
export function judgeCliSuccess(run: CliRun, options: { allowExit1?: boolean } = {}): Outcome {
  const crash = crashNote(run);
  if (crash) return outcome('crashed', crash);
  if (hasRawControl(run.stdout) || hasRawControl(run.stderr))
    return outcome('wrong', `exit ${run.code}: raw control characters printed`);
  if (run.code === 0 || (run.code === 1 && options.allowExit1))
    return outcome('handled', `exit ${run.code}: ${firstLine(run.stdout || run.stderr)}`);
  return outcome('wrong', `exit ${run.code}: ${firstLine(run.stderr)}`);
}

/** An IPC reply to a payload that should be refused. */
export function judgeIpcRefusal(reply: unknown): Outcome {
  const r = reply as { ok?: boolean; code?: string; details?: unknown } | undefined;
  if (!r || typeof r.ok !== 'boolean') return outcome('crashed', `not a Result: ${JSON.stringify(reply)}`);
  if (r.ok) return outcome('wrong', 'accepted');
  if (r.code === 'internal') return outcome('crashed', 'internal');
  return outcome('refused', `${r.code} ${JSON.stringify(r.details ?? {})}`);
}

/** A store call that should refuse with a typed StoreError. */
export async function judgeStoreRefusal(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return outcome('wrong', 'accepted');
  } catch (error) {
    if (error instanceof Error && error.name === 'StoreError') return outcome('refused', error.message);
    return outcome('crashed', `${(error as Error)?.name}: ${(error as Error)?.message}`);
  }
}
