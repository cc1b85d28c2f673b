/**
 * The rule pack on screen: the rule-age notice on Home and on the pathway result (both languages, only when
 * the rules are past their review date), the pack's edition and dates in words, and Settings → Rules
 * importing a newer pack and going back to the bundled one.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateWords } from '../../core/i18n/language';
import { PathwayAnswersSchema } from '../../core/model/case';
import { BUNDLED_RULE_PACK_INFO, installRulePack } from '../../core/rules/pack';
import type { RulesStatus } from '../../electron/contract';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { MARKED_TITLE, markedPack } from '../host/rules/pack-helpers';
import { useFakeStore } from './support/fake-store';
import { createFakeApi, renderApp } from './support/render-app';

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
/** As Testing Library's text queries see it: runs of white space (the no-break spaces in dates) as one space. */
const seen = (text: string) => text.replace(/\s+/g, ' ');

const afterReview = new Date(`${BUNDLED_RULE_PACK_INFO.reviewBy}T12:00:00Z`);
afterReview.setUTCDate(afterReview.getUTCDate() + 1);

const words = (lang: 'en' | 'zh-CN', info = BUNDLED_RULE_PACK_INFO) => ({
  version: info.version,
  asOf: formatDateWords(info.asOf, lang),
  reviewBy: formatDateWords(info.reviewBy, lang),
});

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  vi.useRealTimers();
  installRulePack(null);
});

/** A case whose answers settle the pathway, so its Pathway step opens on the result. */
async function renderSettledCase(fake = createFakeApi()) {
  const store = useFakeStore(fake);
  const created = await fake.api.caseCreate({ name: 'Rules case' });
  if (!created.ok) throw new Error('fake store refused');
  const id = created.value.id;
  store.cases.set(id, {
    ...store.cases.get(id)!,
    answers: PathwayAnswersSchema.parse({
      surfaces: ['website'],
      mainlandHosting: true,
      subject: 'domestic_company',
      activities: ['info_only'],
      province: '310000',
      scope: 'single_province',
      generativeAi: 'none',
      recommendation: false,
    }),
  });
  window.location.hash = `#/case/${id}/pathway`;
  return renderApp({ fake });
}

describe('the rule-age notice', () => {
  it('Home says nothing while the rules are current', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(en.rules.staleHeading)).toBeNull();
  });

  it('Home warns once the rules are past their review date, in English and Chinese, with the way to Settings', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(afterReview);
    const { unmount } = renderApp();
    const note = (await screen.findByText(en.rules.staleHeading)).closest('[role="note"]') as HTMLElement;
    expect(note.textContent).toContain(fill(en.rules.stale.reviewDue, words('en')));
    expect(within(note).getByRole('link', { name: en.rules.openSettings }).getAttribute('href')).toBe(
      '#/settings/rules',
    );
    unmount();
    renderApp({ fake: createFakeApi('zh-CN') });
    const zhNote = (await screen.findByText(zhCN.rules.staleHeading)).closest('[role="note"]') as HTMLElement;
    expect(zhNote.textContent).toContain(fill(zhCN.rules.stale.reviewDue, words('zh-CN')));
  });

  it('the pathway result shows the edition and dates in words, and the notice when stale, in both languages', async () => {
    const { unmount } = await renderSettledCase();
    expect(await screen.findByText(seen(fill(en.pathway.details.footer, words('en'))))).toBeTruthy();
    expect(screen.queryByText(en.rules.staleHeading)).toBeNull();
    unmount();

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(afterReview);
    const stale = await renderSettledCase();
    const note = (await screen.findByText(en.rules.staleHeading)).closest('[role="note"]') as HTMLElement;
    expect(note.textContent).toContain(fill(en.rules.stale.reviewDue, words('en')));
    stale.unmount();
    await renderSettledCase(createFakeApi('zh-CN'));
    expect(await screen.findByText(zhCN.rules.staleHeading)).toBeTruthy();
    expect(screen.getByText(seen(fill(zhCN.pathway.details.footer, words('zh-CN'))))).toBeTruthy();
  });
});

describe('Settings → Rules', () => {
  const content = markedPack();
  const importedInfo = {
    ...BUNDLED_RULE_PACK_INFO,
    version: content.manifest.version,
    origin: 'imported' as const,
  };
  const imported: RulesStatus = { active: importedInfo, bundled: BUNDLED_RULE_PACK_INFO, content };

  it('shows the rules in use, imports a newer pack, and goes back to the bundled one', async () => {
    const fake = createFakeApi();
    fake.api.rulesImport.mockResolvedValue({ ok: true, value: { imported: true, status: imported } });
    window.location.hash = '#/settings/rules';
    renderApp({ fake });
    const section = await screen.findByTestId('rules-section');
    expect(within(section).getByTestId('rules-in-use').textContent).toBe(fill(en.rules.summary, words('en')));
    expect(within(section).getByTestId('rules-origin').textContent).toBe(en.settings.rules.origin.bundled);
    expect(within(section).queryByRole('button', { name: en.settings.rules.useBundled })).toBeNull();

    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: en.settings.rules.import }));
    });
    const again = await screen.findByTestId('rules-section');
    expect(within(again).getByTestId('rules-in-use').textContent).toBe(
      fill(en.rules.summary, words('en', importedInfo)),
    );
    expect(within(again).getByTestId('rules-origin').textContent).toBe(
      fill(en.settings.rules.origin.imported, words('en')),
    );
    // The renderer's own rules changed with main's: a decision here uses the imported pack.
    const { decidePathway } = await import('../../core/rules/decide');
    const decision = decidePathway(
      PathwayAnswersSchema.parse({
        surfaces: ['website'],
        mainlandHosting: true,
        subject: 'domestic_company',
      }),
    );
    expect(decision.conclusions.find((c) => c.ruleId === 'R2')?.title.en).toBe(MARKED_TITLE);
    expect(decision.rulePack.version).toBe(importedInfo.version);

    await act(async () => {
      fireEvent.click(within(again).getByRole('button', { name: en.settings.rules.useBundled }));
    });
    const back = await screen.findByTestId('rules-section');
    expect(within(back).getByTestId('rules-origin').textContent).toBe(en.settings.rules.origin.bundled);
    expect(fake.api.rulesUseBundled).toHaveBeenCalled();
  });

  it('a refused pack is explained, and the rules in use stay', async () => {
    const fake = createFakeApi('zh-CN');
    fake.api.rulesImport.mockResolvedValue({ ok: false, code: 'rulePackTampered', details: { version: 1 } });
    window.location.hash = '#/settings/rules';
    renderApp({ fake });
    const section = await screen.findByTestId('rules-section');
    await act(async () => {
      fireEvent.click(within(section).getByRole('button', { name: zhCN.settings.rules.import }));
    });
    expect(await screen.findByText(zhCN.errors.rulePackTampered)).toBeTruthy();
    expect(within(section).getByTestId('rules-in-use').textContent).toBe(
      fill(zhCN.rules.summary, words('zh-CN')),
    );
  });

  it('an imported pack found broken at start is reported in Settings', async () => {
    window.location.hash = '#/settings';
    renderApp({
      rules: { active: BUNDLED_RULE_PACK_INFO, bundled: BUNDLED_RULE_PACK_INFO, importedProblem: 'tampered' },
    });
    expect((await screen.findByTestId('rules-imported-problem')).textContent).toBe(
      en.settings.rules.importedProblem,
    );
  });
});
