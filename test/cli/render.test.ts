import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { sampleCase } from '../../core/model/sample-case';
import { extractText } from '../core/documents/pdf-reader';
import { capturingIo } from '../support/cli-io';

let dir: string;
let caseFile: string;

const io = () => capturingIo(dir);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'icp-render-'));
  caseFile = path.join(dir, 'case.json');
  await writeFile(caseFile, JSON.stringify(sampleCase(new Date('2026-11-25T02:00:00Z'))));
});

const textOf = async (file: string) =>
  (await extractText(new Uint8Array(await readFile(file)))).items
    .map((i) => i.text)
    .join('')
    .replace(/\s+/g, '');

describe('icp-packet render', () => {
  it('writes the submission PDF of a document of the case', async () => {
    const cli = io();
    expect(await main(['render', 'case.json', 'filing-commitment', '--out', 'out/commitment.pdf'], cli)).toBe(
      0,
    );
    const file = path.join(dir, 'out/commitment.pdf');
    expect(cli.out.join('')).toContain(file);
    const text = await textOf(file);
    expect(text).toContain('互联网信息服务备案承诺书');
    expect(text).toContain('上海澜岸贸易有限公司');
    expect(text).not.toContain('仅供核对');
  }, 30_000);

  it('writes the bilingual review copy with --review', async () => {
    const cli = io();
    expect(
      await main(['render', caseFile, 'authorization-letter', '--review', '--out', 'review.pdf'], cli),
    ).toBe(0);
    const text = await textOf(path.join(dir, 'review.pdf'));
    expect(text).toContain('法定代表人授权书');
    expect(text).toContain('仅供核对·Forreviewonly');
    expect(text).toContain('LetterofAuthorization');
  }, 30_000);

  it('renders a document outside the case packet when asked by name, with a note', async () => {
    const cli = io();
    expect(await main(['render', caseFile, 'key-staff', '--out', 'staff.pdf'], cli)).toBe(0);
    expect(cli.err.join('')).toMatch(/not part of this case's packet/);
  }, 30_000);

  it('refuses a letter about nobody: no authorization letter without a person to authorise, no rename letter without a former name', async () => {
    const sample = JSON.parse(await readFile(caseFile, 'utf8')) as Record<string, unknown> & {
      services: { principal: unknown }[];
    };
    const own = { ...sample, services: sample.services.map((s) => ({ ...s, principal: null })) };
    await writeFile(path.join(dir, 'own.json'), JSON.stringify(own));
    const cli = io();
    expect(await main(['render', 'own.json', 'authorization-letter', '--out', 'auth.pdf'], cli)).toBe(2);
    expect(cli.err.join('')).toMatch(
      /needs no "authorization-letter": every person in charge is the legal representative/,
    );
    const rename = io();
    expect(await main(['render', caseFile, 'rename-letter', '--out', 'rename.pdf'], rename)).toBe(2);
    expect(rename.err.join('')).toMatch(/no former name/);
  });

  it.each([
    [['render', 'case.json', 'no-such-template', '--out', 'x.pdf'], /unknown template "no-such-template"/],
    [['render', 'case.json', 'filing-commitment'], /--out <file.pdf> is required/],
    [['render', 'case.json'], /expected a case file and a template id/],
    [['render', 'missing.json', 'filing-commitment', '--out', 'x.pdf'], /file not found/],
    [['render', 'case.json', 'filing-commitment', '--out', 'x.pdf', '--colour'], /Unknown option/],
  ])('exits 2 with a clear message on bad input: %j', async (argv, message) => {
    const cli = io();
    expect(await main(argv, cli)).toBe(2);
    expect(cli.err.join('')).toMatch(message);
  });

  it('exits 2 for a file that is not JSON, not a case, or from a newer version', async () => {
    await writeFile(path.join(dir, 'broken.json'), '{ "schemaVersion": ');
    await writeFile(path.join(dir, 'other.json'), '{ "hello": "world" }');
    await writeFile(path.join(dir, 'newer.json'), JSON.stringify({ ...sampleCase(), schemaVersion: 99 }));
    for (const [file, message] of [
      ['broken.json', /is not valid JSON/],
      ['other.json', /not an ICP Packet Studio case/],
      ['newer.json', /newer version/],
    ] as const) {
      const cli = io();
      expect(await main(['render', file, 'filing-commitment', '--out', 'x.pdf'], cli), file).toBe(2);
      expect(cli.err.join(''), file).toMatch(message);
    }
  });
});
