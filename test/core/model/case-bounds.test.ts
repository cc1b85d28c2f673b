/**
 * Issue 22 point 1 and 8: every string, list and map of the case is bounded and every object refuses unknown
 * keys. The walk fails on a field someone adds with a bare z.string() / z.array() / z.object() — on the code
 * before the fix it listed 60 unbounded or loose nodes (sectors, services, englishMeanings, every object …).
 */
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CaseSchema, PathwayAnswersSchema, LIST_LIMITS } from '../../../core/model/case';
import { isStrictObject, maxItemsAt, maxLengthOf, walkSchema } from '../../../core/model/bounds';
import { restore } from '../../../core/model/restore';
import { sampleCase } from '../../../core/model/sample-case';

const NOW = new Date('2026-11-25T08:00:00Z');

function looseNodes(schema: z.core.$ZodType): string[] {
  const loose: string[] = [];
  for (const { path, node, type, maxEntries } of walkSchema(schema)) {
    const where = path || '(root)';
    if (type === 'string' && maxLengthOf(node) === undefined) loose.push(`${where}: string without max`);
    if (type === 'array' && maxLengthOf(node) === undefined) loose.push(`${where}: list without max`);
    if (type === 'object' && !isStrictObject(node)) loose.push(`${where}: object not strict`);
    if (type === 'record' && maxEntries === undefined) loose.push(`${where}: map without maxEntries`);
  }
  return loose;
}

describe('case schema bounds (issue 22: one poison case must not break the others)', () => {
  it('bounds every string, list and map, and refuses unknown keys in every object', () => {
    expect(looseNodes(CaseSchema)).toEqual([]);
    expect(looseNodes(PathwayAnswersSchema)).toEqual([]);
  });

  it('reads list bounds from the schema for the forms', () => {
    expect(maxItemsAt('subject.shareholders')).toBe(LIST_LIMITS.shareholders);
    expect(maxItemsAt('services.0.domains')).toBe(LIST_LIMITS.domains);
    expect(maxItemsAt('services.*.platforms')).toBe(LIST_LIMITS.platforms);
    expect(maxItemsAt('answers.sectors')).toBe(14);
    expect(maxItemsAt('subject.name')).toBeUndefined();
    expect(maxItemsAt('no.such.path')).toBeUndefined();
  });

  it.each([
    [
      '200,000 sectors',
      (c: Record<string, unknown>) =>
        ((c.answers as { sectors: string[] }).sectors = Array(200_000).fill('news')),
    ],
    [
      'a sector twice',
      (c: Record<string, unknown>) => ((c.answers as { sectors: string[] }).sectors = ['news', 'news']),
    ],
    [
      '20,000 services',
      (c: Record<string, unknown>) =>
        (c.services = Array.from({ length: 20_000 }, (_, i) => ({ kind: 'website', id: `s${i}` }))),
    ],
    ['a 1 MB name', (c: Record<string, unknown>) => (c.name = 'x'.repeat(1 << 20))],
    [
      '100,000 English meanings',
      (c: Record<string, unknown>) =>
        (c.englishMeanings = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'v']))),
    ],
    ['an instant of 10,000 characters', (c: Record<string, unknown>) => (c.updatedAt = '2'.repeat(10_000))],
    [
      'a registered capital of 1e308 CNY',
      (c: Record<string, unknown>) => ((c.subject as Record<string, unknown>).registeredCapitalCny = 1e308),
    ],
  ])('refuses %s as invalid, quickly', (_label, edit) => {
    const doc = JSON.parse(JSON.stringify(sampleCase(NOW))) as Record<string, unknown>;
    edit(doc);
    const started = performance.now();
    const result = restore(doc);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
  });

  it.each([
    [
      '(root)',
      (c: Record<string, unknown>) => (c.legalRepresentativ = c.legalRepresentative),
      'legalRepresentativ',
    ],
    [
      'subject',
      (c: Record<string, unknown>) => ((c.subject as Record<string, unknown>).nmae = 'x'),
      'subject.nmae',
    ],
    [
      'a service',
      (c: Record<string, unknown>) => ((c.services as Record<string, unknown>[])[0]!.appid = 'wx'),
      'services.0.appid',
    ],
    [
      'answers',
      (c: Record<string, unknown>) => ((c.answers as Record<string, unknown>).sector = ['news']),
      'answers.sector',
    ],
  ])('refuses an unknown key in %s and names it (issue 22 point 8)', (_where, edit, named) => {
    const doc = JSON.parse(JSON.stringify(sampleCase(NOW))) as Record<string, unknown>;
    edit(doc);
    const result = restore(doc);
    expect(result).toEqual({ ok: false, code: 'unknownKeys', details: named });
  });

  it('still migrates every older schema: known old keys are renamed, not refused', () => {
    const v3 = restore({
      schemaVersion: 3,
      id: 'c',
      createdAt: 'x',
      updatedAt: 'x',
      licence: { categories: ['B21'], coverage: 'province' },
      answers: { surfaces: ['website'], mainlandHosting: true },
    });
    expect(v3).toMatchObject({ ok: true, migratedFrom: 3, case: { answers: { licenceCategory: 'b21' } } });
    const v1 = restore({
      schemaVersion: 1,
      id: 'c',
      createdAt: 'x',
      updatedAt: 'x',
      journal: [{ at: '2026-01-05T02:00:00Z', status: 'provider_review' }],
      answers: { surfaces: ['mini_program'], mainlandHosting: true },
      licence: { categories: [] },
    });
    expect(v1).toMatchObject({ ok: true, migratedFrom: 1 });
  });
});
