import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldDef } from '../../../core/model/fields';
import type { Language } from '../../../electron/contract';
import { FieldView } from '../../../renderer/src/components/fields/CatalogueField';
import { DateField } from '../../../renderer/src/components/fields/Field';
import { readDate } from '../../../renderer/src/components/fields/dateText';
import { createI18n } from '../../../renderer/src/i18n/i18n';

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
