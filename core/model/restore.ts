/**
 * The one way a case enters the app: from disk, an import, the CLI or the sample. `restore()` checks the
 * file's type and version, migrates older versions step by step, fills defaults and validates. What it cannot
 * read it refuses with a code — it never guesses, and the caller leaves the file untouched.
 */
import type { z } from 'zod';
import { CaseSchema, CURRENT_SCHEMA_VERSION, type Case } from './case';

/**
 * Why a document was refused: not a case at all; a newer schema; fields of a known name with values the
 * schema refuses (a wrong type, a list or a string over its bound); or `unknownKeys` — keys the schema does not
 * know (a misspelling, a field of a newer app of the same schema version), named in `details`.
 */
export type RestoreErrorCode = 'notACase' | 'newerVersion' | 'invalid' | 'unknownKeys';

export type RestoreResult =
  { ok: true; case: Case; migratedFrom?: number } | { ok: false; code: RestoreErrorCode; details: string };

/**
 * The largest case document read or written (its JSON, in bytes). Every field is bounded (case.ts), so a real
 * case is far smaller; this stops a hostile file before it is parsed at all.
 */
export const MAX_CASE_DOCUMENT_BYTES = 16 * 1024 * 1024;

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * `MIGRATIONS[n]` turns a version-n document into version n+1. Version 1 is the first released schema;
 * add an entry here (and bump CURRENT_SCHEMA_VERSION) whenever a change is not covered by defaults.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: migrateStatusJournalV1,
  2: splitMainlandHosting,
  3: licenceCategoriesIntoAnswer,
};

/**
 * Status journal (issue 14, after submission / after approval): version 1 entries had no day of their own,
 * no id and a `provider_review` state; version 2 counts timers from `on` (the day recorded, taken from `at`),
 * gives each entry an id, and names that state `submitted` (waiting for the provider's pre-review).
 */
function migrateStatusJournalV1(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.journal)) return raw;
  const journal = raw.journal.map((entry: unknown, index) => {
    if (!isRecord(entry)) return entry;
    const at = typeof entry.at === 'string' ? entry.at : '';
    return {
      ...entry,
      id: typeof entry.id === 'string' && entry.id ? entry.id : `v1-${index}`,
      on: typeof entry.on === 'string' ? entry.on : /^\d{4}-\d{2}-\d{2}/.test(at) ? at.slice(0, 10) : '',
      status: entry.status === 'provider_review' ? 'submitted' : entry.status,
    };
  });
  return { ...raw, journal };
}

/**
 * Pathway (issue 16): versions 1 and 2 had one `mainlandHosting` answer meaning both "servers in the mainland" and
 * "the mini-program account is registered by a mainland entity". Version 3 asks the two apart: the old answer
 * becomes the mini-program account owner, and stays the hosting answer only where a website or App was named
 * (for a mini-program alone it never was a hosting answer).
 */
function splitMainlandHosting(raw: Record<string, unknown>): Record<string, unknown> {
  const answers = raw.answers;
  if (!isRecord(answers)) return raw;
  const surfaces = Array.isArray(answers.surfaces) ? (answers.surfaces as unknown[]) : [];
  const hosting = answers.mainlandHosting;
  if (typeof hosting !== 'boolean' || !surfaces.includes('mini_program')) return raw;
  const hosted = surfaces.some((s) => s === 'website' || s === 'app');
  return {
    ...raw,
    answers: {
      ...answers,
      miniProgramAccount: hosting ? 'mainland_entity' : 'overseas_entity',
      mainlandHosting: hosted ? hosting : null,
    },
  };
}

const ANSWER_OF_CATEGORIES: Record<string, string> = { B25: 'b25', B21: 'b21', 'B21+B25': 'both' };

/**
 * Licence categories: versions 1–3 kept them twice — the Pathway answer `answers.licenceCategory` and
 * `licence.categories`, which the documents printed (B25 when empty) while the app only ever asked the
 * answer. Version 4 keeps the answer alone. A category either place named is kept: the answer becomes the
 * union of both (the pre-flight and the pathway result say when a category is missing or not needed).
 */
function licenceCategoriesIntoAnswer(raw: Record<string, unknown>): Record<string, unknown> {
  const licence = raw.licence;
  if (!isRecord(licence) || !('categories' in licence)) return raw;
  const { categories, ...rest } = licence;
  const answers = isRecord(raw.answers) ? raw.answers : {};
  const named = new Set(
    Array.isArray(categories) ? categories.filter((c) => c === 'B25' || c === 'B21') : [],
  );
  const answer = answers.licenceCategory;
  if (answer === 'b25' || answer === 'both') named.add('B25');
  if (answer === 'b21' || answer === 'both') named.add('B21');
  const key = [...named].sort().join('+');
  const merged = ANSWER_OF_CATEGORIES[key];
  return {
    ...raw,
    licence: rest,
    ...(merged && merged !== answer ? { answers: { ...answers, licenceCategory: merged } } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message.slice(0, 200)}`)
    .join('; ');
}

/** `subject.nmae`, `(root).legalRepresentativ`: every unknown key with where it is. */
function unknownKeysOf(issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k.slice(0, 100)].join('.')) : [],
  );
}

export function restore(raw: unknown): RestoreResult {
  if (!isRecord(raw) || typeof raw.schemaVersion !== 'number' || typeof raw.id !== 'string') {
    return { ok: false, code: 'notACase', details: 'missing schemaVersion or id' };
  }
  const from = raw.schemaVersion;
  if (!Number.isInteger(from) || from < 1)
    return { ok: false, code: 'notACase', details: `schemaVersion ${from}` };
  if (from > CURRENT_SCHEMA_VERSION) {
    return { ok: false, code: 'newerVersion', details: `schemaVersion ${from} > ${CURRENT_SCHEMA_VERSION}` };
  }
  let doc: Record<string, unknown> = raw;
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, code: 'invalid', details: `no migration from version ${v}` };
    doc = { ...step(doc), schemaVersion: v + 1 };
  }
  const parsed = CaseSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const unknown = unknownKeysOf(issues);
    // Only unknown keys: name them, so the user can fix the spelling (or update the app).
    if (unknown.length > 0 && issues.every((i) => i.code === 'unrecognized_keys'))
      return { ok: false, code: 'unknownKeys', details: unknown.slice(0, 10).join(', ') };
    return { ok: false, code: 'invalid', details: describe(issues) };
  }
  return from === CURRENT_SCHEMA_VERSION
    ? { ok: true, case: parsed.data }
    : { ok: true, case: parsed.data, migratedFrom: from };
}

/** A new, empty case. `id` is a UUID from the caller (crypto.randomUUID in Node and the browser). */
export function createCase(init: { id: string; name: string; now: Date }): Case {
  const at = init.now.toISOString();
  return CaseSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: init.id,
    name: init.name,
    createdAt: at,
    updatedAt: at,
    journal: [{ id: init.id, at, on: at.slice(0, 10), status: 'draft' }],
  });
}
