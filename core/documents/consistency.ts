/**
 * The cross-document consistency check: a packet whose documents contradict each other is sent back, so
 * every generated document of a case is resolved and read the way a reviewer reads them side by side —
 * the entity's name, its certificate number, the licence coverage, the services, the filing numbers, the
 * signing date and the pathway each document asserts must agree across the whole packet.
 *
 * Facts are read from the resolved Chinese text (what is printed), not from the case, because the
 * contradictions that matter come from fixed template wording (a commitment calling a licensed service
 * non-commercial) or from a template reading a different field than its neighbours. Pure: case and
 * templates in, issues out; the pre-flight and the export gate both run it.
 */
import type { Case } from '../model/case';
import type { DocumentDecision } from './conditions';
import { resolveDocument, templateApplies, type ResolvedBlock, type ResolvedDocument } from './resolve';
import type { DocumentTemplate } from './template-schema';
import { documentLabels, documentTemplates } from './templates';

export type ConsistencyFact =
  | 'entityName'
  | 'certificateNumber'
  | 'coverage'
  | 'authority'
  | 'services'
  | 'filingNumber'
  | 'signingDate'
  | 'effectiveDate'
  | 'pathway';

export interface ConsistencyIssue {
  fact: ConsistencyFact;
  /** The two documents that disagree: the first to state the fact, and the one contradicting it. */
  documents: [
    { id: string; title: { zh: string; en: string } },
    { id: string; title: { zh: string; en: string } },
  ];
  values: [string, string];
}

/** What one document asserts, fact by fact (several values when it states a fact more than once). */
export interface DocumentFacts {
  id: string;
  title: { zh: string; en: string };
  facts: Partial<Record<ConsistencyFact, string[]>>;
}

const JOINERS = /\u2060/g;
const ENTITY = '[^\\s，。；：、“”（）()]{2,60}?(?:有限责任公司|股份有限公司|有限公司|（有限合伙）|合伙企业)';
const ENTITY_AFTER_LABEL = new RegExp(
  `(?:主办单位名称|主办单位|公司名称|申请单位|承诺单位|授权单位|个人信息处理者)(?:（盖章）)?[：:]\\s*(${ENTITY})`,
  'gu',
);
const ENTITY_BEFORE_CODE = new RegExp(`(?<=^|[系为：“])(${ENTITY})（统一社会信用代码`, 'gmu');
const USCC_AFTER_LABEL = /(?:统一社会信用代码|主办单位证件号码)[：:为]?\s*([0-9A-HJ-NPQRTUWXY]{18})/gu;
const COVERAGE = /(?:业务)?覆盖范围(?:为|：|:)\s*([^。；，\n]+)/gu;
const FILING_NUMBER =
  /((?:京|津|冀|晋|蒙|辽|吉|黑|沪|苏|浙|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|渝|川|蜀|黔|滇|藏|陕|甘|陇|青|宁|新)ICP备\d{8,10}号)(-\d+[AXK]?)?/gu;
const SERVICE = /(?:网站|App|小程序)(?:“([^”]+)”|：([^（\n，。]+)（|名称：([^\n，。]+))/gu;
const EFFECTIVE_DATE = /生效日期：\s*([^\n]+)/gu;
const MIIT = /工业和信息化部/u;
/** A document saying the filed services are non-commercial, and one applying for a commercial licence. */
const NON_COMMERCIAL = /(?:所备案的服务|上述服务)为非经营性互联网信息服务/u;
const LICENCE_APPLICATION = /申请经营|申请[^。]{0,40}经营许可/u;

/** The document's printed text, one line per paragraph, label：value per table row. */
function documentText(doc: ResolvedDocument): string {
  const lines: string[] = [doc.title.zh];
  const add = (text: string) => lines.push(text.replace(JOINERS, ''));
  for (const block of doc.blocks as ResolvedBlock[]) {
    switch (block.kind) {
      case 'title':
      case 'heading':
      case 'addressee':
      case 'paragraph':
        add(block.text.zh);
        break;
      case 'table':
        if (block.caption) add(block.caption.zh);
        for (const row of block.rows) add(row.map((cell) => cell.zh).join(block.labelled ? '：' : '\t'));
        break;
      case 'checklist':
        for (const item of block.items) add(item.text.zh);
        break;
      case 'notes':
      case 'enclosures':
        for (const item of block.items) add(item.zh);
        break;
      case 'signature':
        for (const signer of block.signers) {
          add(`${signer.party.zh}${signer.name?.zh ?? ''}`);
          add(`签署日期：${signer.date?.zh ?? '年月日（手写）'}`);
        }
        break;
    }
  }
  return lines.join('\n');
}

const all = (re: RegExp, text: string, group = 1) =>
  [...text.matchAll(re)].map((m) => (m[group] ?? m[group + 1] ?? '').trim()).filter(Boolean);

/** The facts a resolved document asserts. */
export function factsOf(doc: ResolvedDocument, title = doc.title): DocumentFacts {
  const text = documentText(doc);
  const facts: DocumentFacts['facts'] = {};
  const put = (fact: ConsistencyFact, values: string[]) => {
    const unique = [...new Set(values)];
    if (unique.length) facts[fact] = unique;
  };
  put('entityName', [...all(ENTITY_AFTER_LABEL, text), ...all(ENTITY_BEFORE_CODE, text)]);
  put('certificateNumber', all(USCC_AFTER_LABEL, text));
  put('coverage', all(COVERAGE, text));
  // Who a document stating the coverage is addressed to: one province's administration, or MIIT.
  if (facts.coverage)
    put(
      'authority',
      (doc.blocks as ResolvedBlock[]).flatMap((b) =>
        b.kind === 'addressee'
          ? [
              b.text.zh
                .replace(JOINERS, '')
                .replace(/[：:]\s*$/u, '')
                .trim(),
            ]
          : [],
      ),
    );
  put('filingNumber', all(FILING_NUMBER, text));
  put(
    'services',
    [...text.matchAll(SERVICE)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim()).filter(Boolean),
  );
  const dates = (doc.blocks as ResolvedBlock[]).flatMap((b) =>
    b.kind === 'signature'
      ? b.signers.filter((s) => !s.handDated).map((s) => (s.date?.zh ?? '（手写）').replace(JOINERS, ''))
      : [],
  );
  put('signingDate', dates);
  // A policy's or an agreement's 生效日期 is not a signature's date: with the signatures dated by hand it is
  // the day the packet is made, and two of them still must agree.
  put('effectiveDate', all(EFFECTIVE_DATE, text));
  const pathway: string[] = [];
  if (NON_COMMERCIAL.test(text)) pathway.push('非经营性（仅备案）');
  if (LICENCE_APPLICATION.test(text)) pathway.push('经营性（申请经营许可）');
  put('pathway', pathway);
  return { id: doc.templateId, title, facts };
}

/** Facts whose values must be the same in every document (services: every named one must exist). */
const SINGLE_VALUED: ConsistencyFact[] = [
  'entityName',
  'certificateNumber',
  'coverage',
  'authority',
  'signingDate',
  'effectiveDate',
  'pathway',
];

/** Compares the facts of the documents, in packet order; each contradiction names both documents. */
export function compareFacts(documents: readonly DocumentFacts[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const seen = new Set<string>();
  const report = (fact: ConsistencyFact, a: DocumentFacts, av: string, b: DocumentFacts, bv: string) => {
    const key = `${fact}|${a.id}|${b.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push({
      fact,
      documents: [
        { id: a.id, title: a.title },
        { id: b.id, title: b.title },
      ],
      values: [av, bv],
    });
  };
  for (const fact of SINGLE_VALUED) {
    let first: { doc: DocumentFacts; value: string } | undefined;
    for (const doc of documents) {
      for (const value of doc.facts[fact] ?? []) {
        if (!first) first = { doc, value };
        else if (value !== first.value) report(fact, first.doc, first.value, doc, value);
      }
    }
  }
  // Coverage decides the authority (Order 42 Art. 5): one province goes to its communications
  // administration, several provinces or 全国 to MIIT. A document addressed to the other one contradicts itself.
  for (const doc of documents) {
    const coverage = doc.facts.coverage?.[0];
    const authority = doc.facts.authority?.[0];
    if (!coverage || !authority) continue;
    const crossRegional = coverage === '全国' || coverage.includes('、');
    if (crossRegional !== MIIT.test(authority)) report('authority', doc, coverage, doc, authority);
  }
  // Filing numbers: one subject number; a service number must extend it.
  let subjectNumber: { doc: DocumentFacts; value: string } | undefined;
  for (const doc of documents) {
    for (const value of doc.facts.filingNumber ?? []) {
      const base = value.replace(/-\d+[AXK]?$/, '');
      if (!subjectNumber) subjectNumber = { doc, value: base };
      else if (base !== subjectNumber.value)
        report('filingNumber', subjectNumber.doc, subjectNumber.value, doc, value);
    }
  }
  // Services: the first document that lists services names them all; no other may name another one.
  const lister = documents.find((d) => (d.facts.services ?? []).length > 0);
  if (lister) {
    const known = new Set(lister.facts.services);
    for (const doc of documents) {
      for (const name of doc.facts.services ?? []) {
        if (!known.has(name)) report('services', lister, [...known].join('、'), doc, name);
      }
    }
  }
  return issues;
}

/**
 * Resolves every document of the packet and compares what they assert.
 *
 * @param templates the packet's templates in submission order (defaults to those that apply to the case)
 */
export function checkDocumentConsistency(
  caseData: Case,
  decision: DocumentDecision,
  options: { templates?: readonly DocumentTemplate[]; today?: string } = {},
): ConsistencyIssue[] {
  const templates =
    options.templates ?? documentTemplates().filter((t) => templateApplies(t, caseData, decision));
  const ctx = {
    caseData,
    decision,
    labels: documentLabels(),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  return consistencyOf(templates.map((template) => ({ template, document: resolveDocument(template, ctx) })));
}

/** The contradictions among documents already resolved (the pre-flight resolves the packet once). */
export function consistencyOf(
  documents: readonly { template: DocumentTemplate; document: ResolvedDocument }[],
): ConsistencyIssue[] {
  return compareFacts(documents.map(({ template, document }) => factsOf(document, template.title)));
}

/** The fact's name in a message. */
export const FACT_NAMES: Record<ConsistencyFact, { zh: string; en: string }> = {
  entityName: { zh: '主办单位名称', en: 'entity name' },
  certificateNumber: { zh: '统一社会信用代码', en: 'certificate number' },
  coverage: { zh: '业务覆盖范围', en: 'licence coverage' },
  authority: { zh: '受理机关（与业务覆盖范围对应）', en: 'authority addressed (follows the coverage)' },
  services: { zh: '服务名称', en: 'service names' },
  filingNumber: { zh: '备案号', en: 'filing number' },
  signingDate: { zh: '签署日期', en: 'signing date' },
  effectiveDate: { zh: '生效日期', en: 'effective date' },
  pathway: { zh: '申请事项（备案或经营许可）', en: 'pathway (filing or licence)' },
};
