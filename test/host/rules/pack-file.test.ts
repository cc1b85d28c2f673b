import { sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_RULE_PACK, BUNDLED_RULE_PACK_INFO } from '../../../core/rules/pack';
import { signRulePack, verifyRulePackFile } from '../../../host/rules/pack-file';
import {
  importRulePack,
  importedPackPath,
  readImportedPack,
  removeImportedPack,
} from '../../../host/rules/pack-store';
import { TRUSTED_RULE_PACK_KEYS } from '../../../host/rules/trusted-keys';
import { removeTempDirs, tempDir } from '../store/helpers';
import { markedPack, packEdition, signedPack, throwawayKeys } from './pack-helpers';

const keys = throwawayKeys();
const other = throwawayKeys('other-key');

afterAll(removeTempDirs);

/** The envelope of a signed file, to take apart. */
const envelope = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as Record<string, string>;
const bytesOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('verifying a rule-pack file', { timeout: 20_000 }, () => {
  it('a pack signed with a trusted key verifies, with its edition and dates', () => {
    const check = verifyRulePackFile(signedPack(markedPack(), keys), keys.trusted);
    expect(check).toMatchObject({ ok: true, keyId: 'test-key' });
    if (check.ok)
      expect(check.info).toMatchObject({ origin: 'imported', version: BUNDLED_RULE_PACK_INFO.version + 1 });
  });

  it('a pack changed after signing is refused as tampered: the payload, or the signature', () => {
    const file = envelope(signedPack(markedPack(), keys));
    const changed = { ...file, payload: file.payload!.replace('Marked title', 'Edited title') };
    expect(verifyRulePackFile(bytesOf(changed), keys.trusted)).toEqual({ ok: false, reason: 'tampered' });
    const sig = Buffer.from(file.signature!, 'base64');
    sig[0] = sig[0]! ^ 0xff;
    const badSignature = { ...file, signature: sig.toString('base64') };
    expect(verifyRulePackFile(bytesOf(badSignature), keys.trusted)).toEqual({
      ok: false,
      reason: 'tampered',
    });
    // Signed by a trusted key id's holder? No: another key under the trusted id is tampering too.
    const forged = envelope(signedPack(markedPack(), { ...other, keyId: 'test-key' }));
    expect(verifyRulePackFile(bytesOf(forged), keys.trusted)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a lifecycle rule file changed after signing is refused as tampered', () => {
    const file = envelope(signedPack(markedPack(), keys));
    const content = JSON.parse(file.payload!) as { files: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    content.files['licence-lifecycle'].renewal.leadDays = 30;
    content.files['annual-report'].calendar.deadline.monthDay = '06-30';
    const changed = { ...file, payload: JSON.stringify(content) };
    expect(verifyRulePackFile(bytesOf(changed), keys.trusted)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a regulation file that joined the pack (holidays, validity) changed after signing is refused as tampered', () => {
    const file = envelope(signedPack(markedPack(), keys));
    for (const edit of [
      (files: Record<string, any>) => void files['holidays-cn'].years[0].workdays.pop(), // eslint-disable-line @typescript-eslint/no-explicit-any
      (files: Record<string, any>) => void (files.validity.default.months = 1), // eslint-disable-line @typescript-eslint/no-explicit-any
    ]) {
      const content = JSON.parse(file.payload!) as { files: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      edit(content.files);
      const changed = { ...file, payload: JSON.stringify(content) };
      expect(verifyRulePackFile(bytesOf(changed), keys.trusted)).toEqual({ ok: false, reason: 'tampered' });
    }
  });

  it('an unsigned pack is refused: the rule files themselves, or an envelope without a signature', () => {
    expect(verifyRulePackFile(bytesOf(markedPack()), keys.trusted)).toEqual({
      ok: false,
      reason: 'unsigned',
    });
    const file = envelope(signedPack(markedPack(), keys));
    expect(verifyRulePackFile(bytesOf({ ...file, signature: '' }), keys.trusted)).toEqual({
      ok: false,
      reason: 'unsigned',
    });
  });

  it('a pack signed with a key the app does not trust is refused', () => {
    expect(verifyRulePackFile(signedPack(markedPack(), other), keys.trusted)).toEqual({
      ok: false,
      reason: 'unknownKey',
    });
    // The shipped keys do not trust a throwaway test key either.
    expect(verifyRulePackFile(signedPack(markedPack(), keys), TRUSTED_RULE_PACK_KEYS)).toMatchObject({
      ok: false,
      reason: 'unknownKey',
    });
  });

  it('a signed pack this app cannot read is refused as unreadable, with the problems', () => {
    const content = packEdition({
      edit: (files) => void (files['pathway-rules'].rules[0].effect = 'teleport'),
    });
    const payload = JSON.stringify(content);
    const signature = sign(null, Buffer.from(payload), keys.privateKeyPem).toString('base64');
    const file = { ...envelope(signedPack(markedPack(), keys)), payload, signature };
    const check = verifyRulePackFile(bytesOf(file), keys.trusted);
    expect(check).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(!check.ok && check.problems?.join('\n')).toMatch(/pathway-rules: rules\.0\.effect/);
  });

  it('anything else is not a rule pack', () => {
    expect(verifyRulePackFile(Buffer.from('not json'), keys.trusted)).toEqual({
      ok: false,
      reason: 'notRulePack',
    });
    expect(verifyRulePackFile(Buffer.from([0xff, 0xfe, 0x00]), keys.trusted).ok).toBe(false);
    expect(verifyRulePackFile(bytesOf({ type: 'icp-packet/case' }), keys.trusted)).toEqual({
      ok: false,
      reason: 'notRulePack',
    });
  });

  it('signing refuses a pack the app could not read', () => {
    const broken = packEdition({ edit: (files) => void (files.checklist.items = []) });
    expect(() => signRulePack(broken, keys.privateKeyPem, keys.keyId)).toThrow(/checklist/);
  });
});

describe('the imported pack in the user-data folder', { timeout: 20_000 }, () => {
  const importFile = async (dir: string, bytes: Buffer, installed = BUNDLED_RULE_PACK_INFO) => {
    const source = path.join(dir, 'download.icprules');
    await writeFile(source, bytes);
    return importRulePack(source, dir, { installed, trustedKeys: keys.trusted });
  };

  it('a newer signed pack is stored byte for byte and read back verified; removing it goes back', async () => {
    const dir = await tempDir('icp-rules-');
    expect(await readImportedPack(dir, keys.trusted)).toEqual({ kind: 'none' });
    const bytes = signedPack(markedPack(), keys);
    const result = await importFile(dir, bytes);
    expect(result).toMatchObject({ ok: true, info: { version: BUNDLED_RULE_PACK.manifest.version + 1 } });
    expect(await readFile(importedPackPath(dir))).toEqual(bytes);
    expect(await readImportedPack(dir, keys.trusted)).toMatchObject({
      kind: 'ok',
      info: { origin: 'imported' },
    });
    await removeImportedPack(dir);
    expect(await readImportedPack(dir, keys.trusted)).toEqual({ kind: 'none' });
  });

  it('a pack no newer than the one installed is refused and nothing is written', async () => {
    const dir = await tempDir('icp-rules-');
    const same = signedPack(packEdition({ version: BUNDLED_RULE_PACK_INFO.version }), keys);
    expect(await importFile(dir, same)).toEqual({ ok: false, reason: 'notNewer' });
    const version = BUNDLED_RULE_PACK_INFO.version + 2;
    const newer = signedPack(markedPack(version), keys);
    expect((await importFile(dir, newer)).ok).toBe(true);
    // Older than the installed pack, though newer than the bundled one.
    const installed = { ...BUNDLED_RULE_PACK_INFO, version, origin: 'imported' as const };
    expect(await importFile(dir, signedPack(markedPack(version - 1), keys), installed)).toEqual({
      ok: false,
      reason: 'notNewer',
    });
    expect(await readFile(importedPackPath(dir))).toEqual(newer);
  });

  it('tampered and unsigned packs are refused and nothing is written', async () => {
    const dir = await tempDir('icp-rules-');
    const file = envelope(signedPack(markedPack(), keys));
    const tampered = bytesOf({ ...file, payload: file.payload!.replace('Marked', 'Edited') });
    expect(await importFile(dir, tampered)).toEqual({ ok: false, reason: 'tampered' });
    expect(await importFile(dir, bytesOf(markedPack()))).toEqual({ ok: false, reason: 'unsigned' });
    expect(await readImportedPack(dir, keys.trusted)).toEqual({ kind: 'none' });
  });

  it('a stored pack changed on disk afterwards is reported, not used', async () => {
    const dir = await tempDir('icp-rules-');
    await importFile(dir, signedPack(markedPack(), keys));
    const stored = envelope(await readFile(importedPackPath(dir)));
    await writeFile(
      importedPackPath(dir),
      bytesOf({ ...stored, payload: stored.payload!.replace('Marked', 'X') }),
    );
    expect(await readImportedPack(dir, keys.trusted)).toEqual({ kind: 'invalid', reason: 'tampered' });
  });
});
