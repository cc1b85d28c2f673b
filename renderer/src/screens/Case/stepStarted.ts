/**
 * Whether the user has begun a step: something entered there that a new case does not hold. A step not
 * begun and not visited shows "Not started" in the rail instead of a count of empty required fields.
 */
import { CaseSchema, CURRENT_SCHEMA_VERSION, type Case } from '../../../../core/model/case';
import { FIELD_CATALOGUE } from '../../../../core/model/fields';
import { getAt } from '../../components/fields/paths';
import type { StepId } from './steps';

const EMPTY: Case = CaseSchema.parse({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'empty',
  name: '',
  createdAt: '',
  updatedAt: '',
});

/** The catalogue's plain paths (no list items) of each step. */
const PATHS_BY_STEP = new Map<string, string[]>();
for (const field of FIELD_CATALOGUE.fields) {
  if (field.path.includes('*')) continue;
  PATHS_BY_STEP.set(field.step, [...(PATHS_BY_STEP.get(field.step) ?? []), field.path]);
}

const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

export function stepStarted(c: Case, step: StepId): boolean {
  switch (step) {
    case 'pathway':
      return differs(c.answers, EMPTY.answers);
    case 'services':
      return c.services.length > 0;
    case 'documents':
      return c.attachments.length > 0;
    default:
      return (PATHS_BY_STEP.get(step) ?? []).some((path) => differs(getAt(c, path), getAt(EMPTY, path)));
  }
}
