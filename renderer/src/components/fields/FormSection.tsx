import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightIssue } from '../../../../core/rules/preflight';
import { useCaseSession } from '../../screens/Case/caseSession';

/** The errors the pre-flight reports on fields under any of `paths` (`subject.name`, `subject.shareholders`). */
export function errorsUnder(issues: readonly PreflightIssue[], paths: readonly string[]): number {
  return issues.filter(
    (issue) =>
      issue.severity === 'error' &&
      paths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)),
  ).length;
}

/**
 * A section of a long form: a card with its own heading and how complete it is ("Complete", "2 to fix"),
 * so the user sees where the work is without scrolling through the whole step.
 */
export function FormSection({
  id,
  title,
  paths,
  hint,
  children,
}: {
  /** The heading's id (and the section's anchor). */
  id: string;
  title: string;
  /** The model paths of the section's fields; undefined for a section without completeness. */
  paths?: readonly string[];
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { issues } = useCaseSession();
  const open = paths === undefined ? undefined : errorsUnder(issues, paths);
  return (
    <section className="card form-section" aria-labelledby={id} data-section={id}>
      <header className="form-section__header">
        <h2 id={id} className="card__heading">
          {title}
        </h2>
        {open !== undefined && (
          <span
            className={`form-section__state form-section__state--${open === 0 ? 'done' : 'open'}`}
            data-open={open}
          >
            {open === 0
              ? t('workspaceGuide.section.complete')
              : t('workspaceGuide.section.toFix', { count: open })}
          </span>
        )}
      </header>
      {hint !== undefined && <p className="hint">{hint}</p>}
      {children}
    </section>
  );
}
