/** Counted UI text goes through i18next plural forms ("1 warning", never "warning(s)"); Chinese dates read 2026年10月31日. */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n/i18n';

describe('plurals in the UI', () => {
  it('picks the singular for one and the plural otherwise, in English; one form in Chinese', () => {
    const en = createI18n('en');
    expect(en.t('exportStep.acknowledgeAll', { count: 1 })).toBe('Acknowledge the 1 warning');
    expect(en.t('exportStep.acknowledgeAll', { count: 3 })).toBe('Acknowledge all 3 warnings');
    expect(en.t('errors.preflightErrors', { count: 1 })).toMatch(/found 1 error\. Fix it/);
    expect(en.t('afterApproval.goLive.psDue', { date: '2027-01-05', count: 1 })).toMatch(/1 day left/);
    const zh = createI18n('zh-CN');
    expect(zh.t('exportStep.acknowledgeAll', { count: 1 })).toBe(
      zh.t('exportStep.acknowledgeAll', { count: 3 }).replace('3', '1'),
    );
  });

  it('writes ISO dates the Chinese way in Chinese UI text, and leaves English alone', () => {
    expect(createI18n('zh-CN').t('afterApproval.goLive.psDue', { date: '2026-10-31', count: 3 })).toContain(
      '2026年10月31日',
    );
    expect(createI18n('zh-CN').t('pathway.details.asOf', { date: '2026-10-31' })).not.toContain('2026-10-31');
    expect(createI18n('en').t('pathway.details.asOf', { date: '2026-10-31' })).toContain('2026-10-31');
  });
});

describe('numbers in the UI', () => {
  it('groups the digits of every number interpolated into UI text, the language’s way', () => {
    expect(createI18n('en').t('workspace.stepOpen', { count: 12345 })).toBe('12,345 to fix');
    expect(createI18n('zh-CN').t('workspace.stepOpen', { count: 12345 })).toBe('12,345 项待处理');
  });
});
