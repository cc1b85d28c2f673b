/**
 * The generated documents a case's packet would hold, for previews before export. Same plan as the export
 * (gate.ts); a case the pathway check calls "not eligible" still previews with the facts its own answers
 * imply, so the user sees the documents while fixing the answers.
 */
import type { DocumentDecision } from '../documents/conditions';
import type { Case } from '../model/case';
import { decidePathway, type Decision } from '../rules/decide';
import { documentDecisionOf } from '../rules/licence-categories';
import { packetDocuments } from './gate';
import type { PacketDocument } from './types';

export function previewDecision(c: Case, decision: Decision = decidePathway(c.answers)): DocumentDecision {
  return documentDecisionOf(c, decision);
}

/** The generated documents of the case's packet, in submission order. */
export function previewDocuments(c: Case, decision?: Decision): PacketDocument[] {
  return packetDocuments(c, previewDecision(c, decision));
}
