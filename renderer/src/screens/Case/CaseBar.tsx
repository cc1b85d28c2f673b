import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseSession, type UndoOutcome } from './caseSession';
import { Button } from '../../components/fields/Button';
import { useFormat } from '../../i18n/useFormat';

/** Whether a key press belongs to a text field, whose own undo (the browser's) must keep working. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/**
 * The open case's name, its save state (announced politely) and Undo. Ctrl+Z / ⌘Z outside text fields
 * undoes the last stored change; inside a text field it stays the field's own undo.
 */
export function CaseBar() {
  const { t } = useTranslation();
  const format = useFormat();
  const { caseData, saveState, retrySave, undo } = useCaseSession();
  const [undoOutcome, setUndoOutcome] = useState<UndoOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const runUndo = async () => {
    setBusy(true);
    setUndoOutcome(await undo());
    setBusy(false);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || isTextEntry(event.target)) return;
      event.preventDefault();
      void undo().then(setUndoOutcome);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  let status: string;
  switch (saveState.kind) {
    case 'saved':
      status = t('workspace.savedAt', {
        time: format.time(saveState.at),
      });
      break;
    case 'pending':
      status = t('workspace.unsaved');
      break;
    case 'saving':
      status = t('workspace.saving');
      break;
    case 'failed':
      status = t('workspace.saveFailed', { reason: t(`errors.${saveState.code}`) });
      break;
  }

  return (
    <div className="case-bar">
      <p className="case-bar__name" translate="no">
        {caseData.name}
      </p>
      <p
        className={`case-bar__status case-bar__status--${saveState.kind}`}
        role="status"
        data-save-state={saveState.kind}
      >
        {status}
      </p>
      {saveState.kind === 'failed' && (
        <Button small onClick={retrySave}>
          {t('workspace.retrySave')}
        </Button>
      )}
      <Button
        small
        onClick={() => void runUndo()}
        disabled={busy}
        aria-keyshortcuts="Control+Z Meta+Z"
        aria-describedby="case-bar-undo-result"
      >
        {t('workspace.undo')}
      </Button>
      <p id="case-bar-undo-result" className="case-bar__undo-result" aria-live="polite">
        {undoOutcome === 'undone' && t('workspace.undone')}
        {undoOutcome === 'nothingToUndo' && t('workspace.nothingToUndo')}
      </p>
    </div>
  );
}
