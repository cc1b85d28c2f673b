/**
 * `reminders:export` on a real encrypted store: the renderer sends a case id and a language, main picks the
 * file through its own dialog and writes an .ics that an independent parser reads back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { calendarFileName } from '../../../electron/ipc/after';
import type { HandlerDeps } from '../../../electron/ipc/handlers';
import { removeTempDirs, tempDir } from '../../host/store/helpers';
import { tempHandlers, value } from './harness';

afterEach(removeTempDirs);

async function setUp(dialog: HandlerDeps['showCalendarSaveDialog']) {
  const { h } = await tempHandlers('icp-after-ipc-', dialog ? { showCalendarSaveDialog: dialog } : {});
  const created = value(await h['case:create']({ name: 'Shop / 澜岸: "x"' }));
  value(
    await h['case:save']({
      case: {
        ...created,
        afterApproval: { ...created.afterApproval, wentLiveOn: '2026-11-20', licenceValidTo: '2031-11-30' },
      },
    }),
  );
  return { h, id: created.id };
}

describe('reminders:export', () => {
  it('writes the .ics where the dialog says, in the chosen language first', async () => {
    const outDir = await tempDir('icp-after-out-');
    let proposed = '';
    const { h, id } = await setUp(async ({ defaultFileName }) => {
      proposed = defaultFileName;
      return path.join(outDir, defaultFileName);
    });
    const result = value(await h['reminders:export']({ caseId: id, language: 'zh-CN', today: '2026-12-03' }));
    expect(result).toEqual({ saved: true, fileName: proposed, count: 3 });
    expect(proposed).toBe('Shop 澜岸 x reminders.ics');
    const events = new ICAL.Component(ICAL.parse(await readFile(path.join(outDir, proposed), 'utf8')))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary.split(' / ')[0])).toEqual([
      '公安联网备案截止（网站于 2026-11-20 开通）',
      '准备许可证续期（最迟 2031-09-01 前申请）',
      '许可证续期申请截止日（到期日 2031-11-30）',
    ]);
  });

  it('saves nothing when the dialog is cancelled, and refuses a payload with a path in it', async () => {
    const { h, id } = await setUp(async () => undefined);
    expect(value(await h['reminders:export']({ caseId: id, language: 'en' }))).toEqual({ saved: false });
    expect(await h['reminders:export']({ caseId: id, language: 'en', path: '/tmp/x.ics' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
    expect(await h['reminders:export']({ caseId: '../etc', language: 'en' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
  });

  it('names the file after the case without characters a file system refuses', () => {
    expect(calendarFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j reminders.ics');
    expect(calendarFileName('   ')).toBe('ICP reminders.ics');
  });
});
