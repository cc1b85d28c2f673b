/**
 * Licence renewal: the countdown against the rules (prepare from 120 days before expiry, apply by 90 days
 * before, calendar days), and the pre-checks agencies list before a renewal is filed.
 */
import { describe, expect, it } from 'vitest';
import { withAnnualReport } from '../../../core/after/annual-report';
import { recordChange } from '../../../core/after/changes';
import { renewalPacketPlan } from '../../../core/after/lifecycle-packet';
import { renewalPreChecks, renewalStatus, reportYearsOwed } from '../../../core/after/renewal';
import { licenceHolderCase } from '../../fixtures/lifecycle';

const failing = (c: ReturnType<typeof licenceHolderCase>, today: string) =>
  renewalPreChecks(c, today)
    .filter((x) => !x.ok)
    .map((x) => `${x.id}: ${x.findings.map((f) => f.en).join(' | ')}`);

describe('renewal countdown', () => {
  it('opens 120 days and closes 90 days before the expiry, counting calendar days', () => {
    const c = licenceHolderCase(); // valid to 2030-12-01
    expect(renewalStatus(c, '2030-08-02')).toMatchObject({
      phase: 'early',
      prepareFrom: '2030-08-03',
      applyBy: '2030-09-02',
      daysToApplyBy: 31,
    });
    expect(renewalStatus(c, '2030-08-03').phase).toBe('open');
    expect(renewalStatus(c, '2030-09-02')).toMatchObject({ phase: 'open', daysToApplyBy: 0 });
    expect(renewalStatus(c, '2030-09-03')).toMatchObject({ phase: 'late', daysToApplyBy: -1 });
    expect(renewalStatus(c, '2030-12-02').phase).toBe('expired');
    c.afterApproval.licenceValidTo = '';
    expect(renewalStatus(c, '2030-08-02').phase).toBe('noLicence');
  });
});

describe('renewal pre-checks', () => {
  it('wants every report owed submitted, counting from the grant year', () => {
    const c = licenceHolderCase(); // granted 2025-12-01
    expect(reportYearsOwed(c, '2026-03-31')).toEqual([]);
    expect(reportYearsOwed(c, '2026-04-01')).toEqual([2025]);
    expect(reportYearsOwed(c, '2030-08-10')).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(failing(c, '2026-04-01')).toEqual([
      'annualReports: The 2025 annual report is not marked as submitted.',
    ]);
    const submitted = withAnnualReport(c, 2025, (r) => ({ ...r, submittedOn: '2026-03-10' }));
    expect(failing(submitted, '2026-04-01')).toEqual([]);
    // Without a grant date the licence number's year is used; without either, the check says it cannot count.
    const undated = {
      ...submitted,
      journal: submitted.journal.filter((e) => e.status !== 'licence_granted'),
    };
    expect(reportYearsOwed(undated, '2026-04-01')).toEqual([2025]);
    undated.afterApproval = { ...undated.afterApproval, licenceNumber: '粤ICP证030173号' };
    expect(failing(undated, '2026-04-01')[0]).toMatch(
      /^annualReports: Record the day the licence was granted/,
    );
  });

  it('wants filings valid, pending changes finished and every service launched', () => {
    const c = withAnnualReport(licenceHolderCase(), 2025, (r) => ({ ...r, submittedOn: '2026-03-10' }));
    c.services = c.services.map((s) =>
      s.kind === 'website' ? { ...s, domainExpiresOn: '2026-03-01', launchedOn: undefined } : s,
    );
    const changed = recordChange(
      c,
      { kind: 'registered_capital', registeredOn: '2026-04-20', registeredCapitalCny: 20_000_000 },
      'cap',
      new Date('2026-04-21T00:00:00Z'),
    );
    expect(failing(changed, '2026-05-01')).toEqual([
      'filings: The domain of 云帆知学 expired on 2026-03-01.',
      'pendingChanges: Registered capital change (recorded 2026-04-21) is not finished: file it before the renewal.',
      'launched: 云帆知学: enter the day it went live.',
    ]);
  });
});

describe('renewal packet plan', () => {
  const bound = (c: ReturnType<typeof licenceHolderCase>, id: string) =>
    JSON.stringify(
      renewalPacketPlan(c, { today: '2030-08-10', signOn: '2030-08-10' }).documents.find(
        (d) => d.template.id === id,
      )?.template,
    ).replaceAll('\u2060', ''); // dates carry word joiners so that they never break across lines

  it('cites an annual report as evidence of use only once it has been submitted', () => {
    const unfiled = licenceHolderCase(); // the 2025 figures are entered but not submitted
    expect(bound(unfiled, 'service-launch-evidence')).not.toContain('年度经营许可年报');
    expect(bound(unfiled, 'renewal-application')).toContain('2025年度（尚未报送）');
    const filed = withAnnualReport(unfiled, 2025, (r) => ({ ...r, submittedOn: '2026-03-10' }));
    expect(bound(filed, 'service-launch-evidence')).toContain('据本公司2025年度经营许可年报');
    expect(bound(filed, 'renewal-application')).toContain('2025年度（2026年3月10日报送）');
  });
});
