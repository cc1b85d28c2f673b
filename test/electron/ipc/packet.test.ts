/**
 * `packet:build` / `packet:cancel` / `packet:reveal` on a real encrypted store in a temp folder: the renderer
 * sends a case id, main picks the folder through its own dialog, asks before replacing, reports progress and
 * can be cancelled.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHandlers, type HandlerDeps } from '../../../electron/ipc/handlers';
import { buildSampleCase } from '../../../host/sample/sample-case';
import type { CaseStore } from '../../../host/store/case-store';
import { MARKS_NOTE_KEY } from '../../../host/signing/scan-marks';
import { checkCase } from '../../../core/rules/preflight';
import type { PacketManifest } from '../../../core/packet/types';
import { removeTempDirs, tempDir } from '../../host/store/helpers';
import { tempHandlerDeps, value } from './harness';
import { RESOURCES_DIR } from '../../support/paths';

afterEach(removeTempDirs);

async function setUp(overrides: Partial<HandlerDeps> = {}) {
  const outDir = await tempDir('icp-packet-out-');
  const progress: { step: string; done: number; total: number }[] = [];
  const deps = await tempHandlerDeps('icp-packet-ipc-', {
    showPacketFolderDialog: async () => outDir,
    confirmReplacePacket: vi.fn(async () => false),
    showItemInFolder: vi.fn(),
    onPacketProgress: (p) => progress.push(p),
    ...overrides,
  });
  const h = createHandlers(deps);
  // The sample, entered through the store as the app would: case data, then each scan by drag and drop.
  const sample = await buildSampleCase(new Date('2026-11-25T08:00:00Z'), RESOURCES_DIR);
  const created = value(await h['case:create']({ name: sample.case.name }));
  // The sample's signed letters carry the sample's mark: this case keeps it, so they check as its own.
  const markId = sample.case.markId || sample.case.id;
  value(
    await h['case:save']({
      case: { ...sample.case, id: created.id, markId, attachments: [], acknowledged: [] },
    }),
  );
  for (const [i, meta] of sample.case.attachments.entries()) {
    const file = sample.files[i];
    if (!file) throw new Error('scan missing');
    value(
      await h['attachment:add']({
        caseId: created.id,
        checklistItemId: meta.checklistItemId,
        fileName: meta.originalName,
        bytes: file.bytes,
      }),
    );
  }
  const stored = value(await h['case:open']({ id: created.id })).case;
  return { h, deps, outDir, progress, caseId: created.id, stored };
}

describe('normalised scans', () => {
  it('are made when a scan is attached, one note per scan beside it, and the export reads each once', async () => {
    const { h, deps, caseId, stored, outDir } = await setUp();
    const dir = path.join(deps.userDataDir, 'store', 'cases', caseId, 'attachments');
    const notes = (await readdir(dir)).filter((n) => n.endsWith('.scan.enc'));
    const images = new Set(
      stored.attachments.filter((a) => a.mediaType !== 'application/pdf').map((a) => a.id),
    );
    const marksNotes = notes.filter((n) => n.split('.')[1] === MARKS_NOTE_KEY);
    expect(
      notes
        .filter((n) => !marksNotes.includes(n))
        .map((n) => n.split('.')[0])
        .sort(),
    ).toEqual([...images].sort());
    // The marks of each signed scan, read when it was attached, kept beside it.
    expect(marksNotes.map((n) => n.split('.')[0]).sort()).toEqual(
      stored.attachments
        .filter((a) => a.signedCopy)
        .map((a) => a.id)
        .sort(),
    );

    const warnings = checkCase(stored).filter((i) => i.severity === 'warning');
    value(await h['case:save']({ case: { ...stored, acknowledged: warnings.map((w) => w.key) } }));
    const before = (await readdir(dir)).sort();
    // A later run of the app: nothing read in this process is remembered (fresh modules, fresh store).
    vi.resetModules();
    const later = (await import('../../../electron/ipc/handlers')).createHandlers(deps);
    const { CaseStore: LaterStore } = await import('../../../host/store/case-store');
    // Every decrypting read of a scan (an original or its normalised copy) during the build, whole or streamed.
    const reads: string[] = [];
    const readAttachment = LaterStore.prototype.readAttachment;
    const readDerivedBlob = LaterStore.prototype.readDerivedBlob;
    vi.spyOn(LaterStore.prototype, 'readAttachment').mockImplementation(function (this: CaseStore, ...args) {
      reads.push(args[1]);
      return readAttachment.apply(this, args);
    });
    vi.spyOn(LaterStore.prototype, 'readDerivedBlob').mockImplementation(function (this: CaseStore, ...args) {
      reads.push(args[1]);
      return readDerivedBlob.apply(this, args);
    });
    // Scans streamed into the packet piece by piece: decrypted once each too.
    const derivedBlobPieces = LaterStore.prototype.derivedBlobPieces;
    vi.spyOn(LaterStore.prototype, 'derivedBlobPieces').mockImplementation(function (
      this: CaseStore,
      ...args
    ) {
      reads.push(args[1]);
      return derivedBlobPieces.apply(this, args);
    });
    const built = value(await later['packet:build']({ caseId, profile: 'aliyun' }));
    vi.restoreAllMocks();
    if (!built.built) throw new Error('not built');
    expect(reads.length).toBeGreaterThanOrEqual(images.size);
    expect(reads.filter((id, i) => reads.indexOf(id) !== i)).toEqual([]);
    expect(built.folderPath).toBe(path.join(outDir, built.folderName));
    // Nothing new was normalised: the store's attachments folder is as the attach left it.
    expect((await readdir(dir)).sort()).toEqual(before);
    const manifest = JSON.parse(
      await readFile(path.join(outDir, built.folderName, 'manifest.json'), 'utf8'),
    ) as PacketManifest;
    for (const a of manifest.attachments) {
      const file = manifest.files.find((f) => f.path === a.file);
      const onDisk = await readFile(path.join(outDir, built.folderName, ...a.file.split('/')));
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(file?.sha256);
    }
    // The full packet's hash, learnt while it was written, and manifest.json's own.
    const full = await readFile(path.join(outDir, built.folderName, manifest.fullPacket.file));
    expect(manifest.files.find((f) => f.path === manifest.fullPacket.file)?.sha256).toBe(
      createHash('sha256').update(full).digest('hex'),
    );
    const manifestBytes = await readFile(path.join(outDir, built.folderName, 'manifest.json'));
    expect(built.record.manifestSha256).toBe(createHash('sha256').update(manifestBytes).digest('hex'));
  }, 120_000);

  it('of an imported case are made after the reply when the app runs background work', async () => {
    const background: Promise<unknown>[] = [];
    const { deps, caseId } = await setUp();
    const exported = await tempDir('icp-export-');
    const file = path.join(exported, 'case.icpcase');
    const withDialogs = createHandlers({
      ...deps,
      showSaveDialog: async () => file,
      showOpenDialog: async () => file,
      runInBackground: (work) => background.push(work),
    });
    value(await withDialogs['case:export']({ id: caseId }));
    const imported = value(await withDialogs['case:import']({}));
    if (!imported.imported) throw new Error('not imported');
    expect(background).toHaveLength(1);
    await Promise.all(background);
    const dir = path.join(deps.userDataDir, 'store', 'cases', imported.case.id, 'attachments');
    const notes = (await readdir(dir)).filter((n) => n.endsWith('.scan.enc'));
    expect(notes.length).toBe(
      new Set(imported.case.attachments.filter((a) => a.mediaType !== 'application/pdf').map((a) => a.id))
        .size,
    );
  }, 120_000);
});

describe('packet handlers', () => {
  it('refuse while warnings are unacknowledged, then build into the folder main picked', async () => {
    const { h, outDir, progress, caseId, stored } = await setUp();
    const refused = await h['packet:build']({ caseId, profile: 'wechat' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.code).toBe('unacknowledgedWarnings');
      expect(Number(refused.details?.count)).toBeGreaterThan(0);
    }
    expect(await readdir(outDir)).toEqual([]);

    const warnings = checkCase(stored).filter((i) => i.severity === 'warning');
    value(await h['case:save']({ case: { ...stored, acknowledged: warnings.map((w) => w.key) } }));
    const built = value(await h['packet:build']({ caseId, profile: 'wechat' }));
    if (!built.built) throw new Error('not built');
    expect(built.zip).toBe(true);
    expect(built.record.profile).toBe('wechat');
    expect(built.record.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readdir(outDir)).sort()).toEqual([built.folderName, `${built.folderName}.zip`]);
    expect(await readdir(path.join(outDir, built.folderName))).toContain('manifest.json');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  }, 120_000);

  it('ask before replacing an existing packet, and reveal the last one', async () => {
    const confirmReplacePacket = vi.fn(async () => false);
    const { h, deps, caseId } = await setUp({ confirmReplacePacket });
    const first = value(await h['packet:build']({ caseId, profile: 'aliyun', acceptWarnings: true }));
    if (!first.built) throw new Error('not built');
    const declined = value(await h['packet:build']({ caseId, profile: 'aliyun', acceptWarnings: true }));
    expect(declined).toEqual({ built: false });
    expect(confirmReplacePacket).toHaveBeenCalledTimes(1);
    confirmReplacePacket.mockResolvedValueOnce(true);
    expect(value(await h['packet:build']({ caseId, profile: 'aliyun', acceptWarnings: true })).built).toBe(
      true,
    );

    expect(value(await h['packet:reveal']({ caseId }))).toEqual({ shown: true });
    expect(deps.showItemInFolder).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`${first.folderName}$`)),
    );
  }, 180_000);

  it('stop when cancelled, writing nothing', async () => {
    // The first progress event cancels the export that is running.
    const running: { h?: ReturnType<typeof createHandlers>; caseId: string; cancelled: boolean } = {
      caseId: '',
      cancelled: false,
    };
    const setup = await setUp({
      onPacketProgress: () => {
        if (running.cancelled || !running.h) return;
        running.cancelled = true;
        void running.h['packet:cancel']({ caseId: running.caseId });
      },
    });
    running.h = setup.h;
    running.caseId = setup.caseId;
    const { h, caseId } = setup;
    const result = await h['packet:build']({ caseId, profile: 'wechat', acceptWarnings: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('exportCancelled');
    expect(await readdir(setup.outDir)).toEqual([]);
  }, 120_000);

  it('take only a case id and a known profile — never a path', async () => {
    const { h, caseId } = await setUp();
    const withPath = await h['packet:build']({ caseId, profile: 'wechat', outDir: '/tmp' });
    expect(withPath.ok).toBe(false);
    expect((await h['packet:build']({ caseId, profile: 'baidu' })).ok).toBe(false);
    expect((await h['packet:build']({ caseId: '../etc', profile: 'wechat' })).ok).toBe(false);
    expect(value(await h['packet:cancel']({ caseId }))).toEqual({ cancelled: false });
  }, 60_000);

  it('do nothing when the folder dialog is cancelled', async () => {
    const { h, caseId } = await setUp({ showPacketFolderDialog: async () => undefined });
    expect(value(await h['packet:build']({ caseId, profile: 'wechat', acceptWarnings: true }))).toEqual({
      built: false,
    });
    expect(value(await h['packet:reveal']({ caseId }))).toEqual({ shown: false });
  }, 60_000);
});
