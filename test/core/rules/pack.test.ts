import { afterEach, describe, expect, it } from 'vitest';
import { checkAdCopy } from '../../../core/after/ad-check';
import {
  BUNDLED_RULE_PACK,
  BUNDLED_RULE_PACK_INFO,
  activeRulePack,
  decidePathway,
  installRulePack,
  parseRulePack,
  rulePackAge,
} from '../../../core/rules';
import { citedSourceUrls } from '../../../core/rules/sources';
import { PathwayAnswersSchema } from '../../../core/model/case';
import { licenceHolderCase } from '../../fixtures/lifecycle';
import { renewalStatus } from '../../../core/after/renewal';
import { changeRule, LIFECYCLE_RULES_VERSION } from '../../../core/after/lifecycle-rules';
import { MARKED_TITLE, markedPack, packEdition } from '../../host/rules/pack-helpers';

const websiteFiling = PathwayAnswersSchema.parse({
  surfaces: ['website'],
  mainlandHosting: true,
  subject: 'domestic_company',
  activities: ['info_only'],
  province: '310000',
});

afterEach(() => {
  installRulePack(null);
});

describe('the rule pack', () => {
  it('the bundled pack parses, with its edition and dates from templates/rules/rule-pack.json', () => {
    const check = parseRulePack(BUNDLED_RULE_PACK);
    expect(check.ok && check.pack.manifest).toMatchObject(BUNDLED_RULE_PACK.manifest);
    expect(BUNDLED_RULE_PACK_INFO).toMatchObject({
      origin: 'bundled',
      version: BUNDLED_RULE_PACK.manifest.version,
    });
    expect(BUNDLED_RULE_PACK.manifest.reviewBy > BUNDLED_RULE_PACK.manifest.asOf).toBe(true);
  });

  it('a decision carries the edition and dates of the pack it was made with', () => {
    const d = decidePathway(websiteFiling);
    expect(d.rulePack).toEqual(BUNDLED_RULE_PACK_INFO);
    expect(d.asOf).toBe(BUNDLED_RULE_PACK.manifest.asOf);
  });

  it('refuses a pack with a file the schemas reject, naming the file and the place', () => {
    const bad = packEdition({
      edit: (files) => {
        files['pathway-rules'].rules[0].confidence = 'maybe';
      },
    });
    const check = parseRulePack(bad);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join('\n')).toMatch(/^pathway-rules: rules\.0\.confidence/m);
  });

  it('refuses a pack whose references do not hold: unknown route, dispute, fact, outcome', () => {
    const bad = packEdition({
      edit: (files) => {
        const rules = files['pathway-rules'].rules;
        rules.find((r: { id: string }) => r.id === 'R11').routes.push('no-such-route');
        files['pathway-rules'].routes[0].when = { fact: 'noSuchFact', eq: true };
        files.disputes.disputes[0].appliesTo = ['R999'];
        rules.find((r: { id: string }) => r.id === 'R10').when = { fact: 'outcomes', has: 'NO_SUCH_OUTCOME' };
      },
    });
    const check = parseRulePack(bad);
    expect(check.ok).toBe(false);
    const text = check.ok ? '' : check.problems.join('\n');
    expect(text).toContain('R11 names unknown route no-such-route');
    expect(text).toContain('reads unknown fact noSuchFact');
    expect(text).toContain('applies to unknown rule R999');
    expect(text).toContain('R10 reads unknown outcome NO_SUCH_OUTCOME');
  });

  it('refuses a pack missing a file, or with a review date before its as-of date', () => {
    const missing = packEdition();
    delete (missing.files as Record<string, unknown>)['ad-terms'];
    expect(parseRulePack(missing).ok).toBe(false);
    expect(parseRulePack(packEdition({ asOf: '2027-01-01', reviewBy: '2026-12-31' })).ok).toBe(false);
  });

  it('installing a pack changes every reader at once; the bundled pack can be put back', () => {
    const pack = packEdition({
      edit: (files) => {
        files['pathway-rules'].rules.find((r: { id: string }) => r.id === 'R2').title.en = MARKED_TITLE;
        files['ad-terms'].groups[0].terms.push('独树一帜');
        files['after-approval'].display.sources.push({
          title: 'Marked source',
          url: 'https://example.org/marked',
        });
      },
    });
    const info = installRulePack(pack);
    expect(info).toMatchObject({ origin: 'imported', version: pack.manifest.version });
    expect(activeRulePack()).toEqual(info);
    const d = decidePathway(websiteFiling);
    expect(d.conclusions.find((c) => c.ruleId === 'R2')?.title.en).toBe(MARKED_TITLE);
    expect(d.rulePack.version).toBe(pack.manifest.version);
    const copy = checkAdCopy('我们的设计独树一帜。');
    expect(copy.ok && copy.findings.map((f) => f.text)).toEqual(['独树一帜']);
    expect(citedSourceUrls().has('https://example.org/marked')).toBe(true);

    installRulePack(null);
    expect(decidePathway(websiteFiling).conclusions.find((c) => c.ruleId === 'R2')?.title.en).not.toBe(
      MARKED_TITLE,
    );
    const again = checkAdCopy('我们的设计独树一帜。');
    expect(again.ok && again.findings).toEqual([]);
    expect(citedSourceUrls().has('https://example.org/marked')).toBe(false);
    expect(activeRulePack()).toEqual(BUNDLED_RULE_PACK_INFO);
  });

  it('the lifecycle rules (annual report, renewal, changes) are part of the pack and swap with it', () => {
    const holder = licenceHolderCase();
    holder.afterApproval.licenceValidTo = '2027-12-31';
    expect(renewalStatus(holder, '2027-09-01').applyBy).toBe('2027-10-02');
    const bundledVersion = LIFECYCLE_RULES_VERSION;
    const pack = packEdition({
      edit: (files) => {
        files['licence-lifecycle'].version += 1;
        files['licence-lifecycle'].renewal.leadDays = 120;
        files['licence-lifecycle'].changes.find((c: { kind: string }) => c.kind === 'name').title.en =
          MARKED_TITLE;
      },
    });
    installRulePack(pack);
    expect(renewalStatus(holder, '2027-09-01').applyBy).toBe('2027-09-02');
    expect(changeRule('name').title.en).toBe(MARKED_TITLE);
    expect(LIFECYCLE_RULES_VERSION).not.toBe(bundledVersion);
    installRulePack(null);
    expect(renewalStatus(holder, '2027-09-01').applyBy).toBe('2027-10-02');
    expect(LIFECYCLE_RULES_VERSION).toBe(bundledVersion);
  });

  it('refuses a pack whose lifecycle files break their schema or name an unknown province', () => {
    const bad = packEdition({
      edit: (files) => {
        files['licence-lifecycle'].renewal.leadDays = -1;
        files['annual-report'].calendar.provinceOpenDates[0].province = '990000';
      },
    });
    const check = parseRulePack(bad);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.problems.join('\n')).toMatch(/^licence-lifecycle: renewal\.leadDays/m);
    const province = packEdition({
      edit: (files) => void (files['annual-report'].calendar.provinceOpenDates[0].province = '990000'),
    });
    const provinceCheck = parseRulePack(province);
    expect(provinceCheck.ok ? '' : provinceCheck.problems.join('\n')).toContain(
      'annual-report: open date for unknown province 990000',
    );
    const missing = packEdition();
    delete (missing.files as Record<string, unknown>)['annual-report'];
    expect(parseRulePack(missing).ok).toBe(false);
  });

  it('an invalid pack is refused with an error and leaves the rules in use unchanged', () => {
    installRulePack(markedPack());
    const broken = packEdition({ edit: (files) => void (files.checklist.items = []) });
    expect(() => installRulePack(broken)).toThrow(/Rule pack refused/);
    expect(decidePathway(websiteFiling).conclusions.find((c) => c.ruleId === 'R2')?.title.en).toBe(
      MARKED_TITLE,
    );
  });
});

describe('rule age', () => {
  const info = { asOf: '2026-12-07', reviewBy: '2027-06-30' };
  it('is current until the review date', () => {
    expect(rulePackAge(info, '2026-12-07')).toEqual({ stale: false });
    expect(rulePackAge(info, '2027-06-30')).toEqual({ stale: false });
  });
  it('is due for review the day after reviewBy', () => {
    expect(rulePackAge(info, '2027-07-01')).toEqual({ stale: true, reason: 'reviewDue', daysOver: 1 });
  });
  it('is over a year old after 365 days, even when the review date lies further ahead', () => {
    const late = { asOf: '2026-01-01', reviewBy: '2028-01-01' };
    expect(rulePackAge(late, '2027-01-01')).toEqual({ stale: false });
    expect(rulePackAge(late, '2027-01-02')).toEqual({ stale: true, reason: 'overAYear', daysOver: 1 });
  });
});
