/**
 * The bundled sample case with its sample scans, for the app (Home → "Open the sample case") and the CLI
 * (`icp-packet sample`). The scans are drawn (scans.ts; its signed letters from the documents themselves,
 * signed-scans.ts) and marked 样本 / SAMPLE; each is attached to the checklist item the rules compute for
 * the sample, so the checklist shows them as provided.
 *
 * Layout of the files returned (the same as inside an .icpcase, so both build the same way):
 *
 *   case.json                      the case; `attachments[]` lists every scan by SHA-256
 *   attachments/<sha256>.jpg       each scan, named by the SHA-256 of its bytes
 */
import type { AttachmentMeta, Case } from '../../core/model/case';
import { CaseSchema } from '../../core/model/case';
import { sampleCase } from '../../core/model/sample-case';
import { parseFont } from '../../core/documents/font';
import { decidePathway } from '../../core/rules/decide';
import { buildChecklist } from '../../core/rules/checklist';
import { checkCase, type PreflightIssue } from '../../core/rules/preflight';
import { readDocumentFonts } from '../documents';
import { sampleScans, scanAttachment, type SampleScanIds } from './scans';
import { drawSignedScans } from './signed-scans';

export const SAMPLE_CASE_FILE = 'case.json';
export const ATTACHMENTS_DIR = 'attachments';

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
  };
}

/** The sample case with its scans attached; returns the case and the files to write. */
export async function buildSampleCase(
  now: Date,
  resourcesDir: string,
): Promise<{
  case: Case;
  files: { name: string; bytes: Uint8Array }[];
  acknowledgedWarnings: PreflightIssue[];
}> {
  const base = sampleCase(now);
  const fonts = await readDocumentFonts(resourcesDir);
  const sampleFonts = { regular: parseFont(fonts.regular), bold: parseFont(fonts.bold ?? fonts.regular) };
  const scans = [
    ...(await sampleScans(base, sampleFonts, sampleScanIds(base))),
    // The letters the sample signs and returns, drawn from the documents as the app prints them; its
    // pre-approval statement is left to sign, to show the loop.
    ...(await drawSignedScans(base, 'authorization-letter', sampleFonts, {
      now,
      resourcesDir,
    })),
    ...(await drawSignedScans(base, 'filing-commitment', sampleFonts, {
      now,
      resourcesDir,
    })),
  ];
  const files: { name: string; bytes: Uint8Array }[] = [];
  const attachments: AttachmentMeta[] = scans.map((scan) => {
    const meta = scanAttachment(scan, now);
    files.push({ name: `${ATTACHMENTS_DIR}/${meta.id}.jpg`, bytes: scan.jpeg });
    return meta;
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
