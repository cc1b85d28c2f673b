import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PathwayAnswersSchema } from '../../../core/model/case';
import { decidePathway } from '../../../core/rules/decide';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { Language } from '../../../electron/contract';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { enumKey } from '../../../renderer/src/i18n/enumKey';
import { PathwayResult } from '../../../renderer/src/screens/Pathway/PathwayResult';

/** A WFOE in Shanghai's pilot area selling its own goods through a WeChat mini-program (the sample's answers). */
const decision = decidePathway(
  PathwayAnswersSchema.parse({
    surfaces: ['mini_program'],
    mainlandHosting: true,
    subject: 'wfoe',
    foreignEquityPct: 100,
    pilotLocation: 'shanghai_lingang_pudong',
    scope: 'single_province',
    province: '310000',
    activities: ['own_goods_sales'],
  }),
);

function renderResult(language: Language) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <PathwayResult decision={decision} />
    </I18nextProvider>,
  );
}

describe('pathway result', () => {
  it('shows every conclusion with its confidence, reasons, next actions, authority and sources', () => {
    renderResult('en');
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(decision.conclusions.length);
    decision.conclusions.forEach((conclusion, index) => {
      const card = cards[index] as HTMLElement;
      expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe(conclusion.title.en);
      expect(card.textContent).toContain(en.pathway.confidence[conclusion.confidence]);
      expect(card.textContent).toContain(conclusion.explanation.en);
      for (const action of conclusion.nextActions) expect(card.textContent).toContain(action.en);
      if (conclusion.authority) expect(card.textContent).toContain(conclusion.authority.en);
      if (conclusion.timeline) expect(card.textContent).toContain(conclusion.timeline.text.en);
      for (const source of conclusion.sources) expect(card.textContent).toContain(source.title);
      // A conclusion the sources do not settle says so, and says to ask a person.
      expect(card.textContent?.includes(en.pathway.askHuman)).toBe(conclusion.confidence === 'unclear');
      for (const dispute of conclusion.disputes) expect(card.textContent).toContain(dispute.topic.en);
    });
    expect(decision.conclusions.some((c) => c.confidence === 'unclear')).toBe(true);
    expect(screen.getByText(en.pathway.verdict[enumKey(decision.pathway)])).toBeTruthy();
    expect(document.body.textContent).toContain(decision.rulesVersion);
    expect(document.body.textContent).toContain(decision.asOf);
  });

  it('links web sources through the app’s external-link guard', () => {
    renderResult('en');
    const urls = decision.conclusions.flatMap((c) =>
      c.sources.flatMap((s) => (s.url?.startsWith('https://') ? [s.url] : [])),
    );
    expect(urls.length).toBeGreaterThan(0);
    const hrefs = [...document.querySelectorAll('a.external-link')].map((a) => a.getAttribute('href'));
    for (const url of urls) expect(hrefs).toContain(url);
  });

  it('reads in 简体中文', () => {
    renderResult('zh-CN');
    for (const conclusion of decision.conclusions)
      expect(document.body.textContent).toContain(conclusion.title['zh-CN']);
    expect(screen.getByText(zhCN.pathway.verdict[enumKey(decision.pathway)])).toBeTruthy();
    expect(document.body.textContent).not.toContain(decision.conclusions[0]?.explanation.en);
  });
});
