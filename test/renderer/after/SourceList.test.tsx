import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_RULES } from '../../../core/after/lifecycle-rules';
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
});
