/**
 * Changes of a licence holder: the deadline arithmetic against the rules (calendar days, weekends and
 * holidays counted, nothing moved off a Sunday), what recording an event refuses, how it updates the case
 * everywhere (the new legal representative is the one every document prints; the old one stays in the
 * event), the filing-side change of each filed service and the packet's materials.
 */
import { describe, expect, it } from 'vitest';
import {
  changeMaterials,
  checkChange,
  deadlineFrom,
  filingChanges,
  licenceDeadline,
  markChange,
  recordChange,
  changePending,
  type ChangeDraft,
} from '../../../core/after/changes';
import { changeRule } from '../../../core/after/lifecycle-rules';
import { decisionFromCase } from '../../../core/documents/conditions';
import { resolveDocument, templateApplies } from '../../../core/documents/resolve';
import { documentLabels, documentTemplates } from '../../../core/documents/templates';
import { linkPrincipal } from '../../../core/model/principal';
import type { Case, ChangeEvent, Person } from '../../../core/model/case';
import { licenceHolderCase } from '../../fixtures/lifecycle';

const TODAY = '2026-12-01';
const NOW = new Date('2026-12-01T02:00:00Z');

const LI_NA: Person = {
  name: '李娜',
  nameLatin: 'Li Na',
  nationality: 'CN',
  idType: 'resident_id',
  idNumber: '440305199008162321',
  idValidFrom: '2020-03-01',
  idValidTo: '2040-03-01',
  idLongTerm: false,
  mobile: '13912345678',
  emergencyPhone: '13812345678',
  landline: '',
  email: 'li.na@yunfan-edu.cn',
  title: '执行董事',
};

function recorded(c: Case, draft: ChangeDraft): { c: Case; event: ChangeEvent } {
  expect(checkChange(c, draft, TODAY)).toEqual([]);
  const next = recordChange(c, draft, `chg-${draft.kind}`, NOW);
  return { c: next, event: next.lifecycle.changes.at(-1)! };
}

describe('change deadlines', () => {
  const rule = changeRule('legal_representative').deadline!;
  const event = (registeredOn: string) => ({ registeredOn, decidedOn: '', effectiveOn: '' });

  it('counts 30 calendar days after the registration, a Sunday deadline staying on Sunday', () => {
    // Friday 27 November 2026 + 30 days = Sunday 27 December 2026: no source moves it to Monday.
    expect(deadlineFrom(rule, event('2026-11-27'), TODAY)).toMatchObject({
      date: '2026-12-27',
      daysLeft: 26,
    });
    expect(new Date('2026-12-27T00:00:00Z').getUTCDay()).toBe(0);
    // Over the year end and the New Year holiday: calendar days, holidays included.
    expect(deadlineFrom(rule, event('2026-12-15'), TODAY).date).toBe('2027-01-14');
    // A leap February.
    expect(deadlineFrom(rule, event('2028-02-10'), TODAY).date).toBe('2028-03-11');
    // Over the Spring Festival week of 2026 (15–23 February): still 30 calendar days.
    expect(deadlineFrom(rule, event('2026-02-01'), TODAY).date).toBe('2026-03-03');
    expect(deadlineFrom(rule, event(''), TODAY)).toMatchObject({ date: '', daysLeft: null });
  });

  it('counts a shareholder change from the decision and wants approval before it is implemented', () => {
    const { c, event: change } = recorded(licenceHolderCase(), {
      kind: 'shareholders',
      decidedOn: '2026-11-28',
      shareholders: [
        { ...licenceHolderCase().subject.shareholders[0]!, sharePct: 51, contributionCny: 5_100_000 },
        { ...licenceHolderCase().subject.shareholders[1]!, sharePct: 49, contributionCny: 4_900_000 },
      ],
    });
    expect(licenceDeadline(c, change, TODAY)).toMatchObject({
      anchor: 'decidedOn',
      date: '2026-12-28',
      approvalBeforeImplementing: true,
      overdue: false,
    });
    // Filed but not yet approved: still pending (approval comes before the registration).
    const filed = markChange(c, change.id, { step: 'licenceFiled', on: '2026-12-02' });
    expect(changePending(filed, filed.lifecycle.changes[0]!, TODAY)).toBe(true);
  });

  it('is overdue once the last day has passed and the licence change is not filed; done once it is', () => {
    const { c, event } = recorded(licenceHolderCase(), {
      kind: 'name',
      registeredOn: '2026-10-20',
      name: '深圳市云帆学堂科技有限公司',
    });
    expect(licenceDeadline(c, event, TODAY)).toMatchObject({
      date: '2026-11-19',
      daysLeft: -12,
      overdue: true,
    });
    const filed = markChange(c, event.id, { step: 'licenceFiled', on: '2026-11-30' });
    expect(licenceDeadline(filed, filed.lifecycle.changes[0]!, TODAY)).toMatchObject({
      done: true,
      overdue: false,
    });
  });

  it('asks for the filing change 30 days before the change, and has no licence side for a filing-only case', () => {
    const { c, event } = recorded(licenceHolderCase(), {
      kind: 'filing_subject',
      effectiveOn: '2027-01-15',
      person: LI_NA,
    });
    expect(licenceDeadline(c, event, TODAY)).toBeUndefined();
    const [filing] = filingChanges(c, event, TODAY);
    expect(filing).toMatchObject({ serviceId: 'svc-web-1', number: '粤ICP备2025071234号-1', overdue: false });
    expect(filing?.deadline.date).toBe('2026-12-16');
    expect(filing?.via['zh-CN']).toBe('深圳市腾讯计算机系统有限公司');

    const unlicensed = licenceHolderCase();
    unlicensed.afterApproval.licenceNumber = '';
    unlicensed.journal = unlicensed.journal.filter((e) => e.status !== 'licence_granted');
    const rep = recorded(unlicensed, {
      kind: 'legal_representative',
      registeredOn: '2026-11-20',
      person: LI_NA,
    });
    expect(licenceDeadline(rep.c, rep.event, TODAY)).toBeUndefined();
    expect(changeMaterials(rep.c, rep.event).map((m) => m.id)).toEqual(['businessLicence', 'newRepId']);
  });
});

describe('recording a change', () => {
  it('refuses what cannot be recorded, and says why', () => {
    const c = licenceHolderCase();
    const problems = (draft: ChangeDraft) => checkChange(c, draft, TODAY).map((p) => `${p.field}:${p.code}`);
    expect(problems({ kind: 'legal_representative', person: LI_NA })).toEqual(['date:dateMissing']);
    expect(problems({ kind: 'legal_representative', registeredOn: '2026-12-05', person: LI_NA })).toEqual([
      'date:dateInFuture',
    ]);
    expect(
      problems({ kind: 'legal_representative', registeredOn: '2026-11-31', person: c.legalRepresentative }),
    ).toEqual(['date:dateInvalid', 'person:unchanged']);
    expect(problems({ kind: 'name', registeredOn: '2026-11-20', name: c.subject.name })).toEqual([
      'name:unchanged',
    ]);
    expect(
      problems({ kind: 'registered_capital', registeredOn: '2026-11-20', registeredCapitalCny: 0 }),
    ).toEqual(['capital:capitalMissing']);
    expect(
      problems({
        kind: 'shareholders',
        decidedOn: '2026-11-20',
        shareholders: [{ ...c.subject.shareholders[0]!, sharePct: 60 }],
      }),
    ).toEqual(['shareholders:sharesNot100']);
    expect(
      problems({
        kind: 'licence_domain',
        effectiveOn: '2027-01-01',
        serviceId: 'svc-web-1',
        domain: 'yunfan-edu.cn',
      }),
    ).toEqual(['domain:domainListed']);
    expect(
      problems({
        kind: 'licence_domain',
        effectiveOn: '2027-01-01',
        serviceId: 'nope',
        domain: 'yunfan edu.cn',
      }),
    ).toEqual(['service:serviceMissing', 'domain:domainInvalid']);
    // A planned change (a new person in charge) may lie ahead.
    expect(problems({ kind: 'filing_subject', effectiveOn: '2027-01-15', person: LI_NA })).toEqual([]);
  });

  it('makes the new legal representative THE legal representative in every document, keeping the old one in history', () => {
    const before = licenceHolderCase();
    const { c, event } = recorded(before, {
      kind: 'legal_representative',
      registeredOn: '2026-11-20',
      person: LI_NA,
    });
    expect(c.legalRepresentative).toMatchObject({ name: '李娜', idNumber: '440305199008162321' });
    expect(c.principal).toMatchObject({ name: '李娜', isLegalRepresentative: true });
    expect(event.before.person).toMatchObject({ name: '张伟', idNumber: '440305198503123413' });
    expect(event.before.principal?.name).toBe('张伟');
    // linkPrincipal must not copy the old person back over the new legal representative.
    expect(linkPrincipal(c).legalRepresentative.name).toBe('李娜');

    // Every row a document labels 法定代表人 now names 李娜 (张伟 stays a shareholder and a staff member).
    const decision = decisionFromCase(c);
    const rows: string[] = [];
    for (const template of documentTemplates()) {
      if (!templateApplies(template, c, decision)) continue;
      const resolved = resolveDocument(template, {
        caseData: linkPrincipal(c),
        decision,
        labels: documentLabels(),
        today: TODAY,
      });
      for (const block of resolved.blocks) {
        if (block.kind !== 'table') continue;
        for (const row of block.rows)
          if (/^(法定代表人|主体负责人)(姓名)?$/.test(row[0]?.zh ?? '') && row.length === 2)
            rows.push(`${template.id}: ${row[1]?.zh}`);
      }
    }
    // The verification form names the person in charge, who is the legal representative now.
    expect(rows.map((r) => r.split(':')[0])).toEqual(['verification-form', 'company-overview']);
    for (const row of rows) {
      expect(row).toContain('李娜');
      expect(row).not.toContain('张伟');
    }
  });

  it('keeps the person in charge when asked, who then needs the authorization letter', () => {
    const { c } = recorded(licenceHolderCase(), {
      kind: 'legal_representative',
      registeredOn: '2026-11-20',
      person: LI_NA,
      principalFollows: false,
    });
    expect(c.principal).toMatchObject({ name: '张伟', isLegalRepresentative: false });
    expect(c.legalRepresentative.name).toBe('李娜');
    const letter = documentTemplates().find((t) => t.id === 'authorization-letter')!;
    expect(templateApplies(letter, c, decisionFromCase(c))).toBe(true);
  });

  it('renames the subject, keeps the old name as a former name, and lists the filing changes of each service', () => {
    const { c, event } = recorded(licenceHolderCase(), {
      kind: 'name',
      registeredOn: '2026-11-20',
      name: '深圳市云帆学堂科技有限公司',
      nameLatin: 'Shenzhen Yunfan Xuetang Technology Co., Ltd.',
    });
    expect(c.subject.name).toBe('深圳市云帆学堂科技有限公司');
    expect(c.subject.formerNames).toEqual([
      { name: '深圳市云帆知学科技有限公司', changedOn: '2026-11-20', filedUnder: true },
    ]);
    expect(event.before.name).toBe('深圳市云帆知学科技有限公司');
    const [filing] = filingChanges(c, event, TODAY);
    expect(filing?.fields.map((f) => [f.label['zh-CN'], f.before['zh-CN'], f.after['zh-CN']])).toEqual([
      ['主办单位名称', '深圳市云帆知学科技有限公司', '深圳市云帆学堂科技有限公司'],
      ['主体证件', '原名称营业执照', '更名后的营业执照'],
      ['域名持有者', '深圳市云帆知学科技有限公司', '深圳市云帆学堂科技有限公司（须先在域名注册商处变更）'],
    ]);
    // Order 33 asks 30 days before; the registration was 11 days ago, so the filing change is overdue.
    expect(filing).toMatchObject({ overdue: true, deadline: { date: '2026-10-21' } });
    expect(
      changeMaterials(c, event)
        .filter((m) => m.template)
        .map((m) => m.template),
    ).toEqual(['licence-change-application', 'shareholders-resolution', 'rename-letter']);
  });

  it('updates shareholders, the investor the filing records and the foreign equity; adds a domain to its website', () => {
    const base = licenceHolderCase();
    const { c } = recorded(base, {
      kind: 'shareholders',
      decidedOn: '2026-11-28',
      shareholders: [
        { ...base.subject.shareholders[0]!, sharePct: 70, contributionCny: 7_000_000 },
        {
          name: 'Nordlicht Ventures GmbH',
          nameLatin: 'Nordlicht Ventures GmbH',
          country: 'DE',
          kind: 'company',
          sharePct: 30,
          contributionCny: 3_000_000,
          certificateNumber: 'HRB 123456',
          owners: [],
        },
      ],
    });
    expect(c.subject.investor).toBe('张伟、Nordlicht Ventures GmbH');
    expect(c.answers.foreignEquityPct).toBe(30);
    expect(changeMaterials(c, c.lifecycle.changes[0]!).map((m) => m.id)).toContain('foreignInvestment');

    const domain = recorded(base, {
      kind: 'licence_domain',
      effectiveOn: '2027-01-10',
      serviceId: 'svc-web-1',
      domain: 'Yunfan-Edu.com',
    });
    expect(domain.c.services[0]?.kind === 'website' && domain.c.services[0].domains).toEqual([
      'yunfan-edu.cn',
      'yunfan-edu.com',
    ]);
    expect(licenceDeadline(domain.c, domain.event, TODAY)).toMatchObject({
      date: '2027-01-10',
      direction: 'before',
    });
  });
});
