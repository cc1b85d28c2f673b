import { describe, expect, it } from 'vitest';
import { ConditionSchema, evaluate, recordLookup, type Condition } from '../../../core/rules';

const facts = recordLookup(
  { a: 'x', n: 7, list: ['p', 'q'], empty: [], nothing: null, outcomes: ['B25'] },
  { unansweredWhenEmpty: ['empty'], maybe: { outcomes: ['B21'] } },
);
const run = (c: Condition) => evaluate(c, facts).result;

describe('condition evaluator', () => {
  it.each<[string, Condition, string]>([
    ['eq', { fact: 'a', eq: 'x' }, 'true'],
    ['in', { fact: 'a', in: ['y', 'z'] }, 'false'],
    ['has', { fact: 'list', has: 'q' }, 'true'],
    ['hasAny', { fact: 'list', hasAny: ['z', 'p'] }, 'true'],
    ['hasOnly', { fact: 'list', hasOnly: ['p'] }, 'false'],
    ['hasOnly (all in)', { fact: 'list', hasOnly: ['p', 'q', 'r'] }, 'true'],
    ['gt', { fact: 'n', gt: 7 }, 'false'],
    ['gte', { fact: 'n', gte: 7 }, 'true'],
    ['lt', { fact: 'n', lt: 8 }, 'true'],
    ['lte', { fact: 'n', lte: 6 }, 'false'],
    ['numeric test on text', { fact: 'a', gt: 1 }, 'false'],
    ['empty', { fact: 'list', empty: false }, 'true'],
    ['unanswered fact', { fact: 'nothing', eq: 'x' }, 'unknown'],
    ['list unanswered when empty', { fact: 'empty', has: 'x' }, 'unknown'],
    ['answered', { fact: 'nothing', answered: false }, 'true'],
    [
      'all with a false',
      {
        all: [
          { fact: 'nothing', eq: 1 },
          { fact: 'a', eq: 'no' },
        ],
      },
      'false',
    ],
    [
      'all with an unknown',
      {
        all: [
          { fact: 'nothing', eq: 1 },
          { fact: 'a', eq: 'x' },
        ],
      },
      'unknown',
    ],
    [
      'any with a true',
      {
        any: [
          { fact: 'nothing', eq: 1 },
          { fact: 'a', eq: 'x' },
        ],
      },
      'true',
    ],
    ['not unknown', { not: { fact: 'nothing', eq: 1 } }, 'unknown'],
    ['not false', { not: { fact: 'a', eq: 'no' } }, 'true'],
    ['maybe element', { fact: 'outcomes', has: 'B21' }, 'unknown'],
    ['present element', { fact: 'outcomes', hasAny: ['B21', 'B25'] }, 'true'],
    ['absent element', { fact: 'outcomes', has: 'X' }, 'false'],
  ])('%s', (_name, condition, expected) => {
    expect(run(condition)).toBe(expected);
  });

  it('reports the unanswered facts that kept a condition open, and the list elements it matched', () => {
    const e = evaluate(
      {
        all: [
          { fact: 'nothing', eq: 1 },
          { fact: 'list', has: 'p' },
        ],
      },
      facts,
    );
    expect([...e.unknownFacts]).toEqual(['nothing']);
    expect([...(e.matched.get('list') ?? [])]).toEqual(['p']);
  });

  it('rejects malformed conditions in rule data', () => {
    expect(ConditionSchema.safeParse({ fact: 'a', equals: 'x' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ all: [] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ any: [{ fact: 'a', in: ['x'] }] }).success).toBe(true);
  });
});
