import type { ValidationIssue } from '../../../core/validate';

/** The codes of a validator's result, for compact table assertions. */
export const codes = (issues: ValidationIssue[]): string[] => issues.map((issue) => issue.code);

/** Codes of the errors only (warnings are advisory). */
export const errorCodes = (issues: ValidationIssue[]): string[] =>
  issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);

/** The one issue with this code; fails the test if missing. */
export function issueWith(issues: ValidationIssue[], code: string): ValidationIssue {
  const found = issues.find((issue) => issue.code === code);
  if (!found) throw new Error(`expected issue ${code}, got ${JSON.stringify(issues.map((i) => i.code))}`);
  return found;
}
