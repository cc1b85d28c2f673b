/**
 * Rules core speed: `checkCase` on a complete case (goal ≤ 20 ms, issue 3) and `decidePathway`.
 * The complete case is the rule tests' (test/core/rules/helpers.ts): the bundled sample with a good file for every
 * checklist item, each document signed by hand as a checked signed copy of the version it prints. The bench
 * had its own copy, with plain files for those documents, which the pre-flight refuses since it checks them.
 */
import { buildChecklist, checkCase, decidePathway } from '../core/rules';
import { completeSample, TODAY } from '../test/core/rules/helpers';
import { medianMs, type Bench } from './run';

export const benches: Bench[] = [
  {
    name: 'rules',
    run: async () => {
      const c = completeSample();
      const issues = checkCase(c, { today: TODAY });
      const errors = issues.filter((i) => i.severity === 'error').length;
      if (errors > 0) throw new Error(`the complete case should have no errors, has ${errors}`);
      const check = await medianMs(() => checkCase(c, { today: TODAY }), 200, 20);
      const decide = await medianMs(() => decidePathway(c.answers), 1000, 50);
      const checklist = await medianMs(
        () => buildChecklist(c, decidePathway(c.answers), { today: TODAY }),
        500,
        20,
      );
      return [
        {
          label: 'checkCase, complete case (median of 200)',
          value: check,
          unit: 'ms',
          goal: '≤ 20 ms',
          met: check <= 20,
        },
        { label: 'decidePathway (median of 1000)', value: decide, unit: 'ms' },
        { label: 'buildChecklist incl. decision (median of 500)', value: checklist, unit: 'ms' },
        { label: 'checkCase issues on the complete case (warnings)', value: issues.length, unit: 'count' },
      ];
    },
  },
];
