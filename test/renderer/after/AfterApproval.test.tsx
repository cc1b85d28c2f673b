import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
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
    expect((await screen.findByTestId('ad-refused')).textContent).toContain('1048576');
    expect(box.value.length).toBe(huge.length);
    expect(screen.queryByTestId('ad-findings')).toBeNull();
  });

  it('shows a validated number message under the public-security field in the UI language', async () => {
    await openAfterApproval();
    fireEvent.change(screen.getByTestId('golive-ps-number'), { target: { value: '京公网安备 1101号' } });
    const alert = await screen.findByText(/This is not an ICP filing or licence number/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
  });
});
