/**
 * Issue 24: the user agreement states the AI-content labelling rules (labelling measures, in force
 * 1 September 2025) when the service uses generative AI, and says nothing of them otherwise.
 */
import { describe, expect, it } from 'vitest';
import { decisionFromCase } from '../../../core/documents/conditions';
import { resolveDocument } from '../../../core/documents/resolve';
import { documentLabels, documentTemplate } from '../../../core/documents/templates';
import type { Case } from '../../../core/model/case';
import { licenceCase } from '../../fixtures/documents/cases';

function agreementText(c: Case): string {
  const template = documentTemplate('user-agreement');
  if (!template) throw new Error('no user-agreement template');
  const resolved = resolveDocument(template, {
    caseData: c,
    decision: decisionFromCase(c),
    labels: documentLabels(),
    today: '2026-12-07',
  });
  return JSON.stringify(resolved);
}

const withAi = (use: Case['answers']['generativeAi']): Case => {
  const c = licenceCase();
  return { ...c, answers: { ...c.answers, generativeAi: use } };
};

describe('the user agreement and AI-content labelling', () => {
  it.each(['own_model', 'uses_filed_model'] as const)(
    'with generative AI (%s) it carries the labelling clause',
    (use) => {
      const text = agreementText(withAi(use));
      expect(text).toContain('依照《人工智能生成合成内容标识办法》');
      expect(text).toContain('隐式标识');
      expect(text).toContain('Measures for Labelling AI-Generated Synthetic Content');
    },
  );

  it.each(['none', null] as const)('without generative AI (%s) it does not', (use) => {
    expect(agreementText(withAi(use))).not.toContain('人工智能生成合成内容标识办法');
  });
});
