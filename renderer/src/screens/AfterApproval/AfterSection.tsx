import type { ReactNode } from 'react';
import { Card } from '../../components/fields/Card';

/**
 * One section of the After approval step: a card labelled by its heading (which the step's links focus),
 * the section's intro, then its content.
 */
export function AfterSection({
  id,
  heading,
  intro,
  children,
}: {
  /** The heading's id (`after-…`); the section is labelled by it. */
  id: string;
  heading: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <Card id={id} className="after-section" focusable heading={heading}>
      <p className="hint">{intro}</p>
      {children}
    </Card>
  );
}
