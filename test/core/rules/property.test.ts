import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  CaseSchema,
  GENERATIVE_AI_USES,
  LICENCE_CATEGORIES,
  MINI_PROGRAM_ACCOUNT_OWNERS,
  PILOT_LOCATIONS,
  SECTORS,
  SUBJECT_KINDS,
  SURFACES,
  type PathwayAnswers,
} from '../../../core/model/case';
import { buildChecklist, checkCase, decidePathway } from '../../../core/rules';
import { TODAY, completeSample } from './helpers';

const answersArb: fc.Arbitrary<PathwayAnswers> = fc.record({
  surfaces: fc.subarray([...SURFACES]),
  mainlandHosting: fc.option(fc.boolean(), { nil: null }),
  miniProgramAccount: fc.option(fc.constantFrom(...MINI_PROGRAM_ACCOUNT_OWNERS), { nil: null }),
  subject: fc.option(fc.constantFrom(...SUBJECT_KINDS), { nil: null }),
  foreignEquityPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  pilotLocation: fc.constantFrom(...PILOT_LOCATIONS),
  scope: fc.option(fc.constantFrom('single_province' as const, 'multi_province' as const), { nil: null }),
  province: fc.constantFrom('', '310000', '440000', '130000', '999999', 'abc'),
  activities: fc.subarray([...ACTIVITIES]),
  platformMonetised: fc.option(fc.boolean(), { nil: null }),
  licenceCategory: fc.option(fc.constantFrom(...LICENCE_CATEGORIES), { nil: null }),
  sectors: fc.subarray([...SECTORS]),
  generativeAi: fc.option(fc.constantFrom(...GENERATIVE_AI_USES), { nil: null }),
  recommendation: fc.option(fc.boolean(), { nil: null }),
  publicOpinion: fc.option(fc.boolean(), { nil: null }),
});

const PLACEHOLDER = /\{\w+\}/;

describe('property: decidePathway', () => {
  it('never crashes on answers valid per schema, and always explains itself in both languages', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const d = decidePathway(a);
        expect(['icp_filing', 'commercial_licence', 'not_eligible', 'incomplete']).toContain(d.pathway);
        // A missing answer the pathway waits for leaves it open; one only duties wait for does not.
        if (d.missingAnswers.some((m) => m.decidesPathway))
          expect(['incomplete', 'not_eligible']).toContain(d.pathway);
        for (const c of d.conclusions) {
          expect(c.title.en && c.title['zh-CN'] && c.explanation['zh-CN']).toBeTruthy();
          expect(c.title.en).not.toMatch(PLACEHOLDER);
          expect(c.explanation['zh-CN']).not.toMatch(PLACEHOLDER);
          expect(c.sources.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('property: obstacles and conclusions (issues 15, 16)', () => {
  it('no answer set yields an obstacle without a route, unless the result says none exists', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const d = decidePathway(a);
        for (const o of d.obstacles) {
          expect(o.routes.length > 0 || o.noRoute !== undefined, o.code).toBe(true);
          expect(new Set(o.routes.map((r) => r.id)).size).toBe(o.routes.length);
        }
        // Routes never offered where they do not apply to the case's service or sector.
        const ids = d.obstacles.flatMap((o) => o.routes.map((r) => r.id));
        if (!a.surfaces.includes('mini_program')) {
          expect(ids).not.toContain('overseas-mini-program-account');
          expect(ids).not.toContain('keep-overseas-mini-program-account');
        }
        if (a.sectors.some((s) => ['news', 'publishing', 'audio_video', 'culture'].includes(s))) {
          expect(ids).not.toContain('pilot-2024-relocate');
          expect(ids).not.toContain('pilot-2024-relocate-arguable');
          expect(ids).not.toContain('pilot-2024-apply-arguable');
        }
        // The pilot approval in place is offered only to a company in a 2024 pilot area, relocation only outside.
        const inPilotArea = ['beijing', 'shanghai_lingang_pudong', 'hainan', 'shenzhen'].includes(
          a.pilotLocation,
        );
        if (!inPilotArea) expect(ids).not.toContain('pilot-2024-apply-arguable');
        if (inPilotArea) expect(ids).not.toContain('pilot-2024-relocate-arguable');
        for (const r of d.obstacles.flatMap((o) => o.routes)) {
          expect(r.title.en + r.detail.en + r.detail['zh-CN'], r.id).not.toMatch(/\{\w+\}/);
        }
        if (!a.activities.includes('app_store')) expect(ids).not.toContain('plan-2025-app-store');
        if (d.obstacles.some((o) => o.routes.length > 0)) expect(d.likelyRoute).toBeDefined();
        expect(d.filingSubject === null).toBe(a.subject === null);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('no answer set yields two contradicting conclusions for the same surface', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const d = decidePathway(a);
        const required = d.conclusions.filter((c) => c.code === 'ICP_FILING_REQUIRED').map((c) => c.surface);
        const impossible = d.conclusions.filter((c) => c.effect === 'no_filing').map((c) => c.surface);
        const cannotFile = d.conclusions.some((c) => c.code === 'BLOCKED_NO_MAINLAND_ENTITY');
        for (const surface of required) {
          expect(impossible, `filing required and impossible for ${surface}`).not.toContain(surface);
          expect(cannotFile, `filing required for ${surface} but the subject cannot file`).toBe(false);
        }
        // Licence required and licence ruled out as unneeded never meet.
        const codes = d.conclusions.map((c) => c.code);
        if (codes.includes('UGC_FREE_FILING_ONLY')) expect(codes).not.toContain('B25_PLATFORM_MONETISED');
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

interface FreeText {
  path: string[];
  /** Longest text the schema stores there (country and region codes are short). */
  maxLength: number;
}

/** Paths of the complete sample whose string values the schema lets be any text (free-text fields). */
function freeTextPaths(): FreeText[] {
  const base = completeSample();
  const paths: FreeText[] = [];
  const accepts = (path: string[], value: string) => {
    const copy = structuredClone(base) as unknown as Record<string, unknown>;
    set(copy, path, value);
    return CaseSchema.safeParse(copy).success;
  };
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      if (!accepts(path, '') || !accepts(path, 'x')) return;
      const maxLength = [30, 10, 6, 2].find((n) => accepts(path, 'x'.repeat(n))) ?? 1;
      paths.push({ path, maxLength });
      return;
    }
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(base, []);
  return paths;
}

function set(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = value;
}

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '长期',
    '2027-02-30',
    '20270101',
    '110105199001011234',
    '+86 138',
    'wx',
    '（）',
    '\u0000',
  ),
);

describe('property: checkCase', () => {
  let paths: FreeText[] = [];
  beforeAll(() => {
    paths = freeTextPaths();
  }, 60_000);

  it('finds the free-text fields to fuzz', () => {
    expect(paths.length).toBeGreaterThan(60);
  });

  it('random strings in every string field never crash checkCase or buildChecklist', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: paths.length, maxLength: paths.length }), (values) => {
        const c = structuredClone(completeSample()) as unknown as Record<string, unknown>;
        paths.forEach((p, i) => set(c, p.path, [...(values[i] ?? '')].slice(0, p.maxLength).join('')));
        const parsed = CaseSchema.parse(c);
        const issues = checkCase(parsed, { today: TODAY });
        for (const issue of issues) {
          expect(issue.message.en.length).toBeGreaterThan(0);
          expect(issue.message['zh-CN'].length).toBeGreaterThan(0);
        }
        buildChecklist(parsed, decidePathway(parsed.answers), { today: TODAY });
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
