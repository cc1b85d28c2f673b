/**
 * Issue 22 "done when": generated oversized and malformed cases go through `restore()`, the pre-flight
 * (`checkCase`), `decidePathway` and the store's listing, and none of them throws anything but a typed refusal,
 * within a time bound. The cases start from the sample and take one to three hostile edits anywhere in the
 * document: a string of up to two million characters, a list of up to 200,000 entries (the 200,000 `sectors`
 * that once overflowed the stack in decidePathway), a value of the wrong type, an unknown key, a missing key,
 * a nesting thousands deep, control and bidi characters.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CASE_DOCUMENT_BYTES, restore } from '../../../core/model/restore';
import { sampleCase } from '../../../core/model/sample-case';
import { checkCase } from '../../../core/rules/preflight';
import { decidePathway } from '../../../core/rules/decide';
import type { CaseStore } from '../../../host/store/case-store';
import { encrypt, Purpose } from '../../../host/store/crypto';
import { loadDataKey } from '../../../host/store/keys';
import { nodeFs } from '../../../host/store/atomic-file';
import { fastPassphrase, newStore, removeTempDirs } from '../../host/store/helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SAMPLE = JSON.parse(JSON.stringify(sampleCase(new Date('2026-11-25T02:00:00Z')))) as Json;

/** Every path into the sample (objects and lists included), so an edit can land anywhere. */
function pathsOf(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}
const PATHS = pathsOf(SAMPLE);

/**
 * A case as the text a file holds. A nesting thousands deep is spliced in as text: JSON.stringify (and
 * structuredClone) would overflow the test's own stack, while JSON.parse, as the app reads files, does not.
 */
function textOf(doc: Json): string {
  return JSON.stringify(doc).replace(/"__DEEP_(\d+)__"/g, (_, n: string) => {
    const depth = Number(n);
    return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  });
}

/**
 * One hostile edit, as a small description (fast-check prints it for a failure; the value itself may be
 * megabytes or thousands of levels deep), made into a value by {@link valueOf}.
 */
type Edit =
  | { kind: 'string'; n: number }
  | { kind: 'list'; n: number; item: Json }
  | { kind: 'type'; value: Json }
  | { kind: 'deep'; n: number }
  | { kind: 'control'; text: string }
  | { kind: 'unknownKey'; key: string }
  | { kind: 'delete' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.integer({ min: 1_000, max: 2_000_000 }).map((n) => ({ kind: 'string' as const, n })),
  fc
    .tuple(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom<Json>('news', 'x', 0, {}, null))
    .map(([n, item]) => ({ kind: 'list' as const, n, item })),
  fc
    .constantFrom<Json>(null, 42, -1, 1e308, true, '', [], {}, 'not-a-date')
    .map((value) => ({ kind: 'type' as const, value })),
  fc.integer({ min: 100, max: 5_000 }).map((n) => ({ kind: 'deep' as const, n })),
  fc
    .constantFrom('\u001b]52;c;ZXZpbA==\u0007', '\u202egnp.exe', '\u0000', '\u009b31m')
    .map((text) => ({ kind: 'control' as const, text: `名称${text}` })),
  fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({ kind: 'unknownKey' as const, key })),
  fc.constant({ kind: 'delete' as const }),
);

function valueOf(e: Edit): Json {
  switch (e.kind) {
    case 'string':
      return 'x'.repeat(e.n);
    case 'list':
      return Array.from({ length: e.n }, () => e.item);
    case 'type':
      return e.value;
    case 'deep':
      return `__DEEP_${e.n}__`;
    case 'control':
      return e.text;
    default:
      return null;
  }
}

/** Half the edits land on a list of the sample (answers.sectors among them), where unbounded work hides. */
const LIST_PATHS = PATHS.flatMap((at, index) => {
  let value: Json = SAMPLE;
  for (const step of at) value = (value as Record<string, Json>)[step] ?? null;
  return Array.isArray(value) ? [index] : [];
});
const where = fc.oneof(fc.constantFrom(...LIST_PATHS), fc.nat({ max: PATHS.length - 1 }));

const hostileEdits = fc.array(fc.tuple(where, edit), {
  minLength: 1,
  maxLength: 3,
});

function hostileCase(edits: [number, Edit][]): { [key: string]: Json } {
  const doc = structuredClone(SAMPLE) as { [key: string]: Json };
  for (const [index, e] of edits) {
    const at = PATHS[index] ?? [];
    if (at.length === 0) {
      if (e.kind === 'unknownKey') doc[e.key] = 1;
      continue;
    }
    let parent: Json = doc;
    for (const step of at.slice(0, -1))
      parent = parent && typeof parent === 'object' ? ((parent as Record<string, Json>)[step] ?? null) : null;
    if (!parent || typeof parent !== 'object') continue;
    const last = at[at.length - 1] as string;
    const holder = parent as Record<string, Json>;
    if (e.kind === 'delete') delete holder[last];
    else if (e.kind === 'unknownKey') {
      const target = holder[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) target[e.key] = 1;
    } else holder[last] = valueOf(e);
  }
  return doc;
}

/** Generous for a loaded 2-core machine; the 200,000-sector case once took minutes, or overflowed the stack. */
const TIME_BOUND_MS = 5_000;
function longestList(value: Json): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.slice(0, 100).map(longestList));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestList));
  return 0;
}

const REFUSALS = ['notACase', 'newerVersion', 'invalid', 'unknownKeys'];

describe('hostile cases through restore, the pre-flight and the pathway (issue 22)', () => {
  it('only ever end in a case or a typed refusal, in bounded time', () => {
    fc.assert(
      fc.property(hostileEdits, (edits) => {
        const text = textOf(hostileCase(edits));
        const started = performance.now();
        const restored = restore(JSON.parse(text));
        if (restored.ok) {
          // What is accepted is bounded: no list over what the domain allows, no document over the limit.
          expect(JSON.stringify(restored.case).length).toBeLessThan(MAX_CASE_DOCUMENT_BYTES);
          expect(longestList(restored.case as unknown as Json)).toBeLessThanOrEqual(5_000);
          checkCase(restored.case, { today: '2026-12-03' });
          decidePathway(restored.case.answers);
        } else {
          expect(REFUSALS).toContain(restored.code);
          expect(restored.details.length).toBeLessThan(2_000);
        }
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      }),
      { numRuns: 80, seed: 22 },
    );
  }, 120_000);
});

describe('hostile cases in the store (issue 22 point 1)', () => {
  let store: CaseStore;
  let good: string;
  let bad: string;
  let write: (text: string) => Promise<void>;

  beforeAll(async () => {
    store = await newStore();
    good = (await store.create({ name: 'Good' })).id;
    bad = (await store.create({ name: 'To be damaged' })).id;
    const key = await loadDataKey(nodeFs, store.root, fastPassphrase(), false);
    write = (text) =>
      writeFile(
        path.join(store.root, 'cases', bad, 'case.json.enc'),
        encrypt(key, Buffer.from(text), Purpose.caseDocument, `case:${bad}`),
      );
  });
  afterAll(removeTempDirs);

  it('never hide the other cases: the list names each one, the damaged one as such', async () => {
    await fc.assert(
      fc.asyncProperty(hostileEdits, async (edits) => {
        await write(textOf({ ...hostileCase(edits), id: bad }));
        const started = performance.now();
        const listed = await store.list();
        expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
        expect(listed.map((e) => e.id).sort()).toEqual([good, bad].sort());
        expect(listed.find((e) => e.id === good)?.readable).toBe(true);
        const entry = listed.find((e) => e.id === bad);
        if (entry && !entry.readable) expect(['caseDamaged', 'caseNewerVersion']).toContain(entry.code);
      }),
      { numRuns: 15, seed: 22 },
    );
  }, 120_000);
});
