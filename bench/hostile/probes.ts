/**
 * The hostile set of issue 22: several hundred inputs an attacker, a damaged disk or a careless colleague
 * could hand the app and the CLI — command lines, case files, `.icpcase` archives, IPC payloads, store files,
 * a full or read-only disk. Each probe runs one input through the checkout under test and judges the outcome
 * (verdicts.ts). The list is the same for every checkout, so counts before and after a change compare.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { PASSPHRASE, sha256, type Ctx, type StoreLike } from './context';
import {
  hasRawControl,
  judgeCliRefusal,
  judgeCliSuccess,
  judgeIpcRefusal,
  judgeStoreRefusal,
  outcome,
  type CliRun,
  type Outcome,
} from './verdicts';

export interface Probe {
  id: string;
  group: 'cli-args' | 'case-file' | 'build' | 'icpcase' | 'ipc' | 'store' | 'disk';
  /** Seconds before the runner calls it hung (default 30). */
  timeout?: number;
  run: (ctx: Ctx) => Promise<Outcome>;
}

const probes: Probe[] = [];
const add = (group: Probe['group'], id: string, run: Probe['run'], timeout?: number) =>
  probes.push({ id: `${group}/${id}`, group, run, ...(timeout ? { timeout } : {}) });

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

/** A case directory: the sample's case.json (changed by `edit`) with the sample's attachments beside it. */
async function caseDir(ctx: Ctx, label: string, edit?: (c: Json) => void, raw?: string | Buffer) {
  const fx = await ctx.fixtures();
  const dir = await ctx.tmp(label);
  await cp(path.join(fx.sampleDir, 'attachments'), path.join(dir, 'attachments'), { recursive: true });
  const c = clone(fx.sampleCase) as Json;
  edit?.(c);
  const file = path.join(dir, 'case.json');
  await writeFile(file, raw ?? JSON.stringify(c));
  return { dir, file };
}

const at = (c: Json, ...keys: string[]): Json => {
  let node: Json = c;
  for (const k of keys) node = node[k] as Json;
  return node;
};

// ====================================================================== CLI arguments

const COMMANDS = ['decide', 'check', 'build', 'sample', 'render', 'reminders', 'adcheck'];

add('cli-args', 'no arguments', async (ctx) => {
  const run = await ctx.cli([]);
  return run.code === 2 && run.stdout.includes('Usage')
    ? outcome('refused', 'exit 2 with the help')
    : judgeCliRefusal(run);
});
add('cli-args', '--help', async (ctx) => judgeCliSuccess(await ctx.cli(['--help'])));
add('cli-args', '--version', async (ctx) => judgeCliSuccess(await ctx.cli(['--version'])));
for (const bad of ['frobnicate', 'BUILD', '--', '-x', '--lang', ' check', 'check\u001b[2J', 'é'])
  add('cli-args', `unknown command ${JSON.stringify(bad)}`, async (ctx) =>
    judgeCliRefusal(await ctx.cli([bad])),
  );

for (const command of COMMANDS) {
  add('cli-args', `${command} --bogus`, async (ctx) =>
    judgeCliRefusal(await ctx.cli([command, '--bogus', 'x'])),
  );
  add('cli-args', `${command} without operands`, async (ctx) => judgeCliRefusal(await ctx.cli([command])));
  add('cli-args', `${command} --lang fr`, async (ctx) =>
    judgeCliRefusal(await ctx.cli([command, 'x', '--lang', 'fr'])),
  );
  add('cli-args', `${command} --help`, async (ctx) => judgeCliSuccess(await ctx.cli([command, '--help'])));
  add('cli-args', `${command} with three operands`, async (ctx) =>
    judgeCliRefusal(await ctx.cli([command, 'a', 'b', 'c'])),
  );
}

const BAD_DATES = [
  '2026-13-01',
  '2026-02-30',
  '2026-00-10',
  '2026-04-31',
  '2026-1-1',
  '26-01-01',
  '2025-02-29',
  '0000-01-01',
  'tomorrow',
  '2026-01-01T00:00',
  '２０２６-01-01',
  '',
];
for (const command of ['check', 'reminders'])
  for (const date of BAD_DATES)
    add('cli-args', `${command} --today ${JSON.stringify(date)}`, async (ctx) => {
      const fx = await ctx.fixtures();
      const out = path.join(await ctx.tmp('today'), 'r.ics');
      const args =
        command === 'check'
          ? ['check', path.join(fx.sampleDir, 'case.json'), '--today', date]
          : ['reminders', path.join(fx.sampleDir, 'case.json'), '--out', out, '--today', date];
      return judgeCliRefusal(await ctx.cli(args));
    });
for (const command of ['check', 'reminders'])
  add('cli-args', `${command} --today 2028-02-29 (a real leap day)`, async (ctx) => {
    const fx = await ctx.fixtures();
    const out = path.join(await ctx.tmp('today'), 'r.ics');
    const args =
      command === 'check'
        ? ['check', path.join(fx.sampleDir, 'case.json'), '--today', '2028-02-29']
        : ['reminders', path.join(fx.sampleDir, 'case.json'), '--out', out, '--today', '2028-02-29'];
    return judgeCliSuccess(await ctx.cli(args), { allowExit1: true });
  });

for (const profile of ['WECHAT', '', '../x', 'aliyun;rm'])
  add('cli-args', `build --profile ${JSON.stringify(profile)}`, async (ctx) => {
    const fx = await ctx.fixtures();
    const out = await ctx.tmp('profile');
    return judgeCliRefusal(
      await ctx.cli(['build', path.join(fx.sampleDir, 'case.json'), '--out', out, '--profile', profile]),
    );
  });

add('cli-args', 'check with a 100,000-character file name', async (ctx) =>
  judgeCliRefusal(await ctx.cli(['check', 'x'.repeat(100_000)])),
);
add('cli-args', 'check of a name with escape sequences', async (ctx) =>
  judgeCliRefusal(await ctx.cli(['check', 'missing\u001b]52;c;SGVsbG8=\u0007.json'])),
);
add('cli-args', 'decide --json --json', async (ctx) => {
  const fx = await ctx.fixtures();
  return judgeCliSuccess(
    await ctx.cli(['decide', path.join(fx.sampleDir, 'case.json'), '--json', '--json']),
    {
      allowExit1: true,
    },
  );
});
add('cli-args', 'render with an unknown template', async (ctx) => {
  const fx = await ctx.fixtures();
  const out = path.join(await ctx.tmp('render'), 'x.pdf');
  return judgeCliRefusal(
    await ctx.cli(['render', path.join(fx.sampleDir, 'case.json'), 'no-such', '--out', out]),
  );
});
add('cli-args', 'render --out naming a folder', async (ctx) => {
  const fx = await ctx.fixtures();
  const out = await ctx.tmp('render-dir');
  return judgeCliRefusal(
    await ctx.cli(['render', path.join(fx.sampleDir, 'case.json'), 'filing-commitment', '--out', out]),
  );
});

/** An output the command must not overwrite without --force (one rule for every command). */
for (const [command, name] of [
  ['render', 'old.pdf'],
  ['reminders', 'old.ics'],
  ['sample', 'case.json'],
] as const)
  add('cli-args', `${command} over an existing file without --force`, async (ctx) => {
    const fx = await ctx.fixtures();
    const dir = await ctx.tmp(`${command}-exists`);
    const target = path.join(dir, name);
    await writeFile(target, 'precious');
    const args =
      command === 'render'
        ? ['render', path.join(fx.sampleDir, 'case.json'), 'filing-commitment', '--out', target]
        : command === 'reminders'
          ? ['reminders', path.join(fx.sampleDir, 'case.json'), '--out', target]
          : ['sample', '--out', dir];
    const run = await ctx.cli(args);
    const kept = (await readFile(target, 'utf8').catch(() => '')) === 'precious';
    if (!kept && run.code === 0) return outcome('wrong', `exit 0: ${name} overwritten without --force`);
    if (!kept) return outcome('lost', `exit ${run.code}: ${name} destroyed`);
    return judgeCliRefusal(run);
  });
for (const command of ['render', 'reminders'] as const)
  add('cli-args', `${command} over an existing file with --force`, async (ctx) => {
    const fx = await ctx.fixtures();
    const target = path.join(await ctx.tmp(`${command}-force`), command === 'render' ? 'a.pdf' : 'a.ics');
    await writeFile(target, 'old');
    const args =
      command === 'render'
        ? ['render', path.join(fx.sampleDir, 'case.json'), 'filing-commitment', '--out', target, '--force']
        : ['reminders', path.join(fx.sampleDir, 'case.json'), '--out', target, '--force'];
    const run = await ctx.cli(args);
    if (run.code === 2 && /--force/.test(run.stderr)) return outcome('wrong', '--force not accepted');
    return judgeCliSuccess(run);
  });

/** The passphrase: an empty --passphrase must not override a correct environment variable. */
add('cli-args', 'check --passphrase "" with ICP_PACKET_PASSPHRASE set', async (ctx) => {
  const fx = await ctx.fixtures();
  const file = path.join(await ctx.tmp('pass'), 'enc.icpcase');
  await writeFile(file, fx.icpcaseEncrypted);
  const run = await ctx.cli(['check', file, '--passphrase', ''], {
    env: { ICP_PACKET_PASSPHRASE: PASSPHRASE },
  });
  return judgeCliSuccess(run, { allowExit1: true });
});
add('cli-args', 'check with ICP_PACKET_PASSPHRASE only', async (ctx) => {
  const fx = await ctx.fixtures();
  const file = path.join(await ctx.tmp('pass'), 'enc.icpcase');
  await writeFile(file, fx.icpcaseEncrypted);
  return judgeCliSuccess(await ctx.cli(['check', file], { env: { ICP_PACKET_PASSPHRASE: PASSPHRASE } }), {
    allowExit1: true,
  });
});
add('cli-args', 'check with a 1 MB passphrase', async (ctx) => {
  const fx = await ctx.fixtures();
  const file = path.join(await ctx.tmp('pass'), 'enc.icpcase');
  await writeFile(file, fx.icpcaseEncrypted);
  return judgeCliRefusal(await ctx.cli(['check', file, '--passphrase', 'p'.repeat(1 << 20)]));
});

// ====================================================================== case files (check, decide, render, reminders)

interface CaseInput {
  label: string;
  /** Writes the input and returns its path. */
  make: (ctx: Ctx) => Promise<string>;
  /** What a correct CLI does with it. */
  expect: 'refuse' | 'caseErrors' | 'accept' | 'neutralise';
  /** Commands to run it through (default check). */
  commands?: ('check' | 'decide' | 'render' | 'reminders')[];
  timeout?: number;
}

const edited = (
  label: string,
  edit: (c: Json) => void,
  expect: CaseInput['expect'],
  commands?: CaseInput['commands'],
) =>
  ({
    label,
    make: async (ctx: Ctx) => (await caseDir(ctx, label, edit)).file,
    expect,
    ...(commands ? { commands } : {}),
  }) satisfies CaseInput;

const rawFile = (label: string, data: () => string | Buffer, expect: CaseInput['expect'] = 'refuse') =>
  ({
    label,
    make: async (ctx: Ctx) => (await caseDir(ctx, label, undefined, data())).file,
    expect,
    commands: ['check', 'decide'] as CaseInput['commands'],
  }) satisfies CaseInput;

const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

const CASE_INPUTS: CaseInput[] = [
  {
    label: 'missing file',
    make: async (ctx) => path.join(await ctx.tmp('missing'), 'nope.json'),
    expect: 'refuse',
  },
  { label: 'a folder', make: (ctx) => ctx.tmp('folder'), expect: 'refuse', commands: ['check', 'decide'] },
  {
    label: '/dev/zero',
    make: async () => '/dev/zero',
    expect: 'refuse',
    commands: ['check', 'decide'],
    timeout: 20,
  },
  { label: '/dev/urandom', make: async () => '/dev/urandom', expect: 'refuse', timeout: 20 },
  {
    label: 'a FIFO nobody writes to',
    make: async (ctx) => {
      const file = path.join(await ctx.tmp('fifo'), 'case.json');
      execFileSync('mkfifo', [file]);
      return file;
    },
    expect: 'refuse',
    timeout: 15,
  },
  {
    label: 'a 150 MB file of spaces',
    make: async (ctx) => {
      const file = path.join(await ctx.tmp('huge'), 'case.json');
      await writeFile(file, Buffer.alloc(150 << 20, 0x20));
      return file;
    },
    expect: 'refuse',
    timeout: 60,
  },
  rawFile('empty file', () => ''),
  rawFile('whitespace only', () => ' \n\t '),
  rawFile('not JSON', () => 'schemaVersion: 4'),
  rawFile('truncated JSON', () => '{"schemaVersion":4,"id":"x","name":"abc'),
  rawFile('JSON then garbage', () => '{"schemaVersion":4,"id":"x"}garbage'),
  rawFile('UTF-16LE JSON', () => Buffer.from('\ufeff{"schemaVersion":4,"id":"x"}', 'utf16le')),
  rawFile('random binary', () => randomBytes(4096)),
  rawFile('null', () => 'null'),
  rawFile('an array', () => '[]'),
  rawFile('a string', () => '"case"'),
  rawFile('a number', () => '4'),
  rawFile('array nested 1,000,000 deep', () => '['.repeat(1_000_000) + ']'.repeat(1_000_000)),
  rawFile('object nested 200,000 deep', () => '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000)),
  rawFile('a 60 MB case name', () =>
    JSON.stringify({ schemaVersion: 4, id: 'x', name: 'n'.repeat(60 << 20) }),
  ),
  edited('schemaVersion 0', (c) => (c.schemaVersion = 0), 'refuse'),
  edited('schemaVersion -1', (c) => (c.schemaVersion = -1), 'refuse'),
  edited('schemaVersion 1.5', (c) => (c.schemaVersion = 1.5), 'refuse'),
  edited('schemaVersion "4"', (c) => (c.schemaVersion = '4'), 'refuse'),
  edited('schemaVersion 99', (c) => (c.schemaVersion = 99), 'refuse'),
  edited('schemaVersion null', (c) => (c.schemaVersion = null), 'refuse'),
  edited('id empty', (c) => (c.id = ''), 'refuse'),
  edited('id 100,000 characters', (c) => (c.id = 'i'.repeat(100_000)), 'refuse'),
  edited('id a number', (c) => (c.id = 7), 'refuse'),
  // unknown keys: a misspelling must not silently drop what the user entered
  edited(
    'misspelt legalRepresentativ',
    (c) => {
      c.legalRepresentativ = c.legalRepresentative;
      delete c.legalRepresentative;
    },
    'refuse',
    ['check', 'render', 'reminders'],
  ),
  edited('unknown key in subject', (c) => (at(c, 'subject').nmae = 'x'), 'refuse'),
  edited('unknown key in a service', (c) => ((c.services as Json[])[0]!.appid = 'wx1'), 'refuse'),
  edited('unknown key in answers', (c) => (at(c, 'answers').sector = ['news']), 'refuse', [
    'check',
    'decide',
  ]),
  edited('unknown key in an attachment', (c) => ((c.attachments as Json[])[0]!.extra = 1), 'refuse'),
  edited(
    '__proto__ key',
    (c) => Object.defineProperty(c, '__proto__', { value: { polluted: true }, enumerable: true }),
    'refuse',
  ),
  edited(
    'constructor key in subject',
    (c) =>
      Object.defineProperty(at(c, 'subject'), 'constructor', {
        value: { prototype: { x: 1 } },
        enumerable: true,
      }),
    'refuse',
  ),
  // lists beyond anything the domain allows
  edited('200,000 sectors', (c) => (at(c, 'answers').sectors = many(200_000, () => 'news')), 'refuse', [
    'check',
    'decide',
    'render',
    'reminders',
  ]),
  edited(
    '20,000 sectors',
    (c) => (at(c, 'answers').sectors = many(20_000, (i) => (i % 2 ? 'news' : 'maps'))),
    'refuse',
    ['check', 'decide'],
  ),
  edited(
    'every sector twice',
    (c) => (at(c, 'answers').sectors = ['news', 'news', 'maps', 'maps']),
    'refuse',
    ['check', 'decide'],
  ),
  edited('an unknown sector', (c) => (at(c, 'answers').sectors = ['gambling']), 'refuse', [
    'check',
    'decide',
  ]),
  edited(
    '100,000 activities',
    (c) => (at(c, 'answers').activities = many(100_000, () => 'info_only')),
    'refuse',
    ['check', 'decide'],
  ),
  edited('50,000 surfaces', (c) => (at(c, 'answers').surfaces = many(50_000, () => 'website')), 'refuse', [
    'check',
    'decide',
  ]),
  edited(
    '20,000 services',
    (c) => (c.services = many(20_000, (i) => ({ ...(c.services as Json[])[0], id: `s${i}` }))),
    'refuse',
  ),
  edited(
    '100,000 shareholders',
    (c) => (at(c, 'subject').shareholders = many(100_000, () => ({ name: 'x' }))),
    'refuse',
  ),
  edited('200,000 acknowledged keys', (c) => (c.acknowledged = many(200_000, (i) => `k${i}`)), 'refuse'),
  edited(
    '100,000 journal entries',
    (c) => (c.journal = many(100_000, () => ({ at: '2026-01-01T00:00:00Z', status: 'draft' }))),
    'refuse',
  ),
  edited(
    '100,000 English meanings',
    (c) => (c.englishMeanings = Object.fromEntries(many(100_000, (i) => [`k${i}`, 'v']))),
    'refuse',
  ),
  edited(
    '50,000 attachments',
    (c) => (c.attachments = many(50_000, () => (c.attachments as Json[])[0])),
    'refuse',
  ),
  edited('100,000 contacts', (c) => (c.contacts = many(100_000, () => ({ name: 'x' }))), 'refuse'),
  edited(
    '100,000 personal-data items',
    (c) => (c.personalData = many(100_000, () => ({ item: 'x' }))),
    'refuse',
  ),
  edited(
    '100,000 domains of a service',
    (c) => ((c.services as Json[])[0]!.domains = many(100_000, (i) => `a${i}.cn`)),
    'refuse',
  ),
  edited(
    '100,000 service content types',
    (c) => ((c.services as Json[])[0]!.serviceContentTypes = many(100_000, (i) => i)),
    'refuse',
  ),
  // strings and numbers beyond the schema
  edited('subject name of 1 MB', (c) => (at(c, 'subject').name = '公'.repeat(1 << 20)), 'refuse'),
  edited(
    'business scope 4,001 characters',
    (c) => (at(c, 'subject').businessScope = '经'.repeat(4001)),
    'refuse',
  ),
  edited('registered capital -1', (c) => (at(c, 'subject').registeredCapitalCny = -1), 'refuse'),
  edited('registered capital 1e308', (c) => (at(c, 'subject').registeredCapitalCny = 1e308), 'caseErrors'),
  edited('foreign equity 101 %', (c) => (at(c, 'answers').foreignEquityPct = 101), 'refuse', [
    'check',
    'decide',
  ]),
  edited('employee count 1.5', (c) => (at(c, 'subject').employeeCount = 1.5), 'refuse'),
  edited('planned submission 2026-02-30', (c) => (c.plannedSubmissionOn = '2026-02-30'), 'caseErrors'),
  edited(
    'attachment id not a hash',
    (c) => ((c.attachments as Json[])[0]!.id = '../../etc/passwd'),
    'refuse',
  ),
  edited(
    'attachment of an unknown type',
    (c) => ((c.attachments as Json[])[0]!.mediaType = 'image/svg+xml'),
    'refuse',
  ),
  // characters a terminal or the document font must not receive
  edited('case name with a clear-screen escape', (c) => (c.name = 'Acme\u001b[2J\u001b[H'), 'neutralise', [
    'check',
    'reminders',
  ]),
  edited(
    'subject name with OSC 52 (clipboard write)',
    (c) => (at(c, 'subject').name = '上海\u001b]52;c;cm0gLXJmIH4=\u0007有限公司'),
    'neutralise',
  ),
  edited(
    'service name with a bidi override',
    (c) => ((c.services as Json[])[0]!.name = '商城\u202egnp.exe'),
    'neutralise',
  ),
  edited('service name with C1 CSI', (c) => ((c.services as Json[])[0]!.name = '商城\u009b2J'), 'neutralise'),
  edited(
    'principal name with NUL and BEL',
    (c) => (at(c, 'principal').name = '张\u0000三\u0007'),
    'neutralise',
  ),
  edited(
    'subject name with a zero-width joiner',
    (c) => (at(c, 'subject').name = '上海\u200d有限公司'),
    'neutralise',
  ),
  edited(
    'journal note with a hyperlink escape',
    (c) => ((c.journal as Json[])[0]!.note = '\u001b]8;;http://evil/\u0007click\u001b]8;;\u0007'),
    'neutralise',
    ['check', 'reminders'],
  ),
  edited(
    'subject name with an emoji the font lacks',
    (c) => (at(c, 'subject').name = '上海🐉科技有限公司'),
    'caseErrors',
  ),
  edited(
    'subject address with a private-use character',
    (c) => (at(c, 'subject').certificateAddress = '上海市\ue000路1号'),
    'caseErrors',
  ),
  edited(
    'service description in Hangul',
    (c) => ((c.services as Json[])[0]!.contentDescription = '온라인 쇼핑몰'),
    'caseErrors',
  ),
  // edge cases a correct CLI accepts
  edited('the sample as it is', () => undefined, 'accept', ['check', 'decide', 'render', 'reminders']),
  edited(
    'a schema-1 case',
    (c) => {
      c.schemaVersion = 1;
      at(c, 'licence').categories = ['B25'];
    },
    'accept',
    ['check', 'decide'],
  ),
  edited(
    'a schema-3 case with licence categories',
    (c) => {
      c.schemaVersion = 3;
      at(c, 'licence').categories = ['B21'];
    },
    'accept',
    ['check', 'decide'],
  ),
  edited(
    'names at their longest',
    (c) => {
      c.name = 'n'.repeat(200);
      at(c, 'subject').name = '公'.repeat(200);
    },
    'accept',
  ),
  edited('a byte-order mark before the JSON', () => undefined, 'accept'),
];
CASE_INPUTS[CASE_INPUTS.length - 1]!.make = async (ctx) => {
  const fx = await ctx.fixtures();
  return (await caseDir(ctx, 'bom', undefined, `\ufeff${JSON.stringify(fx.sampleCase)}`)).file;
};

async function runCaseCommand(ctx: Ctx, command: string, file: string): Promise<CliRun> {
  const out = await ctx.tmp(`${command}-out`);
  if (command === 'render')
    return ctx.cli(['render', file, 'filing-commitment', '--out', path.join(out, 'a.pdf')]);
  if (command === 'reminders') return ctx.cli(['reminders', file, '--out', path.join(out, 'a.ics')]);
  return ctx.cli([command, file]);
}

for (const input of CASE_INPUTS)
  for (const command of input.commands ?? ['check'])
    add(
      'case-file',
      `${command}: ${input.label}`,
      async (ctx) => {
        const file = await input.make(ctx);
        const run = await runCaseCommand(ctx, command, file);
        if (input.expect === 'refuse') return judgeCliRefusal(run, { caseErrors: false });
        if (input.expect === 'caseErrors') {
          if (command !== 'check') return judgeCliSuccess(run, { allowExit1: true });
          const judged = judgeCliRefusal(run, { caseErrors: true });
          return judged.verdict === 'refused' && run.code === 1 ? outcome('handled', judged.note) : judged;
        }
        if (input.expect === 'neutralise') {
          if (hasRawControl(run.stdout) || hasRawControl(run.stderr))
            return outcome('wrong', `exit ${run.code}: raw control characters reached the terminal`);
          return judgeCliSuccess(run, { allowExit1: true });
        }
        return judgeCliSuccess(run, { allowExit1: command === 'check' || command === 'decide' });
      },
      input.timeout,
    );

// decide: answers files
const ANSWERS: [string, unknown, 'refuse' | 'accept'][] = [
  ['empty answers', {}, 'accept'],
  ['surfaces not a list', { surfaces: 'website' }, 'refuse'],
  ['a misspelt key', { surface: ['website'] }, 'refuse'],
  ['200,000 sectors', { sectors: many(200_000, () => 'news') }, 'refuse'],
  ['sectors repeated', { sectors: ['news', 'news'] }, 'refuse'],
  ['foreign equity NaN as a string', { foreignEquityPct: 'NaN' }, 'refuse'],
  ['province 10,000 characters', { province: '3'.repeat(10_000) }, 'refuse'],
  ['__proto__ in answers', JSON.parse('{"__proto__":{"surfaces":["website"]}}'), 'refuse'],
  [
    'every answer given',
    {
      surfaces: ['website'],
      mainlandHosting: true,
      subject: 'wfoe',
      foreignEquityPct: 100,
      pilotLocation: 'none',
      scope: 'single_province',
      province: '310000',
      activities: ['own_goods_sales'],
      sectors: [],
    },
    'accept',
  ],
];
for (const [label, answers, expect] of ANSWERS)
  add('case-file', `decide answers: ${label}`, async (ctx) => {
    const file = path.join(await ctx.tmp('answers'), 'answers.json');
    await writeFile(file, JSON.stringify(answers));
    const run = await ctx.cli(['decide', file]);
    return expect === 'refuse' ? judgeCliRefusal(run) : judgeCliSuccess(run, { allowExit1: true });
  });

// adcheck
for (const [label, data, expect] of [
  ['empty', '', 'refuse'],
  ['binary', randomBytes(2048), 'refuse'],
  ['100,001 characters', 'a'.repeat(100_001), 'refuse'],
  ['escape sequences in the copy', '最佳\u001b]52;c;eA==\u0007产品', 'accept'],
  ['plain copy', '我们的产品质量可靠。', 'accept'],
] as const)
  add('case-file', `adcheck: ${label}`, async (ctx) => {
    const file = path.join(await ctx.tmp('ad'), 'ad.txt');
    await writeFile(file, data);
    const run = await ctx.cli(['adcheck', file]);
    return expect === 'refuse' ? judgeCliRefusal(run) : judgeCliSuccess(run, { allowExit1: true });
  });

// ====================================================================== build: scans and outputs

/** The sample with its first scan replaced by `bytes` (named and listed by their own SHA-256). */
async function sampleWithScan(ctx: Ctx, label: string, bytes: Buffer, mediaType: string) {
  const fx = await ctx.fixtures();
  const first = fx.sampleCase.attachments[0]!;
  const id = sha256(bytes);
  const ext = mediaType === 'image/png' ? 'png' : mediaType === 'application/pdf' ? 'pdf' : 'jpg';
  const made = await caseDir(ctx, label, (c) => {
    const a = (c.attachments as Json[]).find((x) => x.id === first.id)!;
    Object.assign(a, { id, mediaType, bytes: bytes.length });
  });
  await writeFile(path.join(made.dir, 'attachments', `${id}.${ext}`), bytes);
  return made;
}

async function judgeBuild(
  ctx: Ctx,
  made: { dir: string; file: string },
  expect: 'refuse' | 'accept',
  extra: string[] = [],
) {
  const out = path.join(made.dir, 'out');
  const run = await ctx.cli(['build', made.file, '--out', out, '--accept-warnings', ...extra]);
  if (expect === 'accept') return judgeCliSuccess(run);
  return judgeCliRefusal(run, { caseErrors: true });
}

const SCANS: [string, (fx: Awaited<ReturnType<Ctx['fixtures']>>) => Buffer, string, 'refuse' | 'accept'][] = [
  ['the sample scans', (fx) => fx.jpeg, 'image/jpeg', 'accept'],
  ['a JPEG cut to half', (fx) => fx.jpeg.subarray(0, fx.jpeg.length >> 1), 'image/jpeg', 'refuse'],
  ['a JPEG cut to 600 bytes', (fx) => fx.jpeg.subarray(0, 600), 'image/jpeg', 'refuse'],
  [
    'a JPEG with its middle zeroed',
    (fx) =>
      Buffer.concat([
        fx.jpeg.subarray(0, 2000),
        Buffer.alloc(fx.jpeg.length - 4000),
        fx.jpeg.subarray(-2000),
      ]),
    'image/jpeg',
    'refuse',
  ],
  ['an SVG listed as PNG', (fx) => fx.svg, 'image/png', 'refuse'],
  ['a PNG listed as JPEG', (fx) => fx.png, 'image/jpeg', 'refuse'],
  ['a 30,000 × 30,000 PNG', (fx) => fx.pngBomb, 'image/png', 'refuse'],
  ['a PDF cut to half', (fx) => fx.pdf.subarray(0, fx.pdf.length >> 1), 'application/pdf', 'refuse'],
  ['a PDF cut to 600 bytes', (fx) => fx.pdf.subarray(0, 600), 'application/pdf', 'refuse'],
  ['a real PDF', (fx) => fx.pdf, 'application/pdf', 'accept'],
];
for (const [label, bytes, mediaType, expect] of SCANS)
  add(
    'build',
    `scan: ${label}`,
    async (ctx) => {
      const made = await sampleWithScan(ctx, label, bytes(await ctx.fixtures()), mediaType);
      return judgeBuild(ctx, made, expect);
    },
    120,
  );

add(
  'build',
  'an attachment file that is not there',
  async (ctx) => {
    const made = await caseDir(ctx, 'missing-att');
    const first = (await ctx.fixtures()).sampleCase.attachments[0]!;
    await rm(path.join(made.dir, 'attachments', `${first.id}.jpg`));
    return judgeBuild(ctx, made, 'refuse');
  },
  90,
);
add(
  'build',
  'an attachment file whose bytes changed',
  async (ctx) => {
    const made = await caseDir(ctx, 'changed-att');
    const first = (await ctx.fixtures()).sampleCase.attachments[0]!;
    const file = path.join(made.dir, 'attachments', `${first.id}.jpg`);
    const bytes = await readFile(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0x55;
    await writeFile(file, bytes);
    return judgeBuild(ctx, made, 'refuse');
  },
  90,
);
add(
  'build',
  '--out naming a file',
  async (ctx) => {
    const made = await caseDir(ctx, 'out-file');
    await writeFile(path.join(made.dir, 'out'), 'a file');
    return judgeBuild(ctx, made, 'refuse');
  },
  90,
);
add(
  'build',
  'twice without --force',
  async (ctx) => {
    const made = await caseDir(ctx, 'twice');
    await judgeBuild(ctx, made, 'accept');
    return judgeBuild(ctx, made, 'refuse');
  },
  180,
);
add(
  'build',
  'twice with --force',
  async (ctx) => {
    const made = await caseDir(ctx, 'twice-force');
    await judgeBuild(ctx, made, 'accept');
    return judgeBuild(ctx, made, 'accept', ['--force', '--zip']);
  },
  180,
);
add(
  'build',
  'a name the document font cannot print',
  async (ctx) => {
    const made = await caseDir(ctx, 'unprintable', (c) => (at(c, 'subject').name = '上海🐉科技有限公司'));
    return judgeBuild(ctx, made, 'refuse');
  },
  90,
);
add(
  'build',
  'a name with escape sequences',
  async (ctx) => {
    const made = await caseDir(ctx, 'escapes', (c) => ((c.services as Json[])[0]!.name = '商城\u001b[31m'));
    return judgeBuild(ctx, made, 'refuse');
  },
  90,
);

// ====================================================================== .icpcase archives

interface Entry {
  name: string;
  data: Uint8Array;
  stored?: boolean;
}

/** The entries of the plain sample export, to rebuild variants of it. */
async function sampleEntries(ctx: Ctx): Promise<Entry[]> {
  const fx = await ctx.fixtures();
  const bytes = fx.icpcase;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: Entry[] = [];
  let p = 0;
  const { inflateRawSync } = await import('node:zlib');
  while (view.getUint32(p, true) === 0x04034b50) {
    const method = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 26, true);
    const extra = view.getUint16(p + 28, true);
    const name = Buffer.from(bytes.subarray(p + 30, p + 30 + nameLength)).toString('utf8');
    const start = p + 30 + nameLength + extra;
    const compressed = view.getUint32(p + 18, true);
    const body = bytes.subarray(start, start + compressed);
    entries.push({ name, data: method === 0 ? body : inflateRawSync(body), stored: method === 0 });
    p = start + compressed;
  }
  return entries;
}

async function zipOf(ctx: Ctx, entries: Entry[]): Promise<Uint8Array> {
  return (await ctx.api()).writeZip(entries);
}

function patchCentral(zip: Uint8Array, patch: (view: DataView, record: number) => void): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  let eocd = copy.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  patch(view, view.getUint32(eocd + 16, true));
  return copy;
}

async function withCase(
  ctx: Ctx,
  edit: (c: Json, manifest: Json) => void,
  fixCrc = true,
): Promise<Uint8Array> {
  const entries = await sampleEntries(ctx);
  const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
  const caseEntry = entries.find((e) => e.name === 'case.json')!;
  const c = JSON.parse(Buffer.from(caseEntry.data).toString('utf8')) as Json;
  const manifest = JSON.parse(Buffer.from(manifestEntry.data).toString('utf8')) as Json;
  edit(c, manifest);
  caseEntry.data = Buffer.from(JSON.stringify(c, null, 2));
  manifestEntry.data = Buffer.from(JSON.stringify(manifest, null, 2));
  void fixCrc;
  return zipOf(ctx, entries);
}

/** A scrypt parameter block in an encrypted archive's wrapped key, as a crafted file could set it. */
async function craftedScrypt(ctx: Ctx, costLog2: number, r: number, p: number): Promise<Uint8Array> {
  const fx = await ctx.fixtures();
  const entries: Entry[] = [];
  const bytes = fx.icpcaseEncrypted;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let q = 0;
  const { inflateRawSync } = await import('node:zlib');
  while (view.getUint32(q, true) === 0x04034b50) {
    const method = view.getUint16(q + 8, true);
    const nameLength = view.getUint16(q + 26, true);
    const extra = view.getUint16(q + 28, true);
    const name = Buffer.from(bytes.subarray(q + 30, q + 30 + nameLength)).toString('utf8');
    const start = q + 30 + nameLength + extra;
    const compressed = view.getUint32(q + 18, true);
    const body = bytes.subarray(start, start + compressed);
    entries.push({ name, data: method === 0 ? body : inflateRawSync(body), stored: method === 0 });
    q = start + compressed;
  }
  const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
  const manifest = JSON.parse(Buffer.from(manifestEntry.data).toString('utf8')) as {
    encryption: { wrappedKey: string };
  };
  const wrapped = Buffer.from(manifest.encryption.wrappedKey, 'base64');
  wrapped[4] = costLog2;
  wrapped[5] = r;
  wrapped[6] = p;
  manifest.encryption.wrappedKey = wrapped.toString('base64');
  manifestEntry.data = Buffer.from(JSON.stringify(manifest));
  return zipOf(ctx, entries);
}

interface ArchiveInput {
  label: string;
  make: (ctx: Ctx) => Promise<Uint8Array>;
  /** `either`: refusing and accepting are both right; only a crash, a hang or a loss is not. */
  expect: 'refuse' | 'accept' | 'either';
  passphrase?: string;
  timeout?: number;
}

const ARCHIVES: ArchiveInput[] = [
  { label: 'the sample export', make: async (ctx) => (await ctx.fixtures()).icpcase, expect: 'accept' },
  {
    label: 'an encrypted export with its passphrase',
    make: async (ctx) => (await ctx.fixtures()).icpcaseEncrypted,
    expect: 'accept',
    passphrase: PASSPHRASE,
  },
  {
    label: 'an encrypted export without a passphrase',
    make: async (ctx) => (await ctx.fixtures()).icpcaseEncrypted,
    expect: 'refuse',
  },
  {
    label: 'an encrypted export with a wrong passphrase',
    make: async (ctx) => (await ctx.fixtures()).icpcaseEncrypted,
    expect: 'refuse',
    passphrase: 'wrong',
  },
  {
    label: 'scrypt N=2^20 r=32 p=4 (4 GiB)',
    make: (ctx) => craftedScrypt(ctx, 20, 32, 4),
    expect: 'refuse',
    passphrase: PASSPHRASE,
    timeout: 60,
  },
  {
    label: 'scrypt N=2^20 r=8 p=1 (1 GiB)',
    make: (ctx) => craftedScrypt(ctx, 20, 8, 1),
    expect: 'refuse',
    passphrase: PASSPHRASE,
    timeout: 60,
  },
  {
    label: 'scrypt N=2^18 r=16 p=4',
    make: (ctx) => craftedScrypt(ctx, 18, 16, 4),
    expect: 'refuse',
    passphrase: PASSPHRASE,
    timeout: 60,
  },
  {
    label: 'scrypt N=2^1',
    make: (ctx) => craftedScrypt(ctx, 1, 8, 1),
    expect: 'refuse',
    passphrase: PASSPHRASE,
  },
  {
    label: 'random bytes after PK',
    make: async () => Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(8192)]),
    expect: 'refuse',
  },
  {
    label: 'the export cut to half',
    make: async (ctx) => {
      const b = (await ctx.fixtures()).icpcase;
      return b.subarray(0, b.length >> 1);
    },
    expect: 'refuse',
  },
  {
    label: 'the export without its last 10 bytes',
    make: async (ctx) => {
      const b = (await ctx.fixtures()).icpcase;
      return b.subarray(0, b.length - 10);
    },
    expect: 'refuse',
  },
  {
    label: 'an entry ../escape',
    make: async (ctx) =>
      zipOf(ctx, [...(await sampleEntries(ctx)), { name: '../escape.txt', data: Buffer.from('x') }]),
    expect: 'refuse',
  },
  {
    label: 'an absolute entry',
    make: async (ctx) =>
      zipOf(ctx, [...(await sampleEntries(ctx)), { name: '/etc/x', data: Buffer.from('x') }]),
    expect: 'refuse',
  },
  {
    label: 'a backslash entry',
    make: async (ctx) =>
      zipOf(ctx, [...(await sampleEntries(ctx)), { name: 'a\\..\\..\\x', data: Buffer.from('x') }]),
    expect: 'refuse',
  },
  {
    label: 'a drive-letter entry',
    make: async (ctx) =>
      zipOf(ctx, [...(await sampleEntries(ctx)), { name: 'C:/x', data: Buffer.from('x') }]),
    expect: 'refuse',
  },
  {
    label: 'a symlink entry',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) => {
        v.setUint16(r + 4, (3 << 8) | 20, true);
        v.setUint32(r + 38, (0o120777 << 16) >>> 0, true);
      }),
    expect: 'refuse',
  },
  {
    label: 'an encrypted-entry flag',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) => v.setUint16(r + 8, 1, true)),
    expect: 'refuse',
  },
  {
    label: 'compression method 99',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) => v.setUint16(r + 10, 99, true)),
    expect: 'refuse',
  },
  {
    label: 'a ZIP64 size marker',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) =>
        v.setUint32(r + 24, 0xffffffff, true),
      ),
    expect: 'refuse',
  },
  {
    label: 'a declared size smaller than the data (bomb)',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) => v.setUint32(r + 24, 10, true)),
    expect: 'refuse',
  },
  {
    label: 'an entry declared 30 MB',
    make: async (ctx) =>
      patchCentral(await zipOf(ctx, await sampleEntries(ctx)), (v, r) => v.setUint32(r + 24, 30 << 20, true)),
    expect: 'refuse',
  },
  {
    label: 'a deflate bomb of 1 GB zeros declared honestly',
    make: async (ctx) => {
      const { deflateRawSync } = await import('node:zlib');
      const data = Buffer.alloc(64 << 20);
      void deflateRawSync;
      return zipOf(ctx, [...(await sampleEntries(ctx)), { name: 'attachments/zeros.bin', data }]);
    },
    expect: 'refuse',
    timeout: 60,
  },
  {
    label: 'two entries with one name',
    make: async (ctx) => {
      const e = await sampleEntries(ctx);
      return zipOf(ctx, [...e, e[0]!]);
    },
    expect: 'refuse',
  },
  {
    label: '2,000 entries',
    make: async (ctx) =>
      zipOf(ctx, [
        ...(await sampleEntries(ctx)),
        ...many(2000, (i) => ({ name: `x/${i}`, data: Buffer.from('x') })),
      ]),
    expect: 'refuse',
  },
  {
    label: 'an entry name with an escape sequence',
    make: async (ctx) =>
      zipOf(ctx, [...(await sampleEntries(ctx)), { name: 'x\u001b[2J', data: Buffer.from('x') }]),
    expect: 'accept',
  },
  {
    label: 'an entry name that is not UTF-8',
    make: async (ctx) => {
      const z = await zipOf(ctx, [...(await sampleEntries(ctx)), { name: 'xx', data: Buffer.from('x') }]);
      const i = Buffer.from(z).lastIndexOf(Buffer.from('xx'));
      const c = new Uint8Array(z);
      c[i] = 0xff;
      return c;
    },
    expect: 'refuse',
  },
  {
    label: 'no manifest',
    make: async (ctx) =>
      zipOf(
        ctx,
        (await sampleEntries(ctx)).filter((e) => e.name !== 'manifest.json'),
      ),
    expect: 'refuse',
  },
  {
    label: 'a manifest that is not JSON',
    make: async (ctx) =>
      zipOf(
        ctx,
        (await sampleEntries(ctx)).map((e) =>
          e.name === 'manifest.json' ? { ...e, data: Buffer.from('{') } : e,
        ),
      ),
    expect: 'refuse',
  },
  { label: 'manifest version 2', make: (ctx) => withCase(ctx, (_c, m) => (m.version = 2)), expect: 'refuse' },
  {
    label: 'manifest of another format',
    make: (ctx) => withCase(ctx, (_c, m) => (m.format = 'other')),
    expect: 'refuse',
  },
  {
    label: 'manifest with 100,000 attachments',
    make: (ctx) =>
      withCase(
        ctx,
        (_c, m) =>
          (m.attachments = many(100_000, () => ({
            id: 'a'.repeat(64),
            file: `attachments/${'a'.repeat(64)}.jpg`,
            bytes: 1,
          }))),
      ),
    expect: 'refuse',
  },
  {
    label: 'no case.json',
    make: async (ctx) =>
      zipOf(
        ctx,
        (await sampleEntries(ctx)).filter((e) => e.name !== 'case.json'),
      ),
    expect: 'refuse',
  },
  {
    label: 'case.json not JSON',
    make: async (ctx) =>
      zipOf(
        ctx,
        (await sampleEntries(ctx)).map((e) =>
          e.name === 'case.json' ? { ...e, data: Buffer.from('{"x"') } : e,
        ),
      ),
    expect: 'refuse',
  },
  {
    label: 'company name edited (CRC recomputed)',
    make: (ctx) => withCase(ctx, (c) => (at(c, 'subject').name = '另一家公司有限公司')),
    expect: 'refuse',
  },
  {
    label: 'legal representative ID edited (CRC recomputed)',
    make: (ctx) => withCase(ctx, (c) => (at(c, 'legalRepresentative').idNumber = 'E12345678')),
    expect: 'refuse',
  },
  {
    label: 'a scan altered (CRC recomputed)',
    make: async (ctx) => {
      const e = await sampleEntries(ctx);
      const a = e.find((x) => x.name.startsWith('attachments/'))!;
      const d = Buffer.from(a.data);
      d[d.length >> 1] = (d[d.length >> 1] ?? 0) ^ 1;
      a.data = d;
      return zipOf(ctx, e);
    },
    expect: 'refuse',
  },
  {
    label: 'a scan missing',
    make: async (ctx) => {
      const e = await sampleEntries(ctx);
      const i = e.findIndex((x) => x.name.startsWith('attachments/'));
      e.splice(i, 1);
      return zipOf(ctx, e);
    },
    expect: 'refuse',
  },
  {
    label: 'a scan truncated and re-hashed',
    make: async (ctx) => {
      const e = await sampleEntries(ctx);
      const a = e.find((x) => x.name.startsWith('attachments/'))!;
      const oldId = a.name.slice(12, 76);
      const cut = Buffer.from(a.data).subarray(0, a.data.length >> 1);
      const newId = sha256(cut);
      a.name = `attachments/${newId}.jpg`;
      a.data = cut;
      const caseEntry = e.find((x) => x.name === 'case.json')!;
      caseEntry.data = Buffer.from(Buffer.from(caseEntry.data).toString('utf8').split(oldId).join(newId));
      const manifestEntry = e.find((x) => x.name === 'manifest.json')!;
      const m = JSON.parse(Buffer.from(manifestEntry.data).toString('utf8')) as Json;
      const caseHash = (m as { caseSha256?: string }).caseSha256;
      let text = JSON.stringify(m).split(oldId).join(newId);
      if (caseHash) text = text.replace(caseHash, sha256(caseEntry.data));
      const m2 = JSON.parse(text) as { attachments: { id: string; bytes: number }[] };
      for (const x of m2.attachments) if (x.id === newId) x.bytes = cut.length;
      manifestEntry.data = Buffer.from(JSON.stringify(m2));
      return zipOf(ctx, e);
    },
    expect: 'refuse',
  },
  {
    label: 'a case with an unknown key',
    make: (ctx) => withCase(ctx, (c) => (c.legalRepresentativ = c.legalRepresentative)),
    expect: 'refuse',
  },
  {
    label: 'a case with 200,000 sectors',
    make: (ctx) => withCase(ctx, (c) => (at(c, 'answers').sectors = many(200_000, () => 'news'))),
    expect: 'refuse',
  },
  {
    label: 'a case with 30,000 services',
    make: (ctx) =>
      withCase(
        ctx,
        (c) => (c.services = many(30_000, (i) => ({ ...(c.services as Json[])[0], id: `s${i}` }))),
      ),
    expect: 'refuse',
    timeout: 60,
  },
  {
    label: 'a case of schema 99',
    make: (ctx) => withCase(ctx, (c) => (c.schemaVersion = 99)),
    expect: 'refuse',
  },
  {
    label: 'a case whose names carry escapes',
    make: (ctx) => withCase(ctx, (c) => (c.name = 'x\u001b]52;c;eA==\u0007')),
    expect: 'refuse',
  },
  {
    label: 'a 1,000-entry archive of empty files',
    make: async (ctx) =>
      zipOf(ctx, [
        ...(await sampleEntries(ctx)),
        ...many(900, (i) => ({ name: `pad/${i}`, data: new Uint8Array(0) })),
      ]),
    expect: 'accept',
  },
];

/** Probes the archive through the CLI (`check`) and through the app's import (then lists the store). */
for (const input of ARCHIVES) {
  add(
    'icpcase',
    `cli check: ${input.label}`,
    async (ctx) => {
      const file = path.join(await ctx.tmp('arch'), 'x.icpcase');
      await writeFile(file, await input.make(ctx));
      const run = await ctx.cli([
        'check',
        file,
        ...(input.passphrase ? ['--passphrase', input.passphrase] : []),
      ]);
      return input.expect === 'refuse' ? judgeCliRefusal(run) : judgeCliSuccess(run, { allowExit1: true });
    },
    input.timeout,
  );
  add(
    'icpcase',
    `app import: ${input.label}`,
    async (ctx) => {
      const file = path.join(await ctx.tmp('arch'), 'x.icpcase');
      await writeFile(file, await input.make(ctx));
      const { h } = await ctx.handlers({ showOpenDialog: async () => file });
      await h['case:create']!({ name: 'Other case' });
      let reply = (await h['case:import']!({})) as { ok: boolean; code?: string; details?: Json };
      if (!reply.ok && input.passphrase && reply.details?.importToken)
        reply = (await h['case:import']!({
          importToken: reply.details.importToken,
          passphrase: input.passphrase,
        })) as typeof reply;
      const list = (await h['cases:list']!()) as {
        ok: boolean;
        code?: string;
        value?: { readable: boolean }[];
      };
      if (!list.ok)
        return outcome(
          'crashed',
          `import ${reply.ok ? 'ok' : reply.code}; cases:list then fails (${list.code})`,
        );
      if (input.expect === 'accept')
        return reply.ok
          ? outcome('handled', `imported; ${list.value?.length} cases listed`)
          : outcome('wrong', `refused ${reply.code}`);
      return judgeIpcRefusal(reply);
    },
    input.timeout,
  );
}

// ====================================================================== IPC payloads

const CASE_ID = '0b6f3c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f';
const BAD_PAYLOADS: [string, unknown][] = [
  ['case:open', { id: '../../etc' }],
  ['case:open', { id: 5 }],
  ['case:open', {}],
  ['case:open', { id: CASE_ID, extra: 1 }],
  ['case:open', null],
  ['case:open', { id: CASE_ID }],
  ['case:open', { id: CASE_ID.toUpperCase() }],
  ['case:create', { name: '' }],
  ['case:create', { name: 'x'.repeat(201) }],
  ['case:create', { name: 5 }],
  ['case:create', { name: 'Acme\u001b[2J' }],
  ['case:create', { name: 'Shop\u202egnp.exe' }],
  ['case:rename', { id: CASE_ID, name: 'x' }],
  ['case:delete', { id: '..' }],
  ['case:duplicate', { id: CASE_ID, name: 'x'.repeat(500) }],
  ['case:restoreBackup', { id: CASE_ID, backup: 0 }],
  ['case:restoreBackup', { id: CASE_ID, backup: 6 }],
  ['case:restoreBackup', { id: CASE_ID, backup: '1' }],
  ['case:export', { id: CASE_ID, passphrase: '' }],
  ['case:export', { id: CASE_ID, passphrase: 'p'.repeat(2000) }],
  ['case:import', { importToken: 'not-a-uuid' }],
  ['case:import', { importToken: CASE_ID }],
  ['attachment:read', { caseId: CASE_ID, attachmentId: 'g'.repeat(64) }],
  ['attachment:remove', { caseId: CASE_ID, attachmentId: 'a'.repeat(64), checklistItemId: '' }],
  ['trash:restore', { id: CASE_ID }],
  ['packet:build', { caseId: CASE_ID, profile: 'evil' }],
  ['packet:build', { caseId: CASE_ID, profile: 'wechat', outDir: '/tmp' }],
  ['settings:set', { language: 'fr' }],
  ['settings:set', { language: 'en', theme: 'dark' }],
  ['shell:openExternal', { url: 'javascript:alert(1)' }],
  ['shell:openExternal', { url: 'http://www.gov.cn/zhengce/content/2015-10/14/content_10222.htm' }],
  ['shell:openExternal', { url: 'http://en.people.cn/n3/2025/0228/c90000-20282903.html' }],
  ['shell:openExternal', { url: 'https://evil-but-official.gov.cn/' }],
  ['shell:openExternal', { url: 'https://phishing.beian.gov.cn.attacker.gov.cn/' }],
  ['shell:openExternal', { url: 'https://x'.repeat(500) }],
];
for (const [channel, payload] of BAD_PAYLOADS)
  add('ipc', `${channel} ${JSON.stringify(payload)?.slice(0, 80)}`, async (ctx) => {
    const { h } = await ctx.handlers();
    const handler = h[channel];
    if (!handler) return outcome('crashed', `no handler ${channel}`);
    return judgeIpcRefusal(await handler(payload));
  });

/** case:save of the opened case with one change. */
async function saveEdited(ctx: Ctx, edit: (c: Json) => void): Promise<Outcome> {
  const { h } = await ctx.handlers();
  const created = (await h['case:create']!({ name: 'Saved' })) as { ok: boolean; value: Json };
  const c = clone(created.value);
  edit(c);
  const reply = await h['case:save']!({ case: c });
  const after = (await h['case:open']!({ id: created.value.id })) as { ok: boolean };
  if (!after.ok) return outcome('lost', 'the case no longer opens');
  return judgeIpcRefusal(reply);
}
const SAVES: [string, (c: Json) => void][] = [
  ['an unknown root key', (c) => (c.legalRepresentativ = { name: 'x' })],
  ['an unknown nested key', (c) => (at(c, 'subject').nmae = 'x')],
  ['200,000 sectors', (c) => (at(c, 'answers').sectors = many(200_000, () => 'news'))],
  ['20,000 sectors', (c) => (at(c, 'answers').sectors = many(20_000, () => 'news'))],
  ['sectors repeated', (c) => (at(c, 'answers').sectors = ['news', 'news'])],
  ['50,000 acknowledged keys', (c) => (c.acknowledged = many(50_000, (i) => `k${i}`))],
  ['a 1 MB name', (c) => (c.name = 'x'.repeat(1 << 20))],
  ['schemaVersion 3', (c) => (c.schemaVersion = 3)],
  [
    'an attachment never stored',
    (c) =>
      (c.attachments = [
        {
          id: 'a'.repeat(64),
          checklistItemId: 'x',
          originalName: 'x.jpg',
          mediaType: 'image/jpeg',
          bytes: 1,
          addedAt: '2026-01-01T00:00:00Z',
        },
      ]),
  ],
  ['another id', (c) => (c.id = CASE_ID)],
  ['a string where a list goes', (c) => (c.services = 'website')],
  [
    '10,000 English meanings',
    (c) => (c.englishMeanings = Object.fromEntries(many(10_000, (i) => [`services.${i}.name`, 'x']))),
  ],
  ['a name with an escape sequence', (c) => (c.name = 'Acme\u001b]52;c;eA==\u0007')],
];
for (const [label, edit] of SAVES) add('ipc', `case:save with ${label}`, (ctx) => saveEdited(ctx, edit));

async function attach(ctx: Ctx, fileName: string, bytes: unknown): Promise<Outcome> {
  const { h } = await ctx.handlers();
  const created = (await h['case:create']!({ name: 'Attach' })) as { value: Json };
  const reply = await h['attachment:add']!({
    caseId: created.value.id,
    checklistItemId: 'subject-certificate',
    fileName,
    bytes,
  });
  const list = (await h['cases:list']!()) as { ok: boolean };
  if (!list.ok) return outcome('crashed', 'cases:list fails after the attach');
  return judgeIpcRefusal(reply);
}
type Fx = Awaited<ReturnType<Ctx['fixtures']>>;
const ATTACHMENTS: [string, string, (fx: Fx) => unknown, 'refuse' | 'accept'][] = [
  ['a JPEG cut to half', 'a.jpg', (fx) => new Uint8Array(fx.jpeg.subarray(0, fx.jpeg.length >> 1)), 'refuse'],
  ['a JPEG cut to 600 bytes', 'a.jpg', (fx) => new Uint8Array(fx.jpeg.subarray(0, 600)), 'refuse'],
  [
    'a JPEG with zeroed scan data',
    'a.jpg',
    (fx) => new Uint8Array(Buffer.concat([fx.jpeg.subarray(0, 2000), Buffer.alloc(fx.jpeg.length - 2000)])),
    'refuse',
  ],
  ['an SVG named .png', 'scan.png', (fx) => new Uint8Array(fx.svg), 'refuse'],
  [
    'an SVG behind a PNG signature',
    'scan.png',
    (fx) =>
      new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), fx.svg])),
    'refuse',
  ],
  ['a 30,000 × 30,000 PNG', 'bomb.png', (fx) => new Uint8Array(fx.pngBomb), 'refuse'],
  ['a PNG cut to half', 'a.png', (fx) => new Uint8Array(fx.png.subarray(0, fx.png.length >> 1)), 'refuse'],
  ['a PDF cut to half', 'a.pdf', (fx) => new Uint8Array(fx.pdf.subarray(0, fx.pdf.length >> 1)), 'refuse'],
  ['a PDF cut to 600 bytes', 'a.pdf', (fx) => new Uint8Array(fx.pdf.subarray(0, 600)), 'refuse'],
  [
    'a PDF whose image is cut',
    'a.pdf',
    (fx) => {
      const b = Buffer.from(fx.pdf);
      const i = b.indexOf('stream') + 3000;
      b.fill(0, i, i + 20000);
      return new Uint8Array(b);
    },
    'refuse',
  ],
  ['21 MB', 'big.jpg', (fx) => new Uint8Array(Buffer.concat([fx.jpeg, Buffer.alloc(21 << 20)])), 'refuse'],
  ['an empty file', 'e.jpg', () => new Uint8Array(0), 'refuse'],
  ['a GIF', 'a.gif', () => new Uint8Array(Buffer.from('GIF89a\u0001\u0000\u0001\u0000')), 'refuse'],
  ['an array of numbers', 'a.jpg', (fx) => [...fx.jpeg.subarray(0, 100)], 'refuse'],
  ['a real JPEG', 'scan.jpg', (fx) => new Uint8Array(fx.jpeg), 'accept'],
  ['a real PNG', 'scan.png', (fx) => new Uint8Array(fx.png), 'accept'],
  ['a real PDF', 'scan.pdf', (fx) => new Uint8Array(fx.pdf), 'accept'],
  ['a real JPEG named ../../x.jpg', '../../x.jpg', (fx) => new Uint8Array(fx.jpeg), 'accept'],
  ['a real JPEG named with escapes', 'a\u001b[2J.jpg', (fx) => new Uint8Array(fx.jpeg), 'accept'],
];
for (const [label, name, bytes, expect] of ATTACHMENTS)
  add(
    'ipc',
    `attachment:add ${label}`,
    async (ctx) => {
      const result = await attach(ctx, name, bytes(await ctx.fixtures()));
      if (expect === 'refuse') return result;
      if (result.verdict === 'wrong') return outcome('handled', 'attached');
      return outcome(
        result.verdict === 'refused' ? 'wrong' : result.verdict,
        `refused a good file: ${result.note}`,
      );
    },
    90,
  );

// ====================================================================== store files

/** A store with two cases (one carries a scan); returns the store, its root and the ids. */
async function twoCases(ctx: Ctx) {
  const fx = await ctx.fixtures();
  const store = await ctx.store();
  const a = await store.create({ name: 'Case A' });
  const b = await store.create({ name: 'Case B' });
  await store.addAttachment(a.id, {
    checklistItemId: 'subject-certificate',
    fileName: 'a.jpg',
    bytes: new Uint8Array(fx.jpeg),
  });
  const opened = await store.open(a.id);
  await store.save({ ...opened.case, name: 'Case A edited' });
  return { store, root: store.root, a: a.id, b: b.id };
}

async function freshList(
  ctx: Ctx,
  root: string,
): Promise<Outcome & { entries?: { id: string; readable: boolean }[] }> {
  const store = await ctx.store({ root });
  try {
    return { ...outcome('handled', 'listed'), entries: await store.list() };
  } catch (error) {
    return outcome(
      error instanceof Error && error.name === 'StoreError' ? 'refused' : 'crashed',
      String((error as Error).message),
    );
  }
}

const flip = async (file: string, at = -20) => {
  const b = await readFile(file);
  const i = at < 0 ? b.length + at : at;
  b[i] = (b[i] ?? 0) ^ 0x01;
  await writeFile(file, b);
};

add('store', 'keyring.json with one flipped bit, mirror intact', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await flip(path.join(root, 'keyring.json'), -60);
  const store = await ctx.store({ root });
  try {
    await store.open(a);
    return outcome('handled', 'opened with the mirror');
  } catch (error) {
    return outcome('wrong', `locked out: ${(error as Error).message}`);
  }
});
add('store', 'keyring.json flipped bit: repaired after the unlock', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await flip(path.join(root, 'keyring.json'), -60);
  await (await ctx.store({ root })).open(a).catch(() => undefined);
  // Without the mirror, only a repaired keyring.json can open the store.
  await rm(path.join(root, 'keyring.mirror.json'));
  return (await ctx.store({ root })).open(a).then(
    () => outcome('handled', 'keyring.json repaired from the mirror'),
    (error: Error) => outcome('wrong', `keyring.json still damaged after a good unlock: ${error.message}`),
  );
});
add('store', 'keyring.json truncated, mirror intact', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  const file = path.join(root, 'keyring.json');
  await writeFile(file, (await readFile(file)).subarray(0, 30));
  return (await ctx.store({ root })).open(a).then(
    () => outcome('handled', 'opened with the mirror'),
    (error: Error) => outcome('wrong', error.message),
  );
});
add('store', 'keyring mirror only', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await rm(path.join(root, 'keyring.json'));
  return (await ctx.store({ root })).open(a).then(
    () => outcome('handled', 'opened with the mirror'),
    (error: Error) => outcome('wrong', error.message),
  );
});
add('store', 'both keyrings damaged', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await flip(path.join(root, 'keyring.json'), -60);
  await flip(path.join(root, 'keyring.mirror.json'), -60);
  const store = await ctx.store({ root });
  const judged = await judgeStoreRefusal(() => store.open(a));
  if (judged.verdict === 'refused' && /wrongPassphrase/.test(judged.note))
    return outcome('wrong', 'damaged key file reported as a wrong passphrase');
  return judged;
});
for (const [label, params] of [
  ['scrypt N=2^20 r=32 p=4 in keyring.json', [20, 32, 4]],
  ['scrypt N=2^20 r=8 p=4 in keyring.json', [20, 8, 4]],
  ['scrypt N=2^2 in keyring.json', [2, 8, 1]],
] as const)
  add(
    'store',
    label,
    async (ctx) => {
      const { root, a } = await twoCases(ctx);
      for (const name of ['keyring.json', 'keyring.mirror.json']) {
        const file = path.join(root, name);
        const ring = JSON.parse(await readFile(file, 'utf8')) as { wrappedKey: string };
        const blob = Buffer.from(ring.wrappedKey, 'base64');
        [blob[4], blob[5], blob[6]] = params;
        ring.wrappedKey = blob.toString('base64');
        await writeFile(file, JSON.stringify(ring));
      }
      return judgeStoreRefusal(async () => (await ctx.store({ root })).open(a));
    },
    60,
  );

add('store', 'case.json.enc with one flipped bit', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await flip(path.join(root, 'cases', a, 'case.json.enc'));
  const listed = await freshList(ctx, root);
  if (listed.verdict !== 'handled') return listed;
  const entry = listed.entries?.find((e) => e.id === a);
  return entry && !entry.readable && listed.entries?.length === 2
    ? outcome('handled', 'listed as damaged beside the other case')
    : outcome('wrong', JSON.stringify(listed.entries));
});
add('store', 'case.json.enc truncated to 0 bytes', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  await writeFile(path.join(root, 'cases', a, 'case.json.enc'), '');
  const listed = await freshList(ctx, root);
  return listed.verdict === 'handled' && listed.entries?.length === 2 ? outcome('handled', 'listed') : listed;
});
add('store', 'case.json.enc of the other case copied over', async (ctx) => {
  const { root, a, b } = await twoCases(ctx);
  await cp(path.join(root, 'cases', b, 'case.json.enc'), path.join(root, 'cases', a, 'case.json.enc'));
  const listed = await freshList(ctx, root);
  return listed.verdict === 'handled' && listed.entries?.filter((e) => e.readable).length === 1
    ? outcome('handled', 'the copied file is refused')
    : outcome('wrong', JSON.stringify(listed.entries));
});

/** Writes `doc` as the stored, validly encrypted document of case `id` (a poison case from a newer or buggy app). */
async function writeStoredDoc(ctx: Ctx, root: string, id: string, doc: unknown) {
  const api = await ctx.api();
  const provider = new api.PassphraseKeyProvider(PASSPHRASE, { costLog2: 10 });
  const key = await api.loadDataKey(api.nodeFs, root, provider, false);
  await writeFile(
    path.join(root, 'cases', id, 'case.json.enc'),
    api.encrypt(key, Buffer.from(JSON.stringify(doc)), api.Purpose.caseDocument, `case:${id}`),
  );
}
for (const [label, edit] of [
  ['200,000 sectors', (c: Json) => (at(c, 'answers').sectors = many(200_000, () => 'news'))],
  ['20,000 sectors', (c: Json) => (at(c, 'answers').sectors = many(20_000, () => 'news'))],
  ['an unknown key', (c: Json) => (c.legalRepresentativ = {})],
  ['a 40 MB name', (c: Json) => (c.name = 'x'.repeat(40 << 20))],
  ['5,000 services', (c: Json) => (c.services = many(5000, (i) => ({ kind: 'website', id: `s${i}` })))],
] as const)
  add(
    'store',
    `a stored case with ${label}: the others still list`,
    async (ctx) => {
      const { store, root, a, b } = await twoCases(ctx);
      const doc = clone((await store.open(a)).case);
      edit(doc);
      await writeStoredDoc(ctx, root, a, doc);
      const started = Date.now();
      const listed = await freshList(ctx, root);
      const seconds = (Date.now() - started) / 1000;
      if (listed.verdict !== 'handled') return outcome('crashed', `listing failed: ${listed.note}`);
      if (!listed.entries?.some((e) => e.id === b && e.readable))
        return outcome('lost', 'the other case is gone from the list');
      const poisoned = listed.entries.find((e) => e.id === a);
      if (seconds > 5) return outcome('hung', `listing took ${seconds.toFixed(1)} s`);
      return poisoned && !poisoned.readable
        ? outcome('handled', `listed as damaged in ${seconds.toFixed(1)} s`)
        : outcome('wrong', 'the poison case is listed as readable');
    },
    120,
  );

add(
  'store',
  'a stored case with 200,000 sectors through cases:list (IPC)',
  async (ctx) => {
    const { h, userData } = await ctx.handlers();
    const made = (await h['case:create']!({ name: 'Poison' })) as { value: Json };
    await h['case:create']!({ name: 'Innocent' });
    const doc = clone(made.value);
    at(doc, 'answers').sectors = many(200_000, () => 'news');
    await writeStoredDoc(ctx, path.join(userData, 'store'), String(made.value.id), doc);
    const { h: fresh } = await ctx.handlers({ userDataDir: userData });
    const list = (await fresh['cases:list']!()) as { ok: boolean; code?: string; value?: unknown[] };
    return list.ok && list.value?.length === 2
      ? outcome('handled', 'both listed')
      : outcome('crashed', `cases:list ${list.code}`);
  },
  120,
);

add('store', 'history.jsonl with garbage lines', async (ctx) => {
  const { root, a } = await twoCases(ctx);
  const file = path.join(root, 'cases', a, 'history.jsonl.enc');
  await writeFile(file, Buffer.concat([await readFile(file), Buffer.from('garbage\n\u0000\u0000\nxx')]));
  const store = await ctx.store({ root });
  try {
    const log = await store.history(a);
    await store.undo(a);
    return outcome('handled', `history ${log.length} records; undo ok`);
  } catch (error) {
    return outcome((error as Error).name === 'StoreError' ? 'refused' : 'crashed', (error as Error).message);
  }
});
add('store', 'an attachment blob with a flipped bit', async (ctx) => {
  const { store, root, a } = await twoCases(ctx);
  const dir = path.join(root, 'cases', a, 'attachments');
  const opened = await store.open(a);
  const id = (opened.case.attachments as { id: string }[])[0]!.id;
  await flip(path.join(dir, `${id}.enc`));
  return judgeStoreRefusal(() => store.readAttachment(a, id));
});
add('store', 'a young .new-* staging folder left by a killed import', async (ctx) => {
  const { root } = await twoCases(ctx);
  const staging = path.join(root, 'cases', '.new-0123456789abcdef');
  await mkdir(path.join(staging, 'attachments'), { recursive: true });
  await writeFile(path.join(staging, 'attachments', 'x.enc'), randomBytes(1000));
  await freshList(ctx, root);
  return stat(staging).then(
    () => outcome('wrong', 'the staging folder stays (10 minutes)'),
    () => outcome('handled', 'cleared at the next start'),
  );
});
add('store', 'stale temp files beside a case', async (ctx) => {
  const { store, root, a } = await twoCases(ctx);
  const temp = path.join(root, 'cases', a, '.case.json.enc.0123456789abcdef.tmp');
  await writeFile(temp, 'x');
  const { utimes } = await import('node:fs/promises');
  const old = new Date(Date.now() - 3600_000);
  await utimes(temp, old, old);
  await store.open(a);
  return stat(temp).then(
    () => outcome('wrong', 'temp file kept'),
    () => outcome('handled', 'removed'),
  );
});
add('store', 'a folder that is not a case id', async (ctx) => {
  const { root } = await twoCases(ctx);
  await mkdir(path.join(root, 'cases', 'not-a-case'));
  const listed = await freshList(ctx, root);
  return listed.verdict === 'handled' && listed.entries?.length === 2
    ? outcome('handled', 'ignored')
    : listed;
});
add('store', 'a damaged trash marker', async (ctx) => {
  const { store, root, b } = await twoCases(ctx);
  await store.delete(b);
  await writeFile(path.join(root, 'trash', b, 'trashed.json'), '{"deletedAt":');
  const trash = (await ctx.store({ root })) as StoreLike & { listTrash(): Promise<unknown[]> };
  return trash.listTrash().then(
    (l) => outcome('handled', `${l.length} in the trash`),
    (e: Error) => outcome('crashed', e.message),
  );
});

/** Point 0: the sweep of store.open() must never delete a temp file another write is about to rename. */
for (const write of ['writeScanNote', 'storeDerivedBlob'] as const)
  add('store', `open() sweeping while ${write} is between its write and its rename`, async (ctx) => {
    const api = await ctx.api();
    let release!: () => void;
    let paused!: () => void;
    const reachedRename = new Promise<void>((r) => (paused = r));
    const gate = new Promise<void>((r) => (release = r));
    let armed = false;
    const fs = {
      ...api.nodeFs,
      rename: async (from: string, to: string) => {
        if (armed && from.endsWith('.tmp')) {
          armed = false;
          paused();
          await gate;
        }
        return (api.nodeFs.rename as unknown as (a: string, b: string) => Promise<void>)(from, to);
      },
    };
    const store = await ctx.store({ fs });
    const c = await store.create({ name: 'Race' });
    armed = true;
    const pending =
      write === 'writeScanNote'
        ? store.writeScanNote(c.id, 'a'.repeat(64), '0123456789abcdef', Buffer.from('{}'))
        : store.storeDerivedBlob(c.id, randomBytes(500));
    await reachedRename;
    await store.open(c.id);
    release();
    return pending.then(
      () => outcome('handled', 'the write completed'),
      (error: Error) => outcome('lost', `the write failed: ${error.message}`),
    );
  });

/** Point 11: Windows antivirus holds the file; rename fails with EPERM a few times, then succeeds. */
for (const errno of ['EPERM', 'EBUSY', 'EACCES'])
  add('store', `rename failing twice with ${errno} (Windows)`, async (ctx) => {
    const api = await ctx.api();
    let failures = 0;
    let armed = false;
    const fs = {
      ...api.nodeFs,
      rename: async (from: string, to: string) => {
        if (armed && failures < 2 && from.endsWith('.tmp')) {
          failures++;
          throw Object.assign(new Error(`${errno}: operation not permitted, rename`), { code: errno });
        }
        return (api.nodeFs.rename as unknown as (a: string, b: string) => Promise<void>)(from, to);
      },
    };
    const store = await ctx.store({ fs });
    const c = await store.create({ name: 'Locked' });
    const opened = await store.open(c.id);
    armed = true;
    return store.save({ ...opened.case, name: 'Renamed' }).then(
      () => outcome('handled', 'saved after retrying'),
      (error: Error) =>
        outcome(error.name === 'StoreError' ? 'refused' : 'crashed', `save failed: ${error.message}`),
    );
  });

// ====================================================================== full and read-only disks

/** A file system whose disk is full: writes store a few bytes and fail with ENOSPC. */
function fullFs(api: Awaited<ReturnType<Ctx['api']>>, armed: () => boolean) {
  const fsp = api.nodeFs as unknown as typeof FsPromises;
  return {
    ...api.nodeFs,
    open: async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args);
      if (!armed()) return handle;
      const failing = async (data: string | Uint8Array) => {
        await handle.write(Buffer.from(data).subarray(0, 3));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile') return failing;
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}

const STORE_WRITES: [string, (store: StoreLike, id: string, fx: Fx) => Promise<unknown>][] = [
  ['save', async (s, id) => s.save({ ...(await s.open(id)).case, name: 'changed' })],
  ['create', (s) => s.create({ name: 'new' })],
  ['duplicate', (s, id) => s.duplicate(id)],
  ['delete', (s, id) => s.delete(id)],
  ['undo', (s, id) => s.undo(id)],
  [
    'addAttachment',
    (s, id, fx) =>
      s.addAttachment(id, { checklistItemId: 'x', fileName: 'p.png', bytes: new Uint8Array(fx.png) }),
  ],
  ['importCase', (s, _id, fx) => s.importCase(fx.icpcase)],
  ['restoreFromBackup', (s, id) => s.restoreFromBackup(id, 1)],
];
for (const [label, write] of STORE_WRITES)
  add('disk', `store ${label} on a full disk`, async (ctx) => {
    const api = await ctx.api();
    const fx = await ctx.fixtures();
    let full = false;
    const store = await ctx.store({ fs: fullFs(api, () => full) });
    const c = await store.create({ name: 'Before' });
    const opened = await store.open(c.id);
    await store.save({ ...opened.case, name: 'Entered by the user' });
    full = true;
    const judged = await judgeStoreRefusal(() => write(store, c.id, fx));
    full = false;
    const again = await (await ctx.store({ root: store.root })).open(c.id).catch(() => undefined);
    if (!again || again.case.name !== 'Entered by the user') {
      if (label === 'delete' && !again) return judged;
      return outcome('lost', `after ${label}: ${again ? String(again.case.name) : 'the case does not open'}`);
    }
    return judged;
  });

/** A CLI command writing into the full (or read-only) tmpfs: one line, exit 2, nothing half-written. */
const DISK_COMMANDS: [string, (ctx: Ctx, dir: string) => string[], string][] = [
  ['sample', (_ctx, dir) => ['sample', '--out', dir], 'case.json'],
  [
    'render',
    (ctx, dir) => [
      'render',
      path.join(ctx.base, 'fixtures/sample/case.json'),
      'business-plan',
      '--out',
      path.join(dir, 'plan.pdf'),
    ],
    'plan.pdf',
  ],
  [
    'reminders',
    (ctx, dir) => [
      'reminders',
      path.join(ctx.base, 'fixtures/sample/case.json'),
      '--out',
      path.join(dir, 'r.ics'),
    ],
    'r.ics',
  ],
  [
    'build',
    (ctx, dir) => [
      'build',
      path.join(ctx.base, 'fixtures/sample/case.json'),
      '--out',
      dir,
      '--accept-warnings',
    ],
    '',
  ],
  [
    'build --zip',
    (ctx, dir) => [
      'build',
      path.join(ctx.base, 'fixtures/sample/case.json'),
      '--out',
      dir,
      '--zip',
      '--accept-warnings',
    ],
    '',
  ],
];

async function complete(file: string): Promise<boolean> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return true;
  const text = bytes.toString('latin1');
  if (file.endsWith('.pdf')) return text.trimEnd().endsWith('%%EOF');
  if (file.endsWith('.ics')) return text.trimEnd().endsWith('END:VCALENDAR');
  if (file.endsWith('.json')) {
    try {
      JSON.parse(bytes.toString('utf8'));
      return true;
    } catch {
      return false;
    }
  }
  return true;
}

/** The first file under `dir` that is cut short; `except`: the user's earlier file, left as it was on purpose. */
async function halfWritten(dir: string, except?: string): Promise<string | undefined> {
  const walk = async (d: string): Promise<string | undefined> => {
    for (const name of await readdir(d).catch(() => [] as string[])) {
      if (name === '.filler') continue;
      const full = path.join(d, name);
      if (full === except) continue;
      const info = await stat(full);
      if (info.isDirectory()) {
        const found = await walk(full);
        if (found) return found;
      } else if (!(await complete(full))) return full;
    }
    return undefined;
  };
  return walk(dir);
}

for (const [label, args, output] of DISK_COMMANDS) {
  for (const free of [0, 40 << 10])
    add(
      'disk',
      `cli ${label} on a full disk (${free >> 10} KB free)`,
      async (ctx) => {
        await ctx.fixtures();
        const dir = await ctx.refillFull(free);
        if (!dir) return outcome('refused', 'skipped: no tmpfs (not root)');
        const target = path.join(dir, 'out');
        const run = await ctx.cli(args(ctx, target));
        const half = await halfWritten(dir);
        if (half) return outcome('lost', `exit ${run.code}: half-written ${path.relative(dir, half)}`);
        // A small output that fits in the space left is written whole: that is right, not a wrong acceptance.
        if (run.code === 0 && free > 0) return outcome('handled', `fits in ${free >> 10} KB, written whole`);
        return judgeCliRefusal(run);
      },
      120,
    );
  add(
    'disk',
    `cli ${label} on a read-only disk`,
    async (ctx) => {
      await ctx.fixtures();
      const dir = ctx.mounts.ro;
      if (!dir) return outcome('refused', 'skipped: no tmpfs (not root)');
      return judgeCliRefusal(await ctx.cli(args(ctx, path.join(dir, 'out'))));
    },
    120,
  );
  if (output)
    add(
      'disk',
      `cli ${label} over an existing file on a full disk`,
      async (ctx) => {
        await ctx.fixtures();
        const target = (dir: string) => path.join(dir, 'out');
        const existing = (dir: string) => path.join(target(dir), output);
        const dir = await ctx.refillFull(0, async (d) => {
          await mkdir(target(d), { recursive: true });
          await writeFile(existing(d), 'the user’s earlier file');
        });
        if (!dir) return outcome('refused', 'skipped: no tmpfs (not root)');
        const run = await ctx.cli([...args(ctx, target(dir)), '--force']);
        const after = await readFile(existing(dir), 'utf8').catch(() => undefined);
        if (after !== 'the user’s earlier file' && !(after !== undefined && (await complete(existing(dir)))))
          return outcome('lost', `exit ${run.code}: ${output} destroyed`);
        const half = await halfWritten(dir, after === 'the user’s earlier file' ? existing(dir) : undefined);
        if (half) return outcome('lost', `exit ${run.code}: half-written ${path.relative(dir, half)}`);
        return judgeCliRefusal(run);
      },
      120,
    );
}

add(
  'disk',
  'app export of an .icpcase to a full disk',
  async (ctx) => {
    await ctx.fixtures();
    const dir = await ctx.refillFull(10 << 10);
    if (!dir) return outcome('refused', 'skipped: no tmpfs (not root)');
    const target = path.join(dir, 'x.icpcase');
    const { h } = await ctx.handlers({ showSaveDialog: async () => target });
    const created = (await h['case:createSample']!()) as { ok: boolean; value: Json };
    if (!created.ok) return outcome('crashed', 'sample failed');
    const reply = await h['case:export']!({ id: created.value.id });
    const half = await halfWritten(dir);
    const leftover = (await readdir(dir)).find((n) => n !== '.filler');
    if (half || leftover) return outcome('lost', `left ${leftover ?? half}`);
    return judgeIpcRefusal(reply);
  },
  120,
);

add(
  'disk',
  'app packet build into a full disk',
  async (ctx) => {
    await ctx.fixtures();
    const dir = await ctx.refillFull(30 << 10);
    if (!dir) return outcome('refused', 'skipped: no tmpfs (not root)');
    const { h } = await ctx.handlers({ showPacketFolderDialog: async () => dir });
    const created = (await h['case:createSample']!()) as { ok: boolean; value: Json };
    const reply = await h['packet:build']!({
      caseId: created.value.id,
      profile: 'wechat',
      acceptWarnings: true,
    });
    return judgeIpcRefusal(reply);
  },
  180,
);

/** Point 0 end to end: export right after the sample arrives, while its scans are normalised in the background. */
add(
  'ipc',
  'packet:build right after the sample (background normalisation running)',
  async (ctx) => {
    const out = await ctx.tmp('race-out');
    const background: Promise<unknown>[] = [];
    const { h } = await ctx.handlers({
      showPacketFolderDialog: async () => out,
      runInBackground: (work: Promise<unknown>) => background.push(work.catch((e: Error) => e)),
    });
    const created = (await h['case:createSample']!()) as { ok: boolean; value: Json };
    const reply = (await h['packet:build']!({
      caseId: created.value.id,
      profile: 'wechat',
      acceptWarnings: true,
    })) as { ok: boolean; code?: string; details?: Json };
    const late = (await Promise.all(background)).filter((r) => r instanceof Error);
    if (!reply.ok) return outcome('crashed', `${reply.code} ${JSON.stringify(reply.details)}`);
    if (late.length)
      return outcome('crashed', `background normalisation failed: ${(late[0] as Error).message}`);
    return outcome('handled', 'built');
  },
  180,
);

export function allProbes(): Probe[] {
  const ids = new Set<string>();
  for (const p of probes) {
    if (ids.has(p.id)) throw new Error(`duplicate probe id ${p.id}`);
    ids.add(p.id);
  }
  return probes;
}

export const probeDigest = (): string =>
  createHash('sha256')
    .update(probes.map((p) => p.id).join('\n'))
    .digest('hex')
    .slice(0, 12);

void crc32;
