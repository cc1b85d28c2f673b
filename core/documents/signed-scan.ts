/**
 * Judging signed scans, as pure decisions on the marks read from them (signing.ts):
 *
 * - `judgeSignedScan`: is a returned file the signed copy of this document, of this case, in its current
 *   version, and which of its pages does it hold? Refused otherwise, with the reason the user is told.
 * - `signedLineState`: what the files attached to a document's checklist line add up to — complete and
 *   current, pages still missing, out of date (and what changed), or files that were never checked.
 */
import type { AttachmentMeta, SignedCopy, SigningPrint } from '../model/case';
import { changedFields, type SigningMark } from './signing';

/** Why a scan is not accepted as the signed copy (the renderer words each in the user's language). */
export type ScanRefusal =
  /** No page carries a mark: not a scan of the printed copy, or the mark is unreadable (cut off, blurred). */
  | { reason: 'noMark' }
  /** A page of the file is the instruction sheet printed before the document. */
  | { reason: 'instructionSheet' }
  /** Some pages carry a mark and page `page` of the file does not (a page of something else, or unreadable). */
  | { reason: 'unmarkedPage'; page: number }
  /** The signed copy of a document of another case. */
  | { reason: 'otherCase' }
  /** The signed copy of another document (`found`, a template id). */
  | { reason: 'otherDocument'; found: string }
  /** A version of this document the case no longer prints; `changed` names what differs, when known. */
  | { reason: 'otherVersion'; found: string; changed: string[]; printedAt?: string }
  /** Pages of two different printouts in one file. */
  | { reason: 'mixedPrintouts' }
  /** One photo shows several pages: one page per photo. */
  | { reason: 'severalPagesInImage' }
  /** A page is in the file twice, or already attached (`page`, 1-based page of the document). */
  | { reason: 'pageRepeated'; page: number }
  /** The unsigned PDF this app printed, returned as it is. */
  | { reason: 'unsignedOriginal' }
  /** A PDF without page pictures: a digital document, not a scan of signed paper. */
  | { reason: 'digitalDocument' }
  /** A PDF whose page pictures are compressed in a way the app cannot read (JPEG 2000, fax, JBIG2). */
  | { reason: 'undecodablePdf' };

export type ScanJudgement = { ok: true; signedCopy: SignedCopy } | { ok: false; refusal: ScanRefusal };

export interface ScanExpectation {
  templateId: string;
  caseTag: string;
  version: string;
  /** What the current version prints (signing.ts printedFields), kept with the accepted copy. */
  fields: [string, string][];
}

/**
 * Judges a returned file from the marks found on each of its pages (one entry per page of a PDF, one for an
 * image). `attached` are the current copies already on the document's line: a page they hold is not taken
 * twice. `prints` (the case's record of printed versions) explains an older version.
 */
export function judgeSignedScan(input: {
  expected: ScanExpectation;
  pages: readonly (readonly SigningMark[])[];
  kind: 'image' | 'pdf';
  attached: readonly SignedCopy[];
  prints: readonly SigningPrint[];
}): ScanJudgement {
  const { expected } = input;
  const all = input.pages.flat();
  const refuse = (refusal: ScanRefusal): ScanJudgement => ({ ok: false, refusal });
  if (all.length === 0) return refuse({ reason: 'noMark' });
  if (all.some((m) => m.page === 0)) return refuse({ reason: 'instructionSheet' });
  if (all.some((m) => m.caseTag !== expected.caseTag)) return refuse({ reason: 'otherCase' });
  const foreign = all.find((m) => m.templateId !== expected.templateId);
  if (foreign) return refuse({ reason: 'otherDocument', found: foreign.templateId });
  const older = all.find((m) => m.version !== expected.version);
  if (older) {
    const print = [...input.prints]
      .reverse()
      .find((p) => p.templateId === expected.templateId && p.contentVersion === older.version);
    return refuse({
      reason: 'otherVersion',
      found: older.version,
      changed: print ? changedFields(print.fields, expected.fields) : [],
      ...(print ? { printedAt: print.printedAt } : {}),
    });
  }
  if (new Set(all.map((m) => m.pageCount)).size > 1) return refuse({ reason: 'mixedPrintouts' });

  const pages: number[] = [];
  for (const [index, marks] of input.pages.entries()) {
    const numbers = [...new Set(marks.map((m) => m.page))];
    if (numbers.length === 0) return refuse({ reason: 'unmarkedPage', page: index + 1 });
    if (numbers.length > 1)
      return input.kind === 'image'
        ? refuse({ reason: 'severalPagesInImage' })
        : refuse({ reason: 'mixedPrintouts' });
    pages.push(numbers[0] as number);
  }
  const taken = new Set(input.attached.flatMap((copy) => copy.pages));
  const seen = new Set<number>();
  for (const page of pages) {
    if (seen.has(page) || taken.has(page)) return refuse({ reason: 'pageRepeated', page });
    seen.add(page);
  }
  return {
    ok: true,
    signedCopy: {
      templateId: expected.templateId,
      contentVersion: expected.version,
      pages,
      pageCount: all[0]?.pageCount ?? pages.length,
      fields: expected.fields,
    },
  };
}

/** What the files on a signed document's line add up to. */
export interface SignedLineState {
  state: 'none' | 'complete' | 'incomplete' | 'stale' | 'unchecked';
  /** Files that are checked signed copies of the current version, in page order. */
  current: AttachmentMeta[];
  /** Checked copies of a version the case no longer prints. */
  stale: AttachmentMeta[];
  /** Files on the line that are not checked signed copies of this document (attached before the check). */
  unchecked: AttachmentMeta[];
  /** Pages of the current version no file holds yet. */
  missingPages: number[];
  /** Pages of the printed current version, once a copy of it is attached. */
  pageCount?: number;
  /** What changed since the stale copies were signed (field paths, '$template'). */
  changed: string[];
}

export function signedLineState(
  files: readonly AttachmentMeta[],
  expected: Pick<ScanExpectation, 'templateId' | 'version' | 'fields'>,
): SignedLineState {
  const current: AttachmentMeta[] = [];
  const stale: AttachmentMeta[] = [];
  const unchecked: AttachmentMeta[] = [];
  for (const file of files) {
    const copy = file.signedCopy;
    if (!copy || copy.templateId !== expected.templateId) unchecked.push(file);
    else if (copy.contentVersion === expected.version) current.push(file);
    else stale.push(file);
  }
  current.sort((a, b) => (a.signedCopy?.pages[0] ?? 0) - (b.signedCopy?.pages[0] ?? 0));
  const pageCount = current[0]?.signedCopy?.pageCount;
  const held = new Set(current.flatMap((f) => f.signedCopy?.pages ?? []));
  const missingPages =
    pageCount === undefined
      ? []
      : Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => !held.has(p));
  const changed = [
    ...new Set(stale.flatMap((f) => changedFields(f.signedCopy?.fields ?? [], expected.fields))),
  ].sort();
  const state =
    unchecked.length > 0
      ? 'unchecked'
      : stale.length > 0
        ? 'stale'
        : current.length === 0
          ? 'none'
          : missingPages.length > 0
            ? 'incomplete'
            : 'complete';
  return {
    state,
    current,
    stale,
    unchecked,
    missingPages,
    ...(pageCount === undefined ? {} : { pageCount }),
    changed,
  };
}
