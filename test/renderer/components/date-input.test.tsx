import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldDef } from '../../../core/model/fields';
import { todayIso } from '../../../core/validate/common';
import type { Language } from '../../../electron/contract';
import { FieldView } from '../../../renderer/src/components/fields/CatalogueField';
import { DateField } from '../../../renderer/src/components/fields/Field';
import { DateInput } from '../../../renderer/src/components/fields/DateInput';
import { longDate, readDate } from '../../../renderer/src/components/fields/dateText';
import { createI18n, uiLocale } from '../../../renderer/src/i18n/i18n';

/** A date field over a model value, recording every value the model was given. */
function renderDate(language: Language, initial: string) {
  const given: string[] = [];
  function Harness() {
    const [value, setValue] = useState(initial);
    return (
      <DateField
        id="d"
        label="Valid until"
        value={value}
        onChange={(iso) => {
          given.push(iso);
          setValue(iso);
        }}
      />
    );
  }
  const i18n = createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
  return { input: screen.getByLabelText('Valid until') as HTMLInputElement, given, i18n };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('date fields follow the UI language, not the operating system', () => {
  it('shows a catalogue date the UI language’s way in a text field, never a native date input', () => {
    const def = fieldDef('legalRepresentative.idValidTo');
    if (!def) throw new Error('catalogue lacks legalRepresentative.idValidTo');
    for (const [language, shown] of [
      ['en', '2036-03-17'],
      ['zh-CN', '2036年3月17日'],
    ] as const) {
      render(
        <I18nextProvider i18n={createI18n(language)}>
          <FieldView
            def={def}
            path="legalRepresentative.idValidTo"
            value="2036-03-17"
            onChange={() => undefined}
            issues={[]}
          />
        </I18nextProvider>,
      );
      const input = document.getElementById('field-legalRepresentative-idValidTo') as HTMLInputElement;
      expect(input.type).toBe('text');
      expect(input.value).toBe(shown);
      // The example is written as the field writes dates (the catalogue holds 2039-04-02).
      const example = document.querySelector('.field__example-value')?.textContent;
      expect(example).toBe(language === 'zh-CN' ? '2039年4月2日' : '2039-04-02');
      document.body.innerHTML = '';
    }
  });

  it('reads what is typed in either writing, gives the model ISO only, and shows it back the UI’s way', () => {
    const { input, given } = renderDate('zh-CN', '');
    expect(input.placeholder).toBe('年/月/日');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2026-10-31' } });
    expect(given.at(-1)).toBe('2026-10-31');
    // Confirmed in full, with the weekday, while typing.
    expect(screen.getByTestId('date-confirmed').textContent).toContain('星期六');
    fireEvent.blur(input);
    expect(input.value).toBe('2026年10月31日');
    // Still confirmed after leaving: a line that vanished on blur would move the button being clicked.
    expect(screen.getByTestId('date-confirmed').textContent).toContain('2026年10月31日');

    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2027年1月5日' } });
    fireEvent.blur(input);
    expect(given.at(-1)).toBe('2027-01-05');
    expect(input.value).toBe('2027年1月5日');

    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2027-02-29' } });
    expect(screen.getByRole('alert').textContent).toBe(
      '日历上没有这一天。改正之前，申请中仍保留 2027年1月5日。',
    );
  });

  it('says at once when a date cannot be one, keeps the case’s date, and waits on half a date', () => {
    const { input, given } = renderDate('en', '2026-10-31');
    expect(input.value).toBe('2026-10-31');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2026-1' } });
    // Half typed: no complaint yet, and the model does not get half a date.
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    expect(screen.getByRole('alert').textContent).toContain('no such day');
    expect(screen.getByRole('alert').textContent).toContain('keeps 2026-10-31');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '10/31/2026' } });
    expect(screen.getByRole('alert').textContent).toContain('YYYY-MM-DD');
    expect(given.every((iso) => /^\d{4}-\d{2}-\d{2}$/.test(iso))).toBe(true);
    expect(given).not.toContain('2026-01-01');
    fireEvent.change(input, { target: { value: '31 Oct 2027' } });
    expect(given.at(-1)).toBe('2027-10-31');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('steps by the keyboard: arrows a day, Page Up/Down a month, from today when empty', () => {
    const { input, given } = renderDate('en', '2026-01-31');
    fireEvent.focus(input);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(given.at(-1)).toBe('2026-02-01');
    fireEvent.keyDown(input, { key: 'PageDown' });
    expect(given.at(-1)).toBe('2026-01-01');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.value).toBe('2025-12-31');
    fireEvent.change(input, { target: { value: '' } });
    expect(given.at(-1)).toBe('');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(given.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the model’s date again in the new language when the language changes', async () => {
    const { input, i18n } = renderDate('en', '2026-10-31');
    await act(async () => {
      await i18n.changeLanguage('zh-CN');
    });
    expect(input.value).toBe('2026年10月31日');
  });

  it('reads no day-first or month-first numbers, which mean different days in different countries', () => {
    expect(readDate('03/04/2026')).toEqual({ problem: 'format' });
    expect(readDate('October 31, 2026')).toEqual({ iso: '2026-10-31' });
    expect(readDate('Octopus 31, 2026')).toEqual({ problem: 'format' });
  });

  it('leaves no native date input in the renderer (it shows the OS locale’s format)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.tsx')) files.push(path);
      }
    };
    walk(join(__dirname, '../../../renderer/src'));
    const native = files.filter((file) =>
      /type=(?:"date"|\{[^}]*'date')|type="datetime-local"/.test(readFileSync(file, 'utf8')),
    );
    expect(native).toEqual([]);
  });
});

describe('the calendar pop-up beside a date field', () => {
  const dayName = (iso: string, language: Language) => longDate(iso, uiLocale(language));
  const open = (language: Language) => {
    const button = screen.getByRole('button', { name: language === 'zh-CN' ? '选择日期' : 'Choose a date' });
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: language === 'zh-CN' ? '选择日期' : 'Choose a date' });
    return { button, dialog, grid: within(dialog).getByRole('grid') };
  };
  const focused = () => document.activeElement as HTMLElement;
  const key = (name: string, init: { shiftKey?: boolean } = {}) =>
    fireEvent.keyDown(document.activeElement as Element, { key: name, ...init });

  it('opens on the field’s date from a button, in English: the month, Monday-first weekdays, the date chosen', () => {
    renderDate('en', '2026-12-07');
    const button = screen.getByRole('button', { name: 'Choose a date' });
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const { grid } = open('en');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    // The month is the grid's name, shown above it.
    expect(screen.getByRole('grid', { name: 'December 2026' })).toBe(grid);
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const chosen = within(grid).getByRole('gridcell', { name: dayName('2026-12-07', 'en') });
    expect(chosen.getAttribute('aria-selected')).toBe('true');
    // Focus goes into the grid, on the field's date.
    expect(focused()).toBe(chosen);
    // 1 December 2026 is a Tuesday: the first row starts with one empty Monday.
    const firstRow = within(grid).getAllByRole('row')[1] as HTMLElement;
    expect(within(firstRow).getAllByRole('gridcell')[1]?.textContent).toBe('1');
  });

  it('opens in Chinese with the month and weekdays as Chinese calendars write them', () => {
    renderDate('zh-CN', '2026-12-07');
    const { grid } = open('zh-CN');
    expect(screen.getByText('2026年12月')).toBeTruthy();
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(focused().getAttribute('aria-label')).toBe(dayName('2026-12-07', 'zh-CN'));
    expect(focused().getAttribute('aria-label')).toContain('星期一');
  });

  it('chooses a day by click: the model gets ISO, the field shows it the UI’s way, focus goes back to the field', () => {
    for (const [language, shown] of [
      ['en', '2026-12-15'],
      ['zh-CN', '2026年12月15日'],
    ] as const) {
      const { input, given } = renderDate(language, '2026-12-07');
      const { grid } = open(language);
      fireEvent.click(within(grid).getByRole('gridcell', { name: dayName('2026-12-15', language) }));
      expect(given).toEqual(['2026-12-15']);
      expect(input.value).toBe(shown);
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(focused()).toBe(input);
      // Chosen counts as visited: the date is confirmed in full under the field.
      expect(screen.getByTestId('date-confirmed').textContent).toBe(dayName('2026-12-15', language));
      document.body.innerHTML = '';
    }
  });

  it('chooses a day by keyboard: arrows a day or a week, Home/End the week’s ends, Enter chooses', () => {
    const { input, given } = renderDate('zh-CN', '2026-12-07');
    open('zh-CN');
    key('ArrowRight');
    expect(focused().getAttribute('aria-label')).toBe(dayName('2026-12-08', 'zh-CN'));
    key('ArrowDown');
    expect(focused().getAttribute('aria-label')).toBe(dayName('2026-12-15', 'zh-CN'));
    key('ArrowLeft');
    key('End');
    expect(focused().getAttribute('aria-label')).toBe(dayName('2026-12-20', 'zh-CN'));
    key('Home');
    expect(focused().getAttribute('aria-label')).toBe(dayName('2026-12-14', 'zh-CN'));
    key('ArrowUp');
    key('ArrowDown');
    // Moving is not choosing: the model is unchanged until Enter.
    expect(given).toEqual([]);
    key('Enter');
    expect(given).toEqual(['2026-12-14']);
    expect(input.value).toBe('2026年12月14日');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(focused()).toBe(input);
  });

  it('chooses with Space too', () => {
    const { given } = renderDate('en', '2026-12-07');
    open('en');
    key('ArrowLeft');
    key(' ');
    expect(given).toEqual(['2026-12-06']);
  });

  it('closes on Escape without a change and gives focus back to the button', () => {
    const { input, given } = renderDate('en', '2026-12-07');
    const { button } = open('en');
    key('ArrowRight');
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(given).toEqual([]);
    expect(input.value).toBe('2026-12-07');
    expect(focused()).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('turns the month with Page Up/Down and the buttons, the year with Shift', () => {
    renderDate('en', '2026-12-07');
    const { dialog } = open('en');
    key('PageDown');
    expect(screen.getByText('January 2027')).toBeTruthy();
    expect(focused().getAttribute('aria-label')).toBe(dayName('2027-01-07', 'en'));
    key('PageDown', { shiftKey: true });
    expect(screen.getByText('January 2028')).toBeTruthy();
    key('PageUp');
    expect(screen.getByText('December 2027')).toBeTruthy();
    key('PageUp', { shiftKey: true });
    expect(screen.getByText('December 2026')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next month' }));
    expect(screen.getByText('January 2027')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous month' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous month' }));
    expect(screen.getByText('November 2026')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next year' }));
    expect(screen.getByText('November 2027')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous year' }));
    expect(screen.getByText('November 2026')).toBeTruthy();
  });

  it('opens on today when the field is empty or wrong, and marks today', () => {
    const today = todayIso();
    const { input } = renderDate('en', '');
    const { grid } = open('en');
    const marked = grid.querySelector('[aria-current="date"]') as HTMLElement;
    expect(marked.getAttribute('aria-label')).toBe(dayName(today, 'en'));
    expect(focused()).toBe(marked);
    // Nothing chosen yet: no day is selected.
    expect(grid.querySelector('[aria-selected="true"]')).toBeNull();
    key('Escape');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '2026-02-30' } });
    open('en');
    expect(focused().getAttribute('aria-label')).toBe(dayName(today, 'en'));
  });

  it('closes when the user clicks outside it, and moves Tab only within it', () => {
    renderDate('en', '2026-12-07');
    const { dialog } = open('en');
    const cell = focused();
    // Tab from the grid goes round the pop-up's controls and back, never out of it.
    for (let i = 0; i < 6; i++) {
      key('Tab');
      expect(dialog.contains(focused())).toBe(true);
    }
    cell.focus();
    key('Tab', { shiftKey: true });
    expect(dialog.contains(focused())).toBe(true);
    fireEvent.mouseDown(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows a language switch while open', async () => {
    const { i18n } = renderDate('en', '2026-12-07');
    open('en');
    await act(async () => {
      await i18n.changeLanguage('zh-CN');
    });
    expect(screen.getByRole('dialog', { name: '选择日期' })).toBeTruthy();
    expect(screen.getByText('2026年12月')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下个月' })).toBeTruthy();
  });

  it('cannot be opened while the field is disabled', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <DateInput id="x" value="2026-12-07" onChange={() => undefined} disabled />
      </I18nextProvider>,
    );
    expect((screen.getByRole('button', { name: 'Choose a date' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
