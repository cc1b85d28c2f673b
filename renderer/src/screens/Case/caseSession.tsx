import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Case } from '../../../../core/model/case';
import { linkPrincipal } from '../../../../core/model/principal';
import { decidePathway, type Decision } from '../../../../core/rules/decide';
import { checkCase, type PreflightIssue } from '../../../../core/rules/preflight';
import type { ErrorCode } from '../../../../electron/contract';
import { useApi } from '../../api/ApiContext';
import type { StepId } from './steps';
import { settle } from '../../api/settle';

/** How long typing may pause before the draft is saved: long enough to batch a word, short enough to lose none. */
export const AUTOSAVE_DELAY_MS = 700;
/** The pre-flight runs on the draft this long after the last keystroke (it takes a few milliseconds). */
const CHECK_DELAY_MS = 250;

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; code: ErrorCode };

export type UndoOutcome = 'undone' | 'nothingToUndo' | 'failed';

export interface UpdateOptions {
  /** Save this edit at once as a step of its own for Undo (structural edits: add/remove a service or a row). */
  ownUndoStep?: boolean;
}

export interface CaseSession {
  caseData: Case;
  /** Applies an edit to the draft; it is saved shortly after (autosave). */
  update: (recipe: (current: Case) => Case, options?: UpdateOptions) => void;
  /** Takes a case the store already holds (e.g. after adding an attachment) without saving it again. */
  replace: (stored: Case) => void;
  saveState: SaveState;
  /** Saves now; resolves true once everything typed so far is stored. */
  flush: () => Promise<boolean>;
  retrySave: () => void;
  /** Reverts the last stored change (case:undo), after saving anything still pending. */
  undo: () => Promise<UndoOutcome>;
  /** The pre-flight on the draft, recomputed shortly after each edit. */
  issues: readonly PreflightIssue[];
  decision: Decision;
  /** The steps opened since the case was opened (the rail says "Not started" for the others left empty). */
  visited: ReadonlySet<StepId>;
  visit: (step: StepId) => void;
}

const CaseSessionContext = createContext<CaseSession | null>(null);

export function useCaseSession(): CaseSession {
  const session = useContext(CaseSessionContext);
  if (session === null) throw new Error('useCaseSession() needs a <CaseSessionProvider> above it');
  return session;
}

/**
 * Holds the draft of one open case and keeps it saved. Nothing typed is lost on a failed save: the draft
 * stays in memory, the failure is shown with a retry, and the next edit tries again.
 */
export function CaseSessionProvider({ initial, children }: { initial: Case; children: ReactNode }) {
  const api = useApi();
  const [caseData, setCaseData] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: initial.updatedAt });
  const [issues, setIssues] = useState<readonly PreflightIssue[]>(() => checkCase(initial));

  const draft = useRef(initial);
  // Edits made so far, and the count already stored: the draft is saved while these differ.
  const edits = useRef(0);
  const storedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);

  /** Saves the draft (or an earlier snapshot of it); one save at a time, in the order asked. */
  const saveNow = useCallback(
    async (snapshot?: { case: Case; edits: number }): Promise<boolean> => {
      clearTimeout(timer.current);
      while (inFlight.current) await inFlight.current;
      const target = snapshot?.edits ?? edits.current;
      if (target <= storedEdits.current) return true;
      const body = snapshot?.case ?? draft.current;
      setSaveState({ kind: 'saving' });
      const run = (async () => {
        const result = await settle(api.caseSave({ case: body }));
        if (!result.ok) {
          setSaveState({ kind: 'failed', code: result.code });
          return false;
        }
        storedEdits.current = target;
        setSaveState(
          edits.current === target ? { kind: 'saved', at: result.value.updatedAt } : { kind: 'pending' },
        );
        return true;
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [api],
  );

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  const update = useCallback(
    (recipe: (current: Case) => Case, options: UpdateOptions = {}) => {
      const before = { case: draft.current, edits: edits.current };
      // A person in charge who is the legal representative stays one person (core/model/principal.ts).
      draft.current = linkPrincipal(recipe(draft.current));
      edits.current += 1;
      setCaseData(draft.current);
      setSaveState((state) => (state.kind === 'failed' ? state : { kind: 'pending' }));
      if (!options.ownUndoStep) return schedule();
      // Typing still waiting for its save is stored first, as a change of its own, so that Undo takes back
      // exactly this step (a removed service, an added row) and not the words typed before it.
      void saveNow(before).then(() => saveNow());
    },
    [schedule, saveNow],
  );

  const replace = useCallback((stored: Case) => {
    draft.current = stored;
    storedEdits.current = edits.current;
    setCaseData(stored);
    setSaveState({ kind: 'saved', at: stored.updatedAt });
  }, []);

  const flush = useCallback(() => saveNow(), [saveNow]);
  const retrySave = useCallback(() => void saveNow(), [saveNow]);

  const undo = useCallback(async (): Promise<UndoOutcome> => {
    if (!(await saveNow())) return 'failed';
    const result = await settle(api.caseUndo({ id: draft.current.id }));
    if (!result.ok) {
      setSaveState({ kind: 'failed', code: result.code });
      return 'failed';
    }
    replace(result.value.case);
    return result.value.undone ? 'undone' : 'nothingToUndo';
  }, [api, saveNow, replace]);

  // Leaving the case (Home, Settings, closing the window) saves what is pending.
  useEffect(() => {
    const saveOnHide = () => {
      if (edits.current !== storedEdits.current) void saveNow();
    };
    window.addEventListener('pagehide', saveOnHide);
    return () => {
      window.removeEventListener('pagehide', saveOnHide);
      saveOnHide();
    };
  }, [saveNow]);

  useEffect(() => {
    const handle = setTimeout(() => setIssues(checkCase(caseData)), CHECK_DELAY_MS);
    return () => clearTimeout(handle);
  }, [caseData]);

  const decision = useMemo(() => decidePathway(caseData.answers), [caseData.answers]);
  const [visited, setVisited] = useState<ReadonlySet<StepId>>(new Set());
  const visit = useCallback(
    (step: StepId) => setVisited((current) => (current.has(step) ? current : new Set([...current, step]))),
    [],
  );

  const value = useMemo<CaseSession>(
    () => ({
      caseData,
      update,
      replace,
      saveState,
      flush,
      retrySave,
      undo,
      issues,
      decision,
      visited,
      visit,
    }),
    [caseData, update, replace, saveState, flush, retrySave, undo, issues, decision, visited, visit],
  );
  return <CaseSessionContext.Provider value={value}>{children}</CaseSessionContext.Provider>;
}
