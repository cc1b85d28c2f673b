import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { PathwayAnswersSchema, type PathwayAnswers } from '../../../core/model/case';
import { decidePathway, type Decision } from '../../../core/rules/decide';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import type { Language } from '../../../electron/contract';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { PathwayResult } from '../../../renderer/src/screens/Pathway/PathwayResult';
import { FOREIGN_NO_ENTITY, WFOE_MINI_PROGRAM } from '../../fixtures/pathway';

const decide = (answers: Partial<PathwayAnswers>) => decidePathway(PathwayAnswersSchema.parse(answers));

/** The sample's answers: a WFOE's mini-program shop in Shanghai's pilot area. */
const sample = decidePathway(WFOE_MINI_PROGRAM);
/** A foreign company without a mainland entity: two obstacles at once. */
const blocked = decidePathway(FOREIGN_NO_ENTITY);

function renderResult(decision: Decision, language: Language) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <PathwayResult decision={decision} />
    </I18nextProvider>,
  );
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

// React reports duplicate or missing keys through console.error; children can be dropped. Fail on them.
let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  const keyWarnings = consoleError.mock.calls.filter((args) =>
    args.some((a) => typeof a === 'string' && /same key|unique "key"/.test(a)),
  );
  consoleError.mockRestore();
  expect(keyWarnings).toEqual([]);
});

describe('pathway result', () => {
  it('leads with one bottom line: the likely result, how sure in words, the open question and whom to ask', () => {
    renderResult(sample, 'en');
    const section = screen.getByRole('region', { name: en.pathway.resultHeading });
    const bottom = section.querySelector('[data-bottom-line]') as HTMLElement;
    // The bottom line comes straight after the heading, before any obstacle or detail.
    expect(section.children[1]).toBe(bottom);
    expect(bottom.textContent).toContain(
      en.pathway.bottom.likely.replace('{{what}}', en.pathway.bottom.what.icpFiling),
    );
    expect(bottom.textContent).toContain(en.pathway.bottom.levels.unclear);
    expect(bottom.textContent).toContain(sample.bottomLine.openQuestion?.question.en);
    expect(bottom.textContent).toContain(sample.bottomLine.openQuestion?.who.en);
    expect(within(bottom).getByRole('link', { name: en.pathway.bottom.seeViews }).getAttribute('href')).toBe(
      '#pathway-dispute-D1',
    );
  });

  it('says "Most likely" for one thing only: the pathway, never also for a route', () => {
    for (const decision of [sample, blocked]) {
      renderResult(decision, 'en');
      expect(occurrences(document.body.textContent ?? '', 'Most likely')).toBeLessThanOrEqual(1);
      document.body.innerHTML = '';
    }
    renderResult(blocked, 'en');
    const likelyRoute = blocked.likelyRoute;
    expect(likelyRoute).toBeDefined();
    const bottom = document.querySelector('[data-bottom-line]') as HTMLElement;
    const badge = document.querySelector(`[data-route="${likelyRoute?.id}"] .route__likely`);
    // The route the bottom line recommends carries the same word on its card.
    expect(bottom.textContent).toContain(en.pathway.obstacles.mostLikely);
    expect(badge?.textContent).toBe(en.pathway.obstacles.mostLikely);
  });

  it('sets out each dispute once, linked from every conclusion it affects', () => {
    renderResult(sample, 'en');
    const text = document.body.textContent ?? '';
    for (const dispute of sample.disputes)
      for (const view of dispute.views) expect(occurrences(text, view.position.en), view.position.en).toBe(1);
    const affected = sample.conclusions.filter((c) => c.disputes.some((d) => d.id === 'D1'));
    expect(affected.length).toBeGreaterThan(1);
    expect(document.querySelectorAll('[data-dispute-link="D1"]').length).toBe(affected.length);
    expect(document.getElementById('pathway-dispute-D1')).not.toBeNull();
  });

  it('shows every conclusion collapsed, with reasons, next actions, authority and titled sources', () => {
    renderResult(sample, 'en');
    for (const conclusion of sample.conclusions) {
      const card = document.querySelector(
        `[data-code="${conclusion.code}"], [data-obstacle="${conclusion.code}"]`,
      );
      expect(card, conclusion.code).not.toBeNull();
      const text = card?.textContent ?? '';
      expect(text).toContain(conclusion.title.en);
      expect(text).toContain(conclusion.explanation.en);
      for (const source of conclusion.sources) expect(text).toContain(source.title);
      if (conclusion.authority) expect(text).toContain(conclusion.authority.en);
    }
    // Details start collapsed.
    const details = [...document.querySelectorAll('details.pathway-details')] as HTMLDetailsElement[];
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d.open).toBe(false);
  });

  it('titles the sources in Chinese in the Chinese UI, and in their original titles in English', () => {
    const sources = [
      ...sample.conclusions.flatMap((c) => c.sources),
      ...sample.disputes.flatMap((d) => d.views.flatMap((v) => v.sources)),
    ];
    const english = sources.filter((s) => s.titleZh !== undefined);
    expect(english.length).toBeGreaterThan(5);
    renderResult(sample, 'zh-CN');
    const zhText = document.body.textContent ?? '';
    for (const source of english) {
      expect(zhText).toContain(source.titleZh);
      expect(zhText, source.title).not.toContain(source.title);
    }
    document.body.innerHTML = '';
    renderResult(sample, 'en');
    const enText = document.body.textContent ?? '';
    for (const source of english) expect(enText).toContain(source.title);
  });

  it('links every web source through the app’s external-link guard, titled, never a raw address', () => {
    renderResult(blocked, 'en');
    const urls = [
      ...blocked.conclusions.flatMap((c) => c.sources),
      ...blocked.obstacles.flatMap((o) => o.routes.flatMap((r) => r.sources)),
    ].flatMap((s) => (s.url && /^https?:\/\//.test(s.url) ? [s.url] : []));
    expect(urls.some((u) => u.startsWith('http://'))).toBe(true);
    const links = [...document.querySelectorAll('a.external-link')];
    const hrefs = links.map((a) => a.getAttribute('href'));
    for (const url of urls) expect(hrefs).toContain(url);
    for (const a of links) expect(a.textContent).not.toMatch(/^https?:/);
  });

  it('says once, to a screen reader, that a source link opens in the browser', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      cleanup();
      renderResult(blocked, lang);
      const says = lang === 'en' ? 'Opens in your web browser' : '在浏览器中打开';
      // What a screen reader says for each link: its accessible name, then its description.
      const spoken = new Map<Element, string>();
      const heard = (part: string, link: Element) => {
        if (link.classList.contains('external-link')) spoken.set(link, `${spoken.get(link) ?? ''} ${part}`);
        return true;
      };
      screen.getAllByRole('link', { name: heard });
      screen.getAllByRole('link', { description: heard });
      expect(spoken.size).toBe(document.querySelectorAll('a.external-link').length);
      expect(spoken.size).toBeGreaterThan(0);
      for (const text of spoken.values()) expect(text.split(says).length - 1).toBe(1);
    }
  });

  it('marks a source whose address is a copy, not the official text, in the UI language', () => {
    renderResult(blocked, 'zh-CN');
    const copies = blocked.conclusions.flatMap((c) => c.sources).filter((s) => s.secondary);
    expect(copies.length).toBeGreaterThan(0);
    const marks = screen.getAllByTestId('source-secondary');
    expect(marks.length).toBeGreaterThan(0);
    expect(marks[0]?.textContent).toContain(zhCN.pathway.secondarySource);
  });

  it('never shows internal strings: rule ids, rule-file versions, research-note paths', () => {
    renderResult(sample, 'en');
    const text = document.body.textContent ?? '';
    expect(text).not.toContain(sample.rulesVersion);
    expect(text).not.toMatch(
      /pathway-rules@|\.md\b|\bR\d{1,2}\b|Not researched|Not confirmed in the sources/,
    );
    expect(text).toContain(sample.asOf);
  });

  it('explains the confidence levels where they appear', () => {
    renderResult(sample, 'en');
    const legend = document.getElementById('pathway-confidence-levels') as HTMLElement;
    for (const level of ['law', 'official', 'practitioner', 'unclear'] as const)
      expect(legend.textContent).toContain(en.pathway.legend[level]);
    for (const badge of document.querySelectorAll('a.badge'))
      expect(badge.getAttribute('href')).toBe('#pathway-confidence-levels');
  });

  it.each(['en', 'zh-CN'] as const)('a blocked case lists every obstacle with every route (%s)', (lang) => {
    renderResult(blocked, lang);
    const strings = lang === 'en' ? en : zhCN;
    expect(blocked.obstacles.length).toBe(2);
    for (const obstacle of blocked.obstacles) {
      const card = document.querySelector(`[data-obstacle="${obstacle.code}"]`) as HTMLElement;
      expect(card.textContent).toContain(obstacle.title[lang]);
      for (const route of obstacle.routes) {
        const item = card.querySelector(`[data-route="${route.id}"]`) as HTMLElement;
        expect(item.textContent).toContain(route.title[lang]);
        expect(item.textContent).toContain(route.detail[lang]);
      }
    }
    const bottom = document.querySelector('[data-bottom-line]') as HTMLElement;
    expect(bottom.textContent).toContain(blocked.likelyRoute?.title[lang]);
    expect(document.body.textContent).toContain(strings.pathway.subject.kinds.none);
    if (lang === 'zh-CN') expect(document.body.textContent).not.toContain(blocked.obstacles[0]?.title.en);
  });

  it('names the filing subject and its identity document', () => {
    renderResult(decide({ surfaces: ['website'], mainlandHosting: true, subject: 'cn_individual' }), 'zh-CN');
    const card = document.querySelector('[data-subject="individual"]') as HTMLElement;
    expect(card.textContent).toContain('居民身份证');
    expect(card.textContent).toContain(zhCN.pathway.subject.kinds.individual);
  });
});
