/**
 * The jobs of the packet bench's child processes (bench/packet.bench.ts), one job per process so each peak RSS
 * is that job's alone:
 *
 *   attach <caseDir> <storeDir>            puts the scans of <caseDir> into a fresh case store the way the app's
 *                                          `attachment:add` does (store + normalised copies), then the licence
 *                                          case; prints the attach times
 *   export <storeDir> <outDir> <runs> <now>  builds the stored case's packet (folder and zip) `runs` times after
 *                                          one warm-up, dated `now` (ISO) so old and new can be compared byte
 *                                          for byte; prints timings and the peak RSS
 *
 * The code under test is a tree (`codeRoot`): this checkout (`new`) or the baseline revision extracted by
 * bench/baseline.ts (`old`). Its modules come through `load`, by their path from the tree's root: from the
 * bundle bench/packet-bundle.ts makes of that tree (as the app runs its code), or from the sources under tsx
 * (bench/packet-worker.ts, for CPU profiles that name the project's files).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { peakRssMb } from './peak-rss';
import type { AttachmentMeta, Case } from '../core/model/case';
import type * as GateModule from '../core/packet/gate';
import type * as PreflightModule from '../core/rules/preflight';
import type * as ExportModule from '../host/packet/export-packet';
import type * as ScanCacheModule from '../host/packet/scan-cache';
import type * as ScanMarksModule from '../host/signing/scan-marks';
import type * as WriteModule from '../host/packet/write-packet';
import type * as CaseStoreModule from '../host/store/case-store';
import type * as KeysModule from '../host/store/keys';

/** A module of the code under test, by its path from the tree's root; `{}` for one the tree does not have. */
export type ModuleLoader = <T>(file: string) => Promise<T>;

/** Every module a job loads, by its path from the tree's root. */
export const PACKET_JOB_MODULES = [
  'core/rules/preflight.ts',
  'core/packet/gate.ts',
  'host/store/case-store.ts',
  'host/store/keys.ts',
  'host/packet/scan-cache.ts',
  'host/signing/scan-marks.ts',
  'host/packet/export-packet.ts',
  'host/packet/write-packet.ts',
] as const;

export async function runPacketJob(
  load: ModuleLoader,
  codeRoot: string,
  job: string,
  args: string[],
): Promise<void> {
  const { checkCase } = await load<typeof PreflightModule>('core/rules/preflight.ts');
  const { assertExportable } = await load<typeof GateModule>('core/packet/gate.ts');
  const { CaseStore } = await load<typeof CaseStoreModule>('host/store/case-store.ts');
  const { PassphraseKeyProvider } = await load<typeof KeysModule>('host/store/keys.ts');
  const { ScanCache, storeScanStore } = await load<typeof ScanCacheModule>('host/packet/scan-cache.ts');
  // Where the app keeps a signed scan's marks read at attach (none in a baseline older than that).
  const marksModule: Partial<typeof ScanMarksModule> = await load<typeof ScanMarksModule>(
    'host/signing/scan-marks.ts',
  );
  // The bench measures packets, not scrypt: the lowest cost the store accepts.
  const keyProvider = new PassphraseKeyProvider('bench', { costLog2: 10 });
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  /** The code's resources/ (the document fonts), as the CLI's bin script passes it. */
  const resourcesDir = path.join(codeRoot, 'resources');

  /**
   * With `BENCH_CPU_PROFILE=<file.cpuprofile>`, a CPU profile of the warm builds only (the first build and
   * the module loading left out), for Chrome DevTools or `node bench/profile-summary.mjs <file>`.
   */
  async function profileTo(file: string | undefined): Promise<{ stop: () => Promise<void> }> {
    if (!file) return { stop: async () => {} };
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    return {
      stop: async () => {
        const { profile } = await session.post('Profiler.stop');
        await writeFile(file, JSON.stringify(profile));
        session.disconnect();
      },
    };
  }

  if (job === 'attach') {
    const [caseDir = '', storeDir = ''] = args;
    const planned = JSON.parse(await readFile(path.join(caseDir, 'case.json'), 'utf8')) as Case;
    // The planned case's id and time, so the old and new stores hold the same case and build the same packet.
    const store = new CaseStore({
      root: storeDir,
      keyProvider,
      newId: () => planned.id,
      now: () => new Date(planned.createdAt),
    });
    const created = await store.create({ name: planned.name });
    const cache = new ScanCache(storeScanStore(store, created.id), async (id) => {
      const { bytes } = await store.readAttachment(created.id, id);
      return new Uint8Array(bytes);
    });
    const times: number[] = [];
    /** CPU time of each attach, all threads (libvips encodes on its own). */
    const cpuTimes: number[] = [];
    const attached: AttachmentMeta[] = [];
    for (const meta of planned.attachments) {
      const bytes = await readFile(path.join(caseDir, 'attachments', `${meta.id}.jpg`));
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      // What `attachment:add` does: store the original, then make its normalised copies. A signed document's
      // page comes with the signed copy its marks were read as when the bench drew it (packet.bench.ts); its
      // marks are read again by every build, and it is not one of the 20 scans timed here.
      const { attachment } = await store.addAttachment(created.id, {
        checklistItemId: meta.checklistItemId,
        fileName: meta.originalName,
        bytes,
        ...(meta.signedCopy ? { signedCopy: meta.signedCopy } : {}),
        // The check that makes the normalised copy meanwhile, as attachment:add passes it (none in older code).
        ...('checkImage' in cache ? { checkImage: cache.checkImage } : {}),
      });
      await cache.prepare(attachment);
      // attachment:add has read the signed scan's marks to check it; the app keeps them beside it.
      if (meta.signedCopy && marksModule.storeScanMarksNotes && marksModule.keepScanMarks) {
        const marks = await marksModule.readScanMarks!(bytes, attachment.mediaType);
        await marksModule.keepScanMarks(
          marksModule.storeScanMarksNotes(store, created.id),
          attachment.id,
          attachment.mediaType,
          marks,
        );
      }
      if (!meta.signedCopy) {
        times.push(performance.now() - t0);
        const cpu = process.cpuUsage(cpu0);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
      attached.push(attachment);
    }
    const current = (await store.open(created.id)).case;
    await store.save({ ...planned, id: created.id, createdAt: current.createdAt, attachments: attached });
    await writeFile(path.join(storeDir, 'case-id'), created.id);
    print({ attachMs: times, attachCpuMs: cpuTimes, peakRssMb: peakRssMb() });
  } else if (job === 'export') {
    const [storeDir = '', outDir = '', runsArg = '3', nowArg = '2026-11-25T08:00:00.000Z'] = args;
    const store = new CaseStore({ root: storeDir, keyProvider });
    const id = (await readFile(path.join(storeDir, 'case-id'), 'utf8')).trim();
    const c = (await store.open(id)).case;
    const readAttachment = async (meta: AttachmentMeta) =>
      new Uint8Array((await store.readAttachment(id, meta.id)).bytes);

    const { assembleCasePacket } = await load<typeof ExportModule>('host/packet/export-packet.ts');
    const { writePacket, replacedPacketsRemoved } = await load<Partial<typeof WriteModule>>(
      'host/packet/write-packet.ts',
    );
    if (!writePacket) throw new Error('host/packet/write-packet.ts has no writePacket');
    const cache = new ScanCache(storeScanStore(store, id), async (sourceId) => {
      const { bytes } = await store.readAttachment(id, sourceId);
      return new Uint8Array(bytes);
    });
    const buildOnce = async () => {
      // The export gate, as `packet:build` runs it: a bench case the app would refuse fails the bench.
      assertExportable(checkCase(c, { today: nowArg.slice(0, 10) }), false);
      const now = new Date(nowArg);
      const { packet } = await assembleCasePacket({
        case: c,
        readAttachment,
        prepareScan: (meta, profile) => cache.scanSource(meta, profile),
        ...(marksModule.storeScanMarksNotes ? { scanMarks: marksModule.storeScanMarksNotes(store, id) } : {}),
        profile: 'aliyun',
        now,
        appVersion: 'bench',
        resourcesDir,
      });
      await writePacket(packet, { outDir, zip: true, replace: true, now });
      return {
        files: packet.files.length,
        bytes: packet.files.reduce((sum, f) => sum + ('lazy' in f ? f.lazy.size : f.bytes.length), 0),
      };
    };

    const timed = async () => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await buildOnce();
      const cpu = process.cpuUsage(cpu0);
      // The packet this build replaced is deleted after the export returned (write-packet.ts); not timed,
      // as the user does not wait for it, and finished before the next build so it does not slow that one.
      await replacedPacketsRemoved?.();
      // CPU time of the whole process (main thread and libuv/libvips threads): less sensitive to a busy machine.
      return { ...result, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    const cold = await timed();
    const warm: number[] = [];
    const warmCpu: number[] = [];
    let last = cold;
    const profile = await profileTo(process.env.BENCH_CPU_PROFILE);
    for (let i = 0; i < Number(runsArg); i++) {
      last = await timed();
      warm.push(last.ms);
      warmCpu.push(last.cpuMs);
    }
    await profile.stop();
    print({
      coldMs: cold.ms,
      warmMs: warm,
      warmCpuMs: warmCpu,
      files: last.files,
      packetBytes: last.bytes,
      // The kernel's high-water mark: the true peak, even inside synchronous PDF work.
      peakRssMb: peakRssMb(),
    });
  } else {
    throw new Error(`unknown job ${job}`);
  }
}
