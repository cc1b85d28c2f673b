/**
 * The one way a command reads a case: a case.json, or an .icpcase exported by the app (File → Export case),
 * told apart by content — an .icpcase is a zip whatever it is called. A case.json goes through restore(); an
 * .icpcase through the store's archive reader (host/store/icpcase.ts), which checks the zip, the manifest's
 * format version, the passphrase, the case (restore() again) and every attachment's SHA-256 before anything
 * is used. Every refusal is an InputError, worded once for all commands (cli/messages.ts).
 *
 * Attachments, for the commands that need them (build):
 * - `.icpcase`: inside the archive, already checked, held in memory;
 * - `case.json`: next to it, named by SHA-256 — `attachments/<sha256>.<ext>` (the layout `icp-packet sample`
 *   writes and .icpcase uses), or `<sha256>.<ext>` beside the case file; `<ext>` is jpg, png or pdf, or none.
 *   Each scan's normalised copy is kept beside it (host/packet/scan-cache.ts), so later builds stream it.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { MAX_ATTACHMENT_BYTES, sniffMediaType } from '../host/store/attachments';
import path from 'node:path';
import type { AttachmentMeta, Case } from '../core/model/case';
import { restore } from '../core/model/restore';
import { PacketError } from '../core/packet/errors';
import type { ProfileId } from '../core/packet/profiles';
import type { ScanSource } from '../core/packet/types';
import type { ScanCache } from '../host/packet/scan-cache';
import { StoreError } from '../host/store/errors';
import type { importCaseArchive } from '../host/store/icpcase';
import type { CliIo } from './command';
import { InputError } from './define-command';
import { CASE_FILE_LIMITS, jsonValue, readInputFile, type InputFile } from './files';

export interface CaseAttachments {
  readAttachment: (meta: AttachmentMeta) => Promise<Uint8Array>;
  /** A case.json's scans, normalised once and kept beside them; an .icpcase's are normalised in memory. */
  prepareScan?: (meta: AttachmentMeta, profile: ProfileId) => Promise<ScanSource>;
}

export interface CaseInput {
  case: Case;
  /** The full path of the file read. */
  file: string;
  format: 'case.json' | 'icpcase';
  /** Every attachment of the case, found before anything is built (a missing one is an InputError). */
  attachments: () => Promise<CaseAttachments>;
}

export interface ReadCaseOptions {
  /** For an encrypted .icpcase (exported with a passphrase); ignored for anything else. */
  passphrase?: string | undefined;
}

/**
 * Each PDF attachment parsed completely the first time a build reads it (host/store/verify-media.ts): a CLI
 * case's files were never checked by the app, and a PDF has no normalised copy to vouch for it. Images are
 * decoded to the end by the normaliser, which every first build of a scan runs.
 */
function verifyingPdfs(read: (meta: AttachmentMeta) => Promise<Uint8Array>) {
  const verified = new Set<string>();
  return async (meta: AttachmentMeta): Promise<Uint8Array> => {
    const bytes = await read(meta);
    if (meta.mediaType === 'application/pdf' && !verified.has(meta.id)) {
      const { verifyPdf } = await import('../host/store/verify-media');
      try {
        await verifyPdf(bytes);
      } catch (error) {
        if (error instanceof StoreError)
          throw new PacketError('attachmentUnreadable', { name: meta.originalName });
        throw error;
      }
      verified.add(meta.id);
    }
    return bytes;
  };
}

const EXTENSIONS: Record<AttachmentMeta['mediaType'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** A zip starts with a local header (PK\3\4), or is empty (PK\5\6). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** What the store's archive reader refused, in the words the CLI uses for it. */
function archiveRefusal(file: string, error: StoreError): InputError {
  const details = error.details ?? {};
  const reason = String(details.reason ?? error.code);
  switch (error.code) {
    case 'passphraseRequired':
      return new InputError('passphraseRequired', { file });
    case 'wrongPassphrase':
      return new InputError('wrongPassphrase', { file });
    case 'caseNewerVersion':
      return new InputError('caseNewerVersion', { file, details: reason });
    case 'importUnknownVersion':
      return Number(details.version) > Number(details.supported)
        ? new InputError('archiveNewerVersion', {
            file,
            version: details.version ?? '',
            supported: details.supported ?? '',
          })
        : new InputError('archiveDamaged', { file, reason: `formatVersion ${String(details.version)}` });
    case 'importUnsafeEntry':
      return new InputError('archiveUnsafe', {
        file,
        reason: details.name ? `${reason}: ${details.name}` : reason,
      });
    case 'importTooLarge':
      return new InputError('archiveTooLarge', { file });
    case 'importTooManyEntries':
      return new InputError('archiveTooManyEntries', {
        file,
        entries: details.entries ?? '',
        limit: details.limit ?? '',
      });
    case 'importInvalid':
      switch (reason) {
        case 'attachmentDamaged':
          return new InputError('archiveDamaged', {
            file,
            reason: `${String(details.name ?? details.id)}: ${String(details.problem ?? 'attachmentUnreadable')}`,
          });
        case 'noManifest':
        case 'notIcpcase':
          return new InputError('archiveNotACase', { file, manifest: reason === 'notIcpcase' });
        case 'checksumMismatch':
          return new InputError('archiveChecksum', { file, entry: String(details.name ?? '') });
        case 'damagedEntry':
          return new InputError('archiveChecksum', { file, entry: String(details.name ?? '') });
        case 'attachmentMismatch':
          return new InputError('archiveChecksum', { file, entry: `attachments/${String(details.id)}` });
        case 'caseInvalid':
          return new InputError('caseInvalid', { file, details: String(details.details ?? '') });
        case 'missingEntry':
          return new InputError('archiveDamaged', { file, reason: `missingEntry ${String(details.name)}` });
        case 'missingAttachment':
          return new InputError('archiveDamaged', {
            file,
            reason: `missingAttachment ${String(details.id)}`,
          });
        default:
          return new InputError('archiveDamaged', { file, reason });
      }
    default:
      // keyUnavailable: the wrapped key in the manifest is damaged.
      return new InputError('archiveDamaged', {
        file,
        reason: `${error.code}${details.reason ? ` ${reason}` : ''}`,
      });
  }
}

async function readArchive(input: InputFile, options: ReadCaseOptions): Promise<CaseInput> {
  let imported: Awaited<ReturnType<typeof importCaseArchive>>;
  try {
    // Loaded for an .icpcase only: a case.json never pays for the zip reader and its inflate tables.
    const archives = await import('../host/store/icpcase');
    // The media are checked when a build reads them (below, and the normaliser): check and decide never do.
    imported = await archives.importCaseArchive(input.bytes, {
      ...(options.passphrase ? { passphrase: options.passphrase } : {}),
      verifyMedia: false,
    });
  } catch (error) {
    if (error instanceof StoreError) throw archiveRefusal(input.file, error);
    throw error;
  }
  const readAttachment = async (meta: AttachmentMeta) => {
    const data = imported.attachments.get(meta.id);
    if (!data) throw new PacketError('attachmentMissing', { name: meta.originalName, id: meta.id });
    return new Uint8Array(data);
  };
  return {
    case: imported.case,
    file: input.file,
    format: 'icpcase',
    attachments: async () => ({ readAttachment: verifyingPdfs(readAttachment) }),
  };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Finds each attachment of a case.json next to it; all of them, before anything is built. */
async function attachmentFiles(c: Case, caseFile: string): Promise<Map<string, string>> {
  const dir = path.dirname(caseFile);
  const found = new Map<string, string>();
  for (const meta of c.attachments) {
    const ext = EXTENSIONS[meta.mediaType];
    const candidates = [
      path.join(dir, 'attachments', `${meta.id}.${ext}`),
      path.join(dir, 'attachments', meta.id),
      path.join(dir, `${meta.id}.${ext}`),
      path.join(dir, meta.id),
    ];
    let hit: string | undefined;
    for (const candidate of candidates) {
      if (await isFile(candidate)) {
        hit = candidate;
        break;
      }
    }
    if (!hit) throw new InputError('attachmentNotFound', { name: meta.originalName, id: meta.id });
    found.set(meta.id, hit);
  }
  return found;
}

async function attachmentsBeside(c: Case, caseFile: string): Promise<CaseAttachments> {
  const files = await attachmentFiles(c, caseFile);
  // Loaded here, not at the top: normalising scans needs sharp, which only `build` uses — `check` and
  // `decide` read a case without loading it.
  const { ScanCache, folderScanStore } = await import('../host/packet/scan-cache');
  const readById = async (id: string) => {
    const file = files.get(id) ?? '';
    // Only a regular file of at most the attachment limit (attachmentFiles checked it is a file).
    const info = await stat(file);
    if (info.size > MAX_ATTACHMENT_BYTES)
      throw new PacketError('attachmentTooLarge', {
        name: path.basename(file),
        bytes: info.size,
        maxBytes: MAX_ATTACHMENT_BYTES,
      });
    return new Uint8Array(await readFile(file));
  };
  // One cache per folder the scans sit in (normally just attachments/).
  const caches = new Map<string, ScanCache>();
  const cacheFor = (id: string) => {
    const dir = path.dirname(files.get(id) ?? caseFile);
    let cache = caches.get(dir);
    if (!cache) {
      cache = new ScanCache(folderScanStore(dir), readById);
      caches.set(dir, cache);
    }
    return cache;
  };
  // A case file written by hand (or by someone else) may call a PNG a JPEG: the bytes must be what the case
  // says they are, or the packet would be built from a file nobody checked as that (issue 22 point 2).
  const typeChecked = new Set<string>();
  const checkType = async (meta: AttachmentMeta) => {
    const file = files.get(meta.id);
    if (typeChecked.has(meta.id) || file === undefined) return; // a missing file is reported where it is read
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(1024); // a PDF's header may sit anywhere in its first kilobyte
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const kind = sniffMediaType(head.subarray(0, bytesRead));
      if (!kind.accepted || kind.mediaType !== meta.mediaType)
        throw new PacketError('attachmentUnreadable', { name: meta.originalName });
    } finally {
      await handle.close();
    }
    typeChecked.add(meta.id);
  };
  return {
    readAttachment: verifyingPdfs(async (meta) => {
      await checkType(meta);
      return readById(meta.id);
    }),
    prepareScan: async (meta, profile) => {
      await checkType(meta);
      return cacheFor(meta.id).scanSource(meta, profile);
    },
  };
}

function caseFromJson(file: string, raw: unknown): CaseInput {
  const restored = restore(raw);
  if (!restored.ok) {
    if (restored.code === 'unknownKeys')
      throw new InputError('caseUnknownKeys', { file, keys: restored.details });
    const key =
      restored.code === 'newerVersion'
        ? 'caseNewerVersion'
        : restored.code === 'notACase'
          ? 'notACase'
          : 'caseInvalid';
    throw new InputError(key, { file, details: restored.details });
  }
  const c = restored.case;
  return { case: c, file, format: 'case.json', attachments: () => attachmentsBeside(c, file) };
}

/** A case (either form), or JSON that is not one, with the full path of its file. */
export type CaseOrJson = { case: CaseInput } | { json: unknown; file: string };

/**
 * For `decide`, whose file holds answers or a whole case: a case (an .icpcase, or JSON with a
 * `schemaVersion`) is read as readCase() reads it; any other JSON is returned for the caller to check.
 */
export async function readCaseOrJson(
  file: string,
  io: CliIo,
  options: ReadCaseOptions = {},
): Promise<CaseOrJson> {
  const input = await readInputFile(file, io, CASE_FILE_LIMITS);
  if (isZip(input.bytes)) {
    // The environment keeps the passphrase out of the process list (and the shell history); the option wins —
    // unless it is empty: `--passphrase ""` (an unset shell variable) must not hide a correct environment one.
    const passphrase = options.passphrase || io.env?.[PASSPHRASE_ENV] || undefined;
    return { case: await readArchive(input, { passphrase }) };
  }
  let raw: unknown;
  try {
    raw = jsonValue(input);
  } catch (error) {
    // Named .icpcase but not a zip: a damaged copy, not a JSON typo.
    if (error instanceof InputError && input.file.toLowerCase().endsWith('.icpcase'))
      throw new InputError('archiveDamaged', { file: input.file, reason: 'notAZip' });
    throw error;
  }
  if (typeof raw === 'object' && raw !== null && 'schemaVersion' in raw)
    return { case: caseFromJson(input.file, raw) };
  return { json: raw, file: input.file };
}

/** A case.json or an .icpcase, restored and checked; anything else is an InputError saying why. */
export async function readCase(file: string, io: CliIo, options: ReadCaseOptions = {}): Promise<CaseInput> {
  const result = await readCaseOrJson(file, io, options);
  // JSON that is no case: restore() says what it lacks.
  return 'case' in result ? result.case : caseFromJson(result.file, result.json);
}

/** Where an encrypted .icpcase's passphrase may come from instead of --passphrase. */
export const PASSPHRASE_ENV = 'ICP_PACKET_PASSPHRASE';

/** The options and operand of every command that reads a case (its usage: `CASE` in cli/main.ts). */
export const CASE_OPTIONS = { passphrase: { type: 'string' } } as const;
export const ONE_CASE = {
  en: 'one case file (case.json or .icpcase)',
  'zh-CN': '一个申请文件（case.json 或 .icpcase）',
} as const;
