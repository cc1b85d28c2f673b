import { createHash } from 'node:crypto';
import { buildChecklist } from '../../../core/rules/checklist';
import { decidePathway } from '../../../core/rules/decide';
import { removeTempDirs } from '../../host/store/helpers';
import { tempHandlers, value } from './harness';

afterEach(removeTempDirs);

describe('case:createSample', () => {
  it('adds the sample case with its 样本 scans stored and attached to the checklist items the rules compute', async () => {
    const { h } = await tempHandlers('icp-sample-');
    const sample = value(await h['case:createSample'](undefined));
    expect(sample.name).toContain('样本 SAMPLE');
    expect(sample.answers.subject).toBe('wfoe');
    // Four identity and licence scans, and the signed letters: the commitment (two pages), the authorization.
    expect(sample.attachments).toHaveLength(7);
    expect(
      sample.attachments.flatMap((a) =>
        a.signedCopy ? [[a.signedCopy.templateId, a.signedCopy.pages]] : [],
      ),
    ).toEqual(
      expect.arrayContaining([
        ['filing-commitment', [1]],
        ['filing-commitment', [2]],
        ['authorization-letter', [1]],
      ]),
    );

    const checklistIds = new Set(
      buildChecklist(sample, decidePathway(sample.answers)).map((item) => item.id),
    );
    for (const attachment of sample.attachments) {
      expect(checklistIds.has(attachment.checklistItemId), attachment.checklistItemId).toBe(true);
      const read = value(await h['attachment:read']({ caseId: sample.id, attachmentId: attachment.id }));
      expect(read.mediaType).toBe('image/jpeg');
      expect(createHash('sha256').update(read.bytes).digest('hex')).toBe(attachment.id);
    }

    // It is a case like any other: listed, and a second click gives a second case.
    const again = value(await h['case:createSample'](undefined));
    expect(again.id).not.toBe(sample.id);
    const listed = value(await h['cases:list'](undefined));
    expect(listed.map((entry) => entry.id).sort()).toEqual([sample.id, again.id].sort());
    // Undo cannot empty the sample: its first record is a barrier.
    expect(value(await h['case:undo']({ id: sample.id })).undone).toBe(false);
  }, 60_000);

  it('refuses a payload', async () => {
    const { h } = await tempHandlers('icp-sample-');
    const result = await h['case:createSample']({ id: 'x' });
    expect(result.ok ? 'ok' : result.code).toBe('invalidPayload');
  });
});
