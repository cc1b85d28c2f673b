/**
 * Rule packs for tests: the bundled pack as a newer edition with changes, and a throwaway Ed25519 key pair the
 * test trusts instead of the key shipped in the app (whose private half is not in the repository).
 */
import { generateKeyPairSync } from 'node:crypto';
import { BUNDLED_RULE_PACK, type RulePackContent } from '../../../core/rules/pack';
import { signRulePack, type TrustedRulePackKey } from '../../../host/rules/pack-file';

export interface TestKeys {
  keyId: string;
  privateKeyPem: string;
  trusted: TrustedRulePackKey[];
}

export function throwawayKeys(keyId = 'test-key'): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    trusted: [{ keyId, publicKeyPem }],
  };
}

/**
 * The bundled pack as edition `version` (default: one newer), its dates and any file edited by `edit`
 * (which receives a deep copy it may change).
 */
export function packEdition(
  options: {
    version?: number;
    asOf?: string;
    reviewBy?: string;
    edit?: (files: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  } = {},
): RulePackContent {
  const content = structuredClone(BUNDLED_RULE_PACK) as RulePackContent;
  content.manifest = {
    ...content.manifest,
    version: options.version ?? BUNDLED_RULE_PACK.manifest.version + 1,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.reviewBy ? { reviewBy: options.reviewBy } : {}),
  };
  options.edit?.(content.files as Record<string, unknown>);
  return content;
}

/** The signed file's bytes. */
export function signedPack(content: RulePackContent, keys: TestKeys): Buffer {
  return Buffer.from(signRulePack(content, keys.privateKeyPem, keys.keyId), 'utf8');
}

/** A newer edition whose first pathway rule has a recognisable English title. */
export const MARKED_TITLE = 'Marked title from the imported pack';
export function markedPack(version?: number): RulePackContent {
  return packEdition({
    ...(version !== undefined ? { version } : {}),
    edit: (files) => {
      const rule = files['pathway-rules'].rules.find((r: { id: string }) => r.id === 'R2');
      rule.title.en = MARKED_TITLE;
    },
  });
}
