import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Work shorter than this shows no progress at all, so quick actions do not flash a bar. */
export const PROGRESS_DELAY_MS = 500;

/**
 * A progress bar with Cancel for long work (export, rendering many previews, adding many files). It appears
 * only once the work has run for half a second, and announces its label politely.
 */
export function ProgressPanel({
  label,
  done,
  total,
  detail,
  onCancel,
  cancelling = false,
}: {
  label: string;
  done: number;
  /** 0 when the amount of work is not known yet (the bar is then indeterminate). */
  total: number;
  /** What is being worked on now, e.g. a document's name. */
  detail?: string;
  onCancel: () => void;
  cancelling?: boolean;
}) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);

  if (!visible) return null;
  return (
    <div className="progress-panel" role="group" aria-label={label} data-testid="progress-panel">
      <p className="progress-panel__label" role="status">
        {total > 0 ? t('progress.count', { label, done, total }) : label}
      </p>
      {total > 0 ? (
        <progress className="progress-panel__bar" max={total} value={done} aria-label={label} />
      ) : (
        <progress className="progress-panel__bar" aria-label={label} />
      )}
      {detail !== undefined && detail !== '' && <p className="progress-panel__detail">{detail}</p>}
      <button type="button" className="button button--small" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('progress.cancelling') : t('progress.cancel')}
      </button>
    </div>
  );
}
