/**
 * `assemblePacket()`: a case → the files of its submission packet (DESIGN.md §5), in memory.
 *
 *   00 目录 Index.pdf              numbered list of every document with its pages in the full packet
 *   01 … NN <title>.pdf            generated documents, in submission order; a document signed by hand is
 *                                  its checked signed scan (NN <title>.jpg / .pdf), never the unsigned original
 *   附件 Attachments/<名称>.jpg    scans renamed in Chinese, normalised to the upload profile
 *   完整材料包 Full packet.pdf      everything above merged, one bookmark per document
 *   双语核对版 Bilingual review.pdf the review copy of every generated document, bookmarked
 *   portal-fields.html             copy sheet for the portal
 *   wechat-apply-icp-filing.json   for WeChat mini-programs: the applyIcpFiling body
 *   manifest.json                  every file with size and SHA-256, template versions, versions, time
 *
 * I/O, the native image codec and the document engine's resources come in through {@link AssembleOptions};
 * writing the folder and the zip is the caller's job (host/packet/write-packet.ts).
 */
import type { PDFDocument } from 'pdf-lib';
import type { AttachmentMeta, Case, MiniProgram } from '../model/case';
import { linkPrincipal } from '../model/principal';
import { documentTemplate } from '../documents/templates';
import { signedDocumentOfLine } from '../rules/checklist';
import { documentLabels } from '../documents/templates';
import { PacketError } from './errors';
import { sha256Hex } from './hash';
import { jpegFrame } from './jpeg';
import { loadPdf, mergeWithOutline, mergeWithOutlineStreamed, scanChunks, type MergePart } from './merge';
import { portalFieldsHtml, portalSections } from './portal-fields';
import { uploadProfile, UPLOAD_PROFILES_VERSION } from './profiles';
import { chinaDate, packetFolderName, safeFileName, uniqueNames, unsafePathReason } from './safe-names';
import type {
  AssembledPacket,
  AssembleOptions,
  Bilingual,
  LazyFile,
  ManifestFile,
  PacketFile,
  ScanSource,
  PacketIndex,
  PacketIndexRow,
  PacketManifest,
  ScanSink,
  SealedManifest,
} from './types';
import { buildWechatFiling } from './wechat-filing';
import { wechatMediaResolver } from './wechat-media';
import { attachmentTitle } from './attachment-names';
import { applicationItem, packetIndexTemplate } from './index-document';
import { assertDocumentsConsistent } from './gate';

export const INDEX_FILE = '00 目录 Index.pdf';
export const ATTACHMENTS_FOLDER = '附件 Attachments';
export const FULL_PACKET_FILE = '完整材料包 Full packet.pdf';
export const REVIEW_FILE = '双语核对版 Bilingual review.pdf';
export const PORTAL_FILE = 'portal-fields.html';
export const WECHAT_FILE = 'wechat-apply-icp-filing.json';
export const MANIFEST_FILE = 'manifest.json';
const PRODUCER = 'ICP Packet Studio';
const INDEX_TITLE: Bilingual = { zh: '申报材料目录', en: 'Index of application materials' };
const OTHER_ATTACHMENT: Bilingual = { zh: '其他附件', en: 'Other attachment' };
const DOCUMENTS_GROUP = '申报文件';
const ATTACHMENTS_GROUP = '附件';

interface PreparedAttachment {
  meta: AttachmentMeta;
  title: Bilingual;
  file: string;
  part: MergePart;
  pages: number;
  widthPx?: number;
  heightPx?: number;
  reencoded: boolean;
}

const ATTACHMENT_CONCURRENCY = 2;

/** `Promise.all(items.map(work))` with at most `limit` pieces of work running, results in input order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return results;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PacketError('cancelled');
}

const extensionOf = (mediaType: AttachmentMeta['mediaType']) =>
  mediaType === 'application/pdf' ? 'pdf' : 'jpg';

/** Orders attachments by their checklist item, then as the case lists them, and names them in Chinese. */
function planAttachments(
  c: Case,
  options: AssembleOptions,
): { meta: AttachmentMeta; title: Bilingual; file: string }[] {
  const order = new Map(options.checklist.map((item, i) => [item.id, i]));
  const byId = new Map(options.checklist.map((item) => [item.id, attachmentTitle(item, c)]));
  // Signed scans of generated documents go in as those documents (assemblePacket step 1), never here.
  const sorted = c.attachments
    .filter((meta) => signedDocumentOfLine(meta.checklistItemId) === undefined)
    .map((meta, i) => ({ meta, i }))
    .sort(
      (a, b) =>
        (order.get(a.meta.checklistItemId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.meta.checklistItemId) ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map(({ meta }) => meta);
  const countPerItem = new Map<string, number>();
  for (const meta of sorted)
    countPerItem.set(meta.checklistItemId, (countPerItem.get(meta.checklistItemId) ?? 0) + 1);
  const seenPerItem = new Map<string, number>();
  const planned = sorted.map((meta) => {
    const title = byId.get(meta.checklistItemId) ?? OTHER_ATTACHMENT;
    const n = (seenPerItem.get(meta.checklistItemId) ?? 0) + 1;
    seenPerItem.set(meta.checklistItemId, n);
    const several = (countPerItem.get(meta.checklistItemId) ?? 1) > 1;
    const base = safeFileName(several ? `${title.zh} ${n}` : title.zh, 60);
    return {
      meta,
      title: several ? { zh: `${title.zh}（${n}）`, en: `${title.en} (${n})` } : title,
      file: `${base}.${extensionOf(meta.mediaType)}`,
    };
  });
  const unique = uniqueNames(planned.map((p) => p.file));
  return planned.map((p, i) => ({ ...p, file: `${ATTACHMENTS_FOLDER}/${unique[i] ?? p.file}` }));
}

/** One file of the case in the packet: checked against its SHA-256, a scan normalised to the profile. */
async function prepareFile(
  meta: AttachmentMeta,
  title: Bilingual,
  file: string,
  options: AssembleOptions,
): Promise<PreparedAttachment> {
  const hash = options.sha256 ?? sha256Hex;
  if (meta.mediaType !== 'application/pdf' && options.prepareScan) {
    // The host's normalised copy: only its facts now; its bytes are read while the packet is written.
    const scan = await options.prepareScan(meta, options.profile);
    checkCancelled(options.signal);
    return scanAttachment(meta, title, file, scan);
  }
  const bytes = await options.readAttachment(meta);
  if ((await hash(bytes)) !== meta.id) {
    throw new PacketError('attachmentMissing', { name: meta.originalName, id: meta.id });
  }
  checkCancelled(options.signal);
  if (meta.mediaType === 'application/pdf') {
    const parsed = await loadPdf(bytes);
    const pages = parsed?.getPageCount() ?? 0;
    if (!parsed || pages === 0) {
      throw new PacketError('attachmentUnreadable', { name: meta.originalName });
    }
    if (bytes.length > uploadProfile(options.profile).maxBytes.value) {
      throw new PacketError('attachmentTooLarge', {
        name: meta.originalName,
        bytes: bytes.length,
        maxBytes: uploadProfile(options.profile).maxBytes.value,
      });
    }
    return {
      meta,
      title,
      file,
      part: { title: title.zh, kind: 'pdf', bytes, parsed },
      pages,
      reencoded: false,
    };
  }
  const image = await options.normaliseImage(bytes, options.profile, meta.originalName);
  const frame = jpegFrame(image.bytes);
  if (!frame) throw new PacketError('attachmentUnreadable', { name: meta.originalName });
  const scan: ScanSource = {
    size: image.bytes.length,
    // A scan kept byte for byte was hashed when it was checked against its content address.
    sha256: image.reencoded ? await hash(image.bytes) : meta.id,
    width: image.width,
    height: image.height,
    components: frame.components,
    reencoded: image.reencoded,
    read: async () => image.bytes,
  };
  return scanAttachment(meta, title, file, scan);
}

async function prepareAttachments(
  c: Case,
  options: AssembleOptions,
  step: () => void,
): Promise<PreparedAttachment[]> {
  const plan = planAttachments(c, options);
  // Two scans at a time: sharp works off the main thread (and uses every core for one image), while twenty
  // 6-megapixel decodes at once would hold ~1 GB of pixels.
  return mapLimited(plan, ATTACHMENT_CONCURRENCY, async ({ meta, title, file }) => {
    const prepared = await prepareFile(meta, title, file, options);
    step();
    return prepared;
  });
}

function scanAttachment(
  meta: AttachmentMeta,
  title: Bilingual,
  file: string,
  scan: ScanSource,
): PreparedAttachment {
  return {
    meta,
    title,
    file,
    part: { title: title.zh, kind: 'scan', scan },
    pages: 1,
    widthPx: scan.width,
    heightPx: scan.height,
    reencoded: scan.reencoded,
  };
}

/** SHA-256 of a file's chunks without node:crypto: joins them (the host passes an incremental hash instead). */
function collectAndHash(parts: Uint8Array[], hash: (bytes: Uint8Array) => Promise<string>): Promise<string> {
  const all = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return hash(all);
}

export async function assemblePacket(input: Case, options: AssembleOptions): Promise<AssembledPacket> {
  // The portal sheets and the WeChat filing data read the legal representative linked to the principal.
  const c = linkPrincipal(input);
  const { documents, now, signal } = options;
  const hash = options.sha256 ?? sha256Hex;
  const profile = uploadProfile(options.profile);
  const folderName = packetFolderName(c.name || c.subject.name || c.id, options.decision.pathwayId, now);
  // 0. The gate: the documents may not contradict each other (core/documents/consistency.ts).
  assertDocumentsConsistent(c, documents.documents, options.decision.pathwayId, chinaDate(now));

  // 1. Generated documents, submission copies, in submission order. A document signed by hand goes in as
  // its checked signed scan, one file per scan (pages in order), never as the unsigned original.
  interface Slot {
    doc: (typeof documents.documents)[number];
    signed?: { meta: AttachmentMeta; several: boolean };
  }
  const slots = documents.documents.flatMap((doc): Slot[] => {
    const template = documentTemplate(doc.templateId);
    if (!template?.signing) return [{ doc }];
    const copies = options.signedCopies?.get(doc.templateId) ?? [];
    if (copies.length === 0) throw new PacketError('unsignedDocument', { document: doc.title.zh });
    return copies.map((meta) => ({ doc, signed: { meta, several: copies.length > 1 } }));
  });
  // One step per submission file (a signed document: per scan), per attachment, per review copy, and 5 more.
  const total = slots.length + planAttachments(c, options).length + documents.documents.length + 5;
  let done = 0;
  const progress = (step: string) => {
    done++;
    options.onProgress?.({ done, total, step });
  };
  const slotNames = uniqueNames(
    slots.map(({ doc, signed }, i) => {
      const number = String(i + 1).padStart(2, '0');
      if (!signed) return safeFileName(`${number} ${doc.title.zh}.pdf`, 70);
      const pages = signed.meta.signedCopy?.pages.join('、') ?? '';
      const name = signed.several ? `${doc.title.zh}（第${pages}页）` : doc.title.zh;
      return `${safeFileName(`${number} ${name}`, 66)}.${extensionOf(signed.meta.mediaType)}`;
    }),
  );
  const documentFiles: {
    file: string;
    title: Bilingual;
    part: MergePart;
    pages: number;
    templateId: string;
    version: number;
    /** A signed scan: the attachment it is, its pixels and whether it was re-encoded. */
    signed?: PreparedAttachment;
  }[] = [];
  for (const [i, { doc, signed }] of slots.entries()) {
    checkCancelled(signal);
    const file = slotNames[i] ?? `${i + 1}.pdf`;
    if (signed) {
      const pages = signed.meta.signedCopy?.pages.join(', ') ?? '';
      const title = signed.several
        ? {
            zh: `${doc.title.zh}（第${signed.meta.signedCopy?.pages.join('、') ?? ''}页）`,
            en: `${doc.title.en} (page ${pages})`,
          }
        : doc.title;
      const prepared = await prepareFile(signed.meta, title, file, options);
      documentFiles.push({
        file,
        title,
        part: prepared.part,
        pages: prepared.pages,
        templateId: doc.templateId,
        version: doc.templateVersion,
        signed: prepared,
      });
      progress(title.zh);
      continue;
    }
    const bytes = await documents.render(doc.templateId, 'submission');
    // Parsed once: for its page count now and for the merged packet below.
    const parsed = await loadPdf(bytes);
    documentFiles.push({
      file,
      title: doc.title,
      part: { title: doc.title.zh, kind: 'pdf', bytes, ...(parsed ? { parsed } : {}) },
      pages: parsed?.getPageCount() ?? 0,
      templateId: doc.templateId,
      version: doc.templateVersion,
    });
    progress(doc.title.zh);
  }

  // 2. Attachments, checked against their SHA-256 and normalised to the profile.
  checkCancelled(signal);
  const attachments = await prepareAttachments(c, options, () => progress('attachments'));
  checkCancelled(signal);

  // 3. The index: its own length shifts every page range, so render until the page count settles.
  const entries = [
    ...documentFiles.map((d) => ({ title: d.title, file: d.file, pages: d.pages })),
    ...attachments.map((a) => ({ title: a.title, file: a.file, pages: a.pages })),
  ];
  let indexPages = 1;
  let indexBytes: Uint8Array = new Uint8Array();
  let indexParsed: PDFDocument | null = null;
  let rows: PacketIndexRow[] = [];
  let index: PacketIndex | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    let page = indexPages + 1;
    rows = entries.map((entry, i) => {
      const row = {
        number: i + 1,
        title: entry.title,
        file: entry.file,
        firstPage: page,
        lastPage: page + entry.pages - 1,
      };
      page += entry.pages;
      return row;
    });
    index = {
      caseName: c.name,
      subjectName: c.subject.name,
      // The application named as the authority names it (互联网信息服务备案（小程序）, …经营许可).
      pathway: applicationItem(c, options.decision.pathwayId),
      date: chinaDate(now),
      rows,
      totalPages: page - 1,
    };
    let actual: number;
    if (documents.indexPageCount) actual = documents.indexPageCount(index);
    else {
      indexBytes = await documents.renderIndex(index);
      indexParsed = await loadPdf(indexBytes);
      actual = indexParsed?.getPageCount() ?? 1;
    }
    if (actual === indexPages) break;
    indexPages = actual;
  }
  // Settled by layout: drawn once, for the index that settled (or the last tried).
  if (documents.indexPageCount && index) {
    indexBytes = await documents.renderIndex(index);
    indexParsed = await loadPdf(indexBytes);
  }
  progress('index');
  checkCancelled(signal);

  // 4. The full packet, one bookmark per document.
  const indexRow: PacketIndexRow = {
    number: 0,
    title: INDEX_TITLE,
    file: INDEX_FILE,
    firstPage: 1,
    lastPage: indexPages,
  };
  // Bookmarks in Chinese, grouped as the index is: the index, the documents, the attachments (附件).
  const fullParts: MergePart[] = [
    {
      title: INDEX_TITLE.zh,
      kind: 'pdf',
      bytes: indexBytes,
      ...(indexParsed ? { parsed: indexParsed } : {}),
    },
    ...documentFiles.map((d) => ({ ...d.part, title: d.title.zh, group: DOCUMENTS_GROUP })),
    ...attachments.map((a) => ({ ...a.part, group: ATTACHMENTS_GROUP })),
  ];
  const full = await mergeWithOutlineStreamed(fullParts, {
    title: `${c.subject.name} ${options.decision.pathway.zh}`,
    now,
    producer: PRODUCER,
    stampPages: true,
  });
  const fullEntries = [indexRow, ...rows].map((row, i) => {
    const range = full.ranges[i];
    return range ? { ...row, firstPage: range.first, lastPage: range.last } : row;
  });
  progress('full packet');
  checkCancelled(signal);

  // 5. The bilingual review copy of every generated document.
  const reviewParts: (MergePart & { kind: 'pdf' })[] = [];
  for (const doc of documents.documents) {
    checkCancelled(signal);
    reviewParts.push({
      title: `${doc.title.zh} ${doc.title.en}`,
      kind: 'pdf',
      bytes: await documents.render(doc.templateId, 'review'),
    });
    progress(`${doc.title.zh}（核对版）`);
  }
  const review = await (options.mergeReview ?? mergeWithOutline)(reviewParts, {
    title: `${c.subject.name} 双语核对版 Bilingual review`,
    now,
    producer: PRODUCER,
  });

  // 6. The portal copy sheet and the WeChat request body.
  const portal = await portalFieldsHtml(
    portalSections(c, documentLabels(), { licence: options.decision.pathwayId === 'icp-licence' }),
    {
      caseName: c.name,
      subjectName: c.subject.name,
      pathway: options.decision.pathway,
      generatedAt: now.toISOString(),
    },
    options.portalFont ? { font: options.portalFont } : {},
  );
  progress('portal fields');

  // The full packet's SHA-256 is learnt from the chunks it is written from: every scan is read (and
  // decrypted) once per build. A packet sealed before it is written reads them once more to hash it.
  let fullSha256: Promise<string> | undefined;
  const newHasher: () => { update(bytes: Uint8Array): void; digest(): string | Promise<string> } =
    options.sha256Hasher ??
    (() => {
      const parts: Uint8Array[] = [];
      return {
        update: (bytes: Uint8Array) => void parts.push(bytes.slice()),
        digest: () => collectAndHash(parts, hash),
      };
    });
  const hashedWhileRead = async function* (onScan?: ScanSink) {
    const hasher = newHasher();
    for await (const chunk of full.file.chunks(onScan)) {
      hasher.update(chunk);
      yield chunk;
    }
    fullSha256 ??= Promise.resolve(hasher.digest());
  };
  const fullFile: LazyFile = { size: full.file.size, chunks: hashedWhileRead };
  const fullPacketSha256 = async () => {
    if (!fullSha256) for await (const _ of hashedWhileRead()) void _;
    return fullSha256 as Promise<string>;
  };
  checkCancelled(signal);
  const packetFile = (path: string, part: MergePart): PacketFile => {
    if (part.kind !== 'scan') return { path, bytes: part.bytes };
    const scan = part.scan;
    return {
      path,
      lazy: {
        size: scan.size,
        sha256: scan.sha256,
        scan,
        chunks: () => scanChunks(scan),
      },
    };
  };
  const files: PacketFile[] = [
    { path: INDEX_FILE, bytes: indexBytes },
    ...documentFiles.map((d) => packetFile(d.file, d.part)),
    ...attachments.map((a) => packetFile(a.file, a.part)),
    { path: FULL_PACKET_FILE, lazy: fullFile },
    ...(reviewParts.length ? [{ path: REVIEW_FILE, bytes: review.bytes }] : []),
    { path: PORTAL_FILE, bytes: new TextEncoder().encode(portal) },
  ];

  const wechatServices = c.services.filter(
    (s): s is MiniProgram => s.kind === 'mini_program' && s.platform === 'wechat',
  );
  wechatServices.forEach((service, i) => {
    const mediaFileFor = wechatMediaResolver(service, {
      attachments: attachments.map((a) => ({ file: a.file, checklistItemId: a.meta.checklistItemId })),
      documents: documentFiles.map((d) => ({ file: d.file, templateId: d.templateId })),
    });
    const json = buildWechatFiling(c, service, mediaFileFor);
    const path = i === 0 ? WECHAT_FILE : WECHAT_FILE.replace('.json', `-${i + 1}.json`);
    files.push({ path, bytes: new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`) });
  });
  progress('wechat');

  // 7. Every path is checked before anything is written anywhere.
  for (const file of files) {
    const reason = unsafePathReason(`${folderName}/${file.path}`);
    if (reason) throw new PacketError('unsafePath', { path: file.path, reason });
  }

  const manifestFiles = async (fullPacket: string): Promise<ManifestFile[]> => {
    const listed: ManifestFile[] = [];
    for (const file of files)
      listed.push(
        'lazy' in file
          ? { path: file.path, bytes: file.lazy.size, sha256: file.lazy.sha256 ?? fullPacket }
          : { path: file.path, bytes: file.bytes.length, sha256: await hash(file.bytes) },
      );
    return listed;
  };
  const manifestOf = (files: ManifestFile[]): PacketManifest => ({
    type: 'icp-packet/manifest',
    formatVersion: 1,
    generatedAt: now.toISOString(),
    appVersion: options.appVersion,
    rulesVersion: options.rulesVersion,
    profile: { id: profile.id, name: profile.name, version: UPLOAD_PROFILES_VERSION },
    case: { id: c.id, name: c.name, schemaVersion: c.schemaVersion },
    pathway: { id: options.decision.pathwayId, ...options.decision.pathway },
    folderName,
    templates: [
      { id: packetIndexTemplate().id, version: packetIndexTemplate().version, file: INDEX_FILE },
      ...documents.documents.map((doc) => {
        const own = documentFiles.filter((d) => d.templateId === doc.templateId);
        const scans = own.flatMap((d) => (d.signed ? [d.signed.meta] : []));
        return {
          id: doc.templateId,
          version: doc.templateVersion,
          file: own[0]?.file ?? '',
          ...(scans.length
            ? {
                signed: {
                  files: own.map((d) => d.file),
                  attachmentIds: scans.map((m) => m.id),
                  contentVersion: scans[0]?.signedCopy?.contentVersion ?? '',
                },
              }
            : {}),
        };
      }),
    ],
    fullPacket: { file: FULL_PACKET_FILE, entries: fullEntries },
    attachments: [
      ...documentFiles.flatMap((d) => (d.signed ? [{ ...d.signed, signedCopyOf: d.templateId }] : [])),
      ...attachments,
    ].map((a: PreparedAttachment & { signedCopyOf?: string }) => ({
      file: a.file,
      attachmentId: a.meta.id,
      checklistItemId: a.meta.checklistItemId,
      mediaType: a.meta.mediaType === 'application/pdf' ? 'application/pdf' : 'image/jpeg',
      ...(a.widthPx === undefined ? {} : { widthPx: a.widthPx, heightPx: a.heightPx }),
      pages: a.pages,
      reencoded: a.reencoded,
      ...(a.signedCopyOf ? { signedCopyOf: a.signedCopyOf } : {}),
    })),
    files,
  });
  const manifestBytes = (manifest: PacketManifest) =>
    new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  // Listed before the full packet is hashed, with a stand-in of the same length (SHA-256 hex is always 64
  // characters), so manifest.json's size is known before it is written.
  const listed = await manifestFiles('0'.repeat(64));
  const size = manifestBytes(manifestOf(listed)).length;
  let sealed: Promise<SealedManifest> | undefined;
  const seal = () =>
    (sealed ??= (async () => {
      const fullPacket = await fullPacketSha256();
      const manifest = manifestOf(
        listed.map((f) => (f.path === FULL_PACKET_FILE ? { ...f, sha256: fullPacket } : f)),
      );
      const bytes = manifestBytes(manifest);
      if (bytes.length !== size) throw new Error('manifest.json changed size when sealed');
      return { manifest, bytes, sha256: await hash(bytes) };
    })());
  files.push({
    path: MANIFEST_FILE,
    lazy: {
      size,
      chunks: async function* () {
        yield (await seal()).bytes;
      },
    },
  });
  progress('manifest');
  return { folderName, files, seal };
}
