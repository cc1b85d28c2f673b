/** The steps of a case, in the order DESIGN.md §3 gives them; the rail, the routes and the text keys use these ids. */
export const CASE_STEPS = [
  'pathway',
  'applicant',
  'people',
  'services',
  'documents',
  'review',
  'export',
  'afterApproval',
] as const;

export type StepId = (typeof CASE_STEPS)[number];

export function isStepId(value: string): value is StepId {
  return (CASE_STEPS as readonly string[]).includes(value);
}
