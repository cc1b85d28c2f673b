/**
 * The whole export, shared by the CLI (`icp-packet build`) and the app's `packet:build` handler: pre-flight
 * gate → pathway plan → checklist → signed copies (each read back again) → documents → assembly
 * (core/packet) → folder and zip on disk.
 *
 * This module does the Node-side work core/ may not: it reads the fonts, runs sharp and writes files. It
 * never imports electron, so tests and the CLI run it in plain Node.
 */
import { createHash } from 'node:crypto';
import type { AttachmentMeta, Case } from '../../core/model/case';
import { keepingRenderer } from '../../core/documents/render';
import type { DocumentFonts } from '../../core/documents/font';
import { decidePathway } from '../../core/rules/decide';
import { buildChecklist } from '../../core/rules/checklist';
import { checkCase, type PreflightIssue } from '../../core/rules/preflight';
import { RULES_VERSION } from '../../core/rules/data';
import { assemblePacket } from '../../core/packet/assemble';
import { mergeWithOutline, type MergedPdf } from '../../core/packet/merge';
import { PacketError } from '../../core/packet/errors';
import { assertExportable, packetDocuments, planPacket, signedCopiesPlan } from '../../core/packet/gate';
import { packetIndexPageCount, renderPacketIndex } from '../../core/packet/index-document';
import { uploadProfile, type ProfileId } from '../../core/packet/profiles';
import type { PacketChecklistItem, ScanSource, SealedPacket } from '../../core/packet/types';
import { readDocumentFonts } from '../documents';
import { confirmSignedCopies } from '../signing';
import type { ScanMarksNotes } from '../signing/scan-marks';
import { normaliseImage } from './normalise-image';
import { writePacket, type WrittenPacket } from './write-packet';

export interface ExportRequest {
  case: Case;
  readAttachment: (meta: AttachmentMeta) => Promise<Uint8Array>;
  /**
   * The stored normalised copy of an image attachment (host/packet/scan-cache.ts): when given, scans are
   * streamed into the packet instead of being read and normalised in memory.
   */
  prepareScan?: (meta: AttachmentMeta, profile: ProfileId) => Promise<ScanSource>;
  /** Where the case keeps its signed scans' marks (host/signing/scan-marks.ts), so they are read once. */
  scanMarks?: ScanMarksNotes;
  profile: ProfileId;
  outDir: string;
  zip: boolean;
  /** Replace an existing packet of the same name (the user confirmed). */
  replace: boolean;
  /** Treat every open warning as acknowledged for this export (CLI `--accept-warnings`). */
  acceptWarnings: boolean;
  now: Date;
  appVersion: string;
  /** Where fonts/ lives (host/documents.ts). */
  resourcesDir: string;
  /** Today for the pre-flight's validity checks (YYYY-MM-DD); the local date when absent. */
  today?: string;
  onProgress?: (progress: { done: number; total: number; step: string }) => void;
  signal?: AbortSignal;
}

export interface ExportResult extends WrittenPacket {
  packet: SealedPacket;
  /** Warnings that were open and accepted for this export (shown, and recorded by the caller). */
  acceptedWarnings: PreflightIssue[];
  /** The packet follows the alternative reading of a disputed rule. */
  alternativePathway: boolean;
}

const renderers = new WeakMap<DocumentFonts, ReturnType<typeof keepingRenderer>>();

/**
 * The process's document renderer for these fonts: exporting the same case again (a second export, a
 * re-export after an edit elsewhere) draws only the documents whose content changed.
 */
function keptDrawings(fonts: DocumentFonts): ReturnType<typeof keepingRenderer> {
  let render = renderers.get(fonts);
  if (!render) {
    render = keepingRenderer(fonts);
    renderers.set(fonts, render);
  }
  return render;
}

/** Review copies a process keeps (~1 MB each): the last few cases exported. */
const REVIEWS_KEPT = 4;
const reviews = new Map<string, MergedPdf>();

/**
 * `mergeWithOutline` for the review copy, kept by everything the merge reads (each part's title, group and
 * bytes; the title, date and producer): exporting the same case again, or after changing only its scans,
 * re-uses the merged file instead of parsing, copying and compressing its documents again (≈ 40 ms).
 */
export const keptReviewMerge: typeof mergeWithOutline = async (parts, meta) => {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      meta,
      parts.map((p) => [p.title, p.group ?? null, p.kind, p.kind === 'jpeg' ? [p.width, p.height] : null]),
    ]),
  );
  for (const part of parts) {
    if (part.kind === 'scan') return mergeWithOutline(parts, meta);
    hash.update(String(part.bytes.length));
    hash.update(part.bytes);
  }
  const key = hash.digest('hex');
  let merged = reviews.get(key);
  if (merged) reviews.delete(key);
  else merged = await mergeWithOutline(parts, meta);
  reviews.set(key, merged);
  if (reviews.size > REVIEWS_KEPT) reviews.delete(reviews.keys().next().value!);
  return { bytes: merged.bytes.slice(), ranges: merged.ranges.map((r) => ({ ...r })) };
};

/** Assembles the packet in memory without the pre-flight gate or disk output (tests, benches). */
export async function assembleCasePacket(
  request: Omit<ExportRequest, 'outDir' | 'zip' | 'replace' | 'acceptWarnings'>,
) {
  const c = request.case;
  const decision = decidePathway(c.answers);
  const plan = planPacket(c, decision);
  const fonts = await readDocumentFonts(request.resourcesDir);
  const items = buildChecklist(c, decision, request.today ? { today: request.today } : {});
  // Documents signed by hand go in as their checked signed scans; recommended ones not returned stay out.
  const signing = signedCopiesPlan(c, items);
  await confirmSignedCopies(c, signing.signed, request.readAttachment, request.scanMarks);
  const checklist: PacketChecklistItem[] = items.map((item) => ({
    id: item.id,
    entryId: item.entryId,
    ...(item.serviceId ? { serviceId: item.serviceId } : {}),
    ...(item.sector ? { sector: item.sector } : {}),
    name: { zh: item.name['zh-CN'], en: item.name.en },
  }));
  const profile = uploadProfile(request.profile);
  const packet = await assemblePacket(c, {
    decision: plan.packet,
    checklist,
    documents: {
      documents: packetDocuments(c, plan.documents).filter((d) => !signing.omitted.has(d.templateId)),
      render: (templateId, variant) =>
        keptDrawings(fonts)(templateId, c, { variant, decision: plan.documents, now: request.now }),
      renderIndex: (index) => renderPacketIndex(index, c, { fonts, now: request.now }),
      indexPageCount: (index) => packetIndexPageCount(index, c, { fonts, now: request.now }),
    },
    readAttachment: request.readAttachment,
    mergeReview: keptReviewMerge,
    normaliseImage: (bytes, _profile, name) => normaliseImage(bytes, profile, name),
    sha256: async (bytes) => createHash('sha256').update(bytes).digest('hex'),
    sha256Hasher: () => {
      const hash = createHash('sha256');
      return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
    },
    ...(request.prepareScan ? { prepareScan: request.prepareScan } : {}),
    profile: request.profile,
    now: request.now,
    appVersion: request.appVersion,
    rulesVersion: RULES_VERSION,
    portalFont: fonts.regular,
    signedCopies: signing.signed,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return { packet, plan };
}

export async function exportPacket(request: ExportRequest): Promise<ExportResult> {
  const issues = checkCase(request.case, request.today ? { today: request.today } : {});
  assertExportable(issues, request.acceptWarnings);
  const { packet, plan } = await assembleCasePacket(request);
  if (request.signal?.aborted) throw new PacketError('cancelled');
  const written = await writePacket(packet, {
    outDir: request.outDir,
    zip: request.zip,
    replace: request.replace,
    now: request.now,
  });
  // Written: the full packet was hashed on its way to disk, so sealing reads nothing again.
  const { manifest, sha256 } = await packet.seal();
  const { seal: _sealed, ...files } = packet;
  return {
    ...written,
    packet: { ...files, manifest, manifestSha256: sha256 },
    acceptedWarnings: issues.filter((i) => i.severity === 'warning' && !i.acknowledged),
    alternativePathway: plan.alternative,
  };
}
