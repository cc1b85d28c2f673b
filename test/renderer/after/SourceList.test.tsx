import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_RULES } from '../../../core/after/lifecycle-rules';
import { AFTER_APPROVAL_RULES } from '../../../core/after/rules';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { SourceList } from '../../../renderer/src/screens/AfterApproval/SourceList';

/** Every source of the licence lifecycle rules (the Lifecycle step's Changes and Renewal notes). */
function lifecycleSources() {
  const found = new Map<string, { title: string; titleZh?: string }>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.title === 'string' && ('url' in record || 'kind' in record || 'date' in record))
        found.set(record.title, record as { title: string; titleZh?: string });
      Object.values(record).forEach(walk);
    }
  };
  walk(LIFECYCLE_RULES);
  return [...found.values()];
}

describe('the sources under a lifecycle rule', () => {
  it('are titled in Chinese in the Chinese UI: no “as quoted by an agency (n.d.)”', () => {
    const sources = lifecycleSources();
    expect(sources.length).toBeGreaterThan(10);
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <SourceList sources={sources} />
      </I18nextProvider>,
    );
    const text = screen.getByRole('list').textContent ?? '';
    expect(text).not.toMatch(/as quoted|n\.d\.|Agency/);
    expect(text).toContain('转引自代理机构资料');
  });

  it('give a Chinese statute its English meaning in the English UI, and leave it alone in the Chinese UI', () => {
    const chinese = AFTER_APPROVAL_RULES.personalInformation.audit.sources.filter((s) =>
      /\p{Script=Han}/u.test(s.title),
    );
    expect(chinese.length).toBeGreaterThan(0);
    const shown = (language: 'en' | 'zh-CN') => {
      render(
        <I18nextProvider i18n={createI18n(language)}>
          <SourceList sources={chinese} />
        </I18nextProvider>,
      );
      const text = screen.getByRole('list').textContent ?? '';
      document.body.innerHTML = '';
      return text;
    };
    expect(shown('en')).toContain(
      '《中华人民共和国个人信息保护法》第五十四条、第六十四条 (Personal Information Protection Law of the PRC, Arts. 54 and 64)',
    );
    expect(shown('zh-CN')).not.toContain('Personal Information Protection Law');
  });
});
