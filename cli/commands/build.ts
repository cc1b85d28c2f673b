/**
 * `icp-packet build <case.json|case.icpcase> --out <dir> [--zip] [--profile wechat|aliyun|tencent]`
 *
 * Builds the submission packet of a case (DESIGN.md §5) into `<dir>/<case>-<pathway>-<yyyymmdd>/` and, with
 * `--zip`, a zip beside it.
 *
 * Where attachments are found:
 * - `.icpcase`: inside the archive (imported through the store's reader, which checks every SHA-256; an
 *   encrypted archive needs `--passphrase`);
 * - `case.json`: next to it, named by SHA-256 — `attachments/<sha256>.<ext>` (the layout `icp-packet sample`
 *   writes and .icpcase uses), or `<sha256>.<ext>` beside the case file; `<ext>` is jpg, png or pdf, or none.
 *
 * Normalised scans: the first build writes each scan's copy at the profile beside it (`<sha256>.jpg` and a
 * `<sha256>.<key>.scan.json` note, host/packet/scan-cache.ts); later builds stream those copies. A folder
 * that cannot be written only means the copies are made again. An `.icpcase` is read in memory.
 *
 * Profile: `--profile`, else `wechat` when the case has a WeChat mini-program and `aliyun` otherwise.
 * Exit codes: 0 built · 1 the case has problems (pre-flight errors or unacknowledged warnings, scans that
 * cannot meet the profile) · 2 bad input (unreadable case, missing attachment, bad option, folder exists).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import type { AttachmentMeta, Case } from '../../core/model/case';
import { restore } from '../../core/model/restore';
import { PacketError } from '../../core/packet/errors';
import { isProfileId, type ProfileId } from '../../core/packet/profiles';
import { importCaseArchive } from '../../host/store/icpcase';
import { StoreError } from '../../host/store/errors';
import { exportPacket } from '../../host/packet/export-packet';
import { ScanCache, folderScanStore } from '../../host/packet/scan-cache';
import type { ScanSource } from '../../core/packet/types';
import type { Language } from '../../core/i18n/language';
import { cliLanguage, formatIssues, message, packetErrorText } from '../packet-messages';
import type { CliCommand, CliIo } from '../command';

const EXTENSIONS: Record<AttachmentMeta['mediaType'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

interface LoadedCase {
  case: Case;
  readAttachment: (meta: AttachmentMeta) => Promise<Uint8Array>;
  prepareScan?: (meta: AttachmentMeta, profile: ProfileId) => Promise<ScanSource>;
}

class InputError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Finds each attachment of a case.json next to it; all of them, before anything is built. */
async function attachmentFiles(c: Case, caseFile: string, lang: Language): Promise<Map<string, string>> {
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
    if (!hit)
      throw new InputError(message(lang, 'attachmentNotFound', { name: meta.originalName, id: meta.id }));
    found.set(meta.id, hit);
  }
  return found;
}

async function loadCase(file: string, passphrase: string | undefined, lang: Language): Promise<LoadedCase> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(
      message(lang, 'caseUnreadable', {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
    );
  }
  // An .icpcase is a zip whatever it is called; a case.json is text.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const imported = await importCaseArchive(bytes, passphrase ? { passphrase } : {});
      return {
        case: imported.case,
        readAttachment: async (meta) => {
          const data = imported.attachments.get(meta.id);
          if (!data) throw new PacketError('attachmentMissing', { name: meta.originalName, id: meta.id });
          return new Uint8Array(data);
        },
      };
    } catch (error) {
      if (error instanceof StoreError) {
        throw new InputError(
          message(lang, 'caseInvalid', {
            file,
            code: error.code,
            reason: JSON.stringify(error.details ?? {}),
          }),
        );
      }
      throw error;
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError(
      message(lang, 'caseInvalid', { file, code: 'notJson', reason: (error as Error).message }),
    );
  }
  const restored = restore(raw);
  if (!restored.ok) {
    throw new InputError(
      message(lang, 'caseInvalid', { file, code: restored.code, reason: restored.details }),
    );
  }
  const files = await attachmentFiles(restored.case, file, lang);
  const readById = async (id: string) => new Uint8Array(await readFile(files.get(id) ?? ''));
  // One cache per folder the scans sit in (normally just attachments/).
  const caches = new Map<string, ScanCache>();
  const cacheFor = (id: string) => {
    const dir = path.dirname(files.get(id) ?? file);
    let cache = caches.get(dir);
    if (!cache) {
      cache = new ScanCache(folderScanStore(dir), readById);
      caches.set(dir, cache);
    }
    return cache;
  };
  return {
    case: restored.case,
    readAttachment: (meta) => readById(meta.id),
    prepareScan: (meta, profile) => cacheFor(meta.id).scanSource(meta, profile),
  };
}

function defaultProfile(c: Case): ProfileId {
  return c.services.some((s) => s.kind === 'mini_program' && s.platform === 'wechat') ? 'wechat' : 'aliyun';
}

async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = (argv: string[]) =>
    parseArgs({
      args: argv,
      options: {
        out: { type: 'string', short: 'o' },
        zip: { type: 'boolean' },
        profile: { type: 'string' },
        'accept-warnings': { type: 'boolean' },
        force: { type: 'boolean' },
        passphrase: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  try {
    parsed = parse(args);
  } catch (error) {
    const lang = cliLanguage(undefined);
    io.stderr(message(lang, 'badOption', { detail: error instanceof Error ? error.message : String(error) }));
    io.stderr(message(lang, 'usageBuild'));
    return 2;
  }
  const { values, positionals } = parsed;
  const lang = cliLanguage(values.lang);
  if (values.help) {
    io.stdout(message(lang, 'usageBuild'));
    return 0;
  }
  const [caseArg, ...extra] = positionals;
  if (!caseArg || !values.out || extra.length) {
    io.stderr(message(lang, 'usageBuild'));
    return 2;
  }
  if (values.profile !== undefined && !isProfileId(values.profile)) {
    io.stderr(message(lang, 'unknownProfile', { profile: values.profile }));
    return 2;
  }

  let loaded: LoadedCase;
  try {
    loaded = await loadCase(path.resolve(io.cwd, caseArg), values.passphrase, lang);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(error.text);
      return 2;
    }
    throw error;
  }

  const profile = (values.profile as ProfileId | undefined) ?? defaultProfile(loaded.case);
  try {
    const result = await exportPacket({
      case: loaded.case,
      readAttachment: loaded.readAttachment,
      ...(loaded.prepareScan ? { prepareScan: loaded.prepareScan } : {}),
      profile,
      outDir: path.resolve(io.cwd, values.out),
      zip: values.zip ?? false,
      replace: values.force ?? false,
      acceptWarnings: values['accept-warnings'] ?? false,
      now: new Date(),
      appVersion: packageJson.version,
    });
    if (result.acceptedWarnings.length) {
      io.stdout(message(lang, 'acceptedWarnings', { count: result.acceptedWarnings.length }));
      io.stdout(formatIssues(lang, result.acceptedWarnings));
    }
    if (result.alternativePathway) {
      io.stdout(message(lang, 'alternativePathway', { pathway: result.packet.manifest.pathway.en }));
    }
    io.stdout(message(lang, 'built', { folder: result.folder, files: result.packet.files.length, profile }));
    if (result.zip) io.stdout(message(lang, 'builtZip', { zip: result.zip }));
    return 0;
  } catch (error) {
    if (error instanceof PacketError) {
      io.stderr(packetErrorText(lang, error));
      return error.code === 'folderExists' || error.code === 'unsafePath' ? 2 : 1;
    }
    throw error;
  }
}

export const buildCommand: CliCommand = {
  name: 'build',
  usage: 'build <case.json|case.icpcase> --out <dir> [--zip] [--profile wechat|aliyun|tencent]',
  summary: 'build the submission packet (folder, and zip with --zip); --accept-warnings, --force',
  run,
};
