/**
 * After approval (issue 14): the Advertising Law checker on a 20,000-character text, and the .ics export of
 * 50 reminders (building the reminders and writing the calendar).
 */
import { checkAdCopy } from '../core/after/ad-check';
import { remindersToIcs } from '../core/after/ics';
import { buildReminders } from '../core/after/obligations';
import { sampleCase } from '../core/model/sample-case';
import { medianMs, type Bench } from './run';

const COPY =
  '澜岸家居官方旗舰店：北欧实木餐桌，采用最先进的榫卯工艺，全网销量第一！支持七天无理由退货，顺丰包邮。' +
  'The best Nordic furniture in Shanghai, delivered to your door. Solid oak, oiled by hand, two-year warranty. ' +
  '品牌合作推荐：点击链接购买享专属折扣码。';

function adText(length: number): string {
  let text = '';
  while (text.length < length) text += `${COPY}\n`;
  return text.slice(0, length);
}

function caseWithReminders(count: number) {
  const c = sampleCase(new Date('2026-12-03T02:00:00Z'));
  const plannedChanges = Array.from({ length: count }, (_, i) => ({
    id: `change-${i}`,
    description: `第 ${i + 1} 项变更：联系电话、通讯地址或负责人调整`,
    on: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  }));
  return {
    ...c,
    legalRepresentative: { ...c.legalRepresentative, idLongTerm: true },
    principal: { ...c.principal, idLongTerm: true },
    subject: { ...c.subject, certificateLongTerm: true },
    services: c.services.map((s) => ({ ...s, principal: null })),
    afterApproval: { ...c.afterApproval, plannedChanges },
  };
}

export const benches: Bench[] = [
  {
    name: 'after-approval',
    run: async () => {
      const text = adText(20_000);
      const result = checkAdCopy(text);
      if (!result.ok) throw new Error(`ad check refused the bench text: ${result.code}`);
      const ad = await medianMs(() => checkAdCopy(text), 50, 5);

      const c = caseWithReminders(50);
      const reminders = buildReminders(c, '2026-12-03');
      if (reminders.length !== 50) throw new Error(`expected 50 reminders, got ${reminders.length}`);
      const now = new Date('2026-12-03T02:00:00Z');
      const build = () =>
        remindersToIcs(buildReminders(c, '2026-12-03'), { language: 'zh-CN', now, calendarName: c.name });
      const ics = await medianMs(build, 50, 5);
      const bytes = new TextEncoder().encode(build()).length;
      return [
        { label: 'checkAdCopy, 20,000-character listing (median of 50)', value: ad, unit: 'ms' },
        { label: 'findings in that text', value: result.findings.length, unit: 'count' },
        { label: 'buildReminders + .ics export of 50 reminders (median of 50)', value: ics, unit: 'ms' },
        { label: 'size of that .ics', value: bytes / 1024, unit: 'KB' },
      ];
    },
  },
];
