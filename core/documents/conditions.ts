/**
 * Evaluation of the template condition language (template-schema.ts `Condition`) and path lookup in a case.
 * Pure data in, boolean out: which documents a packet needs is a decision, not a side effect.
 */
import { getAt } from '../model/access';
import {
  answeredLicenceCategories,
  filesInMainland,
  type Case,
  type LicenceCategoryCode,
} from '../model/case';
import type { Condition } from './template-schema';
import { documentTemplate } from './templates';

/**
 * What the documents need to know of the pathway decision. The packet builder derives it from
 * `decidePathway()`; without one, {@link decisionFromCase} reads the case's own answers.
 */
export interface DocumentDecision {
  /** An ICP filing (website, App or mini-program) is part of this packet. */
  filing: boolean;
  /** A commercial licence application (B25 and/or B21) is part of this packet. */
  licence: boolean;
  /** The categories applied for (core/rules/licence-categories.ts); the documents print them. */
  licenceCategories: LicenceCategoryCode[];
}

/**
 * The pathway facts implied by the case alone: filing when hosted in the mainland, licence when the Pathway
 * answer names licence categories.
 */
export function decisionFromCase(caseData: Case): DocumentDecision {
  const categories = answeredLicenceCategories(caseData.answers.licenceCategory);
  return {
    filing: filesInMainland(caseData.answers) !== false,
    licence: categories.length > 0,
    licenceCategories: categories,
  };
}

export function isNonEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export interface ConditionScope {
  caseData: Case;
  decision: DocumentDecision;
  /** The element of the innermost `each` / `some`. */
  item?: unknown;
}

function test(value: unknown, condition: Record<string, unknown>): boolean {
  if ('eq' in condition && value !== condition.eq) return false;
  if ('ne' in condition && value === condition.ne) return false;
  if ('in' in condition && !(condition.in as unknown[]).includes(value)) return false;
  if ('gt' in condition && !(typeof value === 'number' && value > (condition.gt as number))) return false;
  if ('lt' in condition && !(typeof value === 'number' && value < (condition.lt as number))) return false;
  if ('nonEmpty' in condition && isNonEmpty(value) !== condition.nonEmpty) return false;
  if ('includes' in condition && !(Array.isArray(value) && value.includes(condition.includes))) return false;
  return true;
}

/**
 * The checklist entries whose files a template's text looks at (`attached` conditions anywhere in it): what
 * it prints — an enclosure list, a sentence — changes when a file is attached to one of them.
 */
export function attachmentsLookedAt(template: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        if (key === 'attached' && typeof value === 'string') found.add(value);
        else walk(value);
  };
  walk(template);
  return [...found];
}

/** Whether `checklistItemId` is a line of checklist entry `entry` (`entry`, or `entry@<instance>`). */
export function isLineOf(checklistItemId: string, entry: string): boolean {
  return checklistItemId === entry || checklistItemId.startsWith(`${entry}@`);
}

export function evaluate(condition: Condition, scope: ConditionScope): boolean {
  if ('always' in condition) return condition.always;
  if ('all' in condition) return condition.all.every((c) => evaluate(c, scope));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, scope));
  if ('not' in condition) return !evaluate(condition.not, scope);
  if ('some' in condition) {
    const list = getAt(scope.caseData, condition.some);
    return Array.isArray(list) && list.some((item) => evaluate(condition.where, { ...scope, item }));
  }
  if ('attached' in condition) {
    const entry = condition.attached;
    return scope.caseData.attachments.some((a) => isLineOf(a.checklistItemId, entry));
  }
  if ('document' in condition) {
    // The named document is in the packet: its template's own condition, read on the same case and decision.
    const template = documentTemplate(condition.document);
    return (
      template !== undefined &&
      evaluate(template.appliesWhen, { caseData: scope.caseData, decision: scope.decision })
    );
  }
  if ('case' in condition) return test(getAt(scope.caseData, condition.case), condition);
  if ('item' in condition) return test(getAt(scope.item, condition.item), condition);
  return test(getAt(scope.decision, condition.decision), condition);
}
