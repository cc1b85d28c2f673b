import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import checklistJson from '../../../templates/rules/checklist.json' with { type: 'json' };
import disputesJson from '../../../templates/rules/disputes.json' with { type: 'json' };
import pathwayJson from '../../../templates/rules/pathway-rules.json' with { type: 'json' };
import preApprovalsJson from '../../../templates/rules/pre-approvals.json' with { type: 'json' };
import preflightJson from '../../../templates/rules/preflight-rules.json' with { type: 'json' };
import { BUNDLED_RULE_PACK } from '../../../core/rules/pack';
import { PathwayAnswersSchema, SECTORS, SUBJECT_KINDS } from '../../../core/model/case';
import {
  CHECKLIST,
  DISPUTES,
  PATHWAY_RULES,
  PREFLIGHT,
  PRE_APPROVALS,
  CASE_FACT_NAMES,
  factsOf,
  type Condition,
} from '../../../core/rules';

const FILES = {
  'pathway-rules.json': pathwayJson,
  'disputes.json': disputesJson,
  'pre-approvals.json': preApprovalsJson,
  'checklist.json': checklistJson,
  'preflight-rules.json': preflightJson,
};

const realDate = (s: unknown) =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * A Chinese text has Han characters, unless it is only placeholders and punctuation ("{document}：{problem}")
 * or a short Latin word Chinese uses as is ("App").
 */
const translated = (en: string, zh: string) =>
  /\p{Script=Han}/u.test(zh) ||
  zh.replace(/\{\w+\}/g, '').replace(/[\p{P}\s]/gu, '') === '' ||
  (en === zh && /^[A-Za-z]{1,5}$/.test(zh));

/** Every object with an `en` or `zh-CN` key, wherever it sits in the file. */
function bilinguals(node: unknown, path = ''): { path: string; value: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => bilinguals(n, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = 'en' in record || 'zh-CN' in record ? [{ path, value: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([k, v]) => bilinguals(v, `${path}.${k}`))];
}

describe('rule data', () => {
  it.each(Object.entries(FILES))('%s: every text exists in English and Chinese', (_name, data) => {
    const bad = bilinguals(data).filter(
      ({ value }) =>
        typeof value.en !== 'string' ||
        value.en.trim() === '' ||
        typeof value['zh-CN'] !== 'string' ||
        value['zh-CN'].trim() === '' ||
        !translated(value.en as string, value['zh-CN'] as string),
    );
    expect(bad.map((b) => b.path)).toEqual([]);
  });

  it.each(Object.entries(FILES))('%s: the file has a source and an as-of date', (_name, data) => {
    const d = data as { source?: string; asOf?: string };
    expect(d.source?.trim()).toBeTruthy();
    expect(realDate(d.asOf)).toBe(true);
  });

  const entries = [
    ...PATHWAY_RULES.rules.map((r) => ({ id: r.id, sources: r.sources.map((s) => s.title), asOf: r.asOf })),
    ...PATHWAY_RULES.factDefaults.map((d) => ({
      id: `default:${d.fact}`,
      sources: [d.source],
      asOf: d.asOf,
    })),
    ...DISPUTES.map((d) => ({
      id: d.id,
      sources: d.views.flatMap((v) => v.sources.map((s) => s.title)),
      asOf: d.asOf,
    })),
    ...PRE_APPROVALS.map((e) => ({ id: e.sector, sources: e.sources.map((s) => s.title), asOf: e.asOf })),
    ...CHECKLIST.items.map((i) => ({
      id: i.id,
      sources: [i.source, ...(i.format ? [i.format.source] : [])],
      asOf: i.asOf,
    })),
    ...PREFLIGHT.rules.map((r) => ({ id: r.id, sources: [r.source], asOf: r.asOf })),
    ...PREFLIGHT.requiredFields.map((f) => ({ id: f.path, sources: [f.source], asOf: PREFLIGHT.asOf })),
  ];

  it.each(entries)('$id has a non-empty source and a valid as-of date', ({ sources, asOf }) => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.trim().length).toBeGreaterThan(3);
    expect(realDate(asOf)).toBe(true);
  });

  it('implements every rule of pathways.md §12.2, each reading only the outcomes of rules before it', () => {
    const ids = PATHWAY_RULES.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i <= 21; i++) expect(ids).toContain(`R${i}`);
    const seen = new Set<string>();
    for (const r of PATHWAY_RULES.rules) {
      const read = JSON.stringify(r.when).match(/"[A-Z][A-Z0-9_]{3,}"/g) ?? [];
      for (const code of read) expect(seen, `${r.id} reads ${code}`).toContain(code.slice(1, -1));
      seen.add(r.code);
    }
  });

  it('every obstacle offers routes that exist, or says that none exists (issue 15)', () => {
    const routes = new Set(PATHWAY_RULES.routes.map((r) => r.id));
    for (const r of PATHWAY_RULES.rules) {
      if (r.effect !== 'blocked' && r.effect !== 'no_filing') {
        expect(r.routes, r.id).toBeUndefined();
        continue;
      }
      expect((r.routes?.length ?? 0) > 0 || r.noRoute !== undefined, r.id).toBe(true);
      for (const id of r.routes ?? []) expect(routes, `${r.id} → ${id}`).toContain(id);
    }
    expect(new Set(PATHWAY_RULES.routes.map((r) => r.id)).size).toBe(PATHWAY_RULES.routes.length);
    for (const route of PATHWAY_RULES.routes) {
      expect(route.sources.length).toBeGreaterThan(0);
      expect(realDate(route.asOf)).toBe(true);
    }
  });

  it('names the filing subject and its identity document for every applicant kind', () => {
    for (const kind of SUBJECT_KINDS) {
      const entry = PATHWAY_RULES.filingSubjects[kind];
      expect(entry, kind).toBeDefined();
      expect(entry?.sources.length).toBeGreaterThan(0);
      expect(realDate(entry?.asOf)).toBe(true);
    }
    expect(PATHWAY_RULES.filingSubjects.cn_individual?.document['zh-CN']).toBe('居民身份证');
    expect(PATHWAY_RULES.filingSubjects.foreign_individual?.providerDependent).toBe(true);
    expect(PATHWAY_RULES.filingSubjects.wfoe?.number?.en).toContain('USCC');
  });

  it('source titles are user words, unique within a conclusion (they key the list)', () => {
    const lists = [
      ...PATHWAY_RULES.rules.map((r) => r.sources),
      ...PATHWAY_RULES.routes.map((r) => r.sources),
      ...DISPUTES.flatMap((d) => d.views.map((v) => v.sources)),
    ];
    for (const list of lists) {
      const titles = list.map((s) => s.title);
      expect(new Set(titles).size, titles.join(' | ')).toBe(titles.length);
      for (const t of titles) expect(t, t).not.toMatch(/\.md\b|pathways|§/);
    }
  });

  it('carries every disagreement of the sources (nine on the pathway, one on the pilot sub-type), each attached to existing rules', () => {
    expect(DISPUTES.map((d) => d.id)).toEqual(Array.from({ length: 10 }, (_, i) => `D${i + 1}`));
    const ids = new Set(PATHWAY_RULES.rules.map((r) => r.id));
    for (const d of DISPUTES) for (const r of d.appliesTo) expect(ids.has(r)).toBe(true);
  });

  it('has a pre-approval entry for every sector of the answers', () => {
    expect(PRE_APPROVALS.map((e) => e.sector).sort()).toEqual([...SECTORS].sort());
  });

  it('conditions only read facts that exist', () => {
    const answerFacts = Object.keys(PathwayAnswersSchema.shape);
    const derived = PATHWAY_RULES.derivedFacts.map((d) => d.fact);
    const pathwayFacts = new Set([...answerFacts, ...derived, 'outcomes', 'item']);
    for (const c of [
      ...PATHWAY_RULES.rules.map((r) => r.when),
      ...PATHWAY_RULES.routes.map((r) => r.when),
      ...PATHWAY_RULES.derivedFacts.map((d) => d.when),
      ...PATHWAY_RULES.corrections.map((d) => d.when),
    ])
      for (const f of factsOf(c)) expect(pathwayFacts).toContain(f);
    const caseFactNames = new Set<string>(CASE_FACT_NAMES);
    const checklistConditions: Condition[] = CHECKLIST.items.flatMap((i) => [
      i.when,
      ...(i.requiredWhen ? [i.requiredWhen] : []),
    ]);
    for (const c of [...checklistConditions, ...PREFLIGHT.requiredFields.map((f) => f.when)]) {
      for (const f of factsOf(c)) expect(f.startsWith('item.') || caseFactNames.has(f), f).toBe(true);
    }
  });

  it('outcome codes referenced by later rules exist', () => {
    const codes = new Set(PATHWAY_RULES.rules.map((r) => r.code));
    const referenced =
      JSON.stringify(PATHWAY_RULES.rules.map((r) => r.when)).match(/"[A-Z][A-Z0-9_]{3,}"/g) ?? [];
    for (const code of referenced) expect(codes).toContain(code.slice(1, -1));
  });

  it('checklist ids and pre-flight codes are unique', () => {
    const ids = CHECKLIST.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = PREFLIGHT.rules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the rule pack cites sources users can read', () => {
  /** Every object of a `sources` list, anywhere in a file of the pack. */
  function citedIn(value: unknown, found: { title: string; url?: string }[] = []) {
    if (Array.isArray(value)) for (const v of value) citedIn(v, found);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'sources' && Array.isArray(v)) found.push(...(v as { title: string; url?: string }[]));
        else citedIn(v, found);
      }
    return found;
  }

  it('never names our research files (pathways.md §7, post-approval.md §3) in a source shown to users', () => {
    const all = Object.values(BUNDLED_RULE_PACK.files).flatMap((file) => citedIn(file));
    expect(all.length).toBeGreaterThan(200);
    for (const s of all)
      expect(s.title, s.title).not.toMatch(/\.md\b|§|pathways|post-approval|identifiers\./);
  });
});

describe('no research file name is cited anywhere a user or a reviewer can read it', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  /** Our research notes (../shared/domain/*.md): `materials.md §1 #4`, `domain/pathways.md §7`, `§4.2`. */
  const RESEARCH =
    /\b(?:materials|wechat-filing-fields|app-and-website-filing-fields|identifiers|pathways|post-approval|pre-approvals|rules-2025-2026|lifecycle|rejections|DESIGN)\.md\b|(?:^|[^/\w])domain\/|\bdomain files\b|§/;
  const filesUnder = (dir: string, ext: string): string[] =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(ext))
      .map((f) => path.join(dir, f));

  /** Every string of a JSON file with where it sits, except maintainers' `$comment`s. */
  function stringsOf(node: unknown, at = ''): { at: string; text: string }[] {
    if (typeof node === 'string') return [{ at, text: node }];
    if (Array.isArray(node)) return node.flatMap((n, i) => stringsOf(n, `${at}[${i}]`));
    if (node && typeof node === 'object')
      return Object.entries(node).flatMap(([k, v]) => (k === '$comment' ? [] : stringsOf(v, `${at}.${k}`)));
    return [];
  }

  const jsonFiles = [...filesUnder('templates', '.json'), ...filesUnder('locales', '.json')];
  it.each(jsonFiles)(
    '%s: template basis, rule-file headers, sources, evidence and texts cite original sources only',
    (file) => {
      const strings = stringsOf(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')));
      expect(strings.filter((s) => RESEARCH.test(s.text)).map((s) => `${s.at}: ${s.text}`)).toEqual([]);
    },
  );

  it('every pre-flight rule and required field, as the pre-flight reports it, names an original source', () => {
    const sources = [
      ...PREFLIGHT.rules.map((r) => r.source),
      ...PREFLIGHT.requiredFields.map((f) => f.source),
    ];
    expect(sources.length).toBeGreaterThan(60);
    expect(sources.filter((s) => RESEARCH.test(s) || s.trim().length < 8)).toEqual([]);
  });

  it('string literals of core/ and host/ (not comments) name no research file', () => {
    const offending: string[] = [];
    for (const file of [...filesUnder('core', '.ts'), ...filesUnder('host', '.ts')]) {
      const code = readFileSync(path.join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const literal of code.match(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [])
        if (RESEARCH.test(literal)) offending.push(`${file}: ${literal}`);
    }
    expect(offending).toEqual([]);
  });
});
