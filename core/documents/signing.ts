/**
 * The sign-and-return loop, as pure decisions: which documents are signed or sealed by hand (a template's
 * `signing`), the version of what a document prints (its content version), the verification mark printed
 * on every page of the copy for signing, and the one-page note on who signs and seals where.
 *
 * The mark is a QR code in the footer of each page (drawn by render.ts, encoded by host/qr) holding
 *
 *   ICPPS1:<TEMPLATE-ID>:<case tag>:<content version>:<page>/<pages>
 *
 * (page 0 is the instruction sheet). Reading it back from a scan tells which document, which case and which
 * version the paper is; core/documents/signed-scan.ts judges a scan from the marks found on its pages.
 */
import type { Case } from '../model/case';
import { toPattern } from '../model/paths';
import { fieldDef } from '../model/fields';
import { linkPrincipal } from '../model/principal';
import signingNoteJson from '../../templates/documents/signing-note.json' with { type: 'json' };
import type { DocumentDecision } from './conditions';
import { idDocumentName, printedName } from './names';
import { resolveDocument, signingDate, formatDate, templateApplies } from './resolve';
import { pathsUsedBy, type DocumentTemplate, type SigningSpec } from './template-schema';
import { documentLabels, documentTemplate, documentTemplates } from './templates';

export type SigningLanguage = 'en' | 'zh';

/** A template that is signed or sealed by hand. */
export type SignedTemplate = DocumentTemplate & { signing: SigningSpec };

export function needsSigning(template: DocumentTemplate): template is SignedTemplate {
  return template.signing !== undefined;
}

/** Every template signed or sealed by hand, in packet order. */
export function signedTemplates(): SignedTemplate[] {
  return documentTemplates().filter(needsSigning);
}

/** The documents of this case that are printed, signed and returned as scans, in packet order. */
export function signedDocumentsOf(c: Case, decision: DocumentDecision): SignedTemplate[] {
  return signedTemplates().filter((t) => templateApplies(t, c, decision));
}

// ------------------------------------------------------------------ short hashes

/**
 * FNV-1a (64 bit) of the text's UTF-8 bytes as upper-case hex, cut to `length` characters. Not a security
 * measure — a mark can be copied — but a fingerprint that tells versions and cases apart, computed
 * synchronously wherever core runs (the renderer included).
 */
export function shortHash(text: string, length = 10): string {
  // The 64-bit state in four 16-bit limbs (h0 lowest), so each step is a few integer multiplications instead
  // of BigInt arithmetic, which cost a cold `icp-packet check` several milliseconds per document. The FNV
  // prime is 2^40 + 0x1b3: limb 0 times 0x1b3, plus the state shifted up 40 bits (limb 2 times 0x100).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of encoder.encode(text)) {
    h0 ^= byte;
    let t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + h0 * 0x100;
    let t3 = h3 * 0x1b3 + h1 * 0x100;
    t1 += t0 >>> 16;
    t0 &= 0xffff;
    t2 += t1 >>> 16;
    t1 &= 0xffff;
    t3 += t2 >>> 16;
    t2 &= 0xffff;
    h0 = t0;
    h1 = t1;
    h2 = t2;
    h3 = t3 & 0xffff;
  }
  const hex = [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
  return hex.slice(0, length).toUpperCase();
}

const encoder = new TextEncoder();

/**
 * What identifies the case on its marks: `markId` (kept when the case is exported and imported elsewhere,
 * so paper printed before the move still checks), else the case id.
 */
export function caseMarkTag(c: Pick<Case, 'id' | 'markId'>): string {
  return shortHash(c.markId || c.id);
}

// ------------------------------------------------------------------ content version

/**
 * The version of what the document prints: a hash of its resolved Chinese text (every block, in order,
 * with the date printed on it), so it changes when and only when the printed content changes — not with
 * the English gloss, the template's version number or anything the document does not print.
 */
export function contentVersion(template: DocumentTemplate, c: Case, decision: DocumentDecision): string {
  // The exact case and decision, as JSON: a case changed in place is another key, never a stale version.
  const key = JSON.stringify([c, decision]);
  let kept = versionsKept.get(template);
  if (!kept) versionsKept.set(template, (kept = new Map()));
  let version = kept.get(key);
  if (version === undefined) {
    version = workOutContentVersion(template, c, decision);
    kept.set(key, version);
    if (kept.size > VERSIONS_KEPT) kept.delete(kept.keys().next().value!);
  }
  return version;
}

/**
 * Content versions worked out, per template, by the case and decision's JSON. A build asks for each signed
 * document's version several times over the same case — its checklist line (the pre-flight and the packet's
 * index each build a checklist) and each signed scan's check — and resolving the document costs ~20× the key
 * (a licence case's JSON: ~0.2 ms against ~5 ms).
 */
const versionsKept = new WeakMap<DocumentTemplate, Map<string, string>>();
/** Per template: the case's versions as it is edited, and its variants a build checks signed scans against. */
const VERSIONS_KEPT = 8;

function workOutContentVersion(template: DocumentTemplate, c: Case, decision: DocumentDecision): string {
  const resolved = resolveDocument(template, {
    caseData: linkPrincipal(c),
    decision,
    labels: documentLabels(),
    // Documents signed by hand print no `$now` (a test holds every signed template to it).
    today: '',
  });
  const printed = JSON.stringify(resolved, (key, value: unknown) =>
    key === 'en' || key === 'templateVersion' ? undefined : value,
  );
  return shortHash(printed);
}

/**
 * {@link contentVersion} for variants of one case that differ only in their attachments (the export judges
 * each signed scan against the case without that scan). A document reads attachments only through which
 * checklist lines hold files (its `attached` conditions, as pathsUsedBy lists them), so variants that agree
 * on those lines share a version, and a document that reads no attachments has one version for them all.
 * A document that read attachments any other way would be worked out for every variant.
 */
export function contentVersionsOfVariants(
  decision: DocumentDecision,
): (template: DocumentTemplate, c: Case) => string {
  const kept = new Map<string, string>();
  const attachmentReads = new Map<string, string[]>();
  return (template, c) => {
    let reads = attachmentReads.get(template.id);
    if (!reads) {
      reads = [...pathsUsedBy(template)].filter((p) => p.startsWith('attachments'));
      // `attached` conditions add exactly these two; a `case` or `some` condition on the list adds the
      // first alone, and may test more than which lines hold files (how many, say).
      const onlyLines =
        reads.every((p) => p === 'attachments' || p === 'attachments[].checklistItemId') &&
        !conditionsOnAttachments(template);
      if (!onlyLines) reads = ['*'];
      attachmentReads.set(template.id, reads);
    }
    if (reads[0] === '*') return contentVersion(template, c, decision);
    const lines = reads.length ? [...new Set(c.attachments.map((a) => a.checklistItemId))].sort() : [];
    const key = JSON.stringify([template.id, lines]);
    let version = kept.get(key);
    if (version === undefined) {
      version = contentVersion(template, c, decision);
      kept.set(key, version);
    }
    return version;
  };
}

/** Whether any condition of the template tests the attachment list by path (not by `attached` line). */
function conditionsOnAttachments(template: DocumentTemplate): boolean {
  let found = false;
  JSON.stringify(template, (key, value: unknown) => {
    if ((key === 'case' || key === 'some') && typeof value === 'string' && value.startsWith('attachments'))
      found = true;
    return value;
  });
  return found;
}

// ------------------------------------------------------------------ the mark

export const MARK_PREFIX = 'ICPPS1';

export interface SigningMark {
  templateId: string;
  caseTag: string;
  version: string;
  /** 1-based page of the document; 0 for the instruction sheet printed before it. */
  page: number;
  pageCount: number;
}

/** The text a page's QR code holds: upper case, so the code uses QR's compact alphanumeric mode. */
export function markText(mark: SigningMark): string {
  return [
    MARK_PREFIX,
    mark.templateId.toUpperCase(),
    mark.caseTag,
    mark.version,
    `${mark.page}/${mark.pageCount}`,
  ].join(':');
}

const MARK_PATTERN = /^ICPPS1:([A-Z0-9-]{1,80}):([0-9A-F]{10}):([0-9A-F]{10}):(\d{1,3})\/(\d{1,3})$/;

/** A mark read from a scan, or undefined for any other QR code (a business licence's, a web address). */
export function parseMark(text: string): SigningMark | undefined {
  const match = MARK_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, templateId = '', caseTag = '', version = '', page = '', pageCount = ''] = match;
  const mark = {
    templateId: templateId.toLowerCase(),
    caseTag,
    version,
    page: Number(page),
    pageCount: Number(pageCount),
  };
  return mark.pageCount >= 1 && mark.page <= mark.pageCount ? mark : undefined;
}

/** The short form of a version printed beside the mark and shown in the app: 3F2A9-C1E0B. */
export function displayVersion(version: string): string {
  return `${version.slice(0, 5)}-${version.slice(5)}`;
}

// ------------------------------------------------------------------ what a version prints

/**
 * A fingerprint of each labelled case field the document prints (`[path, hash]`, concrete paths such as
 * `services.0.principal.name`) and of the template's wording (`$template`). Kept with a printed or signed
 * version, it names what changed since: the fields whose fingerprint differs.
 */
export function printedFields(template: DocumentTemplate, c: Case): [string, string][] {
  const data = linkPrincipal(c);
  const out = new Map<string, string>();
  for (const bind of template.binds) {
    for (const { path, value } of expandBind(data, bind)) {
      if (typeof value === 'object' && value !== null) continue;
      if (!fieldDef(path)) continue;
      out.set(path, shortHash(JSON.stringify(value ?? null), 8));
    }
  }
  const fields = [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [['$template', String(template.version)], ...fields];
}

/** `services[].principal.name` → every concrete path and its value. */
function expandBind(root: unknown, bind: string): { path: string; value: unknown }[] {
  let frontier: { path: string; value: unknown }[] = [{ path: '', value: root }];
  for (const part of bind.split('.')) {
    const array = part.endsWith('[]');
    const key = array ? part.slice(0, -2) : part;
    const next: typeof frontier = [];
    for (const node of frontier) {
      if (typeof node.value !== 'object' || node.value === null) continue;
      const value = (node.value as Record<string, unknown>)[key];
      const path = node.path ? `${node.path}.${key}` : key;
      if (!array) next.push({ path, value });
      else if (Array.isArray(value)) value.forEach((v, i) => next.push({ path: `${path}.${i}`, value: v }));
    }
    frontier = next;
  }
  return frontier;
}

/**
 * What changed between two fingerprints of a document: the field paths whose printed value differs (or
 * that one side lacks), and `$template` when the app's wording of the document changed.
 */
export function changedFields(
  before: readonly [string, string][],
  after: readonly [string, string][],
): string[] {
  const old = new Map(before);
  const now = new Map(after);
  const paths = new Set([...old.keys(), ...now.keys()]);
  return [...paths].filter((p) => old.get(p) !== now.get(p)).sort();
}

/** The catalogue label of a changed field, for messages ('$template': the document's wording). */
export function changedFieldLabel(path: string): { en: string; 'zh-CN': string } {
  if (path === '$template')
    return { en: 'the wording of the document in this app', 'zh-CN': '本软件中该文件的措辞' };
  const def = fieldDef(path);
  const index = /\.(\d+)\./.exec(path)?.[1];
  const label = def?.label ?? { en: toPattern(path), 'zh-CN': toPattern(path) };
  // Several services print the same field: say which one (2nd service: "… (2)").
  return index === undefined || Number(index) === 0
    ? label
    : { en: `${label.en} (${Number(index) + 1})`, 'zh-CN': `${label['zh-CN']}（${Number(index) + 1}）` };
}

// ------------------------------------------------------------------ the note

interface NoteText {
  en: string;
  zh: string;
}

interface SigningNoteData {
  title: NoteText;
  about: NoteText;
  pages: { one: NoteText; other: NoteText };
  notPart: NoteText;
  signature: NoteText;
  signatureAnyone: NoteText;
  leaveBlank: NoteText;
  seal: NoteText;
  sealAcrossPages: NoteText;
  dateByHand: NoteText;
  datePrinted: NoteText;
  ink: Record<SigningSpec['ink'], NoteText>;
  code: NoteText;
  scan: NoteText;
}

const NOTE = signingNoteJson as unknown as SigningNoteData & { asOf: string; version: number };

/** Where a signature line or a party's seal falls in the printed copy (render.ts finds it in the layout). */
export interface SigningPlacement {
  /** Index of the signer in the template's signature block(s), and of the line within it (-1: the party). */
  signer: number;
  line: number;
  page: number;
}

export interface SigningNote {
  title: string;
  /** The document's Chinese and English title. */
  document: string;
  about: string;
  steps: string[];
}

export interface SigningNoteOptions {
  lang: SigningLanguage;
  version: string;
  pageCount: number;
  placements: readonly SigningPlacement[];
  /** The checklist line the scan is attached to, in this language and in the other (“{line}”). */
  lineName: NoteText;
}

function fillNote(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

/** The signers of a template's signature block(s), in order. */
export function signersOf(template: DocumentTemplate) {
  return template.blocks.flatMap((b) => (b.type === 'signature' ? b.signers : []));
}

/** Who signs a line, by name, in the note's language; '' when the case names nobody yet. */
function signerNames(
  by: 'legalRepresentative' | 'principal' | 'authorizedPersons' | 'verifier',
  c: Case,
  lang: SigningLanguage,
): string {
  const data = linkPrincipal(c);
  const separator = lang === 'zh' ? '、' : ', ';
  const people =
    by === 'legalRepresentative'
      ? [data.legalRepresentative]
      : by === 'principal'
        ? [data.principal]
        : by === 'authorizedPersons'
          ? [
              ...(data.principal.isLegalRepresentative ? [] : [data.principal]),
              ...data.services.flatMap((s) =>
                s.principal && !s.principal.isLegalRepresentative ? [s.principal] : [],
              ),
            ]
          : [];
  // As the page prints the name (the identity document's), with the Latin spelling beside it in English.
  const named = people.map((p) => {
    if (lang === 'zh') return printedName(p, 'zh');
    const printed = idDocumentName(p);
    const latin = p.nameLatin.trim();
    return latin && latin !== printed ? `${printed} (${latin})` : printed;
  });
  return [...new Set(named.filter((n) => n.trim() !== ''))].join(separator);
}

/** One thing to do on the paper: a signature, a seal, or a part left to the access provider. */
export type SigningDuty =
  | {
      kind: 'signature';
      signer: number;
      line: number;
      /** The label printed beside the box, e.g. 法定代表人（签字）, and its English meaning. */
      label: string;
      labelEn: string;
      /** Who signs, by name ('' when the case names nobody yet). */
      person: string;
    }
  | { kind: 'seal'; signer: number; party: string; partyEn: string; company: string }
  | { kind: 'provider'; signer: number; party: string; partyEn: string };

const bare = (label: string) => label.replace(/[：:]\s*$/, '').trim();

/** What the signature block asks for, signer by signer, in the given language (names, company). */
export function signingDuties(template: SignedTemplate, c: Case, lang: SigningLanguage): SigningDuty[] {
  const company = c.subject.name.trim() || (lang === 'zh' ? '本单位' : 'the company');
  return signersOf(template).flatMap((signer, s): SigningDuty[] => {
    const party = { party: bare(signer.party.zh), partyEn: bare(signer.party.en) };
    if (signer.completedBy === 'accessProvider') return [{ kind: 'provider', signer: s, ...party }];
    return [
      ...signer.signatures.map((line, l): SigningDuty => ({
        kind: 'signature',
        signer: s,
        line: l,
        label: bare(line.zh),
        labelEn: bare(line.en),
        person: signerNames(line.by, c, lang),
      })),
      ...(signer.seal ? [{ kind: 'seal' as const, signer: s, ...party, company }] : []),
    ];
  });
}

/**
 * The one-page note printed before the copy for signing, in one language: the document, who signs which
 * line on which page, the seal, the date, the ink, the mark and how to scan and attach it. Built from the
 * template's signature block and `signing` data; `placements` come from the laid-out copy.
 */
export function signingNote(template: SignedTemplate, c: Case, options: SigningNoteOptions): SigningNote {
  const { lang } = options;
  const company = c.subject.name.trim() || (lang === 'zh' ? '本单位' : 'the company');
  const count = options.pageCount;
  const pages = fillNote(NOTE.pages[count === 1 ? 'one' : 'other'][lang], { count });
  const pageOf = (signer: number, line: number) =>
    options.placements.find((p) => p.signer === signer && p.line === line)?.page ?? count;
  const steps: string[] = [fillNote(NOTE.notPart[lang], { pages })];
  for (const duty of signingDuties(template, c, lang)) {
    if (duty.kind === 'signature')
      steps.push(
        fillNote((duty.person ? NOTE.signature : NOTE.signatureAnyone)[lang], {
          page: pageOf(duty.signer, duty.line),
          count,
          line: duty.label,
          lineEn: duty.labelEn,
          person: duty.person,
        }),
      );
    else
      steps.push(
        fillNote((duty.kind === 'seal' ? NOTE.seal : NOTE.leaveBlank)[lang], {
          page: pageOf(duty.signer, -1),
          count,
          party: duty.party,
          partyEn: duty.partyEn,
          company,
        }),
      );
  }
  if (count > 1 && template.signing.sealAcrossPages === 'practice')
    steps.push(fillNote(NOTE.sealAcrossPages[lang], { count }));
  const date = signingDate(c);
  steps.push(
    date
      ? fillNote(NOTE.datePrinted[lang], { date: formatDate(date, 'zh').replace(/\u2060/g, '') })
      : NOTE.dateByHand[lang],
  );
  steps.push(
    [NOTE.ink[template.signing.ink][lang], ...template.signing.notes.map((n) => n[lang])].join(
      lang === 'zh' ? '' : ' ',
    ),
  );
  steps.push(NOTE.code[lang]);
  steps.push(fillNote(NOTE.scan[lang], { line: options.lineName[lang] }));

  return {
    title: NOTE.title[lang],
    document: `${template.title.zh} — ${template.title.en}`,
    about: fillNote(NOTE.about[lang], {
      company: lang === 'zh' ? company : c.subject.nameLatin.trim() || company,
      version: displayVersion(options.version),
      pages,
    }),
    steps,
  };
}

/** The template of a signed document by id, or undefined (an id from a scan may name anything). */
export function signedTemplate(id: string): SignedTemplate | undefined {
  const template = documentTemplate(id);
  return template && needsSigning(template) ? template : undefined;
}
