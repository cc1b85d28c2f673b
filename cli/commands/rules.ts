/**
 * `icp-packet rules [--verify <file.icprules>] [--json] [--lang en|zh-CN]`
 *
 * Without --verify: the rules this icp-packet decides with — the pack's edition, when its facts were checked
 * and when it is due for review — with a warning when they may be out of date. The command line always uses
 * the rules it was built with; a newer signed pack is installed in the app (Settings → Rules).
 *
 * With --verify: checks a rule-pack file the way the app does before installing it — the Ed25519 signature
 * against the keys shipped in icp-packet, then the content against the app's schemas — and says whether it is
 * newer than the rules built in.
 *
 * Exit codes: 0 the rules are shown, or the file is a valid signed pack · 1 the file is refused (unsigned,
 * unknown key, changed after signing, unreadable by this version) · 2 bad usage or a file that cannot be read.
 */
import { BUNDLED_RULE_PACK_INFO, RULE_PACK_FILES, type RulePackRefusal } from '../../core/rules/pack';
import type { Language } from '../../core/i18n/language';
import { todayIso } from '../../core/validate/common';
import { RULE_PACK_MAX_BYTES, verifyRulePackFile } from '../../host/rules/pack-file';
import { TRUSTED_RULE_PACK_KEYS } from '../../host/rules/trusted-keys';
import { defineCommand } from '../define-command';
import { readInputFile } from '../files';
import { rulePackEdition, rulePackLine, rulePackLines } from '../rule-pack-text';

const REFUSALS: Record<RulePackRefusal, { en: string; 'zh-CN': string }> = {
  notRulePack: {
    en: 'not a rule pack (.icprules), or larger than a rule pack can be',
    'zh-CN': '不是规则包（.icprules），或文件大小超出规则包的上限',
  },
  unsigned: {
    en: 'not signed: nobody vouches for its content',
    'zh-CN': '没有签名，无法确认其内容',
  },
  unknownKey: {
    en: 'signed with a key this icp-packet does not trust',
    'zh-CN': '所用签名密钥不在本 icp-packet 的信任列表中',
  },
  tampered: {
    en: 'changed after it was signed, or damaged: the signature does not match',
    'zh-CN': '签名后被改动过或已损坏：签名与内容不符',
  },
  unreadable: {
    en: 'signed and intact, but this version of icp-packet cannot read it (update icp-packet)',
    'zh-CN': '签名有效、内容完整，但当前版本的 icp-packet 无法读取（请更新 icp-packet）',
  },
};

function builtInReport(lang: Language, today: string): string {
  const lines = [
    ...rulePackLines(BUNDLED_RULE_PACK_INFO, lang, today),
    lang === 'zh-CN'
      ? '命令行始终使用构建时自带的规则；新版签名规则包可在应用中导入（设置 › 规则）。'
      : 'The command line decides with the rules it was built with; a newer signed rule pack is imported in the app (Settings → Rules).',
  ];
  return `${lines.join('\n')}\n`;
}

export default defineCommand(
  {
    options: { verify: { type: 'string' }, json: { type: 'boolean' } },
    operands: {
      count: 0,
      what: { en: 'no file operand (use --verify <file>)', 'zh-CN': '无需文件参数（请用 --verify <文件>）' },
    },
  },
  async ({ values, lang }, io) => {
    const today = todayIso();
    if (values.verify === undefined) {
      io.stdout(
        values.json
          ? `${JSON.stringify({ rules: BUNDLED_RULE_PACK_INFO, files: RULE_PACK_FILES }, null, 2)}\n`
          : builtInReport(lang, today),
      );
      return 0;
    }
    const input = await readInputFile(values.verify, io, {
      maxBytes: RULE_PACK_MAX_BYTES,
      what: { en: 'a rule pack', 'zh-CN': '规则包' },
    });
    const check = verifyRulePackFile(input.bytes, io.trustedRulePackKeys ?? TRUSTED_RULE_PACK_KEYS);
    const newer = check.ok && check.info.version > BUNDLED_RULE_PACK_INFO.version;
    if (values.json) {
      const report = check.ok
        ? { file: input.file, valid: true, keyId: check.keyId, rules: check.info, newerThanBuiltIn: newer }
        : { file: input.file, valid: false, reason: check.reason, problems: check.problems ?? [] };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return check.ok ? 0 : 1;
    }
    if (!check.ok) {
      const lines = [
        lang === 'zh-CN'
          ? `已拒绝 ${input.file}：${REFUSALS[check.reason]['zh-CN']}。`
          : `Refused ${input.file}: ${REFUSALS[check.reason].en}.`,
        ...(check.problems ?? []).map((p) => `  ${p}`),
      ];
      io.stdout(`${lines.join('\n')}\n`);
      return 1;
    }
    const built = rulePackEdition(BUNDLED_RULE_PACK_INFO, lang);
    const lines = [
      lang === 'zh-CN'
        ? `${input.file}：有效的签名规则包（密钥 ${check.keyId}）。`
        : `${input.file}: a valid signed rule pack (key ${check.keyId}).`,
      `  ${rulePackLine(check.info, lang)}`,
      newer
        ? lang === 'zh-CN'
          ? `  比本 icp-packet 自带的规则（${built}）新，可在应用中导入（设置 › 规则）。`
          : `  Newer than the rules built into this icp-packet (${built}): the app can import it (Settings → Rules).`
        : lang === 'zh-CN'
          ? `  不比本 icp-packet 自带的规则（${built}）新，应用会拒绝导入。`
          : `  Not newer than the rules built into this icp-packet (${built}): the app would refuse to import it.`,
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
);
