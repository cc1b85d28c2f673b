/**
 * The Pathway step in real Chromium at 1280×800, in both languages (issues 12.5, 12.13, 15): the interview has one
 * primary action per screen and saves each choice at once; the result leads with one bottom line above the fold,
 * no dispute text is repeated, and a blocked case shows every obstacle with every route. Screenshots of the
 * interview and the result go to test-results/.
 */
import { describe, expect, it } from 'vitest';
import { PathwayAnswersSchema, type PathwayAnswers } from '../../core/model/case';
import { decidePathway, type Decision } from '../../core/rules/decide';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import { FOREIGN_NO_ENTITY } from '../fixtures/pathway';
import { seriousAccessibilityViolations } from './support/axe';
import { useAppSession } from './support/fixture';

const e2e = useAppSession({
  prepare: (session) => session.page.setViewportSize({ width: 1280, height: 800 }),
});

type Lang = 'en' | 'zh-CN';
const STRINGS = { en, 'zh-CN': zhCN } as const;

/** One click per answer, group by group, as a user would; `Continue` is the only primary button on the way. */
interface Interview {
  launch: [string, string][];
  applicant: [string, string][];
  location: { province: string; choices: [string, string][] };
  money: [string, string][];
}

const DISPUTED: Interview = {
  launch: [
    ['surfaces', 'mini_program'],
    ['miniProgramAccount', 'mainland_entity'],
  ],
  applicant: [['subject', 'wfoe']],
  location: {
    province: '310000',
    choices: [
      ['pilotLocation', 'shanghai_lingang_pudong'],
      ['scope', 'single_province'],
    ],
  },
  money: [['activities', 'own_goods_sales']],
};
const DISPUTED_DECISION = decidePathway(
  PathwayAnswersSchema.parse({
    surfaces: ['mini_program'],
    miniProgramAccount: 'mainland_entity',
    subject: 'wfoe',
    pilotLocation: 'shanghai_lingang_pudong',
    scope: 'single_province',
    province: '310000',
    activities: ['own_goods_sales'],
  } satisfies Partial<PathwayAnswers>),
);

const BLOCKED: Interview = {
  launch: [
    ['surfaces', 'website'],
    ['surfaces', 'mini_program'],
    ['mainlandHosting', 'yes'],
    ['miniProgramAccount', 'mainland_entity'],
  ],
  applicant: [['subject', 'foreign_no_entity']],
  location: {
    province: '440000',
    choices: [
      ['pilotLocation', 'none'],
      ['scope', 'single_province'],
    ],
  },
  money: [['activities', 'paid_membership']],
};
const BLOCKED_DECISION = decidePathway(FOREIGN_NO_ENTITY);

/** Counts every save state the case bar shows, from now on (a MutationObserver in the page). */
async function watchSaveStates(): Promise<void> {
  await e2e.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __saveStates: string[] }).__saveStates = seen;
    const read = () => {
      const state = document.querySelector('.case-bar [data-save-state]')?.getAttribute('data-save-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-save-state'],
      childList: true,
    });
    read();
  });
}

const saveStates = () =>
  e2e.page.evaluate(() => (window as unknown as { __saveStates: string[] }).__saveStates);

async function primaryButtons(): Promise<string[]> {
  return e2e.page.locator('main .button--primary:visible').allTextContents();
}

async function interview(answers: Interview, lang: Lang, shots: string): Promise<void> {
  const p = e2e.ws.pathway;
  const t = STRINGS[lang].pathway;
  const step = async (choices: [string, string][], screenshot?: string) => {
    for (const [question, value] of choices) await p.choice(question, value).check();
    // One primary action on the screen: this group's Continue (no "Next: Applicant" beside it).
    await expect(primaryButtons()).resolves.toHaveLength(1);
    if (screenshot) await e2e.screenshot(screenshot);
    await p.next.click();
  };
  await step(answers.launch, `pathway-interview-${shots}`);
  await step(answers.applicant);
  await p.province.selectOption(answers.location.province);
  await step(answers.location.choices);
  await step(answers.money, `pathway-interview-money-${shots}`);
  await expect(p.next.textContent()).resolves.toBe(t.seeResult);
  await p.next.click();
  await p.verdict.waitFor();
}

/** The bottom line is on screen at 1280×800 without scrolling. */
async function bottomLineAboveTheFold(): Promise<void> {
  await e2e.page.evaluate(() => document.querySelector('main#main')?.scrollTo(0, 0));
  const box = await e2e.ws.pathway.verdict.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(800);
}

/**
 * The shell did not move: the document itself is not scrolled (only `main` scrolls), so the app header sits at
 * the top and the case bar (the case and its step, sticky at the top of main) right under it, both on screen.
 */
async function shellInView(): Promise<void> {
  const where = await e2e.page.evaluate(() => ({
    overflow: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    scrolled: [
      document.documentElement.scrollTop,
      document.body.scrollTop,
      document.getElementById('root')?.scrollTop,
    ],
    header: document.querySelector('.app-header')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
    caseBar: document.querySelector('.case-bar')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
  }));
  // Nothing for the browser to scroll outside main: no content overflows the window.
  expect(where.overflow).toBeLessThanOrEqual(0);
  expect(where.scrolled).toEqual([0, 0, 0]);
  expect(where.header?.top).toBe(0);
  expect(where.caseBar?.top).toBeGreaterThanOrEqual(where.header!.bottom - 1);
  expect(where.caseBar?.bottom).toBeLessThanOrEqual(800);
}

/** No dispute is set out more than once: each view's text occurs once on the page. */
async function noDisputeRepeated(decision: Decision, lang: Lang): Promise<void> {
  const text = (await e2e.page.locator('main').textContent()) ?? '';
  expect(decision.disputes.length).toBeGreaterThan(0);
  for (const dispute of decision.disputes)
    for (const view of dispute.views) expect(text.split(view.position[lang]).length - 1).toBe(1);
}

describe.each(['en', 'zh-CN'] as const)('Pathway step in %s at 1280×800', (lang) => {
  const t = STRINGS[lang].pathway;

  async function start(): Promise<void> {
    await e2e.app.open(lang === 'en' ? '#/' : '#/settings');
    if (lang === 'zh-CN') {
      await e2e.app.chooseLanguage('zh-CN', 'zh-CN');
      await e2e.app.header.home.click();
    }
    await e2e.ws.home.startPathway.click();
    await e2e.ws.waitForStep('pathway');
  }

  it('disputed case: one bottom line above the fold, each dispute once, every choice saved at once', async () => {
    await start();
    await watchSaveStates();
    await interview(DISPUTED, lang, lang);
    // The interview does not sit on "Changes not saved yet…": a choice is stored the moment it is made, so the
    // case bar goes from "Saved" straight to "Saving" (a debounced save always shows "not saved yet" first).
    await e2e.ws.waitUntilSaved();
    const states = await saveStates();
    const direct = states.filter((s, i) => s === 'saving' && states[i - 1] === 'saved').length;
    expect(states.slice(0, 2), states.join(' ')).toEqual(['saved', 'saving']);
    expect(direct, states.join(' ')).toBeGreaterThanOrEqual(2);

    await bottomLineAboveTheFold();
    const bottom = (await e2e.ws.pathway.verdict.textContent()) ?? '';
    expect(bottom).toContain(t.bottom.likely.replace('{{what}}', t.bottom.what.icpFiling));
    expect(bottom).toContain(DISPUTED_DECISION.bottomLine.openQuestion?.question[lang]);
    expect(bottom).toContain(DISPUTED_DECISION.bottomLine.openQuestion?.who[lang]);
    await noDisputeRepeated(DISPUTED_DECISION, lang);
    // On the result, the one primary action is the next step.
    await expect(primaryButtons()).resolves.toHaveLength(1);
    await expect(e2e.page.locator('main').textContent()).resolves.not.toMatch(/pathway-rules@|\.md\b/);

    // The open question's link opens the disputes and lands on that dispute.
    await e2e.page.getByRole('link', { name: t.bottom.seeViews }).click();
    await e2e.page.locator('#pathway-dispute-D1').waitFor({ state: 'visible' });
    // Only the main area scrolls: the app header and the case bar with the step's name stay in view, also
    // when the browser brings the dispute into view itself (as it does for keyboard focus).
    await shellInView();
    await e2e.page.locator('#pathway-dispute-D1').scrollIntoViewIfNeeded();
    await shellInView();

    await e2e.page.evaluate(() => document.querySelector('main#main')?.scrollTo(0, 0));
    await e2e.app.screenshot(`pathway-result-fold-${lang}`);
    await e2e.screenshot(`pathway-result-${lang}`);
    expect(await seriousAccessibilityViolations(e2e.page)).toEqual([]);
  });

  it('blocked case: every obstacle with every route, the most likely route in the bottom line', async () => {
    await start();
    await interview(BLOCKED, lang, `blocked-${lang}`);
    await bottomLineAboveTheFold();
    await expect(e2e.ws.pathway.verdict.textContent()).resolves.toContain(
      BLOCKED_DECISION.likelyRoute?.title[lang],
    );
    expect(BLOCKED_DECISION.obstacles.length).toBeGreaterThan(1);
    for (const obstacle of BLOCKED_DECISION.obstacles) {
      const card = e2e.page.locator(`[data-obstacle="${obstacle.code}"]`);
      await expect(card.locator('h4').textContent()).resolves.toBe(obstacle.title[lang]);
      for (const route of obstacle.routes) {
        const item = card.locator(`[data-route="${route.id}"]`);
        await expect(item.isVisible()).resolves.toBe(true);
        await expect(item.textContent()).resolves.toContain(route.title[lang]);
      }
      await expect(card.locator('[data-route]').count()).resolves.toBe(obstacle.routes.length);
    }
    await expect(e2e.page.locator('[data-subject="none"]').textContent()).resolves.toContain(
      t.subject.kinds.none,
    );
    await e2e.page.evaluate(() => document.querySelector('main#main')?.scrollTo(0, 0));
    await e2e.app.screenshot(`pathway-blocked-fold-${lang}`);
    await e2e.screenshot(`pathway-blocked-${lang}`);
    expect(await seriousAccessibilityViolations(e2e.page)).toEqual([]);
  });
});
