/**
 * The Node side of the sign-and-return loop, shared by the app's main process and the CLI:
 *
 * - `renderForSigning`: the copy of a document to print and sign — the instruction note (English, and
 *   Chinese before it for a Chinese UI) and the document, every page marked with its QR code;
 * - `checkSignedScan`: reads the marks back from a returned scan and judges it (core/documents/signed-scan.ts)
 *   against the case as it is now.
 *
 * No electron import here: the CLI and the tests run it in plain Node.
 */
import type { AttachmentMeta, Case, SigningPrint } from '../../core/model/case';
import { metricsFor, type DocumentFonts } from '../../core/documents/font';
import type { Layout } from '../../core/documents/layout';
import { drawDocument, prepareDocument, type PreparedDocument } from '../../core/documents/render';
import {
  caseMarkTag,
  contentVersion,
  contentVersionsOfVariants,
  markText,
  printedFields,
  signedTemplate,
  type SignedTemplate,
  type SigningLanguage,
} from '../../core/documents/signing';
import {
  layoutSigningNote,
  signaturePlacements,
  signingPrintLayout,
  type MarkMatrix,
} from '../../core/documents/signing-print';
import { judgeSignedScan, type ScanJudgement } from '../../core/documents/signed-scan';
import type { DocumentDecision } from '../../core/documents/conditions';
import type { DocumentTemplate } from '../../core/documents/template-schema';
import { PacketError } from '../../core/packet/errors';
import { previewDecision } from '../../core/packet/preview';
import { signingLineOf } from '../../core/rules/checklist';
import { readDocumentFonts } from '../documents';
import { encodeQr } from '../qr';
import {
  keepScanMarks,
  knownScanMarks,
  readScanMarks,
  type ScanMarks,
  type ScanMarksNotes,
} from './scan-marks';

/** Asked for a document that is not signed by hand (or no such document). */
export class SigningError extends Error {
  constructor(readonly templateId: string) {
    super(`"${templateId}" is not a document signed by hand`);
    this.name = 'SigningError';
  }
}

export interface SigningPrintResult {
  bytes: Uint8Array;
  /** The content version printed in the marks. */
  version: string;
  /** Pages of the document (the instruction pages come before them). */
  pageCount: number;
  notePages: number;
  /** What the case records of this print (core/model/case.ts `signingPrints`). */
  print: SigningPrint;
  /** A file name for the Save dialog: the document's title and what the file is for. */
  fileName: string;
}

function templateOrThrow(templateId: string): SignedTemplate {
  const template = signedTemplate(templateId);
  if (!template) throw new SigningError(templateId);
  return template;
}

const FILE_NAME: Record<SigningLanguage, (t: SignedTemplate) => string> = {
  en: (t) => `${t.title.zh} ${t.title.en} - for signing.pdf`,
  zh: (t) => `${t.title.zh}（签字盖章用）.pdf`,
};

/** The print for signing laid out (notes and marked pages), before it is drawn as a PDF. */
export interface SigningPrintLayout extends Omit<SigningPrintResult, 'bytes'> {
  prepared: PreparedDocument;
  layout: Layout;
  fonts: DocumentFonts;
}

/**
 * The print for signing, laid out. `languages` are the notes printed before the document, in order:
 * English for everyone, Chinese first when the user works in Chinese (whoever signs reads the first page);
 * none for the marked document alone (the sample's signed scans are drawn from it).
 */
export async function layoutForSigning(
  c: Case,
  templateId: string,
  options: { languages: readonly SigningLanguage[]; now: Date; resourcesDir: string },
): Promise<SigningPrintLayout> {
  const template = templateOrThrow(templateId);
  const decision = previewDecision(c);
  const fonts = await readDocumentFonts(options.resourcesDir);
  const prepared = prepareDocument(template, c, {
    variant: 'submission',
    fonts,
    decision,
    now: options.now,
  });
  const version = contentVersion(template, c, decision);
  const pageCount = prepared.layout.pageCount;
  const line = signingLineOf(template.id);
  const lineName = line
    ? { en: line.name.en, zh: line.name['zh-CN'] }
    : { en: template.title.en, zh: template.title.zh };
  const regular = metricsFor(fonts.regular);
  const bold = fonts.bold ? metricsFor(fonts.bold) : undefined;
  const placements = signaturePlacements(template, prepared.layout);
  const notes = options.languages.map((lang) =>
    layoutSigningNote(
      template,
      c,
      { lang, version, pageCount, placements, lineName },
      { regular, ...(bold ? { bold } : {}) },
    ),
  );
  const caseTag = caseMarkTag(c);
  const mark = (page: number): Promise<MarkMatrix> =>
    encodeQr(markText({ templateId: template.id, caseTag, version, page, pageCount }), {
      errorCorrection: 'Q',
    });
  const marks = {
    ...(notes.length ? { note: await mark(0) } : {}),
    pages: await Promise.all(Array.from({ length: pageCount }, (_, i) => mark(i + 1))),
  };
  const layout = signingPrintLayout({ notes, document: prepared.layout, marks, version, metrics: regular });
  return {
    prepared,
    layout,
    fonts,
    version,
    pageCount,
    notePages: notes.reduce((sum, n) => sum + n.pageCount, 0),
    print: {
      templateId: template.id,
      contentVersion: version,
      printedAt: options.now.toISOString(),
      fields: printedFields(template, c),
    },
    fileName: FILE_NAME[options.languages[0] ?? 'en'](template),
  };
}

/** The print for signing as one PDF: the notes, then the document, every page marked. */
export async function renderForSigning(
  c: Case,
  templateId: string,
  options: { languages: readonly SigningLanguage[]; now: Date; resourcesDir: string },
): Promise<SigningPrintResult> {
  const { prepared, layout, fonts, ...result } = await layoutForSigning(c, templateId, options);
  const bytes = await drawDocument({ ...prepared, layout }, fonts, {
    now: options.now,
    variant: 'submission',
  });
  return { ...result, bytes };
}

/**
 * Whether a returned file is the signed copy of `templateId` for this case as it is now, and which pages
 * of it the file holds. Pages already attached (current copies on the document's line) are not taken twice.
 */
export async function checkSignedScan(
  c: Case,
  templateId: string,
  file: { bytes: Uint8Array; mediaType: AttachmentMeta['mediaType'] },
): Promise<ScanJudgement> {
  return judgeMarks(c, templateId, await readScanMarks(file.bytes, file.mediaType), file.mediaType);
}

function judgeMarks(
  c: Case,
  templateId: string,
  marks: ScanMarks,
  mediaType: AttachmentMeta['mediaType'],
  decision: DocumentDecision = previewDecision(c),
  versionOf: (template: DocumentTemplate, c: Case) => string = (t, variant) =>
    contentVersion(t, variant, decision),
): ScanJudgement {
  const template = templateOrThrow(templateId);
  const found = marks.pages.some((p) => p.length > 0);
  if (!found && marks.digital)
    return {
      ok: false,
      refusal: { reason: marks.digital === 'app' ? 'unsignedOriginal' : 'digitalDocument' },
    };
  if (!found && marks.undecodablePages.length > 0)
    return { ok: false, refusal: { reason: 'undecodablePdf' } };
  const version = versionOf(template, c);
  const line = signingLineOf(template.id);
  const attached = c.attachments
    .filter((a) => a.checklistItemId === line?.id && a.signedCopy?.templateId === template.id)
    .flatMap((a) => (a.signedCopy && a.signedCopy.contentVersion === version ? [a.signedCopy] : []));
  return judgeSignedScan({
    expected: {
      templateId: template.id,
      caseTag: caseMarkTag(c),
      version,
      fields: printedFields(template, c),
    },
    pages: marks.pages,
    kind: mediaType === 'application/pdf' ? 'pdf' : 'image',
    attached,
    prints: c.signingPrints,
  });
}

/**
 * The export's own reading of the signed scans it is about to put in: each file's marks must still say what
 * the case recorded when it was attached (this document, this case, this version, these pages) — a case
 * file edited by hand or brought from elsewhere cannot slip an unsigned or foreign file in.
 *
 * @throws PacketError `unsignedDocument` naming the document whose file does not read back as its signed copy
 */
export async function confirmSignedCopies(
  c: Case,
  signed: ReadonlyMap<string, readonly AttachmentMeta[]>,
  read: (meta: AttachmentMeta) => Promise<Uint8Array>,
  notes?: ScanMarksNotes,
): Promise<void> {
  // The documents' facts come from the answers alone, the same for every scan (worked out once: ≈ 1 ms each).
  const decision = previewDecision(c);
  // Each scan is judged against the case without itself: the document's text, resolved once per variant
  // that can print differently (≈ 2 ms each; a licence case has ~20 signed pages).
  const versionOf = contentVersionsOfVariants(decision);
  for (const [templateId, files] of signed) {
    const template = templateOrThrow(templateId);
    for (const meta of files) {
      const others = { ...c, attachments: c.attachments.filter((a) => a !== meta) };
      // Marks already read from these very bytes (the attachment id is their SHA-256), by this process or
      // kept in the store's notes, are not read again, nor is the file: the packet reads it once, checked
      // against the same SHA-256.
      let marks = await knownScanMarks(meta.id, meta.mediaType, notes);
      if (!marks) {
        marks = await readScanMarks(await read(meta), meta.mediaType);
        if (notes) await keepScanMarks(notes, meta.id, meta.mediaType, marks);
      }
      const judgement = judgeMarks(others, templateId, marks, meta.mediaType, decision, versionOf);
      const same =
        judgement.ok &&
        judgement.signedCopy.pages.join() === meta.signedCopy?.pages.join() &&
        judgement.signedCopy.contentVersion === meta.signedCopy?.contentVersion;
      if (!same)
        throw new PacketError('unsignedDocument', { document: template.title.zh, name: meta.originalName });
    }
  }
}
