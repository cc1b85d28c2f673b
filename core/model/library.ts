/**
 * What the case store reports about the user's cases — list rows, trash rows, change-log records. Plain
 * types shared by the store (host/store), the IPC contract and the renderer.
 */
import type { Case } from './case';
import type { FieldChange } from './changes';
import type { CaseSummary } from './summary';

/** A row of the Home list. A case whose file cannot be read is listed too, with what can recover it. */
export type CaseListEntry =
  | (CaseSummary & { readable: true })
  | {
      id: string;
      readable: false;
      code: 'caseDamaged' | 'caseNewerVersion';
      /** The newest backup (1 = most recent) that restores cleanly, if any. */
      recoverableFromBackup?: number;
    };

export interface TrashEntry {
  id: string;
  name: string;
  deletedAt: string;
  /** False when the trashed case's file cannot be read (it can still be restored and recovered). */
  readable: boolean;
}

export interface OpenedCase {
  case: Case;
  /** The schema version the file had when it was migrated on load; the next save writes the current one. */
  migratedFrom?: number;
}

export type HistoryKind = 'created' | 'edit' | 'undo' | 'restoreBackup' | 'duplicated' | 'imported';

/** One record of the change log: the audit view lists these, undo walks them backwards. */
export interface HistoryEntry {
  id: string;
  /** ISO date-time of the change. */
  at: string;
  kind: HistoryKind;
  changes: FieldChange[];
  /** For `undo`: the id of the record it reverted. */
  undoes?: string;
  /** For `duplicated`: the source case id; for `restoreBackup`: the backup number. */
  from?: string | number;
}
