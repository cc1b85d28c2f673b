import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ServiceSchema } from '../../../core/model/case';
import en from '../../../locales/en.json';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

async function openAfterApproval() {
  const opened = await renderCaseAt('afterApproval', { name: 'After test' });
  await screen.findByRole('heading', { level: 1, name: en.steps.afterApproval.title });
  return opened;
}

describe('After approval step', () => {
  it('refuses an event dated in the future and keeps what was typed', async () => {
    await openAfterApproval();
    fireEvent.change(screen.getByTestId('journal-event'), { target: { value: 'submitted' } });
    fireEvent.change(screen.getByTestId('journal-date'), { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByTestId('journal-record'));
    expect(
      (await screen.findByText(en.afterApproval.journal.problems.dateInFuture)).getAttribute('role'),
    ).toBe('alert');
    expect((screen.getByTestId('journal-date') as HTMLInputElement).value).toBe('2999-01-01');
    expect(within(screen.getByTestId('journal-history')).queryByText(en.home.statuses.submitted)).toBeNull();
  });

  it('marks ad copy findings, and keeps 1 MB of pasted text on screen while refusing to check it', async () => {
    await openAfterApproval();
    const box = screen.getByTestId('ad-copy') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '全网销量第一，最佳选择。' } });
    expect((await screen.findByTestId('ad-findings')).querySelectorAll(':scope > li')).toHaveLength(2);
    const huge = '最佳'.repeat(512 * 1024);
    fireEvent.change(box, { target: { value: huge } });
    expect((await screen.findByTestId('ad-refused')).textContent).toContain('1,048,576 characters');
    expect(box.value.length).toBe(huge.length);
    expect(screen.queryByTestId('ad-findings')).toBeNull();
  });

  it('shows a validated number message under the public-security field in the UI language', async () => {
    await openAfterApproval();
    fireEvent.change(screen.getByTestId('golive-ps-number'), { target: { value: '京公网安备 1101号' } });
    const alert = await screen.findByText(/This is not a public-security filing number/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
  });
});

describe('Licence renewal', () => {
  it('tells a case without a licence that renewal concerns licence holders, with no to-do list to work through', async () => {
    await openAfterApproval();
    expect(screen.getByTestId('renewal-not-licensed').textContent).toBe(en.lifecycle.renewal.notLicensed);
    expect(screen.queryByTestId('renewal-prechecks')).toBeNull();
    expect(screen.queryByTestId('renewal-build')).toBeNull();
  });

  it('shows a licence holder the pre-checks and the packet', async () => {
    await renderCaseAt('afterApproval', {
      name: 'Licensed',
      edit: (c) => ({ ...c, afterApproval: { ...c.afterApproval, licenceNumber: '沪B2-20260001' } }),
    });
    await screen.findByRole('heading', { level: 1, name: en.steps.afterApproval.title });
    expect(screen.getByTestId('renewal-prechecks')).toBeTruthy();
    expect(screen.getByTestId('renewal-build')).toBeTruthy();
    expect(screen.queryByTestId('renewal-not-licensed')).toBeNull();
  });
});

describe('the go-live kit and the 2025–2026 rules (issue 24)', () => {
  it('asks for each AI model and its number, builds the footer line, and lists the duties after launch', async () => {
    await renderCaseAt('afterApproval', {
      name: 'AI shop',
      edit: (c) => ({
        ...c,
        services: [ServiceSchema.parse({ kind: 'mini_program', id: 'mini-1', name: '澜岸家居' })],
        answers: { ...c.answers, generativeAi: 'own_model', recommendation: true, publicOpinion: true },
        afterApproval: {
          ...c.afterApproval,
          filingNumber: '沪ICP备2026012345号',
          serviceNumbers: [{ serviceId: 'mini-1', number: '沪ICP备2026012345号-1X' }],
        },
      }),
    });
    const ai = await screen.findByTestId('golive-ai');
    expect(within(ai).getByText(en.afterApproval.goLive.ai.empty)).toBeTruthy();
    fireEvent.click(within(ai).getByRole('button', { name: en.afterApproval.goLive.ai.add }));
    fireEvent.change(screen.getByTestId('golive-ai-name-0'), { target: { value: '澜岸助手' } });
    fireEvent.change(screen.getByTestId('golive-ai-number-0'), {
      target: { value: 'Shanghai-Lanan-20260301' },
    });
    const expected = '生成式人工智能服务：澜岸助手，备案号：Shanghai-Lanan-20260301';
    expect((await screen.findAllByText(expected)).length).toBeGreaterThan(0);
    expect(screen.getAllByTestId(/^snippet-text-/).some((s) => s.textContent?.includes(expected))).toBe(true);

    const duties = screen.getByTestId('golive-duties');
    const codes = [...duties.querySelectorAll('[data-duty]')].map((d) => d.getAttribute('data-duty'));
    expect(codes).toEqual([
      'GENAI_LABELLING',
      'GENAI_MODEL_DISPLAY',
      'ALGORITHM_FILING',
      'MINORS_CONTENT_DUTIES',
    ]);
  });

  it('shows no empty footer while the number typed is not a valid one, and says why', async () => {
    await renderCaseAt('afterApproval', {
      name: 'Half typed',
      edit: (c) => ({
        ...c,
        services: [ServiceSchema.parse({ kind: 'website', id: 'web-1', name: 'Shop' })],
        afterApproval: { ...c.afterApproval, filingNumber: '沪ICP备2026' },
      }),
    });
    const footer = await screen.findByTestId('footer-website');
    expect(within(footer).queryByTestId('snippet-html-web-1')).toBeNull();
    expect(within(footer).queryByTestId('snippet-text-web-1')).toBeNull();
    expect(within(footer).getByTestId('footer-no-valid-number').textContent).toBe(
      en.afterApproval.goLive.noValidNumber,
    );
    fireEvent.change(screen.getByTestId('golive-filing-number'), {
      target: { value: '沪ICP备2026012345号' },
    });
    expect((await screen.findByTestId('snippet-text-web-1')).textContent).toContain('沪ICP备2026012345号');
    expect(within(screen.getByTestId('footer-website')).queryByTestId('footer-no-valid-number')).toBeNull();
  });

  it('without generative AI the kit asks for no model', async () => {
    await renderCaseAt('afterApproval', {
      edit: (c) => ({ ...c, answers: { ...c.answers, generativeAi: 'none', recommendation: false } }),
    });
    await screen.findByRole('heading', { level: 1, name: en.steps.afterApproval.title });
    expect(screen.queryByTestId('golive-ai')).toBeNull();
    expect(screen.getByText(en.afterApproval.goLive.duties.none)).toBeTruthy();
  });
});
