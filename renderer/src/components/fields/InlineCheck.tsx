import type { ReactNode } from 'react';

/**
 * A checkbox or radio button with its text beside it, inline (a reason marked resolved, a sensitive
 * category of personal information, which number the footer shows). Styled by workspace.css `.inline-check`.
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
    <label className="inline-check">
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
