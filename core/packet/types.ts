/**
 * The inputs and output of packet assembly. Everything that touches disk, native code or the document
 * engine's resources is passed in, so assembly runs the same in the CLI, in Electron's main process and in
 * tests.
 */
import type { AttachmentMeta } from '../model/case';
import type { ProfileId } from './profiles';

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Told each scan a file embeds as the file's chunks reach it: every piece of the scan's bytes in order
 * (`chunk`), then `end` once the scan is whole and its source has checked it. A source that finds its bytes
 * damaged throws after some pieces went by: whatever the sink wrote from them must be discarded.
 */
export interface ScanSink {
  chunk(scan: ScanSource, bytes: Uint8Array): Promise<void>;
  end(scan: ScanSource): Promise<void>;
}

/**
 * A file whose bytes are produced while it is written (the full packet, the scans): `chunks()` yields them in
 * order and may be called again; `size` is known up front, `sha256` once assembly has hashed it. A file that
 * embeds scans (the full packet) hands each one's bytes to `onScan` when it reads them, so a writer can write
 * the scan's own file from the same read.
 */
export interface LazyFile {
  size: number;
  chunks(onScan?: ScanSink): AsyncIterable<Uint8Array>;
}

/** One file of the packet, relative to the packet folder (`/`-separated): in memory, or written from a source. */
export type PacketFile =
  | { path: string; bytes: Uint8Array }
  | {
      path: string;
      /**
       * `scan`: the file is exactly this scan's bytes (which the full packet embeds too). `sha256` absent:
       * learnt from the bytes as they are written (the full packet, and manifest.json which names its hash).
       */
      lazy: LazyFile & { sha256?: string; scan?: ScanSource };
    };

/**
 * A scan brought to the upload profile, not necessarily in memory: the packet reads it (`read()`) when it
 * writes the file and again when it writes the merged PDF. The app and the CLI keep these normalised copies
 * beside the originals, made once when the scan is attached (host/packet/scan-cache.ts).
 */
export interface ScanSource {
  /** Bytes of the normalised JPEG. */
  size: number;
  sha256: string;
  width: number;
  height: number;
  components: 1 | 3 | 4;
  /** False when the original already met the profile and is used byte for byte. */
  reencoded: boolean;
  read(): Promise<Uint8Array>;
  /**
   * The same bytes as `read()`, in pieces (a megabyte from the case store), so a scan is never whole in memory
   * while the packet is written (the case store decrypts it piece by piece). The source's checks (size,
   * authentication, SHA-256) run as the last piece is taken: on damage it throws after earlier pieces
   * went by, and what was written from them must be discarded. Absent: one piece, `read()`'s.
   */
  stream?(): AsyncIterable<Uint8Array>;
}

export interface NormalisedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** False when the scan already met the profile and was kept byte for byte. */
  reencoded: boolean;
}

/** A generated document that applies to the case, in submission order. */
export interface PacketDocument {
  templateId: string;
  templateVersion: number;
  title: Bilingual;
}

/** The document engine, bound to the case, its decision and the fonts. */
export interface DocumentSource {
  /** The documents this case needs, in submission order. */
  documents: readonly PacketDocument[];
  render(templateId: string, variant: 'submission' | 'review'): Promise<Uint8Array>;
  /** The 目录 page(s): one row per entry, page ranges already worked out. */
  renderIndex(index: PacketIndex): Promise<Uint8Array>;
  /**
   * The number of pages `renderIndex(index)` would draw, from the layout alone: the index's own length
   * shifts every page range, and settling it costs a layout per try instead of a drawing and a parse.
   */
  indexPageCount?(index: PacketIndex): number;
}

export interface PacketIndexRow {
  /** 1-based position in the packet (the index itself is 0). */
  number: number;
  title: Bilingual;
  /** File name in the packet folder, e.g. `附件 Attachments/营业执照.jpg`. */
  file: string;
  firstPage: number;
  lastPage: number;
}

export interface PacketIndex {
  caseName: string;
  subjectName: string;
  pathway: Bilingual;
  /** ISO date the packet was made, for the index's date line. */
  date: string;
  rows: PacketIndexRow[];
  totalPages: number;
}

/** The checklist entry an attachment satisfies, as far as the packet needs it. */
export interface PacketChecklistItem {
  /** The `checklistItemId` attachments carry (`<entry>` or `<entry>@<service id | sector>`). */
  id: string;
  /** The entry of templates/rules/checklist.json. */
  entryId: string;
  serviceId?: string;
  sector?: string;
  name: Bilingual;
}

export interface PacketDecision {
  /** Machine id of the pathway, used in the folder name, e.g. `filing`, `licence`. */
  pathwayId: string;
  pathway: Bilingual;
}

export interface AssembleOptions {
  decision: PacketDecision;
  /** Checklist items in checklist order; attachments are named and ordered by them. */
  checklist: readonly PacketChecklistItem[];
  documents: DocumentSource;
  /** The attachment's plaintext bytes (verified against its SHA-256 by assembly). */
  readAttachment: (meta: AttachmentMeta) => Promise<Uint8Array>;
  normaliseImage: (bytes: Uint8Array, profile: ProfileId, name: string) => Promise<NormalisedImage>;
  /**
   * The scan of an image attachment at the profile, from the host's store of normalised copies. When given,
   * image attachments are neither read nor normalised in memory by assembly: it only reads them while the
   * packet is written, one at a time. Throws PacketError like normaliseImage.
   */
  prepareScan?: (meta: AttachmentMeta, profile: ProfileId) => Promise<ScanSource>;
  /**
   * Merges the review copy's documents (merge.ts mergeWithOutline, which it must answer like): the host
   * keeps recent merges by content, so exporting the same documents again merges nothing. Absent: merged.
   */
  mergeReview?: (
    parts: readonly { title: string; kind: 'pdf'; bytes: Uint8Array }[],
    meta: { title: string; now: Date; producer: string },
  ) => Promise<{ bytes: Uint8Array; ranges: { first: number; last: number }[] }>;
  /**
   * An incremental SHA-256 (node:crypto's on the host): the full packet is hashed from the chunks it is
   * written from. Without one, assembly collects the chunks and uses `sha256`.
   */
  sha256Hasher?: () => { update(bytes: Uint8Array): void; digest(): string };
  profile: ProfileId;
  now: Date;
  appVersion: string;
  rulesVersion: string;
  /** SHA-256 as lower-case hex; Web Crypto when absent (the Node side passes node:crypto, which is faster). */
  sha256?: (bytes: Uint8Array) => Promise<string>;
  /** Progress for a progress bar: `done` of `total` steps, with the step's name. */
  onProgress?: (progress: { done: number; total: number; step: string }) => void;
  signal?: AbortSignal;
  /** The document font's bytes: portal-fields.html embeds a subset of it (no CJK font needed to read it). */
  portalFont?: Uint8Array;
  /**
   * The checked signed scans of the documents signed by hand, by template id, in page order (gate.ts
   * `signedCopiesPlan`): they go in as those documents' submission copies, never the unsigned original.
   */
  signedCopies?: ReadonlyMap<string, readonly AttachmentMeta[]>;
}

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PacketManifest {
  type: 'icp-packet/manifest';
  formatVersion: 1;
  generatedAt: string;
  appVersion: string;
  rulesVersion: string;
  profile: { id: ProfileId; name: Bilingual; version: string };
  case: { id: string; name: string; schemaVersion: number };
  pathway: { id: string } & Bilingual;
  folderName: string;
  /** Every generated document; a document signed by hand names its signed scan (`signed`). */
  templates: {
    id: string;
    version: number;
    file: string;
    /** The signed scans that are its submission copy, in page order, and the version they show. */
    signed?: { files: string[]; attachmentIds: string[]; contentVersion: string };
  }[];
  /** The documents of the full packet, in order, with their pages in it (one bookmark each). */
  fullPacket: { file: string; entries: PacketIndexRow[] };
  attachments: {
    file: string;
    attachmentId: string;
    checklistItemId: string;
    mediaType: string;
    widthPx?: number;
    heightPx?: number;
    pages?: number;
    reencoded: boolean;
    /** The document (template id) this file is the signed scan of. */
    signedCopyOf?: string;
  }[];
  /** Every file of the packet except manifest.json itself. */
  files: ManifestFile[];
}

export interface SealedManifest {
  manifest: PacketManifest;
  bytes: Uint8Array;
  sha256: string;
}

export interface AssembledPacket {
  folderName: string;
  /**
   * In write order; manifest.json last. The manifest names the full packet's SHA-256, which is learnt while
   * the full packet is written (each scan is read once per build): manifest.json's bytes are made when the
   * writer reaches it, after the full packet.
   */
  files: PacketFile[];
  /**
   * manifest.json's content. After the packet was written it is ready; before, the full packet is read once
   * more to hash it (assembly without writing: tests, previews).
   */
  seal(): Promise<SealedManifest>;
}

/** A packet once written: its manifest as manifest.json holds it. */
export type SealedPacket = Omit<AssembledPacket, 'seal'> & {
  manifest: PacketManifest;
  manifestSha256: string;
};
