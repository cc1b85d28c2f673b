/**
 * Everything `icp-packet` prints in words, in English and Simplified Chinese: the refusals of bad input (one
 * wording for every command), and what build, sample and render report. Reports of a decision or a pre-flight
 * are in commands/report.ts. The language is `--lang en|zh-CN`, else the system locale (LC_ALL / LC_MESSAGES /
 * LANG), as the app resolves it.
 */
import { resolveLanguage, type Language } from '../core/i18n/language';
import { countOf, pluralForm } from '../core/i18n/plural';
import type { PacketError } from '../core/packet/errors';
import type { PreflightIssue } from '../core/rules/preflight';

export type Params = Record<string, string | number | boolean>;
type Message = { en: (p: Params) => string; 'zh-CN': (p: Params) => string };

/** Why a file could not be read or written, from its errno, in words (the code itself otherwise). */
const ERRNO_REASONS: Record<string, { en: string; 'zh-CN': string }> = {
  ENOSPC: { en: 'the disk is full', 'zh-CN': '磁盘已满' },
  EDQUOT: { en: 'the disk quota is used up', 'zh-CN': '磁盘配额已用完' },
  EROFS: { en: 'the disk is read-only', 'zh-CN': '磁盘为只读' },
  EACCES: { en: 'permission denied', 'zh-CN': '没有访问权限' },
  EPERM: { en: 'permission denied', 'zh-CN': '没有访问权限' },
  EBUSY: { en: 'another program is using it', 'zh-CN': '其他程序正在使用它' },
  ENOTDIR: { en: 'a file stands where a folder is needed', 'zh-CN': '路径中应为文件夹的位置是一个文件' },
  EEXIST: { en: 'a file stands where a folder is needed', 'zh-CN': '路径中应为文件夹的位置是一个文件' },
  EISDIR: { en: 'it is a folder', 'zh-CN': '这是一个文件夹' },
  ENOENT: { en: 'the folder does not exist', 'zh-CN': '文件夹不存在' },
  ENAMETOOLONG: { en: 'the name is too long', 'zh-CN': '名称过长' },
  EMFILE: { en: 'too many files are open', 'zh-CN': '打开的文件过多' },
  EIO: { en: 'the disk reported an input/output error', 'zh-CN': '磁盘读写出错' },
};

/** `reason` for a message: the errno in words when the refusal carries one, else its own reason. */
function reasonOf(p: Params, lang: Language): string {
  const known = typeof p.errno === 'string' ? ERRNO_REASONS[p.errno] : undefined;
  if (known) return known[lang];
  return String(p.reason ?? p.errno ?? '');
}

/** Refusals of input: printed after `icp-packet <command>: `, one line each, no newline. */
const INPUT_MESSAGES = {
  usage: { en: (p) => `Usage: icp-packet ${p.usage}`, 'zh-CN': (p) => `用法：icp-packet ${p.usage}` },
  unknownOption: {
    en: (p) => `unknown option ${p.option}.`,
    'zh-CN': (p) => `没有 ${p.option} 这个选项。`,
  },
  // en: node:util parseArgs's own explanation, which names the option and shows the fix.
  badOptionValue: {
    en: (p) => `${p.detail}`,
    'zh-CN': (p) =>
      `选项 ${p.option} 的取值有误：需要取值的选项请写成“${p.option} <值>”，以“-”开头的值请写成“${p.option}=-值”；开关类选项不带取值。`,
  },
  wrongOperands: {
    en: (p) => `expected ${p.what}.`,
    'zh-CN': (p) => `参数不对：需要${p.what}。`,
  },
  optionRequired: {
    en: (p) => `${p.option} is required.`,
    'zh-CN': (p) => `缺少必需的选项 ${p.option}。`,
  },
  badLang: {
    en: (p) => `--lang must be en or zh-CN, not "${p.value}".`,
    'zh-CN': (p) => `--lang 只能是 en 或 zh-CN，不能是“${p.value}”。`,
  },
  badToday: {
    en: (p) => `--today must be a calendar date as YYYY-MM-DD (1900–2199), not "${p.value}".`,
    'zh-CN': (p) => `--today 须为 YYYY-MM-DD 格式的真实日期（1900–2199 年），不能是“${p.value}”。`,
  },
  unknownProfile: {
    en: (p) => `unknown profile "${p.profile}" — use wechat, aliyun or tencent.`,
    'zh-CN': (p) => `没有名为“${p.profile}”的上传规格，请使用 wechat、aliyun 或 tencent。`,
  },
  fileNotFound: { en: (p) => `file not found: ${p.file}`, 'zh-CN': (p) => `找不到文件：${p.file}` },
  fileUnreadable: {
    en: (p) => `cannot read ${p.file}: ${reasonOf(p, 'en')}`,
    'zh-CN': (p) => `无法读取 ${p.file}：${reasonOf(p, 'zh-CN')}`,
  },
  notAFile: {
    en: (p) => `${p.file} is not a file but ${KINDS[String(p.kind)]?.en ?? p.kind}: nothing was read.`,
    'zh-CN': (p) =>
      `${p.file} 不是普通文件，而是${KINDS[String(p.kind)]?.['zh-CN'] ?? p.kind}，未读取任何内容。`,
  },
  fileTooLarge: {
    en: (p) => `${p.file} has ${p.size} bytes, more than ${p.what} can have (${p.max}): nothing was read.`,
    'zh-CN': (p) => `${p.file} 有 ${p.size} 字节，超过${p.whatZh}的上限（${p.max} 字节），未读取任何内容。`,
  },
  notJson: {
    en: (p) => `${p.file} is not valid JSON: ${p.reason}`,
    'zh-CN': (p) => `${p.file} 不是有效的 JSON：${p.reason}`,
  },
  notUtf8: {
    en: (p) =>
      `${p.file} is not UTF-8 text (a binary file, or another encoding): save it as UTF-8 and try again.`,
    'zh-CN': (p) => `${p.file} 不是 UTF-8 文本（可能是二进制文件或其他编码），请另存为 UTF-8 后重试。`,
  },
  cannotWrite: {
    en: (p) => `cannot write ${p.file}: ${reasonOf(p, 'en')}. Nothing was changed there.`,
    'zh-CN': (p) => `无法写入 ${p.file}：${reasonOf(p, 'zh-CN')}。该处未作任何改动。`,
  },
  outputExists: {
    en: (p) => `${p.file} already exists. Pass --force to overwrite it.`,
    'zh-CN': (p) => `${p.file} 已存在。如需覆盖，请加上 --force。`,
  },
  outputIsFolder: {
    en: (p) => `${p.file} is a folder: give --out the name of a file.`,
    'zh-CN': (p) => `${p.file} 是一个文件夹：--out 须为文件名。`,
  },
  notAFolder: {
    en: (p) => `${p.file} is a file, not a folder: give --out a folder.`,
    'zh-CN': (p) => `${p.file} 是文件而不是文件夹：--out 须为文件夹。`,
  },
  unexpected: {
    en: (p) =>
      `unexpected error: ${p.reason}. Outputs were left as they were. (ICP_PACKET_DEBUG=1 prints the details.)`,
    'zh-CN': (p) => `意外错误：${p.reason}。输出文件保持原样。（设置 ICP_PACKET_DEBUG=1 可显示详细信息。）`,
  },
  // A case: a case.json, or an .icpcase exported by the app.
  notACase: {
    en: (p) => `cannot use ${p.file}: it is not an ICP Packet Studio case (${p.details}).`,
    'zh-CN': (p) => `无法使用 ${p.file}：这不是 ICP Packet Studio 的申请文件（${p.details}）。`,
  },
  caseInvalid: {
    en: (p) => `cannot use ${p.file}: it does not match the case format (${p.details}).`,
    'zh-CN': (p) => `无法使用 ${p.file}：内容不符合申请文件的格式（${p.details}）。`,
  },
  caseUnknownKeys: {
    en: (p) =>
      `cannot use ${p.file}: it has fields ICP Packet Studio does not know (${p.keys}). Check their spelling — a misspelt field would be lost; a case from a newer version needs a newer icp-packet.`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：其中有 ICP Packet Studio 不认识的字段（${p.keys}）。请检查拼写——拼错的字段会丢失内容；由更新版本保存的申请文件须用更新版的 icp-packet 读取。`,
  },
  caseNewerVersion: {
    en: (p) =>
      `cannot use ${p.file}: it was written by a newer version of ICP Packet Studio (${p.details}). Update icp-packet to read it; the file was not changed.`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：该申请由更新版本的 ICP Packet Studio 保存（${p.details}）。请先更新 icp-packet；文件未作任何改动。`,
  },
  archiveNotACase: {
    en: (p) =>
      `cannot use ${p.file}: it is a zip, but not an .icpcase exported by ICP Packet Studio (${p.manifest ? 'manifest.json is not an .icpcase manifest' : 'no manifest.json'}).`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：这是一个 zip 文件，但不是 ICP Packet Studio 导出的 .icpcase 文件（${p.manifest ? '其中的 manifest.json 不是 .icpcase 清单' : '其中没有 manifest.json'}）。`,
  },
  archiveDamaged: {
    en: (p) =>
      `cannot use ${p.file}: the .icpcase archive is damaged (${p.reason}). Ask the sender to export it again.`,
    'zh-CN': (p) => `无法使用 ${p.file}：该 .icpcase 文件已损坏（${p.reason}），请让发送方重新导出。`,
  },
  archiveChecksum: {
    en: (p) =>
      `cannot use ${p.file}: ${p.entry ? `"${p.entry}"` : 'a file'} in the .icpcase does not match its checksum — the archive is damaged or was altered. Ask the sender to export it again.`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：.icpcase 中的${p.entry ? `“${p.entry}”` : '文件'}与其校验值不符——文件已损坏或被改动过，请让发送方重新导出。`,
  },
  archiveNewerVersion: {
    en: (p) =>
      `cannot use ${p.file}: it is an .icpcase of format version ${p.version}, made by a newer version of ICP Packet Studio (this icp-packet reads version ${p.supported}). Update icp-packet to read it.`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：这是第 ${p.version} 版格式的 .icpcase，由更新版本的 ICP Packet Studio 导出（当前 icp-packet 只能读取第 ${p.supported} 版）。请先更新 icp-packet。`,
  },
  archiveUnsafe: {
    en: (p) =>
      `cannot use ${p.file}: the archive holds an entry a case export never has (${p.reason}), so nothing was read from it.`,
    'zh-CN': (p) => `无法使用 ${p.file}：压缩包中含有申请导出文件不应有的条目（${p.reason}），因此没有读取。`,
  },
  archiveTooLarge: {
    en: (p) =>
      `cannot use ${p.file}: the archive is larger than a case export may be (a file over 20 MB, or more than 1 GB in all).`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：压缩包超出了申请导出文件的大小上限（单个文件超过 20 MB，或总量超过 1 GB）。`,
  },
  archiveTooManyEntries: {
    en: (p) =>
      `cannot use ${p.file}: the archive holds ${p.entries} files, more than a case export may (${p.limit}).`,
    'zh-CN': (p) =>
      `无法使用 ${p.file}：压缩包含有 ${p.entries} 个文件，超过申请导出文件的上限（${p.limit} 个）。`,
  },
  passphraseRequired: {
    en: (p) =>
      `${p.file} is protected with a passphrase: pass --passphrase <passphrase> (the one the sender gave you), or set it in the ICP_PACKET_PASSPHRASE environment variable.`,
    'zh-CN': (p) =>
      `${p.file} 设有密码保护：请加上 --passphrase <密码>（发送方提供的密码），或将密码写入环境变量 ICP_PACKET_PASSPHRASE。`,
  },
  wrongPassphrase: {
    en: (p) => `cannot open ${p.file}: the passphrase is not correct. Nothing was read.`,
    'zh-CN': (p) => `无法打开 ${p.file}：密码不正确，未读取任何内容。`,
  },
  attachmentNotFound: {
    en: (p) =>
      `attachment "${p.name}" (${p.id}) not found. Put it next to the case as attachments/<sha256>.<ext> (or <sha256>.<ext>).`,
    'zh-CN': (p) =>
      `找不到附件“${p.name}”（${p.id}）。请将其放在申请文件旁的 attachments/<sha256>.<扩展名>（或 <sha256>.<扩展名>）。`,
  },
  // render
  unknownTemplate: {
    en: (p) => `unknown template "${p.template}". Templates:\n${p.list}`,
    'zh-CN': (p) => `没有名为“${p.template}”的文书模板。可用模板：\n${p.list}`,
  },
  noPersonToAuthorise: {
    en: (p) =>
      `this case needs no "${p.template}": every person in charge is the legal representative, so there is nobody to authorise.`,
    'zh-CN': (p) => `本申请无需“${p.template}”：各负责人均为法定代表人本人，没有需要授权的人。`,
  },
  noFormerName: {
    en: (p) => `this case needs no "${p.template}": the case lists no former name of the subject.`,
    'zh-CN': (p) => `本申请无需“${p.template}”：申请中没有填写主体的曾用名。`,
  },
  conflictingOptions: {
    en: (p) => `${p.first} and ${p.second} cannot be used together.`,
    'zh-CN': (p) => `${p.first} 与 ${p.second} 不能同时使用。`,
  },
  notSignedByHand: {
    en: (p) =>
      `"${p.template}" is not signed by hand, so there is nothing to print for signing. Render it without --for-signing. Documents signed by hand: ${p.list}.`,
    'zh-CN': (p) =>
      `“${p.template}”无需手写签字盖章，没有可供签署的打印件；请去掉 --for-signing 后生成。需签字盖章的文书：${p.list}。`,
  },
  unprintable: {
    en: (p) => `the case contains characters the document font cannot print: ${p.details}`,
    'zh-CN': (p) => `申请中有文书字体无法打印的字符：${p.details}`,
  },
  // decide
  answersInvalid: {
    en: (p) => `the answers do not match the answers format:\n${p.details}`,
    'zh-CN': (p) => `问卷回答不符合格式要求：\n${p.details}`,
  },
  // annual-report, change, renewal
  badYear: {
    en: (p) => `--year must be a year such as 2025, not "${p.value}".`,
    'zh-CN': (p) => `--year 须为年份（如 2025），不能是“${p.value}”。`,
  },
  badDate: {
    en: (p) => `${p.option} must be a date as YYYY-MM-DD, not "${p.value}".`,
    'zh-CN': (p) => `${p.option} 须为 YYYY-MM-DD 格式的日期，不能是“${p.value}”。`,
  },
  figuresInvalid: {
    en: (p) => `${p.file} does not match the figures format:\n${p.details}`,
    'zh-CN': (p) => `${p.file} 不符合年报数据格式：\n${p.details}`,
  },
  unknownEvent: {
    en: (p) => `unknown change "${p.event}" — use one of: ${p.list}.`,
    'zh-CN': (p) => `没有“${p.event}”这种变更，可用：${p.list}。`,
  },
  noChangeRecorded: {
    en: (p) =>
      `the case records no "${p.event}" change. Record it in the app (After approval → Changes), or describe it in a JSON file and pass --details <file>.`,
    'zh-CN': (p) =>
      `申请中没有记录“${p.event}”变更。请在应用中记录（获批之后 → 变更），或将变更内容写入 JSON 文件并加上 --details <文件>。`,
  },
  detailsInvalid: {
    en: (p) => `${p.file} does not describe a valid change:\n${p.details}`,
    'zh-CN': (p) => `${p.file} 描述的变更有误：\n${p.details}`,
  },
  // adcheck
  adEmpty: {
    en: (p) => `${p.file} holds no text to check.`,
    'zh-CN': (p) => `${p.file} 中没有可检查的文字。`,
  },
  adBinary: {
    en: (p) => `${p.file} looks like binary data, not text: nothing was checked.`,
    'zh-CN': (p) => `${p.file} 看起来是二进制数据而不是文字，未作检查。`,
  },
  adTooLong: {
    en: (p) =>
      `${p.file} has ${p.characters} characters; the checker takes at most ${p.max} at once. Split it and check the parts.`,
    'zh-CN': (p) => `${p.file} 共 ${p.characters} 个字符，一次最多只能检查 ${p.max} 个。请拆分后分段检查。`,
  },
  // read-scan
  badScanKind: {
    en: (p) => `--kind must be business_licence, id_card_front, id_card_back or passport, not "${p.value}".`,
    'zh-CN': (p) =>
      `--kind 只能是 business_licence、id_card_front、id_card_back 或 passport，不能是“${p.value}”。`,
  },
  scanUnreadable: {
    en: (p) => `${p.file} is not a scan that can be read (JPEG, PNG or a scanned PDF): ${p.reason}`,
    'zh-CN': (p) => `${p.file} 不是可读取的扫描件（JPEG、PNG 或扫描版 PDF）：${p.reason}`,
  },
  pdfNoImage: {
    en: (p) =>
      `${p.file} holds no scanned picture on its first page (it was made on a computer, not scanned): there is nothing to read.`,
    'zh-CN': (p) => `${p.file} 第一页没有扫描图像（是电脑生成的文件，而非扫描件），无可识别的内容。`,
  },
  pdfImageCoding: {
    en: (p) =>
      `the picture in ${p.file} is stored in a coding the reader cannot open (${p.reason}). Save the page as JPEG or PNG and read that.`,
    'zh-CN': (p) =>
      `${p.file} 中的图像采用了无法识别的编码（${p.reason}）。请将该页另存为 JPEG 或 PNG 后再识别。`,
  },
  pdfDamaged: {
    en: (p) => `${p.file} cannot be opened as a PDF (${p.reason}): it may be damaged.`,
    'zh-CN': (p) => `无法作为 PDF 打开 ${p.file}（${p.reason}），文件可能已损坏。`,
  },
  scanUnknownKind: {
    en: (p) =>
      `cannot tell which document ${p.file} is (none of a business licence, ID card or passport was recognised). Pass --kind if you know.`,
    'zh-CN': (p) =>
      `无法判断 ${p.file} 是哪种证件（未识别出营业执照、身份证或护照）。如已知，请用 --kind 指定。`,
  },
  ocrMissing: {
    en: (p) =>
      `the text-recognition models are not installed (${p.dir}). Run npm install in the project folder.`,
    'zh-CN': (p) => `未安装文字识别模型（${p.dir}）。请在项目目录中运行 npm install。`,
  },
} satisfies Record<string, Message>;

export type InputMessageKey = keyof typeof INPUT_MESSAGES;

/** What a path that is not a regular file is, in words. */
const KINDS: Record<string, { en: string; 'zh-CN': string }> = {
  directory: { en: 'a folder', 'zh-CN': '文件夹' },
  fifo: { en: 'a pipe (FIFO)', 'zh-CN': '管道（FIFO）' },
  device: { en: 'a device', 'zh-CN': '设备' },
  socket: { en: 'a socket', 'zh-CN': '套接字' },
  other: { en: 'something else', 'zh-CN': '其他特殊文件' },
};

const MESSAGES = {
  ...INPUT_MESSAGES,
  printedForSigning: {
    en: (p) =>
      `For signing: ${p.notes} instruction page(s), then the ${p.pages} page(s) of the document, each marked with version ${p.version}. Attach the signed scan in the app (Documents step).\n`,
    'zh-CN': (p) =>
      `签署用打印件：${p.notes} 页说明，其后为文件正文 ${p.pages} 页，每页带版本 ${p.version} 的校验码。签字盖章后请在应用的“材料”步骤上传扫描件。\n`,
  },
  notInPacket: {
    en: (p) => `note: "${p.template}" is not part of this case's packet; rendered as asked.`,
    'zh-CN': (p) => `提示：“${p.template}”不在本申请的材料包中，已按要求生成。`,
  },
  preflightErrors: {
    en: (p) =>
      `Export refused: the pre-flight found ${countOf(Number(p.count), 'error', 'errors')}. ${pluralForm(Number(p.count), { one: 'Fix it', other: 'Fix them' })} and build again:\n`,
    'zh-CN': (p) => `无法导出：预检发现 ${p.count} 个错误，请修正后重新生成：\n`,
  },
  unacknowledgedWarnings: {
    en: (p) =>
      pluralForm(Number(p.count), {
        one: `Export refused: ${p.count} warning is not acknowledged. Review it, then acknowledge it in the app or pass --accept-warnings:\n`,
        other: `Export refused: ${p.count} warnings are not acknowledged. Review them, then acknowledge them in the app or pass --accept-warnings:\n`,
      }),
    'zh-CN': (p) =>
      `无法导出：有 ${p.count} 个警告尚未确认。请逐条查看后在应用中确认，或加上 --accept-warnings：\n`,
  },
  acceptedWarnings: {
    en: (p) =>
      `Accepted ${countOf(Number(p.count), 'warning', 'warnings')} for this export (--accept-warnings):\n`,
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
    en: (p) =>
      `Export refused: "${p.name}" cannot be read to the end as a JPEG, PNG or PDF — it is damaged or incomplete. Scan or export it again.\n`,
    'zh-CN': (p) =>
      `无法导出：“${p.name}”无法作为 JPEG、PNG 或 PDF 完整读取——文件已损坏或不完整。请重新扫描或导出。\n`,
  },
  imageLibraryUnavailable: {
    en: (p) =>
      `Images cannot be processed: the image library (sharp) could not be loaded: ${p.reason}\n` +
      'Run npm install again on this computer (npm installs the library for its own OS and CPU).\n',
    'zh-CN': (p) =>
      `无法处理图片：图像处理库（sharp）未能加载：${p.reason}\n` +
      '请在本机重新运行 npm install（npm 会安装适合本机系统和处理器的版本）。\n',
  },
  unsafePath: {
    en: (p) => `Export refused: the file name "${p.path}" is not safe (${p.reason}).\n`,
    'zh-CN': (p) => `无法导出：文件名“${p.path}”不安全（${p.reason}）。\n`,
  },
  unsignedDocument: {
    en: (p) =>
      `Export refused: "${p.document}" is signed by hand, and the case has no checked signed scan of it. Print it (icp-packet render … --for-signing), sign it and attach the scan in the app.\n`,
    'zh-CN': (p) =>
      `无法导出：《${p.document}》须签字盖章，但申请中没有经核对的签字盖章扫描件。请打印（icp-packet render … --for-signing）、签字盖章后在应用中上传扫描件。\n`,
  },
  noLicence: {
    en: (p) =>
      p.missing === 'expiry'
        ? 'No renewal packet: the case has no licence expiry date. Enter it in the app (After approval → Go-live kit), then build again.\n'
        : p.what === 'renewal'
          ? 'No renewal: this case holds no licence to renew (an ICP filing does not expire and is not renewed). For a licence holder, enter the licence number and its expiry date in the app (After approval → Go-live kit).\n'
          : 'No annual report: this case holds no licence to report on (an ICP filing is not reported on). For a licence holder, enter the licence number in the app (After approval → Go-live kit), or record the licence as granted in the status journal.\n',
    'zh-CN': (p) =>
      p.missing === 'expiry'
        ? '未生成续期材料：申请中没有许可证有效期。请在应用中（获批之后 → 上线工具包）填写后重新生成。\n'
        : p.what === 'renewal'
          ? '无法续期：本申请没有可续期的经营许可证（ICP 备案没有有效期，无需续期）。如已持证，请在应用中（获批之后 → 上线工具包）填写许可证编号及有效期。\n'
          : '无法准备年报：本申请没有经营许可证（ICP 备案无需报送年报）。如已持证，请在应用中（获批之后 → 上线工具包）填写许可证编号，或在进度记录中登记许可证已获批。\n',
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
    'zh-CN': (p) => `提示：对本申请是否需要许可证存在争议，材料包按另一种解读（${p.pathway}）生成。\n`,
  },
  sampleAcknowledged: {
    en: (p) =>
      `The sample comes with its ${countOf(Number(p.count), 'pre-flight warning', 'pre-flight warnings')} acknowledged (listed in case.json "acknowledged"):\n`,
    'zh-CN': (p) => `示例申请的 ${p.count} 个预检警告已确认（记录在 case.json 的 "acknowledged" 中）：\n`,
  },
  sampleWritten: {
    en: (p) =>
      `Sample case written: ${p.file} with ${p.count} scans in ${p.dir}\nBuild it: icp-packet build ${p.file} --out <dir> --zip\n`,
    'zh-CN': (p) =>
      `示例申请已写入：${p.file}，扫描件 ${p.count} 份位于 ${p.dir}\n生成材料包：icp-packet build ${p.file} --out <目录> --zip\n`,
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
  // POSIX writes zh_CN.UTF-8; the app's resolver expects a BCP 47 tag (zh-CN).
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return resolveLanguage('system', locale.replace(/_/g, '-'));
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
  const key: MessageKey = error.code;
  return message(lang, key, error.details) + formatIssues(lang, error.issues);
}
