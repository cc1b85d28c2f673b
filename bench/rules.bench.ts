/**
 * Rules core speed: `checkCase` on a complete case (goal ≤ 20 ms, issue 3) and `decidePathway`.
 * The complete case is the bundled sample with a well-formed attachment record for every checklist item.
 */
import type { AttachmentMeta, Case } from '../core/model/case';
import { sampleCase } from '../core/model/sample-case';
import { buildChecklist, checkCase, decidePathway } from '../core/rules';
import { medianMs, type Bench } from './run';

const TODAY = '2026-11-25';

function completeCase(): Case {
  const c = sampleCase(new Date(`${TODAY}T09:00:00Z`));
  const items = buildChecklist(c, decidePathway(c.answers), { today: TODAY });
  const attachments: AttachmentMeta[] = items
    .filter((i) => i.origin === 'user' || i.origin === 'generated_signed')
    .map((i, n) => ({
      id: (n + 1).toString(16).padStart(64, '0'),
      checklistItemId: i.id,
      originalName: `${i.id}.jpg`,
      mediaType: 'image/jpeg',
      bytes: 80_000,
      widthPx: 2400,
      heightPx: 1600,
      addedAt: `${TODAY}T09:00:00Z`,
      validFrom: '',
      validTo: '',
    }));
  return { ...c, attachments };
}

export const benches: Bench[] = [
  {
    name: 'rules',
    run: async () => {
      const c = completeCase();
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
