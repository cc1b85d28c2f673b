/**
 * Signed rule-pack files (`.icprules`): a newer edition of the rules, signed by the maintainers with Ed25519 and
 * verified offline against the public keys shipped in the app (./trusted-keys.ts). The file is JSON:
 *
 *   { "type": "icp-packet/signed-rule-pack", "formatVersion": 1, "algorithm": "Ed25519",
 *     "keyId": "…", "signature": "<base64>", "payload": "<the pack as JSON text>" }
 *
 * The signature covers the UTF-8 bytes of `payload` exactly as written, so no canonical JSON is needed: any
 * change to one byte of the pack, or to the key id, makes the file fail. Only after the signature holds is the
 * payload parsed and checked against the app's schemas (core/rules/pack.ts).
 *
 * The private key never lives in the repository: `npm run rules:pack` reads it from a file or an environment
 * variable (README "Publishing a rule pack").
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import * as z from 'zod';
import {
  parseRulePack,
  type RulePackContent,
  type RulePackInfo,
  type RulePackRefusal,
} from '../../core/rules/pack';

export type { RulePackRefusal } from '../../core/rules/pack';

export const SIGNED_RULE_PACK_TYPE = 'icp-packet/signed-rule-pack';
export const RULE_PACK_EXTENSION = 'icprules';
/** A pack is a few hundred kilobytes; anything far larger is not one. */
export const RULE_PACK_MAX_BYTES = 8 * 1024 * 1024;

/** A public key the app trusts to sign rule packs. */
export interface TrustedRulePackKey {
  keyId: string;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`) of an Ed25519 key. */
  publicKeyPem: string;
}

const SignedRulePackSchema = z.strictObject({
  type: z.literal(SIGNED_RULE_PACK_TYPE),
  formatVersion: z.literal(1),
  algorithm: z.literal('Ed25519'),
  keyId: z.string().min(1).max(100),
  signature: z.string().max(200),
  payload: z.string().max(RULE_PACK_MAX_BYTES),
});

export type RulePackFileCheck =
  | { ok: true; content: RulePackContent; info: RulePackInfo; keyId: string }
  | { ok: false; reason: RulePackRefusal; problems?: string[] };

function refuse(reason: RulePackRefusal, problems?: string[]): RulePackFileCheck {
  return problems ? { ok: false, reason, problems } : { ok: false, reason };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function publicKeyOf(pem: string): KeyObject | undefined {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a rule-pack file completely: the envelope, the signature against `trustedKeys`, then the pack itself.
 * Never throws.
 */
export function verifyRulePackFile(
  bytes: Uint8Array,
  trustedKeys: readonly TrustedRulePackKey[],
): RulePackFileCheck {
  if (bytes.byteLength > RULE_PACK_MAX_BYTES) return refuse('notRulePack');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('notRulePack');
  }
  const record = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  // The pack's own content, or an envelope without its signature, is a pack nobody vouched for.
  if ('manifest' in record && 'files' in record) return refuse('unsigned');
  if (record.type === SIGNED_RULE_PACK_TYPE && (record.signature === undefined || record.signature === ''))
    return refuse('unsigned');
  const envelope = SignedRulePackSchema.safeParse(json);
  if (!envelope.success) return refuse('notRulePack');
  const { keyId, signature, payload } = envelope.data;
  const trusted = trustedKeys.find((k) => k.keyId === keyId);
  const key = trusted ? publicKeyOf(trusted.publicKeyPem) : undefined;
  if (!key) return refuse('unknownKey');
  if (!BASE64.test(signature)) return refuse('tampered');
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) return refuse('tampered');

  let content: unknown;
  try {
    content = JSON.parse(payload);
  } catch {
    return refuse('unreadable', ['payload: not JSON']);
  }
  const check = parseRulePack(content);
  if (!check.ok) return refuse('unreadable', check.problems);
  const { manifest } = check.pack;
  return {
    ok: true,
    content: content as RulePackContent,
    info: { version: manifest.version, asOf: manifest.asOf, reviewBy: manifest.reviewBy, origin: 'imported' },
    keyId,
  };
}

/**
 * Signs a pack and returns the file's text. `privateKeyPem` is a PKCS #8 PEM Ed25519 key; the pack is checked
 * first, so a maintainer cannot sign a pack the app would refuse to read.
 */
export function signRulePack(content: RulePackContent, privateKeyPem: string, keyId: string): string {
  const check = parseRulePack(content);
  if (!check.ok)
    throw new Error(`The pack does not pass the app's checks:\n  ${check.problems.join('\n  ')}`);
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The signing key is not an Ed25519 key.');
  const payload = JSON.stringify(content);
  const signature = sign(null, Buffer.from(payload, 'utf8'), key).toString('base64');
  const file = {
    type: SIGNED_RULE_PACK_TYPE,
    formatVersion: 1,
    algorithm: 'Ed25519',
    keyId,
    signature,
    payload,
  } satisfies z.infer<typeof SignedRulePackSchema>;
  return `${JSON.stringify(file, null, 2)}\n`;
}
