/**
 * Settings → Rules in main: importing a signed rule pack from the file the dialog names (good, tampered,
 * unsigned, older), the pack in use after a restart, and going back to the bundled pack. A throwaway key is
 * trusted instead of the shipped one; the pack is installed into this process's core, as main does.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUNDLED_RULE_PACK_INFO, decidePathway, installRulePack } from '../../../core/rules';
import { PathwayAnswersSchema } from '../../../core/model/case';
import { createHandlers } from '../../../electron/ipc/handlers';
import { importedPackPath } from '../../../host/rules/pack-store';
import { removeTempDirs, tempDir } from '../../host/store/helpers';
import {
  MARKED_TITLE,
  markedPack,
  packEdition,
  signedPack,
  throwawayKeys,
} from '../../host/rules/pack-helpers';
import { handlerDeps, value } from './harness';

const keys = throwawayKeys();
const answers = PathwayAnswersSchema.parse({
  surfaces: ['website'],
  mainlandHosting: true,
  subject: 'domestic_company',
  activities: ['info_only'],
});
const r2Title = () => decidePathway(answers).conclusions.find((c) => c.ruleId === 'R2')?.title.en;

afterEach(async () => {
  installRulePack(null);
  await removeTempDirs();
});

/** Handlers on a fresh user-data folder whose Open dialog picks `files[name]`, written into the folder. */
async function setUp(dir?: string) {
  const userDataDir = dir ?? (await tempDir('icp-rules-ipc-'));
  let next: string | undefined;
  const h = createHandlers(
    handlerDeps(userDataDir, {
      trustedRulePackKeys: keys.trusted,
      showRulePackOpenDialog: async () => next,
    }),
  );
  const choose = async (bytes: Buffer | undefined) => {
    if (!bytes) return void (next = undefined);
    next = path.join(userDataDir, 'downloads.icprules');
    await writeFile(next, bytes);
  };
  return { h, userDataDir, choose };
}

describe('rules:status, rules:import, rules:useBundled', { timeout: 30_000 }, () => {
  it('imports a good pack: main decides with it at once, the renderer gets its files', async () => {
    const { h, choose } = await setUp();
    expect(value(await h['rules:status'](undefined))).toEqual({
      active: BUNDLED_RULE_PACK_INFO,
      bundled: BUNDLED_RULE_PACK_INFO,
    });
    await choose(signedPack(markedPack(), keys));
    const result = value(await h['rules:import'](undefined));
    expect(result.imported).toBe(true);
    if (!result.imported) return;
    expect(result.status.active).toEqual({
      ...BUNDLED_RULE_PACK_INFO,
      version: BUNDLED_RULE_PACK_INFO.version + 1,
      origin: 'imported',
    });
    expect(result.status.content?.manifest.version).toBe(BUNDLED_RULE_PACK_INFO.version + 1);
    expect(r2Title()).toBe(MARKED_TITLE);
    expect(value(await h['rules:status'](undefined)).active.origin).toBe('imported');
  });

  it('refuses a tampered, an unsigned and an older pack, and keeps the rules in use', async () => {
    const { h, choose, userDataDir } = await setUp();
    const file = JSON.parse(signedPack(markedPack(), keys).toString('utf8')) as Record<string, string>;
    await choose(
      Buffer.from(JSON.stringify({ ...file, payload: file.payload!.replace('Marked', 'Edited') })),
    );
    expect(await h['rules:import'](undefined)).toMatchObject({ ok: false, code: 'rulePackTampered' });
    await choose(Buffer.from(JSON.stringify(markedPack())));
    expect(await h['rules:import'](undefined)).toMatchObject({ ok: false, code: 'rulePackUnsigned' });
    await choose(signedPack(packEdition({ version: BUNDLED_RULE_PACK_INFO.version }), keys));
    expect(await h['rules:import'](undefined)).toMatchObject({
      ok: false,
      code: 'rulePackNotNewer',
      details: { version: BUNDLED_RULE_PACK_INFO.version },
    });
    await choose(signedPack(markedPack(), throwawayKeys('stranger')));
    expect(await h['rules:import'](undefined)).toMatchObject({ ok: false, code: 'rulePackUnknownKey' });
    await expect(readFile(importedPackPath(userDataDir))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(value(await h['rules:status'](undefined)).active).toEqual(BUNDLED_RULE_PACK_INFO);
    expect(r2Title()).not.toBe(MARKED_TITLE);

    // An older pack than an imported one is refused too, though newer than the bundled one.
    const imported = BUNDLED_RULE_PACK_INFO.version + 2;
    await choose(signedPack(markedPack(imported), keys));
    value(await h['rules:import'](undefined));
    await choose(signedPack(markedPack(imported - 1), keys));
    expect(await h['rules:import'](undefined)).toMatchObject({
      ok: false,
      code: 'rulePackNotNewer',
      details: { version: imported },
    });
  });

  it('a cancelled dialog changes nothing', async () => {
    const { h, choose } = await setUp();
    await choose(undefined);
    expect(value(await h['rules:import'](undefined))).toEqual({ imported: false });
  });

  it('the imported pack is in use again after a restart; going back removes it, and stays so', async () => {
    const first = await setUp();
    await first.choose(signedPack(markedPack(), keys));
    value(await first.h['rules:import'](undefined));
    installRulePack(null);

    const restarted = await setUp(first.userDataDir);
    const status = value(await restarted.h['rules:status'](undefined));
    expect(status.active.origin).toBe('imported');
    expect(status.content).toBeDefined();
    expect(r2Title()).toBe(MARKED_TITLE);

    const back = value(await restarted.h['rules:useBundled'](undefined));
    expect(back).toEqual({ active: BUNDLED_RULE_PACK_INFO, bundled: BUNDLED_RULE_PACK_INFO });
    expect(r2Title()).not.toBe(MARKED_TITLE);
    const again = await setUp(first.userDataDir);
    expect(value(await again.h['rules:status'](undefined)).active).toEqual(BUNDLED_RULE_PACK_INFO);
  });

  it('an imported file changed on disk is reported and not used', async () => {
    const first = await setUp();
    await first.choose(signedPack(markedPack(), keys));
    value(await first.h['rules:import'](undefined));
    installRulePack(null);
    const stored = JSON.parse(await readFile(importedPackPath(first.userDataDir), 'utf8')) as Record<
      string,
      string
    >;
    await writeFile(
      importedPackPath(first.userDataDir),
      JSON.stringify({ ...stored, payload: stored.payload!.replace('Marked', 'Edited') }),
    );
    const restarted = await setUp(first.userDataDir);
    const status = value(await restarted.h['rules:status'](undefined));
    expect(status).toEqual({
      active: BUNDLED_RULE_PACK_INFO,
      bundled: BUNDLED_RULE_PACK_INFO,
      importedProblem: 'tampered',
    });
    expect(r2Title()).not.toBe(MARKED_TITLE);
  });
});
