/**
 * `icp-packet sample --out <dir>`: writes the bundled sample case with its scans, ready for `icp-packet build`.
 *
 * Layout (the same as inside an .icpcase, so both build the same way):
 *
 *   <dir>/case.json                      the case; `attachments[]` lists every scan by SHA-256
 *   <dir>/attachments/<sha256>.jpg       each scan, named by the SHA-256 of its bytes
 *
 * The scans are drawn (cli/sample/scans.ts) and marked 样本 / SAMPLE; each is attached to the checklist item
 * the rules compute for the sample, so the checklist shows them as provided.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import type { AttachmentMeta, Case } from '../../core/model/case';
import { CaseSchema } from '../../core/model/case';
import { sampleCase } from '../../core/model/sample-case';
import { parseFont } from '../../core/documents/font';
import { decidePathway } from '../../core/rules/decide';
import { buildChecklist } from '../../core/rules/checklist';
import { checkCase, type PreflightIssue } from '../../core/rules/preflight';
import { readDocumentFonts } from '../../electron/documents';
import { sampleScans, type SampleScanIds } from '../sample/scans';
import { cliLanguage, formatIssues, message } from '../packet-messages';
import type { CliCommand, CliIo } from '../main';

export const SAMPLE_CASE_FILE = 'case.json';
export const ATTACHMENTS_DIR = 'attachments';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The checklist ids the sample's scans attach to, as the rules compute them for the sample. */
function sampleScanIds(c: Case): SampleScanIds {
  const items = buildChecklist(c, decidePathway(c.answers));
  const find = (entryId: string) => {
    const item = items.find((i) => i.entryId === entryId);
    if (!item) throw new Error(`the sample's checklist has no "${entryId}" item`);
    return item.id;
  };
  return {
    subjectCertificate: find('subject-certificate'),
    principalPassport: find('principal-passport'),
    servicePrincipalIdFront: find('service-principal-id-front'),
    servicePrincipalIdBack: find('service-principal-id-back'),
    authorizationLetter: find('authorization-letter'),
  };
}

/** The sample case with its scans attached; returns the case and the files to write. */
export async function buildSampleCase(
  now: Date,
  resourcesDir?: string,
): Promise<{
  case: Case;
  files: { name: string; bytes: Uint8Array }[];
  acknowledgedWarnings: PreflightIssue[];
}> {
  const base = sampleCase(now);
  const fonts = await readDocumentFonts(resourcesDir);
  const scans = await sampleScans(
    base,
    { regular: parseFont(fonts.regular), bold: parseFont(fonts.bold ?? fonts.regular) },
    sampleScanIds(base),
  );
  const files: { name: string; bytes: Uint8Array }[] = [];
  const attachments: AttachmentMeta[] = scans.map((scan) => {
    const id = createHash('sha256').update(scan.jpeg).digest('hex');
    files.push({ name: `${ATTACHMENTS_DIR}/${id}.jpg`, bytes: scan.jpeg });
    return {
      id,
      checklistItemId: scan.checklistItemId,
      originalName: scan.originalName,
      mediaType: 'image/jpeg',
      bytes: scan.jpeg.length,
      widthPx: scan.width,
      heightPx: scan.height,
      addedAt: now.toISOString(),
      validFrom: scan.validFrom,
      validTo: scan.validTo,
    };
  });
  const withScans = CaseSchema.parse({ ...base, attachments });
  // The sample is a demonstration: its warnings (a disputed eligibility rule, WeChat ids only the live API
  // knows) are acknowledged as a user would after reading them, so it builds in one step. They stay listed in
  // `acknowledged`, and the sample command prints them.
  const warnings = checkCase(withScans).filter((i) => i.severity === 'warning');
  return {
    case: { ...withScans, acknowledged: warnings.map((w) => w.key) },
    files,
    acknowledgedWarnings: warnings,
  };
}

async function run(args: string[], io: CliIo): Promise<number> {
  let values: { out?: string; force?: boolean; lang?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    const lang = cliLanguage(undefined);
    io.stderr(message(lang, 'badOption', { detail: error instanceof Error ? error.message : String(error) }));
    io.stderr(message(lang, 'usageSample'));
    return 2;
  }
  const lang = cliLanguage(values.lang);
  if (values.help) {
    io.stdout(message(lang, 'usageSample'));
    return 0;
  }
  if (!values.out) {
    io.stderr(message(lang, 'usageSample'));
    return 2;
  }
  const dir = path.resolve(io.cwd, values.out);
  const caseFile = path.join(dir, SAMPLE_CASE_FILE);
  if (!values.force && (await exists(caseFile))) {
    io.stderr(message(lang, 'sampleExists', { file: caseFile }));
    return 2;
  }
  const sample = await buildSampleCase(new Date());
  await mkdir(path.join(dir, ATTACHMENTS_DIR), { recursive: true });
  for (const file of sample.files) await writeFile(path.join(dir, ...file.name.split('/')), file.bytes);
  await writeFile(caseFile, `${JSON.stringify(sample.case, null, 2)}\n`);
  io.stdout(
    message(lang, 'sampleWritten', {
      file: caseFile,
      count: sample.files.length,
      dir: path.join(dir, ATTACHMENTS_DIR),
    }),
  );
  if (sample.acknowledgedWarnings.length) {
    io.stdout(message(lang, 'sampleAcknowledged', { count: sample.acknowledgedWarnings.length }));
    io.stdout(formatIssues(lang, sample.acknowledgedWarnings));
  }
  return 0;
}

export const sampleCommand: CliCommand = {
  name: 'sample',
  usage: 'sample --out <dir>',
  summary: 'write the bundled sample case (case.json + attachments/<sha256>.jpg)',
  run,
};
