import type { ReactNode } from 'react';
import { FormError } from './Field';

export type ButtonVariant = 'default' | 'primary' | 'quiet' | 'danger';

/** The app's button: a variant, an optional small size, and everything a <button> takes. */
export function Button({
  variant = 'default',
  small = false,
  className,
  children,
  ...rest
}: {
  variant?: ButtonVariant;
  small?: boolean;
  className?: string;
  children: ReactNode;
} & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'children'>) {
  const classes = [
    'button',
    small ? 'button--small' : '',
    variant === 'default' ? '' : `button--${variant}`,
    className ?? '',
  ].filter(Boolean);
  return (
    <button type="button" className={classes.join(' ')} {...rest}>
      {children}
    </button>
  );
}

/** A short form in a card (name a case, give a passphrase): heading, fields, then submit and cancel. */
export function DialogForm({
  id,
  title,
  submitLabel,
  cancelLabel,
  onSubmit,
  onCancel,
  children,
}: {
  /** The heading's id; the dialog is labelled by it. */
  id: string;
  title: string;
  submitLabel: string;
  cancelLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="card dialog"
      role="dialog"
      aria-labelledby={id}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={id} className="card__heading">
        {title}
      </h2>
      {children}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{cancelLabel}</Button>
      </div>
    </form>
  );
}

/** The end of a form: its error (announced) if any, then the submit button in the button row. */
export function SubmitRow({
  label,
  variant = 'primary',
  disabled,
  error,
  errorId,
  errorTestId,
}: {
  label: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  error: string;
  errorId?: string;
  errorTestId: string;
}) {
  return (
    <>
      <FormError id={errorId} testId={errorTestId} message={error} />
      <div className="button-row">
        <Button type="submit" variant={variant} disabled={disabled}>
          {label}
        </Button>
      </div>
    </>
  );
}
