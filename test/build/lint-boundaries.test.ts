// The layering in eslint.config.js, proved rule by rule: each forbidden import is linted as if it were in a
// file of that layer and must be refused, and the allowed direction must pass. The cycle rule is shown to
// catch a planted cycle through real files of the tree.
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

/** A probe file's code: imports `name` from `from` and uses it. */
const importing = (name: string, from: string) => `import { ${name} } from '${from}';\nvoid ${name};\n`;

const forbidden: [layer: string, file: string, code: string][] = [
  ['core → host', 'core/model/probe.ts', importing('CaseStore', '../../host/store/case-store')],
  ['core → electron', 'core/model/probe.ts', importing('createHandlers', '../../electron/ipc/handlers')],
  ['core → cli', 'core/model/probe.ts', importing('main', '../../cli/main')],
  ['core → fs', 'core/model/probe.ts', importing('readFile', 'node:fs/promises')],
  ['host → electron module', 'host/store/probe.ts', importing('app', 'electron')],
  ['host → electron/', 'host/store/probe.ts', importing('isAppUrl', '../../electron/security')],
  ['host → cli', 'host/packet/probe.ts', importing('main', '../../cli/main')],
  ['host → renderer', 'host/probe.ts', importing('App', '../renderer/src/App')],
  ['electron → cli', 'electron/ipc/probe.ts', importing('main', '../../cli/main')],
  ['electron → renderer', 'electron/probe.ts', importing('App', '../renderer/src/App')],
  ['cli → electron/', 'cli/commands/probe.ts', importing('createHandlers', '../../electron/ipc/handlers')],
  ['cli → electron module', 'cli/commands/probe.ts', importing('app', 'electron')],
  ['renderer → host', 'renderer/src/probe.ts', importing('CaseStore', '../../host/store/case-store')],
  ['renderer → cli', 'renderer/src/probe.ts', importing('main', '../../cli/main')],
  [
    'renderer → electron/ beyond the contract',
    'renderer/src/probe.ts',
    importing('isAppUrl', '../../electron/security'),
  ],
  ['renderer → Node built-in', 'renderer/src/probe.ts', "import path from 'node:path';\nvoid path;\n"],
];

const allowed: [layer: string, file: string, code: string][] = [
  ['host → core', 'host/store/probe.ts', importing('restore', '../../core/model/restore')],
  ['electron → host', 'electron/ipc/probe.ts', importing('CaseStore', '../../host/store/case-store')],
  ['cli → host', 'cli/commands/probe.ts', importing('CaseStore', '../../host/store/case-store')],
  ['renderer → core', 'renderer/src/probe.ts', importing('restore', '../../core/model/restore')],
  [
    'renderer → contract types',
    'renderer/src/probe.ts',
    "import type { Channel } from '../../electron/contract';\nexport type C = Channel;\n",
  ],
];

// The first lint builds the type-aware program of the whole tree (seconds on a loaded 2-core machine): do it
// once here, so no single rule's test is charged with it and hits the 5 s test timeout.
beforeAll(async () => {
  await ruleIds('core/model/probe.ts', 'export const warm = 1;\n');
}, 120_000);

describe('layer boundaries', () => {
  it.each(forbidden)('refuses %s', async (_layer, file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each(allowed)('allows %s', async (_layer, file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('refuses an import that closes a cycle through real files, and names the chain', async () => {
    // cli/main.ts imports cli/command.ts; importing main back from command closes the cycle.
    const [result] = await eslint.lintText("import { main } from './main';\nexport const entry = main;\n", {
      filePath: 'cli/command.ts',
    });
    const cycle = result?.messages.find((m) => m.ruleId === 'local/no-import-cycle');
    expect(cycle?.message).toContain('cli/command.ts → cli/main.ts → cli/command.ts');
  });

  it('counts type-only imports', async () => {
    // electron/ipc/handlers.ts imports the HandlerDeps type from deps.ts.
    const ids = await ruleIds(
      'electron/ipc/deps.ts',
      "import type { createHandlers } from './handlers';\nexport type Make = typeof createHandlers;\n",
    );
    expect(ids).toContain('local/no-import-cycle');
  });

  it('passes a file whose imports do not lead back to it', async () => {
    const ids = await ruleIds('cli/probe.ts', "import { main } from './main';\nexport const entry = main;\n");
    expect(ids).not.toContain('local/no-import-cycle');
  });
});
