/**
 * The `.icpcase` file: one zip that carries a case to a colleague or an agency.
 *
 *   manifest.json               { format: "icpcase", version: 1, exportedAt, encryption, attachments[] }
 *   case.json                   the case document (current schema)
 *   attachments/<sha256>.<ext>  each attached file once (jpg, png, pdf)
 *
 * By default the contents are plain: the user chose to hand the case to someone else, and a plain zip can be
 * opened by the recipient's tools too (the UI warns that it contains identity documents). With a passphrase,
 * `case.json.enc` and `attachments/<sha256>.enc` are AES-256-GCM encrypted under a random key, which the
 * manifest carries wrapped by the passphrase (scrypt). The manifest itself never holds personal data.
 *
 * The change history stays behind: it is the sender's audit trail, and the recipient starts a fresh one.
 *
 * What an archive proves (README "Moving a case"): the manifest holds the SHA-256 of `case.json` and of every
 * attachment, so damage and an edit that did not also rewrite the manifest are refused. In a plain archive
 * that is all: whoever edits `case.json` can recompute its hash, so a plain archive cannot prove who made it
 * or that nobody changed it. Only a passphrase-protected one can: AES-256-GCM authenticates every entry, so
 * a changed byte fails to decrypt unless the editor knew the passphrase.
 */
import * as z from 'zod';
import { restore } from '../../core/model/restore';
import type { Case } from '../../core/model/case';
import { DecryptError, Purpose, decrypt, encrypt, newDataKey } from './crypto';
import { StoreError } from './errors';
import { PassphraseKeyProvider } from './keys';
import { MAX_ATTACHMENT_BYTES, inspectAttachment, sha256Hex, sniffMediaType } from './attachments';
import { readZipSafely, writeZip, type ZipLimits } from './zip';

export const ICPCASE_FORMAT = 'icpcase';
export const ICPCASE_VERSION = 1;
export const ICPCASE_LIMITS: ZipLimits = {
  maxEntries: 1024,
  // An attachment at the limit plus the encryption header and tag.
  maxEntryBytes: MAX_ATTACHMENT_BYTES + 64,
  maxTotalBytes: 1024 * 1024 * 1024,
};

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' } as const;

const ManifestSchema = z.object({
  format: z.literal(ICPCASE_FORMAT),
  version: z.literal(ICPCASE_VERSION),
  exportedAt: z.string(),
  caseFile: z.enum(['case.json', 'case.json.enc']),
  /**
   * SHA-256 of the plaintext of `case.json` (plain archives; an encrypted entry is authenticated already).
   * Absent in archives made before it existed.
   */
  caseSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  encryption: z
    .object({ method: z.literal('aes-256-gcm'), wrappedKey: z.string().min(1).max(4096) })
    .nullable(),
  attachments: z
    .array(
      z.object({
        id: z.string().regex(/^[0-9a-f]{64}$/),
        file: z.string().regex(/^attachments\/[0-9a-f]{64}\.(jpg|png|pdf|enc)$/),
        bytes: z.number().int().min(0),
      }),
    )
    .max(ICPCASE_LIMITS.maxEntries),
});
type Manifest = z.infer<typeof ManifestSchema>;

export async function exportCaseArchive(
  c: Case,
  attachments: Map<string, Buffer>,
  options: { passphrase?: string; now: Date; passphraseCostLog2?: number },
): Promise<Uint8Array> {
  const key = options.passphrase ? newDataKey() : undefined;
  const seal = (name: string, data: Uint8Array): Uint8Array =>
    key ? encrypt(key, data, Purpose.exportEntry, name) : data;
  const entries: { name: string; data: Uint8Array; stored?: boolean }[] = [];
  const listed: Manifest['attachments'] = [];
  for (const meta of c.attachments) {
    const data = attachments.get(meta.id);
    if (!data || listed.some((l) => l.id === meta.id)) continue;
    const file = `attachments/${meta.id}.${key ? 'enc' : EXTENSIONS[meta.mediaType]}`;
    listed.push({ id: meta.id, file, bytes: data.length });
    entries.push({ name: file, data: seal(file, data), stored: true });
  }
  const caseFile = key ? 'case.json.enc' : 'case.json';
  const caseJson = Buffer.from(JSON.stringify(c, null, 2), 'utf8');
  entries.unshift({ name: caseFile, data: seal(caseFile, caseJson) });
  const wrappedKey = key
    ? (
        await new PassphraseKeyProvider(options.passphrase ?? '', {
          costLog2: options.passphraseCostLog2,
        }).wrap(key)
      ).toString('base64')
    : undefined;
  const manifest: Manifest = {
    format: ICPCASE_FORMAT,
    version: ICPCASE_VERSION,
    exportedAt: options.now.toISOString(),
    caseFile,
    ...(key ? {} : { caseSha256: sha256Hex(caseJson) }),
    encryption: wrappedKey ? { method: 'aes-256-gcm', wrappedKey } : null,
    attachments: listed,
  };
  entries.unshift({ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8') });
  return writeZip(entries);
}

function readManifest(files: Map<string, Uint8Array>): Manifest {
  const bytes = files.get('manifest.json');
  if (!bytes) throw new StoreError('importInvalid', { reason: 'noManifest' });
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new StoreError('importInvalid', { reason: 'manifestNotJson' });
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== ICPCASE_FORMAT)
    throw new StoreError('importInvalid', { reason: 'notIcpcase' });
  if (head.data.version !== ICPCASE_VERSION) {
    throw new StoreError('importUnknownVersion', { version: head.data.version, supported: ICPCASE_VERSION });
  }
  const manifest = ManifestSchema.safeParse(raw);
  if (!manifest.success) throw new StoreError('importInvalid', { reason: 'manifestInvalid' });
  return manifest.data;
}

/**
 * Reads an `.icpcase` completely and checks everything before the caller writes a byte: the zip's safety
 * (zip.ts), the manifest version, the passphrase, the case through restore(), and every attachment against
 * its SHA-256 and accepted types.
 */
export async function importCaseArchive(
  bytes: Uint8Array,
  options: {
    passphrase?: string;
    /**
     * Decode every image and parse every PDF (verify-media.ts) — on by default: the store trusts what it
     * imported for good. The CLI turns it off for commands that never read the attachments (check, decide …);
     * its build decodes each scan when it normalises it.
     */
    verifyMedia?: boolean;
  },
): Promise<{ case: Case; attachments: Map<string, Buffer> }> {
  if (bytes.length > ICPCASE_LIMITS.maxTotalBytes) {
    throw new StoreError('importTooLarge', { bytes: bytes.length, limitBytes: ICPCASE_LIMITS.maxTotalBytes });
  }
  const files = readZipSafely(bytes, ICPCASE_LIMITS);
  const manifest = readManifest(files);

  let key: Buffer | undefined;
  if (manifest.encryption) {
    if (!options.passphrase) throw new StoreError('passphraseRequired');
    key = await new PassphraseKeyProvider(options.passphrase).unwrap(
      Buffer.from(manifest.encryption.wrappedKey, 'base64'),
    );
  } else if (manifest.caseFile !== 'case.json') {
    throw new StoreError('importInvalid', { reason: 'manifestInvalid' });
  }
  const open = (name: string): Buffer => {
    const data = files.get(name);
    if (!data) throw new StoreError('importInvalid', { reason: 'missingEntry', name });
    if (!key) return Buffer.from(data);
    try {
      return decrypt(key, data, Purpose.exportEntry, name);
    } catch (error) {
      throw new StoreError('importInvalid', {
        reason: error instanceof DecryptError ? 'damagedEntry' : 'decrypt',
        name,
      });
    }
  };

  let raw: unknown;
  try {
    const caseJson = open(manifest.caseFile);
    if (manifest.caseSha256 !== undefined && sha256Hex(caseJson) !== manifest.caseSha256)
      throw new StoreError('importInvalid', { reason: 'checksumMismatch', name: manifest.caseFile });
    raw = JSON.parse(caseJson.toString('utf8'));
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('importInvalid', { reason: 'caseNotJson' });
  }
  const restored = restore(raw);
  if (!restored.ok) {
    if (restored.code === 'newerVersion')
      throw new StoreError('caseNewerVersion', { reason: restored.details });
    throw new StoreError('importInvalid', { reason: 'caseInvalid', details: restored.details.slice(0, 300) });
  }

  const attachments = new Map<string, Buffer>();
  for (const meta of restored.case.attachments) {
    if (attachments.has(meta.id)) continue;
    const listed = manifest.attachments.find((a) => a.id === meta.id);
    if (!listed) throw new StoreError('importInvalid', { reason: 'missingAttachment', id: meta.id });
    const data = open(listed.file);
    const kind = sniffMediaType(data);
    if (sha256Hex(data) !== meta.id || data.length > MAX_ATTACHMENT_BYTES || !kind.accepted) {
      throw new StoreError('importInvalid', { reason: 'attachmentMismatch', id: meta.id });
    }
    if (options.verifyMedia !== false) {
      try {
        await inspectAttachment(data);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        // Whole as sent (its hash matches) but not a readable scan: the sender's file was already damaged.
        throw new StoreError('importInvalid', {
          reason: 'attachmentDamaged',
          id: meta.id,
          name: meta.originalName.slice(0, 200),
          problem: error.code,
        });
      }
    }
    attachments.set(meta.id, data);
  }
  return { case: restored.case, attachments };
}
