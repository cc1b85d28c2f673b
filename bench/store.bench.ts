/**
 * Case store: a case with 20 scans totalling ~47 MB (JPEG headers over random bytes, which neither compress
 * nor dedupe — the worst case for encryption and export). Measures adding the scans, saving the case
 * document, reopening it in a fresh store (document, then every scan decrypted and hash-checked), export and
 * import of the `.icpcase`, the passphrase unlock, and the peak RSS of the whole run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CaseStore } from '../host/store/case-store';
import { PassphraseKeyProvider } from '../host/store/keys';
import { medianMs, type Bench, type BenchResult } from './run';

const SCANS = 20;
const TOTAL_BYTES = 47 * 1024 * 1024;

/** A JPEG header (SOI, APP0, SOF0 2480×3508 = A4 at 300 dpi, SOS) followed by incompressible bytes. */
function scan(bytes: number): Buffer {
  const header = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00,
    0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x0d, 0xb4, 0x09, 0xb0, 0x03, 0x01, 0x22, 0x00, 0x02,
    0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00,
    0x3f, 0x00,
  ]);
  return Buffer.concat([header, randomBytes(bytes - header.length - 2), Buffer.from([0xff, 0xd9])]);
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

    const scans = Array.from({ length: SCANS }, () => scan(Math.floor(TOTAL_BYTES / SCANS)));
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
      { label: 'peak RSS of the bench process', value: process.resourceUsage().maxRSS / 1024, unit: 'MB' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export const benches: Bench[] = [{ name: 'store: save and reopen a case with 20 scans (~47 MB)', run }];
