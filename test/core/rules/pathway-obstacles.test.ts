/**
 * The pathway decision against the domain facts (issues 13, 15, 16): every obstacle at once with every route the
 * facts give, the filing subject and its document, the licence questions and the 2024 pilot in detail.
 */
import { describe, expect, it } from 'vitest';
import type { PathwayAnswers } from '../../../core/model/case';
import { decidePathway, type Decision } from '../../../core/rules';
import { answers } from './helpers';

const codes = (d: Decision) => d.conclusions.map((c) => c.code);
const obstacleCodes = (d: Decision) => d.obstacles.map((o) => o.code);
const routesOf = (d: Decision, code: string) =>
  d.obstacles.find((o) => o.code === code)?.routes.map((r) => r.id) ?? [];

describe('issue 16: rules that contradicted the domain facts', () => {
  it('1. hosting and the mini-program account are two questions: a foreign company gets its options for a mini-program', () => {
    const d = decidePathway(
      answers({
        surfaces: ['mini_program'],
        mainlandHosting: null,
        miniProgramAccount: 'overseas_entity',
        subject: 'foreign_no_entity',
      }),
    );
    expect(codes(d)).toContain('BLOCKED_NO_MAINLAND_ENTITY');
    expect(codes(d)).toContain('MINI_PROGRAM_OVERSEAS_ACCOUNT');
    expect(codes(d)).not.toContain('NO_FILING_POSSIBLE');
    expect(routesOf(d, 'BLOCKED_NO_MAINLAND_ENTITY')).toEqual(
      expect.arrayContaining(['set-up-mainland-company', 'licensed-partner']),
    );
    expect(d.missingAnswers.map((m) => m.answer)).not.toContain('mainlandHosting');
  });

  it('1. a mini-program alone never asks about hosting; a website beside it does', () => {
    const mini = decidePathway(answers({ surfaces: ['mini_program'], mainlandHosting: null }));
    expect(mini.missingAnswers.map((m) => m.answer)).toEqual(['miniProgramAccount']);
    const both = decidePathway(
      answers({ surfaces: ['website', 'mini_program'], mainlandHosting: null, miniProgramAccount: null }),
    );
    expect(both.missingAnswers.map((m) => m.answer).sort()).toEqual([
      'mainlandHosting',
      'miniProgramAccount',
    ]);
  });

  it('2. a WFOE at 100 % with a monetised platform in a 2025-plan city is blocked for B25, not licensed', () => {
    const d = decidePathway(
      answers({
        subject: 'wfoe',
        foreignEquityPct: 100,
        pilotLocation: 'other_2025_plan_city',
        activities: ['ugc_platform'],
        platformMonetised: true,
      }),
    );
    expect(d.pathway).toBe('not_eligible');
    expect(codes(d)).toContain('BLOCKED_FOREIGN_CAP');
    expect(codes(d)).not.toContain('PILOT_ROUTE');
    // The way out that does exist for a platform: the 2024 areas.
    expect(routesOf(d, 'BLOCKED_FOREIGN_CAP')).toContain('pilot-2024-relocate');
    expect(routesOf(d, 'BLOCKED_FOREIGN_CAP')).not.toContain('plan-2025-app-store');
  });

  it('2. an app store in a 2025-plan city takes the 2025 route, flagged unclear (city implementation)', () => {
    const d = decidePathway(
      answers({
        subject: 'wfoe',
        foreignEquityPct: 100,
        pilotLocation: 'other_2025_plan_city',
        activities: ['app_store'],
      }),
    );
    expect(codes(d)).toContain('PILOT_ROUTE_2025');
    expect(codes(d)).not.toContain('BLOCKED_FOREIGN_CAP');
    expect(d.conclusions.find((c) => c.code === 'PILOT_ROUTE_2025')?.confidence).toBe('unclear');
  });

  it('3. a free user-content platform is a filing; whether it earns money is asked, not assumed', () => {
    const free = decidePathway(
      answers({ activities: ['info_only', 'ugc_platform'], platformMonetised: false }),
    );
    expect(free.pathway).toBe('icp_filing');
    expect(codes(free)).not.toContain('B25_LIKELY');
    expect(codes(free)).toContain('UGC_FREE_FILING_ONLY');
    const unknown = decidePathway(answers({ activities: ['info_only', 'ugc_platform'] }));
    expect(unknown.pathway).toBe('incomplete');
    expect(unknown.missingAnswers.map((m) => m.answer)).toContain('platformMonetised');
    const paid = decidePathway(answers({ activities: ['ugc_platform'], platformMonetised: true }));
    expect(paid.pathway).toBe('commercial_licence');
  });

  it('4. a mainland-owned mini-program of a company without a mainland entity: no "filing required", no province asked', () => {
    const d = decidePathway(
      answers({
        surfaces: ['mini_program'],
        miniProgramAccount: 'mainland_entity',
        subject: 'foreign_no_entity',
        province: '',
      }),
    );
    expect(codes(d)).toContain('BLOCKED_NO_MAINLAND_ENTITY');
    expect(codes(d)).not.toContain('ICP_FILING_REQUIRED');
    expect(d.missingAnswers.map((m) => m.answer)).not.toContain('province');
  });

  it('5. a WFOE entered at 60 % is counted at 100 % with a message', () => {
    const d = decidePathway(answers({ subject: 'wfoe', foreignEquityPct: 60, activities: ['paid_content'] }));
    expect(d.corrections).toHaveLength(1);
    expect(d.corrections[0]).toMatchObject({ answer: 'foreignEquityPct', entered: 60, used: 100 });
    expect(d.corrections[0]?.message['zh-CN']).toContain('合资');
    expect(codes(d)).toContain('BLOCKED_FOREIGN_CAP');
    expect(decidePathway(answers({ subject: 'jv', foreignEquityPct: 60 })).corrections).toEqual([]);
  });

  it('6. the news portal licensed by MIIT is told to ask MIIT, not a provincial administration', () => {
    const d = decidePathway(
      answers({ activities: ['ads_revenue'], sectors: ['news'], scope: 'multi_province' }),
    );
    const ads = d.conclusions.find((c) => c.code === 'B25_LIKELY');
    expect(ads?.authority?.en).toContain('MIIT');
    const actions = ads?.nextActions.map((a) => a.en).join(' ') ?? '';
    expect(actions).toContain('MIIT');
    expect(actions).not.toMatch(/provincial communications administration/i);
    expect(ads?.nextActions.map((a) => a['zh-CN']).join(' ')).toContain('工业和信息化部');
    const single = decidePathway(answers({ activities: ['ads_revenue'], province: '440000' }));
    expect(single.conclusions.find((c) => c.code === 'B25_LIKELY')?.nextActions[0]?.['zh-CN']).toContain(
      '广东省通信管理局',
    );
  });
});

interface Combination {
  name: string;
  answers: Partial<PathwayAnswers>;
  obstacles: string[];
  /** Routes each obstacle must offer, and routes it must not. */
  routes?: Record<string, { has?: string[]; not?: string[] }>;
  document: string | null;
  likely?: string;
}

const platform = { activities: ['ugc_platform'], platformMonetised: true } as Partial<PathwayAnswers>;

/** Subject type × hosting × equity × pilot, as far as the rules tell them apart (issue 15). */
const COMBINATIONS: Combination[] = [
  {
    name: 'Chinese individual, mainland-hosted free site',
    answers: { subject: 'cn_individual', foreignEquityPct: null },
    obstacles: [],
    document: '居民身份证',
  },
  {
    name: 'Chinese individual selling memberships',
    answers: { subject: 'cn_individual', foreignEquityPct: null, activities: ['paid_membership'] },
    obstacles: ['BLOCKED_LICENCE_NEEDS_COMPANY'],
    routes: {
      BLOCKED_LICENCE_NEEDS_COMPANY: {
        has: ['set-up-company-individual', 'licensed-partner', 'drop-licensed-features'],
        not: ['set-up-mainland-company'],
      },
    },
    document: '居民身份证',
  },
  {
    name: 'foreign individual, mainland hosting (passport, provider-dependent)',
    answers: { subject: 'foreign_individual', foreignEquityPct: null },
    obstacles: [],
    document: '护照',
  },
  {
    name: 'foreign company without entity, overseas hosting: hosting and entity reported together',
    answers: { subject: 'foreign_no_entity', mainlandHosting: false },
    obstacles: ['NO_FILING_POSSIBLE', 'BLOCKED_NO_MAINLAND_ENTITY'],
    routes: {
      NO_FILING_POSSIBLE: {
        has: ['set-up-mainland-company', 'stay-overseas'],
        not: ['move-hosting-to-mainland'],
      },
      BLOCKED_NO_MAINLAND_ENTITY: {
        has: ['set-up-mainland-company', 'licensed-partner', 'rep-office-filing'],
        not: ['overseas-mini-program-account', 'apple-app-store-global'],
      },
    },
    document: null,
  },
  {
    name: 'foreign company without entity, paid site: entity and equity cap together',
    answers: { subject: 'foreign_no_entity', foreignEquityPct: null, activities: ['paid_content'] },
    obstacles: ['BLOCKED_NO_MAINLAND_ENTITY', 'BLOCKED_FOREIGN_CAP'],
    routes: { BLOCKED_NO_MAINLAND_ENTITY: { not: ['rep-office-filing'] } },
    document: null,
    likely: 'licensed-partner',
  },
  {
    name: 'representative office with a paid App',
    answers: { subject: 'rep_office', surfaces: ['app'], activities: ['paid_content'] },
    obstacles: ['BLOCKED_LICENCE_NEEDS_COMPANY'],
    routes: { BLOCKED_LICENCE_NEEDS_COMPANY: { has: ['set-up-mainland-company'] } },
    document: '外国（地区）企业常驻代表机构登记证',
  },
  {
    name: 'JV at the cap with paid content',
    answers: { subject: 'jv', foreignEquityPct: 50, activities: ['paid_content'] },
    obstacles: [],
    document: '营业执照',
  },
  {
    name: 'JV above the cap with paid content, no pilot',
    answers: { subject: 'jv', foreignEquityPct: 70, activities: ['paid_content'] },
    obstacles: ['BLOCKED_FOREIGN_CAP'],
    routes: {
      BLOCKED_FOREIGN_CAP: {
        has: ['restructure-equity', 'licensed-partner', 'drop-licensed-features'],
        // Paid content is not a pilot category.
        not: ['pilot-2024-relocate', 'plan-2025-app-store'],
      },
    },
    document: '营业执照',
  },
  {
    name: 'WFOE platform outside the pilot: relocating is offered',
    answers: { subject: 'wfoe', foreignEquityPct: 100, ...platform },
    obstacles: ['BLOCKED_FOREIGN_CAP'],
    routes: { BLOCKED_FOREIGN_CAP: { has: ['pilot-2024-relocate'], not: ['plan-2025-app-store'] } },
    document: '营业执照',
  },
  {
    name: 'WFOE platform with news content outside the pilot: relocating is not offered',
    answers: { subject: 'wfoe', foreignEquityPct: 100, ...platform, sectors: ['news'] },
    obstacles: ['BLOCKED_FOREIGN_CAP', 'BLOCKED_FOREIGN_PROHIBITED'],
    routes: {
      BLOCKED_FOREIGN_CAP: { not: ['pilot-2024-relocate'] },
      BLOCKED_FOREIGN_PROHIBITED: { has: ['drop-prohibited-content', 'domestic-partner-prohibited'] },
    },
    document: '营业执照',
  },
  {
    name: 'WFOE platform in Shenzhen: the pilot route, no obstacle',
    answers: { subject: 'wfoe', foreignEquityPct: 100, ...platform, pilotLocation: 'shenzhen' },
    obstacles: [],
    document: '营业执照',
  },
  {
    name: 'WFOE app store outside every pilot: both openings offered',
    answers: { subject: 'wfoe', foreignEquityPct: 100, activities: ['app_store'] },
    obstacles: ['BLOCKED_FOREIGN_CAP'],
    routes: { BLOCKED_FOREIGN_CAP: { has: ['pilot-2024-relocate', 'plan-2025-app-store'] } },
    document: '营业执照',
  },
  {
    name: 'WFOE device data outside the pilot',
    answers: { subject: 'wfoe', foreignEquityPct: 100, activities: ['iot_data'] },
    obstacles: ['BLOCKED_FOREIGN_CAP_B21'],
    routes: { BLOCKED_FOREIGN_CAP_B21: { has: ['pilot-2024-relocate-b21', 'restructure-equity'] } },
    document: '营业执照',
  },
  {
    name: 'domestic company, website overseas and mini-program on an overseas account',
    answers: {
      surfaces: ['website', 'mini_program'],
      mainlandHosting: false,
      miniProgramAccount: 'overseas_entity',
    },
    obstacles: ['NO_FILING_POSSIBLE', 'MINI_PROGRAM_OVERSEAS_ACCOUNT'],
    routes: {
      NO_FILING_POSSIBLE: {
        has: ['move-hosting-to-mainland', 'stay-overseas'],
        not: ['set-up-mainland-company'],
      },
      MINI_PROGRAM_OVERSEAS_ACCOUNT: {
        has: ['keep-overseas-mini-program-account', 'mainland-mini-program-account'],
      },
    },
    document: '营业执照',
  },
];

describe('issue 15: every obstacle, every route, the filing subject', () => {
  it.each(COMBINATIONS)('$name', ({ answers: overrides, obstacles, routes, document, likely }) => {
    const d = decidePathway(answers(overrides));
    expect(obstacleCodes(d).sort()).toEqual([...obstacles].sort());
    for (const [code, expected] of Object.entries(routes ?? {})) {
      const ids = routesOf(d, code);
      for (const id of expected.has ?? []) expect(ids, `${code} offers ${id}`).toContain(id);
      for (const id of expected.not ?? []) expect(ids, `${code} does not offer ${id}`).not.toContain(id);
    }
    for (const o of d.obstacles) {
      expect(o.routes.length, o.code).toBeGreaterThan(0);
      for (const r of o.routes) {
        expect(r.sources.length).toBeGreaterThan(0);
        expect(['law', 'official', 'practitioner', 'unclear']).toContain(r.confidence);
      }
    }
    if (document === null) expect(d.filingSubject?.kind).toBe('none');
    else expect(d.filingSubject?.document['zh-CN']).toBe(document);
    if (likely) expect(d.likelyRoute?.id).toBe(likely);
    if (obstacles.length > 0) expect(d.bottomLine.route ?? d.bottomLine.pathway).toBeDefined();
  });

  it('the foreign individual is flagged provider-dependent, the bottom line asks the provider', () => {
    const d = decidePathway(answers({ subject: 'foreign_individual', foreignEquityPct: null }));
    expect(d.filingSubject).toMatchObject({ kind: 'individual', providerDependent: true });
    expect(d.bottomLine.openQuestion?.who.en).toMatch(/provider/);
  });

  it('the bottom line names the most likely route of a blocked case', () => {
    const d = decidePathway(
      answers({ subject: 'foreign_no_entity', foreignEquityPct: null, activities: ['paid_content'] }),
    );
    expect(d.bottomLine.kind).toBe('route');
    expect(d.bottomLine.route?.id).toBe('licensed-partner');
    expect(d.bottomLine.route?.clears.sort()).toEqual(['BLOCKED_FOREIGN_CAP', 'BLOCKED_NO_MAINLAND_ENTITY']);
  });

  it('a disputed block leads with the filing it would be, the open question and whom to ask', () => {
    const d = decidePathway(
      answers({ subject: 'wfoe', foreignEquityPct: 100, activities: ['own_goods_sales'] }),
    );
    expect(d.bottomLine).toMatchObject({ kind: 'pathway', pathway: 'icp_filing', confidence: 'unclear' });
    expect(d.bottomLine.openQuestion?.disputeId).toBe('D1');
    expect(d.bottomLine.openQuestion?.who.en).toMatch(/provider/);
    // Each dispute once at the decision level, however many conclusions rest on it.
    const ids = d.disputes.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(d.conclusions.filter((c) => c.disputes.some((x) => x.id === 'D1')).length).toBeGreaterThan(1);
  });
});

describe('issue 13.5: licence category, coverage and the 2024 pilot in detail', () => {
  const pilot = decidePathway(
    answers({ subject: 'wfoe', foreignEquityPct: 100, ...platform, pilotLocation: 'beijing' }),
  );
  const route = pilot.conclusions.find((c) => c.code === 'PILOT_ROUTE');

  it('the pilot conclusion names MIIT notice 2024 No. 107, its date and the excluded sectors', () => {
    expect(route?.explanation.en).toContain('2024 No. 107');
    expect(route?.explanation['zh-CN']).toContain('工信部通信函〔2024〕107号');
    expect(route?.explanation.en).toContain('10 April 2024');
    for (const sector of ['internet news', 'online publishing', 'audio-visual', 'internet culture'])
      expect(route?.explanation.en).toContain(sector);
    expect(route?.explanation.en).toContain('28 February 2025');
  });

  it('the pilot approval (试点批复) is the first next action', () => {
    expect(route?.nextActions[0]?.en).toMatch(/^First apply to MIIT for the pilot approval \(试点批复\)/);
    expect(route?.nextActions[0]?.['zh-CN']).toContain('试点批复');
    const b21 = decidePathway(
      answers({
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['iot_data'],
        pilotLocation: 'shenzhen',
      }),
    ).conclusions.find((c) => c.code === 'PILOT_ROUTE_B21');
    expect(b21?.nextActions[0]?.['zh-CN']).toContain('试点批复');
  });

  it('the licence category answer is checked against what the activities need', () => {
    const b25only = decidePathway(
      answers({ activities: ['marketplace_third_party'], licenceCategory: 'b25' }),
    );
    expect(codes(b25only)).toContain('LICENCE_CATEGORY_B21_TOO');
    const named = decidePathway(answers({ licenceCategory: 'b21' }));
    expect(codes(named)).toContain('LICENCE_CATEGORY_NOT_INDICATED');
    expect(named.pathway).toBe('icp_filing');
  });

  it('coverage decides the issuer: one province or MIIT', () => {
    const one = decidePathway(answers({ activities: ['paid_content'], scope: 'single_province' }));
    const many = decidePathway(answers({ activities: ['paid_content'], scope: 'multi_province' }));
    expect(one.conclusions.find((c) => c.code === 'B25_LICENCE_REQUIRED')?.minRegisteredCapitalCny).toBe(
      1_000_000,
    );
    expect(many.conclusions.find((c) => c.code === 'B25_LICENCE_REQUIRED')?.authority?.en).toContain('MIIT');
  });
});
