/**
 * The status journal after submission (DESIGN.md §2.6): which events may follow, what an event needs
 * (a validated number, reasons, a date not before the previous one), and the live timer of the waiting
 * state the case is in, counted in working days on the mainland calendar.
 */
import {
  answeredLicenceCategories,
  type Case,
  type CaseStatus,
  type JournalEntry,
  type ReturnReason,
} from '../model/case';
import { parseIcpNumber, validateIcpNumber } from '../validate/icp-number';
import type { ValidationIssue } from '../validate/types';
import { waitFor, type Wait } from './rules';
import {
  addCalendarDays,
  currentCalendar,
  dayNumber,
  isEstimate,
  isIsoDate,
  type WorkingCalendar,
  type YearCoverage,
} from './working-days';

/** Events a case can record, by the pathway's track. */
const FILING_NEXT: Partial<Record<CaseStatus, CaseStatus[]>> = {
  draft: ['submitted'],
  submitted: ['provider_passed', 'provider_returned', 'withdrawn'],
  provider_returned: ['submitted', 'withdrawn'],
  provider_passed: ['sms_verification', 'authority_review', 'approved', 'rejected', 'withdrawn'],
  sms_verification: ['authority_review', 'approved', 'rejected', 'withdrawn'],
  authority_review: ['approved', 'rejected', 'withdrawn'],
  rejected: ['submitted'],
  withdrawn: ['submitted'],
  approved: [],
};

const LICENCE_NEXT: Partial<Record<CaseStatus, CaseStatus[]>> = {
  draft: ['licence_accepted'],
  licence_accepted: ['licence_granted', 'licence_refused', 'withdrawn'],
  licence_refused: ['licence_accepted'],
  withdrawn: ['licence_accepted'],
  licence_granted: [],
};

/** Events that carry reviewer reasons attached to fields. */
export const REASON_EVENTS: readonly CaseStatus[] = ['provider_returned', 'rejected', 'licence_refused'];
/** Events that carry a number: the filing number, or the licence number. */
export const NUMBER_EVENTS: readonly CaseStatus[] = ['approved', 'licence_granted'];

export type Track = 'filing' | 'licence';

/** Entries in the order they happened: by day, then by when they were recorded. */
export function sortedJournal(journal: readonly JournalEntry[]): JournalEntry[] {
  return [...journal].sort((a, b) =>
    a.on === b.on ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.on < b.on ? -1 : 1,
  );
}

export function latestOnTrack(journal: readonly JournalEntry[], track: Track): JournalEntry | undefined {
  const onTrack = sortedJournal(journal).filter((e) =>
    track === 'licence'
      ? e.status === 'draft' || e.status.startsWith('licence_') || e.status === 'withdrawn'
      : !e.status.startsWith('licence_'),
  );
  return onTrack.at(-1);
}

/** The events that may follow on a track; a case on the licence pathway also files (both tracks). */
export function nextEvents(journal: readonly JournalEntry[], track: Track): CaseStatus[] {
  const latest = latestOnTrack(journal, track)?.status ?? 'draft';
  const table = track === 'licence' ? LICENCE_NEXT : FILING_NEXT;
  return table[latest] ?? [];
}

export interface NewEvent {
  status: CaseStatus;
  on: string;
  note?: string;
  number?: string;
  reasons?: ReturnReason[];
  packetManifestSha256?: string;
}

export type EventProblem =
  | { field: 'on'; code: 'dateInvalid' | 'dateBeforePrevious' | 'dateInFuture'; previous?: string }
  | { field: 'number'; code: 'numberInvalid'; issues: ValidationIssue[] }
  | { field: 'reasons'; code: 'reasonsMissing' }
  | { field: 'status'; code: 'notAllowed' };

/**
 * What is wrong with an event before it is recorded. Nothing is recorded while there is a problem, and the
 * form keeps what the user typed.
 */
export function checkNewEvent(
  journal: readonly JournalEntry[],
  track: Track,
  event: NewEvent,
  today: string,
): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!nextEvents(journal, track).includes(event.status))
    problems.push({ field: 'status', code: 'notAllowed' });
  if (!isIsoDate(event.on)) problems.push({ field: 'on', code: 'dateInvalid' });
  else {
    const previous = latestOnTrack(journal, track);
    if (previous && isIsoDate(previous.on) && event.on < previous.on)
      problems.push({ field: 'on', code: 'dateBeforePrevious', previous: previous.on });
    if (event.on > today) problems.push({ field: 'on', code: 'dateInFuture' });
  }
  if (NUMBER_EVENTS.includes(event.status)) {
    const kinds =
      event.status === 'licence_granted'
        ? (['licence', 'icpCertificate'] as const)
        : (['filing', 'licence'] as const);
    const issues = validateIcpNumber(event.number ?? '', { kinds: [...kinds], today }).filter(
      (i) => i.severity === 'error',
    );
    if (issues.length) problems.push({ field: 'number', code: 'numberInvalid', issues });
  }
  if (REASON_EVENTS.includes(event.status) && !(event.reasons ?? []).some((r) => r.text.trim() !== ''))
    problems.push({ field: 'reasons', code: 'reasonsMissing' });
  return problems;
}

/**
 * Records an event (already checked). An approval also fills the go-live kit's subject/licence number,
 * so the footer snippets can be built at once.
 */
export function recordEvent(c: Case, event: NewEvent, id: string, now: Date): Case {
  const entry: JournalEntry = {
    id,
    at: now.toISOString(),
    on: event.on,
    status: event.status,
    note: event.note ?? '',
    number: event.number ? (parseIcpNumber(event.number)?.normalized ?? event.number) : '',
    reasons: (event.reasons ?? []).filter((r) => r.text.trim() !== ''),
    packetManifestSha256: event.packetManifestSha256 ?? '',
  };
  let afterApproval = c.afterApproval;
  if (event.status === 'approved' && entry.number) {
    const parsed = parseIcpNumber(entry.number);
    if (parsed?.kind === 'filing' && parsed.service === 'subject')
      afterApproval = { ...afterApproval, filingNumber: parsed.normalized };
    else if (parsed) {
      // A number with a service suffix: its subject part is the number up to 号.
      const subject = parsed.normalized.replace(/-\d+[AXK]?$/u, '');
      afterApproval = { ...afterApproval, filingNumber: afterApproval.filingNumber || subject };
    }
  }
  if (event.status === 'licence_granted' && entry.number)
    afterApproval = { ...afterApproval, licenceNumber: entry.number };
  return { ...c, journal: [...c.journal, entry], afterApproval };
}

/** Marks one reason of an entry resolved (or not). */
export function setReasonResolved(c: Case, entryId: string, index: number, resolved: boolean): Case {
  return {
    ...c,
    journal: c.journal.map((e) =>
      e.id !== entryId
        ? e
        : { ...e, reasons: e.reasons.map((r, i) => (i === index ? { ...r, resolved } : r)) },
    ),
  };
}

/** The reasons of the latest return or rejection that are still open: what the new packet must fix. */
export function openReasons(
  journal: readonly JournalEntry[],
): { entry: JournalEntry; reason: ReturnReason; index: number }[] {
  const sorted = sortedJournal(journal);
  const last = sorted.at(-1);
  if (!last || !REASON_EVENTS.includes(last.status)) return [];
  return last.reasons
    .map((reason, index) => ({ entry: last, reason, index }))
    .filter((r) => !r.reason.resolved);
}

export interface Timer {
  wait: Wait;
  /** The entry that started the wait. */
  since: JournalEntry;
  deadline: string;
  /** Working days left after today (negative when overdue), for working-day waits. */
  workingDaysLeft?: number;
  /** Calendar days until the deadline (negative when overdue). */
  calendarDaysLeft: number;
  overdue: boolean;
  coverage: YearCoverage[];
  /** Some year of the count has incomplete holiday data. */
  estimate: boolean;
}

/** The timer of the waiting state a track is in, or undefined when it is not waiting on anyone. */
export function currentTimer(
  journal: readonly JournalEntry[],
  track: Track,
  today: string,
  calendar: WorkingCalendar = currentCalendar(),
): Timer | undefined {
  const latest = latestOnTrack(journal, track);
  if (!latest || !isIsoDate(latest.on) || !isIsoDate(today)) return undefined;
  const wait = waitFor(latest.status);
  if (!wait) return undefined;
  return timerFor(wait, latest, today, calendar);
}

export function timerFor(wait: Wait, since: JournalEntry, today: string, calendar: WorkingCalendar): Timer {
  const { unit, count } = wait.deadline;
  let deadline: string;
  let coverage: YearCoverage[];
  if (unit === 'workingDays') {
    const counted = calendar.addWorkingDays(since.on, count);
    deadline = counted.date;
    coverage = calendar.coverage(since.on, deadline);
  } else {
    deadline = addCalendarDays(since.on, unit === 'hours' ? Math.ceil(count / 24) : count);
    coverage = [];
  }
  const calendarDaysLeft = dayNumber(deadline) - dayNumber(today);
  const timer: Timer = {
    wait,
    since,
    deadline,
    calendarDaysLeft,
    overdue: calendarDaysLeft < 0,
    coverage,
    estimate: isEstimate(coverage),
  };
  if (unit === 'workingDays') {
    timer.workingDaysLeft =
      today <= deadline
        ? calendar.workingDaysBetween(today, deadline)
        : -calendar.workingDaysBetween(deadline, today);
  }
  return timer;
}

/** Which track a case's pathway puts first: the licence, or the filing. */
export function trackOf(c: Case, pathway: string): Track {
  return pathway === 'commercial_licence' || answeredLicenceCategories(c.answers.licenceCategory).length > 0
    ? 'licence'
    : 'filing';
}

/** The packets sent: every export, numbered in order, with the submission entries that sent it. */
export function packetVersions(
  c: Case,
): { version: number; record: Case['exports'][number]; sentOn: string[] }[] {
  return c.exports.map((record, index) => ({
    version: index + 1,
    record,
    sentOn: sortedJournal(c.journal)
      .filter(
        (e) =>
          (e.status === 'submitted' || e.status === 'licence_accepted') &&
          e.packetManifestSha256 === record.manifestSha256,
      )
      .map((e) => e.on),
  }));
}
