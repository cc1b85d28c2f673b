/**
 * `annualReport:saveSheet`, `renewal:build` and `change:build` on a real encrypted store: the renderer sends
 * ids only, main reads the stored case, asks with its own dialogs, asks before replacing a packet, and writes.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { recordChange } from '../../../core/after/changes';
import type { HandlerDeps } from '../../../electron/ipc/handlers';
import { sheetFileName } from '../../../electron/ipc/lifecycle';
import { licenceHolderCase } from '../../fixtures/lifecycle';
import { compact, extractText } from '../../core/documents/pdf-reader';
import { removeTempDirs, tempDir } from '../../host/store/helpers';
import { tempHandlers, value } from './harness';

afterEach(removeTempDirs);

async function setUp(overrides: Partial<HandlerDeps>) {
  const { h } = await tempHandlers('icp-lifecycle-ipc-', overrides);
  const created = value(await h['case:create']({ name: 'Yunfan / 云帆' }));
  const holder = recordChange(
    licenceHolderCase(),
    { kind: 'registered_capital', registeredOn: '2026-11-20', registeredCapitalCny: 20_000_000 },
    'chg-cap',
    new Date('2026-11-21T00:00:00Z'),
  );
  value(await h['case:save']({ case: { ...holder, id: created.id, name: created.name } }));
  return { h, id: created.id };
}

describe('lifecycle handlers', { timeout: 60_000 }, () => {
  it('saves the annual report sheet where the Save dialog says, with the dry run’s counts', async () => {
    const outDir = await tempDir('icp-lifecycle-sheet-');
    let proposed = '';
    const { h, id } = await setUp({
      showSheetSaveDialog: async ({ defaultFileName }) => {
        proposed = defaultFileName;
        return path.join(outDir, defaultFileName);
      },
    });
    const saved = value(await h['annualReport:saveSheet']({ caseId: id, year: 2025, today: '2026-02-10' }));
    expect(proposed).toBe(sheetFileName('Yunfan / 云帆', 2025));
    expect(proposed).toBe('Yunfan 云帆 annual report 2025 年报对照表.pdf');
    // The capital change registered on 2026-11-20 is not on the licence yet: one warning more.
    expect(saved).toEqual({ saved: true, fileName: proposed, errors: 0, warnings: 2 });
    expect((await readFile(path.join(outDir, proposed))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('builds the renewal and change packets into the chosen folder, and asks before replacing one', async () => {
    const outDir = await tempDir('icp-lifecycle-packets-');
    const asked: string[] = [];
    const { h, id } = await setUp({
      showPacketFolderDialog: async () => outDir,
      confirmReplacePacket: async (existing) => {
        asked.push(existing);
        return true;
      },
    });
    const renewal = value(await h['renewal:build']({ caseId: id, today: '2030-08-10' }));
    expect(renewal).toMatchObject({ built: true, fileCount: 8 });
    const change = value(await h['change:build']({ caseId: id, changeId: 'chg-cap', today: '2026-11-25' }));
    expect(change).toMatchObject({ built: true, fileCount: 6 });
    expect((await readdir(outDir)).sort()).toEqual([
      expect.stringMatching(/-change-capital-\d{8}$/),
      expect.stringMatching(/-renewal-\d{8}$/),
    ]);
    value(await h['change:build']({ caseId: id, changeId: 'chg-cap', today: '2026-11-25' }));
    expect(asked).toHaveLength(1);
  });

  it('refuses the renewal packet and the annual report sheet of an ICP filing, writing nothing', async () => {
    const outDir = await tempDir('icp-lifecycle-filing-');
    const { h, id } = await setUp({
      showPacketFolderDialog: async () => outDir,
      showSheetSaveDialog: async ({ defaultFileName }) => path.join(outDir, defaultFileName),
    });
    const holder = value(await h['case:open']({ id })).case;
    value(
      await h['case:save']({
        case: {
          ...holder,
          afterApproval: { ...holder.afterApproval, licenceNumber: '' },
          journal: holder.journal.filter((e) => e.status !== 'licence_granted'),
        },
      }),
    );
    expect(await h['renewal:build']({ caseId: id, today: '2030-08-10' })).toMatchObject({
      ok: false,
      code: 'noLicence',
    });
    expect(await h['annualReport:saveSheet']({ caseId: id, year: 2025 })).toMatchObject({
      ok: false,
      code: 'noLicence',
    });
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses an unknown change, a path in the payload, and builds nothing when the dialog is cancelled', async () => {
    const { h, id } = await setUp({
      showPacketFolderDialog: async () => undefined,
      showSheetSaveDialog: async () => undefined,
    });
    expect(await h['change:build']({ caseId: id, changeId: 'nope' })).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    expect(value(await h['change:build']({ caseId: id, changeId: 'chg-cap' }))).toEqual({ built: false });
    expect(value(await h['renewal:build']({ caseId: id }))).toEqual({ built: false });
    expect(value(await h['annualReport:saveSheet']({ caseId: id, year: 2025 }))).toEqual({ saved: false });
    expect(await h['renewal:build']({ caseId: id, outDir: '/tmp' })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
    expect(await h['annualReport:saveSheet']({ caseId: id, year: 1999 })).toMatchObject({
      ok: false,
      code: 'invalidPayload',
    });
  });
});

describe('renewal:build dates its documents (review 9)', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('by China’s calendar, as the packet folder and its 目录 are, not by this computer’s day', async () => {
    const outDir = await tempDir('icp-lifecycle-dated-');
    const { h, id } = await setUp({ showPacketFolderDialog: async () => outDir });
    // 20:00 UTC on 7 December is already 8 December in China; the renderer sends its own day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T20:00:00Z'));
    value(await h['renewal:build']({ caseId: id, today: '2026-12-07' }));
    const [folder] = await readdir(outDir);
    expect(folder).toMatch(/-renewal-20261208$/);
    const bytes = await readFile(path.join(outDir, folder!, '01 增值电信业务经营许可证续期申请表.pdf'));
    const text = compact((await extractText(new Uint8Array(bytes))).items.map((i) => i.text).join(''));
    expect(text).toContain('2026年12月8日');
    expect(text).not.toContain('2026年12月7日');
  });
});
