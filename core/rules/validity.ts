/**
 * How long a document must stay valid for this case: past the end of the review (submission + review period
 * of the pathway) and past the months a province or platform demands after submission
 * (templates/rules/validity.json via core/validate/dates). Shared by the checklist status and the pre-flight.
 */
import { addMonths, requiredValidityMonths, toIsoDate, type ValidityDocumentKind } from '../validate/dates';
import { PREFLIGHT } from './data';

export interface ValidityWindow {
  submission: string;
  /** Expected end of the authority's review. */
  reviewEnd: string;
  /** The document must be valid at least until this date (later of review end and the months rule). */
  requiredUntil: string;
  /** Valid until here and a change filing soon after approval is unlikely. */
  comfortableUntil: string;
  months: number;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function validityWindow(
  submission: string,
  pathway: 'icp_filing' | 'commercial_licence',
  context: { province?: string; platform?: string; documentKind?: ValidityDocumentKind },
): ValidityWindow {
  const reviewEnd = addDays(submission, PREFLIGHT.validity.reviewDays[pathway]);
  const months = requiredValidityMonths(context).months;
  const monthsEnd = addMonths(submission, months);
  return {
    submission,
    reviewEnd,
    requiredUntil: reviewEnd > monthsEnd ? reviewEnd : monthsEnd,
    comfortableUntil: addMonths(reviewEnd, months),
    months,
  };
}

export type ValidityVerdict = 'expired' | 'beforeReviewEnds' | 'soonAfterReview' | 'ok';

/** Judges a validity end date ('' or unparsable = nothing to judge → 'ok'; format errors are reported elsewhere). */
export function judgeValidity(end: string, window: ValidityWindow): ValidityVerdict {
  const iso = toIsoDate(end);
  if (iso === undefined) return 'ok';
  if (iso < window.submission) return 'expired';
  if (iso < window.requiredUntil) return 'beforeReviewEnds';
  if (iso < window.comfortableUntil) return 'soonAfterReview';
  return 'ok';
}

/** The planned submission date, or today when none is planned (or it is already past). */
export function submissionDate(planned: string, today: string): string {
  const iso = toIsoDate(planned);
  return iso !== undefined && iso > today ? iso : today;
}
