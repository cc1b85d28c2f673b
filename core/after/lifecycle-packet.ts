/**
 * The packets of a licence holder's later years — the renewal packet and a change packet — from the case:
 *
 *   00 目录 Index.pdf                  what the packet holds, with pages, and what to attach from the company
 *   01 … NN <title>.pdf                the company's own letters, in submission order
 *   完整材料包 Full packet.pdf           the index and the letters merged, one bookmark each
 *   双语核对版 Bilingual review.pdf      the English meaning under every line of every letter
 *   备案变更对照表 Filing changes.pdf    change packets: what to change in each filed service's filing
 *   manifest.json                      every file with size and SHA-256, template and rule versions
 *
 * The plan (which letters, with which packet values, on which version of the case) is a pure decision;
 * {@link assembleLifecyclePacket} renders it with the fonts passed in and returns the files in memory. Writing
 * them is the host's job (host/lifecycle.ts).
 */
import type { Case, ChangeEvent, Shareholder } from '../model/case';
import { linkPrincipal } from '../model/principal';
import type { DocumentDecision } from '../documents/conditions';
import type { DocumentFonts } from '../documents/font';
import { formatCny, formatDate, formatLicenceCategories } from '../documents/resolve';
import { renderDocument } from '../documents/render';
import { parseTemplate, type DocumentTemplate } from '../documents/template-schema';
import { printedName } from '../documents/names';
import { sha256Hex } from '../packet/hash';
import { mergeWithOutline, pdfPageCount } from '../packet/merge';
import {
  chinaDate,
  packetFolderName,
  safeFileName,
  uniqueNames,
  unsafePathReason,
} from '../packet/safe-names';
import { PacketError } from '../packet/errors';
import type { PacketFile } from '../packet/types';
import { caseLicenceCategories } from '../rules/licence-categories';
import { provinceByCode } from '../validate/provinces';
import {
  changeLetterValues,
  changeMaterials,
  changePending,
  describeValues,
  filingChanges,
  serviceFilingNumber,
  type FilingChange,
  type PacketMaterial,
} from './changes';
import { LIFECYCLE_RULES, LIFECYCLE_RULES_VERSION, changeRule } from './lifecycle-rules';
import { bindPacketValues, lifecycleTemplate, type PacketValue } from './lifecycle-templates';
import { renewalMaterials, renewalPreChecks, reportYearsOwed } from './renewal';
import { sheetTemplate, sheetText, type SheetText } from './sheet';
import { isIsoDate } from './working-days';

export const LIFECYCLE_INDEX_FILE = '00 目录 Index.pdf';
export const LIFECYCLE_FULL_FILE = '完整材料包 Full packet.pdf';
export const LIFECYCLE_REVIEW_FILE = '双语核对版 Bilingual review.pdf';
export const FILING_SHEET_FILE = '备案变更对照表 Filing changes.pdf';
export const LIFECYCLE_MANIFEST_FILE = 'manifest.json';
const PRODUCER = 'ICP Packet Studio';

/** One letter of the packet: its template with packet values bound, and the case version it is drawn from. */
export interface PlannedDocument {
  template: DocumentTemplate;
  case: Case;
  title: SheetText;
}

export interface LifecyclePacketPlan {
  /** `renewal`, or `change-<kind>`: the folder name's middle part and the manifest's id. */
  id: string;
  /** The application as the index names it (申请事项). */
  application: SheetText;
  documents: PlannedDocument[];
  /** What the company adds itself (scans, certificates), in order. */
  toAttach: PacketMaterial[];
  /** A worksheet printed beside the packet (the filing changes), not part of what is submitted. */
  sheet?: { file: string; template: DocumentTemplate };
}

// ------------------------------------------------------------------ the case the letters are drawn from

/**
 * The case as the later letters read it: each service's filing number from the go-live kit where the service
 * itself has none, the subject's too, and the letters dated `signOn` ('' leaves 年 月 日 to write by hand).
 */
export function lifecycleCase(c: Case, signOn: string): Case {
  const linked = linkPrincipal(c);
  return {
    ...linked,
    plannedSubmissionOn: isIsoDate(signOn) ? signOn : '',
    subject: {
      ...linked.subject,
      filingNumber: linked.subject.filingNumber || linked.afterApproval.filingNumber,
    },
    services: linked.services.map((s) => {
      const number = serviceFilingNumber(linked, s);
      return number ? { ...s, filingNumber: number } : s;
    }),
  };
}

/** The authority a licence answers to: the province's communications administration, or MIIT. */
export function licenceAuthority(c: Case): PacketValue {
  if (c.licence.coverage !== 'province')
    return { zh: '中华人民共和国工业和信息化部', en: 'the Ministry of Industry and Information Technology' };
  const province = provinceByCode(c.subject.province);
  if (!province) return { zh: '电信管理机构', en: 'the telecommunications authority' };
  return {
    zh: province.communicationsAdministration ?? `${province.nameZh}通信管理局`,
    en: `the ${province.nameEn} Communications Administration`,
  };
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function numbered(items: SheetText[]): PacketValue {
  return {
    zh: items.map((item, i) => `${CN_NUMBERS[i] ?? i + 1}、${item.zh}`).join('\n'),
    en: items.map((item, i) => `${i + 1}. ${item.en}`).join('\n'),
  };
}

const HAND_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

function shareholderTerms(list: readonly Shareholder[]): PacketValue {
  const zh = list
    .map(
      (s) =>
        `${s.name}${s.contributionCny === null ? '' : `出资${formatCny(s.contributionCny, 'zh')}`}${s.sharePct === null ? '' : `，占注册资本的${s.sharePct}%`}`,
    )
    .join('；');
  const en = list
    .map(
      (s) =>
        `${s.nameLatin || s.name}${s.contributionCny === null ? '' : `, contributing ${formatCny(s.contributionCny, 'en')}`}${s.sharePct === null ? '' : ` (${s.sharePct}%)`}`,
    )
    .join('; ');
  return { zh, en };
}

/**
 * The packet values of the shareholders' resolution: a 股东会决议 of all shareholders, or the written
 * 股东决定 of a company's only shareholder; its items by purpose.
 */
export function resolutionValues(
  c: Case,
  deciding: readonly Shareholder[],
  decidedOn: string,
  items: SheetText[],
): Record<string, PacketValue> {
  const one = deciding.length <= 1;
  const date = isIsoDate(decidedOn) ? formatDate(decidedOn, 'zh') : HAND_DATE;
  const dateEn = isIsoDate(decidedOn) ? formatDate(decidedOn, 'en') : 'the date written below';
  const only = deciding[0];
  return {
    'resolution.title': one
      ? { zh: '股东决定', en: "Shareholder's Decision" }
      : { zh: '股东会决议', en: "Shareholders' Resolution" },
    'resolution.opening': one
      ? {
          zh: `${c.subject.name}（以下简称“公司”）股东${only?.name ?? ''}依照《中华人民共和国公司法》及公司章程的规定，作出如下决定：`,
          en: `${only?.nameLatin || only?.name || 'The shareholder'}, sole shareholder of ${c.subject.nameLatin || c.subject.name} (the company), decides as follows under the Company Law and the articles of association:`,
        }
      : {
          zh: `${c.subject.name}（以下简称“公司”）股东会于${date}召开会议，应到股东${deciding.length}名，实到股东${deciding.length}名，代表公司全部表决权。会议依照《中华人民共和国公司法》及公司章程的规定，经全体股东一致同意，作出如下决议：`,
          en: `The shareholders' meeting of ${c.subject.nameLatin || c.subject.name} (the company) met on ${dateEn}; all ${deciding.length} shareholders attended, holding all votes. Under the Company Law and the articles of association they unanimously resolved:`,
        },
    'resolution.items': numbered(items),
    'resolution.signHeading': one
      ? { zh: '股东签字（盖章）', en: "Shareholder's signature (seal)" }
      : { zh: '全体股东签字（盖章）', en: "All shareholders' signatures (seals)" },
  };
}

function documentOf(
  id: string,
  c: Case,
  values: Record<string, PacketValue> = {},
  title?: SheetText,
): PlannedDocument {
  const template = lifecycleTemplate(id);
  const bound = Object.keys(values).length ? bindPacketValues(template, values) : template;
  return { template: bound, case: c, title: title ?? template.title };
}

// ------------------------------------------------------------------ renewal

function dateZh(iso: string): string {
  return isIsoDate(iso) ? formatDate(iso, 'zh') : '';
}

/**
 * What the renewal application may affirm: that the services are live and the reports filed — each only
 * when the case shows it, so the form never claims what its own rows deny.
 */
function undertaking(c: Case, today: string): PacketValue {
  const checks = renewalPreChecks(c, today);
  const ok = (id: string) => checks.find((x) => x.id === id)?.ok === true;
  const zh: string[] = [];
  const en: string[] = [];
  if (ok('launched')) {
    zh.push('上述业务均已实际开展');
    en.push('the services listed have actually been launched');
  }
  if (ok('annualReports')) {
    zh.push('历年年报均已按规定报送');
    en.push('every annual report has been filed as required');
  }
  if (!zh.length) return { zh: '', en: '' };
  return {
    zh: `${zh.join('，')}。`,
    en: `${en.join(' and ')[0]?.toUpperCase()}${en.join(' and ').slice(1)}. `,
  };
}

export function renewalPacketPlan(c: Case, options: { today: string; signOn: string }): LifecyclePacketPlan {
  const base = lifecycleCase(c, options.signOn);
  const categories = caseLicenceCategories(c);
  const authority = licenceAuthority(c);
  const number = c.afterApproval.licenceNumber;
  const launched = base.services.map((s) => {
    const where =
      s.kind === 'website' ? s.domains.join('、') : s.kind === 'mini_program' ? `AppID ${s.appId}` : s.name;
    const on = s.launchedOn ? dateZh(s.launchedOn) : '';
    return {
      zh: `${s.name}（${where}）${on ? `，${on}上线` : ''}`,
      en: `${s.name} (${where.replaceAll('、', ', ')})${s.launchedOn && isIsoDate(s.launchedOn) ? `, live since ${formatDate(s.launchedOn, 'en')}` : ''}`,
    };
  });
  // Every year owed, filed or not: a bare "无" would read as "nothing was owed" on a form the
  // authority checks against its own records.
  const submitted = new Map(
    base.lifecycle.annualReports.filter((r) => isIsoDate(r.submittedOn)).map((r) => [r.year, r.submittedOn]),
  );
  const reportYears = [...new Set([...reportYearsOwed(base, options.today), ...submitted.keys()])].sort();
  const reports = reportYears.map((year) => {
    const on = submitted.get(year);
    return on
      ? { zh: `${year}年度（${dateZh(on)}报送）`, en: `${year} (filed ${formatDate(on, 'en')})` }
      : { zh: `${year}年度（尚未报送）`, en: `${year} (not yet filed)` };
  });
  const pending = base.lifecycle.changes
    .filter((e) => changePending(base, e, options.today))
    .map((e) => sheetText(changeRule(e.kind).title));
  const joinList = (list: SheetText[]): PacketValue =>
    list.length
      ? { zh: list.map((l) => l.zh).join('；'), en: list.map((l) => l.en).join('; ') }
      : { zh: '无', en: 'None' };

  const latest = [...base.lifecycle.annualReports]
    .sort((a, b) => b.year - a.year)
    // Only a report the authority has received may be cited: the form's own row says which ones were.
    .find((r) => r.figures.users !== null && isIsoDate(r.submittedOn));
  const usage: PacketValue = latest
    ? {
        zh: `据本公司${latest.year}年度经营许可年报，上述业务的用户总数为${latest.figures.users}户。`,
        en: `Our ${latest.year} licence annual report gives ${latest.figures.users} users of these services.`,
      }
    : {
        zh: '上述网站及应用均可公开访问，并已办理ICP备案。',
        en: 'The websites and apps above are publicly accessible and filed.',
      };

  // The resolution is adopted for this application: dated as its letters are.
  const resolutionCase = lifecycleCase(c, options.signOn);
  const documents: PlannedDocument[] = [
    documentOf('renewal-application', base, {
      'renewal.categories': {
        zh: formatLicenceCategories(categories, 'zh'),
        en: formatLicenceCategories(categories, 'en'),
      },
      'renewal.launched': joinList(launched),
      'renewal.reports': joinList(reports),
      'renewal.pending': joinList(pending),
      'renewal.undertaking': undertaking(base, options.today),
    }),
    documentOf('lawful-operation-commitment', base),
    documentOf(
      'shareholders-resolution',
      resolutionCase,
      resolutionValues(c, c.subject.shareholders, options.signOn, [
        {
          zh: `同意公司向${authority.zh}申请续期《增值电信业务经营许可证》（编号：${number}），继续经营${formatLicenceCategories(categories, 'zh')}。`,
          en: `The company applies to ${authority.en} to renew value-added telecom business licence ${number} and continue ${formatLicenceCategories(categories, 'en')}.`,
        },
        {
          zh: `授权公司法定代表人${printedName(c.legalRepresentative, 'zh')}办理续期申请的相关事宜。`,
          en: `The legal representative, ${printedName(c.legalRepresentative, 'en')}, is authorised to handle the renewal application.`,
        },
      ]),
      c.subject.shareholders.length <= 1 ? { zh: '股东决定', en: "Shareholder's Decision" } : undefined,
    ),
    documentOf('service-launch-evidence', base, { 'evidence.usage': usage }),
  ];
  return {
    id: 'renewal',
    application: {
      zh: '增值电信业务经营许可证续期',
      en: 'Renewal of the value-added telecom business licence',
    },
    documents,
    toAttach: renewalMaterials(c).filter((m) => !m.template),
  };
}

// ------------------------------------------------------------------ changes

function resolutionItems(c: Case, event: ChangeEvent, resolvedOn: string): SheetText[] {
  const authority = licenceAuthority(c);
  const values = describeValues(c, event);
  const b = sheetText(values.before);
  const a = sheetText(values.after);
  // A resolution adopted after the registration confirms the change instead of deciding it anew.
  const registered =
    isIsoDate(event.registeredOn) && isIsoDate(resolvedOn) && resolvedOn >= event.registeredOn
      ? event.registeredOn
      : '';
  const decide = (zh: string, en: string): SheetText =>
    registered
      ? {
          zh: `确认公司已于${dateZh(registered)}完成下列事项的变更登记：${zh}`,
          en: `Confirms the change registered on ${formatDate(registered, 'en')}: ${en}`,
        }
      : { zh: `同意${zh}`, en };
  const apply = (item: SheetText): SheetText => ({
    zh: `同意公司自完成变更登记之日起三十日内，向${authority.zh}申请变更《增值电信业务经营许可证》载明的${item.zh}，并办理ICP备案信息变更。`,
    en: `Within 30 days after the registration, the company applies to ${authority.en} to change the licence's ${item.en} and changes its ICP filings.`,
  });
  switch (event.kind) {
    case 'legal_representative':
      return [
        decide(
          `${b.zh}不再担任公司法定代表人，由${a.zh}担任公司法定代表人。`,
          `${b.en} ceases to be the company's legal representative; ${a.en} becomes the legal representative.`,
        ),
        apply({ zh: '法定代表人', en: 'legal representative' }),
      ];
    case 'name':
      return [
        decide(
          `公司名称由“${b.zh}”变更为“${a.zh}”。`,
          `The company's name changes from "${b.en}" to "${a.en}".`,
        ),
        apply({ zh: '公司名称', en: 'company name' }),
      ];
    case 'registered_capital': {
      const items: SheetText[] = [
        decide(
          `公司注册资本由${b.zh}变更为${a.zh}。`,
          `The company's registered capital changes from ${b.en} to ${a.en}.`,
        ),
      ];
      if (event.next.shareholders.length) {
        const terms = shareholderTerms(event.next.shareholders);
        items.push({
          zh: `变更后各股东出资为：${terms.zh}。`,
          en: `After the change the shareholders contribute: ${terms.en}.`,
        });
      }
      items.push(apply({ zh: '注册资本', en: 'registered capital' }));
      return items;
    }
    case 'shareholders': {
      const terms = shareholderTerms(event.next.shareholders);
      return [
        {
          zh: `同意公司股东及股权结构变更为：${terms.zh}。`,
          en: `The company's shareholders and shareholding change to: ${terms.en}.`,
        },
        {
          zh: `同意公司自本决议作出之日起三十日内向${authority.zh}申请变更《增值电信业务经营许可证》，经批准后再办理变更登记。`,
          en: `Within 30 days of this resolution the company applies to ${authority.en} to change the licence, and registers the change only once it is approved.`,
        },
      ];
    }
    case 'licence_domain':
    case 'filing_subject':
      return [];
  }
}

/** The filing-change worksheet: per filed service, what to change, where, by when. */
export function filingChangeSheet(
  c: Case,
  event: ChangeEvent,
  changes: readonly FilingChange[],
): DocumentTemplate {
  const rule = changeRule(event.kind);
  const side = LIFECYCLE_RULES.filingSide;
  const deadlineText = (f: FilingChange): SheetText =>
    f.deadline.date
      ? {
          zh: `${formatDate(f.deadline.date, 'zh')}前${f.overdue ? '（已过，请立即办理）' : ''}`,
          en: `By ${formatDate(f.deadline.date, 'en')}${f.overdue ? ' (passed: file at once)' : ''}`,
        }
      : { zh: '变更日期确定后计算', en: 'Once the date of the change is known' };
  const rows = changes.flatMap((f) =>
    f.fields.map((field, i) => [
      i === 0
        ? {
            zh: `${f.serviceName}\n${f.number || '（主体备案下）'}`,
            en: `${f.serviceName}\n${f.number || "(under the subject's filing)"}`,
          }
        : { zh: '', en: '' },
      sheetText(field.label),
      sheetText(field.before),
      sheetText(field.after),
      i === 0
        ? { zh: `${f.via['zh-CN']}\n${deadlineText(f).zh}`, en: `${f.via.en}\n${deadlineText(f).en}` }
        : { zh: '', en: '' },
    ]),
  );
  const notes = [sheetText(side.rule)];
  if (changes.some((f) => f.note)) notes.push(sheetText(side.miniProgramNote));
  return sheetTemplate({
    id: 'filing-change-sheet',
    title: { zh: '备案变更对照表', en: 'What to change in each ICP filing' },
    basis: [
      {
        zh: '备案信息变更须提前30日办理',
        en: 'Filed information is changed 30 days in advance',
        source: side.sources.map((s) => s.url ?? s.title).join('; '),
      },
    ],
    asOf: LIFECYCLE_RULES.asOf,
    blocks: [
      {
        kind: 'paragraph',
        text: { zh: `变更事项：${rule.title['zh-CN']}`, en: `Change: ${rule.title.en}` },
        indent: false,
      },
      {
        kind: 'table',
        columns: [
          { zh: '服务及备案号', en: 'Service and filing number', width: 3 },
          { zh: '变更栏目', en: 'Field', width: 2.6 },
          { zh: '变更前', en: 'Before', width: 2.4 },
          { zh: '变更后', en: 'After', width: 2.4 },
          { zh: '办理渠道及期限', en: 'Where and by when', width: 3 },
        ],
        rows,
        empty: { zh: '没有已备案的服务', en: 'No filed service' },
      },
      { kind: 'notes', heading: { zh: '说明', en: 'Notes' }, items: notes },
      {
        kind: 'notes',
        heading: { zh: '资料来源', en: 'Sources' },
        items: [...side.sources, ...(changes.some((f) => f.note) ? side.miniProgramSources : [])].map((s) => {
          const line = s.url ? `${s.title} ${s.url}` : s.title;
          return { zh: line, en: line };
        }),
      },
    ],
  });
}

/** Short names of the kinds for folder names (`<case>-change-legal-rep-20261125`). */
const PACKET_IDS: Record<ChangeEvent['kind'], string> = {
  legal_representative: 'legal-rep',
  name: 'name',
  registered_capital: 'capital',
  shareholders: 'shareholders',
  licence_domain: 'domain',
  filing_subject: 'principal',
};

export function changePacketPlan(
  c: Case,
  event: ChangeEvent,
  options: { today: string; signOn: string },
): LifecyclePacketPlan {
  const rule = changeRule(event.kind);
  const base = lifecycleCase(c, options.signOn);
  const materials = changeMaterials(c, event);
  const documents: PlannedDocument[] = [];
  for (const material of materials) {
    switch (material.template) {
      case 'licence-change-application':
        documents.push(documentOf('licence-change-application', base, changeLetterValues(base, event)));
        break;
      case 'shareholders-resolution': {
        // The shareholders who decide: those before a shareholder change, the current ones otherwise.
        const deciding = event.kind === 'shareholders' ? event.before.shareholders : c.subject.shareholders;
        // Dated the day the shareholders decided, else the day the company signs this application (the
        // resolution then decides the licence change): the meeting and the signature share one date.
        const resolvedOn = isIsoDate(event.decidedOn) ? event.decidedOn : options.signOn;
        const resolutionCase = lifecycleCase(
          { ...c, subject: { ...c.subject, shareholders: deciding } },
          resolvedOn,
        );
        documents.push(
          documentOf(
            'shareholders-resolution',
            resolutionCase,
            resolutionValues(c, deciding, resolvedOn, resolutionItems(c, event, resolvedOn)),
            deciding.length <= 1 ? { zh: '股东决定', en: "Shareholder's Decision" } : undefined,
          ),
        );
        break;
      }
      case undefined:
        break;
      default:
        documents.push(documentOf(material.template, base));
    }
  }
  const changes = filingChanges(base, event, options.today);
  const kindId = PACKET_IDS[event.kind];
  return {
    id: `change-${kindId}`,
    application: rule.licenceItem
      ? {
          zh: `增值电信业务经营许可证变更（${rule.licenceItem['zh-CN']}）`,
          en: `Change of the licence: ${rule.licenceItem.en.toLowerCase()}`,
        }
      : {
          zh: `ICP备案变更（${rule.title['zh-CN']}）`,
          en: `ICP filing change: ${rule.title.en.toLowerCase()}`,
        },
    documents,
    toAttach: materials.filter((m) => !m.template),
    ...(changes.length
      ? { sheet: { file: FILING_SHEET_FILE, template: filingChangeSheet(base, event, changes) } }
      : {}),
  };
}

// ------------------------------------------------------------------ assembly

/** The manifest of a later packet: every file with its checksum, the templates and rule versions used. */
export interface LifecycleManifest {
  type: 'icp-packet/lifecycle-manifest';
  formatVersion: 1;
  generatedAt: string;
  appVersion: string;
  rulesVersion: string;
  case: { id: string; name: string; schemaVersion: number };
  packet: { id: string } & SheetText;
  folderName: string;
  templates: { id: string; version: number; file: string }[];
  toAttach: (SheetText & { id: string })[];
  files: { path: string; bytes: number; sha256: string }[];
}

export interface AssembledLifecyclePacket {
  folderName: string;
  files: PacketFile[];
  manifest: LifecycleManifest;
}

function indexTemplate(
  c: Case,
  plan: LifecyclePacketPlan,
  rows: { title: SheetText; file: string; pages: string }[],
  totalPages: number,
  date: string,
): DocumentTemplate {
  const lit = (t: string) => t.replaceAll('{{', '{ {');
  return parseTemplate(
    {
      type: 'icp-packet/document-template',
      formatVersion: 1,
      id: 'lifecycle-index',
      version: 1,
      title: { zh: '申报材料目录', en: 'Index of application materials' },
      pathway: 'licence',
      order: 0,
      basis: [{ zh: '材料包目录', en: 'The packet index', source: 'the packet itself' }],
      asOf: LIFECYCLE_RULES.asOf,
      appliesWhen: { always: false },
      binds: ['subject.name', 'subject.certificateNumber', 'afterApproval.licenceNumber'],
      prints: {
        'subject.name': 'required',
        'subject.certificateNumber': 'required',
        'afterApproval.licenceNumber': 'required',
      },
      blocks: [
        { type: 'title', zh: '申报材料目录', en: 'Index of application materials' },
        {
          type: 'kv',
          labelWidth: 0.25,
          rows: [
            { label: { zh: '申请单位', en: 'Applicant' }, value: '{{subject.name}}' },
            {
              label: { zh: '统一社会信用代码', en: 'Unified social credit code' },
              value: '{{subject.certificateNumber}}',
            },
            { label: { zh: '许可证编号', en: 'Licence number' }, value: '{{afterApproval.licenceNumber}}' },
            {
              label: { zh: '申请事项', en: 'Application' },
              value: lit(plan.application.zh),
              valueEn: lit(plan.application.en),
            },
            {
              label: { zh: '材料总页数', en: 'Total pages' },
              value: `共${totalPages}页`,
              valueEn: `${totalPages} pages`,
            },
            {
              label: { zh: '编制日期', en: 'Prepared on' },
              value: formatDate(date, 'zh'),
              valueEn: formatDate(date, 'en'),
            },
          ],
        },
        {
          type: 'table',
          caption: { zh: '材料清单', en: 'Materials' },
          columns: [
            { zh: '序号', en: 'No.', width: 1 },
            { zh: '材料名称', en: 'Document', width: 5 },
            { zh: '文件', en: 'File', width: 5 },
            { zh: '页码', en: 'Pages', width: 1.6 },
          ],
          rows: rows.map((row, i) => [
            String(i + 1).padStart(2, '0'),
            { zh: lit(row.title.zh), en: lit(row.title.en) },
            lit(row.file),
            row.pages,
          ]),
        },
        {
          type: 'notes',
          items: [
            {
              zh: '页码指《完整材料包》中的页码。需签字盖章的文件，请打印后由法定代表人签字并加盖公章，再扫描上传。',
              en: 'Page numbers refer to the full packet PDF. Print the documents that need a signature and seal, have the legal representative sign and apply the company seal, then scan and upload them.',
            },
            {
              zh: '标注“自备”的材料由公司另行准备，扫描后与上述文件一并提交。',
              en: 'Materials marked "to prepare" are the company\'s own: scan them and submit them with the documents above.',
            },
          ],
        },
      ],
    },
    'lifecycle index',
  );
}

export interface LifecycleAssembleOptions {
  fonts: DocumentFonts;
  now: Date;
  appVersion: string;
  sha256?: (bytes: Uint8Array) => Promise<string>;
}

/** Renders a plan: the files of the packet folder, in memory, manifest last. */
export async function assembleLifecyclePacket(
  c: Case,
  plan: LifecyclePacketPlan,
  options: LifecycleAssembleOptions,
): Promise<AssembledLifecyclePacket> {
  const { fonts, now } = options;
  const hash = options.sha256 ?? sha256Hex;
  const decision: DocumentDecision = {
    filing: true,
    licence: true,
    licenceCategories: caseLicenceCategories(c),
  };
  const render = (doc: { template: DocumentTemplate; case: Case }, variant: 'submission' | 'review') =>
    renderDocument(doc.template, doc.case, { variant, fonts, decision, now });

  const names = uniqueNames(
    plan.documents.map((d, i) => safeFileName(`${String(i + 1).padStart(2, '0')} ${d.title.zh}.pdf`, 70)),
  );
  const documents: { file: string; bytes: Uint8Array; pages: number; doc: PlannedDocument }[] = [];
  for (const [i, doc] of plan.documents.entries()) {
    const bytes = await render(doc, 'submission');
    documents.push({ file: names[i] ?? `${i + 1}.pdf`, bytes, pages: (await pdfPageCount(bytes)) ?? 0, doc });
  }

  const date = chinaDate(now);
  let indexPages = 1;
  let indexBytes: Uint8Array = new Uint8Array();
  for (let attempt = 0; attempt < 4; attempt++) {
    let page = indexPages + 1;
    const rows = documents.map((d) => {
      const first = page;
      page += d.pages;
      return { title: d.doc.title, file: d.file, pages: d.pages > 1 ? `${first}–${page - 1}` : `${first}` };
    });
    const attach = plan.toAttach.map((m) => ({
      title: sheetText(m.label),
      file: '自备（扫描件）',
      pages: '—',
    }));
    indexBytes = await render(
      { template: indexTemplate(c, plan, [...rows, ...attach], page - 1, date), case: lifecycleCase(c, '') },
      'submission',
    );
    const actual = (await pdfPageCount(indexBytes)) ?? 1;
    if (actual === indexPages) break;
    indexPages = actual;
  }

  const full = await mergeWithOutline(
    [
      { title: '申报材料目录', kind: 'pdf', bytes: indexBytes },
      ...documents.map((d) => ({ title: d.doc.title.zh, kind: 'pdf' as const, bytes: d.bytes })),
    ],
    { title: `${c.subject.name} ${plan.application.zh}`, now, producer: PRODUCER },
  );
  const reviewParts = [];
  for (const d of documents)
    reviewParts.push({
      title: `${d.doc.title.zh} ${d.doc.title.en}`,
      kind: 'pdf' as const,
      bytes: await render(d.doc, 'review'),
    });
  const review = reviewParts.length
    ? await mergeWithOutline(reviewParts, {
        title: `${c.subject.name} 双语核对版 Bilingual review`,
        now,
        producer: PRODUCER,
      })
    : undefined;

  const files: Extract<PacketFile, { bytes: Uint8Array }>[] = [
    { path: LIFECYCLE_INDEX_FILE, bytes: indexBytes },
    ...documents.map((d) => ({ path: d.file, bytes: d.bytes })),
    { path: LIFECYCLE_FULL_FILE, bytes: full.bytes },
    ...(review ? [{ path: LIFECYCLE_REVIEW_FILE, bytes: review.bytes }] : []),
  ];
  if (plan.sheet)
    files.push({
      path: plan.sheet.file,
      bytes: await render({ template: plan.sheet.template, case: lifecycleCase(c, '') }, 'review'),
    });

  const folderName = packetFolderName(c.name || c.subject.name || c.id, plan.id, now);
  for (const file of files) {
    const reason = unsafePathReason(`${folderName}/${file.path}`);
    if (reason) throw new PacketError('unsafePath', { path: file.path, reason });
  }
  const manifest: LifecycleManifest = {
    type: 'icp-packet/lifecycle-manifest',
    formatVersion: 1,
    generatedAt: now.toISOString(),
    appVersion: options.appVersion,
    rulesVersion: LIFECYCLE_RULES_VERSION,
    case: { id: c.id, name: c.name, schemaVersion: c.schemaVersion },
    packet: { id: plan.id, ...plan.application },
    folderName,
    templates: documents.map((d) => ({
      id: d.doc.template.id,
      version: d.doc.template.version,
      file: d.file,
    })),
    toAttach: plan.toAttach.map((m) => ({ id: m.id, ...sheetText(m.label) })),
    files: await Promise.all(
      files.map(async (f) => ({
        path: f.path,
        bytes: f.bytes.length,
        sha256: await hash(f.bytes),
      })),
    ),
  };
  files.push({
    path: LIFECYCLE_MANIFEST_FILE,
    bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  return { folderName, files, manifest };
}
