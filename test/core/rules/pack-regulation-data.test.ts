/**
 * The regulation data that joined the rule pack: the holiday calendar, document validity, naming rules, field
 * limits and upload profiles. Each is checked by the pack checker, swaps live with an imported pack, and comes
 * back with the bundled one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { currentTimer, recordEvent } from '../../../core/after/journal';
import { sampleCase } from '../../../core/model';
import { maxServiceContentTypes } from '../../../core/model/choices';
import { uploadProfile, UPLOAD_PROFILES_VERSION } from '../../../core/packet/profiles';
import { installRulePack, parseRulePack, RULE_PACK_FILES } from '../../../core/rules';
import { requiredValidityMonths } from '../../../core/validate/dates';
import { validateServiceName } from '../../../core/validate/naming';
import { checkFieldLimit } from '../../../core/validate/text';
import { packEdition } from '../../host/rules/pack-helpers';

afterEach(() => {
  installRulePack(null);
});

const NOW = new Date('2026-09-20T02:00:00Z');

/** What the validity, naming, field-limit and upload-profile rules in use answer, read afresh. */
function regulationValues() {
  return {
    months: requiredValidityMonths({ documentKind: 'identity' }).months,
    reserved: validateServiceName('中国美食网', { service: 'website', subjectType: 'organization' }).length,
    comment: checkFieldLimit('wechat.applets.comment', '一'.repeat(25)).length,
    quality: uploadProfile('wechat').jpegQuality,
    profilesVersion: UPLOAD_PROFILES_VERSION,
    contentTypes: maxServiceContentTypes(),
  };
}

/** A case submitted on Monday 2026-09-21: the provider's pre-review runs 2 working days. */
function submittedJournal() {
  const c = sampleCase(NOW);
  return recordEvent(
    {
      ...c,
      exports: [
        {
          at: NOW.toISOString(),
          folderName: 'p1',
          profile: 'wechat',
          fileCount: 9,
          manifestSha256: 'a'.repeat(64),
        },
      ],
    },
    { status: 'submitted', on: '2026-09-21', packetManifestSha256: 'a'.repeat(64) },
    'e1',
    NOW,
  ).journal;
}

const problemsOf = (edit: NonNullable<Parameters<typeof packEdition>[0]>['edit']) => {
  const check = parseRulePack(packEdition({ edit }));
  return check.ok ? '' : check.problems.join('\n');
};

describe('regulation data in the rule pack', () => {
  it('the pack holds the holiday calendar, validity, naming rules, field limits and upload profiles', () => {
    expect(RULE_PACK_FILES).toEqual(
      expect.arrayContaining(['holidays-cn', 'validity', 'naming-rules', 'field-limits', 'upload-profiles']),
    );
  });

  it('a holiday added by an imported pack moves a working-day deadline; the bundled pack puts it back', () => {
    const journal = submittedJournal();
    expect(currentTimer(journal, 'filing', '2026-09-21')?.deadline).toBe('2026-09-23');
    installRulePack(
      packEdition({
        edit: (files) => {
          const year = files['holidays-cn'].years.find((y: { year: number }) => y.year === 2026);
          year.holidays.push({
            name: { en: 'Marked day off', 'zh-CN': '标记假日' },
            from: '2026-09-22',
            to: '2026-09-22',
          });
        },
      }),
    );
    expect(currentTimer(journal, 'filing', '2026-09-21')?.deadline).toBe('2026-09-24');
    installRulePack(null);
    expect(currentTimer(journal, 'filing', '2026-09-21')?.deadline).toBe('2026-09-23');
  });

  it('validity, naming, field-limit and upload-profile changes of an imported pack take effect, and revert', () => {
    const before = regulationValues();
    expect(before.months).toBe(3);
    expect(before.reserved).toBeGreaterThan(0);
    expect(before.comment).toBe(0);
    installRulePack(
      packEdition({
        edit: (files) => {
          files.validity.default.months = 6;
          for (const rule of files['naming-rules'].rules)
            if (rule.check.type === 'containsAny')
              rule.check.words = rule.check.words.filter((w: string) => w !== '中国');
          const limit = (id: string) => files['field-limits'].limits.find((l: { id: string }) => l.id === id);
          limit('wechat.applets.comment').min = 30;
          limit('wechat.applets.serviceContentTypes').max = 3;
          files['upload-profiles'].version += 1;
          files['upload-profiles'].profiles.find((p: { id: string }) => p.id === 'wechat').jpegQuality = 77;
        },
      }),
    );
    expect(requiredValidityMonths({ documentKind: 'identity' }).months).toBe(6);
    expect(
      validateServiceName('中国美食网', { service: 'website', subjectType: 'organization' }),
    ).toHaveLength(before.reserved - 1);
    expect(checkFieldLimit('wechat.applets.comment', '一'.repeat(25))).toHaveLength(1);
    expect(uploadProfile('wechat').jpegQuality).toBe(77);
    expect(maxServiceContentTypes()).toBe(3);
    expect(UPLOAD_PROFILES_VERSION).not.toBe(before.profilesVersion);
    installRulePack(null);
    expect(regulationValues()).toEqual(before);
  });

  it('refuses moved files that break their schema, naming the file', () => {
    const text = problemsOf((files) => {
      files['holidays-cn'].years[0].holidays[0].from = '2025-13-40';
      files.validity.default.months = 'three';
      files['naming-rules'].rules[0].check = { type: 'noSuchCheck' };
      files['field-limits'].limits[0].unit = 'bytes';
      files['upload-profiles'].profiles[0].jpegQuality = 'high';
    });
    expect(text).toMatch(/^holidays-cn: years\.0\.holidays\.0\.from/m);
    expect(text).toMatch(/^validity: default\.months/m);
    expect(text).toMatch(/^naming-rules: rules\.0\.check/m);
    expect(text).toMatch(/^field-limits: limits\.0\.unit/m);
    expect(text).toMatch(/^upload-profiles: profiles\.0\.jpegQuality/m);
  });

  it('refuses moved files whose references do not hold', () => {
    const text = problemsOf((files) => {
      const copy = structuredClone(files['holidays-cn'].years[0]);
      copy.holidays[0].from = '2025-02-10';
      copy.holidays[0].to = '2025-02-01';
      copy.workdays.push('2024-12-28');
      files['holidays-cn'].years.push(copy);
      files.validity.rules[1].province = '990000';
      files.validity.rules[1].documentKinds.push('noSuchKind');
      files['naming-rules'].rules[0].code = 'naming.noSuchMessage';
      files['naming-rules'].rules[1].provinces = ['990000'];
      files['field-limits'].limits.push(structuredClone(files['field-limits'].limits[0]));
      files['upload-profiles'].profiles[1].id = 'wechat';
    });
    expect(text).toContain('holidays-cn: year 2025 twice');
    expect(text).toContain('holidays-cn: 2025: holiday ends before it starts (2025-02-10 to 2025-02-01)');
    expect(text).toContain('holidays-cn: 2025: 2024-12-28 lies outside the year');
    expect(text).toContain('validity: hubei-identity-over-3-months names unknown province 990000');
    expect(text).toContain('validity: hubei-identity-over-3-months names unknown document kind noSuchKind');
    expect(text).toContain(
      'naming-rules: reserved-national-words names unknown message naming.noSuchMessage',
    );
    expect(text).toMatch(/naming-rules: .* names unknown province 990000/);
    expect(text).toContain('field-limits: limit wechat.applets.comment twice');
    expect(text).toContain('upload-profiles: profile wechat twice');
  });
});
