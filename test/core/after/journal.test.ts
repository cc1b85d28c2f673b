import { describe, expect, it } from 'vitest';
import {
  checkNewEvent,
  currentTimer,
  nextEvents,
  openReasons,
  packetVersions,
  recordEvent,
  setReasonResolved,
} from '../../../core/after/journal';
import { sampleCase } from '../../../core/model';

const NOW = new Date('2026-09-20T02:00:00Z');

function submittedCase() {
  let c = sampleCase(NOW);
  c = {
    ...c,
    exports: [
      {
        at: NOW.toISOString(),
        folderName: 'p1',
        profile: 'wechat',
        fileCount: 9,
        manifestSha256: 'a'.repeat(64),
      },
    ],
  };
  return recordEvent(
    c,
    { status: 'submitted', on: '2026-09-21', packetManifestSha256: 'a'.repeat(64) },
    'e1',
    NOW,
  );
}

describe('status journal', () => {
  it('offers the filing events in order, and the licence events on the licence track', () => {
    const c = sampleCase(NOW);
    expect(nextEvents(c.journal, 'filing')).toEqual(['submitted']);
    expect(nextEvents(c.journal, 'licence')).toEqual(['licence_accepted']);
    expect(nextEvents(submittedCase().journal, 'filing')).toEqual([
      'provider_passed',
      'provider_returned',
      'withdrawn',
    ]);
  });

  it('refuses a date before the previous event, a malformed date and an event not allowed now', () => {
    const c = submittedCase();
    expect(
      checkNewEvent(c.journal, 'filing', { status: 'provider_passed', on: '2026-09-19' }, '2026-09-30'),
    ).toEqual([{ field: 'on', code: 'dateBeforePrevious', previous: '2026-09-21' }]);
    expect(
      checkNewEvent(c.journal, 'filing', { status: 'provider_passed', on: '2026-9-22' }, '2026-09-30'),
    ).toEqual([{ field: 'on', code: 'dateInvalid' }]);
    expect(
      checkNewEvent(
        c.journal,
        'filing',
        { status: 'approved', on: '2026-09-22', number: '沪ICP备2026012345号' },
        '2026-09-30',
      )[0],
    ).toEqual({
      field: 'status',
      code: 'notAllowed',
    });
    expect(
      checkNewEvent(c.journal, 'filing', { status: 'provider_passed', on: '2026-10-22' }, '2026-09-30'),
    ).toEqual([{ field: 'on', code: 'dateInFuture' }]);
  });

  it('needs reasons for a return, and keeps them attached to field paths until resolved', () => {
    let c = submittedCase();
    expect(
      checkNewEvent(
        c.journal,
        'filing',
        { status: 'provider_returned', on: '2026-09-22', reasons: [] },
        '2026-09-30',
      ),
    ).toEqual([{ field: 'reasons', code: 'reasonsMissing' }]);
    const reasons = [
      { path: 'subject.certificateAddress', text: '住所与营业执照不一致', resolved: false },
      { path: 'services.0.name', text: '名称含有“商城”需补充说明', resolved: false },
    ];
    expect(
      checkNewEvent(
        c.journal,
        'filing',
        { status: 'provider_returned', on: '2026-09-22', reasons },
        '2026-09-30',
      ),
    ).toEqual([]);
    c = recordEvent(c, { status: 'provider_returned', on: '2026-09-22', reasons }, 'e2', NOW);
    expect(openReasons(c.journal).map((r) => r.reason.path)).toEqual([
      'subject.certificateAddress',
      'services.0.name',
    ]);
    c = setReasonResolved(c, 'e2', 0, true);
    expect(openReasons(c.journal).map((r) => r.reason.path)).toEqual(['services.0.name']);
    expect(nextEvents(c.journal, 'filing')).toContain('submitted');
  });

  it('validates the approval number with the ICP-number validator and fills the go-live kit', () => {
    let c = recordEvent(submittedCase(), { status: 'provider_passed', on: '2026-09-23' }, 'e3', NOW);
    const bad = checkNewEvent(
      c.journal,
      'filing',
      { status: 'approved', on: '2026-10-09', number: '沪ICP备2026012345' },
      '2026-10-30',
    );
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ field: 'number', code: 'numberInvalid' });
    if (bad[0]?.field === 'number') expect(bad[0].issues[0]?.code).toBe('icpNumber.missingHao');
    c = recordEvent(
      c,
      { status: 'approved', on: '2026-10-09', number: '沪ICP备 2026012345号-1X' },
      'e4',
      NOW,
    );
    expect(c.journal.at(-1)?.number).toBe('沪ICP备2026012345号-1X');
    expect(c.afterApproval.filingNumber).toBe('沪ICP备2026012345号');
    expect(nextEvents(c.journal, 'filing')).toEqual([]);
  });

  it('times each wait: provider 2 working days, SMS 24 hours, provincial review 20 working days', () => {
    let c = submittedCase(); // Monday 2026-09-21
    expect(currentTimer(c.journal, 'filing', '2026-09-22')).toMatchObject({
      deadline: '2026-09-23',
      workingDaysLeft: 1,
      overdue: false,
    });
    c = recordEvent(c, { status: 'sms_verification', on: '2026-09-24' }, 'x', NOW);
    // not allowed from submitted, but the timer reads whatever was recorded last
    expect(currentTimer(c.journal, 'filing', '2026-09-24')).toMatchObject({
      deadline: '2026-09-25',
      calendarDaysLeft: 1,
    });
    c = recordEvent(c, { status: 'authority_review', on: '2026-09-24' }, 'y', NOW);
    const timer = currentTimer(c.journal, 'filing', '2026-10-08');
    expect(timer).toMatchObject({ deadline: '2026-10-29', estimate: false, overdue: false });
    // 9, 10 (Saturday working day), 12–16, 19–23, 26–29
    expect(timer?.workingDaysLeft).toBe(16);
    expect(currentTimer(c.journal, 'filing', '2026-11-02')).toMatchObject({
      overdue: true,
      workingDaysLeft: -2,
    });
  });

  it('lists every packet version with the day it was sent', () => {
    const c = submittedCase();
    expect(packetVersions(c)).toEqual([{ version: 1, record: c.exports[0], sentOn: ['2026-09-21'] }]);
  });
});
