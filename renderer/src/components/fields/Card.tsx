import type { ReactNode, Ref } from 'react';

/**
 * A card section labelled by its heading: `section.card` with an `h2.card__heading` whose id names the
 * section. Screens pass their own classes, a test id, and a ref when a step moves focus to the heading.
 */
export function Card({
  id,
  heading,
  className,
  testId,
  headingRef,
  focusable = headingRef !== undefined,
  children,
}: {
  /** The heading's id; the section is labelled by it. */
  id: string;
  heading: ReactNode;
  className?: string;
  testId?: string;
  /** Given when the screen focuses the heading (it becomes focusable with tabIndex -1). */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The heading takes focus from links or the step (tabIndex -1); implied by headingRef. */
  focusable?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="card__heading" ref={headingRef} tabIndex={focusable ? -1 : undefined}>
        {heading}
      </h2>
      {children}
    </section>
  );
}
