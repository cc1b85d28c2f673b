import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { sampleCase } from '../../core/model/sample-case';
import { capturingIo } from '../support/cli-io';

let dir: string;

const io = () => capturingIo(dir);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-after-cli-'));
  const c = sampleCase(new Date('2026-11-25T02:00:00Z'));
  const live = {
    ...c,
    legalRepresentative: { ...c.legalRepresentative, idLongTerm: false, idValidTo: '2028-05-01' },
    afterApproval: {
      ...c.afterApproval,
      wentLiveOn: '2026-11-30',
      licenceNumber: '沪B2-20260001',
      licenceValidTo: '2031-11-30',
    },
  };
  await writeFile(path.join(dir, 'case.json'), JSON.stringify(live));
  await writeFile(
    path.join(dir, 'listing.txt'),
    '\uFEFF澜岸家居，全网销量第一！\nThe best furniture in Shanghai.\n',
  );
  await writeFile(path.join(dir, 'clean.txt'), '澜岸家居，精选北欧实木家具。\n');
  await writeFile(
    path.join(dir, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00]),
  );
  await writeFile(path.join(dir, 'huge.txt'), '最佳'.repeat(512 * 1024));
});

describe('icp-packet reminders', () => {
  it('writes one .ics that an independent parser reads, with the same UIDs on a second export', async () => {
    const cli = io();
    expect(
      await main(['reminders', 'case.json', '--out', 'out/reminders.ics', '--today', '2026-12-03'], cli),
    ).toBe(0);
    expect(cli.out.join('')).toMatch(/Wrote \d+ reminders to .*reminders\.ics/);
    const parse = async (file: string) =>
      new ICAL.Component(ICAL.parse(await readFile(path.join(dir, file), 'utf8')))
        .getAllSubcomponents('vevent')
        .map((e) => new ICAL.Event(e));
    const first = await parse('out/reminders.ics');
    expect(first.find((e) => e.uid.startsWith('public-security'))?.startDate.toString()).toBe('2026-12-30');
    expect(first.some((e) => e.uid.startsWith('annual-report.2027'))).toBe(true);
    const again = io();
    expect(
      await main(
        ['reminders', 'case.json', '--out', 'out/again.ics', '--lang', 'zh-CN', '--today', '2026-12-03'],
        again,
      ),
    ).toBe(0);
    expect(again.out.join('')).toContain('已写入');
    const second = await parse('out/again.ics');
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(second[0]?.summary.split(' / ')[0]).toMatch(/[\u4e00-\u9fff]/);
    // The first test of the file loads the command's modules: past vitest's 5 s on a loaded machine.
  }, 30_000);

  it('refuses bad usage and unreadable cases with exit code 2', async () => {
    const cli = io();
    expect(await main(['reminders', 'case.json'], cli)).toBe(2);
    expect(cli.err.join('')).toContain('--out');
    expect(await main(['reminders', 'missing.json', '--out', 'x.ics'], io())).toBe(2);
    expect(await main(['reminders', 'listing.txt', '--out', 'x.ics'], io())).toBe(2);
    const today = io();
    expect(await main(['reminders', 'case.json', '--out', 'x.ics', '--today', '3 Dec'], today)).toBe(2);
    expect(today.err.join('')).toContain('YYYY-MM-DD');
  });
});

describe('icp-packet adcheck', () => {
  it('exits 1 and prints each finding with line, column, rule, source and suggestion', async () => {
    const cli = io();
    expect(await main(['adcheck', 'listing.txt'], cli)).toBe(1);
    const out = cli.out.join('');
    expect(out).toContain('1:6  “全网销量第一”');
    expect(out).toContain('2:1  “The best”');
    expect(out).toContain('Advertising Law Art. 9(3)');
    expect(out).toContain('Suggestion:');
    expect(out).toContain('Source: 《中华人民共和国广告法》');
    const zh = io();
    expect(await main(['adcheck', 'listing.txt', '--lang', 'zh-CN'], zh)).toBe(1);
    expect(zh.out.join('')).toContain('绝对化用语');
  });

  it('--json prints the findings as data', async () => {
    const cli = io();
    expect(await main(['adcheck', 'listing.txt', '--json'], cli)).toBe(1);
    const data = JSON.parse(cli.out.join('')) as {
      findings: { text: string; line: number; ruleId: string }[];
    };
    expect(data.findings.map((f) => [f.text, f.line, f.ruleId])).toEqual([
      ['全网销量第一', 1, 'absolute'],
      ['The best', 2, 'absolute'],
    ]);
  });

  it('exits 0 on clean copy and 2 on binary, huge or missing files', async () => {
    expect(await main(['adcheck', 'clean.txt'], io())).toBe(0);
    const binary = io();
    expect(await main(['adcheck', 'binary.txt'], binary)).toBe(2);
    expect(binary.err.join('')).toMatch(/not UTF-8 text|binary/);
    const huge = io();
    expect(await main(['adcheck', 'huge.txt'], huge)).toBe(2);
    expect(huge.err.join('')).toContain('1,048,576 characters');
    expect(await main(['adcheck', 'nope.txt'], io())).toBe(2);
  });
});
