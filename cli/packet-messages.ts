/**
 * What `icp-packet sample` and `icp-packet build` print, in English and Simplified Chinese. The language is
 * `--lang en|zh-CN`, else the system locale (LC_ALL / LANG), as the app resolves it.
 */
import { resolveLanguage, type Language } from '../core/i18n/language';
import type { PacketError } from '../core/packet/errors';
import type { PreflightIssue } from '../core/rules/preflight';

type Params = Record<string, string | number | boolean>;
type Message = { en: (p: Params) => string; 'zh-CN': (p: Params) => string };

const MESSAGES = {
  usageBuild: {
    en: () =>
      'Usage: icp-packet build <case.json|case.icpcase> --out <dir> [--zip] [--profile wechat|aliyun|tencent] [--accept-warnings] [--force] [--passphrase <p>] [--lang en|zh-CN]\n',
    'zh-CN': () =>
      '用法：icp-packet build <case.json|case.icpcase> --out <目录> [--zip] [--profile wechat|aliyun|tencent] [--accept-warnings] [--force] [--passphrase <口令>] [--lang en|zh-CN]\n',
  },
  usageSample: {
    en: () => 'Usage: icp-packet sample --out <dir> [--force] [--lang en|zh-CN]\n',
    'zh-CN': () => '用法：icp-packet sample --out <目录> [--force] [--lang en|zh-CN]\n',
  },
  badOption: {
    en: (p) => `icp-packet: ${p.detail}\n`,
    'zh-CN': (p) => `icp-packet：${p.detail}\n`,
  },
  unknownProfile: {
    en: (p) => `icp-packet: unknown profile "${p.profile}" — use wechat, aliyun or tencent.\n`,
    'zh-CN': (p) => `icp-packet：没有名为“${p.profile}”的上传规格，请使用 wechat、aliyun 或 tencent。\n`,
  },
  caseUnreadable: {
    en: (p) => `icp-packet: cannot read ${p.file}: ${p.reason}\n`,
    'zh-CN': (p) => `icp-packet：无法读取 ${p.file}：${p.reason}\n`,
  },
  caseInvalid: {
    en: (p) =>
      `icp-packet: ${p.file} is not a case this version can open (${p.code}: ${p.reason}). The file was not changed.\n`,
    'zh-CN': (p) =>
      `icp-packet：${p.file} 不是本版本能打开的案件文件（${p.code}：${p.reason}）。文件未作任何改动。\n`,
  },
  attachmentNotFound: {
    en: (p) =>
      `icp-packet: attachment "${p.name}" (${p.id}) not found. Put it next to the case as attachments/<sha256>.<ext> (or <sha256>.<ext>).\n`,
    'zh-CN': (p) =>
      `icp-packet：找不到附件“${p.name}”（${p.id}）。请将其放在案件文件旁的 attachments/<sha256>.<扩展名>（或 <sha256>.<扩展名>）。\n`,
  },
  preflightErrors: {
    en: (p) => `Export refused: the pre-flight found ${p.count} error(s). Fix them and build again:\n`,
    'zh-CN': (p) => `无法导出：预检发现 ${p.count} 个错误，请修正后重新生成：\n`,
  },
  unacknowledgedWarnings: {
    en: (p) =>
      `Export refused: ${p.count} warning(s) are not acknowledged. Review them, then acknowledge them in the app or pass --accept-warnings:\n`,
    'zh-CN': (p) =>
      `无法导出：有 ${p.count} 个警告尚未确认。请逐条查看后在应用中确认，或加上 --accept-warnings：\n`,
  },
  acceptedWarnings: {
    en: (p) => `Accepted ${p.count} warning(s) for this export (--accept-warnings):\n`,
    'zh-CN': (p) => `本次导出已接受 ${p.count} 个警告（--accept-warnings）：\n`,
  },
  folderExists: {
    en: (p) => `Export refused: ${p.path} already exists. Pass --force to replace it.\n`,
    'zh-CN': (p) => `无法导出：${p.path} 已存在。如需覆盖，请加上 --force。\n`,
  },
  notEligible: {
    en: (p) =>
      `Export refused: the pathway check says "${p.pathway}" — there is nothing this applicant can file as things stand.\n`,
    'zh-CN': (p) => `无法导出：路径判断结果为“${p.pathway}”，该申请主体目前无法提交备案或许可申请。\n`,
  },
  attachmentMissing: {
    en: (p) => `Export refused: the bytes of attachment "${p.name}" do not match its SHA-256 (${p.id}).\n`,
    'zh-CN': (p) => `无法导出：附件“${p.name}”的内容与其 SHA-256（${p.id}）不符。\n`,
  },
  attachmentTooSmall: {
    en: (p) =>
      `Export refused: "${p.name}" is ${p.width}×${p.height} px; the profile needs at least ${p.minLongEdge}×${p.minShortEdge}. Scan it again at a higher resolution.\n`,
    'zh-CN': (p) =>
      `无法导出：“${p.name}”为 ${p.width}×${p.height} 像素，上传规格要求至少 ${p.minLongEdge}×${p.minShortEdge}。请以更高分辨率重新扫描。\n`,
  },
  attachmentTooLarge: {
    en: (p) =>
      `Export refused: "${p.name}" cannot be brought under ${p.maxBytes} bytes without losing legibility.\n`,
    'zh-CN': (p) => `无法导出：“${p.name}”无法在保证清晰度的前提下压缩到 ${p.maxBytes} 字节以内。\n`,
  },
  attachmentUnreadable: {
    en: (p) => `Export refused: "${p.name}" is not a readable JPEG, PNG or PDF.\n`,
    'zh-CN': (p) => `无法导出：“${p.name}”不是可读取的 JPEG、PNG 或 PDF 文件。\n`,
  },
  unsafePath: {
    en: (p) => `Export refused: the file name "${p.path}" is not safe (${p.reason}).\n`,
    'zh-CN': (p) => `无法导出：文件名“${p.path}”不安全（${p.reason}）。\n`,
  },
  cancelled: { en: () => 'Export cancelled.\n', 'zh-CN': () => '已取消导出。\n' },
  built: {
    en: (p) => `Packet written: ${p.folder} (${p.files} files, profile ${p.profile})\n`,
    'zh-CN': (p) => `材料包已生成：${p.folder}（${p.files} 个文件，上传规格 ${p.profile}）\n`,
  },
  builtZip: { en: (p) => `Zip written: ${p.zip}\n`, 'zh-CN': (p) => `压缩包已生成：${p.zip}\n` },
  alternativePathway: {
    en: (p) =>
      `Note: sources dispute whether this case needs a licence; the packet follows the alternative reading (${p.pathway}).\n`,
    'zh-CN': (p) => `提示：对本案是否需要许可证存在争议，材料包按另一种解读（${p.pathway}）生成。\n`,
  },
  sampleAcknowledged: {
    en: (p) =>
      `The sample comes with its ${p.count} pre-flight warning(s) acknowledged (listed in case.json "acknowledged"):\n`,
    'zh-CN': (p) => `样本案件的 ${p.count} 个预检警告已确认（记录在 case.json 的 "acknowledged" 中）：\n`,
  },
  sampleExists: {
    en: (p) => `icp-packet: ${p.file} already exists. Pass --force to overwrite it.\n`,
    'zh-CN': (p) => `icp-packet：${p.file} 已存在。如需覆盖，请加上 --force。\n`,
  },
  sampleWritten: {
    en: (p) =>
      `Sample case written: ${p.file} with ${p.count} scans in ${p.dir}\nBuild it: icp-packet build ${p.file} --out <dir> --zip\n`,
    'zh-CN': (p) =>
      `样本案件已写入：${p.file}，扫描件 ${p.count} 份位于 ${p.dir}\n生成材料包：icp-packet build ${p.file} --out <目录> --zip\n`,
  },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

export function message(lang: Language, key: MessageKey, params: Params = {}): string {
  const entry: Message = MESSAGES[key];
  return entry[lang](params);
}

/** `--lang` wins; else the locale of the environment. */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag === 'en' || flag === 'zh-CN') return flag;
  return resolveLanguage('system', env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
}

export function formatIssues(lang: Language, issues: readonly PreflightIssue[]): string {
  return issues
    .map((issue) => {
      const text = lang === 'zh-CN' ? issue.message['zh-CN'] : issue.message.en;
      const fix = lang === 'zh-CN' ? issue.fix['zh-CN'] : issue.fix.en;
      return `  [${issue.severity}] ${issue.path}: ${text}\n    → ${fix}\n    (${issue.key})\n`;
    })
    .join('');
}

/** The message for a packet error, with the issues listed where there are any. */
export function packetErrorText(lang: Language, error: PacketError): string {
  const key = (error.code in MESSAGES ? error.code : 'cancelled') as MessageKey;
  return message(lang, key, error.details) + formatIssues(lang, error.issues);
}
