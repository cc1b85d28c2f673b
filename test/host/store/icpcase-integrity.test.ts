/**
 * Issue 22 point 9: only CRC-32 covered case.json in a plain .icpcase, so an edited company name (with its CRC
 * recomputed, as any zip tool does) imported undetected although the README said "altered" is caught. The
 * manifest now carries case.json's SHA-256. Before the fix the edited archive below imported.
 */
import { createCase } from '../../../core/model/restore';
import { exportCaseArchive, importCaseArchive } from '../../../host/store/icpcase';
import { readZipSafely, writeZip } from '../../../host/store/zip';
import { failure } from './helpers';

const LIMITS = { maxEntries: 10, maxEntryBytes: 1 << 24, maxTotalBytes: 1 << 26 };

async function plainExport(): Promise<Map<string, Uint8Array>> {
  const c = createCase({ id: 'c', name: 'Acme', now: new Date('2026-11-25T08:00:00Z') });
  c.subject.name = '澜岸（上海）家居有限公司';
  return readZipSafely(await exportCaseArchive(c, new Map(), { now: new Date() }), LIMITS);
}

const rezip = (files: Map<string, Uint8Array>) =>
  writeZip([...files].map(([name, data]) => ({ name, data })));
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

describe('a plain .icpcase proves case.json unaltered against its manifest (issue 22 point 9)', () => {
  it('records the SHA-256 of case.json in the manifest', async () => {
    const files = await plainExport();
    expect(JSON.parse(text(files.get('manifest.json')))).toMatchObject({
      caseSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses a case.json edited after export (the zip CRC recomputed)', async () => {
    const files = await plainExport();
    files.set(
      'case.json',
      Buffer.from(text(files.get('case.json')).replace('澜岸（上海）家居有限公司', '另一家（上海）有限公司')),
    );
    expect(await failure(importCaseArchive(rezip(files), {}))).toMatchObject({
      code: 'importInvalid',
      details: { reason: 'checksumMismatch', name: 'case.json' },
    });
  });

  it('still imports an archive made before the checksum existed', async () => {
    const files = await plainExport();
    const manifest = JSON.parse(text(files.get('manifest.json'))) as Record<string, unknown>;
    delete manifest.caseSha256;
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    expect((await importCaseArchive(rezip(files), {})).case.subject.name).toBe('澜岸（上海）家居有限公司');
  });
});
