/**
 * `icp-packet read-scan` with the real recogniser: the JSON the issue specifies, exit 1 when a check fails
 * (the value printed as read, never corrected), and exit 2 — with one line naming the file — for whatever
 * cannot be read, most of it refused before the models are even loaded.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { ID_BACK, ID_FRONT, idBackScan, idFrontScan } from '../../host/sample/synthetic-scans';

let dir: string;
const RESOURCES = path.resolve('resources');

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: dir,
    resourcesDir: RESOURCES,
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
}

/** The citizen ID number with its check digit changed, as a misread (or a forged card) would show it. */
const WRONG_CHECK = `${ID_FRONT.idNumber.slice(0, 17)}${ID_FRONT.idNumber.endsWith('1') ? '2' : '1'}`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-read-scan-'));
  await writeFile(path.join(dir, 'id-back.jpg'), await idBackScan());
  await writeFile(path.join(dir, 'id-front.jpg'), await idFrontScan({ ...ID_FRONT, idNumber: WRONG_CHECK }));
  await writeFile(path.join(dir, 'notes.txt'), '营业执照\n');
  await writeFile(
    path.join(dir, 'blank.png'),
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  const typed = await PDFDocument.create();
  typed.addPage().drawText('Made on a computer');
  await writeFile(path.join(dir, 'typed.pdf'), await typed.save());
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp-packet read-scan', { timeout: 120_000 }, () => {
  it('--json prints kind, fields, checks (and confidence, rotation); exit 0 when every check passes', async () => {
    const cli = io();
    expect(await main(['read-scan', 'id-back.jpg', '--json'], cli)).toBe(0);
    const json = JSON.parse(cli.out.join('')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'kind',
      'fields',
      'checks',
      'confidence',
      'lowConfidence',
      'rotation',
    ]);
    expect(json).toMatchObject({
      kind: 'id_card_back',
      fields: ID_BACK,
      checks: [{ id: 'validity.term', field: 'validTo', status: 'pass' }],
      rotation: 0,
    });
    expect(cli.err).toEqual([]);
  });

  it('exit 1 when a check fails: the number is printed as read and flagged, in the language asked', async () => {
    const cli = io();
    expect(await main(['read-scan', 'id-front.jpg', '--lang', 'zh-CN'], cli)).toBe(1);
    const report = cli.out.join('');
    expect(report).toContain('居民身份证人像面');
    expect(report).toContain(`公民身份号码: ${WRONG_CHECK}   [校验未通过]`);
    expect(report).toMatch(/✗ 身份证号码校验位不符（应为 .，读到 .）/);
    expect(report).toContain(`姓名: ${ID_FRONT.name}`);
  });

  it('exit 2, one line naming the file: not a scan, a PDF without one, a page without a document, a bad --kind', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['read-scan', 'notes.txt'],
        /notes\.txt is not a scan that can be read \(JPEG, PNG or a scanned PDF\)/,
      ],
      [['read-scan', 'missing.jpg'], /missing\.jpg/],
      [['read-scan', 'typed.pdf'], /typed\.pdf holds no scanned picture on its first page/],
      [['read-scan', 'blank.png'], /cannot tell which document .*blank\.png is/],
      [['read-scan', 'id-back.jpg', '--kind', 'visa'], /--kind must be business_licence, id_card_front/],
    ];
    for (const [args, message] of cases) {
      const cli = io();
      expect(await main(args, cli), args.join(' ')).toBe(2);
      expect(cli.out).toEqual([]);
      expect(cli.err.join(''), args.join(' ')).toMatch(message);
      expect(cli.err.join('').trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
