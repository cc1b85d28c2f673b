/**
 * Numbers, amounts and times on screen as a reader of each language expects them: grouped digits
 * (100,000), one clock per language everywhere a time shows (Chinese: 24-hour), and counts on the Documents
 * step that say what they count and agree with the step list.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../electron/contract';
import type { Case } from '../../core/model/case';
import { sampleCase } from '../../core/model/sample-case';
import en from '../../locales/en.json';
import { useFakeStore } from './support/fake-store';
import { createFakeApi, renderApp } from './support/render-app';
import { renderCaseAt } from './support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

const withCapital = (c: Case): Case => ({ ...c, subject: { ...c.subject, registeredCapitalCny: 100000 } });
const asSample = (c: Case): Case => ({ ...sampleCase(new Date(c.createdAt)), id: c.id, name: c.name });

async function homeRowTime(language: Language): Promise<string> {
  const fake = createFakeApi(language);
  useFakeStore(fake);
  await fake.api.caseCreate({ name: 'Clock' });
  renderApp({ fake });
  const link = await screen.findByRole('link', { name: 'Clock' });
  return link.closest('li')?.querySelector('time')?.textContent ?? '';
}

async function caseBarStatus(language: Language): Promise<string> {
  await renderCaseAt('applicant', { name: 'Clock', systemLanguage: language });
  return document.querySelector('.case-bar__status')?.textContent ?? '';
}

/** The time of day in a text: “2:32 PM”, “14:32”, with the hour as written. */
const timeOf = (text: string) => /\d{1,2}:\d{2}(?:\s?[AP]M)?/.exec(text)?.[0];

describe('times', () => {
  it('are written the same way on Home and in the case bar, in English', async () => {
    const home = await homeRowTime('en');
    cleanup();
    const bar = await caseBarStatus('en');
    expect(timeOf(home)).toBeDefined();
    expect(timeOf(bar)).toBe(timeOf(home));
  });

  it('use the 24-hour clock in Chinese, on Home and in the case bar', async () => {
    const home = await homeRowTime('zh-CN');
    cleanup();
    const bar = await caseBarStatus('zh-CN');
    for (const text of [home, bar]) {
      expect(text).toMatch(/\b\d{1,2}:\d{2}\b/);
      expect(text).not.toMatch(/[上下]午|AM|PM/);
    }
    expect(timeOf(bar)).toBe(timeOf(home));
  });
});

describe('amounts', () => {
  it('show the registered capital with grouped digits beside its box, in each language', async () => {
    await renderCaseAt('applicant', { edit: withCapital });
    const box = document.getElementById('field-subject-registeredCapitalCny') as HTMLInputElement;
    expect(box.value).toBe('100000');
    expect(box.closest('.field')?.textContent).toContain('RMB 100,000');
    // The catalogue's example amount too.
    expect(box.closest('.field')?.textContent).toContain('5,000,000');
    cleanup();
    await renderCaseAt('applicant', { edit: withCapital, systemLanguage: 'zh-CN' });
    const zhBox = document.getElementById('field-subject-registeredCapitalCny') as HTMLInputElement;
    expect(zhBox.closest('.field')?.textContent).toContain('100,000 元');
  });
});

describe('Documents counts', () => {
  it('count missing required and missing recommended items apart, agreeing with the step list', async () => {
    await renderCaseAt('documents', { edit: asSample });
    const counts = screen.getByTestId('checklist-counts').textContent ?? '';
    // The sample case lacks five required documents and two recommended ones.
    expect(counts).toContain('5 required missing');
    expect(counts).toContain('2 recommended missing');
    const rail = screen.getByRole('navigation', { name: en.steps.railLabel });
    const documentsLink = within(rail)
      .getAllByRole('link')
      .find((link) => link.getAttribute('href')?.endsWith('/documents'));
    await waitFor(() => expect(documentsLink?.textContent).toContain('5 to fix'));
  });

  it('say the same in Chinese', async () => {
    await renderCaseAt('documents', { edit: asSample, systemLanguage: 'zh-CN' });
    const counts = screen.getByTestId('checklist-counts').textContent ?? '';
    expect(counts).toContain('缺少必需材料 5 项');
    expect(counts).toContain('缺少建议材料 2 项');
  });
});

describe('examples under the fields', () => {
  const examples = () => [...document.querySelectorAll('.field__example-value')].map((e) => e.textContent);

  it('name a language and a place in English too, as the boxes below them do', async () => {
    await renderCaseAt('services', { edit: asSample });
    expect(examples()).toContain('Simplified Chinese');
    expect(examples()).not.toContain('中文简体');
    cleanup();
    await renderCaseAt('applicant', { edit: asSample });
    expect(examples()).toContain('Shanghai 上海市');
    expect(examples()).not.toContain('上海市');
  });
});

describe('Chinese the user must act on', () => {
  it('names the company whose seal goes on a letter in English too', async () => {
    await renderCaseAt('documents', { edit: asSample });
    const duties = [...document.querySelectorAll('.signing-panel__duties li')].map((li) => li.textContent);
    expect(
      duties.some((duty) => duty?.includes("上海澜岸贸易有限公司 (Lan'an Trading (Shanghai) Co., Ltd.)")),
    ).toBe(true);
  });
});

describe('punctuation', () => {
  it('is the language’s own after a label (当前保护方式：, not a half-width colon)', async () => {
    window.location.hash = '#/settings';
    renderApp({ fake: createFakeApi('zh-CN') });
    const line = (await screen.findByTestId('encryption-in-use')).closest('p')?.textContent ?? '';
    expect(line).toMatch(/^当前保护方式：/);
    expect(line).not.toContain(':');
  });
});

describe('dates', () => {
  it('read the Chinese way on Chinese screens, where the screen shows a date by itself', async () => {
    await renderCaseAt('afterApproval', { edit: asSample, systemLanguage: 'zh-CN' });
    const dates = [
      ...screen.getByTestId('obligations-timeline').querySelectorAll('.after-timeline__date'),
    ].map((date) => date.textContent ?? '');
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
  });
});

describe('the day of a stored moment', () => {
  it('is not the UTC day (an export at 01:00 in Shanghai is on the 8th there, by the user’s clock and China’s)', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const exported = (c: Case): Case => ({
        ...asSample(c),
        exports: [
          {
            at: '2026-12-07T17:00:00.000Z',
            folderName: 'packet',
            profile: 'wechat',
            fileCount: 1,
            manifestSha256: 'a'.repeat(64),
          },
        ],
      });
      await renderCaseAt('afterApproval', { edit: exported });
      expect(screen.getByTestId('packet-versions').textContent).toContain('2026-12-08');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
