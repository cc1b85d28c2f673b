/**
 * portal-fields.html: a copy sheet for typing the case into a filing portal — one row per portal field with
 * the portal's Chinese label, the value, the English meaning and a copy button.
 *
 * Labels come from the field catalogue (templates/fields/case-fields.json, `portal: true`), so the sheet,
 * the forms and the pre-flight use the same words. The page is self-contained: no external script, style,
 * font or URL, a Content-Security-Policy allowing only its own inline script (by hash), every value escaped.
 */
import { getAt } from '../model/access';
import type { Case, Person, Service } from '../model/case';
import { chineseNameBeside, idDocumentName } from '../documents/names';
import { applicationContact, formatCoverage, formatLicenceCategories } from '../documents/resolve';
import { FIELD_CATALOGUE, type FieldDef } from '../model/fields';
import { regionName } from '../model/regions';
import { formatCny, formatDate } from '../documents/resolve';
import type { LabelTables } from '../documents/template-schema';
import { sha256Base64 } from './hash';
import { caseLicenceCategories } from '../rules/licence-categories';
import { parseFont } from '../documents/font';
import { webFontSubset } from './web-font';

export interface PortalRow {
  path: string;
  labelZh: string;
  labelEn: string;
  /** Exactly what goes into the portal field, and all that the copy button copies. */
  value: string;
  /** Typed into the portal (a copy button); false for values picked from a list, a box or a region menu. */
  copy: boolean;
  /** Shown beside the value, never copied: the Chinese name a passport holder uses beside the passport's. */
  note?: { zh: string; en: string };
}

/** Inputs whose value is picked on the portal, not typed: no copy button. */
const PICKED: ReadonlySet<FieldDef['input']> = new Set(['select', 'boolean', 'region', 'list']);

export interface PortalSection {
  title: { zh: string; en: string };
  rows: PortalRow[];
}

const SERVICE_KIND_TITLE: Record<Service['kind'], { zh: string; en: string }> = {
  website: { zh: '网站', en: 'Website' },
  app: { zh: 'App', en: 'App' },
  mini_program: { zh: '小程序', en: 'Mini-program' },
};

/** Label tables (templates/documents/labels.json) for the enum fields of the portal sheet, by field name. */
const LABEL_TABLE_BY_FIELD: Record<string, string> = {
  idType: 'personIdType',
  certificateType: 'subjectCertificateType',
  sector: 'sector',
  platform: 'appPlatform',
  languages: 'language',
};

function enumLabel(labels: LabelTables | undefined, path: string, value: string): string {
  const table = LABEL_TABLE_BY_FIELD[path.split('.').at(-1) ?? ''];
  return (table && labels?.tables[table]?.[value]?.zh) || value;
}

/** The value as the user types or picks it on the portal (Chinese forms of dates, regions and choices). */
export function displayValue(def: FieldDef, path: string, value: unknown, labels?: LabelTables): string {
  // The document formatter joins dates with invisible word joiners (U+2060) to keep them on one line; pasted
  // into a portal form they would be invisible garbage.
  return rawDisplayValue(def, path, value, labels).replace(/\u2060/g, '');
}

function rawDisplayValue(def: FieldDef, path: string, value: unknown, labels?: LabelTables): string {
  if (value === null || value === undefined) return '';
  switch (def.input) {
    case 'date':
      return typeof value === 'string' && value ? formatDate(value, 'zh') : '';
    case 'region':
      return typeof value === 'string' && value ? `${regionName(value) ?? value}（${value}）` : '';
    case 'boolean':
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : '';
    case 'select':
      return enumLabel(labels, path, String(value));
    case 'list':
      return Array.isArray(value)
        ? value.map((v) => enumLabel(labels, path, String(v))).join('、')
        : String(value);
    case 'number':
      if (typeof value !== 'number') return '';
      return path.endsWith('Cny') ? formatCny(value, 'zh') : String(value);
    default:
      return String(value);
  }
}

function rowsFor(
  prefix: string,
  patternPrefix: string,
  c: Case,
  labels: LabelTables | undefined,
  serviceKind?: Service['kind'],
): PortalRow[] {
  const rows: PortalRow[] = [];
  for (const def of FIELD_CATALOGUE.fields) {
    if (!def.portal || !def.path.startsWith(patternPrefix)) continue;
    if (def.serviceKinds && (!serviceKind || !def.serviceKinds.includes(serviceKind))) continue;
    const rest = def.path.slice(patternPrefix.length);
    // Nested arrays (platforms.*.packageName, preApprovals.*.…) expand to one row per element.
    const [head, tail] = rest.split('.*.');
    const expand = (concretePath: string) => {
      const value = getAt(c, concretePath);
      // A person's name exactly as in the identity document (MUELLER ANNA for a passport): the portal
      // checks it against the ID; a Chinese name the person uses stands beside it, outside the copied value.
      const person =
        /\.name$/.test(concretePath) && /(principal|legalRepresentative)\.name$/.test(concretePath)
          ? (getAt(c, concretePath.replace(/\.name$/, '')) as Person | undefined)
          : undefined;
      const beside = person ? chineseNameBeside(person) : '';
      rows.push({
        path: concretePath,
        labelZh: def.label['zh-CN'],
        labelEn: def.label.en,
        value: person ? idDocumentName(person) : displayValue(def, concretePath, value, labels),
        copy: !PICKED.has(def.input),
        ...(beside ? { note: { zh: `中文姓名：${beside}`, en: 'Chinese name used in China' } } : {}),
      });
    };
    if (tail !== undefined && head !== undefined) {
      const list = getAt(c, `${prefix}${head}`);
      if (Array.isArray(list)) list.forEach((_, i) => expand(`${prefix}${head}.${i}.${tail}`));
    } else expand(`${prefix}${rest}`);
  }
  return rows;
}

const row = (path: string, labelZh: string, labelEn: string, value: string, copy = true): PortalRow => ({
  path,
  labelZh,
  labelEn,
  value: value.replace(/\u2060/g, ''),
  copy,
});

/** A person's name as in their identity document, the Chinese name they use beside it (never copied). */
function personRow(path: string, labelZh: string, labelEn: string, person: Person): PortalRow {
  const beside = chineseNameBeside(person);
  return {
    ...row(path, labelZh, labelEn, idDocumentName(person)),
    ...(beside ? { note: { zh: `中文姓名：${beside}`, en: 'Chinese name used in China' } } : {}),
  };
}

/**
 * The licence application on MIIT's 电信业务市场综合管理信息系统 (dxzhgl.miit.gov.cn): the values its form
 * asks for (Order 42 Art. 8(1): category, coverage, company, address, contact, phone, e-mail).
 */
export function licencePortalSection(c: Case): PortalSection {
  const contact = applicationContact(c);
  const rows: PortalRow[] = [
    row(
      'answers.licenceCategory',
      '申请业务种类',
      'Categories applied for',
      formatLicenceCategories(caseLicenceCategories(c), 'zh'),
      false,
    ),
    row('licence.coverage', '业务覆盖范围', 'Coverage', formatCoverage(c.licence.coverage, c, 'zh'), false),
    row('subject.name', '公司名称', 'Company name', c.subject.name),
    row(
      'subject.certificateNumber',
      '统一社会信用代码',
      'Unified social credit code',
      c.subject.certificateNumber,
    ),
    row('subject.certificateAddress', '公司住所', 'Registered address', c.subject.certificateAddress),
    row(
      'subject.registeredCapitalCny',
      '注册资本',
      'Registered capital',
      c.subject.registeredCapitalCny === null ? '' : formatCny(c.subject.registeredCapitalCny, 'zh'),
    ),
    personRow('legalRepresentative.name', '法定代表人', 'Legal representative', c.legalRepresentative),
    contact.agency
      ? row('contact.name', '联系人', 'Contact person', contact.name)
      : personRow('contact.name', '联系人', 'Contact person', c.principal),
    row('contact.mobile', '联系电话', 'Contact telephone', contact.mobile),
    row('contact.email', '电子邮箱', 'Contact e-mail', contact.email),
    row('licence.complaintPhone', '客服电话', 'Customer-service telephone', c.licence.complaintPhone),
  ];
  c.services.forEach((service, i) => {
    const identity =
      service.kind === 'website' || service.kind === 'app' ? service.domains.join('、') : service.appId;
    rows.push(
      row(
        `services.${i}.name`,
        `${SERVICE_KIND_TITLE[service.kind].zh}名称`,
        `${SERVICE_KIND_TITLE[service.kind].en} name`,
        service.name,
      ),
    );
    rows.push(
      row(
        `services.${i}.identity`,
        service.kind === 'mini_program' ? '小程序ID' : '域名',
        service.kind === 'mini_program' ? 'AppID' : 'Domains',
        identity,
      ),
    );
    rows.push(
      row(`services.${i}.filingNumber`, 'ICP备案号', 'ICP filing number', service.filingNumber ?? ''),
    );
  });
  return {
    title: {
      zh: '经营许可申请（电信业务市场综合管理信息系统）',
      en: 'Licence application (MIIT telecom business system)',
    },
    rows,
  };
}

/**
 * The sheet's content: subject, its people, then each service with its own person in charge; for a
 * licence packet, the licence portal's section first.
 */
export function portalSections(
  c: Case,
  labels?: LabelTables,
  options: { licence?: boolean } = {},
): PortalSection[] {
  const sections: PortalSection[] = [
    {
      title: { zh: '主体信息', en: 'Subject (applicant)' },
      rows: rowsFor('subject.', 'subject.', c, labels),
    },
    {
      title: { zh: '主体负责人', en: "Subject's person in charge" },
      rows: rowsFor('principal.', 'principal.', c, labels),
    },
    {
      title: { zh: '法定代表人', en: 'Legal representative' },
      rows: rowsFor('legalRepresentative.', 'legalRepresentative.', c, labels),
    },
  ];
  c.services.forEach((service, i) => {
    const kind = SERVICE_KIND_TITLE[service.kind];
    const rows = rowsFor(`services.${i}.`, 'services.*.', c, labels, service.kind).filter(
      (row) => !row.path.startsWith(`services.${i}.principal.`),
    );
    sections.push({
      title: { zh: `${kind.zh}：${service.name}`, en: `${kind.en}: ${service.name}` },
      rows,
    });
    sections.push({
      title: { zh: `${kind.zh}负责人：${service.name}`, en: `${kind.en} person in charge: ${service.name}` },
      rows: service.principal
        ? rowsFor(`services.${i}.principal.`, 'services.*.principal.', c, labels)
        : rowsFor('principal.', 'principal.', c, labels),
    });
  });
  if (options.licence) sections.unshift(licencePortalSection(c));
  return sections.filter((s) => s.rows.length > 0);
}

/** 2026年11月25日 10:00（北京时间）: the build time on the China clock, where the packet is filed. */
export function chinaTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const [date = '', time = ''] = china.split('T');
  return `${formatDate(date, 'zh').replace(/\u2060/g, '')} ${time.slice(0, 5)}（北京时间）`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// Our only script: copies the value cell of the clicked row. The clipboard API needs a secure context,
// which a file:// page may not be; the selection fallback works everywhere.
const COPY_SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button.copy');
  if (!button) return;
  var cell = button.closest('tr').querySelector('.value .copy-value');
  var text = cell ? cell.textContent : '';
  function done() {
    button.classList.add('done');
    button.textContent = '已复制 Copied';
    setTimeout(function () { button.classList.remove('done'); button.textContent = '复制 Copy'; }, 1500);
  }
  function fallback() {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); done(); } finally { document.body.removeChild(area); }
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
  else fallback();
});
`;

const STYLE = `
:root { color-scheme: light; }
body { font-family: "ICP Sheet", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif;
  margin: 24px auto; max-width: 1000px; color: #1a1a1a; line-height: 1.5; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: #555; font-size: 13px; margin: 0 0 16px; }
h2 { font-size: 16px; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #c8102e; }
h2 small, th small, td.label small { color: #666; font-weight: normal; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #d0d0d0; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; font-size: 13px; }
td.label { width: 28%; }
td.label small, td.meaning { display: block; font-size: 12px; color: #555; }
td.value { font-family: inherit; word-break: break-all; white-space: pre-wrap; }
td.value.empty::after { content: "（未填写 not entered）"; color: #b00020; }
td.value small.note { display: block; font-size: 12px; color: #555; white-space: normal; }
td.action { width: 96px; text-align: center; }
button.copy { font: inherit; font-size: 12px; padding: 3px 8px; border: 1px solid #888; border-radius: 4px;
  background: #fff; cursor: pointer; }
button.copy.done { background: #e6f4ea; border-color: #2e7d32; }
.picked { font-size: 11px; color: #666; }
@media print {
  body { margin: 0; max-width: none; }
  button.copy, td.action, th.action { display: none; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

export interface PortalSheetMeta {
  caseName: string;
  subjectName: string;
  pathway: { zh: string; en: string };
  generatedAt: string;
}

/**
 * The complete HTML page. With `font` (the document font's bytes) the page embeds a subset of it holding
 * exactly its characters, so its Chinese shows on a machine without a CJK font.
 */
export async function portalFieldsHtml(
  sections: PortalSection[],
  meta: PortalSheetMeta,
  options: { font?: Uint8Array } = {},
): Promise<string> {
  const scriptHash = await sha256Base64(new TextEncoder().encode(COPY_SCRIPT));
  const fontSrc = options.font ? ' font-src data:;' : '';
  const csp = `default-src 'none'; style-src 'unsafe-inline';${fontSrc} script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  const page = portalPage(sections, meta, csp, '');
  if (!options.font) return page;
  return portalPage(sections, meta, csp, fontFace(options.font, page));
}

/** The sheets' font faces a process keeps, per font: by the characters the sheet shows, in their order. */
const faces = new WeakMap<Uint8Array, Map<string, string>>();
const FACES_KEPT = 8;

/**
 * The @font-face holding the subset of `font` for `page`. The subset depends only on the page's distinct
 * characters in order of appearance (glyphs are numbered as they are met), so a sheet exported again
 * re-uses its face instead of subsetting and encoding the font again (≈ 10 ms).
 */
function fontFace(font: Uint8Array, page: string): string {
  const characters = [...new Set([...page, ' '])].join('');
  let kept = faces.get(font);
  if (!kept) faces.set(font, (kept = new Map()));
  let face = kept.get(characters);
  if (face === undefined) {
    const subset = webFontSubset(parseFont(font), page);
    face = `@font-face { font-family: "ICP Sheet"; src: url(data:font/ttf;base64,${base64(subset)}) format("truetype"); font-display: block; }`;
    if (kept.size >= FACES_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.delete(characters);
  kept.set(characters, face);
  return face;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function portalPage(sections: PortalSection[], meta: PortalSheetMeta, csp: string, fontFace: string): string {
  const body = sections
    .map((section) => {
      const rows = section.rows
        .map(
          (row) => `<tr>
<td class="label">${escapeHtml(row.labelZh)}<small>${escapeHtml(row.labelEn)}</small></td>
<td class="value${row.value === '' ? ' empty' : ''}"><span class="copy-value">${escapeHtml(row.value)}</span>${row.note ? `<small class="note">${escapeHtml(row.note.zh)} ${escapeHtml(row.note.en)}</small>` : ''}</td>
<td class="action">${row.copy ? '<button type="button" class="copy">复制 Copy</button>' : '<span class="picked">从列表选择 Pick from the list</span>'}</td>
</tr>`,
        )
        .join('\n');
      return `<section>
<h2>${escapeHtml(section.title.zh)} <small>${escapeHtml(section.title.en)}</small></h2>
<table>
<thead><tr><th>门户字段 <small>Portal field</small></th><th>填写内容 <small>Value</small></th><th class="action">复制 <small>Copy</small></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>门户填报对照表 Portal fields — ${escapeHtml(meta.subjectName)}</title>
<style>${fontFace}${STYLE}</style>
</head>
<body>
<h1>门户填报对照表 <small>Portal copy sheet</small></h1>
<p class="meta">${escapeHtml(meta.subjectName)} · ${escapeHtml(meta.pathway.zh)} ${escapeHtml(meta.pathway.en)} · ${escapeHtml(meta.caseName)} · 生成于 Generated ${escapeHtml(chinaTime(meta.generatedAt))}</p>
<p class="meta">逐项复制到备案系统；标签为备案系统中的原文。Copy each value into the filing portal; labels are the portal's own wording.</p>
${body}
<script>${COPY_SCRIPT}</script>
</body>
</html>
`;
}
