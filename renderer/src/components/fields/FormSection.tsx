import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightIssue } from '../../../../core/rules/preflight';
import { useCaseSession } from '../../screens/Case/caseSession';
import { RowList, type RowListProps } from './FieldGroup';

/** The errors the pre-flight reports on fields under any of `paths` (`subject.name`, `subject.shareholders`). */
export function errorsUnder(issues: readonly PreflightIssue[], paths: readonly string[]): number {
  return issues.filter(
    (issue) =>
      issue.severity === 'error' &&
      paths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
  ).length;
}

/** A card with its own heading (h2, labelling the section), an optional badge beside it and a hint. */
export function Section({
  id,
  title,
  badge,
  hint,
  className,
  children,
}: {
  /** The heading's id (and the section's anchor). */
  id: string;
  title: string;
  badge?: ReactNode;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`card form-section${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      data-section={id}
    >
      <header className="form-section__header">
        <h2 id={id} className="card__heading">
          {title}
        </h2>
        {badge}
      </header>
      {hint !== undefined && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}

/**
 * A section of a long form: its own heading and how complete it is ("Complete", "2 to fix"), so the user
 * sees where the work is without scrolling through the whole step.
 */
export function FormSection({
  paths,
  ...section
}: {
  id: string;
  title: string;
  /** The model paths of the section's fields. */
  paths: readonly string[];
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { issues } = useCaseSession();
  const open = errorsUnder(issues, paths);
  return (
    <Section
      {...section}
      badge={
        <span
          className={`form-section__state form-section__state--${open === 0 ? 'done' : 'open'}`}
          data-open={open}
        >
          {open === 0
            ? t('workspaceGuide.section.complete')
            : t('workspaceGuide.section.toFix', { count: open })}
        </span>
      }
    />
  );
}

/** A section holding one list of records (shareholders, former names, staff): add, edit and remove rows. */
export function ListSection({
  id,
  title,
  hint,
  ...list
}: { id: string; title: string; hint?: string } & RowListProps) {
  return (
    <FormSection id={id} title={title} hint={hint} paths={[list.path]}>
      <RowList {...list} />
    </FormSection>
  );
}
