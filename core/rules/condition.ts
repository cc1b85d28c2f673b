/**
 * A small condition language for rule data. Rules in templates/rules/*.json state *when* they apply as data
 * (`{ "all": [{ "fact": "subject", "in": ["wfoe", "jv"] }, { "fact": "foreignEquityPct", "gt": 50 }] }`), and
 * this one evaluator reads them — no rule gets its own code branch.
 *
 * Evaluation is three-valued (Kleene): a fact the user has not answered yet is `unknown`, so a half-filled
 * questionnaire yields the conclusions that already follow plus the list of answers that would settle the rest.
 */
import * as z from 'zod';
import { lazySchema } from '../lazy-schema';

export type Scalar = string | number | boolean | null;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { always: boolean }
  | { fact: string; eq: Scalar }
  | { fact: string; in: Scalar[] }
  | { fact: string; has: Scalar }
  | { fact: string; hasAny: Scalar[] }
  | { fact: string; hasOnly: Scalar[] }
  | { fact: string; gt: number }
  | { fact: string; gte: number }
  | { fact: string; lt: number }
  | { fact: string; lte: number }
  | { fact: string; answered: boolean }
  | { fact: string; empty: boolean };

const scalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.null()]));
const fact = lazySchema(() => z.string().min(1));

export const ConditionSchema: z.ZodType<Condition> = lazySchema(() =>
  z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(ConditionSchema).min(1) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }),
      z.strictObject({ not: ConditionSchema }),
      z.strictObject({ always: z.boolean() }),
      z.strictObject({ fact, eq: scalar }),
      z.strictObject({ fact, in: z.array(scalar).min(1) }),
      z.strictObject({ fact, has: scalar }),
      z.strictObject({ fact, hasAny: z.array(scalar).min(1) }),
      z.strictObject({ fact, hasOnly: z.array(scalar).min(1) }),
      z.strictObject({ fact, gt: z.number() }),
      z.strictObject({ fact, gte: z.number() }),
      z.strictObject({ fact, lt: z.number() }),
      z.strictObject({ fact, lte: z.number() }),
      z.strictObject({ fact, answered: z.boolean() }),
      z.strictObject({ fact, empty: z.boolean() }),
    ]),
  ),
);

/**
 * What a fact looks like to the evaluator. `known: false` = not answered. For list facts, `maybe` holds
 * elements that could still be present once other unknowns are settled (e.g. an outcome of a rule that could
 * not be evaluated yet), so `has` on them is unknown rather than false.
 */
export interface FactValue {
  known: boolean;
  value: unknown;
  maybe?: readonly Scalar[];
}

export type FactLookup = (name: string) => FactValue;

export type Truth = 'true' | 'false' | 'unknown';

export interface Evaluation {
  result: Truth;
  /** Facts that were unknown where they mattered: the answers that would settle the condition. */
  unknownFacts: Set<string>;
  /** For list facts: the elements a `has`/`hasAny`/`hasOnly` test found present (used to trace premises). */
  matched: Map<string, Set<Scalar>>;
}

function and(values: Truth[]): Truth {
  if (values.includes('false')) return 'false';
  return values.includes('unknown') ? 'unknown' : 'true';
}

function or(values: Truth[]): Truth {
  if (values.includes('true')) return 'true';
  return values.includes('unknown') ? 'unknown' : 'false';
}

const fromBool = (b: boolean): Truth => (b ? 'true' : 'false');

function asList(value: unknown): Scalar[] {
  return Array.isArray(value) ? (value as Scalar[]) : [];
}

export function evaluate(condition: Condition, lookup: FactLookup): Evaluation {
  const unknownFacts = new Set<string>();
  const matched = new Map<string, Set<Scalar>>();

  const note = (name: string, elements: Scalar[]): void => {
    if (elements.length === 0) return;
    const set = matched.get(name) ?? new Set<Scalar>();
    for (const e of elements) set.add(e);
    matched.set(name, set);
  };

  // Only facts that could still change the result count as missing: an `all` that is already false, or an
  // `any` that is already true, does not wait for its unknown parts.
  const visit = (c: Condition): Truth => {
    if ('all' in c || 'any' in c) {
      const before = new Set(unknownFacts);
      const parts = 'all' in c ? c.all : c.any;
      const result = 'all' in c ? and(parts.map(visit)) : or(parts.map(visit));
      if (result !== 'unknown') {
        unknownFacts.clear();
        for (const f of before) unknownFacts.add(f);
      }
      return result;
    }
    if ('not' in c) {
      const inner = visit(c.not);
      return inner === 'unknown' ? 'unknown' : fromBool(inner === 'false');
    }
    if ('always' in c) return fromBool(c.always);

    const f = lookup(c.fact);
    if ('answered' in c) return fromBool(f.known === c.answered);
    if (!f.known) {
      unknownFacts.add(c.fact);
      return 'unknown';
    }
    const v = f.value;
    const maybe = f.maybe ?? [];
    if ('eq' in c) return fromBool(v === c.eq);
    if ('in' in c) return fromBool(c.in.includes(v as Scalar));
    if ('empty' in c) return fromBool((asList(v).length === 0) === c.empty);
    if ('has' in c || 'hasAny' in c) {
      const wanted = 'has' in c ? [c.has] : c.hasAny;
      const list = asList(v);
      const present = wanted.filter((w) => list.includes(w));
      note(c.fact, present);
      if (present.length > 0) return 'true';
      if (wanted.some((w) => maybe.includes(w))) {
        unknownFacts.add(c.fact);
        return 'unknown';
      }
      return 'false';
    }
    if ('hasOnly' in c) {
      const list = asList(v);
      if (list.length === 0 || !list.every((e) => c.hasOnly.includes(e))) return 'false';
      note(c.fact, list);
      if (maybe.some((m) => !c.hasOnly.includes(m))) {
        unknownFacts.add(c.fact);
        return 'unknown';
      }
      return 'true';
    }
    if (typeof v !== 'number' || Number.isNaN(v)) return 'false';
    if ('gt' in c) return fromBool(v > c.gt);
    if ('gte' in c) return fromBool(v >= c.gte);
    if ('lt' in c) return fromBool(v < c.lt);
    return fromBool(v <= c.lte);
  };

  const result = visit(condition);
  return { result, unknownFacts: result === 'unknown' ? unknownFacts : new Set(), matched };
}

/** Every fact name a condition reads (used by tests to check rule data against the known facts). */
export function factsOf(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(factsOf);
  if ('any' in condition) return condition.any.flatMap(factsOf);
  if ('not' in condition) return factsOf(condition.not);
  if ('always' in condition) return [];
  return [condition.fact];
}

/** A lookup over a plain record: `null`/`undefined` = unanswered; listed names are unanswered when empty. */
export function recordLookup(
  facts: Record<string, unknown>,
  options: { unansweredWhenEmpty?: readonly string[]; maybe?: Record<string, readonly Scalar[]> } = {},
): FactLookup {
  return (name) => {
    const value = facts[name];
    const empty = Array.isArray(value) && value.length === 0;
    const known =
      value !== null && value !== undefined && !(empty && options.unansweredWhenEmpty?.includes(name));
    const maybe = options.maybe?.[name];
    return maybe ? { known, value, maybe } : { known, value };
  };
}
