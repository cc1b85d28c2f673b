/**
 * Publishing a rule pack (README "Rules and rule packs"):
 *
 *   npm run rules:keygen -- --out <dir>             a new Ed25519 key pair: <dir>/rule-pack-signing.key (private,
 *                                                   keep it outside the repository) and .pub (public)
 *   npm run rules:pack -- --out <file.icprules>     signs the rule files of templates/rules/ as one pack
 *
 * The private key comes from `--key <file>`, or from the environment: ICP_RULES_SIGNING_KEY holding the PEM
 * itself, or ICP_RULES_SIGNING_KEY_FILE naming a file. It is never read from the repository. The key id
 * (`--key-id`, default the first trusted key's) must be one the app trusts (host/rules/trusted-keys.ts), or the
 * app refuses the pack; the signed file is verified against the shipped keys before it is written.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_RULE_PACK } from '../core/rules/pack';
import { signRulePack, verifyRulePackFile } from '../host/rules/pack-file';
import { TRUSTED_RULE_PACK_KEYS } from '../host/rules/trusted-keys';

async function keygen(out: string): Promise<void> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  await mkdir(out, { recursive: true });
  const keyFile = path.join(out, 'rule-pack-signing.key');
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  await writeFile(path.join(out, 'rule-pack-signing.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
  console.log(`Private key: ${keyFile} (keep it out of the repository)`);
  console.log('Public key (add it to host/rules/trusted-keys.ts with a new key id):');
  console.log(publicKey.export({ type: 'spki', format: 'pem' }));
}

async function privateKeyPem(keyFile: string | undefined): Promise<string> {
  if (keyFile) return readFile(keyFile, 'utf8');
  if (process.env.ICP_RULES_SIGNING_KEY) return process.env.ICP_RULES_SIGNING_KEY;
  if (process.env.ICP_RULES_SIGNING_KEY_FILE) return readFile(process.env.ICP_RULES_SIGNING_KEY_FILE, 'utf8');
  throw new Error(
    'No signing key: pass --key <file>, or set ICP_RULES_SIGNING_KEY or ICP_RULES_SIGNING_KEY_FILE.',
  );
}

async function pack(out: string, keyFile: string | undefined, keyId: string): Promise<void> {
  const text = signRulePack(BUNDLED_RULE_PACK, await privateKeyPem(keyFile), keyId);
  const check = verifyRulePackFile(Buffer.from(text, 'utf8'), TRUSTED_RULE_PACK_KEYS);
  if (!check.ok)
    throw new Error(
      `The signed pack does not verify against the keys shipped in the app (${check.reason}): is the key id "${keyId}" in host/rules/trusted-keys.ts, and does the private key match it?`,
    );
  await writeFile(out, text);
  const { version, asOf, reviewBy } = check.info;
  console.log(
    `${out}: rule pack edition ${version} (facts as of ${asOf}, review by ${reviewBy}), key ${keyId}`,
  );
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, key: { type: 'string' }, 'key-id': { type: 'string' } },
  });
  const [command] = positionals;
  if (command === 'keygen' && values.out) return keygen(values.out);
  if (command === 'sign' && values.out)
    return pack(values.out, values.key, values['key-id'] ?? TRUSTED_RULE_PACK_KEYS[0]?.keyId ?? '');
  console.error('Usage: tsx scripts/rule-pack.ts keygen --out <dir>');
  console.error('       tsx scripts/rule-pack.ts sign --out <file.icprules> [--key <file>] [--key-id <id>]');
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
