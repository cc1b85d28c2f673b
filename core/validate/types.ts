/** How serious a finding is: errors block export; warnings can be acknowledged by the user. */
export type Severity = 'error' | 'warning';

/** Every user-facing text exists in both languages of the app. */
export interface Bilingual {
  en: string;
  'zh-CN': string;
}

/**
 * One finding of a validator. `code` is a stable identifier (e.g. `uscc.checksum`) that UIs, the pre-flight
 * and tests key on; `message` and `fix` are already interpolated; `params` carries the machine-readable
 * details (expected check character, parsed province …) for callers that render their own text.
 */
export interface ValidationIssue {
  code: string;
  severity: Severity;
  message: Bilingual;
  fix: Bilingual;
  params?: Record<string, string | number>;
}

/** A validator never throws: it returns `[]` for a valid value, otherwise one issue per problem found. */
export type Validator<T = string, O extends object = object> = (value: T, options?: O) => ValidationIssue[];
