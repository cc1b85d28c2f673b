import type { ReactNode } from 'react';

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
    <section className="card after-section" aria-labelledby={id}>
      <h2 id={id} className="card__heading" tabIndex={-1}>
        {heading}
      </h2>
      <p className="hint">{intro}</p>
      {children}
    </section>
  );
}
