import fc from 'fast-check';
import { diffValues, revertChanges } from '../../../core/model/changes';
import { sampleCase } from '../../../core/model/sample-case';
import { createCase } from '../../../core/model/restore';
import { caseProgress, currentStatus, summarizeCase } from '../../../core/model/summary';
import { checkCase } from '../../../core/rules/preflight';

describe('diffValues / revertChanges', () => {
  it('records leaf changes with path, old and new, ignoring updatedAt', () => {
    const before = sampleCase(new Date('2026-01-01T00:00:00Z'));
    const after = {
      ...before,
      updatedAt: '2030-01-01T00:00:00.000Z',
      subject: { ...before.subject, name: '新名称' },
      answers: { ...before.answers, surfaces: [...before.answers.surfaces, 'website' as const] },
    };
    expect(diffValues(before, after)).toEqual([
      { path: ['answers', 'surfaces'], old: ['mini_program'], new: ['mini_program', 'website'] },
      { path: ['subject', 'name'], old: before.subject.name, new: '新名称' },
    ]);
  });

  it('reverting the diff of any JSON edit gives back the original', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), json),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), json),
        (a, b) => {
          expect(revertChanges(b, diffValues(a, b))).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('summarizeCase', () => {
  it('reports pathway answers, status from the latest journal entry, and progress by section', () => {
    const empty = createCase({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'New',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(summarizeCase(empty)).toMatchObject({
      progress: 0,
      status: 'draft',
      pathway: { surfaces: [], subject: null },
      attachmentCount: 0,
    });
    const sample = sampleCase();
    expect(caseProgress(sample)).toBeGreaterThan(50);
    const submitted = {
      ...sample,
      journal: [
        ...sample.journal,
        {
          ...sample.journal[0]!,
          at: '2099-01-01T00:00:00Z',
          on: '2099-01-01',
          status: 'submitted' as const,
        },
      ],
    };
    expect(currentStatus(submitted)).toBe('submitted');
  });

  it('counts the warnings not yet acknowledged apart from the errors (both keep Export disabled)', () => {
    const sample = sampleCase();
    const warnings = checkCase(sample).filter((issue) => issue.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(summarizeCase(sample).openWarnings).toBe(warnings.length);
    const acknowledged = { ...sample, acknowledged: warnings.map((issue) => issue.key) };
    expect(summarizeCase(acknowledged).openWarnings).toBe(0);
  });
});
