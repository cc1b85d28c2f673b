import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { remindersToIcs } from '../../../core/after/ics';
import { buildReminders, reminderState } from '../../../core/after/obligations';
import { recordEvent } from '../../../core/after/journal';
import { sampleCase, type Case } from '../../../core/model';
import { withAnnualReport } from '../../../core/after/annual-report';
import { recordChange } from '../../../core/after/changes';
import { licenceHolderCase } from '../../fixtures/lifecycle';

const NOW = new Date('2026-12-03T02:00:00Z');
const TODAY = '2026-12-03';

function licenceHolder(): Case {
  let c = sampleCase(NOW);
  c = {
    ...c,
    legalRepresentative: { ...c.legalRepresentative, idLongTerm: false, idValidTo: '2027-06-30' },
    principal: { ...c.principal, idLongTerm: false, idValidTo: '2029-01-15' },
    subject: { ...c.subject, certificateLongTerm: false, certificateValidTo: '2045-03-01' },
    afterApproval: {
      ...c.afterApproval,
      licenceNumber: '沪B2-20260001',
      licenceValidTo: '2031-11-30',
      wentLiveOn: '2026-11-20',
      plannedChanges: [{ id: 'move-office', description: '注册地址迁至浦东新区', on: '2027-05-01' }],
    },
  };
  return recordEvent(c, { status: 'licence_granted', on: '2026-11-30', number: '沪B2-20260001' }, 'g1', NOW);
}

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

describe('obligations', () => {
  it('derives every kind from the case: IDs, certificate, public security, annual report, renewal, change', () => {
    const reminders = buildReminders(licenceHolder(), TODAY);
    const kinds = new Set(reminders.map((r) => r.kind));
    for (const kind of [
      'documentExpiry',
      'publicSecurity',
      'annualReport',
      'annualCorrection',
      'licenceRenewal',
      'licenceRenewalDeadline',
      'changeFiling',
    ])
      expect(kinds, kind).toContain(kind);
    const byUid = (part: string) => reminders.find((r) => r.uid.startsWith(part));
    expect(byUid('public-security')).toMatchObject({ start: '2026-12-20', dueOn: '2026-12-20' });
    expect(byUid('annual-report.2027')).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
    expect(byUid('annual-correction.2027')).toMatchObject({ start: '2027-04-01', end: '2027-04-30' });
    expect(byUid('licence-renewal-deadline')).toMatchObject({ dueOn: '2031-09-01' });
    expect(byUid('licence-renewal.')).toMatchObject({ start: '2031-08-02' });
    expect(byUid('change-filing.move-office')).toMatchObject({ start: '2027-04-01' });
    expect(byUid('id-expiry.legal-representative')).toMatchObject({
      start: '2027-05-31',
      dueOn: '2027-06-30',
    });
    // A person is named in the reader's script: the passport name in English, the Chinese name in Chinese.
    expect(byUid('id-expiry.legal-representative')?.title.en).toBe(
      'ID document of the legal representative (MUELLER ANNA) expires on 2027-06-30',
    );
    expect(byUid('id-expiry.legal-representative')?.title['zh-CN']).toContain('安娜·穆勒');
    expect(reminders.map((r) => r.start)).toEqual([...reminders.map((r) => r.start)].sort());
    expect(reminderState(byUid('public-security')!, TODAY)).toBe('upcoming');
    expect(reminderState(byUid('public-security')!, '2026-12-21')).toBe('overdue');
  });

  it('has no annual report for a filing-only case, and nothing for the public-security filing once done', () => {
    const c = sampleCase(NOW);
    const filed = {
      ...c,
      afterApproval: { ...c.afterApproval, wentLiveOn: '2026-11-20', publicSecurityFiledOn: '2026-11-28' },
    };
    const kinds = buildReminders(filed, TODAY).map((r) => r.kind);
    expect(kinds).not.toContain('annualReport');
    expect(kinds).not.toContain('publicSecurity');
    const numbered = (value: string) => ({
      ...c,
      afterApproval: { ...c.afterApproval, wentLiveOn: '2026-11-20', publicSecurityNumber: value },
    });
    expect(buildReminders(numbered('沪公网安备 31011502000001号'), TODAY).map((r) => r.kind)).not.toContain(
      'publicSecurity',
    );
    // A half-typed number does not count as filed.
    expect(buildReminders(numbered('沪公网安备 3101'), TODAY).map((r) => r.kind)).toContain('publicSecurity');
  });
});

describe('.ics export', () => {
  it('parses back with ical.js: all-day events, bilingual summaries, sources in the description', () => {
    const reminders = buildReminders(licenceHolder(), TODAY);
    const ics = remindersToIcs(reminders, { language: 'zh-CN', now: NOW, calendarName: '澜岸 ICP' });
    const events = parse(ics);
    expect(events).toHaveLength(reminders.length);
    const ps = events.find((e) => e.uid.startsWith('public-security'))!;
    expect(ps.startDate.isDate).toBe(true);
    expect(ps.startDate.toString()).toBe('2026-12-20');
    expect(ps.endDate.toString()).toBe('2026-12-21');
    expect(ps.summary).toContain('公安联网备案截止');
    expect(ps.summary).toContain('Public-security filing due');
    expect(ps.description).toContain('公安部令第33号');
    // Sources are cited as themselves, never as our research files.
    for (const e of events) expect(e.description).not.toMatch(/\.md\b|§/);
    const report = events.find((e) => e.uid.startsWith('annual-report.2027'))!;
    expect([report.startDate.toString(), report.endDate.toString()]).toEqual(['2027-01-01', '2027-04-01']);
    expect(ps.component.getFirstSubcomponent('valarm')).not.toBeNull();
    // RFC 5545 §3.3.6: a duration is P…D or PT…H/M/S or P…W — never a bare 'T' after the days.
    const triggers = ics.split('\r\n').filter((line) => line.startsWith('TRIGGER'));
    expect(triggers).toHaveLength(reminders.length);
    for (const line of triggers)
      expect(line).toMatch(/^TRIGGER(;[A-Z-]+=[A-Z-]+)*:-P(\d+W|\d+D(T\d+H)?|T\d+H(\d+M)?(\d+S)?)$/);
    expect(triggers[0]).toMatch(/:-P(7D|1W|T168H)$/);
    const alarm = ps.component.getFirstSubcomponent('valarm')!;
    const trigger = alarm.getFirstPropertyValue('trigger');
    expect(trigger).toBeInstanceOf(ICAL.Duration);
    expect((trigger as ICAL.Duration).toSeconds()).toBe(-7 * 24 * 3600);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('keeps every UID on re-export after dates change, so calendars update instead of duplicating', () => {
    const first = parse(
      remindersToIcs(buildReminders(licenceHolder(), TODAY), { language: 'en', now: NOW, calendarName: 'x' }),
    );
    const changed = licenceHolder();
    changed.afterApproval = {
      ...changed.afterApproval,
      wentLiveOn: '2026-11-25',
      licenceValidTo: '2031-12-31',
    };
    changed.legalRepresentative = { ...changed.legalRepresentative, idValidTo: '2027-07-31' };
    const second = parse(
      remindersToIcs(buildReminders(changed, TODAY), {
        language: 'en',
        now: new Date('2026-12-05T00:00:00Z'),
        calendarName: 'x',
      }),
    );
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    const ps = second.find((e) => e.uid.startsWith('public-security'))!;
    expect(ps.startDate.toString()).toBe('2026-12-25');
    expect(ps.summary.startsWith('Public-security filing due')).toBe(true);
  });
});

describe('lifecycle reminders', () => {
  it('carry every lifecycle deadline: report window from the province notice, April, May, renewal, changes', () => {
    let c = licenceHolderCase();
    c = { ...c, subject: { ...c.subject, province: '500000' } };
    c = recordChange(
      c,
      { kind: 'name', registeredOn: '2026-11-27', name: '深圳市云帆学堂科技有限公司' },
      'rename',
      NOW,
    );
    const reminders = buildReminders(c, TODAY);
    const byUid = (part: string) => reminders.filter((r) => r.uid.startsWith(part));
    // The 2025 report (granted 2025-12-01): the window, the April correction and the May bad list.
    expect(byUid('annual-report.2026.')[0]).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(byUid('annual-correction.2026.')[0]).toMatchObject({ start: '2026-04-01', end: '2026-04-30' });
    expect(byUid('annual-publication.2026.')[0]).toMatchObject({ start: '2026-05-01', end: '2026-05-31' });
    // The licence change 30 calendar days after the registration (a Sunday stays a Sunday).
    expect(byUid('licence-change.rename.')[0]).toMatchObject({ kind: 'licenceChange', dueOn: '2026-12-27' });
    // The filing change of the website, 30 days before the change.
    expect(byUid('filing-change.rename.svc-web-1.')[0]).toMatchObject({
      kind: 'filingChange',
      dueOn: '2026-10-28',
    });
    expect(byUid('licence-renewal-deadline')[0]?.dueOn).toBe('2030-09-02');

    // A report marked submitted needs no reminder; a filed licence change neither.
    const filed = withAnnualReport(c, 2025, (r) => ({ ...r, submittedOn: '2026-03-10' }));
    filed.lifecycle.changes[0]!.licenceChangeFiledOn = '2026-12-02';
    const after = buildReminders(filed, TODAY).map((r) => r.uid);
    expect(after.some((uid) => uid.startsWith('annual-report.2026.'))).toBe(false);
    expect(after.some((uid) => uid.startsWith('licence-change.'))).toBe(false);
    expect(after.some((uid) => uid.startsWith('annual-report.2027.'))).toBe(true);
  });
});
