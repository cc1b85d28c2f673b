import type { ReactNode } from 'react';

/**
 * A checkbox or radio button with its text beside it, in the After approval step's inline style (a
 * reason marked resolved, a sensitive category, which number the footer shows).
 */
export function InlineCheck({
  type = 'checkbox',
  name,
  value,
  checked,
  onChange,
  children,
}: {
  type?: 'checkbox' | 'radio';
  /** A radio group's name and this button's value. */
  name?: string;
  value?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="after-inline-check">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}
