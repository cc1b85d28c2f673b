/**
 * The scan worker as it ships: dist/electron/scan-worker.cjs built the way `npm run build` builds it, run in
 * a worker thread by the main process's own client, with the resources folder passed in (the bundle sits in
 * a folder of its own, far from resources/, as it does in an installed app). It tells which way up a scan
 * is, reads one, stops one on request and goes on serving; the main bundle carries none of the recogniser.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../host/ocr/errors';
import { workerScanPort } from '../../host/ocr/scan-worker-client';
import type { ScanPort } from '../../host/ocr/scan-port';
import { ID_FRONT, degrade, idBackScan, idFrontScan, licenceScan } from '../../host/sample/synthetic-scans';

const root = path.resolve(__dirname, '../..');
let outdir: string;
let port: ScanPort;

beforeAll(async () => {
  // Inside the project (dist/ is ignored) so that the bundle's require('sharp') finds node_modules, as the
  // packed app's does.
  await mkdir(path.join(root, 'dist'), { recursive: true }); // a fresh checkout has no build yet
  outdir = await mkdtemp(path.join(root, 'dist', 'test-scan-worker-'));
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], {
    cwd: root,
  });
  port = workerScanPort(path.join(outdir, 'scan-worker.cjs'), path.join(root, 'resources'));
}, 120_000);

afterAll(async () => {
  await port?.close();
  await rm(outdir, { recursive: true, force: true });
});

async function requiredModules(file: string): Promise<string[]> {
  const code = await readFile(path.join(outdir, file), 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort();
}

describe('the scan worker bundle', { timeout: 180_000 }, () => {
  it('requires only Node built-ins and sharp; main carries none of the recogniser', async () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    expect((await requiredModules('scan-worker.cjs')).filter((m) => !builtins.has(m))).toEqual(['sharp']);
    const main = await readFile(path.join(outdir, 'main.cjs'), 'utf8');
    // zxing-wasm is in main on purpose: it writes and reads the marks of the documents printed for signing
    // (host/qr), its .wasm read from <resources>/ocr like the worker's.
    expect(main).not.toMatch(/onnxruntime|InferenceSession/);
  });

  it('tells a scan lying on its side, reads one, stops one on request, and goes on serving', async () => {
    expect(await port.orient(new Uint8Array(await degrade(await idBackScan(), 'sideways')))).toMatchObject({
      rotation: 90,
      lines: expect.any(Number),
    });

    const read = await port.read({ bytes: new Uint8Array(await idFrontScan()), today: '2026-12-07' });
    expect(read.reading?.kind).toBe('id_card_front');
    expect(Object.fromEntries(read.reading!.fields.map((f) => [f.key, f.value]))).toEqual(ID_FRONT);
    expect(read.rotation).toBe(0);
    // Crops cross the thread as JPEG bytes.
    expect([...read.crops.idNumber!.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    // One request at a time: the licence starts when the orientation before it is answered, and is stopped
    // there, mid-way.
    const stop = new AbortController();
    const first = port.orient(new Uint8Array(await idFrontScan()));
    const licence = port.read(
      { bytes: new Uint8Array(await licenceScan()), kind: 'business_licence', today: '2026-12-07' },
      stop.signal,
    );
    await first;
    stop.abort();
    await expect(licence).rejects.toBeInstanceOf(CancelledError);

    // Still serving after the cancel.
    expect((await port.orient(new Uint8Array(await idFrontScan()))).rotation).toBe(0);
  });
});
