/**
 * The annual report dry run: every check the system runs on 保存 and on submit, and the reasons reviewers
 * return reports, each caught on a planted contradiction in an otherwise consistent licence holder; the
 * values to type; the year's deadlines from the rule data.
 */
import { describe, expect, it } from 'vitest';
import {
  amountValue,
  dryRunAnnualReport,
  reportDeadlines,
  reportWindow,
  withAnnualReport,
  type AnnualReportDryRun,
} from '../../../core/after/annual-report';
import { recordChange } from '../../../core/after/changes';
import type { AnnualFigures, Case } from '../../../core/model/case';
import { cleanFigures, licenceHolderCase } from '../../fixtures/lifecycle';

const TODAY = '2026-02-10';

function run(
  figures: Partial<AnnualFigures> = {},
  c: Case = licenceHolderCase(),
  year = 2025,
): AnnualReportDryRun {
  return dryRunAnnualReport(c, year, { today: TODAY, figures: { ...cleanFigures(), ...figures } });
}

const codes = (r: AnnualReportDryRun) => r.checks.map((c) => c.code);
const value = (r: AnnualReportDryRun, key: string) =>
  r.forms.flatMap((f) => f.fields).find((f) => f.key === key);

describe('the annual report dry run', () => {
  it('finds nothing wrong with consistent figures, except the commitment text nobody pasted yet', () => {
    const clean = run();
    expect(clean.errors).toBe(0);
    expect(codes(clean)).toEqual(['commitmentMissing']);
    const kept = withAnnualReport(licenceHolderCase(), 2025, (r) => ({
      ...r,
      commitmentText: '本企业承诺……',
    }));
    expect(run({}, kept).checks).toEqual([]);
  });

  it('gives every form, one development table per opened category, and what to type in each field', () => {
    const r = run();
    expect(r.forms.map((f) => `${f.id}${f.category ? `:${f.category}` : ''}`)).toEqual([
      'basic',
      'quality',
      'finance',
      'security',
      'business:B25',
      'internet',
    ]);
    expect(value(r, 'basic.companyName')).toMatchObject({
      label: { 'zh-CN': '企业名称', en: 'Company name' },
      labelFrom: 'published',
      value: '深圳市云帆知学科技有限公司',
      published: true,
    });
    expect(value(r, 'basic.registeredCapital')?.value).toBe('1000.00');
    expect(value(r, 'finance.cost')?.value).toBe('193.26');
    expect(value(r, 'finance.cost')?.valueNote?.en).toContain('type 1932550.5');
    expect(value(r, 'basic.registeredPlace')?.value).toBe('广东省');
    expect(value(r, 'basic.validity')?.value).toBe('2030年12月01日');
    expect(value(r, 'basic.enterpriseNature')).toMatchObject({ value: '内资企业', suggested: true });
    expect(value(r, 'quality.complaintResponseRate')?.value).toBe('100');
    expect(value(r, 'security.securityOfficer')?.value).toBe('陈芳 13692817465');
    expect(value(r, 'business.B25.outlets')?.value).toBe('云帆知学 yunfan-edu.cn 粤ICP备2025071234号-1');
    expect(value(r, 'business.B25.users')?.labelFrom).toBe('ours');
    expect(amountValue(1_234_567.891)).toBe('123.46');
  });

  it('gives every value it words in Chinese an English meaning, for the English screen and sheet', () => {
    // The values the app writes itself (not names, addresses or text the user typed): a reader of the
    // English UI must not have to read 第二类增值电信业务… or 外商独资企业 to check what they will type.
    const appWorded = [
      'serviceTypes',
      'enterpriseNature',
      'registeredPlace',
      'listed',
      'branches',
      'disclose',
      'status',
      'domains',
    ];
    const licensed = licenceHolderCase();
    const noWebsite: Case = { ...licensed, services: licensed.services.filter((s) => s.kind !== 'website') };
    for (const c of [licensed, noWebsite]) {
      const fields = run(
        { listed: false },
        { ...c, answers: { ...c.answers, subject: 'wfoe' } },
      ).forms.flatMap((f) => f.fields);
      const chinese = fields.filter((f) => appWorded.includes(f.id) && /\p{Script=Han}/u.test(f.value));
      if (c === licensed) expect(chinese.map((f) => f.id)).toContain('serviceTypes');
      else expect(chinese.map((f) => f.id)).toContain('domains');
      for (const field of chinese) {
        expect(field.valueNote?.en, field.id).toMatch(/[a-z]/i);
        expect(field.valueNote?.en, field.id).not.toMatch(/\p{Script=Han}/u);
      }
      expect(fields.find((f) => f.id === 'enterpriseNature')?.valueNote?.en).toMatch(
        /^Wholly foreign-owned enterprise\./,
      );
    }
  });

  it('requires every field: a blank figure, and a case field the report copies', () => {
    const blank = run({ staffChanges: '  ', complaints: null });
    expect(blank.checks.filter((c) => c.code === 'required').map((c) => c.figure)).toEqual([
      'staffChanges',
      'complaints',
    ]);
    const noLicence = licenceHolderCase();
    noLicence.afterApproval.licenceNumber = '';
    const missing = run({}, noLicence).checks.find((c) => c.code === 'requiredInCase');
    expect(missing).toMatchObject({
      field: 'basic.licenceNumber',
      casePath: 'afterApproval.licenceNumber',
      severity: 'error',
    });
  });

  it('checks formats as 保存 does: USCC, licence number, phone, two decimals', () => {
    const c = licenceHolderCase();
    c.subject.certificateNumber = '91440300MA5H2K7Q43';
    c.afterApproval.licenceNumber = '粤B2-2025432';
    c.licence.complaintPhone = '0755-8635';
    const r = run({ complaintResponseRatePct: 99.125, revenueCny: 2_861_400.005 }, c);
    const formats = r.checks.filter((x) => x.code === 'format');
    expect(formats.map((x) => x.field)).toEqual([
      'basic.uscc',
      'basic.licenceNumber',
      'quality.complaintPhone',
      'quality.complaintResponseRate',
      'finance.revenue',
    ]);
    expect(formats.every((x) => x.stage === 'save' && x.severity === 'error')).toBe(true);
  });

  it('marks amounts over RMB 1 billion without blocking (a warning)', () => {
    const r = run({ revenueCny: 1_500_000_000 });
    const large = r.checks.find((x) => x.code === 'largeAmount');
    expect(large).toMatchObject({ severity: 'warning', figure: 'revenueCny' });
    expect(large?.message['zh-CN']).toContain('十亿元');
  });

  it('warns that 未开通 deletes what was typed, and drops that category’s table', () => {
    const r = run({ services: [{ category: 'B25', open: false, users: 31_200, revenueCny: 2_450_000 }] });
    expect(r.forms.some((f) => f.id === 'business')).toBe(false);
    expect(r.checks.find((x) => x.code === 'notOpenDeletes')).toMatchObject({
      severity: 'warning',
      figure: 'services.0.open',
    });
  });

  it('catches figures that disagree across forms on submit', () => {
    expect(codes(run({ telecomRevenueCny: 3_000_000 }))).toContain('telecomAboveRevenue');
    const revenue = run({
      services: [{ category: 'B25', open: true, users: 31_200, revenueCny: 2_400_000 }],
    });
    expect(revenue.checks.find((x) => x.code === 'serviceRevenueSum')).toMatchObject({
      stage: 'submit',
      severity: 'error',
      figure: 'services.0.revenueCny',
    });
    const users = run({ users: 30_000 });
    expect(users.checks.find((x) => x.code === 'usersSum')?.message.en).toContain('30000 users');
  });

  it('catches what reviewers return: users against revenue, zero financials, vague security', () => {
    expect(
      codes(run({ users: 0, services: [{ category: 'B25', open: true, users: 0, revenueCny: 2_450_000 }] })),
    ).toContain('usersVsRevenue');
    expect(run({ costCny: 0 }).checks.find((x) => x.code === 'zeroFinancials')?.field).toBe('finance.cost');
    const young = licenceHolderCase();
    young.subject.establishedOn = '2025-06-01';
    const partYear = run({ costCny: 0 }, young).checks.find((x) => x.field === 'finance.cost');
    expect(partYear).toMatchObject({ code: 'zeroFinancialsPartYear', severity: 'warning' });
    expect(
      run({ securityMeasures: '有防火墙。' }).checks.find((x) => x.code === 'vagueSecurity')?.figure,
    ).toBe('securityMeasures');
  });

  it('warns when a registered change has not reached the licence, or the staff fell below the key staff', () => {
    const renamed = recordChange(
      licenceHolderCase(),
      { kind: 'name', registeredOn: '2025-11-03', name: '深圳市云帆学堂科技有限公司' },
      'chg-name',
      new Date('2025-11-05T02:00:00Z'),
    );
    expect(run({}, renamed).checks.find((x) => x.code === 'licenceOutOfDate')?.message.en).toContain(
      '2025-11-03',
    );
    expect(run({ employees: 3 }).checks.find((x) => x.code === 'staffBelowKeyStaff')?.message.en).toContain(
      'the 5 key staff',
    );
  });

  it('says no report is owed for a year before the licence', () => {
    expect(codes(run({}, licenceHolderCase(), 2024))).toContain('notOwed');
  });
});

describe('the annual report calendar', () => {
  it('uses the province notice where the data has one, else the usual early January, and says which', () => {
    const chongqing = licenceHolderCase();
    chongqing.subject.province = '500000';
    expect(reportDeadlines(chongqing, 2024)[0]).toMatchObject({
      from: '2025-01-10',
      known: true,
      confidence: 'official',
    });
    const guangdong = reportDeadlines(licenceHolderCase(), 2024);
    expect(guangdong[0]).toMatchObject({ from: '2025-01-01', known: false, confidence: 'unclear' });
    expect(reportDeadlines(licenceHolderCase(), 2025)[0]).toMatchObject({ from: '2026-01-01', known: true });
    expect(guangdong.map((d) => [d.id, d.to])).toEqual([
      ['opens', '2025-01-01'],
      ['due', '2025-03-31'],
      ['correction', '2025-04-30'],
      ['publication', '2025-05-31'],
    ]);
    expect(reportWindow(guangdong, '2024-12-31')).toBe('notOpen');
    expect(reportWindow(guangdong, '2025-03-31')).toBe('open');
    expect(reportWindow(guangdong, '2025-04-01')).toBe('correction');
    expect(reportWindow(guangdong, '2025-05-01')).toBe('closed');
  });
});
