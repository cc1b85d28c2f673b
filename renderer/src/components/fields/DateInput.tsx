import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../core/validate/common';
import { uiLocale } from '../../i18n/i18n';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { addMonths } from '../../../../core/validate/dates';
import { addDays } from '../../../../core/rules/validity';
import { couldBecomeDate, longDate, readDate, showDate } from './dateText';
import { WordSpace } from '../../i18n/WordSpace';
import { DatePicker } from './DatePicker';

export interface DateInputProps {
  id: string;
  /** The model's date: ISO (YYYY-MM-DD), or '' for none. */
  value: string;
  /** Called with an ISO date once what is typed is one, or '' when the field is cleared; never with half a date. */
  onChange: (iso: string) => void;
  /** Ids of the label's hint and of findings shown elsewhere that describe the field too. */
  describedBy?: string;
  /** A finding from outside (the pre-flight, a form's check) marks the field invalid too. */
  invalid?: boolean;
  onBlur?: () => void;
  disabled?: boolean;
  testId?: string;
  className?: string;
}

/**
 * A date field in the UI language, whatever the operating system's locale: it shows 2026-10-31 in English and
 * 2026年10月31日 in Chinese, and accepts either writing (and 20261031, 2026/10/31, 31 Oct 2026). What is
 * typed is checked as it is typed: the date it reads is confirmed in full under the field (with the weekday)
 * from the moment the field is entered, and a date that cannot be one says so at once. The model only ever receives an ISO date; a wrong one keeps
 * the case's previous date, and the field says which. Keyboard: ↑/↓ a day later or earlier, Page Up/Page Down
 * a month (from today when empty). The button beside it opens a calendar ({@link DatePicker}) on the field's
 * date, or today; a day chosen there is given to the model as if typed.
 */
export function DateInput({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  onBlur,
  disabled,
  testId,
  className,
}: DateInputProps) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [text, setText] = useState(() => showDate(value, lang));
  const [editing, setEditing] = useState(false);
  // Once the field has been entered, the date it reads stays confirmed under it: a line that vanished on
  // leaving the field would move the buttons below it between the press and the release of a click.
  const [visited, setVisited] = useState(false);
  const editingNow = useRef(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const baseId = useId();
  const noteId = `${baseId}-date`;
  const calendarId = `${baseId}-calendar`;

  // The model or the language changed from outside (undo, a scan's reading, the language switch): show it.
  // Not while typing (the model follows the typing), and not on leaving a wrong date (it stays, with its note).
  useEffect(() => {
    if (!editingNow.current) setText(showDate(value, lang));
  }, [value, lang]);

  const read = text.trim() === '' ? undefined : readDate(text);
  const problem =
    read && 'problem' in read && (!editing || read.problem === 'calendar' || !couldBecomeDate(text))
      ? read.problem
      : undefined;
  const confirmed = read && 'iso' in read ? read.iso : undefined;

  // A click anywhere outside the calendar and its button (the text field included: typing is the other way
  // in) closes the calendar, and leaves focus where the click put it.
  useEffect(() => {
    if (!calendarOpen) return;
    const outside = (event: MouseEvent) => {
      const target = event.target as Node;
      const inside = [buttonRef.current, document.getElementById(calendarId)].some((part) =>
        part?.contains(target),
      );
      if (!inside) setCalendarOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [calendarOpen, calendarId]);

  const type = (next: string) => {
    setText(next);
    if (next.trim() === '') return onChange('');
    const result = readDate(next);
    if ('iso' in result && result.iso !== value) onChange(result.iso);
  };

  const step = (by: { days?: number; months?: number }) => {
    const from = confirmed ?? (value !== '' ? value : undefined);
    const next = !from ? todayIso() : by.months ? addMonths(from, by.months) : addDays(from, by.days ?? 0);
    setText(showDate(next, lang));
    onChange(next);
  };

  // The calendar opens on the date the field reads, else the case's date, else today.
  const modelDate = value !== '' ? readDate(value) : undefined;
  const fieldDate = confirmed ?? (modelDate && 'iso' in modelDate ? modelDate.iso : undefined);

  const choose = (iso: string) => {
    setCalendarOpen(false);
    setText(showDate(iso, lang));
    // Chosen counts as visited: the date is confirmed under the field, as when typed.
    setVisited(true);
    if (iso !== value) onChange(iso);
    inputRef.current?.focus();
  };

  const note = problem ? (
    <span id={noteId} className="field-issue field-issue--error date-input__note" role="alert">
      {t(problem === 'calendar' ? 'dateInput.notInCalendar' : 'dateInput.format')}
      {value !== '' && (
        <>
          <WordSpace />
          {t('dateInput.kept', { date: showDate(value, lang) })}
        </>
      )}
    </span>
  ) : visited && confirmed ? (
    <span id={noteId} className="hint date-input__note" aria-live="polite" data-testid="date-confirmed">
      {longDate(confirmed, uiLocale(lang))}
    </span>
  ) : null;

  return (
    <span className="date-input">
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className={`input input--date${className ? ` ${className}` : ''}`}
        data-testid={testId}
        data-iso={value || undefined}
        placeholder={t('dateInput.placeholder')}
        aria-describedby={[describedBy ?? '', note ? noteId : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || problem ? true : undefined}
        disabled={disabled}
        value={text}
        onFocus={() => {
          editingNow.current = true;
          setEditing(true);
          setVisited(true);
        }}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          const moves: Record<string, { days?: number; months?: number }> = {
            ArrowUp: { days: 1 },
            ArrowDown: { days: -1 },
            PageUp: { months: 1 },
            PageDown: { months: -1 },
          };
          const move = moves[event.key];
          if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
          event.preventDefault();
          step(move);
        }}
        onBlur={() => {
          editingNow.current = false;
          setEditing(false);
          // A date typed another way (20261031, 31 Oct 2026) is shown the UI language's way once left.
          if (confirmed) setText(showDate(confirmed, lang));
          onBlur?.();
        }}
      />
      <button
        ref={buttonRef}
        type="button"
        className="date-input__calendar"
        aria-label={t('dateInput.choose')}
        title={t('dateInput.choose')}
        aria-haspopup="dialog"
        aria-expanded={calendarOpen}
        aria-controls={calendarOpen ? calendarId : undefined}
        disabled={disabled}
        onClick={() => setCalendarOpen((open) => !open)}
      >
        <svg className="date-input__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect
            x="3"
            y="4.5"
            width="14"
            height="12.5"
            rx="2"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
          />
          <path
            d="M3 8.5h14M7 2.5v4M13 2.5v4"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
          <rect x="6" y="11" width="3" height="3" rx="0.5" fill="currentColor" />
        </svg>
      </button>
      {calendarOpen && !disabled && (
        <DatePicker
          id={calendarId}
          selected={fieldDate}
          onChoose={choose}
          onCancel={() => {
            setCalendarOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
      {note}
    </span>
  );
}
