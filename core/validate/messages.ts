import type { Bilingual, Severity, ValidationIssue } from './types';

/**
 * The one table of validator texts, keyed by stable issue code. Each entry has the problem (`message`) and a
 * concrete next step (`fix`) in English and Simplified Chinese; `{{name}}` placeholders are filled from the
 * issue's params. The Chinese is written for a Chinese reader, not translated word for word.
 */
export interface MessageTemplate {
  message: Bilingual;
  fix: Bilingual;
}

const t = (en: string, zh: string): Bilingual => ({ en, 'zh-CN': zh });

/** Texts shared by the three 18-character numbers built like the resident ID (GB 11643-1999, MOD 11-2). */
type Mod112Part = 'length' | 'format' | 'birthDate' | 'birthDateFuture' | 'birthDateTooOld' | 'checksum';

function mod112Messages<P extends string>(
  prefix: P,
  doc: Bilingual,
): Record<`${P}.${Mod112Part}`, MessageTemplate> {
  // Computed keys widen to `string`; the cast restores the literal keys so codes stay type-checked.
  return {
    [`${prefix}.length`]: {
      message: t(
        `A ${doc.en} number has 18 characters; this one has {{length}}.`,
        `${doc['zh-CN']}号码应为 18 位，当前为 {{length}} 位。`,
      ),
      fix: t('Copy the number again from the card, character by character.', '请对照证件逐位重新填写号码。'),
    },
    [`${prefix}.format`]: {
      message: t(
        `A ${doc.en} number is 17 digits followed by a digit or the letter X.`,
        `${doc['zh-CN']}号码应为 17 位数字加 1 位数字或字母 X。`,
      ),
      fix: t(
        'Remove letters and symbols other than a final X, then compare with the card.',
        '请删除除末位 X 以外的字母和符号，并与证件核对。',
      ),
    },
    [`${prefix}.birthDate`]: {
      message: t(
        'Characters 7–14 should be the date of birth (YYYYMMDD), but {{birthDate}} is not a real date.',
        '第 7–14 位应为出生日期（年月日），但 {{birthDate}} 不是有效日期。',
      ),
      fix: t(
        'Check the birth-date digits against the card; a swapped digit is the usual cause.',
        '请与证件核对出生日期部分，常见原因是数字输错或顺序颠倒。',
      ),
    },
    [`${prefix}.birthDateFuture`]: {
      message: t(
        'The date of birth in the number ({{birthDate}}) lies in the future.',
        '号码中的出生日期（{{birthDate}}）晚于今天。',
      ),
      fix: t(
        'Check the birth-date digits (characters 7–14) against the card.',
        '请与证件核对第 7–14 位出生日期。',
      ),
    },
    [`${prefix}.birthDateTooOld`]: {
      message: t(
        'The date of birth in the number ({{birthDate}}) is more than {{maxAge}} years ago.',
        '号码中的出生日期（{{birthDate}}）距今超过 {{maxAge}} 年，不合常理。',
      ),
      fix: t('Check the year digits (characters 7–10) against the card.', '请与证件核对第 7–10 位出生年份。'),
    },
    [`${prefix}.checksum`]: {
      message: t(
        'The last character does not match the rest of the number: with these first 17 characters it should be {{expected}}, not {{actual}}.',
        '末位校验码与前 17 位不符：按前 17 位计算应为 {{expected}}，而不是 {{actual}}。',
      ),
      fix: t(
        'At least one character is mistyped. Copy the whole number again from the card; only change the last character if the card itself shows {{expected}}.',
        '号码中至少有一位输错。请对照证件重新完整填写；只有证件上末位确为 {{expected}} 时才修改末位。',
      ),
    },
  } as Record<`${P}.${Mod112Part}`, MessageTemplate>;
}

export const MESSAGES = {
  'value.notText': {
    message: t('This value is not text.', '该值不是文本。'),
    fix: t('Enter the value again as text.', '请重新以文本形式填写。'),
  },
  'value.empty': {
    message: t('This field is empty.', '此项未填写。'),
    fix: t('Enter the value as printed on the document.', '请按证件或材料上的内容填写。'),
  },

  // — Unified Social Credit Code (GB 32100-2015) —
  'uscc.length': {
    message: t(
      'A unified social credit code has 18 characters; this one has {{length}}.',
      '统一社会信用代码应为 18 位，当前为 {{length}} 位。',
    ),
    fix: t(
      'Copy the code again from the business licence (top left, next to 统一社会信用代码).',
      '请从营业执照左上方“统一社会信用代码”处重新抄录。',
    ),
  },
  'uscc.forbiddenLetter': {
    message: t(
      'Character {{position}} is "{{char}}", but the letters I, O, Z, S and V never occur in a unified social credit code.',
      '第 {{position}} 位是“{{char}}”，但统一社会信用代码不使用字母 I、O、Z、S、V。',
    ),
    fix: t(
      'It is probably a digit that looks alike (1, 0, 2, 5) or the letter U. Compare it with the business licence.',
      '这很可能是外形相近的数字（1、0、2、5）或字母 U，请对照营业执照核实。',
    ),
  },
  'uscc.charset': {
    message: t(
      'Character {{position}} ("{{char}}") cannot appear in a unified social credit code.',
      '第 {{position}} 位的“{{char}}”不是统一社会信用代码允许的字符。',
    ),
    fix: t(
      'Only digits and capital letters are used. Copy the code again from the business licence.',
      '代码只包含数字和大写字母，请从营业执照重新抄录。',
    ),
  },
  'uscc.regionFormat': {
    message: t(
      'Characters 3–8 must be the six-digit administrative division code, but they are "{{region}}".',
      '第 3–8 位应为 6 位数字的行政区划代码，当前为“{{region}}”。',
    ),
    fix: t(
      'Check characters 3–8 against the business licence; they are always digits.',
      '请对照营业执照核对第 3–8 位，这几位一定是数字。',
    ),
  },
  'uscc.regionProvince': {
    message: t(
      'Characters 3–8 ({{region}}) should be the division code of the registering authority, but {{province}} is not a province-level code.',
      '第 3–8 位（{{region}}）应为登记机关所在地的行政区划代码，但开头的 {{province}} 不是有效的省级代码。',
    ),
    fix: t(
      'Check the first digits of the region part against the business licence.',
      '请对照营业执照核对行政区划代码部分。',
    ),
  },
  'uscc.registrationAuthority': {
    message: t(
      'The first character "{{char}}" is not a registration-authority code we know (1–9, A, N, Y).',
      '第 1 位“{{char}}”不在已知的登记管理部门代码（1–9、A、N、Y）之中。',
    ),
    fix: t(
      'Enterprises usually start with 9. Check the first character against the licence.',
      '企业的代码通常以 9 开头，请对照证照核对第 1 位。',
    ),
  },
  'uscc.organizationCode': {
    message: t(
      'Characters 9–17 (the organisation code) fail their own check: character 17 should be {{expected}}, not {{actual}}.',
      '第 9–17 位（组织机构代码）未通过自身校验：第 17 位按规则应为 {{expected}}，而不是 {{actual}}。',
    ),
    fix: t(
      'One of characters 9–17 is probably mistyped. Compare them with the business licence.',
      '第 9–17 位中可能有字符输错，请对照营业执照核对。',
    ),
  },
  'uscc.checksum': {
    message: t(
      'The 18th character should be {{expected}}, not {{actual}}: the code contains a typing error.',
      '第 18 位校验码应为 {{expected}}，而不是 {{actual}}：代码中有输入错误。',
    ),
    fix: t(
      'Copy the code again from the business licence. If the licence itself shows {{actual}} as the last character, another character is mistyped.',
      '请从营业执照重新抄录代码。如果执照上末位确实是 {{actual}}，说明是其他位输错了。',
    ),
  },

  // — Resident ID and the numbers built like it —
  'residentId.legacy15': {
    message: t(
      'This is an old 15-digit ID number; filings need the 18-digit number of the current card.',
      '这是旧版 15 位身份证号码，备案须填写现行身份证上的 18 位号码。',
    ),
    fix: t(
      'Enter the 18-digit number printed on the current ID card (usually {{converted}}).',
      '请填写现行身份证上印的 18 位号码（一般为 {{converted}}）。',
    ),
  },
  ...mod112Messages('residentId', t('resident ID', '居民身份证')),
  'residentId.region': {
    message: t(
      'The first two digits ({{region}}) are not a mainland province code.',
      '前两位（{{region}}）不是内地的省级行政区划代码。',
    ),
    fix: t('Check the first six digits against the ID card.', '请对照身份证核对前 6 位地址码。'),
  },
  'residentId.residencePermit': {
    message: t(
      'A number starting with {{region}} belongs to a residence permit for Hong Kong, Macao or Taiwan residents, not to a resident ID card.',
      '以 {{region}} 开头的号码属于港澳台居民居住证，而不是居民身份证。',
    ),
    fix: t(
      'Choose "residence permit for Hong Kong, Macao and Taiwan residents" as the document type.',
      '请将证件类型改为“港澳台居民居住证”。',
    ),
  },
  ...mod112Messages('hmtResidencePermit', t('Hong Kong/Macao/Taiwan residence permit', '港澳台居民居住证')),
  'hmtResidencePermit.prefix': {
    message: t(
      'A residence permit number for Hong Kong, Macao or Taiwan residents starts with 810000, 820000 or 830000; this one starts with {{prefix}}.',
      '港澳台居民居住证号码应以 810000、820000 或 830000 开头，当前为 {{prefix}}。',
    ),
    fix: t(
      'Check the first six digits; for a mainland resident ID card choose that document type instead.',
      '请核对前 6 位；如果是内地居民身份证，请改选“居民身份证”。',
    ),
  },

  // — Travel permits —
  'homeReturnPermit.format': {
    message: t(
      'A Mainland Travel Permit for Hong Kong and Macao Residents number is H or M followed by 8 digits.',
      '港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字。',
    ),
    fix: t(
      'Copy the number from the front of the permit, e.g. H12345678.',
      '请照通行证正面抄录，例如 H12345678。',
    ),
  },
  'homeReturnPermit.prefix': {
    message: t(
      'The number starts with "{{char}}"; permits of Hong Kong residents start with H and those of Macao residents with M.',
      '号码以“{{char}}”开头；香港居民的通行证以 H 开头，澳门居民的以 M 开头。',
    ),
    fix: t('Check the first letter against the permit.', '请对照通行证核对首字母。'),
  },
  'homeReturnPermit.issueCount': {
    message: t(
      'The last two digits look like the issue count, which permits issued since 2013 print separately.',
      '末两位看起来是换证次数；2013 年起签发的通行证已将换证次数单独印出。',
    ),
    fix: t(
      'Enter the 9-character number {{base}} unless your permit prints all 11 characters as one number.',
      '请填写 9 位号码 {{base}}，除非您的证件上号码本身就是 11 位。',
    ),
  },
  'taiwanPermit.format': {
    message: t(
      'A Mainland Travel Permit for Taiwan Residents number has 8 digits.',
      '台湾居民来往大陆通行证号码应为 8 位数字。',
    ),
    fix: t('Copy the 8-digit number from the permit.', '请照通行证抄录 8 位号码。'),
  },
  'taiwanPermit.legacy': {
    message: t(
      'This looks like an old-style number with the issue count (and office code) attached; permits issued since 2008 carry an 8-digit lifelong number.',
      '这像是附带换证次数（及签发机关代码）的旧式号码；2008 年起的台胞证使用 8 位终身号码。',
    ),
    fix: t(
      'Enter the 8-digit number {{base}} from your current permit.',
      '请填写现行台胞证上的 8 位号码 {{base}}。',
    ),
  },

  // — Passports —
  'passport.charset': {
    message: t(
      'Passport numbers contain only letters and digits; "{{char}}" is not allowed.',
      '护照号码只包含字母和数字，不能有“{{char}}”。',
    ),
    fix: t(
      'Copy the number from the passport data page without spaces or symbols.',
      '请照护照资料页抄录号码，不要带空格或符号。',
    ),
  },
  'passport.length': {
    message: t(
      'Passport numbers have 5 to 17 characters; this one has {{length}}.',
      '护照号码一般为 5 至 17 位，当前为 {{length}} 位。',
    ),
    fix: t(
      'Check the number on the passport data page (field "Passport No.").',
      '请核对护照资料页上“Passport No.”一栏的号码。',
    ),
  },
  'passport.chinaFormat': {
    message: t(
      'Chinese ordinary passports are numbered E + 8 digits, E + a letter + 7 digits, or G + 8 digits; this number does not match.',
      '中国普通护照号码一般为 E 加 8 位数字、E 加 1 个字母和 7 位数字，或 G 加 8 位数字，该号码不符合。',
    ),
    fix: t(
      'Check the number on the data page; if the passport is not a Chinese ordinary passport, choose the right issuing country.',
      '请核对护照资料页；如果不是中国普通护照，请选择正确的签发国家。',
    ),
  },
  'passport.mrzCheckDigit': {
    message: t(
      'The check digit in the machine-readable zone should be {{expected}}, not {{actual}}.',
      '机读区中护照号码的校验位应为 {{expected}}，而不是 {{actual}}。',
    ),
    fix: t(
      'Compare the number with the first line of characters at the bottom of the data page.',
      '请与资料页底部机读码中的号码逐位核对。',
    ),
  },

  // — Foreigner's permanent residence ID (2017 and 2023 forms) —
  'permanentResidence.format': {
    message: t(
      "A Foreigner's Permanent Residence ID number has 15 characters (cards of 2017: 3 letters + 12 digits) or 18 characters (cards since December 2023: 17 digits starting with 9, then a digit or X).",
      '外国人永久居留身份证号码为 15 位（2017 版：3 个字母加 12 位数字）或 18 位（2023 年 12 月起：以 9 开头的 17 位数字加 1 位数字或 X）。',
    ),
    fix: t('Copy the number from the front of the card.', '请照证件正面抄录号码。'),
  },
  'permanentResidence2017.region': {
    message: t(
      'Characters 4–5 ({{region}}) should be the province code of the issuing office, but are not a mainland province code.',
      '第 4–5 位（{{region}}）应为受理机关所在省份代码，但不是有效的内地省级代码。',
    ),
    fix: t(
      'Check the number against the card (this layout comes from an unofficial description; ignore the warning if the card matches).',
      '请与证件核对（该编码结构来自非官方资料，如与证件一致可忽略此提示）。',
    ),
  },
  'permanentResidence2017.birthDate': {
    message: t(
      'Characters 8–13 ({{birthDate}}) should be the date of birth (YYMMDD) but are not a real date.',
      '第 8–13 位（{{birthDate}}）应为出生日期（年月日各两位），但不是有效日期。',
    ),
    fix: t(
      'Check the number against the card (this layout comes from an unofficial description; ignore the warning if the card matches).',
      '请与证件核对（该编码结构来自非官方资料，如与证件一致可忽略此提示）。',
    ),
  },
  'permanentResidence2017.checkDigit': {
    message: t(
      'The last digit should be {{expected}} according to the usual check, not {{actual}}.',
      '按常用校验规则，末位应为 {{expected}}，而不是 {{actual}}。',
    ),
    fix: t(
      'Compare the whole number with the card. The check rule is not officially published; if the card matches, ignore this warning.',
      '请与证件逐位核对。该校验规则未正式公布，如与证件一致可忽略此提示。',
    ),
  },
  'permanentResidence2023.firstDigit': {
    message: t(
      'Permanent Residence ID numbers of the 2023 card start with 9; this one starts with {{char}}.',
      '2023 版外国人永久居留身份证号码以 9 开头，当前以 {{char}} 开头。',
    ),
    fix: t(
      'Check the number; an 18-digit number starting with 1–8 is a Chinese resident ID, not a permanent residence ID.',
      '请核对号码；以 1–8 开头的 18 位号码是居民身份证号码，不是永久居留身份证号码。',
    ),
  },
  'permanentResidence2023.province': {
    message: t(
      'Characters 2–3 ({{region}}) should be the province code of the issuing office, but are not a mainland province code.',
      '第 2–3 位（{{region}}）应为受理机关所在省份代码，但不是有效的内地省级代码。',
    ),
    fix: t(
      'Check the number against the card (this layout comes from an unofficial description; ignore the warning if the card matches).',
      '请与证件核对（该编码结构来自非官方资料，如与证件一致可忽略此提示）。',
    ),
  },
  'permanentResidence2023.birthDate': {
    message: t(
      'Characters 7–14 ({{birthDate}}) should be the date of birth (YYYYMMDD) but are not a real past date.',
      '第 7–14 位（{{birthDate}}）应为出生日期（年月日），但不是有效的过去日期。',
    ),
    fix: t(
      'Check the number against the card (this layout comes from an unofficial description; ignore the warning if the card matches).',
      '请与证件核对（该编码结构来自非官方资料，如与证件一致可忽略此提示）。',
    ),
  },
  'permanentResidence2023.checksum': {
    message: t(
      'The last character should be {{expected}}, not {{actual}}: the number contains a typing error.',
      '末位校验码应为 {{expected}}，而不是 {{actual}}：号码中有输入错误。',
    ),
    fix: t('Copy the whole number again from the card.', '请照证件重新完整填写号码。'),
  },

  // — Phones —
  'mobile.charset': {
    message: t(
      'A mobile number contains only digits; "{{char}}" is not allowed.',
      '手机号码只能包含数字，不能有“{{char}}”。',
    ),
    fix: t('Enter the 11 digits, e.g. 13812345678.', '请填写 11 位数字，例如 13812345678。'),
  },
  'mobile.foreign': {
    message: t(
      'This is a number from abroad (country code +{{countryCode}}). The filing needs a mainland China mobile number (+86, 11 digits starting with 1): the authority phones it and texts verification codes to it during the review, and cannot reach a foreign number.',
      '这是境外号码（国家或地区代码 +{{countryCode}}）。备案须填写中国内地手机号码（+86，以 1 开头的 11 位）：审核期间管局会拨打该号码并发送短信验证码，无法联系境外号码。',
    ),
    fix: t(
      'Ask the person to get a mainland SIM, or name as this contact someone in China who can answer the authority (e.g. a manager of your China entity), and enter their 11-digit number.',
      '请本人办理一张内地手机卡，或改由能接听管局电话的境内人员（例如境内公司的负责人）担任此联系人，并填写其 11 位手机号码。',
    ),
  },
  'mobile.length': {
    message: t(
      'A mainland mobile number has 11 digits; this one has {{length}}.',
      '内地手机号码应为 11 位，当前为 {{length}} 位。',
    ),
    fix: t('Check for a missing or extra digit.', '请检查是否漏填或多填了数字。'),
  },
  'mobile.prefix': {
    message: t(
      'Mainland mobile numbers start with 13–19; this one starts with {{prefix}}.',
      '内地手机号码以 13–19 开头，当前以 {{prefix}} 开头。',
    ),
    fix: t(
      'Enter a mobile number here; landlines go in the emergency-contact or phone field with their area code.',
      '此处请填写手机号码；座机号码请连同区号填在应急联系电话等栏目中。',
    ),
  },
  'landline.format': {
    message: t(
      'This is not a mainland landline number (area code + 7 or 8 digits, optional extension).',
      '这不是有效的内地固定电话号码（区号加 7 或 8 位号码，可带分机号）。',
    ),
    fix: t(
      'Write it like 010-62345678 or 0755-87654321-123.',
      '请按 010-62345678 或 0755-87654321-123 的格式填写。',
    ),
  },
  'landline.areaCode': {
    message: t(
      'The area code is missing or invalid: mainland area codes are 010, 02X or a four-digit code starting 03–09.',
      '区号缺失或无效：内地区号为 010、02X，或以 03–09 开头的 4 位区号。',
    ),
    fix: t('Add the area code in front, e.g. 021-62345678.', '请在号码前加上区号，例如 021-62345678。'),
  },
  'landline.localNumber': {
    message: t(
      'The local number after the area code should have 7 or 8 digits and not start with 0 or 1; it has {{length}} digits.',
      '区号后的本地号码应为 7 或 8 位，且不以 0 或 1 开头；当前为 {{length}} 位。',
    ),
    fix: t('Check the digits after the area code.', '请核对区号后的号码。'),
  },
  'phone.format': {
    message: t(
      'This is neither a mainland mobile number nor a landline with area code.',
      '这既不是内地手机号码，也不是带区号的固定电话号码。',
    ),
    fix: t(
      'Enter an 11-digit mobile number (13812345678) or a landline with area code (010-62345678).',
      '请填写 11 位手机号码（如 13812345678）或带区号的座机号码（如 010-62345678）。',
    ),
  },

  // — E-mail —
  'postalCode.format': {
    message: t(
      'A postal code in mainland China has six digits; “{{value}}” does not.',
      '邮政编码应为6位数字，“{{value}}”不符合。',
    ),
    fix: t(
      'Enter the six-digit code of the mailing address, e.g. 200120.',
      '请填写通讯地址所在地的6位邮政编码，如200120。',
    ),
  },
  'email.format': {
    message: t(
      'An e-mail address has exactly one @ with text on both sides.',
      '电子邮箱地址应包含且仅包含一个 @，且两侧都有内容。',
    ),
    fix: t('Write it like name@example.com.', '请按 name@example.com 的格式填写。'),
  },
  'email.localPart': {
    message: t(
      'The part before @ contains "{{char}}", which mail systems of the filing portals do not accept.',
      '@ 前面的部分含有“{{char}}”，备案系统不接受这种字符。',
    ),
    fix: t(
      'Use letters, digits and . _ - + before the @ (Chinese characters are not accepted there).',
      '@ 前请只使用字母、数字和 . _ - + 等符号（不能使用汉字）。',
    ),
  },
  'email.dots': {
    message: t(
      'The part before @ may not start or end with a dot or contain two dots in a row.',
      '@ 前的部分不能以点开头或结尾，也不能有连续的两个点。',
    ),
    fix: t('Check the address for a stray dot.', '请检查地址中多余的点。'),
  },
  'email.localPartTooLong': {
    message: t(
      'The part before @ has {{length}} characters; at most 64 are allowed.',
      '@ 前的部分有 {{length}} 个字符，最多允许 64 个。',
    ),
    fix: t(
      'Check the address; use a shorter mailbox if it is correct.',
      '请核对地址；如无误，请改用较短的邮箱。',
    ),
  },
  'email.tooLong': {
    message: t(
      'The address has {{length}} characters; at most 254 are allowed.',
      '邮箱地址有 {{length}} 个字符，最多允许 254 个。',
    ),
    fix: t('Use a shorter e-mail address.', '请使用较短的邮箱地址。'),
  },
  'email.domain': {
    message: t(
      'The part after @ ({{domain}}) is not a valid domain: {{reason}}',
      '@ 后面的部分（{{domain}}）不是有效域名：{{reason}}',
    ),
    fix: t(
      'Check the spelling of the mail domain, e.g. example.com or qq.com.',
      '请核对邮箱域名的拼写，例如 example.com 或 qq.com。',
    ),
  },

  // — Domains —
  'domain.url': {
    message: t(
      'Enter only the domain, not a web address with scheme, path or port.',
      '此处只填写域名，不要带 http://、路径或端口。',
    ),
    fix: t('Enter {{domain}}.', '请填写 {{domain}}。'),
  },
  'domain.charset': {
    message: t('Domains cannot contain "{{char}}".', '域名中不能出现“{{char}}”。'),
    fix: t(
      'Use letters, digits, hyphens and dots only (Chinese domains are fine).',
      '请只使用字母、数字、连字符和点（中文域名也可以）。',
    ),
  },
  'domain.underscore': {
    message: t('Host names cannot contain underscores (_).', '域名中不能含有下划线（_）。'),
    fix: t(
      'Replace the underscore with a hyphen or check the domain at your registrar.',
      '请改用连字符，或到注册商处核对域名。',
    ),
  },
  'domain.emptyLabel': {
    message: t(
      'The domain has an empty part (two dots in a row, or a dot at the start).',
      '域名中有空的部分（连续两个点或以点开头）。',
    ),
    fix: t('Remove the extra dot.', '请删除多余的点。'),
  },
  'domain.hyphen': {
    message: t(
      'The part "{{label}}" starts or ends with a hyphen, which is not allowed.',
      '“{{label}}”以连字符开头或结尾，这是不允许的。',
    ),
    fix: t('Check the domain at your registrar.', '请到域名注册商处核对域名。'),
  },
  'domain.labelTooLong': {
    message: t(
      'The part "{{label}}" has {{length}} characters; each part of a domain may have at most 63.',
      '“{{label}}”有 {{length}} 个字符，域名的每一段最多 63 个字符。',
    ),
    fix: t('Check the domain at your registrar.', '请到域名注册商处核对域名。'),
  },
  'domain.tooLong': {
    message: t(
      'The domain has {{length}} characters; at most 253 are allowed.',
      '域名长度为 {{length}} 个字符，最多允许 253 个。',
    ),
    fix: t('Check the domain at your registrar.', '请到域名注册商处核对域名。'),
  },
  'domain.singleLabel': {
    message: t(
      'A domain needs at least a name and a suffix, like example.cn.',
      '域名至少应包含名称和后缀，例如 example.cn。',
    ),
    fix: t('Add the suffix (.cn, .com …).', '请补上域名后缀（如 .cn、.com）。'),
  },
  'domain.numericTld': {
    message: t(
      'The last part ("{{tld}}") is a number, but domain suffixes are never numeric.',
      '最后一段（“{{tld}}”）是数字，而域名后缀不会是纯数字。',
    ),
    fix: t(
      'Enter the domain name rather than an IP address or version number.',
      '请填写域名，而不是 IP 地址或版本号。',
    ),
  },
  'domain.ipAddress': {
    message: t('This is an IP address; a domain name is needed here.', '这是 IP 地址，此处需要填写域名。'),
    fix: t('Enter the registered domain, e.g. example.cn.', '请填写已注册的域名，例如 example.cn。'),
  },
  'domain.idn': {
    message: t(
      'This internationalised (e.g. Chinese) domain cannot be converted to its ASCII form.',
      '该中文（国际化）域名无法转换为 ASCII 形式。',
    ),
    fix: t(
      'Check the spelling, or enter the xn-- form shown by your registrar.',
      '请核对拼写，或填写注册商提供的 xn-- 形式。',
    ),
  },
  'domain.publicSuffix': {
    message: t(
      '{{domain}} is a public suffix, not a registrable domain.',
      '{{domain}} 是公共后缀，不是可注册的域名。',
    ),
    fix: t(
      'Enter your own domain under it, e.g. example.{{domain}}.',
      '请填写您注册的域名，例如 example.{{domain}}。',
    ),
  },
  'domain.subdomain': {
    message: t(
      'Websites are filed with the registered domain ({{registrable}}); {{domain}} is a sub-domain of it.',
      '网站备案填写的是注册的主域名（{{registrable}}），{{domain}} 是它的子域名。',
    ),
    fix: t(
      'File {{registrable}}; its sub-domains (including www) are covered once it is filed.',
      '请填写 {{registrable}}；主域名备案后，其子域名（包括 www）即可使用。',
    ),
  },

  // — App and mini-program identifiers —
  'wechatAppId.format': {
    message: t(
      'A WeChat AppID is "wx" followed by 16 hexadecimal characters (0–9, a–f), 18 in all.',
      '微信 AppID 为“wx”加 16 位十六进制字符（0–9、a–f），共 18 位。',
    ),
    fix: t(
      'Copy it from mp.weixin.qq.com → Development → Development Management (开发管理).',
      '请在微信公众平台“开发管理 → 开发设置”中复制 AppID。',
    ),
  },
  'wechatAppId.originalId': {
    message: t('This is the original ID (gh_…), not the AppID.', '这是原始 ID（gh_ 开头），不是 AppID。'),
    fix: t(
      'Copy the AppID (starting with wx) from mp.weixin.qq.com → Development Management.',
      '请在微信公众平台“开发管理”中复制以 wx 开头的 AppID。',
    ),
  },
  'androidPackage.charset': {
    message: t(
      'Package names may contain only letters, digits, underscores and dots; "{{char}}" is not allowed.',
      '包名只能包含字母、数字、下划线和点，不能有“{{char}}”。',
    ),
    fix: t(
      'Copy the package attribute from AndroidManifest.xml (e.g. com.example.app).',
      '请从 AndroidManifest.xml 的 package 属性复制（例如 com.example.app）。',
    ),
  },
  'androidPackage.singleSegment': {
    message: t(
      'An Android package name has at least two parts separated by dots.',
      'Android 包名至少由两段组成，用点分隔。',
    ),
    fix: t('Use the full package name, e.g. com.example.app.', '请填写完整包名，例如 com.example.app。'),
  },
  'androidPackage.segment': {
    message: t(
      'The part "{{segment}}" must start with a letter and may not be empty.',
      '“{{segment}}”这一段必须以字母开头，且不能为空。',
    ),
    fix: t(
      'Copy the package attribute from AndroidManifest.xml.',
      '请从 AndroidManifest.xml 的 package 属性复制。',
    ),
  },
  'androidPackage.tooLong': {
    message: t(
      'The package name has {{length}} characters; at most 255 are allowed.',
      '包名有 {{length}} 个字符，最多允许 255 个。',
    ),
    fix: t(
      'Copy the package attribute from AndroidManifest.xml.',
      '请从 AndroidManifest.xml 的 package 属性复制。',
    ),
  },
  'iosBundleId.charset': {
    message: t(
      'A Bundle ID may contain only letters, digits, hyphens and dots; "{{char}}" is not allowed.',
      'Bundle ID 只能包含字母、数字、连字符和点，不能有“{{char}}”。',
    ),
    fix: t('Copy it from Apple Developer → Identifiers.', '请在 Apple Developer 的 Identifiers 页面复制。'),
  },
  'iosBundleId.emptySegment': {
    message: t(
      'The Bundle ID has an empty part (a dot at the start or end, or two in a row).',
      'Bundle ID 中有空的部分（点在开头、结尾或连续出现）。',
    ),
    fix: t('Copy it from Apple Developer → Identifiers.', '请在 Apple Developer 的 Identifiers 页面复制。'),
  },
  'iosBundleId.tooLong': {
    message: t(
      'The Bundle ID has {{length}} characters; Apple allows at most 155.',
      'Bundle ID 有 {{length}} 个字符，苹果最多允许 155 个。',
    ),
    fix: t('Copy it from Apple Developer → Identifiers.', '请在 Apple Developer 的 Identifiers 页面复制。'),
  },
  'iosBundleId.singleSegment': {
    message: t(
      'Bundle IDs are normally reverse-domain names with dots (com.example.app).',
      'Bundle ID 通常是带点的反向域名形式（如 com.example.app）。',
    ),
    fix: t(
      'Check that this is the full Bundle ID from Apple Developer → Identifiers.',
      '请确认这是 Apple Developer 中 Identifiers 页面的完整 Bundle ID。',
    ),
  },
  'fingerprint.charset': {
    message: t(
      'A certificate fingerprint consists of hexadecimal characters (0–9, A–F); "{{char}}" is not one.',
      '证书指纹由十六进制字符（0–9、A–F）组成，“{{char}}”不属于其中。',
    ),
    fix: t('Copy the fingerprint again from the signing tool output.', '请从签名工具的输出中重新复制指纹。'),
  },
  'fingerprint.length': {
    message: t(
      'A {{algorithm}} fingerprint has {{expectedLength}} hexadecimal characters; this one has {{length}}.',
      '{{algorithm}} 指纹应为 {{expectedLength}} 位十六进制字符，当前为 {{length}} 位。',
    ),
    fix: t(
      'Copy the complete fingerprint again (separators such as colons are fine).',
      '请重新完整复制指纹（冒号等分隔符可以保留）。',
    ),
  },
  'fingerprint.wrongAlgorithm': {
    message: t(
      'This looks like a {{found}} fingerprint, but this field needs the {{expected}} fingerprint.',
      '这看起来是 {{found}} 指纹，但此处需要填写 {{expected}} 指纹。',
    ),
    fix: t(
      'Copy the {{expected}} line of the certificate (keytool -printcert or the signing report lists both).',
      '请复制证书的 {{expected}} 值（keytool -printcert 或签名报告会同时列出各种指纹）。',
    ),
  },
  'rsaModulus.charset': {
    message: t(
      'The public key must be the modulus in hexadecimal; "{{char}}" is not a hexadecimal character.',
      '公钥应为十六进制的模数（modulus），“{{char}}”不是十六进制字符。',
    ),
    fix: t(
      'Copy the "Modulus" value of the certificate\'s public key, not the Base64 PEM text.',
      '请复制证书公钥中的 Modulus 值，而不是 Base64 的 PEM 文本。',
    ),
  },
  'rsaModulus.derEncoded': {
    message: t(
      'This looks like a whole DER-encoded key or certificate, not just the modulus.',
      '这看起来是完整的 DER 编码公钥或证书，而不只是模数。',
    ),
    fix: t('Copy only the "Modulus" value of the public key.', '请只复制公钥中的 Modulus 值。'),
  },
  'rsaModulus.even': {
    message: t(
      'An RSA modulus is always an odd number; this value ends in an even hex digit.',
      'RSA 模数一定是奇数，而该值末位是偶数。',
    ),
    fix: t(
      'Check that the value was copied completely and is the modulus, not the exponent or a signature.',
      '请确认复制完整，且复制的是模数而不是指数或签名。',
    ),
  },
  'rsaModulus.tooShort': {
    message: t(
      'The modulus has only {{bits}} bits; signing keys have at least 1024.',
      '该模数只有 {{bits}} 位，签名密钥至少为 1024 位。',
    ),
    fix: t(
      'Copy the complete modulus (an RSA-2048 key has 512 hexadecimal characters).',
      '请复制完整的模数（RSA-2048 密钥为 512 位十六进制字符）。',
    ),
  },
  'rsaModulus.unusualLength': {
    message: t(
      'The modulus has {{bits}} bits, which is not a usual key size (1024, 2048, 3072, 4096).',
      '该模数为 {{bits}} 位，不是常见的密钥长度（1024、2048、3072、4096）。',
    ),
    fix: t('Check that the modulus was copied completely.', '请确认模数复制完整。'),
  },

  // — ICP numbers —
  'icpNumber.format': {
    message: t(
      'This is not an ICP filing or licence number (e.g. 京ICP备11018762号-11, 粤B2-20090059).',
      '这不是有效的 ICP 备案号或许可证号（例如 京ICP备11018762号-11、粤B2-20090059）。',
    ),
    fix: t(
      'Copy the number from the MIIT filing system (beian.miit.gov.cn) or from the licence.',
      '请从工信部备案系统（beian.miit.gov.cn）或许可证上复制号码。',
    ),
  },
  'icpNumber.publicSecurityFormat': {
    message: t(
      'This is not a public-security filing number (e.g. 沪公网安备 31011502000001号: the province, 公网安备 (public-security filing) and 14 digits).',
      '这不是有效的公安联网备案号（例如沪公网安备 31011502000001号：省份简称、“公网安备”和 14 位数字）。',
    ),
    fix: t(
      'Copy the number from the public-security filing platform (beian.mps.gov.cn) once your filing there is approved.',
      '请在全国互联网安全管理服务平台（beian.mps.gov.cn）备案通过后，从平台复制号码。',
    ),
  },
  'icpNumber.province': {
    message: t(
      '"{{prefix}}" is not the short name of a province that issues ICP numbers.',
      '“{{prefix}}”不是签发 ICP 号码的省级通信管理局简称。',
    ),
    fix: t(
      'The number starts with the province short name, e.g. 京, 沪, 粤.',
      '号码应以省份简称开头，例如 京、沪、粤。',
    ),
  },
  'icpNumber.wrongPrefix': {
    message: t(
      'ICP numbers of {{province}} start with {{suggestion}}, not {{prefix}}.',
      '{{province}}的 ICP 号码以“{{suggestion}}”开头，而不是“{{prefix}}”。',
    ),
    fix: t('Replace {{prefix}} with {{suggestion}}.', '请将“{{prefix}}”改为“{{suggestion}}”。'),
  },
  'icpNumber.serialLength': {
    message: t(
      'The serial after ICP备 has 8 or 10 digits; this one has {{length}}.',
      'ICP备后面的序号应为 8 位或 10 位数字，当前为 {{length}} 位。',
    ),
    fix: t('Copy the number again from the filing system.', '请从备案系统重新复制号码。'),
  },
  'icpNumber.year': {
    message: t(
      'A 10-digit serial starts with the year of filing, but {{year}} is not a plausible year.',
      '10 位序号的前 4 位是备案年份，而 {{year}} 不是合理的年份。',
    ),
    fix: t('Check the serial digits.', '请核对序号数字。'),
  },
  'icpNumber.missingHao': {
    message: t(
      'A filing number ends its serial with 号 (e.g. 京ICP备11018762号-1).',
      '备案号的序号后面应有“号”字（例如 京ICP备11018762号-1）。',
    ),
    fix: t('Add 号 after the serial.', '请在序号后加上“号”。'),
  },
  'icpNumber.kind': {
    message: t(
      'This is a {{found}} number, but a {{expected}} number is expected here.',
      '这是{{found}}号码，但此处需要{{expected}}号码。',
    ),
    fix: t(
      'Website numbers end in -N, App numbers in -NA, mini-program numbers in -NX and quick-app numbers in -NK; the subject number has no suffix.',
      '网站备案号以 -N 结尾，App 以 -NA 结尾，小程序以 -NX 结尾，快应用以 -NK 结尾；主体备案号不带后缀。',
    ),
  },
  'icpNumber.licenceYear': {
    message: t(
      'The licence serial starts with the year of issue, but {{year}} is not a plausible year.',
      '许可证编号的前 4 位是发证年份，而 {{year}} 不是合理的年份。',
    ),
    fix: t('Check the number against the licence.', '请对照许可证核对编号。'),
  },

  // — Dates and validity —
  'date.format': {
    message: t(
      '"{{value}}" is not a date in the form YYYY-MM-DD.',
      '“{{value}}”不是 YYYY-MM-DD 格式的日期。',
    ),
    fix: t(
      'Enter the date like 2030-08-15 (20300815 also works).',
      '请按 2030-08-15 的格式填写（也可写作 20300815）。',
    ),
  },
  'date.invalid': {
    message: t('{{value}} is not a real calendar date.', '{{value}} 不是真实存在的日期。'),
    fix: t('Check the month and day against the document.', '请对照证件核对月份和日期。'),
  },
  'date.permanentNotAllowed': {
    message: t('“Long-term” (长期) is not possible for this date.', '此日期不能填写“长期”。'),
    fix: t('Enter the exact date shown on the document.', '请填写证件上的具体日期。'),
  },
  'validity.expired': {
    message: t(
      'The document expired on {{end}}, before the submission date {{submission}}.',
      '证件已于 {{end}} 到期，早于提交日期 {{submission}}。',
    ),
    fix: t('Renew the document and enter the data of the new one.', '请先更新证件，再填写新证件的信息。'),
  },
  'validity.tooShort': {
    message: t(
      'The document is valid until {{end}}, but it must stay valid for at least {{months}} months after submission, i.e. until {{required}}.',
      '证件有效期至 {{end}}，但须在提交后至少还有 {{months}} 个月有效期，即至少到 {{required}}。',
    ),
    fix: t(
      'Renew the document before filing; with this document the filing must be submitted by {{latestSubmission}} at the latest.',
      '请在备案前更新证件；如使用该证件，最迟须在 {{latestSubmission}} 提交备案。',
    ),
  },
  'validity.startAfterEnd': {
    message: t(
      'The validity starts ({{start}}) after it ends ({{end}}).',
      '有效期起始日（{{start}}）晚于截止日（{{end}}）。',
    ),
    fix: t('Check whether the two dates were swapped.', '请检查两个日期是否填反了。'),
  },
  'validity.notYetValid': {
    message: t(
      'The document only becomes valid on {{start}}, after the submission date {{submission}}.',
      '证件自 {{start}} 起才生效，晚于提交日期 {{submission}}。',
    ),
    fix: t(
      'Check the start date, or submit once the document is valid.',
      '请核对起始日期，或待证件生效后再提交。',
    ),
  },

  // — Chinese-text and length rules —
  'chinese.latinOnly': {
    message: t(
      'This field must be written in Chinese characters, as on the Chinese documents.',
      '此项须用中文填写，与中文证照上的内容一致。',
    ),
    fix: t(
      'Enter the Chinese name or address exactly as printed on the business licence or ID.',
      '请按营业执照或证件上印的中文名称或地址原样填写。',
    ),
  },
  'chinese.latinRefused': {
    message: t(
      'The portal takes this field in Chinese characters only; “{{text}}” is written in Latin letters.',
      '平台此项只接受中文，“{{text}}”是拉丁字母。',
    ),
    fix: t(
      'Pick from the list under the field, or use a sentence pattern; each choice shows what it means in English.',
      '请从下方列表中选择或使用句式模板，每个选项都附有英文含义。',
    ),
  },
  'chinese.noCjk': {
    message: t('This field contains no Chinese characters.', '此项中没有汉字。'),
    fix: t('Enter the Chinese text as printed on the document.', '请按证件上的中文内容填写。'),
  },
  'chinese.charset': {
    message: t('The characters {{chars}} are not accepted in this field.', '此项不接受以下字符：{{chars}}。'),
    fix: t(
      'Use Chinese characters, letters, digits and common punctuation such as （）·-#.',
      '请只使用汉字、字母、数字和（）·-# 等常用标点。',
    ),
  },
  'chinese.halfWidthParentheses': {
    message: t(
      'The text uses half-width parentheses (), while Chinese documents print full-width （）.',
      '文字中使用了半角括号 ()，而中文证照上印的是全角括号（）。',
    ),
    fix: t(
      'Replace ( ) with （ ） so the name matches the licence exactly.',
      '请将 ( ) 改为（ ），使名称与证照完全一致。',
    ),
  },
  'text.unsafeCharacters': {
    message: t(
      'The text contains invisible control or direction characters ({{chars}}): they change how it is shown or printed, and the portal compares names character by character.',
      '文字中含有不可见的控制符或文字方向符（{{chars}}），会改变文字的显示或打印效果，而备案系统会逐字比对名称。',
    ),
    fix: t(
      'Type the text again instead of pasting it, or delete and retype the characters around the marked place.',
      '请重新输入这段文字（不要粘贴），或删除后重新输入相应位置的字符。',
    ),
  },
  'text.unprintable': {
    message: t(
      'The documents cannot print {{chars}}: the document font has no such character.',
      '文书无法打印 {{chars}}：文书字体中没有这个字符。',
    ),
    fix: t(
      'Replace it with the character the certificate shows, or leave it out (emoji and symbols are not accepted by the portals either).',
      '请换成证照上的对应字符，或将其删去（备案系统也不接受表情符号和特殊符号）。',
    ),
  },
  'text.surroundingSpace': {
    message: t('The text starts or ends with spaces.', '文字开头或结尾有空格。'),
    fix: t(
      'Remove the spaces; portals compare names character by character.',
      '请删除空格；备案系统会逐字比对名称。',
    ),
  },
  'length.tooShort': {
    message: t(
      '{{field}} needs at least {{min}} characters; it has {{length}}.',
      '{{field}}至少需要 {{min}} 个字，当前为 {{length}} 个。',
    ),
    fix: t('Add detail until it reaches {{min}} characters.', '请补充内容，至少写满 {{min}} 个字。'),
  },
  'length.tooLong': {
    message: t(
      '{{field}} allows at most {{max}} characters; it has {{length}}.',
      '{{field}}最多允许 {{max}} 个字，当前为 {{length}} 个。',
    ),
    fix: t('Shorten it to {{max}} characters or fewer.', '请精简到 {{max}} 个字以内。'),
  },
  'length.tooManyItems': {
    message: t(
      '{{field}} accepts at most {{max}} (currently {{count}}).',
      '{{field}}最多允许 {{max}} 项，当前为 {{count}} 项。',
    ),
    fix: t('Remove entries until no more than {{max}} remain.', '请删减到不超过 {{max}} 项。'),
  },
  'length.tooFewItems': {
    message: t(
      '{{field}} needs at least {{min}} (currently {{count}}).',
      '{{field}}至少需要 {{min}} 项，当前为 {{count}} 项。',
    ),
    fix: t('Add entries until there are {{min}} or more.', '请补充到至少 {{min}} 项。'),
  },
  // — Website, App and mini-program names (rules in templates/rules/naming-rules.json) —
  'naming.reservedWord': {
    message: t(
      'The name contains "{{word}}", which only units approved by the competent authority may use.',
      '名称中含有“{{word}}”，只有经主管部门批准的单位才能使用。',
    ),
    fix: t(
      'Remove "{{word}}" from the name, or attach the approval document.',
      '请去掉名称中的“{{word}}”，或附上主管部门的批准文件。',
    ),
  },
  'naming.digitsOnly': {
    message: t(
      'The name consists only of digits, which reviewers refuse.',
      '名称仅由数字组成，管局不予通过。',
    ),
    fix: t('Use a descriptive name with Chinese characters.', '请改用含汉字、能说明内容的名称。'),
  },
  'naming.lettersOnly': {
    message: t(
      'The name consists only of Latin letters, which reviewers refuse.',
      '名称仅由英文字母组成，管局不予通过。',
    ),
    fix: t('Use a Chinese name, or Chinese plus English.', '请使用中文名称，或中文加英文的名称。'),
  },
  'naming.specialSymbols': {
    message: t('The name contains special symbols: {{chars}}.', '名称中含有特殊符号：{{chars}}。'),
    fix: t('Use only Chinese characters, letters and digits.', '请只使用汉字、字母和数字。'),
  },
  'naming.tooShort': {
    message: t(
      'The name needs at least {{min}} characters; it has {{length}}.',
      '名称至少需要 {{min}} 个字，当前为 {{length}} 个。',
    ),
    fix: t('Use a longer, descriptive name.', '请使用更完整、能说明内容的名称。'),
  },
  'naming.preApprovalWord': {
    message: t(
      'The name contains "{{word}}", a keyword of a field that needs a pre-approval ({{field}}).',
      '名称中含有“{{word}}”，属于需要前置审批的领域（{{field}}）的关键词。',
    ),
    fix: t(
      'Remove the keyword, or obtain the pre-approval and enter it with the filing.',
      '请去掉该关键词，或取得前置审批后随备案一并提交。',
    ),
  },
  'naming.personalOrganizationWord': {
    message: t(
      'Personal filings may not use names suggesting an organisation or a commercial service ("{{word}}").',
      '个人备案的名称不能使用带有单位或经营性质的词语（“{{word}}”）。',
    ),
    fix: t(
      'Choose a name that describes personal, non-commercial content, or file as an organisation.',
      '请改用体现个人非经营性内容的名称，或以单位名义备案。',
    ),
  },
  'naming.personalDiscouraged': {
    message: t(
      'Names with "{{word}}" are often refused for personal filings.',
      '个人备案的名称中含有“{{word}}”时常被驳回。',
    ),
    fix: t(
      'Prefer a name describing the content, e.g. “张三的摄影作品集”.',
      '建议使用描述内容的名称，例如“张三的摄影作品集”。',
    ),
  },
  'naming.domainAsName': {
    message: t('The name is the domain name, which reviewers refuse.', '名称直接使用了域名，管局不予通过。'),
    fix: t("Use a name describing the site's content.", '请使用能说明网站内容的名称。'),
  },
  'naming.mustContainChinese': {
    message: t(
      '{{province}} accepts only Chinese names or Chinese plus English.',
      '{{province}}只接受纯中文或中文加英文的名称。',
    ),
    fix: t('Add the Chinese name.', '请加上中文名称。'),
  },
  'naming.provinceWord': {
    message: t(
      '{{province}} refuses names containing "{{word}}".',
      '{{province}}不接受含有“{{word}}”的名称。',
    ),
    fix: t('Remove "{{word}}" from the name.', '请去掉名称中的“{{word}}”。'),
  },
  'naming.differsFromUnit': {
    message: t(
      'In {{province}}, a site name different from the unit name needs a commitment letter and a site description.',
      '在{{province}}，网站名称与单位名称不一致时，需提交承诺书和网站说明。',
    ),
    fix: t(
      'Add the commitment letter and site description to the packet, or use the unit name.',
      '请在材料中加入承诺书和网站说明，或改用单位名称。',
    ),
  },
  'naming.platformWord': {
    message: t(
      'WeChat refuses mini-program names containing "{{word}}".',
      '微信不接受含有“{{word}}”的小程序名称。',
    ),
    fix: t('Remove "{{word}}" from the name.', '请去掉名称中的“{{word}}”。'),
  },
  'naming.douyinLength': {
    message: t(
      'Douyin mini-program names are 4–20 units long, each Chinese character counting 2; this one has {{length}}.',
      '抖音小程序名称长度为 4–20（每个汉字计 2），当前为 {{length}}。',
    ),
    fix: t('Shorten or lengthen the name accordingly.', '请相应调整名称长度。'),
  },
  'naming.douyinCharset': {
    message: t(
      'Douyin mini-program names may contain only Chinese characters, letters and digits (a final "+" is allowed).',
      '抖音小程序名称只能包含汉字、字母和数字（末尾可以有一个“+”）。',
    ),
    fix: t('Remove the other characters: {{chars}}.', '请删除以下字符：{{chars}}。'),
  },
  'naming.marketingWord': {
    message: t(
      'App names with price or marketing words ("{{word}}") are refused in review.',
      'App 名称中含有价格或营销类词语（“{{word}}”）时会被驳回。',
    ),
    fix: t('Remove "{{word}}" from the name.', '请去掉名称中的“{{word}}”。'),
  },
  'naming.emoji': {
    message: t('App names may not contain emoji or pictographs.', 'App 名称中不能含有表情符号。'),
    fix: t('Remove the emoji.', '请删除表情符号。'),
  },
} satisfies Record<string, MessageTemplate>;

export type MessageCode = keyof typeof MESSAGES;

/** Params whose text differs by language (a field label, a province name) are passed as `Bilingual`. */
export type IssueParams = Record<string, string | number | Bilingual>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function render(template: string, params: IssueParams, language: keyof Bilingual): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/** The `{{name}}` placeholders a text uses, for checks that both languages ask for the same params. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

/**
 * Builds an issue from the message table. Bilingual params are rendered per language; in `params` they are
 * kept as their English text so callers always get plain strings and numbers.
 */
export function makeIssue(code: MessageCode, severity: Severity, params: IssueParams = {}): ValidationIssue {
  const template: MessageTemplate = MESSAGES[code];
  const issue: ValidationIssue = {
    code,
    severity,
    message: {
      en: render(template.message.en, params, 'en'),
      'zh-CN': render(template.message['zh-CN'], params, 'zh-CN'),
    },
    fix: {
      en: render(template.fix.en, params, 'en'),
      'zh-CN': render(template.fix['zh-CN'], params, 'zh-CN'),
    },
  };
  const entries = Object.entries(params);
  if (entries.length > 0) {
    issue.params = Object.fromEntries(
      entries.map(([name, value]) => [name, typeof value === 'object' ? value.en : value]),
    );
  }
  return issue;
}

export const error = (code: MessageCode, params?: IssueParams): ValidationIssue =>
  makeIssue(code, 'error', params);
export const warning = (code: MessageCode, params?: IssueParams): ValidationIssue =>
  makeIssue(code, 'warning', params);
