/**
 * The one-line view of a case on the Home list: pathway answers, status, progress and last edit.
 * Progress here counts the sections a user fills in, from the case alone; the checklist's own completeness
 * (which needs the rule data) is shown inside the case.
 */
import { checkCase } from '../rules/preflight';
import { exportHold } from '../rules/export-hold';
import { filesInMainland, type Case, type CaseStatus, type SubjectKind, type Surface } from './case';

export interface CaseSummary {
  id: string;
  name: string;
  /** What the pathway check was told so far: what is launched and by whom. */
  pathway: { surfaces: Surface[]; subject: SubjectKind | null };
  /** 0–100: share of the case's sections with their key data entered. */
  progress: number;
  /** Pre-flight errors that stop the packet from being exported (Home says so beside the progress). */
  exportBlockers: number;
  /** Pre-flight warnings not yet acknowledged: they keep Export disabled too, until read and acknowledged. */
  openWarnings: number;
  status: CaseStatus;
  updatedAt: string;
  attachmentCount: number;
}

/** The latest journal entry by time; a case without a journal is a draft. */
export function currentStatus(c: Case): CaseStatus {
  let latest: { at: string; status: CaseStatus } | undefined;
  for (const entry of c.journal) if (!latest || entry.at >= latest.at) latest = entry;
  return latest?.status ?? 'draft';
}

const filled = (s: string): boolean => s.trim().length > 0;

/** Each section counts once its key fields are entered; validation is the pre-flight's job, not this. */
const SECTIONS: ((c: Case) => boolean)[] = [
  (c) =>
    c.answers.surfaces.length > 0 &&
    c.answers.subject !== null &&
    filesInMainland(c.answers) !== null &&
    c.answers.scope !== null,
  (c) =>
    filled(c.subject.name) && filled(c.subject.certificateNumber) && filled(c.subject.certificateAddress),
  (c) => filled(c.legalRepresentative.name) && filled(c.legalRepresentative.idNumber),
  (c) => filled(c.principal.name) && filled(c.principal.idNumber) && filled(c.principal.mobile),
  (c) => c.services.length > 0 && c.services.every((s) => filled(s.name)),
  (c) => c.attachments.length > 0,
];

export function caseProgress(c: Case): number {
  return Math.round((100 * SECTIONS.filter((done) => done(c)).length) / SECTIONS.length);
}

function exportGate(c: Case): Pick<CaseSummary, 'exportBlockers' | 'openWarnings'> {
  const { errors, openWarnings } = exportHold(checkCase(c));
  return { exportBlockers: errors.length, openWarnings: openWarnings.length };
}

export function summarizeCase(c: Case): CaseSummary {
  return {
    id: c.id,
    name: c.name,
    pathway: { surfaces: [...c.answers.surfaces], subject: c.answers.subject },
    progress: caseProgress(c),
    ...exportGate(c),
    status: currentStatus(c),
    updatedAt: c.updatedAt,
    attachmentCount: c.attachments.length,
  };
}
