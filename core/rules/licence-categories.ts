/**
 * Which licence categories a packet applies for, from the one place the case keeps them: the Pathway
 * answer `answers.licenceCategory` (B25, B21 or both). Unanswered or "not sure", the categories follow the
 * decision — the category each licence conclusion of templates/rules/pathway-rules.json names
 * (`licenceCategory`). The decision's categories are also what the pre-flight holds the answer to: a category
 * the answers call for but the packet does not apply for is a finding (core/rules/preflight.ts).
 */
import {
  answeredLicenceCategories,
  filesInMainland,
  type Case,
  type LicenceCategoryCode,
  type PathwayAnswers,
} from '../model/case';
import { decisionFromCase, type DocumentDecision } from '../documents/conditions';
import { decidePathway, type Conclusion, type Decision } from './decide';

/** Catalogue order (the documents print B21 first, as MIIT lists them: resolve.ts formatLicenceCategories). */
const ORDER: readonly LicenceCategoryCode[] = ['B25', 'B21'];

/** A category the decision calls for, with the licence conclusions that call for it. */
export interface RequiredCategory {
  category: LicenceCategoryCode;
  conclusions: Conclusion[];
}

export interface LicenceCategoryPlan {
  /** The categories the packet applies for (never empty). */
  categories: LicenceCategoryCode[];
  /**
   * Where they come from: the Pathway answer; the decision (no answer, or "not sure"); or B25 by default when
   * neither names one (a licence pathway without a licence conclusion, e.g. the disputed reading of a rule).
   */
  source: 'answer' | 'decision' | 'default';
  /** The categories the decision's licence conclusions call for, in catalogue order. */
  required: RequiredCategory[];
  /** Required categories the packet does not apply for (only when the answer names categories). */
  missing: RequiredCategory[];
}

/** The categories the licence conclusions of a decision call for. */
export function requiredLicenceCategories(decision: Decision): RequiredCategory[] {
  return ORDER.map((category) => ({
    category,
    conclusions: decision.conclusions.filter((c) => c.effect === 'licence' && c.licenceCategory === category),
  })).filter((r) => r.conclusions.length > 0);
}

export function licenceCategoryPlan(answers: PathwayAnswers, decision: Decision): LicenceCategoryPlan {
  const required = requiredLicenceCategories(decision);
  const answered = answeredLicenceCategories(answers.licenceCategory);
  if (answered.length > 0) {
    return {
      categories: answered,
      source: 'answer',
      required,
      missing: required.filter((r) => !answered.includes(r.category)),
    };
  }
  if (required.length > 0)
    return { categories: required.map((r) => r.category), source: 'decision', required, missing: [] };
  return { categories: ['B25'], source: 'default', required, missing: [] };
}

/** The categories a licence packet of this case applies for (the decision is the case's own). */
export function caseLicenceCategories(c: Case): LicenceCategoryCode[] {
  return licenceCategoryPlan(c.answers, decidePathway(c.answers)).categories;
}

export type FileablePathway = 'icp_filing' | 'commercial_licence';

const fileable = (p: string | undefined): p is FileablePathway =>
  p === 'icp_filing' || p === 'commercial_licence';

/**
 * The pathway a packet is built for: the decision's, or its alternative where the conservative reading of a
 * disputed rule leaves nothing to file (the pre-flight shows the dispute); undefined when nothing is fileable.
 */
export function packetPathway(decision: Decision): FileablePathway | undefined {
  if (fileable(decision.pathway)) return decision.pathway;
  return fileable(decision.alternativePathway) ? decision.alternativePathway : undefined;
}

/**
 * What the packet's documents are chosen and worded by: a filing part unless nothing is filed in the
 * mainland, a licence part on the licence pathway, with its categories. The export gate and the pre-flight
 * both use this, so what the pre-flight checks is what is exported.
 */
export function packetDocumentDecision(
  c: Case,
  decision: Decision,
  pathway: FileablePathway,
): DocumentDecision {
  const licence = pathway === 'commercial_licence';
  return {
    // A licensed service is still filed (its site or mini-program gets an ICP number).
    filing: filesInMainland(c.answers) !== false,
    licence,
    licenceCategories: licence ? licenceCategoryPlan(c.answers, decision).categories : [],
  };
}

/**
 * The documents' pathway facts for a case as it stands: the packet's when it has a fileable pathway, else
 * what the case's own answers imply (previews and the checklist still show the documents while a case is
 * not eligible or incomplete).
 */
export function documentDecisionOf(c: Case, decision: Decision): DocumentDecision {
  const pathway = packetPathway(decision);
  return pathway ? packetDocumentDecision(c, decision, pathway) : decisionFromCase(c);
}
