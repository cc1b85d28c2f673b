/**
 * The real recogniser (PP-OCRv4 on onnxruntime-web) on generated scans, clean and degraded: every field must
 * come back exactly. One reader is loaded for the file, as the app's worker keeps one.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanReader, fieldCrops } from '../../../host/ocr/read-scan';
import { ocrResources } from '../../../host/ocr/resources';
import { readQrCodes } from '../../../host/ocr/qr';
import {
  ID_BACK,
  ID_FRONT,
  LICENCE,
  PASSPORT,
  degrade,
  idBackScan,
  idFrontScan,
  licenceScan,
  passportScan,
} from '../../../host/sample/synthetic-scans';
import sharp from 'sharp';

const RESOURCES = path.resolve('resources');
let reader: ScanReader;

beforeAll(async () => {
  reader = await ScanReader.create(RESOURCES);
}, 120_000);
afterAll(() => reader?.release());

const read = async (bytes: Buffer, kind?: Parameters<ScanReader['read']>[1]['kind']) => {
  const result = await reader.read(bytes, { today: '2026-12-07', ...(kind ? { kind } : {}) });
  return {
    ...result,
    values: Object.fromEntries(result.reading?.fields.map((f) => [f.key, f.value]) ?? []),
    failed: result.reading?.checks.filter((c) => c.status === 'fail') ?? [],
  };
};

describe('reading generated scans with the real engine', { timeout: 120_000 }, () => {
  it('business licence, clean: every field, the check character and the QR code', async () => {
    const scan = await licenceScan();
    const result = await read(scan);
    expect(result.reading?.kind).toBe('business_licence');
    expect(result.values).toEqual(LICENCE);
    expect(result.reading?.checks.map((c) => [c.id, c.status])).toEqual([
      ['uscc.checkCharacter', 'pass'],
      ['uscc.qrCode', 'pass'],
    ]);
    // Each value has a crop of the page that shows it.
    const crops = await fieldCrops(scan, result.page.rotation, result.reading!.fields);
    expect(Object.keys(crops).sort()).toEqual(Object.keys(LICENCE).sort());
    const { info } = await sharp(crops.uscc!).toBuffer({ resolveWithObject: true });
    expect(info.width).toBeGreaterThan(3 * info.height);
  });

  it('business licence, phone photo (tilted, sheared, on a desk, noisy)', async () => {
    const result = await read(await degrade(await licenceScan(), 'phone'), 'business_licence');
    expect(result.values).toEqual(LICENCE);
    expect(result.failed).toEqual([]);
  });

  it('ID card portrait side, low light', async () => {
    const result = await read(await degrade(await idFrontScan(), 'lowLight'));
    expect(result.reading?.kind).toBe('id_card_front');
    expect(result.values).toEqual(ID_FRONT);
    expect(result.failed).toEqual([]);
  });

  it('ID card emblem side lying on its side: turned upright and read', async () => {
    const result = await read(await degrade(await idBackScan(), 'sideways'), 'id_card_back');
    expect(result.page.rotation).toBe(90);
    expect(result.values).toEqual(ID_BACK);
    expect(result.failed).toEqual([]);
  });

  it('passport, blurred: the machine-readable zone with every check digit', async () => {
    const result = await read(await degrade(await passportScan(), 'blur'));
    expect(result.reading?.kind).toBe('passport');
    expect(result.values).toEqual(PASSPORT);
    expect(result.reading?.checks.every((c) => c.status === 'pass')).toBe(true);
  });

  it('decodes the licence’s QR code with the local wasm', async () => {
    const texts = await readQrCodes(
      await degrade(await licenceScan(), 'phone'),
      ocrResources(RESOURCES).qrWasm,
    );
    expect(texts).toEqual([`https://www.gsxt.gov.cn/index.html?uniscid=${LICENCE.uscc}`]);
  });
});
