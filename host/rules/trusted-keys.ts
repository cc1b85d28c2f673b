/**
 * The public keys this app trusts to sign rule packs (host/rules/pack-file.ts). Only public keys live here;
 * the private key is held by the maintainers outside the repository (README "Publishing a rule pack").
 * To rotate, add the new key beside the old one, ship an app release, then sign with the new key.
 */
import type { TrustedRulePackKey } from './pack-file';

export const TRUSTED_RULE_PACK_KEYS: readonly TrustedRulePackKey[] = [
  {
    keyId: 'icp-packet-rules-2026',
    publicKeyPem: [
      '-----BEGIN PUBLIC KEY-----',
      'MCowBQYDK2VwAyEAR8igrRGkSmIyd57uh2ibXrzAmQzGfkLe3VQOrjkSM2M=',
      '-----END PUBLIC KEY-----',
      '',
    ].join('\n'),
  },
];
