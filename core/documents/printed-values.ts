/**
 * What the packet's documents print, read off the documents themselves: every template of the packet is
 * resolved as it will be rendered, and each value it prints is held to the template's `prints` declaration
 * (template-schema.ts PRINT_MODES). A value the document needs that would print as a blank, 无 or 尚未备案,
 * and Chinese-only text that is not Chinese, become findings on the field that feeds them — so the pre-flight
 * knows every value each document prints, for every case, migrated ones included.
 */
import type { Case } from '../model/case';
import { linkPrincipal } from '../model/principal';
import { englishPassages } from '../validate/text';
import type { DocumentDecision } from './conditions';
import {
  resolveDocument,
  templateApplies,
  type PrintedGap,
  type PrintedValue,
  type ResolvedDocument,
} from './resolve';
import { printRule, type DocumentTemplate } from './template-schema';
import { documentLabels, documentTemplates } from './templates';

export interface DocumentRef {
  id: string;
  title: { zh: string; en: string };
}

export type PrintedValueFinding =
  | {
      kind: 'missing';
      /** The empty field (concrete case path). */
      path: string;
      /** What the first document to print it shows in its place. */
      gap: PrintedGap;
      /** The pre-flight rule that reports it, where the template names one. */
      finding?: string;
      /** The documents that would print the gap, in packet order. */
      documents: DocumentRef[];
    }
  | {
      kind: 'notChinese';
      path: string;
      /** The English passages found. */
      passages: string[];
      documents: DocumentRef[];
    };

/** A document of the packet as it will be printed, with every value its Chinese text filled in. */
export interface ResolvedPacketDocument {
  template: DocumentTemplate;
  document: ResolvedDocument;
  printed: PrintedValue[];
}

/**
 * Resolves every document this packet contains (the templates whose `appliesWhen` holds, unless given) once,
 * for the checks that read what the documents print: the printed values here, the cross-document
 * consistency (consistency.ts).
 */
export function resolvePacket(
  caseData: Case,
  decision: DocumentDecision,
  options: { today: string; templates?: readonly DocumentTemplate[] },
): ResolvedPacketDocument[] {
  const linked = linkPrincipal(caseData);
  const templates =
    options.templates ?? documentTemplates().filter((t) => templateApplies(t, linked, decision));
  return templates.map((template) => {
    const printed: PrintedValue[] = [];
    const document = resolveDocument(template, {
      caseData: linked,
      decision,
      labels: documentLabels(),
      today: options.today,
      printed,
      chineseOnly: true,
    });
    return { template, document, printed };
  });
}

/**
 * The findings of the packet's documents, one per field and kind, each naming every document it concerns
 * (in packet order).
 */
export function printedValueFindings(packet: readonly ResolvedPacketDocument[]): PrintedValueFinding[] {
  const findings = new Map<string, PrintedValueFinding>();
  const note = (key: string, make: () => PrintedValueFinding, document: DocumentRef) => {
    const found = findings.get(key) ?? make();
    findings.set(key, found);
    if (!found.documents.some((d) => d.id === document.id)) found.documents.push(document);
  };
  for (const { template, printed } of packet) {
    const document = { id: template.id, title: template.title };
    for (const value of printed) {
      const declared = template.prints[value.key];
      // An undeclared value is a template defect (test/core/documents/template-contract.test.ts).
      if (!declared) continue;
      const rule = printRule(declared);
      const gap = value.gap;
      const reported =
        gap === 'blank' ? rule.mode !== 'handFill' : gap !== undefined && rule.mode === 'required';
      if (gap && reported) {
        for (const path of value.missing) {
          note(
            `missing@${path}`,
            () => ({
              kind: 'missing',
              path,
              gap,
              ...(rule.finding ? { finding: rule.finding } : {}),
              documents: [],
            }),
            document,
          );
        }
      }
      if (rule.chinese && value.path && typeof value.value === 'string') {
        const passages = englishPassages(value.value);
        const path = value.path;
        if (passages.length)
          note(`notChinese@${path}`, () => ({ kind: 'notChinese', path, passages, documents: [] }), document);
      }
    }
  }
  return [...findings.values()];
}
