/**
 * The small set of field pieces every screen uses: a label with an optional hint above a control, a
 * checkbox with its label beside it, and the shared ids that tie hints to controls. Catalogue fields
 * (CatalogueField) and plain app fields (Home, Settings, People, Services) are built from these.
 */
import type { ReactNode } from 'react';
import { DateInput } from './DateInput';

export interface FieldProps {
  /** The control's id; the label points at it and the hint is `<id>-help`. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  /** The wrapper's classes in place of `field` (a Pathway question is a `question`). */
  frameClassName?: string;
  /** Other classes for the label and hint (a Pathway question styles them as its legend and help). */
  labelClassName?: string;
  hintClassName?: string;
  /** The control, given what it must name in aria-describedby ('' when there is no hint). */
  children: (describedBy: string) => ReactNode;
}

export const hintId = (id: string): string => `${id}-help`;

/** A label, an optional hint, then the control. */
export function Field({
  id,
  label,
  hint,
  className,
  frameClassName,
  labelClassName,
  hintClassName,
  children,
}: FieldProps) {
  const describedBy = hint === undefined ? '' : hintId(id);
  return (
    <div className={frameClassName ?? `field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelClassName ?? 'field__label'}>
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId(id)} className={hintClassName ? `hint ${hintClassName}` : 'hint'}>
          {hint}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'password';
  /** For tests that find the input by role in the file rather than by id. */
  testId?: string;
  className?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  maxLength?: number;
  required?: boolean;
  autoComplete?: string;
  onKeyDown?: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  /** Ids of notes shown elsewhere (an error under the form) that describe the input too. */
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  /** Notes under the control, beside it in the field (problems found in what was typed). */
  after?: ReactNode;
}

/** A one-line text, search or password input with its label (a date is a {@link DateField}). */
export function TextField({
  id,
  label,
  hint,
  value,
  onChange,
  type = 'text',
  className,
  inputRef,
  testId,
  describedBy: extra,
  invalid,
  after,
  ...rest
}: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      {(describedBy) => (
        <>
          <input
            id={id}
            ref={inputRef}
            type={type}
            className="input"
            data-testid={testId}
            aria-describedby={[describedBy, extra ?? ''].filter(Boolean).join(' ') || undefined}
            aria-invalid={invalid ? true : undefined}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            {...rest}
          />
          {after}
        </>
      )}
    </Field>
  );
}

/**
 * A date with its label, typed and shown in the UI language (see {@link DateInput}); the model gets ISO dates.
 * `problem` is a finding from outside (a form's check on submit), shown under the field.
 */
export function DateField({
  id,
  label,
  hint,
  value,
  onChange,
  testId,
  problem,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (iso: string) => void;
  testId?: string;
  problem?: string;
  className?: string;
}) {
  const problemId = `${id}-problem`;
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      {(describedBy) => (
        <>
          <DateInput
            id={id}
            value={value}
            onChange={onChange}
            testId={testId}
            invalid={problem !== undefined}
            describedBy={[describedBy, problem ? problemId : ''].filter(Boolean).join(' ')}
          />
          {problem && (
            <span id={problemId} className="field-issue field-issue--error" role="alert">
              {problem}
            </span>
          )}
        </>
      )}
    </Field>
  );
}

/**
 * A passphrase input with its label: a TextField of type password that browsers fill from saved
 * passwords only when asked (`current-password` unless given `new-password` or `off`).
 */
export function PassphraseField({
  autoComplete = 'current-password',
  ...props
}: Omit<TextFieldProps, 'type' | 'autoComplete'> & {
  autoComplete?: 'current-password' | 'new-password' | 'off';
}) {
  return <TextField type="password" autoComplete={autoComplete} {...props} />;
}

/** A few lines of free text with its label. */
export function TextAreaField({
  id,
  label,
  hint,
  value,
  onChange,
  rows = 2,
  testId,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  testId?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      {(describedBy) => (
        <textarea
          id={id}
          className="textarea"
          rows={rows}
          data-testid={testId}
          aria-describedby={describedBy || undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  lang?: string;
}

/** A select with its label; `describedBy` adds ids of hints shown elsewhere. */
export function SelectField({
  id,
  label,
  hint,
  value,
  options,
  onChange,
  describedBy: extra,
  after,
  testId,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  options: readonly ChoiceOption[];
  onChange: (value: string) => void;
  describedBy?: string;
  /** Notes under the control (their ids go in `describedBy`). */
  after?: ReactNode;
  testId?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      {(describedBy) => (
        <>
          <select
            id={id}
            className="select"
            data-testid={testId}
            value={value}
            aria-describedby={[describedBy, extra ?? ''].filter(Boolean).join(' ') || undefined}
            onChange={(event) => onChange(event.target.value)}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} lang={option.lang}>
                {option.label}
              </option>
            ))}
          </select>
          {after}
        </>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it and an optional hint below. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field field--boolean">
      <div className="field__check">
        <input
          id={id}
          type="checkbox"
          className="checkbox"
          checked={checked}
          aria-describedby={hint === undefined ? undefined : hintId(id)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="field__label">
          {label}
        </label>
      </div>
      {hint !== undefined && (
        <p id={hintId(id)} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A group of radio buttons under a legend: one choice of a few, each with its label beside it. */
export function RadioGroupField<V extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  disabled,
  className,
}: {
  name: string;
  legend: ReactNode;
  value: V;
  options: readonly { value: V; label: ReactNode }[];
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <fieldset className={`radio-group${className ? ` ${className}` : ''}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio-group__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            disabled={disabled}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The error a form shows under its fields, announced when it appears; nothing when there is none. */
export function FormError({ id, testId, message }: { id?: string; testId: string; message: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="notice notice--error" data-testid={testId}>
      {message}
    </p>
  );
}
