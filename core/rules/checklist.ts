/**
 * The checklist: which documents this case needs, computed from the decision and the case over the entries
 * of templates/rules/checklist.json, each with a status read from the case's attachment metadata. Item ids
 * are stable — the store attaches files by `checklistItemId` — with `@<service id>` or `@<sector>` appended
 * for per-service and per-sector items.
 */
import { getAt } from '../model/access';
import type { AttachmentMeta, Case, Sector, Service } from '../model/case';
import type { DocumentDecision } from '../documents/conditions';
import { templateApplies } from '../documents/resolve';
import { signedLineState, type SignedLineState } from '../documents/signed-scan';
import {
  changedFieldLabel,
  contentVersion,
  printedFields,
  signedTemplate,
  type SignedTemplate,
} from '../documents/signing';
import { todayIso } from '../validate/common';
import type { Bilingual } from '../validate/types';
import { evaluate, recordLookup, type FactLookup } from './condition';
import { caseFacts, type CaseFacts } from './case-facts';
import {
  CHECKLIST,
  preApprovalFor,
  type ChecklistEntry,
  type ChecklistOrigin,
  type Confidence,
  type FormatRules,
} from './data';
import type { Decision } from './decide';
import { formatBytes } from '../i18n/format';
import { documentDecisionOf } from './licence-categories';
import { judgeValidity, submissionDate, validityWindow, type ValidityWindow } from './validity';

export type ChecklistStatus =
  /** Needed and nothing attached. */
  | 'missing'
  /** Attached and meeting the format rules. */
  | 'provided'
  /** Attached but breaking a format rule (type, size, pixels) or already expired. */
  | 'invalid'
  /** A signed scan of a version of the document the case no longer prints: print and sign it again. */
  | 'stale'
  /** Attached, but the document's validity ends before the review can end (or shortly after). */
  | 'expiring'
  /** Written by this app; nothing to attach. */
  | 'generated'
  /** Supplied or captured by the provider or platform at submission. */
  | 'at_submission';

export interface ChecklistItem {
  /** The stable `checklistItemId` files attach to. */
  id: string;
  /** The entry id in templates/rules/checklist.json. */
  entryId: string;
  serviceId?: string;
  sector?: Sector;
  name: Bilingual;
  why: Bilingual;
  providedBy: Bilingual;
  origin: ChecklistOrigin;
  importance: 'required' | 'recommended';
  format?: FormatRules;
  source: string;
  confidence: Confidence;
  asOf: string;
  status: ChecklistStatus;
  /** Why the item is invalid or expiring, one line each. */
  problems: Bilingual[];
  /**
   * Attached scans lying on their side or upside down (each also has its line in `problems`): never
   * "provided" until turned upright.
   */
  sideways: SidewaysScan[];
  attachmentIds: string[];
  /** The earliest validity end among the attached document and the case fields it reflects. */
  validTo?: string;
  /** For a document the app generates to be signed by hand: the document and its signed copies. */
  signing?: SigningLine;
}

/** A checklist line for the signed scan of a generated document (checklist.json `document`). */
export interface SigningLine {
  templateId: string;
  /** The content version the document prints now (core/documents/signing.ts). */
  version: string;
  state: SignedLineState['state'];
  /** Pages of the current version not attached yet; its page count once a copy of it is attached. */
  missingPages: number[];
  pageCount?: number;
  /** Field paths (and '$template') that changed since the out-of-date copies were signed. */
  changed: string[];
  /** Attachment ids by what they are: current signed copies (page order), out of date, never checked. */
  currentIds: string[];
  staleIds: string[];
  uncheckedIds: string[];
}

export interface SidewaysScan {
  attachmentId: string;
  /** Degrees it must be turned clockwise. */
  turn: 90 | 180 | 270;
  /** Its line in the item's `problems`. */
  problem: Bilingual;
}

/** The scans of an item that lie on their side or upside down, each with the line that says so. */
function sidewaysScans(files: AttachmentMeta[]): SidewaysScan[] {
  return files.flatMap((file) => {
    const turn = file.turnToUpright;
    if (turn === undefined) return [];
    const name = file.originalName || file.id.slice(0, 8);
    const problem: Bilingual =
      turn === 180
        ? {
            en: `${name}: the scan is upside down. Turn it upright before it is submitted.`,
            'zh-CN': `${name}：扫描件上下颠倒，提交前请先转正。`,
          }
        : {
            en: `${name}: the scan lies on its side (turn it ${turn}° clockwise). Turn it upright before it is submitted.`,
            'zh-CN': `${name}：扫描件横置（需顺时针旋转 ${turn}°），提交前请先转正。`,
          };
    return [{ attachmentId: file.id, turn, problem }];
  });
}

export interface ChecklistOptions {
  /** Today's date (YYYY-MM-DD), for tests; defaults to the local date. */
  today?: string;
}

interface Instance {
  entry: ChecklistEntry;
  id: string;
  lookup: FactLookup;
  item?: Record<string, unknown>;
  service?: Service;
  sector?: Sector;
}

function instancesOf(
  entry: ChecklistEntry,
  caseData: Case,
  facts: CaseFacts,
  lookup: FactLookup,
): Instance[] {
  const withItem =
    (item: Record<string, unknown>): FactLookup =>
    (name) =>
      name.startsWith('item.') ? recordLookup(item)(name.slice(5)) : lookup(name);
  switch (entry.forEach) {
    case undefined:
      return [{ entry, id: entry.id, lookup }];
    case 'sectors':
      return facts.sectors.map((sector) => ({ entry, id: `${entry.id}@${sector}`, lookup, sector }));
    case 'servicePrincipals':
      return caseData.services
        .filter((s) => s.principal !== null)
        .map((service) => {
          const item = { ...(service.principal ?? {}), serviceKind: service.kind };
          return { entry, id: `${entry.id}@${service.id}`, lookup: withItem(item), item, service };
        });
    default: {
      const kind = entry.forEach.slice('services:'.length);
      return caseData.services
        .filter((s) => s.kind === kind)
        .map((service) => ({ entry, id: `${entry.id}@${service.id}`, lookup, service }));
    }
  }
}

function fill(text: Bilingual, params: Record<string, Bilingual>): Bilingual {
  const one = (s: string, lang: keyof Bilingual) =>
    s.replace(/\{(\w+)\}/g, (w, k: string) => params[k]?.[lang] ?? w);
  return { en: one(text.en, 'en'), 'zh-CN': one(text['zh-CN'], 'zh-CN') };
}

function formatProblems(files: AttachmentMeta[], format: FormatRules): Bilingual[] {
  const problems: Bilingual[] = [];
  if (files.length > format.maxFiles) {
    problems.push({
      en: `${files.length} files attached; at most ${format.maxFiles} accepted.`,
      'zh-CN': `已上传 ${files.length} 个文件，最多接受 ${format.maxFiles} 个。`,
    });
  }
  for (const file of files) {
    const name = file.originalName || file.id.slice(0, 8);
    if (!(format.mediaTypes as readonly string[]).includes(file.mediaType)) {
      problems.push({
        en: `${name}: ${file.mediaType} is not accepted (${format.mediaTypes.join(', ')}).`,
        'zh-CN': `${name}：不接受 ${file.mediaType} 格式（可接受：${format.mediaTypes.join('、')}）。`,
      });
    }
    if (format.maxBytes !== undefined && file.bytes > format.maxBytes) {
      problems.push({
        en: `${name}: ${formatBytes(file.bytes, 'en')} is larger than the ${formatBytes(format.maxBytes, 'en')} limit.`,
        'zh-CN': `${name}：文件大小 ${formatBytes(file.bytes, 'zh-CN')}，超过 ${formatBytes(format.maxBytes, 'zh-CN')} 的上限。`,
      });
    }
    if (file.widthPx !== undefined && file.heightPx !== undefined) {
      const long = Math.max(file.widthPx, file.heightPx);
      const short = Math.min(file.widthPx, file.heightPx);
      const minLong = format.minLongEdgePx ?? 0;
      const minShort = format.minShortEdgePx ?? 0;
      if (long < minLong || short < minShort) {
        problems.push({
          en: `${name}: ${file.widthPx} × ${file.heightPx} px is too small; scan at least ${minLong} × ${minShort} px so the small print stays legible.`,
          'zh-CN': `${name}：${file.widthPx} × ${file.heightPx} 像素过小；请以不低于 ${minLong} × ${minShort} 像素扫描，确保小字清晰可读。`,
        });
      }
    }
  }
  return problems;
}

function statusOf(
  instance: Instance,
  caseData: Case,
  files: AttachmentMeta[],
  window: (kind: FormatRules['validityKind']) => ValidityWindow,
): Pick<ChecklistItem, 'status' | 'problems' | 'validTo'> {
  const { entry } = instance;
  if (files.length === 0) {
    if (entry.origin === 'platform' || entry.origin === 'live')
      return { status: 'at_submission', problems: [] };
    if (entry.origin === 'generated') return { status: 'generated', problems: [] };
    return { status: 'missing', problems: [] };
  }
  if (!entry.format) return { status: 'provided', problems: [] };
  const problems = formatProblems(files, entry.format);
  if (files.length < entry.format.minFiles) {
    return {
      status: 'missing',
      problems: [
        {
          en: `${files.length} of ${entry.format.minFiles} files attached.`,
          'zh-CN': `已上传 ${files.length} 个文件，需要 ${entry.format.minFiles} 个。`,
        },
      ],
    };
  }
  if (!entry.format.checkValidity) return { status: problems.length ? 'invalid' : 'provided', problems };

  const ends: string[] = files.map((f) => f.validTo).filter((v) => v !== '');
  for (const path of entry.validityFrom ?? []) {
    const root = path.startsWith('item.') ? instance.service : caseData;
    const relative = path.startsWith('item.') ? path.slice(5) : path;
    const longTerm = getAt(root, relative.replace(/ValidTo$/, 'LongTerm'));
    const value = getAt(root, relative);
    if (longTerm !== true && typeof value === 'string' && value !== '') ends.push(value);
  }
  const validTo = ends.sort()[0];
  if (validTo === undefined) return { status: problems.length ? 'invalid' : 'provided', problems };
  const w = window(entry.format.validityKind);
  const verdict = judgeValidity(validTo, w);
  if (verdict === 'expired') {
    problems.push({
      en: `Expired on ${validTo} (submission ${w.submission}).`,
      'zh-CN': `已于 ${validTo} 过期（计划提交日 ${w.submission}）。`,
    });
    return { status: 'invalid', problems, validTo };
  }
  if (problems.length > 0) return { status: 'invalid', problems, validTo };
  if (verdict === 'beforeReviewEnds' || verdict === 'soonAfterReview') {
    const until = verdict === 'beforeReviewEnds' ? w.requiredUntil : w.comfortableUntil;
    return {
      status: 'expiring',
      problems: [
        {
          en: `Valid until ${validTo}; should be valid until at least ${until}.`,
          'zh-CN': `有效期至 ${validTo}，应至少有效至 ${until}。`,
        },
      ],
      validTo,
    };
  }
  return { status: 'provided', problems: [], validTo };
}

/** The labels of changed fields, joined for a message: "Registered address, Mobile number". */
function changeList(changed: readonly string[]): Bilingual {
  const labels = changed.map(changedFieldLabel);
  return {
    en: labels.map((l) => l.en).join(', '),
    'zh-CN': labels.map((l) => l['zh-CN']).join('、'),
  };
}

/**
 * The status of a signed document's line: provided only when checked signed scans of the version the case
 * prints now hold every page (and meet the format rules); out of date when one is of an older version.
 */
function signedStatus(
  template: SignedTemplate,
  caseData: Case,
  documents: DocumentDecision,
  files: AttachmentMeta[],
  format: FormatRules | undefined,
): Pick<ChecklistItem, 'status' | 'problems' | 'signing'> {
  const version = contentVersion(template, caseData, documents);
  const line = signedLineState(files, {
    templateId: template.id,
    version,
    fields: printedFields(template, caseData),
  });
  const signing: SigningLine = {
    templateId: template.id,
    version,
    state: line.state,
    missingPages: line.missingPages,
    ...(line.pageCount === undefined ? {} : { pageCount: line.pageCount }),
    changed: line.changed,
    currentIds: line.current.map((f) => f.id),
    staleIds: line.stale.map((f) => f.id),
    uncheckedIds: line.unchecked.map((f) => f.id),
  };
  const title = template.title;
  switch (line.state) {
    case 'none':
      return { status: 'missing', problems: [], signing };
    case 'unchecked':
      return {
        status: 'invalid',
        problems: line.unchecked.map((f) => ({
          en: `${f.originalName || f.id.slice(0, 8)} is not a checked signed copy of the ${title.en}: remove it, print the document from this line, sign it and attach the scan.`,
          'zh-CN': `${f.originalName || f.id.slice(0, 8)}不是经核对的《${title.zh}》签字盖章件：请移除，从此处打印文件，签字盖章后上传扫描件。`,
        })),
        signing,
      };
    case 'stale': {
      const what = changeList(line.changed);
      return {
        status: 'stale',
        problems: [
          line.changed.length
            ? {
                en: `The signed copy is of an older version: the application changed since it was printed (${what.en}). Print the current version, sign it again and attach it.`,
                'zh-CN': `已签署的扫描件是旧版本：打印后申请信息有变（${what['zh-CN']}）。请打印当前版本，重新签字盖章后上传。`,
              }
            : {
                en: 'The signed copy is of an older version: what the document prints has changed since. Print the current version, sign it again and attach it.',
                'zh-CN': '已签署的扫描件是旧版本：文件内容此后已有变化。请打印当前版本，重新签字盖章后上传。',
              },
        ],
        signing,
      };
    }
    case 'incomplete': {
      const pages = line.missingPages.join(', ');
      return {
        status: 'missing',
        problems: [
          {
            en: `Page ${pages} of ${line.pageCount ?? '?'} is not attached yet.`,
            'zh-CN': `第 ${line.missingPages.join('、')} 页（共 ${line.pageCount ?? '?'} 页）尚未上传。`,
          },
        ],
        signing,
      };
    }
    case 'complete': {
      const problems = format ? formatProblems(line.current, { ...format, maxFiles: Infinity }) : [];
      return { status: problems.length ? 'invalid' : 'provided', problems, signing };
    }
  }
}

export function buildChecklist(
  caseData: Case,
  decision: Decision,
  options: ChecklistOptions = {},
): ChecklistItem[] {
  const facts = caseFacts(caseData, decision);
  const documents = documentDecisionOf(caseData, decision);
  const lookup = recordLookup(facts as unknown as Record<string, unknown>);
  const submission = submissionDate(caseData.plannedSubmissionOn, options.today ?? todayIso());
  const reviewPathway = facts.licenceFirm ? 'commercial_licence' : 'icp_filing';
  const wechat = caseData.services.some((s) => s.kind === 'mini_program' && s.platform === 'wechat');
  const windows = new Map<string, ValidityWindow>();
  const window = (kind: FormatRules['validityKind']): ValidityWindow => {
    const key = kind ?? 'other';
    let w = windows.get(key);
    if (!w) {
      w = validityWindow(submission, reviewPathway, {
        province: facts.province,
        documentKind: kind ?? 'other',
        ...(wechat ? { platform: 'wechat' } : {}),
      });
      windows.set(key, w);
    }
    return w;
  };

  const items: ChecklistItem[] = [];
  // The filing subject's identity document, as the decision names it (a representative office's certificate …).
  const subjectDocument: Bilingual =
    decision.filingSubject && decision.filingSubject.kind !== 'none'
      ? decision.filingSubject.document
      : { en: 'Business licence', 'zh-CN': '营业执照' };
  for (const entry of CHECKLIST.items) {
    const forFiling = entry.pathways.includes('icp_filing') && facts.needsFiling;
    const forLicence = entry.pathways.includes('commercial_licence') && facts.needsLicence;
    // A signed document's line exists exactly while the document is in the packet — whatever else the
    // rules say of the pathway: nothing is asked for before the app can print it, and nothing the packet
    // holds lacks the line its signed scan is attached to.
    const template = entry.document === undefined ? undefined : signedTemplate(entry.document);
    if (entry.document !== undefined) {
      if (!template || !templateApplies(template, caseData, documents)) continue;
    } else if (!forFiling && !forLicence) continue;
    for (const instance of instancesOf(entry, caseData, facts, lookup)) {
      if (evaluate(entry.when, instance.lookup).result !== 'true') continue;
      let importance = entry.importance;
      if (entry.requiredWhen && evaluate(entry.requiredWhen, instance.lookup).result === 'true') {
        importance = 'required';
      }
      // Licence-only items are recommendations while the licence itself is disputed.
      if (!forFiling && !facts.licenceFirm) importance = 'recommended';

      const preApproval = instance.sector ? preApprovalFor(instance.sector) : undefined;
      // A pre-approval reported cancelled or unconfirmed is worth having, not a reason to refuse the packet.
      if (preApproval && preApproval.status !== 'active') importance = 'recommended';
      const params: Record<string, Bilingual> = preApproval
        ? { permit: preApproval.permit, authority: preApproval.authority, subjectDocument }
        : { subjectDocument };
      let name = fill(entry.name, params);
      if (instance.service) {
        const label = instance.service.name || instance.service.id;
        name = { en: `${name.en} — ${label}`, 'zh-CN': `${name['zh-CN']}（${label}）` };
      }

      const declaredIds = instance.sector
        ? caseData.services.flatMap((s) =>
            s.preApprovals.filter((p) => p.sector === instance.sector).flatMap((p) => p.attachmentIds),
          )
        : [];
      const files = caseData.attachments.filter(
        (a) => a.checklistItemId === instance.id || declaredIds.includes(a.id),
      );
      const status = template
        ? signedStatus(template, caseData, documents, files, entry.format)
        : statusOf(instance, caseData, files, window);
      // A sideways scan is attached but not yet usable: never "provided" (nor merely "expiring").
      const sideways = sidewaysScans(files);
      if (sideways.length > 0) {
        status.problems = [...status.problems, ...sideways.map((s) => s.problem)];
        if (status.status === 'provided' || status.status === 'expiring') status.status = 'invalid';
      }
      items.push({
        id: instance.id,
        entryId: entry.id,
        ...(instance.service ? { serviceId: instance.service.id } : {}),
        ...(instance.sector ? { sector: instance.sector } : {}),
        name,
        why: fill(entry.why, params),
        providedBy: fill(entry.providedBy, params),
        origin: entry.origin,
        importance,
        ...(entry.format ? { format: entry.format } : {}),
        source: entry.source,
        confidence: entry.confidence,
        asOf: entry.asOf,
        ...status,
        sideways,
        attachmentIds: [...new Set(files.map((f) => f.id))],
      });
    }
  }
  return items;
}

/** The document (template id) whose signed scan a checklist line takes (checklist.json `document`). */
export function signedDocumentOfLine(checklistItemId: string): string | undefined {
  return CHECKLIST.items.find((entry) => entry.id === checklistItemId)?.document;
}

/** The checklist line a document's signed scan is attached to, with its name. */
export function signingLineOf(templateId: string): { id: string; name: Bilingual } | undefined {
  const entry = CHECKLIST.items.find((e) => e.document === templateId);
  return entry ? { id: entry.id, name: entry.name } : undefined;
}
