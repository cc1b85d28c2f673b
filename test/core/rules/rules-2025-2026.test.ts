/**
 * Issue 24: the 2024 pilot route where the B25 sub-type is arguable (a Pudong WFOE is told it is in a pilot
 * area; a Chengdu WFOE is offered relocation), and the rules that arrived in 2025–2026 as the decision reports
 * them: generative AI (filing vs registration, labelling, the model on the product, app stores), algorithm
 * filing, minors, mini-games. Each scenario with its counter-case.
 */
import { describe, expect, it } from 'vitest';
import { checkCase, decidePathway } from '../../../core/rules';
import { answers, sample } from './helpers';

const wfoe = { subject: 'wfoe', foreignEquityPct: 100 } as const;
const ids = (d: ReturnType<typeof decidePathway>) => d.obstacles.flatMap((o) => o.routes.map((r) => r.id));

describe('the 2024 pilot route where the sub-type is arguable', () => {
  const pudong = decidePathway(
    answers({ ...wfoe, pilotLocation: 'shanghai_lingang_pudong', activities: ['paid_membership'] }),
  );

  it('a Pudong WFOE with paid memberships is told it is in a pilot area, with confidence unclear', () => {
    const note = pudong.conclusions.find((c) => c.code === 'PILOT_ROUTE_ARGUABLE');
    expect(note?.confidence).toBe('unclear');
    expect(note?.explanation.en).toContain('Shanghai Lin-gang or Pudong');
    expect(note?.explanation['zh-CN']).toContain('上海临港新片区或浦东');
    expect(note?.authority?.en).toContain('MIIT');
    // MIIT's pilot approval first, then the exclusions.
    expect(note?.nextActions[0]?.en).toMatch(/^First ask MIIT for the pilot approval \(试点批复\)/);
    expect(note?.nextActions[1]?.en).toContain(
      'news, online publishing, online audio-visual and internet-culture',
    );
  });

  it('its most likely way forward is the pilot approval, and the open question goes to MIIT', () => {
    const block = pudong.obstacles.find((o) => o.code === 'BLOCKED_FOREIGN_CAP');
    expect(block?.routes[0]).toMatchObject({ id: 'pilot-2024-apply-arguable', confidence: 'unclear' });
    expect(block?.routes.map((r) => r.id)).toEqual(
      expect.arrayContaining(['restructure-equity', 'licensed-partner', 'drop-licensed-features']),
    );
    expect(pudong.bottomLine).toMatchObject({ kind: 'route', confidence: 'unclear' });
    expect(pudong.bottomLine.route?.id).toBe('pilot-2024-apply-arguable');
    expect(pudong.bottomLine.openQuestion?.who.en).toContain('MIIT');
    expect(pudong.bottomLine.openQuestion?.question.en).toContain('信息发布平台和递送服务');
    expect(pudong.bottomLine.openQuestion?.question['zh-CN']).toContain('试点批复');
    expect(pudong.disputes.map((d) => d.id)).toContain('D10');
  });

  it('the sample — a Pudong WFOE selling its own goods — is told it is in a pilot area too', () => {
    const d = decidePathway(sample().answers);
    expect(d.conclusions.map((c) => c.code)).toContain('PILOT_ROUTE_ARGUABLE');
    expect(ids(d)[0]).toBe('pilot-2024-apply-arguable');
  });

  it('a Chengdu WFOE with paid subscriptions is offered relocation to a pilot area, flagged unclear', () => {
    const d = decidePathway(
      answers({ ...wfoe, pilotLocation: 'other_2025_plan_city', activities: ['paid_content'] }),
    );
    const route = d.obstacles.flatMap((o) => o.routes).find((r) => r.id === 'pilot-2024-relocate-arguable');
    expect(route?.confidence).toBe('unclear');
    expect(route?.detail.en).toContain('ask MIIT before you move');
    expect(ids(d)).not.toContain('pilot-2024-apply-arguable');
    expect(d.conclusions.map((c) => c.code)).not.toContain('PILOT_ROUTE_ARGUABLE');
  });

  it('the exclusions: news, publishing, audio-visual and culture get no pilot route, in or out of the areas', () => {
    for (const sector of ['news', 'publishing', 'audio_video', 'culture'] as const) {
      const inArea = decidePathway(
        answers({ ...wfoe, pilotLocation: 'beijing', activities: ['paid_content'], sectors: [sector] }),
      );
      expect(ids(inArea), sector).not.toContain('pilot-2024-apply-arguable');
      expect(
        inArea.conclusions.map((c) => c.code),
        sector,
      ).toContain('PILOT_AREA_EXCLUDED');
      const outside = decidePathway(answers({ ...wfoe, activities: ['paid_content'], sectors: [sector] }));
      expect(ids(outside), sector).not.toContain('pilot-2024-relocate-arguable');
    }
  });

  it('a monetised platform in a pilot area keeps the firm pilot route; with paid memberships beside it, the arguable one', () => {
    const platform: Parameters<typeof answers>[0] = { activities: ['ugc_platform'], platformMonetised: true };
    const firm = decidePathway(answers({ ...wfoe, pilotLocation: 'hainan', ...platform }));
    expect(firm.conclusions.map((c) => c.code)).toEqual(expect.arrayContaining(['PILOT_ROUTE']));
    expect(firm.obstacles.map((o) => o.code)).not.toContain('BLOCKED_FOREIGN_CAP');
    const mixed = decidePathway(
      answers({
        ...wfoe,
        pilotLocation: 'hainan',
        ...platform,
        activities: ['ugc_platform', 'paid_membership'],
      }),
    );
    expect(mixed.conclusions.map((c) => c.code)).toContain('PILOT_ROUTE_ARGUABLE');
  });
});

describe('generative AI', () => {
  const codes = (a: Parameters<typeof answers>[0]) =>
    decidePathway(answers(a)).conclusions.map((c) => c.code);

  it('own model: the CAC filing (备案) before launch, labelling and the model on the product', () => {
    const d = decidePathway(answers({ generativeAi: 'own_model' }));
    const filing = d.conclusions.find((c) => c.code === 'GENAI_FILING');
    expect(filing?.title['zh-CN']).toContain('生成式人工智能服务备案');
    expect(filing?.sources.some((s) => s.url?.startsWith('https://www.cac.gov.cn/2023-07/13/'))).toBe(true);
    expect(d.conclusions.map((c) => c.code)).toEqual(
      expect.arrayContaining(['GENAI_LABELLING', 'GENAI_MODEL_DISPLAY']),
    );
    expect(d.conclusions.map((c) => c.code)).not.toContain('GENAI_REGISTRATION');
  });

  it('a filed model through its API: provincial registration (登记) with an online number, not the filing', () => {
    const d = decidePathway(answers({ generativeAi: 'uses_filed_model' }));
    const reg = d.conclusions.find((c) => c.code === 'GENAI_REGISTRATION');
    expect(reg?.explanation.en).toContain('上线编号');
    expect(d.conclusions.map((c) => c.code)).not.toContain('GENAI_FILING');
  });

  it('labelling in force from 1 September 2025, with the user-agreement clause', () => {
    const d = decidePathway(answers({ generativeAi: 'own_model' }));
    const labelling = d.conclusions.find((c) => c.code === 'GENAI_LABELLING');
    expect(labelling?.title.en).toContain('1 September 2025');
    expect(labelling?.obligations?.map((o) => o.id)).toEqual([
      'explicit-label',
      'implicit-label',
      'agreement-clause',
    ]);
    expect(labelling?.postLaunch).toBe(true);
  });

  it('apps: stores check AI qualifications, with the China build without the AI feature', () => {
    const d = decidePathway(answers({ surfaces: ['app'], generativeAi: 'uses_filed_model' }));
    const note = d.conclusions.find((c) => c.code === 'APP_STORE_AI_CHECK');
    expect(note?.nextActions.map((a) => a.en).join(' ')).toContain('China build without the AI feature');
    expect(codes({ surfaces: ['app'], generativeAi: 'none' })).not.toContain('APP_STORE_AI_CHECK');
  });

  it('no generative AI: none of these', () => {
    const none = codes({ generativeAi: 'none' });
    for (const code of ['GENAI_FILING', 'GENAI_REGISTRATION', 'GENAI_LABELLING', 'GENAI_MODEL_DISPLAY'])
      expect(none).not.toContain(code);
  });

  it('unanswered: listed as missing, a warning in the pre-flight, but the pathway still follows', () => {
    const d = decidePathway(answers({ generativeAi: null, recommendation: null }));
    expect(d.pathway).toBe('icp_filing');
    const missing = d.missingAnswers.find((m) => m.answer === 'generativeAi');
    expect(missing?.decidesPathway).toBe(false);
    const c = sample();
    c.answers = { ...c.answers, generativeAi: null };
    const issues = checkCase(c, { today: '2026-11-25' }).filter((i) => i.path === 'answers.generativeAi');
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['pathway.dutyAnswerMissing', 'warning']]);
  });
});

describe('algorithm filing, minors, mini-games', () => {
  it('algorithm filing: recommendation with public-opinion attributes; a user-content platform has them', () => {
    const d = decidePathway(
      answers({ recommendation: true, activities: ['ugc_platform'], platformMonetised: false }),
    );
    const filing = d.conclusions.find((c) => c.code === 'ALGORITHM_FILING');
    expect(filing?.obligations?.[0]?.title.en).toContain('within 10 working days');
    // Without users publishing, the answer is asked, not assumed.
    const asked = decidePathway(answers({ recommendation: true }));
    expect(asked.missingAnswers.map((m) => m.answer)).toEqual(['publicOpinion']);
    expect(asked.conclusions.map((c) => c.code)).not.toContain('ALGORITHM_FILING');
  });

  it('minors (from 1 March 2026) for recommendation services too', () => {
    const d = decidePathway(answers({ recommendation: true, publicOpinion: false }));
    const minors = d.conclusions.find((c) => c.code === 'MINORS_CONTENT_DUTIES');
    expect(minors?.title.en).toContain('1 March 2026');
    expect(minors?.obligations?.map((o) => o.id)).toEqual([
      'minors-placement',
      'minors-algorithm',
      'minors-warning',
    ]);
  });

  it('a WeChat mini-game: the game content review beside the 版号', () => {
    const d = decidePathway(
      answers({ surfaces: ['mini_program'], miniProgramAccount: 'mainland_entity', sectors: ['games'] }),
    );
    const step = d.conclusions.find((c) => c.code === 'MINIGAME_CONTENT_REVIEW');
    expect(step?.explanation.en).toContain('10–30 working days');
    expect(d.conclusions.filter((c) => c.code === 'PREAPPROVAL_REQUIRED').map((c) => c.sector)).toEqual([
      'games',
    ]);
  });
});
