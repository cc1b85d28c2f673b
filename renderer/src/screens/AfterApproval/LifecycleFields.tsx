import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confidence } from '../../../../core/rules/data';
import { TextField } from '../../components/fields';

/**
 * A number typed as text: what the user types stays in the box even when it is not a number yet (a stray
 * comma, a half-typed decimal); the case gets the number, or null for an empty box.
 */
export function NumberField({
  id,
  label,
  hint,
  value,
  onChange,
  integer = false,
  testId,
}: {
  id: string;
  label: string;
  hint?: string;
  value: number | null;
  onChange: (value: number | null) => void;
  integer?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const shown = (n: number | null) => (n === null ? '' : String(n));
  const [state, setState] = useState({ text: shown(value), value });
  // A value changed elsewhere (undo, another year) replaces what the box shows, unless it already says so
  // (adjusting state while rendering, as React recommends for state derived from a prop).
  if (state.value !== value)
    setState({ text: parse(state.text, integer) === value ? state.text : shown(value), value });
  const text = state.text;
  const setText = (next: string) => setState((current) => ({ ...current, text: next }));
  const parsed = parse(text, integer);
  const invalid = text.trim() !== '' && parsed === undefined;
  return (
    <TextField
      id={id}
      testId={testId}
      label={label}
      hint={hint}
      value={text}
      invalid={invalid}
      onChange={(next) => {
        setText(next);
        const number = parse(next, integer);
        if (number !== undefined) {
          setState({ text: next, value: number });
          onChange(number);
        }
      }}
      after={
        invalid && (
          <span className="field-issue field-issue--error" role="alert">
            {t('lifecycle.annualReport.figures.notANumber')}
          </span>
        )
      }
    />
  );
}

/** null for an empty box, undefined for text that is no (whole, non-negative) number. */
function parse(text: string, integer: boolean): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) && n <= 10_000_000_000_000 ? n : undefined;
}

/** How firm a rule is, as a badge. */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${confidence}`}>{t(`lifecycle.confidence.${confidence}`)}</span>;
}

/** Copies one value to the clipboard — only the value — and says whether it worked. */
export function CopyValue({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span className="lifecycle-copy">
      <button
        type="button"
        className="button button--small"
        aria-label={label}
        data-testid={testId}
        disabled={value === ''}
        onClick={() => {
          navigator.clipboard.writeText(value).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {t('lifecycle.annualReport.forms.copy')}
      </button>
      <span role="status" className="hint">
        {state === 'copied'
          ? t('lifecycle.annualReport.forms.copied')
          : state === 'failed'
            ? t('lifecycle.annualReport.forms.copyFailed')
            : ''}
      </span>
    </span>
  );
}
