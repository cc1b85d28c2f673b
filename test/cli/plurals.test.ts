/** CLI text counts in real English (Intl.PluralRules): "1 error", "2 errors", never "error(s)". */
import { describe, expect, it } from 'vitest';
import { message } from '../../cli/messages';

describe('CLI plurals', () => {
  it.each([
    ['preflightErrors', 1, /found 1 error\. Fix it and/],
    ['preflightErrors', 2, /found 2 errors\. Fix them and/],
    ['unacknowledgedWarnings', 1, /1 warning is not acknowledged/],
    ['unacknowledgedWarnings', 4, /4 warnings are not acknowledged/],
    ['acceptedWarnings', 1, /Accepted 1 warning for/],
    ['sampleAcknowledged', 3, /its 3 pre-flight warnings acknowledged/],
  ] as const)('%s with %i', (key, count, expected) => {
    const text = message('en', key, { count });
    expect(text).toMatch(expected);
    expect(text).not.toContain('(s)');
  });
});
