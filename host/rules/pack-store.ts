/**
 * The imported rule pack in the user-data folder (`rules/imported.icprules`): the signed file exactly as it was
 * imported, verified again every time it is read, so a file changed on disk after the import is never used.
 * The pack in use is the newer of the bundled one and the imported one: after an app update whose bundled
 * pack is newer, the imported file is simply no longer used. Going back to the bundled pack removes the file.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RulePackContent, RulePackInfo } from '../../core/rules/pack';
import { nodeFs, writeFileAtomic } from '../store/atomic-file';
import {
  RULE_PACK_MAX_BYTES,
  verifyRulePackFile,
  type RulePackRefusal,
  type TrustedRulePackKey,
} from './pack-file';

export const IMPORTED_RULE_PACK_FILE = path.join('rules', 'imported.icprules');

export function importedPackPath(userDataDir: string): string {
  return path.join(userDataDir, IMPORTED_RULE_PACK_FILE);
}

export type StoredRulePack =
  | { kind: 'none' }
  | { kind: 'ok'; content: RulePackContent; info: RulePackInfo }
  /** A file is there but no longer verifies (changed on disk, or its key was withdrawn): it is not used. */
  | { kind: 'invalid'; reason: RulePackRefusal };

/** Reads and verifies the imported pack, if there is one. */
export async function readImportedPack(
  userDataDir: string,
  trustedKeys: readonly TrustedRulePackKey[],
): Promise<StoredRulePack> {
  let bytes: Buffer;
  try {
    bytes = await readFile(importedPackPath(userDataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  const check = verifyRulePackFile(bytes, trustedKeys);
  return check.ok
    ? { kind: 'ok', content: check.content, info: check.info }
    : { kind: 'invalid', reason: check.reason };
}

export type RulePackImport =
  | { ok: true; content: RulePackContent; info: RulePackInfo }
  | { ok: false; reason: RulePackRefusal | 'notNewer'; problems?: string[] };

/**
 * Imports the pack file at `source`: refused when it is unsigned, signed by an unknown key, changed after
 * signing, unreadable by this app, or not newer than `installed` (the pack in use). Otherwise the file is
 * stored, byte for byte, in the user-data folder.
 */
export async function importRulePack(
  source: string,
  userDataDir: string,
  options: { installed: RulePackInfo; trustedKeys: readonly TrustedRulePackKey[] },
): Promise<RulePackImport> {
  const size = (await stat(source)).size;
  if (size > RULE_PACK_MAX_BYTES) return { ok: false, reason: 'notRulePack' };
  const bytes = await readFile(source);
  const check = verifyRulePackFile(bytes, options.trustedKeys);
  if (!check.ok)
    return { ok: false, reason: check.reason, ...(check.problems ? { problems: check.problems } : {}) };
  if (check.info.version <= options.installed.version) return { ok: false, reason: 'notNewer' };
  const target = importedPackPath(userDataDir);
  await nodeFs.mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(nodeFs, target, bytes);
  return { ok: true, content: check.content, info: check.info };
}

/** Goes back to the bundled pack: the imported file is removed (importing it again restores it). */
export async function removeImportedPack(userDataDir: string): Promise<void> {
  await rm(importedPackPath(userDataDir), { force: true });
}
