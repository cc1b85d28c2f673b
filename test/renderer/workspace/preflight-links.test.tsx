/**
 * Issue 21: every finding the pre-flight derives from the documents, and every fact checked against another,
 * is shown on its step at the field it names — the Review step's "open" buttons lead there, for the field
 * itself and for the other place a contradiction names.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../core/model/case';
import { checkCase, type PreflightIssue } from '../../../core/rules/preflight';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { fieldDomId } from '../../../renderer/src/components/fields/CatalogueField';
import { focusWhenShown } from '../../../renderer/src/navigation/focusTarget';
import { issueTargets } from '../../../renderer/src/screens/Review/IssueList';
import {
  migratedLicenceCase,
  nationwideCaseWithGaps,
  renamedCaseWithoutFormerFiling,
} from '../../fixtures/documents/cases';
import { renderCaseAt } from '../support/open-case';

beforeEach(() => {
  window.location.hash = '';
});

/** The findings issue 21 added (document-derived and cross-fact), not the scans still to attach. */
const NEW_CODES = new Set([
  'document.valueMissing',
  'document.notChinese',
  'licence.filingFirst',
  'people.twoLegalRepresentatives',
  'people.legalRepresentativeUnmarked',
  'subject.capitalMismatch',
  'subject.sharesNotWhole',
  'subject.shareholderOwnersMissing',
  'licence.categoryWithoutBusiness',
  'rename.filedUnderUnknown',
  'rename.filingNumberMissing',
  'privacy.sensitiveMismatch',
  'privacy.contactNotDedicated',
]);

/** Findings about an empty form field: shown under it once it has been visited (CatalogueField). */
const SHOWN_WHEN_TOUCHED = new Set([
  'document.valueMissing',
  'licence.filingFirst',
  'rename.filingNumberMissing',
  'rename.filedUnderUnknown',
]);

const GAP_CASES: [string, () => Case][] = [
  ['migrated B25 licence', migratedLicenceCase],
  ['nationwide B21 + B25', nationwideCaseWithGaps],
  ['renamed company', () => renamedCaseWithoutFormerFiling(null)],
];

/** Opens `c` (under the fake store's new id) at a step. */
const openAt = (c: Case, step: string) =>
  renderCaseAt(step, { edit: (created) => ({ ...c, id: created.id }) });

describe.each(GAP_CASES)('%s: each new finding is shown at its field', (_name, make) => {
  const findings = checkCase(make()).filter((i) => NEW_CODES.has(i.code));

  it('has findings to show', () => expect(findings.length).toBeGreaterThan(0));

  const places = (issue: PreflightIssue) => [
    { path: issue.path, step: issue.step },
    ...(issue.related ?? []).map((r) => ({ path: r.path, step: r.step })),
  ];
  const steps = [...new Set(findings.flatMap((f) => places(f).map((p) => p.step)))];

  it.each(steps)('on the %s step', async (step) => {
    const c = make();
    // As the Review step's button does: the field to focus is named before the step opens.
    const first = findings.flatMap(places).find((p) => p.step === step);
    if (first) focusWhenShown(issueTargets(first.path));
    await openAt(c, step);
    for (const finding of findings) {
      for (const place of places(finding).filter((p) => p.step === step)) {
        // The field itself, not a parent: its own element on this step.
        const element = await waitFor(() => {
          const found = document.getElementById(fieldDomId(place.path));
          if (!found) throw new Error(`${finding.code}: no element for ${place.path} on ${step}`);
          return found;
        });
        expect(element.tabIndex >= -1, place.path).toBe(true);
        // The finding itself is shown there, at the field it is raised on (a form field shows what is
        // missing once the user has been in it; what is wrong with a value, at once).
        if (place.path === finding.path && !SHOWN_WHEN_TOUCHED.has(finding.code)) {
          const shown = document.getElementById(`${fieldDomId(place.path)}-issues`);
          expect(shown?.textContent, `${finding.code} at ${place.path}`).toContain(finding.message.en);
        }
      }
    }
  });
});

describe('the Review step opens both places of a contradiction', () => {
  it('in English and in Chinese', async () => {
    await openAt(nationwideCaseWithGaps(), 'review');
    const issue = await waitFor(() => {
      const found = document.querySelector(
        '[data-issue-key="subject.capitalMismatch@subject.registeredCapitalCny"]',
      );
      if (!found) throw new Error('the capital finding is not listed');
      return found as HTMLElement;
    });
    const related = within(issue).getAllByTestId('open-related');
    expect(related.map((b) => b.getAttribute('data-path'))).toEqual([
      'subject.shareholders.0.contributionCny',
      'subject.shareholders.1.contributionCny',
    ]);
    expect(related[0]?.textContent).toContain('Subscribed capital (RMB) (赵磊)');
    fireEvent.click(related[1]!);
    await waitFor(() =>
      expect(document.activeElement?.id).toBe(fieldDomId('subject.shareholders.1.contributionCny')),
    );
    expect(window.location.hash).toMatch(/\/applicant$/);
    fireEvent.click(screen.getByRole('button', { name: '简体中文' }));
    await screen.findByRole('heading', { level: 1, name: zhCN.steps.applicant.title });
    const field = document.getElementById(`${fieldDomId('subject.registeredCapitalCny')}-issues`);
    expect(field?.textContent).toContain('注册资本（1000万元）与各股东认缴出资额合计（200万元）不一致');
    expect(en.reviewStep.openRelated).toContain('{{field}}');
  });
});
