import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { completeSample, sample } from '../core/rules/helpers';
import { RESOURCES_DIR } from '../support/paths';

let dir: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
    resourcesDir: RESOURCES_DIR,
  });
  return { code, out, err };
}

const write = (name: string, content: unknown) =>
  writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-cli-'));
  await write('filing.json', {
    surfaces: ['website'],
    mainlandHosting: true,
    subject: 'domestic_company',
    scope: 'single_province',
    province: '440000',
    activities: ['info_only'],
  });
  await write('blocked.json', {
    surfaces: ['mini_program'],
    miniProgramAccount: 'mainland_entity',
    subject: 'foreign_no_entity',
    activities: ['own_goods_sales'],
  });
  await write('typo.json', { surface: ['website'] });
  await write('wrong-type.json', { surfaces: ['website'], foreignEquityPct: 'half' });
  await write('broken.json', '{ "surfaces": [');
  await write('complete-case.json', completeSample());
  await write('sample-case.json', sample());
  await write('not-a-case.json', { hello: 'world' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('icp-packet decide', () => {
  it('the README worked example prints what the README shows', async () => {
    const readme = await readFile(path.join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('#### Worked example'));
    const [, json, shown] = /```json\n([\s\S]*?)```[\s\S]*?```\n([\s\S]*?)```/.exec(section) ?? [];
    await write('readme.json', json ?? '');
    const r = await run('decide', 'readme.json');
    expect(r.code).toBe(0);
    const lines = (shown ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.includes('…'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(r.out, line).toContain(line);
  });

  it('prints the pathway with reasons in English and exits 0', async () => {
    const r = await run('decide', 'filing.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Pathway: ICP filing');
    expect(r.out).toContain('[R2] ICP filing required for the website');
    expect(r.out).toContain('the Guangdong Communications Administration');
    expect(r.out).toMatch(
      /Rules: edition \d+, facts checked on \d+\s\w+\s\d{4}, due for review by \d+\s\w+\s\d{4}/,
    );
    expect(r.out).toContain('Most likely: an ICP filing');
    expect(r.out).toContain('Filing subject: Business licence — Unified social credit code');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const r = await run('decide', 'filing.json', '--lang', 'zh-CN');
    expect(r.out).toContain('结论：ICP 备案');
    expect(r.out).toContain('网站须办理 ICP 备案');
    expect(r.out).toContain('广东省通信管理局');
  });

  it('marks a source that is a copy on another site, in both languages', async () => {
    // R2 cites the IIS Measures from a mirror site: no official text was found.
    const en = await run('decide', 'filing.json');
    const r2 = en.out.slice(en.out.indexOf('[R2]'));
    expect(r2).toMatch(
      /IIS Measures Art\. 3–4 <http:\/\/www\.shenbo75\.com\/[^>]+> \(a copy on another site: no official text was found\)/,
    );
    expect(en.out).not.toMatch(/<https?:\/\/[^>\s]*gov\.cn[^>\s]*> \(a copy on another site/);
    const zh = await run('decide', 'filing.json', '--lang', 'zh-CN');
    expect(zh.out).toMatch(/<http:\/\/www\.shenbo75\.com\/[^>]+>（其他网站的转载，未找到官方文本）/);
    expect(zh.out).not.toContain('a copy on another site');
  });

  it('--json prints the decision itself', async () => {
    const r = await run('decide', 'filing.json', '--json');
    const decision = JSON.parse(r.out) as { pathway: string; conclusions: { ruleId: string }[] };
    expect(decision.pathway).toBe('icp_filing');
    expect(decision.conclusions.map((c) => c.ruleId)).toContain('R21');
  });

  it('exits 1 when not eligible, naming what to do instead', async () => {
    const r = await run('decide', 'blocked.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not eligible as things stand');
    expect(r.out).toContain('WFOE');
  });

  it('--json exposes every obstacle with its routes, the filing subject and its document (issue 15)', async () => {
    const r = await run('decide', 'blocked.json', '--json');
    const d = JSON.parse(r.out) as {
      obstacles: { code: string; routes: { id: string; confidence: string; sources: unknown[] }[] }[];
      filingSubject: { kind: string; document: { en: string } };
      bottomLine: { kind: string; route?: { id: string } };
    };
    const codes = d.obstacles.map((o) => o.code);
    // The entity obstacle and the disputed own-goods licence obstacle, together.
    expect(codes).toEqual(expect.arrayContaining(['BLOCKED_NO_MAINLAND_ENTITY', 'BLOCKED_FOREIGN_CAP']));
    for (const o of d.obstacles) {
      expect(o.routes.length).toBeGreaterThan(0);
      for (const route of o.routes) expect(route.sources.length).toBeGreaterThan(0);
    }
    expect(d.filingSubject.kind).toBe('none');
    expect(d.bottomLine.route?.id).toBeTruthy();
    const text = await run('decide', 'blocked.json', '--lang', 'zh-CN');
    expect(text.out).toContain('障碍：2');
    expect(text.out).toContain('途径：与持证的境内合作方合作');
  });

  it('accepts a whole case file and uses its answers', async () => {
    const r = await run('decide', 'sample-case.json', '--json');
    expect(JSON.parse(r.out).alternativePathway).toBe('icp_filing');
  });

  it.each([
    ['missing.json', /file not found: .*missing\.json/],
    ['broken.json', /broken\.json is not valid JSON/],
    ['typo.json', /\(root\): Unrecognized key: "surface"/],
    ['wrong-type.json', /foreignEquityPct: /],
  ])('exits 2 with a clear message for %s', async (file, message) => {
    const r = await run('decide', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run('decide')).code).toBe(2);
    expect((await run('decide', 'filing.json', '--lang', 'fr')).err).toMatch(/--lang must be en or zh-CN/);
    expect((await run('decide', 'filing.json', '--colour')).code).toBe(2);
  });
});

describe('icp-packet check', () => {
  it('exits 0 for a complete case (warnings listed by step)', async () => {
    const r = await run('check', 'complete-case.json', '--today', '2026-11-25');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: 0 errors, \d+ warnings/);
    expect(r.out).toContain('## Pathway');
    expect(r.out).toContain('WARN');
  });

  it('exits 1 when documents are missing, in Chinese too', async () => {
    const r = await run('check', 'sample-case.json', '--today', '2026-11-25', '--lang', 'zh-CN');
    expect(r.code).toBe(1);
    expect(r.out).toContain('## 材料');
    expect(r.out).toContain('缺少材料：主体证件（营业执照）');
  });

  it('--json lists the issues with paths and keys', async () => {
    const r = await run('check', 'sample-case.json', '--json', '--today', '2026-11-25');
    const result = JSON.parse(r.out) as { errors: number; issues: { path: string; key: string }[] };
    expect(result.errors).toBeGreaterThan(0);
    expect(result.issues.map((i) => i.path)).toContain('attachments:subject-certificate');
  });

  it('exits 2 for a file that is not a case, with the reason', async () => {
    const r = await run('check', 'not-a-case.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /not-a-case\.json: it is not an ICP Packet Studio case \(missing schemaVersion or id\)/,
    );
    expect((await run('check', 'complete-case.json', '--today', 'tomorrow')).err).toMatch(
      /--today must be a calendar date/,
    );
  });

  it('runs as a real process through bin/icp-packet.cjs', async () => {
    const bin = path.resolve(__dirname, '../../bin/icp-packet.cjs');
    const exec = promisify(execFile);
    const ok = await exec(process.execPath, [
      bin,
      'check',
      path.join(dir, 'complete-case.json'),
      '--today',
      '2026-11-25',
      '--json',
    ]);
    expect(JSON.parse(ok.stdout).errors).toBe(0);
    const failed = await exec(process.execPath, [bin, 'decide', path.join(dir, 'broken.json')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('is not valid JSON');
  }, 60_000);
});
