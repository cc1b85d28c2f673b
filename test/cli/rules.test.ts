/**
 * `icp-packet rules` and the rule pack in `decide` / `check`: the edition and dates in words, the warning
 * when the rules are past their review date (time moved forward with fake timers), and `rules --verify` on a
 * good, a tampered, an unsigned and an older pack (signed with a throwaway key the test trusts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';
import { BUNDLED_RULE_PACK_INFO } from '../../core/rules/pack';
import { formatDateWords } from '../../core/i18n/language';
import { markedPack, packEdition, signedPack, throwawayKeys } from '../host/rules/pack-helpers';
import { completeSample } from '../core/rules/helpers';
import { RESOURCES_DIR } from '../support/paths';

const keys = throwawayKeys();
let dir: string;

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: dir,
    resourcesDir: RESOURCES_DIR,
    trustedRulePackKeys: keys.trusted,
  });
  return { code, out, err };
}

const write = (name: string, content: string | Buffer) => writeFile(path.join(dir, name), content);
// The command line writes dates with plain spaces (cli/rule-pack-text.ts); the app keeps them unbroken.
const asOfWords = formatDateWords(BUNDLED_RULE_PACK_INFO.asOf, 'en').replace(/\u00a0/g, ' ');
const reviewByWords = formatDateWords(BUNDLED_RULE_PACK_INFO.reviewBy, 'en').replace(/\u00a0/g, ' ');
const afterReview = new Date(`${BUNDLED_RULE_PACK_INFO.reviewBy}T12:00:00Z`);
afterReview.setUTCDate(afterReview.getUTCDate() + 1);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-cli-rules-'));
  await write('good.icprules', signedPack(markedPack(), keys));
  const file = JSON.parse(signedPack(markedPack(), keys).toString('utf8')) as Record<string, string>;
  await write(
    'tampered.icprules',
    JSON.stringify({ ...file, payload: file.payload!.replace('Marked', 'Edited') }),
  );
  await write('unsigned.icprules', JSON.stringify(markedPack()));
  await write('older.icprules', signedPack(packEdition({ version: BUNDLED_RULE_PACK_INFO.version }), keys));
  await write(
    'answers.json',
    JSON.stringify({
      surfaces: ['website'],
      mainlandHosting: true,
      subject: 'domestic_company',
      activities: ['info_only'],
      province: '310000',
      scope: 'single_province',
    }),
  );
  await write('case.json', JSON.stringify(completeSample()));
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('icp-packet rules', { timeout: 30_000 }, () => {
  it('prints the edition and dates of the rules built in, in words, in both languages', async () => {
    const en = await run('rules', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain(
      `Rules: edition ${BUNDLED_RULE_PACK_INFO.version}, facts checked on ${asOfWords}, due for review by ${reviewByWords}`,
    );
    expect(en.out).not.toContain('WARNING');
    const zh = await run('rules', '--lang', 'zh-CN');
    expect(zh.out).toContain(
      `规则：第 ${BUNDLED_RULE_PACK_INFO.version} 版，资料核对于${formatDateWords(BUNDLED_RULE_PACK_INFO.asOf, 'zh-CN')}`,
    );
    const json = JSON.parse((await run('rules', '--json')).out) as { rules: unknown };
    expect(json.rules).toEqual(BUNDLED_RULE_PACK_INFO);
  });

  it('warns when the rules are past their review date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(afterReview);
    const en = await run('rules', '--lang', 'en');
    expect(en.out).toContain(`WARNING: these rules were due for review by ${reviewByWords}`);
    const zh = await run('rules', '--lang', 'zh-CN');
    expect(zh.out).toContain('目前已逾期');
  });

  it('--verify: a good pack is valid and newer; tampered, unsigned and unknown-key packs are refused', async () => {
    const good = await run('rules', '--verify', 'good.icprules');
    expect(good.code).toBe(0);
    expect(good.out).toContain('a valid signed rule pack (key test-key)');
    expect(good.out).toContain(`Rules: edition ${BUNDLED_RULE_PACK_INFO.version + 1}`);
    expect(good.out).toContain('Newer than the rules built into this icp-packet');

    const tampered = await run('rules', '--verify', 'tampered.icprules');
    expect(tampered).toMatchObject({ code: 1 });
    expect(tampered.out).toContain('changed after it was signed');
    const unsigned = await run('rules', '--verify', 'unsigned.icprules', '--lang', 'zh-CN');
    expect(unsigned.code).toBe(1);
    expect(unsigned.out).toContain('没有签名');
    const older = await run('rules', '--verify', 'older.icprules');
    expect(older.code).toBe(0);
    expect(older.out).toContain('the app would refuse to import it');

    const json = JSON.parse((await run('rules', '--verify', 'tampered.icprules', '--json')).out) as object;
    expect(json).toMatchObject({ valid: false, reason: 'tampered' });
    // Against the keys shipped in icp-packet, the test key is unknown.
    let out = '';
    const code = await main(['rules', '--verify', 'good.icprules'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      cwd: dir,
      resourcesDir: RESOURCES_DIR,
    });
    expect(code).toBe(1);
    expect(out).toContain('does not trust');
  });

  it('--verify on a missing file is bad input (exit 2)', async () => {
    const r = await run('rules', '--verify', 'missing.icprules');
    expect(r.code).toBe(2);
    expect(r.err).toContain('file not found');
  });
});

describe('decide and check show the rules they used', { timeout: 30_000 }, () => {
  it('decide prints the edition and dates, and --json carries them', async () => {
    const text = await run('decide', 'answers.json');
    expect(text.out).toContain(
      `Rules: edition ${BUNDLED_RULE_PACK_INFO.version}, facts checked on ${asOfWords}`,
    );
    const json = JSON.parse((await run('decide', 'answers.json', '--json')).out) as { rulePack: unknown };
    expect(json.rulePack).toEqual(BUNDLED_RULE_PACK_INFO);
  });

  it('decide and check warn when the rules are past their review date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(afterReview);
    expect((await run('decide', 'answers.json')).out).toContain('WARNING: these rules were due for review');
    const check = await run('check', 'case.json', '--lang', 'zh-CN');
    expect(check.out).toContain('目前已逾期');
    const json = JSON.parse((await run('check', 'case.json', '--json')).out) as { rules: unknown };
    expect(json.rules).toEqual(BUNDLED_RULE_PACK_INFO);
  });
});
