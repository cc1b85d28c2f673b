/**
 * Where the UI joins two phrases (a label and its value, a sentence and the next, a sentence and a link), English
 * puts a space and Chinese none: "修改方法：请先保存。", never "修改方法： 请先保存。".
 */
import { fireEvent, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../electron/contract';
import type { PreflightIssue } from '../../../core/rules/preflight';
import { decidePathway } from '../../../core/rules/decide';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { FieldIssues } from '../../../renderer/src/components/fields/CatalogueField';
import { DateField } from '../../../renderer/src/components/fields/Field';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { PathwayResult, SecondaryMark } from '../../../renderer/src/screens/Pathway/PathwayResult';
import { WFOE_MINI_PROGRAM } from '../../fixtures/pathway';

function renderIn(language: Language, ui: React.ReactNode) {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}

const issue: PreflightIssue = {
  key: 'x@subject.name',
  path: 'subject.name',
  code: 'x',
  severity: 'warning',
  message: { en: 'The name is too short.', 'zh-CN': '名称过短。' },
  fix: { en: 'Enter the full name.', 'zh-CN': '请填写全称。' },
  step: 'applicant',
  acknowledged: false,
};

describe('joined phrases', () => {
  it('a field finding: severity, message and fix run on in Chinese, spaced in English', () => {
    const zh = renderIn('zh-CN', <FieldIssues id="issues" issues={[issue]} />);
    expect(zh.container.querySelector('li')?.textContent).toBe('提醒：名称过短。请填写全称。');
    zh.unmount();
    const english = renderIn('en', <FieldIssues id="issues" issues={[issue]} />);
    expect(english.container.querySelector('li')?.textContent).toBe(
      'Warning: The name is too short. Enter the full name.',
    );
  });

  it('the bottom line: a sentence and its link run on in Chinese, spaced in English', () => {
    const decision = decidePathway(WFOE_MINI_PROGRAM);
    const zh = renderIn('zh-CN', <PathwayResult decision={decision} />);
    const sureZh = zh.container.querySelector('.bottom-line__sure')?.textContent ?? '';
    expect(sureZh).toMatch(/。把握程度说明$/u);
    expect(zh.container.querySelector('.bottom-line__question')?.textContent).toMatch(
      new RegExp(`[^ ]${zhCN.pathway.bottom.seeViews}$`, 'u'),
    );
    zh.unmount();
    const english = renderIn('en', <PathwayResult decision={decision} />);
    expect(english.container.querySelector('.bottom-line__sure')?.textContent).toMatch(
      new RegExp(`\\. ${en.pathway.bottom.whatLevelsMean}$`, 'u'),
    );
  });

  it('a copy’s mark: full-width parentheses and no space in Chinese, a space and parentheses in English', () => {
    const zh = renderIn('zh-CN', <SecondaryMark />);
    expect(zh.container.textContent).toBe('（其他网站的转载，未找到官方文本）');
    zh.unmount();
    const english = renderIn('en', <SecondaryMark />);
    expect(english.container.textContent).toBe(' (a copy on another site: no official text was found)');
  });
});

describe('a refused date and the value kept', () => {
  it('run on in Chinese, spaced in English', () => {
    for (const [language, expected] of [
      ['zh-CN', `${zhCN.dateInput.notInCalendar}${zhCN.dateInput.kept.replace('{{date}}', '2026年3月1日')}`],
      ['en', `${en.dateInput.notInCalendar} ${en.dateInput.kept.replace('{{date}}', '2026-03-01')}`],
    ] as const) {
      const view = renderIn(
        language,
        <DateField id="d" label="Valid until" value="2026-03-01" onChange={() => undefined} />,
      );
      const input = view.getByLabelText('Valid until');
      fireEvent.change(input, { target: { value: '2026-02-30' } });
      fireEvent.blur(input);
      expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(expected);
      view.unmount();
    }
  });
});
