import { describe, expect, it } from 'vitest';
import type { PathwayAnswers } from '../../../core/model/case';
import { PATHWAY_RULES, decidePathway } from '../../../core/rules';
import { answers } from './helpers';

interface Row {
  rule: string;
  fires: Partial<PathwayAnswers>;
  /** Answers under which the rule must stay silent. */
  silent: Partial<PathwayAnswers>[];
}

const licence = { activities: ['paid_membership'] } as Partial<PathwayAnswers>;

const ROWS: Row[] = [
  {
    rule: 'R1',
    fires: { mainlandHosting: false },
    // For a mini-program alone the hosting answer says nothing: its account decides.
    silent: [
      {},
      { surfaces: ['mini_program'], mainlandHosting: false, miniProgramAccount: 'mainland_entity' },
    ],
  },
  {
    rule: 'R22',
    fires: { surfaces: ['mini_program'], miniProgramAccount: 'overseas_entity' },
    silent: [{ surfaces: ['mini_program'], miniProgramAccount: 'mainland_entity' }, {}],
  },
  {
    rule: 'R2',
    fires: { surfaces: ['website', 'app', 'mini_program'], miniProgramAccount: 'mainland_entity' },
    silent: [{ mainlandHosting: false }, { subject: 'foreign_no_entity' }],
  },
  {
    rule: 'R3',
    fires: { subject: 'foreign_no_entity', mainlandHosting: false },
    silent: [{ subject: 'wfoe' }, { subject: 'rep_office' }],
  },
  {
    rule: 'R4',
    fires: { subject: 'foreign_individual' },
    silent: [{ subject: 'cn_individual' }, { subject: 'foreign_individual', mainlandHosting: false }],
  },
  { rule: 'R5', fires: licence, silent: [{}, { activities: ['ads_revenue'] }] },
  {
    rule: 'R6',
    fires: { activities: ['ads_revenue'] },
    silent: [{}, { activities: ['paid_content'] }, { activities: ['ugc_platform'], platformMonetised: true }],
  },
  {
    rule: 'R23',
    fires: { activities: ['ugc_platform'], platformMonetised: true },
    silent: [{ activities: ['ugc_platform'], platformMonetised: false }, { platformMonetised: true }],
  },
  {
    rule: 'R24',
    fires: { activities: ['info_only', 'ugc_platform'], platformMonetised: false },
    silent: [{ activities: ['ugc_platform'], platformMonetised: true }],
  },
  {
    rule: 'R7',
    fires: { activities: ['own_goods_sales'] },
    silent: [{}, { activities: ['own_goods_sales', 'marketplace_third_party'] }],
  },
  { rule: 'R8', fires: { activities: ['iot_data'] }, silent: [{ activities: ['own_goods_sales'] }] },
  {
    rule: 'R9',
    fires: { activities: ['payments_for_others'] },
    silent: [{ activities: ['own_goods_sales'] }],
  },
  {
    rule: 'R10',
    fires: { subject: 'cn_individual', foreignEquityPct: null, activities: ['paid_content'] },
    silent: [licence, { subject: 'cn_individual', foreignEquityPct: null }],
  },
  {
    rule: 'R11',
    fires: { subject: 'wfoe', foreignEquityPct: 100, ...licence },
    silent: [
      { subject: 'jv', foreignEquityPct: 50, ...licence },
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['ugc_platform'],
        platformMonetised: true,
        pilotLocation: 'beijing',
      },
    ],
  },
  {
    rule: 'R12',
    fires: {
      subject: 'wfoe',
      foreignEquityPct: 100,
      activities: ['ugc_platform'],
      platformMonetised: true,
      pilotLocation: 'beijing',
    },
    silent: [
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['ugc_platform'],
        platformMonetised: true,
        pilotLocation: 'none',
      },
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['ugc_platform'],
        platformMonetised: true,
        pilotLocation: 'beijing',
        sectors: ['news'],
      },
      // The 2025 plan cities open app stores only, not platforms.
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['ugc_platform'],
        platformMonetised: true,
        pilotLocation: 'other_2025_plan_city',
      },
    ],
  },
  {
    rule: 'R13',
    fires: {
      subject: 'wfoe',
      foreignEquityPct: 100,
      activities: ['app_store'],
      pilotLocation: 'other_2025_plan_city',
    },
    silent: [
      { subject: 'wfoe', foreignEquityPct: 100, activities: ['app_store'], pilotLocation: 'none' },
      {
        subject: 'jv',
        foreignEquityPct: 40,
        activities: ['app_store'],
        pilotLocation: 'other_2025_plan_city',
      },
    ],
  },
  {
    rule: 'R14',
    fires: { subject: 'wfoe', foreignEquityPct: 100, activities: ['marketplace_third_party'] },
    silent: [{ activities: ['iot_data'] }],
  },
  {
    rule: 'R15',
    fires: { subject: 'wfoe', foreignEquityPct: 100, activities: ['iot_data'] },
    silent: [
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['iot_data'],
        pilotLocation: 'shanghai_lingang_pudong',
      },
      { subject: 'jv', foreignEquityPct: 50, activities: ['iot_data'] },
      { subject: 'wfoe', foreignEquityPct: 100, activities: ['marketplace_third_party'] },
    ],
  },
  {
    rule: 'R25',
    fires: { subject: 'wfoe', foreignEquityPct: 100, activities: ['iot_data'], pilotLocation: 'hainan' },
    silent: [{ subject: 'wfoe', foreignEquityPct: 100, activities: ['iot_data'] }],
  },
  { rule: 'R16', fires: licence, silent: [{}, { ...licence, scope: 'multi_province' }] },
  { rule: 'R17', fires: { ...licence, scope: 'multi_province' }, silent: [{}, licence] },
  {
    rule: 'R26',
    fires: { activities: ['marketplace_third_party'], licenceCategory: 'b25' },
    silent: [{ activities: ['marketplace_third_party'], licenceCategory: 'both' }, { licenceCategory: null }],
  },
  {
    rule: 'R27',
    fires: { ...licence, licenceCategory: 'b21' },
    silent: [{ ...licence, licenceCategory: 'b25' }],
  },
  {
    rule: 'R28',
    fires: { licenceCategory: 'both', ...licence },
    silent: [
      { licenceCategory: 'not_sure' },
      { licenceCategory: null },
      { activities: ['paid_content', 'iot_data'], licenceCategory: 'both' },
    ],
  },
  { rule: 'R18', fires: { sectors: ['education', 'drugs_devices'] }, silent: [{}] },
  {
    rule: 'R19',
    fires: { subject: 'wfoe', foreignEquityPct: 100, sectors: ['news'] },
    silent: [{ sectors: ['news'] }, { subject: 'wfoe', foreignEquityPct: 100, sectors: ['education'] }],
  },
  { rule: 'R20', fires: licence, silent: [{}] },
  { rule: 'R21', fires: {}, silent: [{ mainlandHosting: false }] },
  // Issue 24.1: the pilot route where the B25 sub-type is arguable, and the pilot area never missed.
  {
    rule: 'R29',
    fires: { subject: 'wfoe', foreignEquityPct: 100, pilotLocation: 'shanghai_lingang_pudong', ...licence },
    silent: [
      { subject: 'wfoe', foreignEquityPct: 100, pilotLocation: 'other_2025_plan_city', ...licence },
      { subject: 'jv', foreignEquityPct: 50, pilotLocation: 'beijing', ...licence },
      {
        subject: 'wfoe',
        foreignEquityPct: 100,
        pilotLocation: 'beijing',
        ...licence,
        sectors: ['audio_video'],
      },
      { subject: 'wfoe', foreignEquityPct: 100, pilotLocation: 'hainan', activities: ['games_paid'] },
    ],
  },
  {
    rule: 'R30',
    fires: {
      subject: 'wfoe',
      foreignEquityPct: 100,
      pilotLocation: 'shenzhen',
      ...licence,
      sectors: ['news'],
    },
    silent: [
      { subject: 'wfoe', foreignEquityPct: 100, pilotLocation: 'shenzhen', ...licence },
      { subject: 'wfoe', foreignEquityPct: 100, pilotLocation: 'none', ...licence, sectors: ['news'] },
    ],
  },
  // Issue 24.2: rules that arrived in 2025–2026.
  {
    rule: 'R31',
    fires: { generativeAi: 'own_model' },
    silent: [{ generativeAi: 'uses_filed_model' }, { generativeAi: 'none' }],
  },
  {
    rule: 'R32',
    fires: { generativeAi: 'uses_filed_model' },
    silent: [{ generativeAi: 'own_model' }, { generativeAi: 'none' }],
  },
  {
    rule: 'R33',
    fires: { generativeAi: 'uses_filed_model' },
    silent: [{ generativeAi: 'none' }, { generativeAi: null }],
  },
  { rule: 'R34', fires: { generativeAi: 'own_model' }, silent: [{ generativeAi: 'none' }] },
  {
    rule: 'R35',
    fires: { surfaces: ['app'], generativeAi: 'own_model' },
    silent: [
      { surfaces: ['website'], generativeAi: 'own_model' },
      { surfaces: ['app'], generativeAi: 'none' },
    ],
  },
  {
    rule: 'R36',
    fires: { recommendation: true, publicOpinion: true },
    silent: [
      { recommendation: true, publicOpinion: false },
      { recommendation: false, publicOpinion: true },
      { generativeAi: 'uses_filed_model', publicOpinion: true },
    ],
  },
  {
    rule: 'R37',
    fires: { activities: ['ugc_platform'], platformMonetised: false },
    silent: [{}, { activities: ['paid_content'] }],
  },
  {
    rule: 'R38',
    fires: { surfaces: ['mini_program'], miniProgramAccount: 'mainland_entity', sectors: ['games'] },
    silent: [{ sectors: ['games'] }, { surfaces: ['mini_program'], miniProgramAccount: 'mainland_entity' }],
  },
];

const firedRules = (a: PathwayAnswers) => decidePathway(a).conclusions.map((c) => c.ruleId);

describe('decidePathway — every rule of pathways.md §12', () => {
  it('the table covers every rule in the data', () => {
    expect(ROWS.map((r) => r.rule).sort()).toEqual(PATHWAY_RULES.rules.map((r) => r.id).sort());
  });

  it.each(ROWS)('$rule fires', ({ rule, fires }) => {
    expect(firedRules(answers(fires))).toContain(rule);
  });

  it.each(ROWS.flatMap((r) => r.silent.map((s, i) => ({ rule: r.rule, i, s }))))(
    '$rule stays silent (case $i)',
    ({ rule, s }) => {
      expect(firedRules(answers(s))).not.toContain(rule);
    },
  );
});

describe('decidePathway — conclusions', () => {
  it('one filing conclusion per surface, naming the provincial administration', () => {
    const d = decidePathway(
      answers({
        surfaces: ['website', 'app', 'mini_program'],
        miniProgramAccount: 'mainland_entity',
        province: '440000',
      }),
    );
    const filings = d.conclusions.filter((c) => c.code === 'ICP_FILING_REQUIRED');
    expect(filings.map((c) => c.surface)).toEqual(['website', 'app', 'mini_program']);
    expect(filings[0]?.authority?.['zh-CN']).toBe('广东省通信管理局');
    expect(filings[1]?.title['zh-CN']).toBe('App须办理 ICP 备案');
    expect(filings[0]?.timeline?.maxDays).toBeGreaterThan(0);
    expect(d.pathway).toBe('icp_filing');
  });

  it('a paid service needs the licence: authority, capital and timeline on the licence conclusion', () => {
    const d = decidePathway(answers({ ...licence, scope: 'multi_province' }));
    expect(d.pathway).toBe('commercial_licence');
    expect(d.pathwayConfidence).toBe('law');
    const b25 = d.conclusions.find((c) => c.code === 'B25_LICENCE_REQUIRED');
    expect(b25?.minRegisteredCapitalCny).toBe(10_000_000);
    expect(b25?.authority?.en).toContain('MIIT');
    expect(b25?.timeline?.text['zh-CN']).toContain('60 日');
  });

  it('ads revenue: licence by default, disputed, with the other view beside it', () => {
    const d = decidePathway(answers({ activities: ['ads_revenue'] }));
    const c = d.conclusions.find((x) => x.ruleId === 'R6');
    expect(c?.confidence).toBe('unclear');
    expect(c?.disputes.map((x) => x.id)).toEqual(['D2']);
    expect(c?.disputes[0]?.views.length).toBe(2);
    expect(d.pathway).toBe('commercial_licence');
    expect(d.pathwayConfidence).toBe('unclear');
    expect(d.alternativePathway).toBe('icp_filing');
  });

  it('a WFOE selling its own goods: blocked only as far as the disputed licence goes (the sample)', () => {
    const d = decidePathway(
      answers({
        subject: 'wfoe',
        foreignEquityPct: 100,
        activities: ['own_goods_sales'],
        surfaces: ['mini_program'],
        miniProgramAccount: 'mainland_entity',
      }),
    );
    const block = d.conclusions.find((c) => c.code === 'BLOCKED_FOREIGN_CAP');
    expect(block?.confidence).toBe('unclear');
    expect(block?.basedOn).toEqual(['R7']);
    expect(block?.disputes.map((x) => x.id)).toContain('D1');
    expect(d.pathway).toBe('not_eligible');
    expect(d.alternativePathway).toBe('icp_filing');
  });

  it('a firm block makes the pathway not eligible with what to do instead', () => {
    const d = decidePathway(
      answers({
        subject: 'foreign_no_entity',
        surfaces: ['website', 'mini_program'],
        miniProgramAccount: 'mainland_entity',
      }),
    );
    expect(d.pathway).toBe('not_eligible');
    expect(d.pathwayConfidence).toBe('official');
    const block = d.conclusions.find((c) => c.ruleId === 'R3');
    expect(block?.routes.map((r) => r.id)).toEqual([
      'overseas-mini-program-account',
      'set-up-mainland-company',
      'licensed-partner',
      'rep-office-filing',
      'stay-overseas',
    ]);
  });

  it('pre-approvals name the authority and permit per sector', () => {
    const d = decidePathway(answers({ sectors: ['drugs_devices', 'religion'] }));
    const pre = d.conclusions.filter((c) => c.code === 'PREAPPROVAL_REQUIRED');
    expect(pre.map((c) => c.sector)).toEqual(['drugs_devices', 'religion']);
    expect(pre[0]?.authority?.['zh-CN']).toBe('省、自治区、直辖市药品监督管理部门');
    expect(pre[0]?.title['zh-CN']).toContain('互联网药品信息服务资格证书');
    expect(pre[1]?.preApproval?.foreignInvestment).toBe('prohibited');
  });

  it('a cancelled pre-approval is reported with its weaker confidence', () => {
    const d = decidePathway(answers({ sectors: ['medical'] }));
    expect(d.conclusions.find((c) => c.sector === 'medical')?.confidence).toBe('unclear');
  });

  it('obligations carry their schedules', () => {
    const d = decidePathway(answers(licence));
    const ids = d.conclusions.flatMap((c) => c.obligations ?? []).map((o) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining(['annual-report', 'renewal', 'licence-changes', 'public-security-filing']),
    );
  });

  it('a WFOE needs no equity answer; an empty answer set is incomplete, not a crash', () => {
    expect(
      decidePathway(answers({ subject: 'wfoe', foreignEquityPct: null, ...licence })).conclusions.map(
        (c) => c.ruleId,
      ),
    ).toContain('R11');
    const d = decidePathway(
      answers({ surfaces: [], mainlandHosting: null, subject: null, activities: [], scope: null }),
    );
    expect(d.pathway).toBe('incomplete');
    expect(d.missingAnswers.map((m) => m.answer)).toEqual(
      expect.arrayContaining(['surfaces', 'mainlandHosting', 'subject', 'activities']),
    );
    expect(d.missingAnswers[0]?.label['zh-CN']).toBeTruthy();
  });

  it('draws what it can from partial answers', () => {
    const d = decidePathway(answers({ subject: null, activities: ['paid_content'], scope: null }));
    expect(d.conclusions.map((c) => c.ruleId)).toEqual(expect.arrayContaining(['R5']));
    expect(d.missingAnswers.map((m) => m.answer)).toEqual(expect.arrayContaining(['subject', 'scope']));
    expect(d.pathway).toBe('incomplete');
  });

  it('states its rules version and date', () => {
    const d = decidePathway(answers());
    expect(d.rulesVersion).toMatch(/pathway-rules@\d+/);
    expect(d.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
