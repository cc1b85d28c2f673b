/**
 * Case store: a case with 20 scans totalling ~47 MB (A4 pages at 300 dpi of sensor-like noise: whole JPEGs,
 * as the store decodes every attached image to its last pixel, that neither compress nor dedupe — the worst
 * case for encryption and export). Measures adding the scans, saving the case
 * document, reopening it in a fresh store (document, then every scan decrypted and hash-checked), export and
 * import of the `.icpcase`, the passphrase unlock, and the peak RSS of the whole run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { CaseStore } from '../host/store/case-store';
import { PassphraseKeyProvider } from '../host/store/keys';
import { paperNoise } from './paper-noise';
import { peakRssMb } from './peak-rss';
import { medianMs, type Bench, type BenchResult } from './run';

const SCANS = 20;

/** A4 at 300 dpi (2480 × 3508) of light paper with sensor noise, `seed` making each one different. */
async function scan(seed: number): Promise<Buffer> {
  const width = 2480;
  const height = 3508;
  const pixels = paperNoise(width, height, seed, 200, 48);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 86 })
    .toBuffer();
}

const elapsed = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function run(): Promise<BenchResult[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'icp-bench-store-'));
  try {
    const keyProvider = new PassphraseKeyProvider('bench passphrase');
    const store = new CaseStore({ root, keyProvider });
    const unlockMs = await elapsed(() => store.unlock());
    const created = await store.create({ name: 'Bench case 基准' });

    const scans: Buffer[] = [];
    for (let i = 0; i < SCANS; i++) scans.push(await scan(0x2545f491 + i * 0x9e3779b9));
    const addTimes: number[] = [];
    for (const [i, bytes] of scans.entries()) {
      addTimes.push(
        await elapsed(() =>
          store.addAttachment(created.id, {
            checklistItemId: `item-${i}`,
            fileName: `扫描件 ${i + 1}.jpg`,
            bytes,
          }),
        ),
      );
    }
    const totalMb = scans.reduce((n, s) => n + s.length, 0) / 1024 / 1024;

    let current = (await store.open(created.id)).case;
    let edit = 0;
    const saveMs = await medianMs(async () => {
      current = await store.save({ ...current, subject: { ...current.subject, remarks: `edit ${edit++}` } });
    }, 20);

    const reopenDocMs = await medianMs(() => new CaseStore({ root, keyProvider }).open(created.id), 5, 1);
    const reopened = new CaseStore({ root, keyProvider });
    await reopened.unlock();
    const reopenDocOnlyMs = await medianMs(() => reopened.open(created.id), 20);
    const reopenAllMs = await medianMs(
      async () => {
        const { case: c } = await reopened.open(created.id);
        for (const a of c.attachments) await reopened.readAttachment(c.id, a.id);
      },
      5,
      1,
    );

    let exported: Uint8Array = new Uint8Array();
    const exportMs = await elapsed(async () => {
      exported = (await store.exportCase(created.id)).bytes;
    });
    const importMs = await elapsed(() => store.importCase(exported));

    const sorted = [...addTimes].sort((a, b) => a - b);
    return [
      { label: `attachments added (${SCANS} files)`, value: totalMb, unit: 'MB' },
      {
        label: 'attachment add, median per file (sniff, SHA-256, encrypt, write, save case)',
        value: sorted[Math.floor(SCANS / 2)] ?? NaN,
        unit: 'ms',
      },
      { label: `attachment add, all ${SCANS}`, value: addTimes.reduce((a, b) => a + b, 0), unit: 'ms' },
      { label: 'save case document with 20 attachments (median of 20)', value: saveMs, unit: 'ms' },
      {
        label: 'reopen in a fresh store incl. passphrase unlock (median of 5)',
        value: reopenDocMs,
        unit: 'ms',
      },
      { label: 'reopen case document, store unlocked (median of 20)', value: reopenDocOnlyMs, unit: 'ms' },
      {
        label: 'reopen case + decrypt and hash-check all 20 scans (median of 5)',
        value: reopenAllMs,
        unit: 'ms',
      },
      { label: 'passphrase unlock (scrypt N=2^16, r=8)', value: unlockMs, unit: 'ms' },
      {
        label: `export .icpcase (${(exported.length / 1024 / 1024).toFixed(1)} MB)`,
        value: exportMs,
        unit: 'ms',
      },
      { label: 'import .icpcase (all checks, re-encrypt, write)', value: importMs, unit: 'ms' },
      { label: 'peak RSS of the bench process', value: peakRssMb(), unit: 'MB' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const benches: Bench[] = [{ name: 'store: save and reopen a case with 20 scans (~47 MB)', run }];
