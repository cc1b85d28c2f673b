/**
 * The packet is dated by China's calendar (documents are signed and filed there), every date the user records
 * by their own: the screens say which is which, and a packet's label carries the date its folder and documents
 * carry, not the user's day.
 */
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../core/model/case';
import type { Language } from '../../electron/contract';
import en from '../../locales/en.json';
import { ChinaDateNote } from '../../renderer/src/components/ChinaDateNote';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { renderCaseAt } from './support/open-case';

/** 20:00 on 7 December in New York is already 09:00 on 8 December in China. */
const EVENING_IN_NEW_YORK = '2026-12-08T01:00:00.000Z';
let zone: string | undefined;

beforeEach(() => {
  zone = process.env.TZ;
  process.env.TZ = 'America/New_York';
  window.location.hash = '';
});

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  document.body.innerHTML = '';
});

function renderNote(language: Language) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ChinaDateNote now={new Date(EVENING_IN_NEW_YORK)} testId="note" />
    </I18nextProvider>,
  );
  return screen.getByTestId('note').textContent ?? '';
}

describe('China’s date and the user’s', () => {
  it('says the packet is dated by China’s calendar, and names the user’s own day when it differs', () => {
    const english = renderNote('en');
    expect(english).toContain('dated 2026-12-08');
    expect(english).toContain('UTC+8');
    expect(english).toContain('On this computer it is 2026-12-07');
    document.body.innerHTML = '';
    const chinese = renderNote('zh-CN');
    expect(chinese).toContain('2026年12月8日');
    // One sentence after another, the Chinese way: no space after 。
    expect(chinese).toContain('这一日期。本机当前日期为 2026年12月7日。');
  });

  it('labels an exported packet with the date its folder and documents carry', async () => {
    const exported = (c: Case): Case => ({
      ...c,
      exports: [
        {
          at: EVENING_IN_NEW_YORK,
          folderName: 'Acme-icp_filing-20261208',
          profile: 'wechat',
          fileCount: 1,
          manifestSha256: 'a'.repeat(64),
        },
      ],
    });
    await renderCaseAt('afterApproval', { edit: exported });
    await screen.findByRole('heading', { level: 1, name: en.steps.afterApproval.title });
    const label = screen.getByTestId('packet-versions').textContent ?? '';
    expect(label).toContain('documents dated 2026-12-08');
    expect(label).not.toContain('2026-12-07');
  });

  it('explains the date on the Export step, before the folder is chosen', async () => {
    await renderCaseAt('export');
    expect((await screen.findByTestId('export-china-date')).textContent).toContain('UTC+8');
  });

  it('explains it where a renewal packet is built, whose folder carries the same date', async () => {
    await renderCaseAt('afterApproval', {
      edit: (c) => ({ ...c, afterApproval: { ...c.afterApproval, licenceNumber: '沪B2-20260001' } }),
    });
    expect((await screen.findByTestId('renewal-china-date')).textContent).toContain('UTC+8');
  });
});
