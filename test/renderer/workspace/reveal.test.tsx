/**
 * Every finding shows on its step, at its field (issue 23 §5): Review's "open the field" lands on the field,
 * highlighted, with the finding under it even though the user never touched it; the link scrolls only the
 * app's main area, never the page (which pushed the header off-screen).
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

describe('a finding opened from Review', () => {
  it('lands on its field, highlighted, with the finding shown', async () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    await renderCaseAt('review', { name: 'Reveal' });
    const item = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('li[data-code="field.required"]');
      if (!found) throw new Error('no required finding yet');
      return found;
    });
    const message = item.querySelector('.issue__message')?.textContent ?? '';
    fireEvent.click(item.querySelector('[data-testid="open-issue"]') as HTMLElement);
    const field = await waitFor(
      () => {
        const target = document.querySelector<HTMLElement>('.field--target');
        if (!target) throw new Error('no highlighted field');
        return target;
      },
      { timeout: 3000 },
    );
    expect(field.contains(document.activeElement)).toBe(true);
    expect(field.querySelector('.field__issues')?.textContent).toContain(message);
    // Only the app's scrolling area moves: the page (and with it the header) never does.
    expect(scrolled).not.toHaveBeenCalled();
    expect(screen.getAllByRole('heading', { level: 1 }).length).toBeGreaterThan(0);
    scrolled.mockRestore();
  });
});
