/**
 * `icp-packet sample --out <dir>`: writes the bundled sample case with its scans, ready for `icp-packet build`.
 *
 * Layout (the same as inside an .icpcase, so both build the same way):
 *
 *   <dir>/case.json                      the case; `attachments[]` lists every scan by SHA-256
 *   <dir>/attachments/<sha256>.jpg       each scan, named by the SHA-256 of its bytes
 *
 * The scans are drawn (host/sample/scans.ts) and marked 样本 / SAMPLE; each is attached to the checklist item
 * the rules compute for the sample, so the checklist shows them as provided.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ATTACHMENTS_DIR, SAMPLE_CASE_FILE, buildSampleCase } from '../../host/sample/sample-case';
import { cliLanguage, formatIssues, message } from '../packet-messages';
import type { CliCommand, CliIo } from '../command';

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
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
