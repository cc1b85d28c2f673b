import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../core/validate/common';
import { addMonths } from '../../../../core/validate/dates';
import { addDays } from '../../../../core/rules/validity';
import { uiLocale } from '../../i18n/i18n';
import { useUiLanguage } from '../../i18n/useUiLanguage';
import { longDate } from './dateText';

export interface DatePickerProps {
  id: string;
  /** The field's date: the calendar opens on it, marked as chosen; without one it opens on today. */
  selected?: string;
  /** A day was chosen (click, Enter or Space). */
  onChoose: (iso: string) => void;
  /** Escape: close without a change. */
  onCancel: () => void;
}

const utc = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** 0 for Monday … 6 for Sunday: the week starts on Monday, as Chinese (and ISO) calendars have it. */
export function weekdayIndex(iso: string): number {
  return (utc(iso).getUTCDay() + 6) % 7;
}

/** The month of `iso` as weeks of seven, Monday first; days of the neighbouring months are left empty. */
export function monthWeeks(iso: string): (string | undefined)[][] {
  const first = `${iso.slice(0, 7)}-01`;
  const days: (string | undefined)[] = Array.from({ length: weekdayIndex(first) }, () => undefined);
  for (let day = first; day.slice(0, 7) === first.slice(0, 7); day = addDays(day, 1)) days.push(day);
  while (days.length % 7 !== 0) days.push(undefined);
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

/** A Monday (2024-01-01) and the six days after it, to name the weekdays in the UI language. */
const A_WEEK = Array.from({ length: 7 }, (_, i) => addDays('2024-01-01', i));

const KEY_MOVES: Record<string, (iso: string, shift: boolean) => string> = {
  ArrowLeft: (iso) => addDays(iso, -1),
  ArrowRight: (iso) => addDays(iso, 1),
  ArrowUp: (iso) => addDays(iso, -7),
  ArrowDown: (iso) => addDays(iso, 7),
  Home: (iso) => addDays(iso, -weekdayIndex(iso)),
  End: (iso) => addDays(iso, 6 - weekdayIndex(iso)),
  PageUp: (iso, shift) => addMonths(iso, shift ? -12 : -1),
  PageDown: (iso, shift) => addMonths(iso, shift ? 12 : 1),
};

function Chevron({ double, back }: { double?: boolean; back?: boolean }) {
  const path = double ? 'M4 4l4 4-4 4M9 4l4 4-4 4' : 'M6 4l4 4-4 4';
  return (
    <svg
      className={back ? 'date-picker__chevron date-picker__chevron--back' : 'date-picker__chevron'}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The calendar a date field opens (a non-modal dialog under the field), in the UI language: the month as the
 * language writes it (December 2026 / 2026年12月), weeks from Monday, each day named in full for screen
 * readers. Keyboard as desktop calendars have it: arrows a day or a week, Home/End the week's first or last
 * day, Page Up/Page Down a month (with Shift a year), Enter or Space chooses, Escape closes; Tab goes round
 * the calendar's controls.
 */
export function DatePicker({ id, selected, onChoose, onCancel }: DatePickerProps) {
  const { t } = useTranslation();
  const locale = uiLocale(useUiLanguage());
  // Today as it was when the calendar opened; the keyboard's day starts on the field's date, or on today.
  const [today] = useState(todayIso);
  const [active, setActive] = useState(selected ?? today);
  const focusActive = useRef(true);
  const gridRef = useRef<HTMLTableElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const headingId = `${useId()}-month`;

  // Focus follows the active day when the keyboard moved it (and on opening); not when a month button was
  // pressed, which keeps its focus so it can be pressed again.
  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, [active]);

  const monthName = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(utc(active));
  const weekday = (style: 'long' | 'short' | 'narrow') =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  // Chinese calendars head their columns 一 二 … 日; English ones Mon Tue … Sun.
  const shortDay = weekday(locale.startsWith('zh') ? 'narrow' : 'short');
  const longDay = weekday('long');

  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = KEY_MOVES[event.key];
    const choosing = event.key === 'Enter' || event.key === ' ';
    if (!move && !choosing) return;
    // The calendar's keys are the calendar's: no form or list around the field acts on them too.
    event.preventDefault();
    event.stopPropagation();
    if (move) {
      const next = move(active, event.shiftKey);
      // Within the years a date field takes (0001–9999).
      if (!/^\d{4}-\d{2}-\d{2}$/.test(next) || next < '0001-01-01') return;
      focusActive.current = true;
      setActive(next);
    } else {
      onChoose(active);
    }
  };

  const onDialogKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      // The calendar closes, not a dialog or form around the field.
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Tab') {
      const stops = [
        ...(dialogRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled), [tabindex="0"]') ?? []),
      ];
      if (stops.length === 0) return;
      event.preventDefault();
      const at = stops.indexOf(document.activeElement as HTMLElement);
      const next = (at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
      stops[at === -1 ? 0 : next]?.focus();
    }
  };

  const turn = (months: number) => setActive((day) => addMonths(day, months));
  const navButton = (label: string, months: number, icon: ReactNode) => (
    <button
      type="button"
      className="date-picker__nav"
      aria-label={label}
      title={label}
      onClick={() => turn(months)}
    >
      {icon}
    </button>
  );

  return (
    <div
      id={id}
      ref={dialogRef}
      role="dialog"
      aria-label={t('dateInput.choose')}
      className="date-picker"
      onKeyDown={onDialogKey}
    >
      <div className="date-picker__header">
        {navButton(t('dateInput.previousYear'), -12, <Chevron double back />)}
        {navButton(t('dateInput.previousMonth'), -1, <Chevron back />)}
        <span id={headingId} className="date-picker__month" aria-live="polite">
          {monthName}
        </span>
        {navButton(t('dateInput.nextMonth'), 1, <Chevron />)}
        {navButton(t('dateInput.nextYear'), 12, <Chevron double />)}
      </div>
      <table
        ref={gridRef}
        role="grid"
        aria-labelledby={headingId}
        className="date-picker__grid"
        onKeyDown={onGridKey}
      >
        <thead>
          <tr role="row">
            {A_WEEK.map((day) => (
              <th key={day} role="columnheader" scope="col" abbr={longDay.format(utc(day))}>
                {shortDay.format(utc(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(active).map((week) => (
            <tr key={week.find(Boolean)} role="row">
              {week.map((day, column) =>
                day === undefined ? (
                  <td key={`empty-${column}`} role="gridcell" className="date-picker__empty" />
                ) : (
                  <td
                    key={day}
                    role="gridcell"
                    tabIndex={day === active ? 0 : -1}
                    aria-label={longDate(day, locale)}
                    aria-selected={day === selected}
                    aria-current={day === today ? 'date' : undefined}
                    className={[
                      'date-picker__day',
                      day === today ? 'date-picker__day--today' : '',
                      day === selected ? 'date-picker__day--selected' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    onClick={() => onChoose(day)}
                  >
                    {Number(day.slice(8))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
