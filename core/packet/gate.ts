/**
 * What must hold before a packet is exported, as pure decisions: the pre-flight has no errors and every
 * warning is acknowledged; the pathway gives something to file. Which documents go in follows from the
 * pathway decision, read through the document templates' own `appliesWhen`.
 */
import type { AttachmentMeta, Case } from '../model/case';
import type { ChecklistItem } from '../rules/checklist';
import type { DocumentDecision } from '../documents/conditions';
import { templateApplies } from '../documents/resolve';
import { documentTemplate, documentTemplates } from '../documents/templates';
import { documentConsistencyIssues, documentIssues } from '../rules/preflight';
import type { Decision } from '../rules/decide';
import {
  caseLicenceCategories,
  packetDocumentDecision,
  packetPathway,
  type FileablePathway,
} from '../rules/licence-categories';
import type { PreflightIssue } from '../rules/preflight';
import { exportHold } from '../rules/export-hold';
import { PacketError } from './errors';
import type { PacketDecision, PacketDocument } from './types';

/**
 * Refuses the export while the pre-flight has errors, or warnings nobody acknowledged (in the case, or for
 * this export with `acceptWarnings` — the CLI's `--accept-warnings`).
 */
export function assertExportable(issues: readonly PreflightIssue[], acceptWarnings: boolean): void {
  const { errors, openWarnings: open } = exportHold(issues);
  if (errors.length) throw new PacketError('preflightErrors', { count: errors.length }, errors);
  if (open.length && !acceptWarnings)
    throw new PacketError('unacknowledgedWarnings', { count: open.length }, open);
}

const PATHWAYS: Record<FileablePathway, PacketDecision> = {
  icp_filing: { pathwayId: 'icp-filing', pathway: { zh: 'ICP备案', en: 'ICP filing' } },
  commercial_licence: {
    pathwayId: 'icp-licence',
    pathway: { zh: '增值电信业务经营许可（ICP许可证）', en: 'Commercial ICP licence' },
  },
};

export interface PacketPlan {
  packet: PacketDecision;
  documents: DocumentDecision;
  /** The pathway the packet is built for: the decision's, or its alternative where the decision is disputed. */
  pathway: FileablePathway;
  /** True when the packet follows the alternative reading of a disputed rule (the pre-flight warned). */
  alternative: boolean;
}

/**
 * The pathway the packet is for. Under the conservative default a disputed licence requirement can make a
 * case "not eligible"; when the decision names an alternative pathway for the disputed reading, the packet
 * follows it (the pre-flight has shown the dispute and the user acknowledged it).
 */
export function planPacket(c: Case, decision: Decision): PacketPlan {
  const pathway = packetPathway(decision);
  if (!pathway) throw new PacketError('notEligible', { pathway: decision.pathway });
  return {
    packet: PATHWAYS[pathway],
    pathway,
    alternative: pathway !== decision.pathway,
    documents: packetDocumentDecision(c, decision, pathway),
  };
}

/** The generated documents of this packet, in submission order. */
export function packetDocuments(c: Case, documents: DocumentDecision): PacketDocument[] {
  return documentTemplates()
    .filter((t) => templateApplies(t, c, documents))
    .map((t) => ({ templateId: t.id, templateVersion: t.version, title: t.title }));
}

/**
 * The export gate's own consistency check: the packet's documents, resolved as they will be printed, may
 * not contradict each other (same entity, certificate, coverage, services, dates and pathway). Run again
 * at export, whatever the pre-flight said, because the packet is what is submitted.
 *
 * @throws PacketError `preflightErrors` with one issue per contradiction, each naming both documents
 */
export function assertDocumentsConsistent(
  c: Case,
  documents: readonly PacketDocument[],
  pathwayId: string,
  today?: string,
): void {
  const templates = documents.map((d) => documentTemplate(d.templateId)).filter((t) => t !== undefined);
  const licence = pathwayId === 'icp-licence';
  const decision: DocumentDecision = {
    filing: templates.some((t) => t.pathway === 'filing'),
    licence,
    licenceCategories: licence ? caseLicenceCategories(c) : [],
  };
  const issues = documentConsistencyIssues(c, decision, today, templates);
  if (issues.length) throw new PacketError('preflightErrors', { count: issues.length }, issues);
}

/** What the packet holds of the documents signed by hand. */
export interface SignedCopiesPlan {
  /** The checked signed scans of each signed document, in page order: its submission copy. */
  signed: ReadonlyMap<string, readonly AttachmentMeta[]>;
  /** Recommended documents not signed: left out of the packet (the pre-flight warned). */
  omitted: ReadonlySet<string>;
}

/**
 * The gate of the sign-and-return loop: every document signed by hand goes in as its checked signed scan
 * of the version the case prints now, complete — or, when only recommended and not returned, stays out. An
 * unsigned original never goes in as the submission copy.
 *
 * @throws PacketError `preflightErrors` with the issues of each signed document not ready (not returned,
 *   out of date, pages missing, files never checked)
 */
export function signedCopiesPlan(c: Case, checklist: readonly ChecklistItem[]): SignedCopiesPlan {
  const lines = checklist.filter((item) => item.signing !== undefined);
  const blocking = documentIssues(c, lines).filter((issue) => issue.severity === 'error');
  if (blocking.length) throw new PacketError('preflightErrors', { count: blocking.length }, blocking);
  const signed = new Map<string, AttachmentMeta[]>();
  const omitted = new Set<string>();
  for (const item of lines) {
    const signing = item.signing;
    if (!signing) continue;
    if (signing.state === 'complete') {
      const files = signing.currentIds.map((id) =>
        c.attachments.find((a) => a.id === id && a.checklistItemId === item.id),
      );
      signed.set(
        signing.templateId,
        files.filter((f): f is AttachmentMeta => f !== undefined),
      );
    } else omitted.add(signing.templateId);
  }
  return { signed, omitted };
}
