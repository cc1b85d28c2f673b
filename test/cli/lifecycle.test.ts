/**
 * `icp-packet annual-report`, `change` and `renewal` in-process, on a licence holder's case.json: exit codes
 * (0 clean, 1 the checks find errors or a pre-check fails, 2 bad input), the sheet and the packets on disk,
 * and the same refusals in both languages.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main, type CliIo } from '../../cli/main';
import { cleanFigures, licenceHolderCase } from '../fixtures/lifecycle';
import { RESOURCES_DIR } from '../support/paths';
import { compact, extractText } from '../core/documents/pdf-reader';

let dir: string;

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd: dir,
    resourcesDir: RESOURCES_DIR,
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-lifecycle-cli-'));
  await writeFile(path.join(dir, 'case.json'), JSON.stringify(licenceHolderCase()));
  await writeFile(path.join(dir, 'figures.json'), JSON.stringify(cleanFigures()));
  // An ICP filing: no licence number, none granted in the journal.
  const holder = licenceHolderCase();
  await writeFile(
    path.join(dir, 'filing.json'),
    JSON.stringify({
      ...holder,
      afterApproval: { ...holder.afterApproval, licenceNumber: '', licenceValidTo: '' },
      journal: holder.journal.filter((e) => e.status !== 'licence_granted'),
    }),
  );
  // A licence holder whose expiry date is not entered yet.
  await writeFile(
    path.join(dir, 'no-expiry.json'),
    JSON.stringify({ ...holder, afterApproval: { ...holder.afterApproval, licenceValidTo: '' } }),
  );
  await writeFile(
    path.join(dir, 'contradiction.json'),
    JSON.stringify({ ...cleanFigures(), telecomRevenueCny: 3_000_000 }),
  );
  await writeFile(path.join(dir, 'typo.json'), JSON.stringify({ ...cleanFigures(), revenu: 1 }));
  await writeFile(
    path.join(dir, 'rep.json'),
    JSON.stringify({
      registeredOn: '2026-11-20',
      person: {
        name: '李娜',
        nameLatin: 'Li Na',
        idType: 'resident_id',
        idNumber: '440305199008162321',
        mobile: '13912345678',
      },
    }),
  );
});

describe('icp-packet annual-report', { timeout: 60_000 }, () => {
  it('prints every form and exits 0 on consistent figures; writes the sheet with --out', async () => {
    const cli = io();
    const code = await main(
      [
        'annual-report',
        'case.json',
        '--year',
        '2025',
        '--figures',
        'figures.json',
        '--today',
        '2026-02-10',
        '--out',
        'out/sheet.pdf',
      ],
      cli,
    );
    expect(cli.err.join('')).toBe('');
    expect(code).toBe(0);
    const text = cli.out.join('');
    expect(text).toContain('营业收入 (Operating revenue): 286.14');
    expect(text).toContain('Checks: 0 errors, 1 warning');
    expect(text).toContain('Our sources do not have it');
    expect((await readFile(path.join(dir, 'out/sheet.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 1 when the checks find errors, and gives the findings as JSON', async () => {
    const cli = io();
    expect(
      await main(
        [
          'annual-report',
          'case.json',
          '--year',
          '2025',
          '--figures',
          'contradiction.json',
          '--today',
          '2026-02-10',
          '--json',
        ],
        cli,
      ),
    ).toBe(1);
    const run = JSON.parse(cli.out.join('')) as { errors: number; checks: { code: string }[] };
    expect(run.errors).toBe(2);
    expect(run.checks.map((c) => c.code)).toEqual([
      'commitmentMissing',
      'telecomAboveRevenue',
      'serviceRevenueSum',
    ]);
  });

  it('exits 2 on a bad year or a figures file with an unknown key, in the chosen language', async () => {
    const year = io();
    expect(await main(['annual-report', 'case.json', '--year', '25'], year)).toBe(2);
    expect(year.err.join('')).toContain('--year must be a year such as 2025, not "25".');
    const typo = io();
    expect(
      await main(
        ['annual-report', 'case.json', '--year', '2025', '--figures', 'typo.json', '--lang', 'zh-CN'],
        typo,
      ),
    ).toBe(2);
    expect(typo.err.join('')).toContain('不符合年报数据格式');
    expect(typo.err.join('')).toContain('revenu');
    const missing = io();
    expect(await main(['annual-report', 'case.json'], missing)).toBe(2);
    expect(missing.err.join('')).toContain('--year YYYY is required.');
  });
});

describe('icp-packet change and renewal', { timeout: 60_000 }, () => {
  it('computes a described change and writes its packet; refuses an unknown kind or no recorded change', async () => {
    const cli = io();
    expect(
      await main(
        [
          'change',
          'case.json',
          '--event',
          'legal-representative',
          '--details',
          'rep.json',
          '--today',
          '2026-11-25',
          '--out',
          'packets',
        ],
        cli,
      ),
    ).toBe(0);
    const text = cli.out.join('');
    expect(text).toContain('Licence change: apply by 2026-12-20 (25 days left)');
    expect(text).toContain('Calendar days, weekends and holidays included.');
    expect(text).toContain('Legal representative Zhang Wei → Li Na');
    const [folder] = (await readdir(path.join(dir, 'packets'))).filter((f) =>
      f.includes('-change-legal-rep-'),
    );
    expect(await readdir(path.join(dir, 'packets', folder!))).toContain(
      '01 增值电信业务经营许可证变更申请书.pdf',
    );
    // The case file itself is not changed.
    expect(JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8')).legalRepresentative.name).toBe(
      '张伟',
    );

    const unknown = io();
    expect(await main(['change', 'case.json', '--event', 'ceo'], unknown)).toBe(2);
    expect(unknown.err.join('')).toContain('unknown change "ceo"');
    const none = io();
    expect(await main(['change', 'case.json', '--event', 'name', '--lang', 'zh-CN'], none)).toBe(2);
    expect(none.err.join('')).toContain('申请中没有记录“name”变更');
  });

  it('refuses the renewal and the annual report of an ICP filing, in both languages, and writes nothing', async () => {
    const renewal = io();
    expect(await main(['renewal', 'filing.json', '--out', 'filing-renewal'], renewal)).toBe(2);
    expect(renewal.err.join('')).toContain('this case holds no licence to renew');
    expect(renewal.out).toEqual([]);
    const report = io();
    const reportArgs = ['annual-report', 'filing.json', '--year', '2025', '--out', 'filing-sheet.pdf'];
    expect(await main([...reportArgs, '--lang', 'zh-CN'], report)).toBe(2);
    expect(report.err.join('')).toContain('无法准备年报：本申请没有经营许可证');
    expect((await readdir(dir)).filter((f) => f.startsWith('filing-'))).toEqual([]);
  });

  it('writes no renewal packet while the licence has no expiry date (its form would print blanks)', async () => {
    const cli = io();
    expect(await main(['renewal', 'no-expiry.json', '--out', 'no-expiry-renewal'], cli)).toBe(2);
    expect(cli.err.join('')).toContain('No renewal packet: the case has no licence expiry date.');
    expect((await readdir(dir)).filter((f) => f.startsWith('no-expiry-renewal'))).toEqual([]);
  });

  it('reports the renewal countdown and pre-checks, exiting 1 while one fails', async () => {
    const cli = io();
    expect(await main(['renewal', 'case.json', '--today', '2030-08-10'], cli)).toBe(1);
    const text = cli.out.join('');
    expect(text).toContain('Apply by: 2030-09-02 (23 days)');
    expect(text).toContain('FAIL Annual reports filed');
    expect(text).toContain('The 2025 annual report is not marked as submitted.');
  });
});

describe('icp-packet renewal --out without --today or --date (review 9)', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('dates the documents by China’s calendar, as the packet folder and its 目录 are', async () => {
    // 20:00 UTC on 7 December is already 8 December in China.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-07T20:00:00Z'));
    const cli = io();
    await main(['renewal', 'case.json', '--out', 'dated'], cli);
    const [folder] = await readdir(path.join(dir, 'dated'));
    expect(folder).toMatch(/-renewal-20261208$/);
    const read = async (file: string) =>
      compact(
        (await extractText(new Uint8Array(await readFile(path.join(dir, 'dated', folder!, file))))).items
          .map((i) => i.text)
          .join(''),
      );
    expect(await read('00 目录 Index.pdf')).toContain('编制日期2026年12月8日');
    const application = await read('01 增值电信业务经营许可证续期申请表.pdf');
    expect(application).toContain('2026年12月8日');
    expect(application).not.toContain('2026年12月7日');
  });
});
